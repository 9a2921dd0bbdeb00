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
    markup), else the markup that stopped fix (a table cell, bold, other tags)."""
    from ..check.layout import from_html
    from .clause import edit_item
    from .html import markup_refusals

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
    lines = [f.line for f in remaining[:_MAX_REASONS] if f.line not in out]
    return {**markup_refusals(source, lines), **out}


def _paragraphs(path: Path) -> list[str]:
    """The lines of a .docx as check and fix read them (layout.docx_lines), for a diff of paragraph text."""
    from ..check.layout import from_docx

    return [block.text for block in from_docx(path).blocks]
