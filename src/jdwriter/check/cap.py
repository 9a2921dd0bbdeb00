"""Bounded output for `jdwriter check`: how many findings a report shows, and how much of a line it quotes.

A hostile or broken JD (99,000 lines of the same requirement, one 20,000-character line) must not turn into
hours of terminal output or a 100 MB JSON file. The report shows at most ``PER_RULE`` findings of one rule
and ``PER_DOCUMENT`` in all, and says how many of each rule it held back (另有 N 处同类问题); the counts in
the summary and in the JSON stats stay the true totals. Each excerpt quotes a bounded window of its line,
measured only inside that window, so the cost per finding does not grow with the line.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol, TypeVar

PER_RULE = 200
PER_DOCUMENT = 1000
LINE_COLUMNS = 80  # the whole excerpt line, indent included
INDENT = 4


class _Finding(Protocol):
    @property
    def rule(self) -> str: ...


F = TypeVar("F", bound=_Finding)


def capped(findings: list[F]) -> tuple[list[F], dict[str, int]]:
    """The findings to show (in their order) and, per rule, how many were held back."""
    shown: list[F] = []
    per_rule: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for finding in findings:
        seen = per_rule.get(finding.rule, 0)
        if seen >= PER_RULE or len(shown) >= PER_DOCUMENT:
            hidden[finding.rule] = hidden.get(finding.rule, 0) + 1
            continue
        per_rule[finding.rule] = seen + 1
        shown.append(finding)
    return shown, hidden


def width(char: str) -> int:
    """Terminal cells of one character: 2 for wide (CJK, full-width), 0 for combining marks, else 1."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def excerpt_window(line: str, start: int, end: int, side: int) -> tuple[str, str, str]:
    """(head, excerpt, tail) of ``line`` around ``line[start:end]``: at most ``side`` cells on each side and
    LINE_COLUMNS − INDENT − 2·side for the excerpt, with … where something was cut."""
    head_cells = 0
    at = start
    while at > 0 and head_cells + width(line[at - 1]) <= side - 1:
        at -= 1
        head_cells += width(line[at])
    head = line[at:start]
    head = ("…" + head.lstrip()) if at > 0 else head.lstrip()
    room = LINE_COLUMNS - INDENT - 2 * side
    body, cells, k = [], 0, start
    while k < end and cells + width(line[k]) <= room - 1:
        body.append(line[k])
        cells += width(line[k])
        k += 1
    excerpt = "".join(body) + ("…" if k < end else "")
    tail_cells, k = 0, end
    while k < len(line) and tail_cells + width(line[k]) <= side - 1:
        tail_cells += width(line[k])
        k += 1
    tail = line[end:k]
    more = k < len(line) and not line[k : k + 64].isspace()  # bounded look: spaces at the end are no text
    tail = tail + "…" if more else tail.rstrip()
    return head, excerpt, tail
