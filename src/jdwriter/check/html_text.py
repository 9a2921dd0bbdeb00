"""The HTML reader of `jdwriter check` and `fix`: the text of a page as a browser shows it, one block per
block element, each with offsets into the page's source.

One source of positions. The source is decoded once; \\r\\n and a lone \\r become \\n once, here, and the
parser sees exactly that text. Every offset the parser gives is a character offset into it, mapped back to
the original source through the list of places where a \\r\\n became one character. So a lone \\r (which
html.parser does not count as a line break) can never shift an offset into a script, a comment or an
attribute: text there is never a block, and `fix` never edits it.

Read as a browser reads: a page without </head> or <body> still has a body (the head holds only its title,
scripts and styles, which are skipped anyway).

Bounded. CPython's html.parser looks ahead to the end of the page for every construct it cannot close
(many `<a `, `<`, `</` or `<!--` with no `>` or `-->` after them): quadratic time. A linear pre-pass finds
those and hands them to the parser as text (a same-length stand-in for `<`, turned back on the way out), so
the parser only ever sees constructs that end. Text is collected per block with running counts, never
joined again per tag. A page with more than ``MAX_TAGS`` tags is refused with a clear message.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from html.parser import HTMLParser

from ..errors import InputFileError
from .blocks import Block, Layout

MAX_TAGS = 200_000  # 1 MB of <td>x</td> is 110,000 tags; more than this is no JD
_STAND_IN = "\ufdd0"  # a noncharacter: stands for a '<' that opens nothing, same length
_CRLF = re.compile(r"\r\n?")
_SPACES = re.compile(r"\s+")


def normalise_breaks(source: str) -> tuple[str, list[int]]:
    """``source`` with \\r\\n and \\r as \\n, and the offsets (in the result) of every \\n that was a \\r\\n:
    original offset = offset + bisect_left(collapsed, offset)."""
    if "\r" not in source:
        return source, []
    collapsed: list[int] = []
    pieces: list[str] = []
    start, removed = 0, 0
    for m in _CRLF.finditer(source):
        pieces.append(source[start : m.start()])
        pieces.append("\n")
        if m.end() - m.start() == 2:
            collapsed.append(m.start() - removed)
            removed += 1
        start = m.end()
    pieces.append(source[start:])
    return "".join(pieces), collapsed


def defuse(text: str) -> str:
    """``text`` with every '<' that opens a construct without an end (no '>' after it) replaced by a
    same-length stand-in, and cut at a '<!--' with no '-->' after it (a browser shows nothing after it
    either): linear, and the parser then never looks ahead in vain. Offsets before the cut are unchanged.
    Raises InputFileError for a page with more than MAX_TAGS tags."""
    last_gt = text.rfind(">")
    last_comment = text.rfind("-->")
    pieces: list[str] = []
    start = tags = 0
    for m in re.finditer("<", text):
        p = m.start()
        opens_comment = text.startswith("<!--", p)
        if opens_comment and last_comment < p + 4:
            text = text[:p]  # a comment that never ends runs to the end of the page, as in a browser
            break
        if not opens_comment and last_gt < p:
            pieces.append(text[start:p])
            pieces.append(_STAND_IN)
            start = p + 1
        else:
            tags += 1
    if tags > MAX_TAGS:
        raise InputFileError(
            f"这个 HTML 页面有 {tags:,} 个标签，超过 {MAX_TAGS:,} 个的上限，不像是一份 JD；"
            "请另存为纯文本（.txt）后再检查。"
        )
    pieces.append(text[start:])
    return "".join(pieces)


class _HtmlBlocks(HTMLParser):
    """Block-level elements (p, li, h1–h6, div, tr…) become blocks; script, style, title and the like are
    skipped. Offsets are into the text fed to the parser (line starts counted over \\n only)."""

    BLOCK = frozenset(
        "p div li h1 h2 h3 h4 h5 h6 tr dt dd section article header footer main ul ol table blockquote pre "
        "br hr form dl body".split()
    )
    SKIP = frozenset({"script", "style", "title", "template", "noscript", "svg", "textarea"})

    def __init__(self, text: str, collapsed: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.collapsed = collapsed
        self.blocks: list[Block] = []
        self._reset()
        self.line = 1
        self.skip = 0

    def _reset(self) -> None:
        self.text: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.size = 0  # characters in self.text
        self.visible = False  # any non-space character yet
        self.colon = False  # a ： in the row yet (table rows: 工作地点：上海；…)
        self.cell = False

    def _offset(self) -> int:
        line, column = self.getpos()
        at = self.starts[min(line, len(self.starts)) - 1] + column
        return at + bisect_left(self.collapsed, at)  # back into the original source

    def _add(self, piece: str, source: int | None) -> None:
        if source is not None:
            self.runs.append((self.size, source))
        self.text.append(piece)
        self.size += len(piece)
        self.colon = self.colon or "：" in piece

    def flush(self) -> None:
        if self.visible:
            text = "".join(self.text)
            lead = len(text) - len(text.lstrip())
            runs = [(max(0, a - lead), s) for a, s in self.runs]
            self.blocks.append(Block(self.line, runs[0][1] if runs else 0, text.strip(), runs))
        self._reset()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip = 0  # whatever was left open in the head ends where the body begins
        if tag in self.SKIP:
            self.skip += 1
        elif tag in ("td", "th"):
            if self.cell:
                self._add("：" if self.text and not self.colon else "；", None)
            self.cell = True
        elif tag in self.BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        data = _SPACES.sub(" ", data.replace(_STAND_IN, "<"))
        if not self.visible and data.strip():
            self.visible = True
            self.line = self.getpos()[0]
        self._add(data, self._offset())


def read_html(source: str) -> Layout:
    """The text of an HTML page, one block per block element; a block's number is the line it starts on
    (\\r\\n, \\r and \\n each end a line, as for text), its offsets are into ``source``."""
    text, collapsed = normalise_breaks(source)
    parser = _HtmlBlocks(text, collapsed)
    parser.feed(defuse(text))
    parser.close()
    parser.flush()
    return Layout(parser.blocks or [Block(1, 0, "")], "行", "html")
