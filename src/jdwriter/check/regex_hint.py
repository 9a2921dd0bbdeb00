"""Which characters a regular expression cannot match without: a cheap test that lets a scan skip a pattern.

    required_chars(r"\\d{1,2}\\s*周?岁(?:以下|以内)?") → {"岁"}

Every match of the pattern contains at least one character of the returned set, so a text holding none of
them cannot match and the pattern need not run over it (the idea behind the literal prefilters of grep-like
tools). None means no such set was found (the pattern may start anywhere with any character); the caller
then always runs it. Patterns are read with Python's own regex parser; anything it cannot read, or any
construct this module does not know, gives None, never a wrong set.
"""

from __future__ import annotations

from typing import Any

MAX_RANGE = 64  # a character range wider than this ([一-龥]) is no useful hint


def required_chars(pattern: str) -> frozenset[str] | None:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern)
        if tree.state.flags & c.SRE_FLAG_IGNORECASE:
            return None
        return _sequence(tree, c)
    except Exception:  # a parser that changed shape or a pattern it refuses: no hint, not an error
        return None


def _sequence(items: Any, c: Any) -> frozenset[str] | None:
    """Every element of a sequence is needed, so any one element's set will do: take the smallest, and
    among equals one without digits or Latin letters (those are everywhere in a JD)."""
    found = [s for s in (_element(op, av, c) for op, av in items) if s is not None]
    if not found:
        return None
    return min(found, key=lambda s: (len(s), any(ch.isascii() for ch in s)))


def _element(op: Any, av: Any, c: Any) -> frozenset[str] | None:
    if op is c.LITERAL:
        return frozenset(chr(av))
    if op is c.IN:
        return _charset(av, c)
    if op is c.BRANCH:
        sets = [_sequence(branch, c) for branch in av[1]]
        if any(s is None for s in sets):
            return None
        return frozenset().union(*sets)  # type: ignore[arg-type]
    if op is c.SUBPATTERN:
        return _sequence(av[3], c)
    if op is c.ATOMIC_GROUP:
        return _sequence(av, c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, item = av
        return _sequence(item, c) if low >= 1 else None
    return None  # ANY, NOT_LITERAL, anchors, lookarounds, group references: no requirement taken from them


def _charset(items: Any, c: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= MAX_RANGE:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY (\d, \s), wide ranges
    return frozenset(chars)
