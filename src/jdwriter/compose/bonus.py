"""加分项: the directions' first, then the industry's, the role's and its blocks', then the level's."""

from __future__ import annotations

from ..catalog.lint import NEAR, similarity
from ..catalog.model import Duty
from .arrange import unique
from .job import Job

MAX_BONUS = 3


def bonus(job: Job, used: list[Duty]) -> list[str]:
    level = job.level
    industry = [job.fill(x) for x in job.industry.bonus] if job.industry else []
    # A direction's JD takes the direction's bonus, not the role's generic one (单篇阅读 10 万+ is not a
    # 抖音直播 bonus); the blocks it uses still speak.
    role_lines = [] if any(d.bonus for d in job.leading) else job.role.bonus
    experienced = [
        *(job.fill(x) for x in role_lines),
        *(job.fill(b, d.topic_kinds) for d in used for b in d.bonus),
    ]
    direction = [job.fill(b, d.topic_kinds) for d in job.directions for b in d.bonus][:2]
    if not level.role_bonus:
        experienced, direction = [], []
    # The direction, then the industry: they make a 直播 JD differ from a 电商 one at a glance.
    kept: list[str] = []
    lines = [*direction, *industry, *experienced, *(job.fill(x) for x in level.bonus)]
    for text in unique(job.keep(lines)):
        if not any(similarity(text, other) > NEAR for other in kept):  # role and block may say it twice
            kept.append(text)
    return kept[:MAX_BONUS]
