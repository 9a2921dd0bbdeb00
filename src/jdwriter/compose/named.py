"""The duty blocks a title names (产品运营（会员方向）, 社群内容运营, 数据分析+产品运营): they lead the duties as if
asked for. Reads only the job; imports nothing from the other compose stages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..catalog.model import Catalog, Direction, Duty, Level, Role
from ..catalog.vocabulary import vocabulary
from ..models import Request
from ..text import normalise
from .notes import declared_practices


class Job(Protocol):
    """What of a job (compose.job.Job) the named blocks read."""

    catalog: Catalog
    request: Request
    role: Role
    level: Level
    lines_level: str
    allowed: frozenset[str]
    directions: list[Direction]

    def fill(self, text: str, topic_kinds: Sequence[str] = ()) -> str: ...

    def keep(self, texts: Iterable[str], allowed: frozenset[str] | None = None) -> list[str]: ...


MAX_NAMED = 2  # blocks a title names that lead as if asked for; the role's own blocks fill the rest


def named_blocks(job: Job) -> list[Duty]:
    """The duty blocks a title names lead the duties, as if asked for, when one of their phrasings fits this job
    and level: a block of the role's own named anywhere by name or alias (积分运营专员 → 会员与积分体系, 活动策划运营
    → 活动策划), when no direction leads; any block whose name or alias is a whole qualifier of the title
    (产品运营（会员方向）, 平台运营专家——数据分析方向); and the first fitting block of another role the title names
    (社群 in 社群内容运营经理). A name of fewer than three characters (投放) says too little outside a qualifier;
    the role's own name (用户运营) is no block."""
    role, catalog = job.role, job.catalog
    text = normalise(job.request.title or "")
    own = {normalise(w) for w in (role.name, *role.aliases)}
    # an alias of the role that is also a block's (会员运营: 用户运营's alias, 会员与积分体系's too) names that block
    blocks_said = {
        normalise(w) for d in role.duties if d in catalog.duty_by_id for w in catalog.duty_by_id[d].aliases
    }
    own -= blocks_said
    qualifiers = set(job.request.qualifiers) - own
    rank = catalog.level_rank(job.level.id)

    def fits(duty: Duty) -> bool:
        if duty.min_level and catalog.level_rank(duty.min_level) > rank:
            return False
        return bool(job.keep(job.fill(x, duty.topic_kinds) for x in duty.lines[job.lines_level].main))  # type: ignore[index]

    # the direction words the title says (电商数据分析): a block word inside one of them is the direction's
    direction_words = [
        w
        for d in catalog.directions
        for w in (normalise(x) for x in (d.name, *d.aliases, *d.keywords))
        if w in text
    ]
    generic = vocabulary().title.generic
    named = []
    for duty in catalog.duties:
        words = {normalise(w) for w in (duty.name, *duty.aliases)} - own
        # with a direction, only a name of four characters or more that names no direction (天猫客服运营助理:
        # 客服运营) says the block; 直播运营 in 淘系直播运营 is the direction itself
        said = [
            w
            for w in words
            if w in text
            and len(w) >= (4 if job.directions else 3)
            and not any(w in x for x in direction_words)
        ]
        # a block named as a job of its own (种子用户运营) leads whatever role it belongs to; 日常运营 is no job
        in_title = any(duty.id in role.duties or (w.endswith(generic) and len(w) >= 5) for w in said)
        if (in_title or qualifiers & words) and fits(duty):
            named.append(duty)
    # a qualifier that names another role (用户运营（活动运营方向）, 创作者运营—活动方向) joins it as the title's second job
    by_name = {
        normalise(w): r.id
        for r in catalog.roles
        for w in (r.name, r.name.removesuffix("运营"))
        if len(w) >= 2
    }
    leaning = [by_name[q] for q in job.request.qualifiers if q in by_name]
    for other in (catalog.role_by_id[r] for r in dict.fromkeys([*job.request.also, *leaning])):
        # the block the title names (数据分析 in 数据分析+产品运营), else the first one this role does not lead with
        # anyway; 游戏运营（社群方向） read as community work brings its own first block ahead of the game's
        lead = set(role.duties[:3]) if other.id != role.id else set()
        blocks = [catalog.duty_by_id[d] for d in other.duties if d in catalog.duty_by_id and d not in lead]
        told = [d for d in blocks if any(normalise(w) in text for w in (d.name, *d.aliases) if len(w) >= 2)]
        first = next((d for d in [*told, *blocks] if d not in named and fits(d)), None)
        named += [first] if first else []
    return named[:MAX_NAMED]


def hired_blocks(job: Job) -> list[Duty]:
    """运营组长: the blocks of a kind of hire the title names (a 主管 who leads a small team: 小组分工与带教). Like
    the level's own blocks they take one place among the duties, at this level's phrasing."""
    level, catalog = job.level, job.catalog
    kinds = (level.team_lead, level.expert, level.graduate, level.part_time)
    ids = [d for h in kinds if h and h.duties and h.named_by(job.request.title) for d in h.duties]
    return [
        catalog.duty_by_id[d]
        for d in ids
        if d in catalog.duty_by_id and job.lines_level in catalog.duty_by_id[d].lines
    ]


def beside_lines(job: Job) -> list[tuple[Duty, list[str]]]:
    """社群运营/活动运营: the first block of a role the title names beside its own that this job does not already
    draw on, with its phrasings that fit the level and the ways of either role (社群 is the community role's);
    one of them takes one place among the duties."""
    catalog, own = job.catalog, set(job.role.duties)
    for role in (catalog.role_by_id[r] for r in job.request.beside if r in catalog.role_by_id):
        ways = declared_practices(catalog, role.practices, role.duties)
        allowed = job.allowed | frozenset(w for w in ways if catalog.practices[w].kind != "platform")
        for duty in (
            catalog.duty_by_id[d] for d in role.duties[:3] if d in catalog.duty_by_id and d not in own
        ):
            lines = duty.lines.get(job.lines_level)  # type: ignore[call-overload]
            kept = job.keep((job.fill(x, duty.topic_kinds) for x in lines.main), allowed) if lines else []
            if kept and not duty.min_level:
                return [(duty, kept)]
    return []
