"""`jdwriter fix --diff`: the change as a unified diff (---, +++, @@), the form a careful user or a reviewer of a
pull request reads.

    print(unified(fix_path("old.md")), end="")

Text and .docx: built from fix's own changes (line N became this, or went), so it costs what the changes
cost, never a comparison of the whole file; a .docx shows its paragraph text, one paragraph a line. HTML:
the page source before and after, compared line by line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from .engine import Fixed

CONTEXT = 3
_ENDING = re.compile(r"\r\n|\r|\n")


def unified(fixed: Fixed) -> str:
    """The unified diff of one fixed JD; empty when nothing changed."""
    if not fixed.changes:
        return ""
    name = fixed.source
    if fixed.kind == "html" and fixed.text is not None and fixed.original is not None:
        lines = difflib.unified_diff(
            fixed.original, _ENDING.split(fixed.text), name, name, lineterm="", n=CONTEXT
        )
        return "".join(line + "\n" for line in lines)
    before = list(fixed.original or _from_changes(fixed))
    after: list[str | None] = list(before)
    for change in fixed.changes:
        after[change.line - 1] = change.after
    if len(before) > 1 and before[-1] == "" and after[-1] == "":
        before, after = before[:-1], after[:-1]  # the empty "line" after the final newline is no line
    head = [f"--- {name}", f"+++ {name}"]
    return "".join(line + "\n" for line in [*head, *_hunks(before, after)])


def _from_changes(fixed: Fixed) -> list[str]:
    """The original lines as far as the changes tell them (no context): for a fixer that kept no copy."""
    lines = [""] * max(c.line for c in fixed.changes)
    for change in fixed.changes:
        lines[change.line - 1] = change.before
    return lines


def _hunks(before: list[str], after: list[str | None]) -> Iterator[str]:
    """@@ hunks over aligned lines: after[i] is line i as fixed, or None when it was removed."""
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    groups: list[list[int]] = []
    for i in changed:
        if groups and i - groups[-1][-1] <= 2 * CONTEXT:
            groups[-1].append(i)
        else:
            groups.append([i])
    removed_before = 0
    last = 0
    for group in groups:
        start, end = max(0, group[0] - CONTEXT), min(len(before), group[-1] + CONTEXT + 1)
        removed_before += sum(after[i] is None for i in range(last, start))
        new_count = sum(after[i] is not None for i in range(start, end))
        new_start = start + 1 - removed_before
        yield f"@@ -{_range(start + 1, end - start)} +{_range(new_start if new_count else new_start - 1, new_count)} @@"
        minus: list[str] = []
        plus: list[str] = []
        for i in range(start, end):
            old, new = before[i], after[i]
            if old != new:
                minus.append("-" + old)
                plus += [] if new is None else ["+" + new]
                continue
            yield from minus + plus  # a run of changed lines reads as git shows it: all - then all +
            minus, plus = [], []
            yield " " + old
        yield from minus + plus
        removed_before += sum(after[i] is None for i in range(start, end))
        last = end


def _range(start: int, count: int) -> str:
    return str(start) if count == 1 else f"{start},{count}"
