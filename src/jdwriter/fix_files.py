"""`jdwriter fix` for one file: text (md, txt, html, board text, stdin) through fix.py, Word through
fix_docx.py. Kept apart from both so neither imports the other."""

from __future__ import annotations

from pathlib import Path

from .check_input import is_docx, read_raw
from .fix import Fixed, fix_text, source_encoding
from .fix_docx import fix_docx
from .layout import from_auto


def fix_path(path: str | Path) -> Fixed:
    """Fix one JD file, or stdin ("-"). Raises InputFileError (exit 2) for input that cannot be read."""
    source = "标准输入" if str(path) == "-" else str(path)
    if is_docx(path):
        return fix_docx(Path(path), source)
    raw, text = read_raw(path)
    new, changes, remaining = fix_text(text)
    kind = "html" if from_auto(text).kind == "html" else "text"
    if new == text:
        return Fixed(source, kind, "行", raw, text, changes, remaining)
    bom, codec = source_encoding(raw)
    return Fixed(source, kind, "行", bom + new.encode(codec, errors="strict"), new, changes, remaining)
