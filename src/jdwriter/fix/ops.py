"""The change `jdwriter fix` made to one item, as replacements on the original text: what a .docx or HTML fixer
applies so that every kept character stays in its run (bold and all).

    ops("男性，本科，两年经验", "本科，两年经验") → [(0, 3, "")]
"""

from __future__ import annotations

import re

_PIECE = re.compile(r"[，、；,;。！？!?：:\s]+|[^，、；,;。！？!?：:\s]+")
_LOOK_AHEAD = 64  # how many pieces a removed run may span: bounded, so ops() stays linear


def ops(old: str, new: str) -> list[tuple[int, int, str]]:
    """The change from ``old`` to ``new`` (an item and what :func:`edit_item` made of it) as replacements
    (start, end, text) on ``old``, in order and not overlapping, by clause: the kept clauses and their
    delimiters are matched piece by piece, so every kept character stays where it was (a .docx fixer keeps
    its run, bold and all), and only what was cut or rewritten is replaced. Linear in the length of the
    item, never a character-by-character comparison of the whole paragraph.

        ops("男性，本科，两年经验", "本科，两年经验") → [(0, 3, "")]"""
    a, b = _PIECE.findall(old), _PIECE.findall(new)
    out: list[tuple[int, int, str]] = []
    i = j = at = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            at, i, j = at + len(a[i]), i + 1, j + 1
            continue
        skip = next((k for k in range(i + 1, min(len(a), i + _LOOK_AHEAD)) if a[k] == b[j]), None)
        if skip is not None:  # a[i:skip] went
            gone = sum(map(len, a[i:skip]))
            out.append((at, at + gone, ""))
            at, i = at + gone, skip
            continue
        out.append(_narrow(old, at, at + len(a[i]), b[j]))
        at, i, j = at + len(a[i]), i + 1, j + 1
    if i < len(a) or j < len(b):
        out.append((at, len(old), "".join(b[j:])))
    out = [op for op in out if op[0] != op[1] or op[2]]
    if _apply(old, out) != new:  # never wrong: fall back to one replacement of the middle
        out = [_narrow(old, 0, len(old), new)] if old != new else []
    return out


def _narrow(old: str, start: int, end: int, text: str) -> tuple[int, int, str]:
    """The replacement of old[start:end] by ``text``, without the characters both share at either end."""
    piece = old[start:end]
    head = 0
    while head < min(len(piece), len(text)) and piece[head] == text[head]:
        head += 1
    tail = 0
    while tail < min(len(piece), len(text)) - head and piece[-1 - tail] == text[-1 - tail]:
        tail += 1
    return start + head, end - tail, text[head : len(text) - tail]


def _apply(old: str, edits: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, text in edits:
        if start < last:
            return ""
        out += [old[last:start], text]
        last = end
    return "".join(out) + old[last:]
