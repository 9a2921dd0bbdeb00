"""Read a job title into parts: what jdwriter understands, and what it does not.

Once the catalogue's roles and directions are found (titles.py), every other word of the title is one of:
an employer, product or department (腾讯-, 应用宝, 运营部: may stay in the printed title, never the subject of a
line), a domain from data/domains.yaml with its class (美妆 category, 足球 vertical, SLG genre, 医美 industry),
a place, a plain or catalogue word (互联网, 线上, 私域), a qualifier (兼职, 偏数据), board noise, or not understood.
Only a domain may become the JD's topic; words not understood are reported, never written into lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..catalog.vocabulary import TitleWords, vocabulary
from ..text import HAN, normalise
from .lexicon import DomainClass, lexicon
from .names import _cached
from .noise import BRACKET, fold
from .spans import latin_glued

if TYPE_CHECKING:
    from ..catalog.model import Catalog

_RUN = re.compile(rf"(?:[0-9a-z+#.]|{HAN})+")
PREFIX_CUT = re.compile(r"\s*[-—|｜·]\s*|\s+")
_WORK_TITLE = re.compile(r"《[^《》]*》")  # 《蛋仔派对》: a game or show, a product
_AMOUNT = re.compile(r"\d+(?:个)?[天月周年人名次小时]+")


@dataclass(frozen=True)
class Domain:
    word: str  # as written in the title
    kind: DomainClass
    start: int
    content: bool = False  # a content medium (漫画) or followed by 领域/频道/专区: content work on it


@dataclass(frozen=True)
class Parts:
    """``domain``: the title's domain, if any; ``unknown``: runs not understood with their start positions."""

    domain: Domain | None
    unknown: tuple[tuple[int, str], ...]
    prefix_end: int  # the employer or department segment before the job (腾讯-), 0 when none


def read_parts(
    printed: str, folded: str, covered: list[tuple[int, int]], catalog: Catalog, words: TitleWords
) -> Parts:
    """``covered``: spans already read as roles or directions. ``printed`` and ``folded`` align character by
    character."""
    mask = list(folded)

    def blank(start: int, end: int) -> None:
        mask[start:end] = [" "] * (end - start)

    held = _domain_places(folded)
    for start, end in covered:
        # 体育游戏, 小游戏: a catalogue word inside a domain word leaves the domain whole
        if not any(s <= start and end <= e and e - s > end - start for s, e in held):
            blank(start, end)
    prefix_end = employer_prefix(folded, covered)
    blank(0, prefix_end)
    for match in _WORK_TITLE.finditer(folded):
        blank(match.start(), match.end())
    lex = lexicon()
    # 网易考拉, 平安健康: a Chinese name written right after an employer is its product (not 微信支付餐饮: a
    # product, then a subject)
    after_employer: set[int] = set()
    for word in _longest_first([*lex.employers, *lex.products]):
        found = _blank_word("".join(mask), word, blank)
        if word in lex.employers and not word.isascii():
            after_employer |= {at + len(word) for at in found}
    domains: list[Domain] = []
    for word, kind in domain_words():
        for start in _blank_word("".join(mask), word, blank):
            end = start + len(word)
            content = word in lex.media or any(folded.startswith(m, end) for m in lex.vertical_markers)
            if start not in after_employer:  # 平安健康: the employer's name, not a subject
                domains.append(Domain(printed[start:end], kind, start, content))
    for word in _understood(catalog, words):
        _blank_word("".join(mask), word, blank)
    text = "".join(mask)
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text) if m.start() not in after_employer]
    domains, runs = _compounds(domains, runs)
    runs = [(s, e) for s, e in runs if not _unit_or_place(printed[s:e])]  # 某某科技, 梧州市
    unknown = tuple((s, printed[s:e]) for s, e in runs if _unknown(fold(printed[s:e])))
    return Parts(_pick(domains, folded), unknown, prefix_end)


def _domain_places(folded: str) -> list[tuple[int, int]]:
    """Where each domain word stands in the title (a Latin one not inside a longer Latin word)."""
    places = []
    for word, _ in domain_words():
        at = folded.find(word)
        while at >= 0:
            if not latin_glued(folded, (at, at + len(word)), word):
                places.append((at, at + len(word)))
            at = folded.find(word, at + 1)
    return places


def _compounds(
    domains: list[Domain], runs: list[tuple[int, int]]
) -> tuple[list[Domain], list[tuple[int, int]]]:
    """火星旅行, 云音乐: a domain word written together with anything not understood, even one character, is a
    compound not understood (not 旅行, not 音乐): the domain is dropped and the run grows to cover both."""
    kept = []
    for domain in domains:
        end = domain.start + len(domain.word)
        touching = [r for r in runs if r[1] == domain.start or r[0] == end]
        if not touching:
            kept.append(domain)
            continue
        runs = [r for r in runs if r not in touching]
        runs.append((min(domain.start, *(s for s, _ in touching)), max(end, *(e for _, e in touching))))
    return kept, sorted(runs)


def _pick(domains: list[Domain], folded: str) -> Domain | None:
    """The domain in the title proper before one in brackets; the first written otherwise."""
    if not domains:
        return None
    bracket = BRACKET.search(folded)
    end = bracket.start() if bracket and bracket.start() > 0 else len(folded)
    inside = [d for d in domains if d.start < end] or domains
    return min(inside, key=lambda d: d.start)


def _blank_word(text: str, word: str, blank: Callable[[int, int], None]) -> list[int]:
    """Blank every standing occurrence of ``word`` in ``text`` (a Latin word not inside a longer Latin word);
    the start positions found."""
    found = []
    start = 0
    while (at := text.find(word, start)) >= 0:
        end = at + len(word)
        glued = word.isascii() and (
            (at > 0 and text[at - 1].isascii() and text[at - 1].isalnum())
            or (end < len(text) and text[end].isascii() and text[end].isalpha())
        )
        if not glued:
            found.append(at)
            blank(at, end)
        start = end
    return found


def _unknown(run: str) -> bool:
    """A leftover run worth reporting: two characters or more, not a number or a code such as PCG16."""
    if len(run) < 2 or run.strip("+#.").isdigit() or _AMOUNT.fullmatch(run):
        return False  # 每周4天, 2人: amounts, not words
    return not (run.isascii() and any(c.isdigit() for c in run))


def _unit_or_place(word: str) -> bool:
    """运营中心, 直播事业部, 梧州市, 火车东站: departments and places are understood by how they end."""
    key = normalise(word)
    lex = lexicon()
    if any(key.endswith(s) and len(key) > len(s) for s in lex.unit_suffixes):
        return True
    return len(key) <= 4 and any(key.endswith(s) for s in lex.place_suffixes)


def employer_prefix(folded: str, covered: list[tuple[int, int]]) -> int:
    """腾讯-…, 字节跳动 直播运营: a leading segment before the job is the employer or department, not what the
    job is about. Only when the segment holds no role or direction and the rest names the job."""
    bracket = BRACKET.search(folded)
    head = folded[: bracket.start() if bracket and bracket.start() > 0 else len(folded)]
    cut = PREFIX_CUT.search(head)
    if not cut or cut.start() == 0:
        return 0
    if any(s < cut.start() for s, _ in covered) or "运营" in folded[: cut.start()]:
        return 0
    # 数据分析专家-抖音电商: a segment that ends in a level word is the job, and what follows its business
    if folded[: cut.start()].endswith(tuple(w for w, _ in vocabulary().title.level_words)):
        return 0
    rest = folded[cut.end() :]
    return cut.end() if "运营" in rest or any(s >= cut.end() for s, _ in covered) else 0


def _longest_first(words: list[str]) -> list[str]:
    return sorted({w for w in words if w}, key=len, reverse=True)


@cache
def domain_words() -> list[tuple[str, DomainClass]]:
    """(normalised word, class) of every domain word, longest first."""
    pairs = {word: kind for kind, word, _ in lexicon().domain_words()}
    return sorted(pairs.items(), key=lambda x: -len(x[0]))


def title_topic(domain: Domain | None, folded: str) -> tuple[str | None, DomainClass | None, str | None]:
    """The job's topic as written, its class and the lexicon name of its domain; all None when there is none.
    A title naming no domain may name a product or employer that says it (QQ音乐内容运营 → 音乐, 携程-数据运营 →
    旅行): the domain's notes are written, the name itself never is."""
    if domain is not None:
        return domain.word, domain.kind, domain_names().get(normalise(domain.word))
    for word, name in _implied():
        if _standing(folded, word):
            return name, _kinds()[name], name
    return None, None, None


@cache
def _implied() -> list[tuple[str, str]]:
    pairs = [(w, name) for name, words in lexicon().implied_domains.items() for w in words]
    return sorted(pairs, key=lambda x: -len(x[0]))


@cache
def _kinds() -> dict[str, DomainClass]:
    return {name: kind for kind, _, name in lexicon().domain_words()}


def _standing(text: str, word: str) -> bool:
    """The word stands in the text (a Latin name not inside a longer Latin word)."""
    return bool(_blank_word(text, word, lambda start, end: None))


@cache
def domain_names() -> dict[str, str]:
    """Normalised domain word or alias → the lexicon entry's own name (口腔 → 医疗 when listed so)."""
    return {word: name for _, word, name in lexicon().domain_words()}


def _understood(catalog: Catalog, words: TitleWords) -> list[str]:
    """Words that say something jdwriter knows but are no domain, longest first: level words, noise, plain
    words, qualifiers, places, cities, and every catalogue name and keyword. Built once per catalogue."""

    def build() -> list[str]:
        lex = lexicon()
        found = {
            *(w for w, _ in words.level_words),
            *lex.level_tails,
            *words.noise,
            *words.not_topic,
            *words.urgent,
            *words.cities,
            *words.ops_hints,
            words.generic,
            *lex.plain,
            *lex.qualifiers,
            *lex.places,
            *lex.venues,
            *lex.sides,
            *lex.reach.words,
            *lex.noise.urgent,
            *lex.noise.benefits,
            *(normalise(w) for x in catalog.industries for w in (x.name, *x.aliases)),
            *(normalise(w) for d in catalog.duties for w in (d.name, *d.aliases, *d.keywords)),
            *(normalise(w) for r in catalog.roles for w in (r.name, *r.aliases, *r.keywords)),
            *(normalise(w) for d in catalog.directions for w in (d.name, *d.aliases, *d.keywords)),
        }
        return _longest_first(list(found))

    return _cached(catalog, f"title: understood words {id(words)}", build)
