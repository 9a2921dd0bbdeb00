"""Words of a title that jdwriter does not understand: refused when one of them is what the job is (the head
of the title), reported as left out when it only qualifies the job."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..catalog.vocabulary import vocabulary
from ..errors import UserError
from ..text import normalise
from .lexicon import lexicon
from .names import _cached, suggest
from .noise import fold
from .parts import Parts
from .scope import without_levels
from .spans import before_side_duty

if TYPE_CHECKING:
    from ..catalog.model import Catalog, Named


def refuse_unknown_at(printed: str, end: int, parts: Parts, catalog: Catalog) -> None:
    """Refused when a word not understood ends where the head of the title ends."""
    unknown = _ending_at(parts, end)
    if end > 0 and unknown:
        refuse_unknown_head(printed, unknown, catalog)


def _ending_at(parts: Parts, end: int, after: int = 0) -> str | None:
    """The word not understood that ends at ``end`` and starts at or after ``after``."""
    return next((w for start, w in parts.unknown if start + len(w) == end and start >= after), None)


def refuse_unknown_after(
    printed: str,
    main: str,
    covered: list[tuple[int, int]],
    parts: Parts,
    catalog: Catalog,
    level_words: list[str],
) -> None:
    """小红书企业认证专员, 直播运营助播: a word not understood that follows every role and direction of the title
    proper and ends it (but for level words) is what the job is; refused. So is one glued before a role whose
    object it names (see _refuse_glued), and one before bare 运营 when only the brackets name a job."""
    _refuse_glued(printed, main, covered, parts, catalog)
    generic = vocabulary().title.generic
    if not any(s < len(main) for s, _ in covered):  # 模型运营（游戏与社交）: only the brackets name a job
        bare = without_levels(main, level_words)
        word = _ending_at(parts, len(bare) - len(generic)) if bare.endswith(generic) else None
        if word and not _PLACE.search(word):
            refuse_unknown_head(printed, word, catalog)
    main = main[: before_side_duty(main, len(main), covered)]
    if any(s >= len(main) for s, _ in covered):
        return  # a job named after the title proper (in brackets, or after 兼) says what the job is
    last = max((e for _, e in covered if e <= len(main)), default=0)
    word = _ending_at(parts, len(without_levels(main, level_words)), last)
    # 微信运营/文案编辑/新闻采编: an operations job named whole before a slash is the job offered; the other jobs
    # after it do not make it another (their words are left out and said)
    if word and _offered_first(main, word, level_words):
        return
    # 电商数据分析EC Data Analysis: an English gloss after a Chinese title is not its head
    if last and word and not (word.isascii() and not main.isascii()):
        refuse_unknown_head(printed, word, catalog)


def _refuse_glued(
    printed: str, main: str, covered: list[tuple[int, int]], parts: Parts, catalog: Catalog
) -> None:
    """搜推策略运营, 乘车码产品运营经理: product, content, data and strategy operations work on what the word glued
    before them names. When jdwriter does not know that word, the JD would be the function's stand-in (panels,
    rounds 13–51: 62 such JDs, 11% USABLE and 35% WRONG JOB), so the title is refused with the closest jobs and
    the way to write it anyway (--role with --title)."""
    start, end = min(((s, e) for s, e in covered if s < len(main)), default=(0, 0))
    if start == 0 or not any(normalise(main[start:end]).startswith(w) for w in _object_roles()):
        return
    word = _ending_at(parts, start)
    # 补贴策略运营: a word a direction's own phrase reads with what follows (补贴策略) is understood, and so is one
    # holding what a strategy job works on (覆盖 in 包车覆盖信息策略运营)
    said, focus = _cached(catalog, "title: understood before a role", lambda: _understood_before(catalog))
    if (
        not word
        or _PLACE.search(word)
        or any(f in normalise(word) for f in focus)
        or _team_code(word, main, printed)
    ):
        return
    if not any(normalise(word) in w and w in main for w in said):
        refuse_unknown_head(printed, word, catalog)


def _team_code(word: str, main: str, printed: str) -> bool:
    """SL产品运营经理: two or three capitals opening the title name a team or business line (round 55), not
    what the job works on; they are left out and said (``main`` is folded; the case is the printed title's)."""
    short = 2 <= len(word) <= 3 and word.isascii() and word.isalpha()
    return short and main.startswith(word.casefold()) and printed.lstrip()[: len(word)].isupper()


def _understood_before(catalog: Catalog) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The directions' own phrases (补贴策略) and the strategy focus words (覆盖), normalised once per catalogue."""
    said = tuple(normalise(w) for d in catalog.directions for w in (*d.aliases, *d.keywords))
    return said, tuple(normalise(w) for note in catalog.focus_notes for w in note.focus)


@cache
def _object_roles() -> tuple[str, ...]:
    return tuple(normalise(w) for w in vocabulary().title.object_roles)


def _offered_first(main: str, word: str, level_words: list[str]) -> bool:
    """A slash-separated part ending in 运营 (but for levels) comes before the part holding ``word``."""
    parts = re.split(r"[/／]", main)
    at = next((i for i, p in enumerate(parts) if word in p), 0)
    return any(len(p) > 2 and without_levels(p, level_words).endswith("运营") for p in parts[:at])


def refuse_named_subject(printed: str, before: str, catalog: Catalog) -> None:
    """专区运营经理, 浏览器视频运营: ``before`` (what stands before 运营 in a title naming no role, direction or
    domain) names what the job works on, and the catalogue has no job for it. Generic operations would be
    another job (panels marked such JDs WRONG JOB), so the title is refused with the closest jobs; 线上运营,
    综合运营 and 运营经理（广州） say nothing more and stay generic."""
    for word in _said_nothing():
        before = before.replace(word, " ")
    rest = re.sub(r"[\s\d\W_a-z与及]+", " ", before).split()
    if rest:
        refuse_unknown_head(printed, max(rest, key=len), catalog, known=True)


@cache
def _said_nothing() -> tuple[str, ...]:
    """Words that may stand before 运营 without naming what the job works on (normalised, longest first):
    线上, 综合, places, employers, products, reach channels, languages, levels and unit names."""
    words = vocabulary().title
    lex = lexicon()
    known = {
        *words.generic_before,
        *words.cities,
        *lex.places,
        *lex.employers,
        *lex.products,
        *lex.reach.words,
    }
    known |= {w for said in lex.languages.values() for w in said}
    known |= {*(w for w, _ in words.level_words), *lex.unit_suffixes, words.generic}
    return tuple(sorted({normalise(w) for w in known}, key=len, reverse=True))


def refuse_unknown_head(printed: str, unknown: str, catalog: Catalog, *, known: bool = False) -> None:
    """``known``: a word jdwriter reads (视频, 专区) but has no operations job for."""
    near = suggest(printed, _jobs(catalog), 4)
    shown = printed[:40]
    said = "jdwriter 没有以它为对象的运营岗位" if known else "jdwriter 不认识"
    raise UserError(
        f"「{shown}」里的「{unknown}」{said}，无法判断这是哪一种运营工作；最接近的是：{'、'.join(near)}。"
        f"如果是其中一种，请用 --role 指定它，再用 --title 写原来的职位名称（例如 --role {near[0]} --title {shown}）。"
    )


def refuse_duty_head(printed: str, before: str, generic: str, catalog: Catalog) -> None:
    """创意运营: the word before 运营 names only a kind of task (创意 is the ad-creative block's), which the generic
    operations role does not do; writing generic operations would be another job, so the title is refused,
    naming the roles and directions that do that task."""
    role = catalog.role_by_id.get(generic)
    # 流程: BizOps's side
    own = {*role.duties, *(x for side in role.sides for x in side.duties)} if role else set()
    for duty in catalog.duties:
        said = [w for w in (duty.name, *duty.aliases, *duty.keywords) if before.endswith(normalise(w))]
        if duty.id in own or not said or duty.topic_kinds:  # 摄影领域运营: 领域 marks a domain, not a task
            continue
        near = [r.name for r in catalog.roles if duty.id in r.duties]
        near += [d.name for d in catalog.directions if duty.id in d.duties]
        if not near:
            continue
        shown = printed[:40]
        raise UserError(
            f"「{shown}」里的「{max(said, key=len)}」说的是「{duty.name}」这一类工作，jdwriter 没有以它为名的运营岗位；"
            f"最接近的是：{'、'.join(near[:4])}。如果是其中一种，请用 --role 指定它，再用 --title 写原来的职位名称"
            f"（例如 --role {near[0]} --title {shown}）。"
        )


def _jobs(catalog: Catalog) -> list[Named]:
    """Roles and directions, for naming the closest jobs."""
    return _cached(catalog, "title: jobs", lambda: [*catalog.roles, *catalog.directions])


def unwritten_note(topic: str) -> str:
    """A domain the lexicon knows (足球) with no lines written for it: the JD does not pretend to know it."""
    return f"职位名称里的「{topic}」jdwriter 认得，但目录里还没有专为它写的条目，JD 没有写到它"


def left_out_note(words: tuple[str, ...]) -> str:
    quoted = "」「".join(words)
    return f"职位名称里的「{quoted}」jdwriter 没有识别，JD 按其余部分来写，没有用到这些词"


def refuse_unknown_lean(printed: str, head: int, main_end: int, parts: Parts, catalog: Catalog) -> None:
    """运营经理（安全）, 运营经理（融资方向）: a title proper that says only 运营 and a level leaves the job to its
    brackets or dashed tail; a word there not understood, standing alone in its bracket or named as the
    方向, is what the job is (round 44: generic operations JDs for a security and a financing job, graded WRONG
    JOB and NEEDS WORK). A place (顺德大良, 金融港) or one word among several board tags is left out as before."""
    if head != 0:
        return
    folded = fold(printed)  # the positions of parts.unknown are fold(printed)'s
    for start, word in parts.unknown:
        if start < main_end or word.isascii() or _PLACE.search(word) or _domain_with_mark(word):
            continue
        left = max(folded.rfind(c, 0, start) for c in _OPENERS)
        right = min(
            [i for i in (folded.find(c, start + len(word)) for c in _CLOSERS) if i >= 0] or [len(folded)]
        )
        rest = (folded[left + 1 : start] + folded[start + len(word) : right]).strip()
        others = [w for s, w in parts.unknown if left < s < right]
        if len(others) > 1 and "+" not in rest:  # 车辆和驾驶员管理: two unknown words, joined, are the job
            rest = _said_beside(folded[left + 1 : right], others)
        if rest in lexicon().lean_marks or not rest:
            refuse_unknown_head(printed, word, catalog)


def _said_beside(inner: str, unknown: list[str]) -> str:
    """What a bracket says besides its words not understood, their joiners (和, 、) and words that say no job (管理):
    运营管理（车辆和驾驶员管理） says nothing else, so its unknown words are the job (round 56)."""
    words = {*(fold(w) for w in unknown), *vocabulary().title.generic_before}
    for word in sorted(words, key=len, reverse=True):
        inner = inner.replace(word, " ")
    return "".join(c for c in inner if c not in _JOINERS).strip()


_JOINERS = " 和与及、,，"


_OPENERS = "（(【[-—+/"
_CLOSERS = "）)】]-—+/"
_PLACE = re.compile(r"(?:区|县|镇|市|省|港|城|路|街|湾|岛|村|园|中心|广场|大厦)$")


def _domain_with_mark(word: str) -> bool:
    """大健康板块: a domain with a lean mark after it, read as one run; the domain says what the job is about."""
    marks = sorted(lexicon().lean_marks, key=len, reverse=True)
    core = next((word.removesuffix(m) for m in marks if word.endswith(m)), word)
    return any(core.endswith(w) for _, w, _ in lexicon().domain_words())
