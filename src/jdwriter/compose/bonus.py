"""加分项: the directions' first, then the industry's, the role's and its blocks', then the level's; none that
speaks of an achievement two or more levels away (a 专员 is not asked to have 制定过 a year's plan, a 总监 not
to have 策划过 a column)."""

from __future__ import annotations

from ..catalog.lint import NEAR, similarity
from ..catalog.model import Catalog, Duty
from ..catalog.vocabulary import vocabulary
from .arrange import said_once, team_capped, unique
from .job import Job, hire_level

MAX_BONUS = 3


def bonus(job: Job, used: list[Duty]) -> list[str]:
    # a graduate hire (助理, 培训生) is not asked for a store in a category's top ranks: its bonus is an intern's
    level = hire_level(job.catalog, job.level, job.request.title)
    industry = [job.fill(x) for x in job.industry.bonus] if job.industry else []
    # A direction's JD takes the direction's bonus, not the role's generic one (单篇阅读 10 万+ is not a
    # 抖音直播 bonus); the blocks it uses still speak.
    role_lines = [] if any(d.bonus for d in job.leading) else job.role.bonus
    experienced = [
        *(job.fill(x) for x in role_lines),
        *(job.fill(b, d.topic_kinds) for d in used for b in d.bonus),
    ]
    # a direction that only says the domain has no bonus for this job (运营过月流水千万级的手游 is no media bonus)
    direction = [
        job.fill(b, d.topic_kinds)
        for d in job.directions
        if d.id not in job.context and d not in job.domains
        for b in d.bonus
    ][:2]
    if not level.role_bonus:
        experienced, direction = [], []
    # The direction, then the industry: they make a 直播 JD differ from a 电商 one at a glance.
    kept: list[str] = []
    rank = job.catalog.level_rank(level.id)
    # an industry's line asks for experience in the industry (做过线上零售的运营), sized to no level
    reach = [x for x in [*direction, *experienced] if within_reach(job.catalog, x, rank)]
    lines = [*(x for x in direction if x in reach), *industry, *(x for x in experienced if x in reach)]
    if job.request.language:  # 海外运营（越南）: the language is named; no 「日语、西班牙语等小语种」
        lines = [x for x in lines if not any(w in x for w in vocabulary().title.any_language)]
    for text in unique(job.keep(lines)):
        if not any(similarity(text, other) > NEAR for other in kept):  # role and block may say it twice
            kept.append(text)
    # the level's own lines are never cut: for a 经理 or 总监 they are the ones sized to the level; but one
    # that says what a written line already says (从零 beside 从零搭建过平台入驻) gives way to it (round 55)
    themes = vocabulary().title.said_once
    kept = team_capped(level.team, said_once(kept, themes), "bonus")
    own = [x for x in (job.fill(b) for b in level.bonus) if x not in kept]
    own = said_once(own, themes, before=kept[:MAX_BONUS])
    return [*kept[: MAX_BONUS - len(own)], *own][:MAX_BONUS]


REACH = 1
"""How many levels away from the job's an achievement's verb may sit."""


def achievement_ranks(catalog: Catalog, text: str) -> set[int]:
    """The ranks of the levels whose palette has the verb of the line's achievement (``制定过`` in
    「独立制定过年度规划」): a level verb followed by 过, or one of the level's achievement words, within
    the line's first six characters."""
    head = text[:6]
    ranks: set[int] = set()
    for level in catalog.levels:
        if any(f"{verb}过" in head for verb in level.verbs) or any(w in head for w in level.achievements):
            ranks.add(catalog.level_rank(level.id))
    return ranks


def within_reach(catalog: Catalog, text: str, rank: int) -> bool:
    """The line names no achievement, or one of a level at most REACH away from ``rank``."""
    ranks = achievement_ranks(catalog, text)
    return not ranks or min(abs(r - rank) for r in ranks) <= REACH
