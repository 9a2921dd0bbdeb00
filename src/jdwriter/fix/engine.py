"""`jdwriter fix`: repair a JD's unlawful requirements and keep everything else byte for byte.

    fixed = fix_path("old.md")        # or "-" for stdin, or a .docx
    fixed.data                        # the repaired file (bytes: the original encoding, BOM and line endings)
    fixed.changes                     # [Change(line=5, before="1. 男性，35岁以下，有经验", after="1. 有经验", …)]
    fixed.remaining                   # compliance findings no safe edit could remove: for a person
    fixed.exit_code                   # 0 when nothing is left, 1 otherwise

Only compliance findings (gender … contact, see check_rules.COMPLIANCE) are edited, never quality ones. Each
flagged line goes through clause surgery (fix_clause.fix_line) at the smallest level that helps; the whole JD is
then checked again, and a line whose finding survived is edited one level further (span → clause → item),
until no compliance finding is left or nothing more can be done. Removed items leave their list renumbered
(1. 2. 3.). Lines nobody flagged are never touched.

HTML goes through fix_html.py, which edits items whose text is one plain run of the page's source.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..check.engine import Finding, check_layout
from ..check.layout import Block, Layout, normalise, structure
from ..check.rules import COMPLIANCE, rules
from .clause import fix_line

ROUNDS = 8  # check → edit rounds; each edit shortens a line or raises its level, so few are ever needed
RENUMBER = "renumber"


@dataclass(frozen=True)
class Change:
    """One line (or .docx paragraph) changed: ``after`` is None when the whole item was removed. ``rules`` are
    the compliance rules that caused it; an empty tuple means the item was only renumbered."""

    line: int
    unit: str
    before: str
    after: str | None
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        table = rules()
        return {
            "line": self.line,
            "unit": self.unit,
            "before": self.before,
            "after": self.after,
            "removed": self.after is None,
            "rules": list(self.rules) or [RENUMBER],
            "basis": [table[r].basis for r in self.rules if table[r].basis],
        }


@dataclass
class Fixed:
    """The result of fixing one JD."""

    source: str
    kind: str  # text, html or docx
    unit: str
    data: bytes
    text: str | None  # the fixed text (None for .docx)
    changes: list[Change] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.remaining else 0

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "changes": [c.to_dict() for c in self.changes],
            "needs_person": [f.to_dict() for f in self.remaining],
            "clean": not self.remaining,
        }
        if with_text and self.text is not None:
            out["text"] = self.text
        return out

    def to_json(self, *, with_text: bool = False) -> str:
        return json.dumps(self.to_dict(with_text=with_text), ensure_ascii=False, indent=2) + "\n"


# --- the repair loop -------------------------------------------------------------------------------------


def compliance(lines: list[str | None], unit: str) -> list[Finding]:
    """The compliance findings of a JD given as lines; a removed line (None) counts as blank, so the line
    numbers stay those of the original."""
    blocks = [Block(n, 0, line or "") for n, line in enumerate(lines, 1)]
    report = check_layout(Layout(blocks, unit))
    return [f for f in report.findings if f.category in COMPLIANCE and f.scope == "line"]


def repair(
    lines: list[str], unit: str = "行", locked: frozenset[int] = frozenset()
) -> tuple[list[str | None], list[Change], list[Finding]]:
    """Edit the flagged lines until no compliance finding is left or nothing more can be done safely.

    Returns the new lines (None: removed), the changes, and the findings left for a person. ``locked`` holds
    the indices of lines that must not be edited (a .docx table row, a paragraph with line breaks)."""
    current: list[str | None] = list(lines)
    level = [0] * len(lines)
    caused: dict[int, list[str]] = defaultdict(list)
    found = compliance(current, unit)
    for _ in range(ROUNDS):
        by_line: dict[int, list[Finding]] = defaultdict(list)
        for finding in found:
            by_line[finding.line - 1].append(finding)
        progress = False
        for i, findings in by_line.items():
            text = current[i]
            if i in locked or text is None:
                continue
            spans = [(f.column - 1, f.column - 1 + len(f.excerpt), f.rule) for f in findings]
            for lvl in range(level[i], 3):
                new = fix_line(text, spans, lvl)
                if new != text:
                    current[i], level[i], progress = new, lvl, True
                    caused[i] += [f.rule for f in findings if f.rule not in caused[i]]
                    break
            else:
                level[i] = 3  # nothing more to do here: a person has to look
        if not progress:
            break
        found = compliance(current, unit)
    _renumber(lines, current, locked)
    changes = [
        Change(n, unit, before, after, tuple(caused.get(n - 1, ())))
        for n, (before, after) in enumerate(zip(lines, current, strict=True), 1)
        if before != after
    ]
    return current, changes, found


_NUMBER = re.compile(
    r"^(\s*(?:[-*+]\s+)?(?:\*\*)?[（(]?\s*)(\d{1,2})(?=\s*(?:[、)）]|[.．](?!\d)))"
)  # 3、3年 is item 3
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(line: str) -> tuple[int, int, int] | None:
    """(value, start, end) of an item's number: 1、 1. (1) （1） ①."""
    match = _NUMBER.match(line)
    if match:
        return int(match.group(2)), match.start(2), match.end(2)
    stripped = line.lstrip()
    if stripped and stripped[0] in _CIRCLED:
        at = len(line) - len(stripped)
        return _CIRCLED.index(stripped[0]) + 1, at, at + 1
    return None


def _renumber(lines: list[str], current: list[str | None], locked: frozenset[int] = frozenset()) -> None:
    """Renumber the items left in every list that lost an item, when its items counted up (1. 2. 3.) and
    none of them is locked (a list renumbered in part would read 1. 3. 3.)."""
    _, sections = structure([normalise(line)[0] for line in lines])
    for section in sections:
        indices = sorted({item.line - 1 for item in section.items})
        if not any(current[i] is None for i in indices) or locked.intersection(indices):
            continue
        numbers = [_number(lines[i]) for i in indices]
        if any(n is None for n in numbers) or not numbers:
            continue
        values = [n[0] for n in numbers if n]
        if values != list(range(values[0], values[0] + len(values))):
            continue
        expected = values[0]
        for i in indices:
            text = current[i]
            if text is None:
                continue
            found = _number(text)
            if found and found[0] != expected:
                value, start, end = found
                circled = text[start] in _CIRCLED
                new = _CIRCLED[expected - 1] if circled and expected <= 20 else str(expected)
                current[i] = text[:start] + new + text[end:]
            expected += 1


# --- text files --------------------------------------------------------------------------------------------

_ENDING = re.compile(r"(\r\n|\r|\n)")


def fix_text(text: str) -> tuple[str, list[Change], list[Finding]]:
    """Fix plain text or Markdown (line endings kept as they are); HTML goes to fix_html instead
    (fix_files.fix_path chooses)."""
    parts = _ENDING.split(text)
    lines, endings = parts[0::2], [*parts[1::2], ""]
    new, changes, remaining = repair(lines)
    out = "".join(line + end for line, end in zip(new, endings, strict=True) if line is not None)
    kept = [i for i, line in enumerate(new) if line is not None]
    if new[-1] is None and kept:  # the last line went: the one before it now ends the file, as the last did
        out = out[: len(out) - len(endings[kept[-1]])]
    return out, changes, remaining


def source_encoding(raw: bytes) -> tuple[bytes, str]:
    """(BOM, codec) that reproduce ``raw``'s encoding when the text is written back."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return bom, codec
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return b"", "gb18030"
    return b"", "utf-8"
