"""What one composition needs: the chosen catalogue entries, placeholder values and the seeded picker.
The sections (duties.py, requirements.py, bonus.py, summary.py) read from a :class:`Job`."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from ..catalog.lint import METRICS
from ..catalog.model import PLACEHOLDER, Catalog, Direction, DomainNote, Duty, Industry, Level, Role
from ..errors import UnknownNameError, UserError
from ..models import Request
from ..text import normalise
from .arrange import says, unique
from .named import named_blocks
from .notes import declared_practices, dropped_by_title, pick_note, subject_note

T = TypeVar("T")
ENOUGH_TOOLS = 2  # a tool sentence naming two of the job's tools says enough; the duties name the rest


def hire_level(catalog: Catalog, level: Level, title: str | None) -> Level:
    """The level whose tool sentences fit the hire: a graduate 助理 is asked as an intern is (会用, 愿意学), an
    expert (数据分析专家, read as 主管) as a manager is (no 「会用 Excel 拆指标」)."""
    for hire in (level.graduate, level.expert):
        if hire and hire.tools_as and hire.named_by(title):
            return catalog.level_by_id.get(hire.tools_as, level)
    return level


def hire_reading(level: Level, title: str | None) -> tuple[str, tuple[str, ...]]:
    """The level whose duty phrasings fit the hire: a graduate's (数据运营助理, 应届) are an intern's (协助), not
    a specialist's (输出专题分析, 撰写实验方案; round 41). And what its lines do not ask: the level's words, with
    those of the kind of hire the title names (an expert is not asked to have built a dashboard; round 55)."""
    hire = level.graduate
    duties = hire.duties_as if hire and hire.duties_as and hire.named_by(title) else level.id
    kinds = (level.graduate, level.expert, level.part_time)
    named = [w for h in kinds if h and h.beyond and h.named_by(title) for w in h.beyond]
    return duties, (*level.beyond, *named)


def domains_of(role: Role, named: list[Direction]) -> list[Direction]:
    """Directions the title pairs with a role they are not written for: the domain of the job (游戏产品运营);
    and those a function role (数据运营) only works in: 游戏 in 游戏数据运营 is the game it analyses.
    One that gives way to another named direction says only where (日本 beside 亚马逊): it is no domain."""
    ids = {d.id for d in named}
    return [
        d
        for d in named
        if (role.id not in d.roles or not (role.direction_blocks or d.roles[0] == role.id))
        and not ids & set(d.gives_way_to)
    ]


class Job:
    """One request read against the catalogue: role, level, industry, directions, emphasis and values."""

    def __init__(self, request: Request, catalog: Catalog) -> None:
        self.catalog = catalog
        self.request = request
        self.role = sided(get(catalog.role_by_id, request.role, "岗位"), request.title)
        self.level = get(catalog.level_by_id, request.level, "级别")
        self.lines_level, self.beyond = hire_reading(self.level, request.title)
        self.industry = get(catalog.industry_by_id, request.industry, "行业") if request.industry else None
        # The role's own counterpart wins (客户成功 serves 企业客户 in every industry), then the industry's.
        self.values = {
            **catalog.placeholders,
            **(self.industry.values if self.industry else {}),
            **self.role.values,
        }
        # placeholders whose general value is only a stand-in (see Slot.needs_value) and that nothing filled
        given = {*(self.industry.values if self.industry else {}), *self.role.values}
        self.thin = frozenset(n for n, slot in catalog.slots.items() if slot.needs_value and n not in given)
        named = [get(catalog.direction_by_id, d, "方向") for d in unique(request.directions)]
        self.domains = domains_of(self.role, named)
        # For a function role (数据运营, 招商运营) a direction written for other roles (招商运营 with the AI
        # product direction) is only the title's context: it brings no lines, so the JD stays the role's.
        self.directions = [d for d in named if self.role.direction_blocks or self.role.id in d.roles]
        # directions not written for this role only say the domain (游戏 in 游戏媒介经理)
        self.context = frozenset(d.id for d in self.directions if self.role.id not in d.roles)
        # Duty blocks lead only from directions written for this role: 市场运营 in a 游戏运营（市场品牌方向）
        # title keeps its brand duties and takes the game direction's requirements, not its economy lines.
        # A direction written first for a function role (电商数据运营 for 数据运营) is a kind of that function,
        # not a domain around it: its blocks lead even where the role keeps other directions' blocks out.
        own, functional = self.role.id, not self.role.direction_blocks
        leading = [d for d in self.directions if own in d.roles and not (functional and d.roles[0] != own)]
        # 抖音直播运营 is live work on 抖音: the platform's direction only names where; the format's writes.
        venues = {d.id for d in venue_directions(catalog, self.directions)}
        self.leading = [d for d in leading if d.id not in venues] or leading
        lead_ids = {d.id for d in self.leading}  # 海外 beside 投放 only says where the buying is done
        self.leading = [d for d in self.leading if not lead_ids & set(d.gives_way_to)] or self.leading
        self.allowed = job_practices(catalog, request.title, self.role, self.directions, self.industry)
        self.open_ways = open_practices(catalog, request.title)
        # other directions' platforms: borrowed role lines, skills and tools naming one are left out
        ids = tuple(d.id for d in self.directions)
        self.foreign = tuple(catalog.foreign_platforms(ids)) if ids else ()
        self.emphasis = [get(catalog.duty_by_id, d, "职责侧重") for d in unique(request.emphasis)]
        if not self.emphasis:
            self.emphasis = named_blocks(self)
        rank = catalog.level_rank(self.level.id)
        for duty in self.emphasis:
            if duty.min_level and catalog.level_rank(duty.min_level) > rank:
                minimum = catalog.level_by_id[duty.min_level].name
                raise UserError(f"「{duty.name}」只适用于{minimum}及以上级别，当前级别是{self.level.name}。")

    def fill(self, text: str, topic_kinds: Sequence[str] = ()) -> str:
        """Placeholders filled with the industry's values. {topic} takes the title's domain only in a line
        written for a domain of its kind (``topic_kinds``); elsewhere it reads as the general wording."""
        topic = self.request.topic
        values = self.values
        if topic and self.request.topic_kind in topic_kinds:
            values = {**values, "topic": topic}
        elif topic_kinds and "topic" in self.catalog.slots:
            general = self.catalog.slots["topic"].general.get(topic_kinds[0])
            values = {**values, "topic": general} if general else values
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

    def bare(self, text: str) -> bool:
        """The unfilled line names a placeholder that would print only its stand-in value."""
        return any(name in self.thin for name in PLACEHOLDER.findall(text))

    def solid(self, texts: Iterable[str]) -> list[str]:
        """The unfilled lines that need no stand-in value."""
        return [x for x in texts if not self.bare(x)]

    def fits(self, text: str, allowed: frozenset[str] | None = None) -> bool:
        """The line names no platform, tool or activity this job does not call for, and asks nothing beyond
        the level (a requirement shared by 实习生 and 专员 that says 熟练 is not an intern's)."""
        if any(word in text for word in self.beyond):
            return False
        ways = self.catalog.practices_in(text) - self.open_ways
        return ways <= (self.allowed if allowed is None else allowed)

    def keep(self, texts: Iterable[str], allowed: frozenset[str] | None = None) -> list[str]:
        return [x for x in texts if self.fits(x, allowed)]

    def index(self, count: int, *key: str) -> int:
        if count == 1:
            return 0
        # The role is part of the key, so two roles sharing a block rarely print the same sentence.
        seed = "0" if self.request.seed is None else str(self.request.seed)
        rng = random.Random("|".join((seed, self.role.id, self.level.id, *key)))
        return rng.randrange(count)

    def options(self, duty: Duty) -> list[str]:
        """The main item's phrasings that fit the job, the seeded pick first; arrange() takes another only to
        keep variety. A block the user asked for (--emphasis) keeps all its phrasings when none fits."""
        variants = duty.lines[self.lines_level].main  # type: ignore[index]
        start = self.index(len(variants), duty.id, "main")
        turned = variants[start:] + variants[:start]
        filled = [self.fill(x, duty.topic_kinds) for x in self.solid(turned) or turned]
        return self.teamless(duty, self.keep(filled) or filled, drop=False)

    def more(self, duty: Duty) -> list[str]:
        lines = duty.lines[self.lines_level].more  # type: ignore[index]
        return self.teamless(duty, self.keep(self.fill(x, duty.topic_kinds) for x in self.solid(lines)))

    def teamless(self, duty: Duty, lines: list[str], drop: bool = True) -> list[str]:
        """A level that asks for a team once (经理) says it in its own team block: another block's phrasing that
        leads a team comes last, and its further lines that do are dropped."""
        cap = self.level.team
        if cap is None or duty.id in self.level.extra_duties:
            return lines
        plain = [x for x in lines if not says(cap.pattern, x)]
        return plain if drop else plain + [x for x in lines if x not in plain]

    @cached_property
    def domain_lines(self) -> tuple[list[str], list[str]]:
        """The duties and requirements written for the title's domain (金融: 营销合规) that fit the job, from
        the first note for it that suits this role; the JD takes one of each (worked out once per job)."""
        return self._note_lines(*self._subject)

    @property
    def focus_note(self) -> DomainNote | None:
        """补贴策略运营: the note for what the title's direction works on (补贴), when it is the job's subject
        note; its duty leads the JD."""
        note = self._subject[0]
        return note if note is not None and note.focus else None

    @cached_property
    def _subject(self) -> tuple[DomainNote | None, frozenset[str]]:
        # 腾讯云房地产行业运营: a side without domain notes takes no property platform's note
        r = self.request
        domain = r.domain if self.role.domain_notes else None
        return subject_note(
            self.catalog, self.role.id, domain, r.title or "", self.directions, self.domains, self.allowed
        )

    @cached_property
    def language_lines(self) -> tuple[list[str], list[str]]:
        """The duties and requirement written for the working language the title names (日语, 日本站)."""
        notes = self.catalog.notes_by_language.get(self.request.language or "", [])
        return self._note_lines(pick_note(notes, self.role.id))

    def _note_lines(
        self, note: DomainNote | None, allowed: frozenset[str] | None = None
    ) -> tuple[list[str], list[str]]:
        """A note's duties for the level's band and its first requirement, those that fit the job."""
        if note is None:
            return [], []
        duties = self.keep((self.fill(x) for x in self.solid(note.duties.lines(self.lines_level))), allowed)
        return duties, self.keep((self.fill(x) for x in self.solid(note.requirements)), allowed)[:1]

    def applies(self, duty: Duty) -> bool:
        """The block has lines for this level, calls for nothing the job does not, and one of its main
        phrasings fits."""
        lines = duty.lines.get(self.lines_level)  # type: ignore[call-overload]
        if lines is None or not set(duty.needs) <= self.allowed:
            return False
        return any(self.fits(self.fill(x, duty.topic_kinds)) for x in self.solid(lines.main))

    def frame(self, phrasings: list[str], key: str) -> str:
        """A level's skill or tool sentence. Rotated by the role's place in the catalogue, so a batch of
        different roles uses different frames (each frame serves at most ceil(roles / phrasings) roles);
        the seed shifts the rotation for every role alike."""
        seed = "0" if self.request.seed is None else str(self.request.seed)
        shift = random.Random("|".join((seed, self.level.id, key))).randrange(len(phrasings))
        place = [r.id for r in self.catalog.roles].index(self.role.id)
        return phrasings[(place + shift) % len(phrasings)]

    def tool_frame(self, tools: list[str]) -> tuple[str, list[str]]:
        """The level's tool sentence and the tools it names. A phrasing takes only the tool kinds it declares
        (秀米 is no tool to watch a metric with), so it names only those of the tools: the phrasing of
        :meth:`frame`'s rotation when it takes two of them (or the only one), else one of those that do. No phrasing (经理、总监) or no tool any takes: ("", [])."""
        frames = hire_level(self.catalog, self.level, self.request.title).frames()
        if not frames or not tools:
            return "", []
        seed = "0" if self.request.seed is None else str(self.request.seed)
        shift = random.Random("|".join((seed, self.level.id, "tool"))).randrange(len(frames))
        place = [r.id for r in self.catalog.roles].index(self.role.id)
        start = (place + shift) % len(frames)
        kept = [
            (text, [t for t in tools if self.catalog.takes_tool(text, takes, t)]) for text, takes in frames
        ]
        enough = [x for x in kept if len(x[1]) >= min(ENOUGH_TOOLS, len(tools))]
        if kept[start] in enough or not enough:
            return kept[start] if enough else max(kept, key=lambda x: len(x[1]))
        # a role whose turn falls on a phrasing that cannot name its tools takes the next one that can, so the
        # roles stay spread over the phrasings as their turns are
        return next(x for x in kept[start:] + kept[:start] if x in enough)

    def terms(self) -> tuple[str, ...]:
        """The tools and metrics no JD may name in more than MAX_ECHO items (worked out once per catalogue)."""
        return _terms(self.catalog)[0]

    def tools(self) -> tuple[str, ...]:
        """Of those, the tools (worked out once per catalogue)."""
        return _terms(self.catalog)[1]

    def title_words(self, direction: Direction) -> list[str]:
        """The words of a direction (name, aliases, keywords, without 运营) that the title itself uses."""
        stems = [w.removesuffix("运营") for w in (direction.name, *direction.aliases)] + direction.keywords
        title = (self.request.title or "").casefold()
        return [w for w in stems if len(w) > 1 and w.casefold() in title]


def named_platforms(
    catalog: Catalog, title: str | None, directions: list[Direction], allowed: frozenset[str]
) -> frozenset[str]:
    """lazada/shopee运营: of the marketplaces a direction lists (跨境电商: 速卖通, Temu, Shopee, Lazada), a title
    that names some keeps those; the others' lines (速卖通卖家后台) are not this job's."""
    listed = {p for d in directions for p in catalog.practices_in(" ".join(d.platforms))}
    named = catalog.practices_in(title or "") & listed
    return allowed - (listed - named) if named else allowed


def job_practices(
    catalog: Catalog, title: str | None, role: Role, directions: list[Direction], industry: Industry | None
) -> frozenset[str]:
    """What this job's lines may call for: its industry's practices, its role's and directions' (on the
    platforms its title names), less those a word of its title rules out."""
    industry_ways = frozenset(industry.practices if industry else ())
    allowed = named_platforms(catalog, title, directions, allowed_practices(catalog, role, directions))
    return (industry_ways | allowed) - dropped_by_title(catalog, title)


def open_practices(catalog: Catalog, title: str | None) -> frozenset[str]:
    """The practices any job may write (Push, 应用商店), less those the title rules out (小程序运营)."""
    every = frozenset(pid for pid, p in catalog.practices.items() if p.open)
    return every - dropped_by_title(catalog, title) if every else every


def allowed_practices(catalog: Catalog, role: Role, directions: list[Direction]) -> frozenset[str]:
    """The practices a job calls for: its role's and its directions' ways of working, and its platforms.
    Platforms come from the role when the title names no direction, else from the directions: a format on
    a platform (抖音直播) keeps the platforms both name; of the rest, every direction's platforms except
    a direction's that holds another's (淘宝天猫京东 keeps all three; 跨境电商 with TikTok keeps TikTok,
    not 速卖通 or Shopee), so the JD stays on the title's platforms."""
    platform = {pid for pid, p in catalog.practices.items() if p.kind == "platform"}
    declared = [declared_practices(catalog, d.practices, d.duties) for d in directions]
    mine = declared_practices(catalog, role.practices, role.duties)
    # A direction not written for this role only says the domain (游戏 in 游戏媒介经理): it brings its
    # platforms, not its function's ways of working (付费点, 版本活动 are the game operator's, not media's).
    # 游戏赛事运营, 王者荣耀频道内容运营: the game operator's own ways (付费点, 版号) belong to 游戏运营 itself, the
    # title's head direction done by its first role, not to content, data or esports work in a game
    ways = [
        p - _led(d, role, directions) for d, p in zip(directions, declared, strict=True) if role.id in d.roles
    ]
    # 海外游戏运营: a direction rules out what does not hold where it works (版号 and 防沉迷 are mainland rules)
    own = {*mine, *(x for p in ways for x in p)} - platform - {x for d in directions for x in d.rules_out}
    if not directions:
        return frozenset(own | (mine & platform))
    venues = {d.id for d in venue_directions(catalog, directions)}
    where = {x for d, p in zip(directions, declared, strict=True) if d.id in venues for x in p & platform}
    rest = [(d, p) for d, p in zip(directions, declared, strict=True) if d.id not in venues]
    if any(d.platforms for d, _ in rest):  # 淘宝直播: a format (直播) runs on the platform the title names
        rest = [(d, p) for d, p in rest if d.platforms]
    # a direction over several platforms (跨境电商: 速卖通, Shopee…) yields to one named for a single platform
    single = [(d, p) for d, p in rest if len(catalog.practices_in(" ".join(d.platforms)) & platform) < 2]
    named = [p & platform & where if where and not d.platforms else p & platform for d, p in single or rest]
    named = [x for x in named if x]
    kept = [x for x in named if not any(y < x for y in named)]
    # and no platform a direction rules out (海外: no 巨量引擎 though 投放 names it)
    return frozenset(own.union(*kept)) - {x for d in directions for x in d.rules_out}


def _led(direction: Direction, role: Role, directions: list[Direction]) -> set[str]:
    """The direction's lead practices this job does not take: all of them, unless the direction heads the title
    and the role is the direction's own."""
    if direction is directions[0] and direction.roles[:1] == [role.id]:
        return set()
    return set(direction.lead_practices)


def venue_directions(catalog: Catalog, directions: list[Direction]) -> list[Direction]:
    """The platform directions (those declaring ``platforms``) that only say where another named direction,
    one of a format and not a platform (直播, 短视频), does its work: 抖音 in 抖音直播运营."""
    platform = {pid for pid, p in catalog.practices.items() if p.kind == "platform"}

    def where(d: Direction) -> set[str]:
        return declared_practices(catalog, d.practices, d.duties) & platform

    formats = [where(d) for d in directions if not d.platforms]
    return [d for d in directions if d.platforms and any(where(d) & f for f in formats)]


_TERMS: dict[int, tuple[Catalog, tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def _terms(catalog: Catalog) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tools and metrics, the tools among them) of a catalogue."""
    hit = _TERMS.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        if len(_TERMS) > 8:
            _TERMS.clear()
        terms = tuple(unique([*METRICS, *(t for d in catalog.duties for t in d.tools)]))
        tools = tuple(t for t in terms if t.casefold() in catalog.tool_kind)
        hit = _TERMS[id(catalog)] = (catalog, (terms, tools))
    return hit[1]


def unique_duties(duties: Iterable[Duty]) -> list[Duty]:
    return list({d.id: d for d in duties}.values())


def level_lines(duty: Duty, level_id: str) -> list[str]:
    lines = duty.lines.get(level_id)  # type: ignore[call-overload]
    return [*lines.main, *lines.more] if lines else []


def get(table: dict[str, T], key: str, kind: str) -> T:
    """table[key], or an UnknownNameError naming the kind and the closest ids."""
    try:
        return table[key]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, list(table), n=5, cutoff=0.3)
        raise UnknownNameError(kind, key, close or list(table)[:8]) from None


def sided(role: Role, title: str | None) -> Role:
    """平台内容运营, 内容生态运营: a title that says the platform side gives the role that side's blocks (创作者运营,
    内容审核 instead of 内容生产), and its requirements, bonus and domain notes when it has its own; any other title
    keeps the role's own list (a brand's editorial work)."""
    text = normalise(title or "")
    side = next((x for x in role.sides if any(normalise(w) in text for w in x.words)), None)
    if side is None:
        return role
    update: dict[str, object] = {"duties": list(side.duties), "domain_notes": side.domain_notes}
    update["values"] = {**role.values, **side.values}
    if side.requirements is not None:
        update["requirements"] = side.requirements
    if side.bonus is not None:
        update["bonus"] = list(side.bonus)
    return role.model_copy(update=update)
