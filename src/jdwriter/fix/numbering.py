"""Item numbers after `jdwriter fix` removed items: every list that lost an item reads on from its first number
in its own style (1、 2. （3） ①), whatever paragraphs, blank lines or closing lines stand between or after
its items; inline items (1、…；2、…；3、… on one line) count up again.

    renumber(lines, current)   # lines: as read; current: after the edits (None: removed); edited in place
"""

from __future__ import annotations

import re

from ..check.layout import heading, normalise

_NUMBER = re.compile(
    r"^(\s*(?:[-*+]\s+)?(?:\*\*)?([（(]?)\s*)(\d{1,2})(?=\s*([、)）]|[.．](?!\d)))"
)  # 3、3年 is item 3
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_INLINE = re.compile(r"(?:^|(?<=[;；。，,\s:：]))(\d{1,2})(?=\s*(?:、|[.)）](?!\d)))")


def _number(line: str) -> tuple[int, int, int, str] | None:
    """(value, start, end, style) of an item's number: 1、 1. (1) （1） ①. The style tells lists apart: a
    （1） list inside a 1、 list is another list."""
    match = _NUMBER.match(line)
    if match:
        style = ("(" if match.group(2) else "") + match.group(4).replace("．", ".").replace("）", ")")
        return int(match.group(3)), match.start(3), match.end(3), style
    stripped = line.lstrip()
    if stripped and stripped[0] in _CIRCLED:
        at = len(line) - len(stripped)
        return _CIRCLED.index(stripped[0]) + 1, at, at + 1, "①"
    return None


def _lists(lines: list[str]) -> list[list[tuple[int, int]]]:
    """The numbered lists of a JD as (line index, number) pairs: items of one style counting up (1、 2、 3、)
    between two headings. Paragraphs, blank lines and a closing line (欢迎投递。) between or after items do
    not end a list; a heading does, and so does a number that does not count on (a new list from 1)."""
    out: list[list[tuple[int, int]]] = []
    open_lists: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        found = _number(line)
        if found is None:
            if heading(normalise(line)[0]) is not None:
                open_lists = {}
            continue
        value, _, _, style = found
        chain = open_lists.get(style)
        if chain is not None and value == chain[-1][1] + 1:
            chain.append((i, value))
        else:
            open_lists[style] = [(i, value)]
            out.append(open_lists[style])
    return out


def renumber(lines: list[str], current: list[str | None], locked: frozenset[int] = frozenset()) -> None:
    """Renumber every list that lost an item, in its own style (1、 2. （3） ①), so it reads on from its first
    number; and the inline items (1、…；2、…；3、…) of every edited line. A list with a locked item (one fix
    may not edit) is left as it is: renumbered in part it would read 1. 3. 3."""
    for chain in _lists(lines):
        indices = [i for i, _ in chain]
        if not any(current[i] is None for i in indices) or locked.intersection(indices):
            continue
        expected = chain[0][1]
        for i in indices:
            text = current[i]
            if text is None:
                continue
            found = _number(text)
            if found is not None and found[0] != expected:
                _, start, end, style = found
                new = _CIRCLED[expected - 1] if style == "①" and expected <= 20 else str(expected)
                current[i] = text[:start] + new + text[end:]
            expected += 1
    for i, (before, after) in enumerate(zip(lines, current, strict=True)):
        if after is not None and after != before and i not in locked:
            current[i] = _renumber_inline(before, after)


def _renumber_inline(before: str, after: str) -> str:
    """Inline items (1、…；2、…；3、… on one line) that counted up before the edit count up again after it."""
    old = [int(m.group(1)) for m in _INLINE.finditer(before)]
    if len(old) < 2 or old != list(range(old[0], old[0] + len(old))):
        return after
    marks = list(_INLINE.finditer(after))
    values = [int(m.group(1)) for m in marks]
    if values == list(range(old[0], old[0] + len(values))) or values != sorted(set(values)):
        return after
    out, last = [], 0
    for n, m in enumerate(marks):
        out += [after[last : m.start(1)], str(old[0] + n)]
        last = m.end(1)
    return "".join(out) + after[last:]
