"""`jdwriter fix` for HTML: edit the text of the flagged elements in the source, keep every other byte.

check reads an HTML page into blocks (layout.from_html), one per block element, each knowing where its
text stands in the source. A block is edited only when its text is one plain run of the source: the
characters on the page are exactly the characters in the file (no tag inside the item, no character
reference, no run of spaces the browser collapses). Then a changed item replaces that run, escaped; a removed
item removes its element (<li>…</li>, <p>…</p>), with its line when it stood alone on one. Anything else
(<li><b>限男性</b>…</li>) is left in place and reported for a person, as before.

    fix_html("<ul><li>本科</li><li>限男性</li></ul>") → ("<ul><li>本科</li></ul>", [Change…], [])
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..check.engine import Finding
from ..check.layout import Block, from_html
from .engine import Change, repair
from .reasons import Refusal

_ITEM_TAGS = "li|p|dd|dt|h[1-6]|div|td|th|span"
_OPENING = re.compile(rf"<({_ITEM_TAGS})\b[^<>]*>\s*$", re.IGNORECASE)  # matched up to the text only
_LINE_END = re.compile(r"\r\n|\r|\n")
_LOOK_BACK = 400  # how far before an item's text its start tag may stand (spaces and attributes)


@dataclass(frozen=True)
class _Place:
    start: int  # the item's text is source[start:end]
    end: int
    element: tuple[int, int] | None  # the whole element (with its line when alone on it), if found


def fix_html(source: str) -> tuple[str, list[Change], list[Finding]]:
    """The page with its flagged items edited, the changes, and the compliance findings left for a person,
    both numbered by the line of the original page they stand on."""
    blocks = from_html(source).blocks
    places = [_place(source, block) for block in blocks]
    lines = [block.text for block in blocks]
    locked = frozenset(i for i, place in enumerate(places) if place is None)
    new, changes, left = repair(lines, "行", locked)
    edits: list[tuple[int, int, str]] = []
    applied: list[Change] = []
    for change in changes:
        i = change.line - 1
        place = places[i]
        if place is None:  # a renumbering of an item that cannot be edited: leave it as it is
            continue
        after = new[i]
        if after is None:
            start, end = place.element or (place.start, place.end)
            edits.append((start, end, ""))
        else:
            edits.append((place.start, place.end, html.escape(after, quote=False)))
        applied.append(replace(change, line=blocks[i].number))
    pieces, at = [], 0
    for start, end, text in sorted(edits):  # by offset, in one pass
        pieces += [source[at:start], text]
        at = end
    out = "".join([*pieces, source[at:]])
    remaining = [replace(f, line=blocks[f.line - 1].number) for f in left]  # numbered by source line
    return out, applied, remaining


def markup_refusals(source: str, lines: Iterable[int]) -> dict[int, Refusal]:
    """Why the items on these source lines were left for a person, when their markup stopped fix: a table
    cell (TABLE), bold (FORMATTING), other tags or character references (MARKUP). An item that is one plain
    run of the page gets none here (fix could edit it; the text layer says why it did not)."""
    wanted = set(lines)
    out: dict[int, Refusal] = {}
    for block in from_html(source).blocks:
        if block.number in wanted and block.number not in out:
            refusal = _refusal(source, block)
            if refusal is not None:
                out[block.number] = refusal
    return out


def _refusal(source: str, block: Block) -> Refusal | None:
    if len(block.runs) == 1 and _place(source, block) is not None:
        return None
    first = block.runs[0][1] if block.runs else block.offset
    inside = source[first : block.runs[-1][1] if block.runs else first].lower()
    opening = source[max(0, first - _LOOK_BACK) : first].lower()
    if re.search(r"<(?:td|th)\b[^<]*$", opening) or "<td" in inside or "<th" in inside:
        return Refusal.TABLE
    if re.search(r"</?(?:b|strong)\b", inside) or re.search(r"<(?:b|strong)\b[^<]*$", opening):
        return Refusal.FORMATTING
    return Refusal.MARKUP


def _place(source: str, block: Block) -> _Place | None:
    """Where an item's text stands in the source, when it is one plain run; None otherwise."""
    if len(block.runs) != 1 or not block.text:
        return None
    at = block.runs[0][1]
    limit = at + _LOOK_BACK
    while at < len(source) and at < limit and source[at].isspace():
        at += 1  # the spaces before the text, which the page does not show
    if not source.startswith(block.text, at):
        return None  # a character reference or collapsed spaces: the page's text is not the file's
    end = at + len(block.text)
    return _Place(at, end, _element(source, at, end))


def _element(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The element wrapped around exactly this text (<li>text</li>), widened to its whole line when nothing
    else stands on that line."""
    tag = source.rfind("<", max(0, start - _LOOK_BACK), start)
    before = _OPENING.match(source, tag, start) if tag >= 0 else None
    if before is None:
        return None
    closing = re.compile(rf"\s*</{before.group(1)}\s*>", re.IGNORECASE).match(source, end)
    if closing is None:
        return None
    first, last = before.start(), closing.end()
    line_start = max(source.rfind("\n", 0, first), source.rfind("\r", 0, first)) + 1
    ending = _LINE_END.search(source, last)
    line_end, after = (ending.start(), ending.end()) if ending else (len(source), len(source))
    if not source[line_start:first].strip() and not source[last:line_end].strip():
        return (
            line_start,
            after,
        )  # the element stood alone on its line: the line goes, with its \r\n, \r or \n
    return first, last
