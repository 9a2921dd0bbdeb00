"""What a title's qualifiers say besides its role and direction: the industry it names (用户运营（电商）,
电商用户运营), and a lone word in closing brackets that reads as it would in front (内容运营（游戏）).
Imports the catalogue's models, the vocabulary and the domain lexicon only."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..catalog.vocabulary import vocabulary
from ..text import HAN, normalise
from .lexicon import lexicon
from .match import TitleMatch
from .noise import BRACKET, DASH_TAIL, fold
from .parts import domain_names
from .roles import role_stems
from .spans import Span

if TYPE_CHECKING:
    from ..catalog.model import Catalog

_LEADING_WORD = re.compile(r"\s*[（(]([^（）()\s]{1,6})[)）]\s*(.+)")
_LONE_WORD = re.compile(r"(.+?)\s*[（(]([^（）()\s]{1,6})[)）]\s*")
_MIDDLE_WORD = re.compile(r"([^（）()]+?)\s*[（(]([^（）()\s]{1,6})[)）](" + HAN + "[^（）()]*)")
_JOINS = ("与", "和", "及", "&", "+")
_QUALIFIER_SPLIT = re.compile(r"[、/,，+&及和与]")
_LEANS = re.compile(r"方向$|向$|^偏|^侧重|为主$")  # （数据分析方向）, （偏会员）: what the work leans to
_SPACED_LEAN = re.compile(
    r"\s((?:偏|侧重)?[^\s（）()\-—]{2,8}方向)\s*$"
)  # a lean after a space, not a bracket


def word_first(printed: str, catalog: Catalog, direction_words: list[tuple[str, str]]) -> str | None:
    """内容运营实习生（游戏） and （游戏）内容运营实习生 are 游戏内容运营实习生: a lone domain or direction word in
    brackets at either end qualifies the title as it would in front of it, so every spelling gets one job."""
    found = _LONE_WORD.fullmatch(printed)
    ahead = _LEADING_WORD.fullmatch(printed)
    inside = _MIDDLE_WORD.fullmatch(printed)
    if inside:  # 直播（电商）运营总监 reads as 直播电商运营总监: a lone word in brackets inside the name is part of it
        said, rest = inside.group(2), inside.group(3)
        return inside.group(1) + said + rest if _known(normalise(said), catalog, direction_words) else None
    if found:
        said, rest = found.group(2), found.group(1)
    elif ahead:
        said, rest = ahead.group(1), ahead.group(2)
    else:
        return None
    word, tail = normalise(said), normalise(rest)
    # only when the word and what follows it spell a direction of their own (游戏 + 内容运营 = 游戏内容运营): the
    # second reading costs a full pass, so a bracket that cannot gain one (（美妆）) is read once
    joined = any(
        len(w) > len(word) and w.startswith(word) and tail.startswith(w[len(word) :])
        for w, _ in direction_words
    )
    return said + rest if joined else None


def _known(word: str, catalog: Catalog, direction_words: list[tuple[str, str]]) -> bool:
    """A direction's word, a domain or an industry (normalised ``word``)."""
    industries = {normalise(n) for x in catalog.industries for n in (x.name, *x.aliases, *x.title_words)}
    return word in dict(direction_words) or word in domain_names() or word in industries


def names_industry(word: str, industry: str, catalog: Catalog) -> bool:
    entry = catalog.industry_by_id.get(industry)
    names = (entry.name, *entry.aliases) if entry else ()
    return normalise(word) in {normalise(n) for n in names}


def title_industry(folded: str, catalog: Catalog) -> str | None:
    """The industry a title names in brackets (用户运营（电商）), or by a word it opens with before another
    function (电商用户运营, 22989-电商营销专员); 电商运营 is the role itself."""
    for industry in catalog.industries:
        for word in (industry.name, *industry.aliases):
            if f"（{word}）" in folded or f"({normalise(word)})" in folded:
                return industry.id
    opening = re.sub(r"^[\W\d_a-z]*", "", folded)
    for industry in catalog.industries:
        for word in map(normalise, industry.title_words):
            rest = opening[len(word) :]
            if opening.startswith(word) and rest and not rest.startswith(vocabulary().title.generic):
                return industry.id
    return None


def without_business_tail(
    match: TitleMatch,
    folded: str,
    spans: list[Span],
    role_spans: list[Span],
    catalog: Catalog,
) -> TitleMatch:
    """产品运营-抖音, 大模型评测专家-抖音: after a job the title names, a dashed tail is the employer's
    business line, not a platform the job works on. A direction named only there, and not written for the
    job's role, is left out: it would write a brand's 抖音号 lines into a platform employee's JD. (新媒体运营-
    抖音 keeps 抖音: new-media work is written for that platform.)"""
    tail = DASH_TAIL.search(folded)
    if not tail or tail.start() == 0 or vocabulary().title.generic in tail.group(1):
        return match  # TikTok Shop-商家运营: a tail that says 运营 is the job itself
    if _LEANS.search(tail.group(1).strip()):
        return match  # 广告运营专员-账户优化方向: a lean, as in brackets, not the employer's business line
    before = [d for s, _, d in [*spans, *role_spans] if s < tail.start()]
    if not before:
        return match
    only_tail = {d for s, _, d in spans if s >= tail.start()} - set(before)
    kept = tuple(
        d for d in match.directions if d not in only_tail or match.role in catalog.direction_by_id[d].roles
    )
    return replace(match, directions=kept) if kept != match.directions else match


def abroad(match: TitleMatch, catalog: Catalog) -> TitleMatch:
    """英文电商专员, 电商运营（日语）: a store job that works in a foreign language sells abroad."""
    direction = lexicon().abroad.get(match.role)
    if match.language and not match.directions and direction in catalog.direction_by_id:
        return replace(match, directions=(direction,))
    return match


def title_qualifiers(
    printed: str, directions: list[tuple[str, str]], roles: list[tuple[str, str]]
) -> tuple[str, ...]:
    """What a title adds in brackets or after a dash (产品运营（会员方向）, 平台运营专家——数据分析方向), less the words
    that name a direction, or a role unless the title leans to it (用户运营（活动运营方向）: read already, 抖音 in
    直播运营主管（抖音）): compose matches these against the duty blocks' names, so the body leans the way the
    title does. Lean marks (方向, 偏) are dropped."""
    folded = fold(printed)
    pieces = BRACKET.findall(folded)
    outside = BRACKET.sub(" ", folded)
    tail = DASH_TAIL.search(outside) or _SPACED_LEAN.search(outside)  # 游戏运营 版本管理方向
    if tail:
        pieces.append(tail.group(1))
    words = (
        (w.strip(), normalise(_LEANS.sub("", w.strip()))) for p in pieces for w in _QUALIFIER_SPLIT.split(p)
    )
    kept = (
        w
        for said, w in words
        if len(w) >= 2
        and not any(n in w for n, _ in directions)
        and (_LEANS.search(said) or not any(n in w for n, _ in roles))
    )
    return tuple(dict.fromkeys(kept))


_SIDE = re.compile(r"[/／，,、]")


def beside_roles(
    folded: str, main_end: int, role_spans: list[Span], role: str, also: tuple[str, ...]
) -> tuple[str, ...]:
    """社群运营/活动运营, 市场推广/新媒体运营: a role named beside the title's own, split from it by a slash or a comma,
    is work the job also does. Lighter than ``also``: one of its lines is written, not its blocks first."""
    cuts = [m.start() for m in _SIDE.finditer(folded[:main_end])]

    def part(at: int) -> int:
        return sum(1 for c in cuts if c < at)

    own = {part(s) for s, _, r in role_spans if r == role}
    found = [
        r for s, _, r in role_spans if s < main_end and r != role and r not in also and part(s) not in own
    ]
    return tuple(dict.fromkeys(found))[:1] if cuts else ()


def also_named(folded: str, spans: list[Span], role: str, catalog: Catalog) -> tuple[str, ...]:
    """Other roles a title joins to its own: a role's name joined by 与, 和, 及, & or + (产品运营与数据分析), or a
    stem written right before the role's own stem (社群 in 社群内容运营). Names side by side or split by slashes
    are alternatives or context (天猫/平台运营助理, QQ渠道电商运营), not a second job; a function role (数据运营,
    direction_blocks false) works for what stands before it (电商数据运营 analyses a store)."""
    joined = [
        r for s, e, r in sorted(spans) if folded[e : e + 1] in _JOINS or folded[max(0, s - 1) : s] in _JOINS
    ]
    own = catalog.role_by_id.get(role)
    stems = role_stems(catalog)  # role id → its name without 运营
    by_stem = {s: r for r, s in stems.items()}
    # 数据分析+产品运营: a bare function joined to the job is a second job of the role whose stem it opens with
    for word in vocabulary().title.bare_functions:
        at = folded.find(word)
        if at >= 0 and (
            folded[at + len(word) : at + len(word) + 1] in _JOINS or folded[at - 1 : at] in _JOINS
        ):
            joined += [by_stem[s] for s in by_stem if word.startswith(s)][:1]
    if own is not None and own.direction_blocks and role in stems:
        second = vocabulary().title.second_jobs
        joined += [by_stem[s] for s in second if s + stems[role] in folded and s in by_stem]
    return tuple(r for r in dict.fromkeys(joined) if r != role)


def _focused(word: str, directions: tuple[str, ...], catalog: Catalog) -> bool:
    """配送 in 配送策略运营 is what the strategy works on: a note of the direction is written for it. 阿联酋 names a
    working language (英语) the JD asks for."""
    folded = normalise(word)
    if title_language(folded):
        return True
    return any(
        note.within in directions
        and any(normalise(w) in folded or folded in normalise(w) for w in note.focus)
        for note in catalog.focus_notes
    )


def title_language(text: str) -> str | None:
    """The working language a (folded) title names: 日语, 日本站 → 日语; 阿联酋 → 英语."""
    return next((k for k, ws in lexicon().languages.items() if any(w in text for w in ws)), None)


def left_out(unknown: list[str], directions: tuple[str, ...], catalog: Catalog) -> tuple[str, ...]:
    """The words not understood, once each, less those a direction's note or a working language covers."""
    return tuple(dict.fromkeys(w for w in unknown if not _focused(w, directions, catalog)))


def title_level(folded: str, main_end: int, raw: str) -> str | None:
    """The level a title names: brackets holding only a level word first (运营经理（总监）, 运营专员（实习生）),
    then the title proper, then what follows it, then the raw title."""
    found = BRACKET.search(folded)
    inner = found.group(1).strip() if found else ""
    alone = next((level for word, level in vocabulary().title.level_words if word == inner), None)
    return alone or level_in(folded[:main_end]) or level_in(folded[main_end:]) or level_in(raw)


def alternative_levels(title: str) -> tuple[str, ...]:
    """客户运营专员/用户运营经理: the levels a title offers as alternatives (parts split by / 或 、), when they
    differ; () otherwise. 运营总监助理 is one job, not two."""
    parts = [p for p in re.split(r"[/／、]|或", fold(title)) if p.strip()]
    found = [level_in(p) for p in parts] if len(parts) > 1 else []
    levels = tuple(dict.fromkeys(x for x in found if x))
    return levels if len(levels) > 1 else ()


def level_in(text: str) -> str | None:
    """A tail word at the end of ``text`` first (招商运营总 → 总监, 运营总监助理 → 专员), then the first level word
    of the vocabulary in it."""
    end = text.rstrip(" -—_|·")
    tail = next((level for word, level in lexicon().level_tails.items() if end.endswith(word)), None)
    return tail or next((level for word, level in vocabulary().title.level_words if word in text), None)
