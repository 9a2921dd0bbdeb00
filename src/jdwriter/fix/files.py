"""`jdwriter fix` for one file: text (md, txt, board text, stdin) through fix.py, HTML through fix_html.py,
Word through fix_docx.py. Kept apart from them so none imports another."""

from __future__ import annotations

from pathlib import Path

from ..check.input import is_docx, read_raw
from ..check.layout import looks_like_html
from .docx import fix_docx
from .engine import Fixed, fix_text, source_encoding
from .html import fix_html


def fix_path(path: str | Path) -> Fixed:
    """Fix one JD file, or stdin ("-"). Raises InputFileError (exit 2) for input that cannot be read."""
    source = "标准输入" if str(path) == "-" else str(path)
    if is_docx(path):
        return fix_docx(Path(path), source)
    raw, text = read_raw(path)
    kind = "html" if looks_like_html(text) else "text"
    new, changes, remaining = fix_html(text) if kind == "html" else fix_text(text)
    if new == text:
        return Fixed(source, kind, "行", raw, text, changes, remaining)
    bom, codec = source_encoding(raw)
    return Fixed(source, kind, "行", bom + new.encode(codec, errors="strict"), new, changes, remaining)
