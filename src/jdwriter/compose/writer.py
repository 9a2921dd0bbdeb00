"""Compose a JobDescription from a request and the catalogue.

A pure function: no I/O, no typer, no rich. The same request always gives the same JD; a seed picks other
phrasing variants, deterministically (random.Random seeded with a string hashes it with SHA-512, so the
choice does not depend on PYTHONHASHSEED or the platform).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..catalog.lint import MAX_ECHO, METRICS, NEAR, opening, similarity, terms_in
from ..catalog.model import PLACEHOLDER, Catalog, Direction, Duty
from ..errors import UnknownNameError, UserError
from ..formats import TEMPLATES
from ..models import JobDescription, Ref, Request, Section
from ..text import normalise

T = TypeVar("T")
MAX_DUTIES = 7
MAX_REQUIREMENTS = 7
MIN_REQUIREMENTS = 4
MAX_BONUS = 3
MAX_KPIS = 5
MAX_LEAD = 3  # direction (and topic) blocks at the top: the role's own duties keep at least two places
TOPIC_BLOCK = "topic_focus"
MAX_LISTED = 3  # skills or tools named in one requirement line: more reads like a keyword dump

HEADINGS = {
    "summary": "岗位概述",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "bonus": "加分项",
    "kpis": "考核指标",
    "company": "公司介绍",
    "benefits": "福利待遇",
}
LAYOUTS = {
    "standard": ("duties", "requirements", "bonus"),
    "full": ("summary", "duties", "requirements", "bonus", "kpis", "company", "benefits"),
}


def join_cn(words: list[str]) -> str:
    """A、B、C. Not "A、B与C": a skill may itself contain 与 (埋点设计与验收), and two would read badly."""
    return "、".join(words)


_CJK_LATIN = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z]{2})(?=[\u4e00-\u9fff])"
)  # B站, C端 stay whole


def spaced(text: str) -> str:
    """熟练使用Excel与SQL → 熟练使用 Excel 与 SQL: the spacing the catalogue's own sentences use."""
    return _CJK_LATIN.sub(" ", text)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _fresh(words: list[str], named: Counter[str], terms: Sequence[str]) -> list[str]:
    """Up to MAX_LISTED words that name no tool or metric the JD already names MAX_ECHO times, and none
    inside another kept one (海外效果广告 and 海外效果广告优化 are one skill)."""
    kept: list[str] = []
    for word in words:
        if all(named[t] < MAX_ECHO for t in terms_in(word, terms)) and not any(
            word in other or other in word for other in kept
        ):
            kept.append(word)
    return kept[:MAX_LISTED]


def arrange(slots: list[list[str]], terms: Iterable[str], named: Iterable[str] = ()) -> list[str]:
    """One phrasing per slot, seeded preferences first, so that the duties read as a person wrote them:
    no three in a row open with the same verb, no verb opens more than half, no tool or metric is named in
    more than MAX_ECHO items (counting ``named``, the JD's other items), no two say the same thing.
    A depth-first search over the few variants; a thin user catalogue that cannot meet it gets the
    seeded choices."""
    terms, others = list(terms), list(named)
    limit = len(slots) // 2
    chosen: list[str] = []
    verbs: Counter[str] = Counter()
    echo: Counter[str] = Counter(t for text in others for t in terms_in(text, terms))
    budget = [4000]  # steps; the catalogue's shapes need a few dozen

    def fits(text: str) -> bool:
        verb = opening(text)
        if text in chosen or verbs[verb] >= limit or [opening(x) for x in chosen[-2:]] == [verb, verb]:
            return False
        if any(echo[t] >= MAX_ECHO for t in terms_in(text, terms)):
            return False
        return not any(similarity(text, other) > NEAR for other in [*chosen, *others])

    def walk(i: int) -> bool:
        if i == len(slots):
            return True
        for text in slots[i]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if not fits(text):
                continue
            found = terms_in(text, terms)
            chosen.append(text)
            verbs[opening(text)] += 1
            echo.update(found)
            if walk(i + 1):
                return True
            chosen.pop()
            verbs[opening(text)] -= 1
            echo.subtract(found)
        return False

    return chosen if walk(0) else _unique(options[0] for options in slots if options)


class _Writer:
    """Holds what one composition needs: the chosen entries, placeholder values and the seeded picker."""

    def __init__(self, request: Request, catalog: Catalog) -> None:
        self.catalog = catalog
        self.request = request
        self.role = _get(catalog.role_by_id, request.role, "岗位")
        self.level = _get(catalog.level_by_id, request.level, "级别")
        self.industry = _get(catalog.industry_by_id, request.industry, "行业") if request.industry else None
        self.values = {**catalog.placeholders, **(self.industry.values if self.industry else {})}
        if request.topic:
            self.values["topic"] = request.topic
        self.directions = [_get(catalog.direction_by_id, d, "方向") for d in _unique(request.directions)]
        # other directions' platforms: borrowed role lines, skills and tools naming one are left out
        ids = tuple(d.id for d in self.directions)
        self.foreign = tuple(catalog.foreign_platforms(ids)) if ids else ()
        self.emphasis = [_get(catalog.duty_by_id, d, "职责侧重") for d in _unique(request.emphasis)]
        rank = catalog.level_rank(self.level.id)
        for duty in self.emphasis:
            if duty.min_level and catalog.level_rank(duty.min_level) > rank:
                minimum = catalog.level_by_id[duty.min_level].name
                raise UserError(f"「{duty.name}」只适用于{minimum}及以上级别，当前级别是{self.level.name}。")

    def fill(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda m: self.values.get(m.group(1), m.group(0)), text)

    def pick(self, options: list[str], *key: str) -> str:
        return options[self.index(len(options), *key)]

    def index(self, count: int, *key: str) -> int:
        if count == 1:
            return 0
        # The role is part of the key, so two roles sharing a block rarely print the same sentence.
        seed = "0" if self.request.seed is None else str(self.request.seed)
        rng = random.Random("|".join((seed, self.role.id, self.level.id, *key)))
        return rng.randrange(count)

    def options(self, duty: Duty) -> list[str]:
        """The main item's phrasings, the seeded pick first; arrange() takes another only to keep variety."""
        variants = duty.lines[self.level.id].main  # type: ignore[index]
        start = self.index(len(variants), duty.id, "main")
        return [self.fill(x) for x in variants[start:] + variants[:start]]

    def frame(self, phrasings: list[str], key: str) -> str:
        """A level's skill or tool sentence. Rotated by the role's place in the catalogue, so a batch of
        different roles uses different frames (each frame serves at most ceil(roles / phrasings) roles);
        the seed shifts the rotation for every role alike."""
        seed = "0" if self.request.seed is None else str(self.request.seed)
        shift = random.Random("|".join((seed, self.level.id, key))).randrange(len(phrasings))
        place = [r.id for r in self.catalog.roles].index(self.role.id)
        return phrasings[(place + shift) % len(phrasings)]

    def terms(self) -> tuple[str, ...]:
        """The tools and metrics no JD may name in more than MAX_ECHO items (worked out once per catalogue)."""
        return _terms(self.catalog)

    def own(self) -> list[str]:
        """The directions' and the role's requirement lines for this level's band, and the level's own."""
        directions = [x for d in self.directions for x in d.requirements.lines(self.level.id)[:2]]
        role = self.role.requirements.lines(self.level.id)
        if directions:
            # A direction's own lines say more about this job: one role line, naming no other platform.
            role = [x for x in role if not terms_in(self.fill(x), self.foreign)][:1]
        lines = [*directions, *role, *self.level.requirements]
        return [self.fill(x) for x in lines]

    def lead_options(self, duty: Duty) -> list[str]:
        """A direction block's phrasings that say the direction word the title used (直播, 亚马逊), seeded
        pick first, so the JD names the job it is for; arrange() may take another of them for variety.
        When the title uses a synonym (UP主 for 创作者, bilibili for B站), the line says it the title's way."""
        owners = [d for d in self.directions if duty.id in d.duties]
        said = [w for d in owners for w in self.title_words(d)]
        stems = [d.name.removesuffix("运营") for d in owners]
        wanted = [w.casefold() for w in [*said, *stems]]
        lines = duty.lines[self.level.id]  # type: ignore[index]
        for variants in (lines.main, lines.more):
            saying = [self.fill(x) for x in variants if any(w in self.fill(x).casefold() for w in wanted)]
            if saying:
                start = self.index(len(saying), duty.id, "main")
                first = [self._in_title_words(x, said, stems) for x in saying[start:] + saying[:start]]
                # the other phrasings only when no arrangement keeps variety with these
                return first + [x for x in self.options(duty) if x not in saying]
        return self.options(duty)

    @staticmethod
    def _in_title_words(line: str, said: list[str], stems: list[str]) -> str:
        if said and not any(w.casefold() in line.casefold() for w in said):
            stem = next((x for x in stems if x in line), None)
            if stem:
                return line.replace(stem, max(said, key=len), 1)
        return line

    def title_words(self, direction: Direction) -> list[str]:
        """The words of a direction (name, aliases, keywords, without 运营) that the title itself uses."""
        stems = [w.removesuffix("运营") for w in (direction.name, *direction.aliases)] + direction.keywords
        title = (self.request.title or "").casefold()
        return [w for w in stems if len(w) > 1 and w.casefold() in title]

    def more(self, duty: Duty) -> list[str]:
        return [self.fill(x) for x in duty.lines[self.level.id].more]  # type: ignore[index]

    def applies(self, duty: Duty) -> bool:
        return self.level.id in duty.lines

    def lead(self) -> list[Duty]:
        """The directions' own blocks, and the topic block when the title names a topic none of them use."""
        blocks = [
            self.catalog.duty_by_id[x]
            for d in self.directions
            for x in d.duties
            if x in self.catalog.duty_by_id
        ]
        if self.request.topic and TOPIC_BLOCK in self.catalog.duty_by_id:
            if not any("{topic}" in line for b in blocks for line in _level_lines(b, self.level.id)):
                blocks.append(self.catalog.duty_by_id[TOPIC_BLOCK])
        return [b for b in _unique_duties(blocks) if self.applies(b)][:MAX_LEAD]

    def duties(self) -> tuple[list[str], list[Duty]]:
        """岗位职责: the directions' blocks, emphasised blocks (with their extra items), the role's blocks
        (those a direction pulls forward first), then level blocks."""
        emphasised = {d.id for d in self.emphasis}
        lead = [d for d in self.lead() if d.id not in emphasised]
        skip = emphasised | {d.id for d in lead} | {x for d in self.directions for x in d.skip}
        reserved = [self.catalog.duty_by_id[d] for d in self.level.extra_duties if d not in skip]
        pulled = [x for d in self.directions for x in d.emphasis]
        regular = [
            d
            for d in _unique_duties(self.catalog.duty_by_id[x] for x in [*pulled, *self.role.duties])
            if d.id not in skip and d.id not in self.level.extra_duties and self.applies(d)
        ]
        target = self.level.duty_count + (1 if self.emphasis else 0)
        slots_free = min(MAX_DUTIES, target) - len(reserved)
        if len(self.emphasis) > slots_free:
            raise UserError(f"侧重最多选 {slots_free} 项，现在选了 {len(self.emphasis)} 项。")
        lead = lead[: max(0, slots_free - len(self.emphasis) - min(2, len(regular)))]
        # Extra items of emphasised blocks, taken round-robin, leaving room for at least two role duties.
        extras: dict[str, list[str]] = {d.id: [] for d in self.emphasis}
        room = max(0, slots_free - len(lead) - len(self.emphasis) - min(2, len(regular)))
        queue = [(d.id, x) for i in range(2) for d in self.emphasis for x in self.more(d)[i : i + 1]]
        for duty_id, text in queue[:room]:
            extras[duty_id].append(text)
        slots: list[list[str]] = []
        used: list[Duty] = []
        for duty in lead:
            slots.append(self.lead_options(duty))
            used.append(duty)
        for duty in self.emphasis:
            slots += [self.options(duty), *([x] for x in extras[duty.id])]
            used.append(duty)
        for duty in regular:
            if len(slots) >= slots_free:
                break
            slots.append(self.options(duty))
            used.append(duty)
        for duty in regular:  # a role with few blocks borrows their extra items to fill its slots
            slots += [[x] for x in self.more(duty)[: max(0, slots_free - len(slots))]]
        for duty in reserved:
            slots.append(self.options(duty))
            used.append(duty)
        named = [*self.own(), *self.bonus(used)]
        return arrange(slots, self.terms(), named), used

    def requirements(self, used: list[Duty], duties: list[str]) -> list[str]:
        """Experience, a skill and a tool sentence in this level's voice, then the role's lines for the band.
        A skill or tool whose term is already named MAX_ECHO times (duties, own lines, bonus, the skill
        line) is left out, so no JD names one tool in three items or twice among its requirements."""
        level = self.level
        own = self.own()
        terms = self.terms()
        named = Counter(t for text in [*duties, *self.bonus(used)] for t in terms_in(text, terms))
        named.update({t: MAX_ECHO for t in terms_in(" ".join(own), terms)})
        direction_skills = [s for d in self.directions for s in d.skills]
        direction_tools = [t for d in self.directions for t in d.tools]
        borrowed_skills = [s for d in used for s in d.skills if not terms_in(s, self.foreign)]
        skills = _fresh(_unique([*direction_skills, *borrowed_skills]), named, terms)
        named.update({t: MAX_ECHO for t in terms_in(" ".join(skills), terms)})
        borrowed_tools = [
            t for d in used for t in d.tools if not terms_in(t, self.foreign)
        ]  # no 千牛 for 京东
        tools = _fresh(_unique([*direction_tools, *borrowed_tools]), named, terms)
        lines = [spaced(self.fill(level.experience.replace("{role}", self.field_name())))]
        if skills:
            lines.append(spaced(self.frame(level.skill_line, "skill").replace("{skills}", join_cn(skills))))
        if tools:
            lines.append(spaced(self.frame(level.tool_line, "tool").replace("{tools}", join_cn(tools))))
        return _unique([*lines, *own])[:MAX_REQUIREMENTS]

    def field_name(self) -> str:
        """What the experience line asks experience in: 外卖运营 for a 外卖运营主管, not the 电商运营 it sits
        under; 跨境电商运营 for a 跨境电商运营主管, though 电商运营 is inside it; the role when the title names
        it on its own (直播用户运营 → 用户运营). Compared without spaces or case (TikTokShop运营)."""
        title = normalise(self.request.title or "")
        if self.directions:
            direction = self.directions[0]
            named = normalise(direction.name)
            if named in title or (
                normalise(self.role.name) not in title and named.removesuffix("运营") in title
            ):
                return direction.name
        return self.role.name

    def bonus(self, used: list[Duty]) -> list[str]:
        industry = self.industry.bonus if self.industry else []
        experienced = [*self.role.bonus, *(b for d in used for b in d.bonus)] if self.level.role_bonus else []
        direction = [b for d in self.directions for b in d.bonus][:2] if self.level.role_bonus else []
        # The direction, then the industry: they make a 直播 JD differ from a 电商 one at a glance.
        kept: list[str] = []
        for text in _unique(self.fill(x) for x in [*direction, *industry, *experienced, *self.level.bonus]):
            if not any(similarity(text, other) > NEAR for other in kept):  # role and block may say it twice
                kept.append(text)
        return kept[:MAX_BONUS]

    def summary(self) -> str:
        text = self.fill(self.directions[0].summary) if self.directions else self.fill(self.role.summary)
        text = text.rstrip("。") + "。"
        topic = self.request.topic
        if topic and topic not in text:
            text = f"这个岗位专注{topic}。{text}"
        return text + self.level.scope

    def kpis(self, used: list[Duty]) -> list[str]:
        owned = {
            x for d in self.directions if d.kpi for x in d.duties
        }  # the direction says it for its blocks
        lines = [*(k for d in self.directions for k in d.kpi), *(d.kpi for d in used if d.id not in owned)]
        kept: list[str] = []
        for text in _unique(self.fill(k) for k in lines):
            if not any(similarity(text, other) > NEAR for other in kept):
                kept.append(text)
        return kept[:MAX_KPIS]


_TERMS: dict[int, tuple[Catalog, tuple[str, ...]]] = {}


def _terms(catalog: Catalog) -> tuple[str, ...]:
    hit = _TERMS.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        if len(_TERMS) > 8:
            _TERMS.clear()
        hit = _TERMS[id(catalog)] = (
            catalog,
            tuple(_unique([*METRICS, *(t for d in catalog.duties for t in d.tools)])),
        )
    return hit[1]


def _unique_duties(duties: Iterable[Duty]) -> list[Duty]:
    return list({d.id: d for d in duties}.values())


def _level_lines(duty: Duty, level_id: str) -> list[str]:
    lines = duty.lines.get(level_id)  # type: ignore[call-overload]
    return [*lines.main, *lines.more] if lines else []


def _get(table: dict[str, T], key: str, kind: str) -> T:
    """table[key], or an UnknownNameError naming the kind and the closest ids."""
    try:
        return table[key]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, list(table), n=5, cutoff=0.3)
        raise UnknownNameError(kind, key, close or list(table)[:8]) from None


def title_for(request: Request, catalog: Catalog) -> str:
    """The JD's title: the one the user gave, else the level's pattern (高级{role}) with the role name."""
    if request.title:
        return request.title
    level = _get(catalog.level_by_id, request.level, "级别")
    return level.title.replace("{role}", _get(catalog.role_by_id, request.role, "岗位").name)


def compose(request: Request, catalog: Catalog) -> JobDescription:
    """Turn a resolved request into a JobDescription. Raises UserError for impossible requests."""
    if request.template not in LAYOUTS:
        raise UnknownNameError("模板", request.template, list(TEMPLATES))
    w = _Writer(request, catalog)
    duties, used = w.duties()
    requirements = w.requirements(used, duties)
    if len(requirements) < MIN_REQUIREMENTS:
        requirements += [x for x in _fallback_requirements() if x not in requirements]
    company = request.company
    content: dict[str, list[str]] = {
        "summary": [w.summary()],
        "duties": duties,
        "requirements": requirements[:MAX_REQUIREMENTS],
        "bonus": w.bonus(used),
        "kpis": w.kpis(used),
        "company": [company.intro] if company.intro else [],
        "benefits": _unique(company.benefits),
    }
    layout = LAYOUTS[request.template]
    sections = [
        Section(
            id=key,
            heading=HEADINGS[key],
            items=content[key],
            ordered=key in ("duties", "requirements"),
            prose=key in ("summary", "company"),
        )
        for key in layout
        if content[key]
    ]
    meta: dict[str, str | int] = {}
    for key in ("name", "location", "salary", "headcount"):
        value = getattr(company, key)
        if value not in (None, ""):
            meta["company" if key == "name" else key] = value
    return JobDescription(
        title=title_for(request, catalog),
        role=Ref(id=w.role.id, name=w.role.name),
        level=Ref(id=w.level.id, name=w.level.name),
        industry=Ref(id=w.industry.id, name=w.industry.name) if w.industry else None,
        directions=[Ref(id=d.id, name=d.name) for d in w.directions],
        topic=request.topic,
        emphasis=[d.id for d in w.emphasis],
        summary=content["summary"][0],
        meta=meta,
        sections=sections,
    )


def _fallback_requirements() -> list[str]:
    """Used only when a thin user catalogue yields fewer than four requirement lines."""
    return [
        "能把工作拆成可衡量的目标，按周汇报进展和数据",
        "书面表达清楚，能写出结构完整的方案和复盘文档",
        "习惯用数据验证判断，对结果负责",
    ]
