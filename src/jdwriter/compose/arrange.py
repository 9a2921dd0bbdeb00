"""Choosing phrasings: one per slot so the duties read as a person wrote them, and the small text helpers
the sections share (unique, join_cn, spaced, fresh)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..catalog.lint import MAX_ECHO, NEAR, opening, similarity, terms_in

if TYPE_CHECKING:
    from ..catalog.entries import TeamCap

MIN_KEPT = 4  # duties a list keeps when it drops items for variety
MAX_LISTED = 3  # skills or tools named in one requirement line: more reads like a keyword dump


def join_cn(words: list[str]) -> str:
    """A、B、C. Not "A、B与C": a skill may itself contain 与 (埋点设计与验收), and two would read badly."""
    return "、".join(words)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def spaced(text: str) -> str:
    """熟练使用Excel与SQL → 熟练使用 Excel 与 SQL: the spacing the catalogue's own sentences use. B站 and C端
    stay whole: a space goes before a Chinese character only after two or more letters. (A loop, not a
    regular expression: a CJK range costs about a millisecond to compile, on every run.)"""
    out: list[str] = []
    for i, char in enumerate(text):
        if i and (
            (_is_latin(char) and _is_cjk(text[i - 1]))
            or (_is_cjk(char) and i > 1 and _is_latin(text[i - 1]) and _is_latin(text[i - 2]))
        ):
            out.append(" ")
        out.append(char)
    return "".join(out)


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def fresh(words: list[str], named: Counter[str], terms: Sequence[str]) -> list[str]:
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
    """One phrasing per slot: see :func:`arrange_slots`."""
    return [text for _, text in arrange_slots(slots, terms, named)]


def arrange_slots(
    slots: list[list[str]],
    terms: Iterable[str],
    named: Iterable[str] = (),
    *,
    spare: Sequence[int] = (),
    skips: int = 0,
) -> list[tuple[int, str]]:
    """One phrasing per slot, seeded preferences first, so that the duties read as a person wrote them:
    no three in a row open with the same verb, no verb opens more than half, no tool or metric is named in
    more than MAX_ECHO items (counting ``named``, the JD's other items), no two say the same thing.

    Exactly ``skips`` of the slots whose indices are in ``spare`` are left out: a slot is left out only when
    no phrasing of it fits, or when the slots still to come are the ones to leave out (spare slots go
    last, so a job whose first choices fit gets exactly them). A depth-first search over the few
    variants. Slots that cannot meet it lose one or two items (keeping MIN_KEPT); a thin user
    catalogue that still cannot gets the seeded choices of the slots it would keep. Returns (slot index, phrasing) in order."""
    terms, others = list(terms), list(named)
    spare_set = set(spare)
    limit = (len(slots) - skips) // 2
    chosen: list[tuple[int, str]] = []
    verbs: Counter[str] = Counter()
    echo: Counter[str] = Counter(t for text in others for t in terms_in(text, terms))
    budget = [4000]  # steps; the catalogue's shapes need a few dozen

    def texts() -> list[str]:
        return [x for _, x in chosen]

    def fits(text: str) -> bool:
        verb = opening(text)
        done = texts()
        if text in done or verbs[verb] >= limit or [opening(x) for x in done[-2:]] == [verb, verb]:
            return False
        if any(echo[t] >= MAX_ECHO for t in terms_in(text, terms)):
            return False
        return not any(similarity(text, other) > NEAR for other in [*done, *others])

    def walk(i: int, left: int) -> bool:
        if i == len(slots):
            return left == 0
        can_skip = left > 0 and i in spare_set
        if can_skip and sum(1 for j in range(i, len(slots)) if j in spare_set) <= left:
            return walk(i + 1, left - 1)
        for text in slots[i]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if not fits(text):
                continue
            found = terms_in(text, terms)
            chosen.append((i, text))
            verbs[opening(text)] += 1
            echo.update(found)
            if walk(i + 1, left):
                return True
            chosen.pop()
            verbs[opening(text)] -= 1
            echo.subtract(found)
        return can_skip and walk(i + 1, left - 1)

    if walk(0, skips):
        return chosen
    # No arrangement of all of them keeps variety: one or two fewer duties read better than a list whose
    # items open alike (any slot but the first may go).
    spare_set = set(range(1, len(slots)))
    for extra in (1, 2):
        limit = (len(slots) - skips - extra) // 2
        budget[0] = 4000
        if len(slots) - skips - extra >= MIN_KEPT and walk(0, skips + extra):
            return chosen
    dropped = set(sorted(spare_set)[len(spare_set) - skips :]) if skips else set()
    seeded: list[tuple[int, str]] = []
    for i, options in enumerate(slots):
        if options and i not in dropped and options[0] not in [x for _, x in seeded]:
            seeded.append((i, options[0]))
    return seeded


def team_capped(cap: TeamCap | None, lines: list[str], section: str) -> list[str]:
    """``lines`` with at most the level's number of lines that ask for a team in this section (经理: one
    requirement, no bonus); the first ones stay."""
    if cap is None:
        return lines
    room = cap.requirements if section == "requirements" else cap.bonus
    kept: list[str] = []
    for text in lines:
        if says(cap.pattern, text):
            if room == 0:
                continue
            room -= 1
        kept.append(text)
    return kept


def says(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def said_once(
    lines: list[str], themes: Sequence[Sequence[str]], exempt: Iterable[str] = (), before: Iterable[str] = ()
) -> list[str]:
    """``lines`` where each theme (年度目标 or 预算) is said by one line only: a line saying a theme an earlier
    one (or one of ``before``) said is left out. ``exempt`` lines (a level's own, which say what the level
    is) stay and take no theme from the others."""

    def said(text: str) -> set[int]:
        return {i for i, words in enumerate(themes) if any(w in text for w in words)}

    taken = {i for text in before for i in said(text)}
    own = set(exempt)
    kept: list[str] = []
    for text in lines:
        if text not in own:
            mine = said(text)
            if mine & taken:
                continue
            taken |= mine
        kept.append(text)
    return kept
