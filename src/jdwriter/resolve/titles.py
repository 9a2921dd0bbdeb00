"""Read a job title the way the market writes it: 资深直播用户运营（电商）, SNG04-QQ浏览器内容运营, 游戏主播运营.

A title resolves to a role, the market directions it names (直播, 游戏, 亚马逊…), a level, a topic the
catalogue doesn't know (健身, 电影, QQ浏览器) and the title to print: the user's own, with department codes,
urgency words and city brackets removed and every qualifier (（漫画）, （兼职）, 【2021届】) kept.
Titles that contain 运营 but name another kind of job (designers, engineers, IT operations, carriers) are
refused. Generic 业务运营 is only for titles with no role, direction or topic at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..catalog.vocabulary import TitleWords, vocabulary
from ..errors import UserError
from ..text import normalise
from .names import MAX_TITLE, _cached, _index
from .roles import resolve_role

if TYPE_CHECKING:
    from ..catalog.model import Catalog

MAX_DIRECTIONS = 2
MAX_TOPIC = 10
_CODE = re.compile(r"^\s*(?:[A-Za-z]{2,6}\d{0,3}|\d{3,6})\s*[-_|｜—]\s*(?=\S)")  # SNG04-  22989-  TEG|  PCG-
_SEGMENT = re.compile(r"\s*[-—_|｜/]\s*|\s+")
_BRACKET = re.compile(r"[（(【\[]([^（()）【】\[\]]*)[)）】\]]")
_DASH_TAIL = re.compile(r"\s*[-—]\s*([^-—]+)$")
_RUN = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff+]+")


@dataclass(frozen=True)
class TitleMatch:
    """What a typed title resolved to. ``title`` is what to print (None: the level's own pattern, for a
    bare role name); ``note`` explains a guess, for stderr."""

    role: str
    level: str | None = None
    directions: tuple[str, ...] = ()
    topic: str | None = None
    industry: str | None = None
    title: str | None = None
    note: str | None = None


def fold(text: str) -> str:
    """Full-width → half-width and lower case, one character for one, so positions stay those of ``text``."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char).casefold()
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def clean_title(text: str) -> str:
    """The title to print: department codes, urgency words and city brackets go; everything else stays."""
    words = vocabulary().title
    title = " ".join(text.split())
    title = _CODE.sub("", title, count=1)
    title = _BRACKET.sub(lambda m: _bracket(m.group(0), m.group(1), words), title)
    while (tail := _DASH_TAIL.search(title)) and tail.start() > 0 and not _kept(tail.group(1), words):
        title = title[: tail.start()]  # 小红书运营-上海-急
    for word in sorted(words.urgent, key=len, reverse=True):
        title = title.replace(word, "")
    title = title.strip(" -—_|·")
    return title or text.strip()


def _parts(inner: str) -> list[str]:
    return [p for p in re.split(r"[-—/、,，\s]+", inner.strip()) if p]


def _droppable(part: str, words: TitleWords) -> bool:
    return (
        part.casefold() in words.cities
        or part in words.urgent
        or part == "急"
        or (part.endswith("市") and len(part) <= 4)
    )


def _kept(inner: str, words: TitleWords) -> list[str]:
    """The parts of a bracket or dashed tail that say something about the job (not a city, not 急招)."""
    return [p for p in _parts(inner) if not _droppable(p, words)]


def _bracket(whole: str, inner: str, words: TitleWords) -> str:
    """（北京） goes, （漫画） stays, （猫耳-北京） becomes （猫耳）."""
    kept = _kept(inner, words)
    if not kept:
        return ""
    if len(kept) == len(_parts(inner)):
        return whole
    return whole[0] + "-".join(kept) + whole[-1]


def resolve_title(text: str, catalog: Catalog) -> TitleMatch:
    """A role name, a direction name or a free job title → TitleMatch. Raises UserError to refuse.
    An English title (Community Operations Manager) is read through its Chinese words and keeps its own
    wording as the printed title."""
    raw = " ".join(text.split())
    exact = _index(catalog.roles).get(normalise(raw))
    if exact:
        return TitleMatch(exact, title=raw if normalise(raw) != exact else None)
    if not raw:
        raise UserError(f"岗位不能为空，可选：{'、'.join(r.name for r in catalog.roles)}。")
    limit = MAX_TITLE * 2 if raw.isascii() else MAX_TITLE  # an English title takes about twice the characters
    if len(raw) > limit:
        raise UserError(
            f"职位名称太长（{len(raw)} 个字符，上限 {limit}）；请写职位名称，例如 高级用户运营经理。"
        )
    chinese = from_english(raw) if re.search("[A-Za-z]{2}", raw) else None
    if chinese is not None:
        return replace(resolve_title(chinese, catalog), title=clean_title(raw))
    words = vocabulary().title
    printed = clean_title(raw)
    folded = fold(printed)
    _refuse_not_ops(folded, printed, words)
    main_end = _main_end(folded)
    main = folded[:main_end]
    if words.generic not in main and any(job in main for job in words.other_jobs):
        resolve_role(
            printed[:main_end], catalog
        )  # 带货主播（运营部）: a streamer; refused, naming what it resembles
    spans = _find(folded, _direction_words(catalog))
    taken = [(s, e) for s, e, _ in spans]
    role_spans = [x for x in _find(folded, _role_words(catalog)) if not _overlaps(x, taken)]
    directions = tuple(dict.fromkeys(d for _, _, d in sorted(spans, key=lambda x: -_head_rank(x, main_end))))
    directions = directions[:MAX_DIRECTIONS]
    level = _level(folded[:main_end], words) or _level(folded[main_end:], words)
    industry = _industry(folded, catalog)
    covered = taken + [(s, e) for s, e, _ in role_spans]
    topic = _topic(printed, folded, covered, catalog, words)
    note = None
    if role_spans:
        role = max(role_spans, key=lambda x: _head_rank(x, main_end))[2]
    elif directions:
        role = catalog.direction_by_id[directions[0]].roles[0]
    else:
        if words.generic not in folded and any(job in folded for job in words.other_jobs):
            resolve_role(raw, catalog)  # refuses other professions, naming the role they resemble
        match = resolve_role(printed, catalog)
        role, note = match.role, match.note
        level = level or match.level
        generic = _index(catalog.roles).get(words.generic)
        if role == generic and topic and "vertical" in catalog.direction_by_id:
            directions, note = ("vertical",), None
            role = catalog.direction_by_id["vertical"].roles[0]
        elif role != generic and topic is None:
            pass
    return TitleMatch(role, level, directions, topic, industry, printed, note)


def from_english(title: str) -> str | None:
    """The title with its English words put into Chinese (vocabulary title.english), or None when it names no
    operations job in English (Product Manager, or a Chinese title with an English brand such as TikTok)."""
    text = title.casefold()
    pairs = _english()
    if not any("运营" in zh and pattern.search(text) for pattern, zh in pairs):
        return None
    for pattern, zh in pairs:
        text = pattern.sub(f" {zh} ", text)
    text = re.sub(r"\s*([\u3400-\u9fff（）()])\s*", r"\1", text)  # no spaces around Chinese words
    return " ".join(text.split())


@cache
def _english() -> list[tuple[re.Pattern[str], str]]:
    """The English words of the vocabulary as whole-word patterns, longest first, compiled once."""
    pairs = sorted(vocabulary().title.english, key=lambda p: -len(p[0]))
    return [(re.compile(rf"(?<![a-z]){re.escape(en)}(?![a-z])"), zh) for en, zh in pairs]


def _refuse_not_ops(folded: str, printed: str, words: TitleWords) -> None:
    shown = printed[:40]
    for group in words.not_ops:
        for word in group.words:
            if _word_in(word, folded):
                raise UserError(
                    f"「{shown}」是{group.kind}，不是 jdwriter 覆盖的运营岗位；"
                    "jdwriter 只写运营岗位的 JD（如 用户运营、直播运营、亚马逊运营）。"
                )
    at = folded.find("安全运营")
    if at >= 0 and not any(folded[:at].endswith(w) for w in words.security_ok_before):
        raise UserError(
            f"「{shown}」是网络安全运营类职位，不是 jdwriter 覆盖的运营岗位；内容安全、风控类运营请写 内容安全运营。"
        )
    other = [w for w in words.other_fields if _word_in(w, folded)]
    if other and not _find(folded, _direction_words_cached_any()):
        pass  # left to resolve_role, which refuses it unless a role is named


def _direction_words_cached_any() -> list[tuple[str, str]]:
    return []


def _word_in(word: str, text: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
    return word in text


def _main_end(folded: str) -> int:
    """Where the title proper ends and brackets or a dashed qualifier begin."""
    cut = [m.start() for m in (_BRACKET.search(folded), _DASH_TAIL.search(folded)) if m and m.start() > 0]
    return min(cut) if cut else len(folded)


def _head_rank(span: tuple[int, int, str], main_end: int) -> int:
    """Chinese titles are head-final: in 游戏主播运营 the job is 主播运营, in a game. The match closest to
    the end of the title proper ranks first; matches inside brackets rank after all of those."""
    start, end, _ = span
    return end if end <= main_end else -1000 + end


def _find(text: str, table: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches of (word, id) pairs, longest words first."""
    found: list[tuple[int, int, str]] = []
    for word, ident in table:
        start = 0
        while (at := text.find(word, start)) >= 0:
            span = (at, at + len(word))
            if word.isascii() and _latin_glued(text, span):
                start = at + 1
                continue
            if not _overlaps((*span, ident), [(s, e) for s, e, _ in found]):
                found.append((*span, ident))
            start = at + len(word)
    return found


def _latin_glued(text: str, span: tuple[int, int]) -> bool:
    """A Latin keyword inside a longer Latin word (seo in seoul) is not that keyword."""
    before = text[span[0] - 1] if span[0] > 0 else ""
    after = text[span[1]] if span[1] < len(text) else ""
    return before.isascii() and before.isalpha() or after.isascii() and after.isalpha()


def _overlaps(span: tuple[int, int, str] | tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _direction_words(catalog: Catalog) -> list[tuple[str, str]]:
    def build() -> list[tuple[str, str]]:
        pairs = {
            normalise(w): d.id
            for d in catalog.directions
            for w in (d.name, *d.aliases, *d.keywords)
            if w.strip()
        }
        return sorted(pairs.items(), key=lambda x: -len(x[0]))

    return _cached(catalog, "title: direction words", build)


def _role_words(catalog: Catalog) -> list[tuple[str, str]]:
    def build() -> list[tuple[str, str]]:
        generic = vocabulary().title.generic
        pairs = {
            normalise(w): r.id for r in catalog.roles for w in (r.name, *r.aliases) if normalise(w) != generic
        }
        return sorted(pairs.items(), key=lambda x: -len(x[0]))

    return _cached(catalog, "title: role words", build)


def _level(text: str, words: TitleWords) -> str | None:
    return next((level for word, level in words.level_words if word in text), None)


def _industry(folded: str, catalog: Catalog) -> str | None:
    for industry in catalog.industries:
        for word in (industry.name, *industry.aliases):
            if f"（{word}）" in folded or f"({normalise(word)})" in folded:
                return industry.id
    return None


def _blank_words(catalog: Catalog, words: TitleWords) -> list[str]:
    """Words that are never the topic, longest first: level, noise, city and urgency words, and every
    industry, duty and role keyword of the catalogue. Built once per catalogue and vocabulary."""

    def build() -> list[str]:
        found = {
            *(w for w, _ in words.level_words),
            *words.noise,
            *words.not_topic,
            *words.urgent,
            *words.cities,
            words.generic,
            *(normalise(w) for x in catalog.industries for w in (x.name, *x.aliases)),
            *(normalise(w) for d in catalog.duties for w in (d.name, *d.aliases, *d.keywords)),
            *(normalise(w) for r in catalog.roles for w in r.keywords),
        }
        return sorted((w for w in found if w), key=len, reverse=True)

    return _cached(catalog, f"title: blank words {id(words)}", build)


def _topic(
    printed: str, folded: str, covered: list[tuple[int, int]], catalog: Catalog, words: TitleWords
) -> str | None:
    """What is left of the title once roles, directions, levels and noise are gone: 健身, 电影, QQ浏览器."""
    mask = list(folded)
    for start, end in covered:
        mask[start:end] = [" "] * (end - start)
    text = "".join(mask)
    for word in _blank_words(catalog, words):
        text = text.replace(word, " " * len(word))
    # 腾讯-…, 字节跳动-直播运营: a leading segment before the job is the employer, not what the job is about
    bracket = _BRACKET.search(folded)
    cut = _SEGMENT.search(folded[: bracket.start() if bracket else len(folded)])
    prefix = cut.start() if cut and cut.start() > 0 else 0
    for match in _RUN.finditer(text):
        run = printed[match.start() : match.end()]
        if len(run) < 2 or run.isdigit() or len(run) > MAX_TOPIC or match.end() <= prefix:
            continue
        if run.isascii() and (len(run) < 3 and not run.isupper() or any(c.isdigit() for c in run)):
            continue  # PCG16, v2: codes, not subjects
        return run[:-1] if run.endswith("区") and len(run) > 2 else run  # 汽车区 (a B站 zone) is about 汽车
    return None
