"""The .docx reader of `jdwriter check` and `fix`: all the text a reader of the document sees, in reading
order, each line with the paragraph it can be edited through (or the reason it cannot).

Read straight from the XML (lxml, through python-docx's safe parser), because python-docx's own
``paragraph.text`` and ``runs`` skip much of what Word shows:

- tracked insertions (w:ins, w:moveTo) read as if accepted; deletions (w:del, w:moveFrom) are not text;
- content controls (w:sdt), simple fields' display text (w:fldSimple), w:smartTag, w:customXml, hyperlinks;
- text boxes (w:txbxContent; the VML fallback copy of the same box is skipped), each box a line of its own
  right after the paragraph that anchors it (place 文本框);
- headers, footers, footnotes and endnotes, after the body (places 页眉, 页脚, 脚注, 尾注);
- HTML or plain text embedded with w:altChunk, where it stands (place 嵌入内容).

Field codes (w:instrText) and deleted text are never read. Tables are walked row by row without python-docx's
cell grid: a vertically merged continuation cell is the cell above (read once), and gridSpan/vMerge values
are validated against the table grid, so a hostile table costs one pass and a bad one is one Chinese error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputFileError
from .blocks import Block, Layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "delInstrText", W + "txbxContent"}
_SKIP |= {_MC_FALLBACK, W + "rPr", W + "pPr", W + "sectPr"}
_BREAKS = {W + "br": "\n", W + "cr": "\n", W + "tab": "\t", W + "noBreakHyphen": "-"}
_TRACKED = {W + "ins", W + "moveTo", W + "del", W + "moveFrom"}
_FIELDS = {W + "fldSimple", W + "fldChar", W + "instrText"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
_PARTS = (("header", "页眉"), ("footer", "页脚"), ("footnotes", "脚注"), ("endnotes", "尾注"))
MAX_GRID = 64  # Word allows 63 columns
MAX_ROWS = 20_000


class Line(NamedTuple):
    """One line as check reads it. ``paragraph`` is the w:p element fix may edit, or None; ``reason`` then
    says why not, in the user's words. ``place`` is where the line stands (页眉, 文本框, 修订…) or ""."""

    text: str
    paragraph: Any
    place: str = ""
    reason: str = ""
    refusal: str = ""  # the reason's key, as fix.reasons.Refusal names it (LINE_BREAKS, TABLE, OBJECTS)


# Why fix leaves a line for a person: (sentence, key). Each key names a fix.reasons.Refusal with the same
# sentence (tests/test_docx_reader.py holds them equal), so every fixer and the report say the same thing.
NONE = ("", "")
LINE_BREAKS = ("这一条跨了两行（段落里有手动换行），改了会打乱排版", "LINE_BREAKS")
TABLE = ("这一条在表格里且格式复杂，改了会打乱表格", "TABLE")
OBJECTS_TEXT = "这一段里有域、图片、批注或修订，改了会把它们弄坏"
TRACKED = (OBJECTS_TEXT + "（请先在 Word 里接受或拒绝修订）", "TRACKED")
FIELDS = (OBJECTS_TEXT, "OBJECTS")
CONTROL = ("这一段在内容控件里，改了会把它弄坏", "CONTROL")
LINKED = ("这一段里有超链接，改了会把它弄坏", "LINKED")
OUTSIDE = ("这一段在页眉、页脚或脚注里，请在 Word 里修改", "OUTSIDE")
TEXT_BOX = ("这一条在文本框里，请在 Word 里修改", "TEXT_BOX")
EMBEDDED = ("这一段是嵌入的其他文件内容，请在 Word 里修改", "EMBEDDED")


class _Text:
    """The visible text of one paragraph and what else it holds."""

    def __init__(self, p: Any) -> None:
        self.pieces: list[str] = []
        self.boxes: list[Any] = []  # w:txbxContent elements anchored here
        self.kinds: set[str] = set()
        stack = [iter(p)]
        while stack:  # iterative: a deep tree of nested containers cannot exhaust the stack
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
            tag = node.tag if isinstance(node.tag, str) else ""
            if tag in _TRACKED:
                self.kinds.add("tracked")
            elif tag in _FIELDS:
                self.kinds.add("field")
            elif tag in (W + "sdt", W + "customXml", W + "smartTag"):
                self.kinds.add("control")
            elif tag.endswith(("}drawing", "}pict", "}object")) or tag == W + "footnoteReference":
                self.kinds.add("object")
            if tag == W + "txbxContent":
                self.boxes.append(node)
                continue
            if tag in _SKIP:
                continue
            if tag == W + "t":
                self.pieces.append(node.text or "")
            elif tag in _BREAKS:
                self.pieces.append(_BREAKS[tag])
                if tag != W + "tab":
                    self.kinds.add("break")
            if len(node):
                stack.append(iter(node))

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def _place(kinds: set[str]) -> str:
    for kind, place in (("tracked", "修订"), ("field", "域"), ("control", "内容控件")):
        if kind in kinds:
            return place
    return ""


def _reason(p: Any, found: _Text) -> tuple[str, str]:
    """Why fix must leave this paragraph to a person: (sentence, key); NONE when it may edit it."""
    if "break" in found.kinds:
        return LINE_BREAKS
    if "tracked" in found.kinds:
        return TRACKED
    if "field" in found.kinds:
        return FIELDS
    if "control" in found.kinds:
        return CONTROL
    direct = sum(  # a tab counts one character, as in the text; fix keeps or removes it whole
        len(t.text or "") if t.tag == W + "t" else 1
        for r in p.iterchildren(W + "r")
        for t in r.iterchildren(W + "t", W + "tab")
    )
    if direct != len(found.text):
        return LINKED
    return NONE


def _paragraph_lines(p: Any, place: str = "", editable: bool = True) -> list[Line]:
    found = _Text(p)
    if any(a.tag == W + "sdt" for a in p.iterancestors()):
        found.kinds.add("control")
    reason = _reason(p, found) if editable else OUTSIDE
    texts = found.text.splitlines() or [""]
    where = place or _place(found.kinds)
    out = [Line(text, None if reason[0] else p, where, *reason) for text in texts]
    for box in found.boxes:
        for inner in box.iter(W + "p"):
            text = _Text(inner).text
            for piece in text.splitlines() or [""]:
                out.append(Line(piece, None, "文本框", *TEXT_BOX))
    return out


def _children(parent: Any, wanted: tuple[str, ...]) -> list[Any]:
    """The children of ``parent`` with one of the ``wanted`` tags, content controls and custom XML around
    them opened up (iteratively)."""
    out: list[Any] = []
    stack = [iter(parent)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.tag in wanted:
            out.append(node)
        elif node.tag in _CONTAINERS:
            stack.append(iter(node))
    return out


_BLOCKS = (W + "p", W + "tbl")


def _int(value: str | None, name: str, low: int, high: int) -> int:
    if value is None:
        return low
    if not value.isdigit() or not low <= int(value) <= high:
        raise InputFileError(
            f"文件里有一个表格的 {name}「{value[:20]}」不对（应为 {low} 到 {high} 之间的整数），"
            "请用 Word 或 WPS 重新保存后再试。"
        )
    return int(value)


def _rows(tbl: Any) -> list[list[Any]]:
    """The cells of each row that start a cell: vMerge continuations (the cell above) are left out, so every
    merged cell is read once. Spans are checked against the grid; a table beyond MAX_ROWS is refused."""
    grid = max(1, len(tbl.findall(f"{W}tblGrid/{W}gridCol")))
    width = max(grid, MAX_GRID)
    rows: list[list[Any]] = []
    for tr in tbl.iterchildren(W + "tr"):
        if len(rows) >= MAX_ROWS:
            raise InputFileError(f"文件里有一个表格超过 {MAX_ROWS:,} 行，不像是一份 JD，已拒绝读取。")
        cells, used = [], 0
        for tc in _children(tr, (W + "tc",)):
            props = tc.find(W + "tcPr")
            span = props.find(W + "gridSpan") if props is not None else None
            used += _int(span.get(W + "val") if span is not None else None, "合并列数", 1, width)
            if used > width:
                raise InputFileError(
                    "文件里有一个表格的合并列数超过表格的列数，请用 Word 或 WPS 重新保存后再试。"
                )
            merge = props.find(W + "vMerge") if props is not None else None
            value = merge.get(W + "val") if merge is not None else None
            if value not in (None, "restart", "continue"):
                raise InputFileError(
                    f"文件里有一个表格的合并方式「{value[:20]}」不对，请用 Word 或 WPS 重新保存后再试。"
                )
            if merge is not None and value != "restart" and rows:
                continue  # the cell above, already read (a continuation in the first row is read as a cell)
            cells.append(tc)
        rows.append(cells)
    return rows


def _cell_paragraphs(tc: Any) -> list[Any]:
    return _children(tc, (W + "p",))


ListHeading = Callable[[str], bool]  # whether a cell's text heads a list section (layout.is_list_heading)


MAX_NESTING = 8  # tables inside table cells; Word users rarely go past 2


def _table_lines(tbl: Any, list_heading: ListHeading, depth: int = 0) -> list[Line]:
    """A row whose first cell heads a list section (任职要求 | 1. … 2. …) gives the heading, then each paragraph
    of the other cells as a line of that section, each editable; any other row is one line, cells joined
    with ：and ；, for a person. A table inside a cell follows its row, read the same way."""
    if depth > MAX_NESTING:
        raise InputFileError(f"文件里的表格嵌套超过 {MAX_NESTING} 层，不像是一份 JD，已拒绝读取。")
    lines: list[Line] = []
    for row in _rows(tbl):
        nested = [t for tc in row for t in _children(tc, (W + "tbl",))]
        texts = []
        for tc in row:
            text = " ".join("\n".join(_Text(p).text for p in _cell_paragraphs(tc)).split())
            if text:
                texts.append((tc, text))
        if texts and len(texts) >= 2 and list_heading(texts[0][1]):
            lines.append(Line(texts[0][1], None, "", *TABLE))
            for tc, _ in texts[1:]:
                for p in _cell_paragraphs(tc):
                    if _Text(p).text.strip():
                        lines += _paragraph_lines(p)
        elif texts:
            cells = [t for _, t in texts]
            joined = "：".join(cells[:2]) + ("；" + "；".join(cells[2:]) if len(cells) > 2 else "")
            lines.append(Line(joined, None, "", *TABLE))
        for inner in nested:
            lines += [
                line._replace(paragraph=None, reason=TABLE[0], refusal=TABLE[1])
                for line in _table_lines(inner, list_heading, depth + 1)
            ]
    return lines


def docx_lines(document: Any, list_heading: ListHeading) -> list[Line]:
    """Every line of a python-docx Document in reading order: the body (paragraphs, tables, content controls),
    then headers, footers, footnotes and endnotes. check reads these lines and fix edits through the same
    paragraphs, so 第 N 段 means the same in both. Raises InputFileError for a malformed table."""
    body = document.element.find(W + "body")
    lines: list[Line] = []
    for node in _children(body, (*_BLOCKS, W + "altChunk")) if body is not None else []:
        if node.tag == W + "altChunk":
            lines += _chunk_lines(document, node)
        else:
            lines += _table_lines(node, list_heading) if node.tag == W + "tbl" else _paragraph_lines(node)
    lines += _part_lines(document)
    return lines


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _chunk_lines(document: Any, node: Any) -> list[Line]:
    """An altChunk: a piece of HTML or plain text Word shows as part of the body. Read as a browser would;
    another format inside (an embedded .docx or RTF) is not read."""
    from .html_text import read_html

    rel = document.part.rels.get(node.get(_R_ID) or "")
    if rel is None or rel.is_external:
        return []
    part = rel.target_part
    kind = str(getattr(part, "content_type", ""))
    if "html" not in kind and not kind.startswith("text/plain"):
        return []
    text = part.blob[:1_000_001].decode("utf-8", errors="replace")
    texts = [b.text for b in read_html(text).blocks] if "html" in kind else text.splitlines()
    return [Line(t, None, "嵌入内容", *EMBEDDED) for t in texts if t.strip()]


def _part_lines(document: Any) -> list[Line]:
    from docx.oxml.parser import parse_xml

    lines: list[Line] = []
    rels = sorted(document.part.rels.values(), key=lambda r: str(getattr(r, "target_ref", "")))
    for kind, place in _PARTS:
        for rel in rels:
            if rel.is_external or not rel.reltype.endswith("/" + kind):
                continue
            root = parse_xml(rel.target_part.blob)
            for p in root.iter(W + "p"):
                if any(a.tag == W + "txbxContent" for a in p.iterancestors()):
                    continue  # read with the paragraph that anchors its box
                if p.getparent().get(W + "type") in ("separator", "continuationSeparator"):
                    continue  # the line Word draws above the notes
                lines += _paragraph_lines(p, place, editable=False)
    return lines


def from_docx(path: Path, list_heading: ListHeading) -> Layout:
    """The lines of a .docx in reading order (docx_lines), numbered as 段. The zip is checked first
    (office.open_office: sizes, ratio, entity declarations), so python-docx only ever parses bounded,
    ordinary XML."""
    import docx  # only .docx input pays for python-docx

    from ..files.office import open_office

    document = docx.Document(open_office(path, "文件", ".docx"))
    blocks, offset = [], 0
    for number, line in enumerate(docx_lines(document, list_heading), 1):
        blocks.append(Block(number, offset, line.text, place=line.place))
        offset += len(line.text) + 1
    return Layout(blocks or [Block(1, 0, "")], "段", "docx")
