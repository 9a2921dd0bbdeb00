"""`jdwriter fix` for .docx: edit the text of paragraphs in place, keep everything else.

The document is opened through the zip guard (office.open_office) and read by the one .docx reader
(check.docx_text.docx_lines), inside the same guard as check, so paragraph N here is 第 N 段 in check's
report and a malformed table is one Chinese error in both. Only document.xml changes.

An edit changes the text of the paragraph's w:t elements and nothing else: kept characters stay in their
w:t (so the bold word next to a removed clause stays bold), inserted text joins the w:t of the text it
replaces; a w:t left empty is removed, and a run only when nothing else is left in it, so an image, a
footnote reference, a page break or a symbol in the same run survives. The diff is taken clause by clause
after trimming the common head and tail, aligned greedily (linear, never SequenceMatcher over a whole
paragraph).

A removed item removes its paragraph, except when the paragraph carries a section break (w:sectPr) or an
image, object or footnote reference: then only its text goes, and the section or the picture stays. The last
paragraph of a table cell is emptied (Word needs one). Lines fix may not edit (tracked changes, fields,
content controls, text boxes, headers and footers, soft line breaks, other table rows) are left for a
person, with the reason in the user's words.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ..check.docx_text import W
from ..check.layout import docx_lines
from ..errors import InputFileError
from .engine import Fixed, repair
from .reasons import Refusal

_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CLAUSE = re.compile(r"[^，、；。！？,;!?\s]*[，、；。！？,;!?\s]*")
_KEEPERS = ("}drawing", "}pict", "}object", "}footnoteReference", "}endnoteReference", "}sectPr")


def _open(path: Path) -> tuple[bytes, Any, list[Any]]:
    import docx

    from ..check.input import MAX_BYTES, MAX_DOCX_BYTES
    from ..files.office import open_office
    from ..files.reader import read_bytes

    raw = read_bytes(path, "JD 文件", MAX_DOCX_BYTES)
    try:
        document = docx.Document(open_office(path, "文件", ".docx"))
        lines = docx_lines(document)
    except InputFileError:
        raise
    except Exception as exc:  # python-docx raises many kinds for a broken file
        raise InputFileError(
            f"「{path}」不是有效的 .docx 文件（{type(exc).__name__}），请用 Word 或 WPS 重新保存后再试。"
        ) from exc
    if sum(len(line.text) + 1 for line in lines) > MAX_BYTES:
        raise InputFileError(f"「{path}」的文字超过 {MAX_BYTES // 1_000_000} MB 上限，请确认给的是 JD 文件。")
    if not any(line.text.strip() for line in lines):
        raise InputFileError(f"「{path}」是空的，没有可检查的内容。")
    return raw, document, lines


def fix_docx(path: Path, source: str) -> Fixed:
    """Fix a .docx; ``data`` is the new file's bytes (the original's bytes when nothing changed)."""
    raw, document, read = _open(path)
    lines = [line.text for line in read]
    locked = frozenset(i for i, line in enumerate(read) if line.paragraph is None)
    new, changes, remaining = repair(lines, "段", locked)
    reasons = {f.line: Refusal[read[f.line - 1].refusal] for f in remaining if read[f.line - 1].refusal}
    if not changes:
        return Fixed(source, "docx", "段", raw, None, [], remaining, reasons)
    for i, (before, after) in enumerate(zip(lines, new, strict=True)):
        if before == after or read[i].paragraph is None:
            continue
        if after is None:
            _remove(read[i].paragraph)
        else:
            edit_text(read[i].paragraph, before, after)
    out = io.BytesIO()
    document.save(out)
    return Fixed(source, "docx", "段", out.getvalue(), None, changes, remaining, reasons)


def _remove(p: Any) -> None:
    """Remove a paragraph. Its text only, when it carries a section break, an image, an object or a note
    reference (those stay), or when it is the last paragraph of a table cell."""
    parent = p.getparent()
    keeps = any(node.tag.endswith(_KEEPERS) for node in p.iter() if isinstance(node.tag, str))
    last_in_cell = parent.tag == W + "tc" and len(parent.findall(W + "p")) <= 1
    if not keeps and not last_in_cell:
        parent.remove(p)
        return
    for run in list(p.iterchildren(W + "r")):
        for t in list(run.iterchildren(W + "t")):
            run.remove(t)
        if all(child.tag == W + "rPr" for child in run):
            p.remove(run)


def edit_text(p: Any, old: str, new: str) -> None:
    """Turn the paragraph's text from ``old`` into ``new`` by changing its w:t elements only; a w:tab (one
    character of the text) is kept or removed whole, and text inserted next to it goes into a w:t."""
    slots = [t for run in p.iterchildren(W + "r") for t in run.iterchildren(W + "t", W + "tab")]
    tab = [t.tag == W + "tab" for t in slots]
    owner = [n for n, t in enumerate(slots) for _ in ("\t" if tab[n] else t.text or "")]
    if len(owner) != len(old) or all(tab):
        raise InputFileError("这一段的文字和读到的不一致，未修改。")  # docx_lines locks such paragraphs
    pieces: list[list[str]] = [[] for _ in slots]
    for op, i1, i2, j1, j2 in opcodes(old, new):
        if op == "equal":
            for k in range(i1, i2):
                pieces[owner[k]].append(old[k])
        elif j2 > j1:
            at = owner[i1] if i1 < i2 or i1 == 0 else owner[i1 - 1]
            pieces[_text_slot(tab, at)].append(new[j1:j2])
    for t, is_tab, piece in zip(slots, tab, pieces, strict=True):
        text = "".join(piece)
        if text == ("\t" if is_tab else t.text or ""):
            continue
        run = t.getparent()
        if text:
            t.text = text
            t.set(_SPACE, "preserve")
        else:
            run.remove(t)
            if all(child.tag == W + "rPr" for child in run):
                run.getparent().remove(run)


def _text_slot(tab: list[bool], at: int) -> int:
    """The w:t nearest to slot ``at`` (itself when it is one): inserted text never lands in a w:tab."""
    if not tab[at]:
        return at
    before = next((k for k in range(at - 1, -1, -1) if not tab[k]), None)
    return before if before is not None else next(k for k in range(at + 1, len(tab)) if not tab[k])


def opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Opcodes (as difflib's) that turn ``old`` into ``new``: the common head and tail trimmed first, then
    the middle compared clause by clause (a handful of tokens, not every character), and each replaced run
    of clauses trimmed again at both ends. Linear in the length of the paragraph for the edits fix makes."""
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    out: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)] if head else []
    a_mid, b_mid = old[head : len(old) - tail], new[head : len(new) - tail]
    a_tok, b_tok = _clauses(a_mid), _clauses(b_mid)
    a_at, b_at = _starts(a_tok, head), _starts(b_tok, head)
    for tag, i1, i2, j1, j2 in _align(a_tok, b_tok):
        a1, a2, b1, b2 = a_at[i1], a_at[i2], b_at[j1], b_at[j2]
        if tag == "equal":
            out.append(("equal", a1, a2, b1, b2))
        else:
            out += _trimmed(old, new, a1, a2, b1, b2)
    if tail:
        out.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return out


LOOK_AHEAD = 64  # clauses searched for the next match: fix removes or rewrites a few clauses at a time


def _align(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes between two clause lists, greedily: equal clauses pair up; otherwise the nearer of the next
    match of b's clause in a (a deletion) or of a's clause in b (an insertion), within LOOK_AHEAD clauses;
    else one clause replaces one. Linear, where SequenceMatcher is quadratic on a list of repeats."""
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            start_i, start_j = i, j
            while i < len(a) and j < len(b) and a[i] == b[j]:
                i, j = i + 1, j + 1
            out.append(("equal", start_i, i, start_j, j))
            continue
        k = next((k for k in range(i + 1, min(len(a), i + LOOK_AHEAD)) if a[k] == b[j]), None)
        m = next((m for m in range(j + 1, min(len(b), j + LOOK_AHEAD)) if b[m] == a[i]), None)
        if k is not None and (m is None or k - i <= m - j):
            out.append(("delete", i, k, j, j))
            i = k
        elif m is not None:
            out.append(("insert", i, i, j, m))
            j = m
        else:
            out.append(("replace", i, i + 1, j, j + 1))
            i, j = i + 1, j + 1
    if i < len(a) or j < len(b):
        out.append(("replace", i, len(a), j, len(b)))
    return out


def _clauses(text: str) -> list[str]:
    return [m.group() for m in _CLAUSE.finditer(text) if m.group()]


def _starts(tokens: list[str], base: int) -> list[int]:
    out = [base]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _trimmed(old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> list[tuple[str, int, int, int, int]]:
    """A replaced stretch with its common head and tail kept as equal (so their characters keep their run)."""
    head = 0
    while a1 + head < a2 and b1 + head < b2 and old[a1 + head] == new[b1 + head]:
        head += 1
    tail = 0
    while a2 - tail > a1 + head and b2 - tail > b1 + head and old[a2 - 1 - tail] == new[b2 - 1 - tail]:
        tail += 1
    out = [("equal", a1, a1 + head, b1, b1 + head)] if head else []
    out.append(("replace", a1 + head, a2 - tail, b1 + head, b2 - tail))
    if tail:
        out.append(("equal", a2 - tail, a2, b2 - tail, b2))
    return out
