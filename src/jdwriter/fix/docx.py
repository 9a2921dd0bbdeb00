"""`jdwriter fix` for .docx: edit paragraphs in place, keep everything else.

The document is opened through the zip guard (office.open_office) and read in the order layout.from_docx
reads it, so paragraph N here is 第 N 段 in check's report. A changed paragraph keeps its style, numbering and
runs: the edit is applied character by character to the runs that held the text (difflib opcodes), so the
bold word next to a removed clause stays bold. A removed item removes its paragraph. The items of a table
row headed 任职要求 (or another section) are paragraphs of its cells and are edited the same way; other
table rows and paragraphs with line breaks are not edited: their findings are left for a person.
"""

from __future__ import annotations

import io
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ..check.layout import docx_lines
from ..errors import InputFileError
from .engine import Fixed, repair


def fix_docx(path: Path, source: str) -> Fixed:
    """Fix a .docx; ``data`` is the new file's bytes (the original's bytes when nothing changed)."""
    import docx

    from ..check.input import MAX_DOCX_BYTES
    from ..files.office import open_office
    from ..files.reader import read_bytes

    raw = read_bytes(path, "JD 文件", MAX_DOCX_BYTES)
    try:
        document = docx.Document(open_office(path, "文件", ".docx"))
    except InputFileError:
        raise
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise InputFileError(
            f"「{path}」不是有效的 .docx 文件（{type(exc).__name__}），请用 Word 或 WPS 重新保存后再试。"
        ) from exc
    read = docx_lines(document)  # the lines check reads, each with its paragraph or None (not editable)
    lines = [text for text, _ in read]
    owners = [owner for _, owner in read]
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
            _remove(paragraph)
        else:
            _edit_runs(paragraph, before, after)
    out = io.BytesIO()
    document.save(out)
    return Fixed(source, "docx", "段", out.getvalue(), None, changes, remaining)


def _remove(paragraph: Any) -> None:
    """Remove a paragraph; the last one of a table cell is emptied instead (Word needs one in every cell)."""
    element = paragraph._p
    parent = element.getparent()
    if parent.tag.endswith("}tc") and len(parent.findall(element.tag)) <= 1:
        for run in paragraph.runs:
            run._r.getparent().remove(run._r)
    else:
        parent.remove(element)


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
