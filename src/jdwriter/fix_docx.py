"""`jdwriter fix` for .docx: edit paragraphs in place, keep everything else.

The document is opened through the zip guard (office.open_office) and read in the order layout.from_docx
reads it, so paragraph N here is 第 N 段 in check's report. A changed paragraph keeps its style, numbering and
runs: the edit is applied character by character to the runs that held the text (difflib opcodes), so the
bold word next to a removed clause stays bold. A removed item removes its paragraph. Table rows and paragraphs
with line breaks are not edited: their findings are left for a person.
"""

from __future__ import annotations

import io
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .errors import InputFileError
from .fix import Fixed, repair


def fix_docx(path: Path, source: str) -> Fixed:
    """Fix a .docx; ``data`` is the new file's bytes (the original's bytes when nothing changed)."""
    import docx
    from docx.table import Table

    from .check_input import MAX_DOCX_BYTES
    from .office import open_office
    from .reader import read_bytes

    raw = read_bytes(path, "JD 文件", MAX_DOCX_BYTES)
    try:
        document = docx.Document(open_office(path, "文件", ".docx"))
    except InputFileError:
        raise
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise InputFileError(
            f"「{path}」不是有效的 .docx 文件（{type(exc).__name__}），请用 Word 或 WPS 重新保存后再试。"
        ) from exc
    lines: list[str] = []
    owners: list[Any] = []  # the paragraph behind each line, or None (a table row, a broken paragraph)
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in _rows(block):  # read as layout.from_docx reads them; never edited here
                lines.append(row)
                owners.append(None)
            continue
        texts = block.text.splitlines() or [""]
        editable = len(texts) == 1 and "".join(r.text for r in block.runs) == block.text
        for text in texts:
            lines.append(text)
            owners.append(block if editable else None)
    if not any(line.strip() for line in lines):
        raise InputFileError(f"「{path}」是空的，没有可检查的内容。")
    locked = frozenset(i for i, owner in enumerate(owners) if owner is None)
    new, changes, remaining = repair(lines, "段", locked)
    if not changes:
        return Fixed(source, "docx", "段", raw, None, [], remaining)
    for i, (before, after) in enumerate(zip(lines, new, strict=True)):
        if before == after:
            continue
        paragraph = owners[i]
        if after is None:
            paragraph._p.getparent().remove(paragraph._p)
        else:
            _edit_runs(paragraph, before, after)
    out = io.BytesIO()
    document.save(out)
    return Fixed(source, "docx", "段", out.getvalue(), None, changes, remaining)


def _rows(table: Any) -> list[str]:
    """A table's rows as layout.from_docx joins them (cells with ：and ；, a merged cell once)."""
    out = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                if cell.text.strip():
                    cells.append(" ".join(cell.text.split()))
        if cells:
            out.append("：".join(cells[:2]) + ("；" + "；".join(cells[2:]) if len(cells) > 2 else ""))
    return out


def _edit_runs(paragraph: Any, old: str, new: str) -> None:
    """Turn the paragraph's text from ``old`` into ``new`` run by run: kept characters stay in their run,
    inserted text joins the run of the text it replaces (or the run before it); runs left empty are removed."""
    runs = list(paragraph.runs)
    owner = [n for n, run in enumerate(runs) for _ in run.text]
    pieces: list[list[str]] = [[] for _ in runs]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i1, i2):
                pieces[owner[k]].append(old[k])
        elif tag in ("replace", "insert"):
            at = owner[i1] if tag == "replace" or i1 == 0 else owner[i1 - 1]
            pieces[at].append(new[j1:j2])
    for run, piece in zip(runs, pieces, strict=True):
        text = "".join(piece)
        if text == run.text:
            continue
        if text:
            run.text = text
        else:
            run._r.getparent().remove(run._r)
