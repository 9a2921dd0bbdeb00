"""`jdwriter fix` for one file: text (md, txt, board text, stdin) through fix.py, HTML through fix_html.py,
Word through fix_docx.py. Kept apart from them so none imports another."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..check.input import is_docx, read_raw
from ..check.layout import looks_like_html
from .docx import fix_docx
from .engine import Fixed, fix_text, source_encoding
from .html import fix_html
from .reasons import Refusal

if TYPE_CHECKING:
    from ..check.report import Finding


_MAX_REASONS = 200  # lines looked up; past that the report gives the general reason


def fix_path(path: str | Path) -> Fixed:
    """Fix one JD file, or stdin ("-"). Raises InputFileError (exit 2) for input that cannot be read (more
    than 1 MB of text included, as check)."""
    source = "标准输入" if str(path) == "-" else str(path)
    if is_docx(path):
        fixed = fix_docx(Path(path), source)
        if fixed.original is None and fixed.changes:
            fixed.original = _paragraphs(Path(path))
        if fixed.remaining and not fixed.reasons:
            fixed.reasons = docx_reasons(Path(path), [f.line for f in fixed.remaining])
        return fixed
    raw, text = read_raw(path)
    if looks_like_html(text):
        new, changes, remaining = fix_html(text)
        kind, reasons, original = "html", _html_reasons(text, remaining), re.split(r"\r\n|\r|\n", text)
    else:
        done = fix_text(text)
        new, changes, remaining = done
        kind, reasons, original = "text", done.reasons, done.original
    if new == text:
        return Fixed(source, kind, "行", raw, text, changes, remaining, reasons, original)
    bom, codec = source_encoding(raw)
    data = bom + new.encode(codec, errors="strict")
    return Fixed(source, kind, "行", data, new, changes, remaining, reasons, original)


def _html_reasons(source: str, remaining: list[Finding]) -> dict[int, Refusal]:
    """Why HTML items were left: a contact detail inside a sentence (edit_item refuses it, whatever the
    markup); the rest is the page's markup, which Fixed.reason gives by default."""
    from ..check.layout import from_html
    from .clause import edit_item

    if not remaining:
        return {}
    by_line: dict[int, list[Finding]] = {}
    for finding in remaining[:_MAX_REASONS]:
        by_line.setdefault(finding.line, []).append(finding)
    out: dict[int, Refusal] = {}
    for block in from_html(source).blocks:
        findings = by_line.get(block.number)
        if not findings or block.number in out:
            continue
        spans = [(f.column - 1, f.column - 1 + len(f.excerpt), f.rule) for f in findings]
        refusal = edit_item(block.text, spans).refusal
        if refusal is Refusal.CONTACT:
            out[block.number] = refusal
    return out


def _paragraphs(path: Path) -> list[str]:
    """The lines of a .docx as check and fix read them (layout.docx_lines), for a diff of paragraph text."""
    from ..check.layout import from_docx

    return [block.text for block in from_docx(path).blocks]


def docx_reasons(path: Path, numbers: list[int]) -> dict[int, Refusal]:
    """Why each of these .docx lines (第 N 段, as check numbers them) was left alone, found by where its text
    stands: in a table row (TABLE), in a paragraph with line breaks (LINE_BREAKS), in a paragraph whose text
    is not all in its runs: a field, a hyperlink (OBJECTS). Looked up by text, so it holds whatever order
    the reader gives; a line it cannot place gets no reason here (the report then gives the general one)."""
    import docx

    from ..files.office import open_office

    lines = _paragraphs(path)
    document = docx.Document(open_office(path, "文件", ".docx"))
    paragraphs = list(document.paragraphs)
    cells = [" ".join(c.text.split()) for t in document.tables for row in t.rows for c in row.cells]
    out: dict[int, Refusal] = {}
    for number in dict.fromkeys(numbers[:_MAX_REASONS]):
        text = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        if not text:
            continue
        if any(text in cell or cell in text for cell in cells if cell):
            out[number] = Refusal.TABLE
        elif any("\n" in p.text and text in p.text.splitlines() for p in paragraphs):
            out[number] = Refusal.LINE_BREAKS
        elif any(p.text.strip() == text and "".join(r.text for r in p.runs) != p.text for p in paragraphs):
            out[number] = Refusal.OBJECTS
    return out
