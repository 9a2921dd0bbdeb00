"""`jdwriter fix`: repair a JD's unlawful requirements and keep everything else byte for byte.

    fixed = fix_path("old.md")        # fix.files; or "-" for stdin, or a .docx
    fixed.data                        # the repaired file (bytes: the original encoding, BOM and line endings)
    fixed.changes                     # [Change(line=5, before="1. 男性，35岁以下，有经验", after="1. 有经验", …)]
    fixed.remaining                   # compliance findings no safe edit could remove: for a person
    fixed.reason(5)                   # why line 5 was left (fix.reasons.Refusal: 这一条跨了两行, …)
    fixed.exit_code                   # 0 when nothing is left, 1 otherwise

Only compliance findings (gender … contact, see check.rules.COMPLIANCE) are edited, never quality ones. Each
flagged line goes through clause surgery (fix.clause.edit_item) at the smallest level that helps; the whole JD
is then checked again, and a line whose finding survived is edited one level further (span → clause → item),
until no compliance finding is left or nothing more can be done. A refusal (a contact detail inside a sentence)
is final for its line. Every list that lost an item is renumbered 1..n in its own style (fix.numbering).
Lines nobody flagged are never touched. More than 1 MB of text is refused, as check refuses it.

:func:`repair` is what the text, .docx and HTML fixers share: lines in, lines out (None: removed), with the
changes, the findings left and a reason per line left.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..check.engine import Finding, check_layout
from ..check.input import MAX_BYTES
from ..check.layout import Block, Layout, heading, normalise
from ..check.rules import COMPLIANCE, rules
from ..errors import InputFileError
from .clause import contact_heading, edit_item
from .numbering import renumber
from .reasons import Refusal

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
            "basis": list(dict.fromkeys(table[r].basis for r in self.rules if table[r].basis)),
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
    reasons: dict[int, Refusal] = field(default_factory=dict)  # by the line a remaining finding names
    original: list[str] | None = None  # the lines (or .docx paragraphs) as read, for --diff

    @property
    def exit_code(self) -> int:
        return 1 if self.remaining else 0

    def reason(self, line: int) -> Refusal:
        """Why line ``line`` was left for a person; a fixer that gave no reason left a whole item whose
        layout it cannot edit (HTML markup, a .docx line break or table)."""
        default = {"html": Refusal.MARKUP, "docx": Refusal.FORMATTING}.get(self.kind, Refusal.UNSAFE)
        return self.reasons.get(line, default)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "changes": [c.to_dict() for c in self.changes],
            "needs_person": [
                {**f.to_dict(), "reason": self.reason(f.line).text, "reason_id": self.reason(f.line).key}
                for f in self.remaining
            ],
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


@dataclass
class Repaired:
    """What :func:`repair` did: the new lines (None: removed), the changes, the compliance findings left for a
    person, and why each line that was left alone (by index) could not be edited. Unpacks as the first three,
    ``new, changes, remaining = repair(…)``, for the callers that need no reasons."""

    lines: list[str | None]
    changes: list[Change]
    remaining: list[Finding]
    reasons: dict[int, Refusal] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.lines, self.changes, self.remaining))


def repair(
    lines: list[str],
    unit: str = "行",
    locked: frozenset[int] | Mapping[int, Refusal | None] = frozenset(),
) -> Repaired:
    """Edit the flagged lines until no compliance finding is left or nothing more can be done safely.

    ``locked`` holds the indices of lines that must not be edited (a .docx table row, a paragraph with line
    breaks), or maps each to the reason (fix.reasons.Refusal) the report should give. Raises InputFileError
    for more than 1 MB of text, the limit check applies."""
    if sum(map(len, lines)) > MAX_BYTES:
        raise InputFileError(
            f"JD 的文字超过 {MAX_BYTES // 1_000_000} MB 上限；一份 JD 通常只有几 KB，请确认给的是 JD 文件。"
        )
    reasons: dict[int, Refusal] = {}
    if isinstance(locked, Mapping):
        reasons.update({i: r for i, r in locked.items() if r is not None})
    current: list[str | None] = list(lines)
    level = [0] * len(lines)
    caused: dict[int, list[str]] = defaultdict(list)
    found = compliance(current, unit)
    for _ in range(ROUNDS):
        progress = _round(current, level, caused, reasons, found, frozenset(locked))
        if not progress:
            break
        found = compliance(current, unit)
    for finding in found:  # what is left: locked lines keep their own reason, others get the general one
        i = finding.line - 1
        if i not in reasons and current[i] is not None:
            reasons[i] = Refusal.UNSAFE
    _drop_bare_contact_headings(lines, current)
    renumber(lines, current, frozenset(locked))
    for finding in found:  # a rule whose finding is still on the line was not what changed it
        if finding.rule in caused.get(finding.line - 1, ()):
            caused[finding.line - 1].remove(finding.rule)
    changes = [
        Change(n, unit, before, after, tuple(caused.get(n - 1, ())))
        for n, (before, after) in enumerate(zip(lines, current, strict=True), 1)
        if before != after
    ]
    left = {f.line - 1 for f in found}
    return Repaired(current, changes, found, {i: r for i, r in reasons.items() if i in left})


def _round(
    current: list[str | None],
    level: list[int],
    caused: dict[int, list[str]],
    reasons: dict[int, Refusal],
    found: list[Finding],
    locked: frozenset[int],
) -> bool:
    """One edit round over the flagged lines; whether anything changed. A line is edited at the lowest
    level that changes it; a refusal (a contact detail inside a sentence) is final for its line."""
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in found:
        by_line[finding.line - 1].append(finding)
    progress = False
    for i, findings in by_line.items():
        text = current[i]
        if i in locked or text is None or level[i] >= 3:
            continue
        spans = [(f.column - 1, f.column - 1 + len(f.excerpt), f.rule) for f in findings]
        for lvl in range(level[i], 3):
            outcome = edit_item(text, spans, lvl)
            if outcome.refusal is not None:
                reasons[i] = outcome.refusal
            if outcome.text != text:
                current[i], level[i], progress = outcome.text, lvl, True
                caused[i] += [r for r in dict.fromkeys(f.rule for f in findings) if r not in caused[i]]
            if outcome.refusal is not None or outcome.text != text:
                break
        else:
            level[i] = 3  # nothing more to do here: a person has to look
        if outcome.refusal is not None:
            level[i] = 3
    return progress


def _drop_bare_contact_headings(lines: list[str], current: list[str | None]) -> None:
    """A heading that only announced contact details (联系方式, 简历投递) goes when fix removed everything
    under it: a bare 「联系方式」 is a contact fragment too."""
    for i, line in enumerate(lines):
        if current[i] != line or not contact_heading(line):
            continue
        under = []
        for j in range(i + 1, len(lines)):
            if heading(normalise(lines[j])[0]) is not None:
                break
            under.append(j)
        if any(current[j] is None for j in under) and not any((current[j] or "").strip() for j in under):
            current[i] = None


# --- text files --------------------------------------------------------------------------------------------

_ENDING = re.compile(r"(\r\n|\r|\n)")


@dataclass
class FixedText:
    """The result of :func:`fix_text`; unpacks as ``text, changes, remaining``. ``reasons`` by line number."""

    text: str
    changes: list[Change]
    remaining: list[Finding]
    reasons: dict[int, Refusal] = field(default_factory=dict)
    original: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.text, self.changes, self.remaining))

    def __getitem__(self, index: int) -> Any:
        return (self.text, self.changes, self.remaining)[index]


def fix_text(text: str) -> FixedText:
    """Fix plain text or Markdown (line endings kept as they are); HTML goes to fix_html instead
    (fix_files.fix_path chooses)."""
    parts = _ENDING.split(text)
    lines, endings = parts[0::2], [*parts[1::2], ""]
    done = repair(lines)
    new = done.lines
    out = "".join(line + end for line, end in zip(new, endings, strict=True) if line is not None)
    kept = [i for i, line in enumerate(new) if line is not None]
    if new[-1] is None and kept:  # the last line went: the one before it now ends the file, as the last did
        out = out[: len(out) - len(endings[kept[-1]])]
    reasons = {i + 1: r for i, r in done.reasons.items()}
    return FixedText(out, done.changes, done.remaining, reasons, lines)


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
