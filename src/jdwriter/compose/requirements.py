"""任职要求: experience, a skill and a tool sentence in the level's voice, then the directions' and the
role's own lines for the level's band and the level's own lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..catalog.lint import MAX_ECHO, NEAR, TEAM, similarity, terms_in
from ..catalog.model import Duty
from ..catalog.vocabulary import vocabulary
from ..text import normalise
from .arrange import fresh, join_cn, said_once, spaced, team_capped, unique
from .bonus import bonus
from .job import Job

MAX_REQUIREMENTS = 7
ENGLISH = re.compile("英语|英文")
MIN_REQUIREMENTS = 4


def own(job: Job) -> list[str]:
    """The directions' and the role's requirement lines for this level's band, and the level's own."""
    # A direction that only says the domain asks for familiarity with it (its junior lines: 常玩游戏), not
    # for having led its function (带领过一款游戏的运营团队 is no media manager's requirement).
    # A platform that only says where a format's work happens (淘宝 in 淘宝直播运营) asks for knowing the
    # platform, not for running a store on it (生意参谋, 直通车): its first line only, and none when a note
    # written for that domain asks what knowing it means (常在淘宝天猫购物).
    _, noted = job.domain_lines
    directions = [
        job.fill(x, d.topic_kinds)
        for d in job.directions
        for x in (
            ([] if noted else d.requirements.junior[:2])
            if d.id in job.context
            else d.requirements.lines(job.level.id)[: 2 if d in job.leading or not job.leading else 1]
        )
    ]
    role = role_lines(job)
    if directions:
        # A direction's own lines say more about this job: one role line; none when the direction writes the
        # duties (panels marked the role's line, 品牌调性的传播文案 for a 投放 job, 改写标题和正文 for a
        # guild's, wrong for the job): there it only makes up a short list.
        role = role[: 0 if job.leading else 1]
    return job.keep([*directions, *role, *level_lines(job)])


def requirements(job: Job, used: list[Duty], duties: list[str]) -> list[str]:
    """A skill or tool whose term is already named MAX_ECHO times (duties, own lines, bonus, the skill
    line) is left out, so no JD names one tool in three items or twice among its requirements."""
    level = job.level
    mine = own(job)
    terms = job.terms()
    named = Counter(t for text in [*duties, *bonus(job, used)] for t in terms_in(text, terms))
    named.update({t: MAX_ECHO for t in terms_in(" ".join(mine), terms)})
    # a direction that only says the domain (海外 in 海外夏令营项目运营) brings no tools or skills of its function
    written = [d for d in job.directions if d.id not in job.context]
    direction_skills = [s for d in written for s in d.skills]
    direction_tools = [t for d in written for t in d.tools]
    borrowed_skills = [s for d in used for s in d.skills if not terms_in(s, job.foreign)]
    # a function role (数据运营 in a 游戏运营数据分析 title) asks for its own skills first, unless the
    # direction is a kind of that function and leads its duties (电商数据运营)
    order = [*direction_skills, *borrowed_skills]
    if not job.leading:
        order = [*borrowed_skills, *direction_skills]
    skills = fresh(job.keep(unique(order)), named, terms)
    named.update({t: MAX_ECHO for t in terms_in(" ".join(skills), terms)})
    borrowed_tools = [t for d in used for t in d.tools if not terms_in(t, job.foreign)]  # no 千牛 for 京东
    tools = [t for t in unique([*direction_tools, *borrowed_tools]) if job.catalog.asks_for(t)]
    tools = job.catalog.without_families(tools)  # not CRM beside Salesforce (panel: slot-filled)
    tools = fresh(job.keep(tools), named, terms)  # no TAPD or 飞书: each employer has its own
    lines = [spaced(job.fill(_experience(job).replace("{role}", field_name(job))))]
    levels = level_lines(job)
    if skills and level.skill_line:
        # one skill: a frame with a list dropped into it reads as slot-filled (对X、Y、Z的常见问题…)
        # when the level's own lines ask for a team, the skill sentence does not ask again
        frames = level.skill_line
        if any(says_team(x) for x in levels):
            frames = [x for x in frames if not says_team(x)] or frames
        lines.append(spaced(job.frame(frames, "skill").replace("{skills}", skills[0])))
    frame, tools = job.tool_frame(tools)
    if tools:
        lines.append(spaced(frame.replace("{tools}", join_cn(tools))))
    # The level's own lines (主管 带教新人, 经理 管理过 3 人以上的团队) come before the role's, so the cut at
    # MAX_REQUIREMENTS never takes the line that says what the level is.
    ranked = [x for x in mine if x in levels] + [x for x in mine if x not in levels]
    _, domain = job.domain_lines  # what the title's domain asks the person to know (金融: 营销合规)
    _, language = job.language_lines
    out = once(unique([*lines[:1], *language, *domain, *lines[1:], *ranked]), lines[1:])
    if language and not ENGLISH.search(job.request.language or ""):  # 亚马逊运营（日语）: not English alone
        out = [x for x in out if not ENGLISH.search(x) or "或" in x]
    english = [x for x in out if ENGLISH.search(x)]
    out = [x for x in out if x not in english[1:]]  # English is asked for once (海外 and its note both ask)
    out = team_capped(job.level.team, _tool_once(out, job.tools()), "requirements")
    themes = vocabulary().title.said_once
    out = said_once(out, themes, exempt=[*lines[:1], *levels])[:MAX_REQUIREMENTS]
    if len(out) < MIN_REQUIREMENTS:
        spare = [x for x in role_lines(job) if not any(similarity(x, o) > NEAR for o in out)]
        # 按周汇报进展 is an executor's line: a level with no tool sentence (经理, 总监) is not asked for it
        general = _fallback() if job.level.frames() else _fallback()[:2]
        if job.leading:  # a general line (which one turns with the direction) before another function's
            turn = sum(map(ord, job.leading[0].id)) % len(general)
            general = general[turn:] + general[:turn]
        order = [*general[:1], *spare, *general[1:]] if job.leading else [*spare, *general]
        more = said_once([*out, *(x for x in order if x not in out)], themes, exempt=out)
        out = team_capped(job.level.team, more, "requirements")
        out = out[:MIN_REQUIREMENTS]
    return out[:MAX_REQUIREMENTS]


def role_lines(job: Job) -> list[str]:
    """The role's requirement lines for the level's band that name no other platform. An expert (数据分析专家,
    read as 主管) is asked what a manager is, less the team (round 40: 「独立做过一个专题分析」 for 5 years)."""
    expert = job.level.expert
    if expert is not None and expert.tools_as and expert.named_by(job.request.title):
        lead = [
            x
            for x in job.role.requirements.lines(expert.tools_as)
            if not says_team(x) and not any(w in x for w in expert.not_asked)
        ]
        # the level's own line that asks for a record, not a skill the lead lines already ask at more depth
        own = [x for x in job.role.requirements.lines(job.level.id) if not says_team(x)][-1:]
        band = [*lead, *own]
    else:
        band = job.role.requirements.lines(job.level.id)
    lines = [job.fill(x) for x in band]
    return [x for x in job.keep(lines) if not terms_in(x, job.foreign)]


def _experience(job: Job) -> str:
    """The level's experience line; a campus hire (管培生, 应届) is not asked for years of work, and an expert
    (数据运营专家, read as 主管) is asked for more than a 主管's 3–5 years."""
    for kind in (job.level.part_time, job.level.graduate, job.level.expert):
        if kind is not None and kind.named_by(job.request.title):
            return kind.experience
    # 京东自营运营经理（2年以上工作经验）: the years the title states, not the level's (round 47 asked for 5)
    stated = _STATED_YEARS.search(job.request.title or "")
    if stated:
        return _LEVEL_YEARS.sub(f"{stated.group(1)} 年以上", job.level.experience, count=1)
    return job.level.experience


_STATED_YEARS = re.compile(r"(\d{1,2})\s*年以上")
_LEVEL_YEARS = re.compile(r"\d+(?:–\d+)? 年(?:以上)?")


def says_team(text: str) -> bool:
    return any(w in text for w in TEAM)


def once(lines: list[str], assembled: list[str]) -> list[str]:
    """A JD says each thing once: of two lines with nearly the same character pairs the first written one
    stays, and an assembled sentence (skill, tool) gives way to a written one whatever their order."""
    written = [x for x in lines if x not in assembled]
    kept: list[str] = []
    for text in written:
        if not any(similarity(text, other) > NEAR for other in kept):
            kept.append(text)
    for text in assembled:
        if text in lines and not any(similarity(text, other) > NEAR for other in kept):
            kept.append(text)
    return [x for x in lines if x in kept]


def _tool_once(lines: list[str], tools: Sequence[str]) -> list[str]:
    """The requirements ask for a tool once: a line naming a tool an earlier line asked for goes (写得出基础的
    SQL 查询 and then 能用 SQL 完成取数与清洗), unless it also names a tool of its own."""
    kept: list[str] = []
    asked: set[str] = set()
    for text in lines:
        named = terms_in(text, tools)
        if named and named <= asked:
            continue
        asked |= named
        kept.append(text)
    return kept


def level_lines(job: Job) -> list[str]:
    """The level's own requirements; a remote job (远程实习) is not asked to come in on set days."""
    words = vocabulary().title
    remote = any(normalise(w) in normalise(job.request.title or "") for w in words.remote)
    return [job.fill(x) for x in job.level.requirements if not (remote and any(w in x for w in words.onsite))]


def field_name(job: Job) -> str:
    """What the experience line asks experience in: 外卖运营 for a 外卖运营主管, not the 电商运营 it sits
    under; 跨境电商运营 for a 跨境电商运营主管, though 电商运营 is inside it; the role when the title names
    it on its own (直播用户运营 → 用户运营). Compared without spaces or case (TikTokShop运营)."""
    title = normalise(job.request.title or "")
    # a direction that only says the domain (游戏 in 游戏媒介经理, 游戏数据分析) names no field of experience
    written = [d for d in job.directions if d not in job.domains]
    if len(written) > 1 and all(d.platforms for d in written):
        return job.role.name  # 天猫京东运营经理: experience in 电商运营, not in 京东运营 alone
    if written:
        direction = written[0]
        # 论坛运营, 天猫运营: as the title says
        # an alias that holds a level word (策略运营专家) names no field: 5 年以上策略运营专家经验 reads wrong
        levels = {
            w for x in job.catalog.levels for w in (x.name, *x.aliases, *(x.expert.words if x.expert else ()))
        }
        said = [
            a
            for a in (direction.name, *direction.aliases)
            if normalise(a) in title and not a.endswith(tuple(levels))
        ]
        if said and normalise(job.role.name) not in title:
            return max(said, key=len)
        named = normalise(direction.name)
        if named in title or (normalise(job.role.name) not in title and named.removesuffix("运营") in title):
            return direction.name
    return job.role.name


def _fallback() -> list[str]:
    """General lines for a list shorter than four: a thin user catalogue's, or a direction's JD that leaves
    the role's own lines out."""
    return [
        "书面表达清楚，能写出结构完整的方案和复盘文档",
        "习惯先用数据验证判断再下结论，对自己经手的结果负责",
        "能把工作拆成可衡量的目标，按周汇报进展和数据",
    ]
