"""`jdwriter fix` for one file: text (md, txt, board text, stdin) through fix.py, HTML through fix_html.py,
Word through fix_docx.py. Kept apart from them so none imports another."""

from __future__ import annotations

import re
from pathlib import Path

from ..check.input import is_docx, read_raw
from ..check.layout import looks_like_html
from .docx import fix_docx
from .engine import Fixed, fix_text, source_encoding
from .html import fix_html


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
        kind, reasons, original = "html", {}, re.split(r"\r\n|\r|\n", text)
    else:
        done = fix_text(text)
        new, changes, remaining = done
        kind, reasons, original = "text", done.reasons, done.original
    if new == text:
        return Fixed(source, kind, "行", raw, text, changes, remaining, reasons, original)
    bom, codec = source_encoding(raw)
    data = bom + new.encode(codec, errors="strict")
    return Fixed(source, kind, "行", data, new, changes, remaining, reasons, original)


def _paragraphs(path: Path) -> list[str]:
    """The lines of a .docx as check and fix read them (layout.docx_lines), for a diff of paragraph text."""
    from ..check.layout import from_docx

    return [block.text for block in from_docx(path).blocks]
