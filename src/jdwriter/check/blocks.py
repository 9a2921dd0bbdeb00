"""Blocks: the lines of a JD as check reads them, each knowing where it stands in the original.

Kept apart from layout.py so that the html and docx readers (html_text.py, docx_text.py) build blocks
without importing the section logic, and layout.py can call them without a cycle.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Block:
    """One line of text (a paragraph in .docx, a block element in HTML) and where it stands in the original.

    ``number`` is the line (or paragraph) number the user sees; ``offset`` the offset of ``text[0]`` in the
    original source. ``runs`` maps HTML text back into its source: (index in text, offset in source) pairs,
    in order. ``place`` names where a .docx line stands when it is not the body (页眉, 文本框, 修订…)."""

    number: int
    offset: int
    text: str
    runs: list[tuple[int, int]] = field(default_factory=list)
    place: str = ""
    _keys: list[int] | None = field(default=None, repr=False, compare=False)

    def source_offset(self, column: int) -> int:
        """Offset into the original source of ``text[column]`` (a bisect over the runs, built once)."""
        if not self.runs:
            return self.offset + column
        if self._keys is None or len(self._keys) != len(self.runs):
            self._keys = [r[0] for r in self.runs]
        i = bisect_right(self._keys, column) - 1
        at, source = self.runs[max(0, i)]
        return source + max(0, column - at)


@dataclass
class Layout:
    """The blocks of one JD. ``unit`` is 行 or 段 (paragraphs of a .docx); ``kind`` text, html or docx."""

    blocks: list[Block]
    unit: str = "行"
    kind: str = "text"

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def text_layout(text: str) -> Layout:
    """Lines of plain text or Markdown, each with its offset; \\r\\n, \\r and \\n each end a line."""
    blocks, start, number = [], 0, 1
    for m in LINE_BREAK.finditer(text):
        blocks.append(Block(number, start, text[start : m.start()]))
        start, number = m.end(), number + 1
    blocks.append(Block(number, start, text[start:]))
    return Layout(blocks)
