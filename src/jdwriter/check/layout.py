"""One layout reader for `jdwriter check`: md, txt, docx, html and text pasted from job boards become blocks
(lines, or paragraphs for .docx) with real positions, sorted into sections of items.

    layout = from_text(text)            # or from_html(source), from_docx(path)
    layout.blocks[0].number, .offset    # 第 N 行 / 第 N 段, and where the block starts in the original
    structure(lines)                    # the section kind of every line, and the sections with their items

Positions are kept all the way so that a later `jdwriter fix` can edit exactly the spans check finds: every
block knows its offset into the original text (for HTML, the offset of each text run in the source), and
:func:`normalise` returns, with the normalised line, the original index of every character.

The heading words, the limits and the widen lists are data (data/check_layout.yaml, validated on load).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from .blocks import Block, Layout, text_layout

if TYPE_CHECKING:
    from .docx_text import Line as DocxLine

__all__ = ["Block", "Layout"]  # re-exported: blocks.py holds them so the html and docx readers need no layout

# --- the data file ---------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Limits(_Strict):
    short: int = Field(ge=1)
    long: int = Field(ge=1)
    band: tuple[int, int]
    min_items: int = Field(ge=0)
    max_items: int = Field(ge=1)
    max_must_haves: int = Field(ge=1)
    chunk: int = Field(ge=100)
    near_duplicate: float = Field(gt=0, le=1)
    duplicate_window: int = Field(ge=1)


class Widen(_Strict):
    before: frozenset[str]
    after: frozenset[str]


class Element(_Strict):
    name: str
    hint: str
    sections: tuple[str, ...] = ()
    pattern: str | None = None


class Posting(_Strict):
    basis: str
    elements: dict[str, Element]


class LayoutData(_Strict):
    version: int
    headings: dict[str, tuple[str, ...]]
    requirement_cues: tuple[str, ...]
    limits: Limits
    widen: Widen
    posting: Posting


@cache
def data() -> LayoutData:
    from ..resources import data_dir
    from .data import load

    return load(data_dir() / "check_layout.yaml", LayoutData)


SECTION_NAMES = {"duties": "岗位职责", "requirements": "任职要求"}
LIST_SECTIONS = frozenset({"duties", "requirements", "bonus", "benefits", "kpis", "mixed"})

# --- normalising a line, with a map back to the original -------------------------------------------------

_SPACE = "[ \\t\\u3000\\xa0]+"
_CJK = "\\u3400-\\u9fff"
# spaces between a number (or 35+) and what follows or precedes it (not before an item number: 2、), and between a Latin word and a Chinese
# one (QS 前200, Top 30 高校); a space between two numbers or two Latin words stays
_DIGIT_SPACE = re.compile(
    rf"(?<=[\d+]){_SPACE}(?=[^\d\s])|(?<=[{_CJK}a-z]){_SPACE}(?=\d)(?!\d{{1,2}}\s*[、.)．](?!\d))|(?<=[a-z]){_SPACE}(?=[{_CJK}])|(?<=[{_CJK}]){_SPACE}(?=[a-z])"
)


def fold(text: str) -> str:
    """Full-width → half-width (NFKC) and ASCII lower case, one character at a time, so offsets still match."""
    new = set(text).difference(_FOLD_SEEN)
    if new:
        if len(_FOLD_SEEN) > 200_000:  # bounded: a hostile page of every code point cannot grow it forever
            _FOLD_SEEN.clear()
            _FOLD_TABLE.clear()
        for char in new:
            folded = unicodedata.normalize("NFKC", char)
            folded = folded.lower() if folded.isascii() else folded
            # ① stays ①: folded to 1 it would glue onto the text after it (①95后 → 195后) and stop being a marker
            if len(folded) == 1 and folded != char and unicodedata.category(char) != "No":
                _FOLD_TABLE[ord(char)] = folded
        _FOLD_SEEN.update(new)
    return text.translate(_FOLD_TABLE)


_FOLD_SEEN: set[str] = set()  # characters fold() has looked at; those that change are in _FOLD_TABLE
_FOLD_TABLE: dict[int, str] = {}


# Zero-width and format characters a reader never sees: they must not split a trigger (男\u200b性优先).
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


def normalise(line: str) -> tuple[str, list[int]]:
    """The line folded, without zero-width and format characters (男\u200b性 → 男性), with the spaces between
    a number and what follows or precedes it removed (限 35 岁以下 → 限35岁以下, 年龄 25 - 35 岁 → 年龄25-35岁),
    and ``index``: index[i] is where character i came from in ``line``; one extra entry for the end. Spaces
    between two numbers stay (021 6123 4567)."""
    folded = fold(line)
    hidden = INVISIBLE.search(folded) is not None
    if not hidden and not _DIGIT_SPACE.search(folded):
        return folded, list(range(len(line) + 1))
    if hidden:
        positions = [i for i, c in enumerate(folded) if not INVISIBLE.match(c)]
        text = "".join(folded[i] for i in positions)
    else:
        positions, text = list(range(len(folded))), folded
    keep = [True] * len(text)
    for m in _DIGIT_SPACE.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    # a range written with spaces around its dash (25 - 35): drop those too
    for m in re.finditer(r"(?<=\d)[ \t\u3000\xa0]*[-~～—–至到][ \t\u3000\xa0]*(?=\d)", text):
        for i in range(m.start(), m.end()):
            if text[i] in " \t\u3000\xa0":
                keep[i] = False
    index = [positions[i] for i, k in enumerate(keep) if k]
    return "".join(folded[i] for i in index), [*index, len(line)]


def span_back(index: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the normalised line → the same span in the original line."""
    if end <= start:
        return index[start], index[start]
    return index[start], index[end - 1] + 1


# --- blocks: see blocks.py (text), html_text.py (HTML) and docx_text.py (.docx) ----------------------------


def from_text(text: str) -> Layout:
    """Lines of plain text or Markdown, each with its offset."""
    return text_layout(text)


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:body|p|div|li|h[1-6]|ul|ol|table)[\s>]", text[:4096], re.IGNORECASE)
        and re.search(r"</(?:p|div|li|h[1-6]|ul|ol|table|body)>", text[:20000], re.IGNORECASE)
    )


def from_html(source: str) -> Layout:
    """The text of an HTML page as a browser shows it, one block per block element (html_text.py)."""
    from .html_text import read_html

    return read_html(source)


def from_docx(path: Path) -> Layout:
    """The lines of a .docx as check reads them, numbered as 段 (docx_text.py)."""
    from .docx_text import from_docx as read

    return read(path, is_list_heading)


def docx_lines(document: Any) -> list[DocxLine]:
    """Every line of a python-docx Document in reading order, each with the w:p fix may edit (docx_text.py)."""
    from .docx_text import docx_lines as read

    return read(document, is_list_heading)


def is_list_heading(text: str) -> bool:
    """Whether a table cell holding ``text`` heads a list section (任职要求 | 1. … 2. …)."""
    folded = normalise(text)[0]
    found = heading(folded)
    return found is not None and found[1] >= len(folded) and found[0] in LIST_SECTIONS


def from_auto(text: str) -> Layout:
    """HTML when it looks like HTML, else lines."""
    return from_html(text) if looks_like_html(text) else from_text(text)


# --- sections and items ----------------------------------------------------------------------------------


@dataclass
class Item:
    line: int  # index + 1 of the block
    start: int
    end: int
    text: str


@dataclass
class Section:
    kind: str
    line: int
    items: list[Item] = field(default_factory=list)


_CN_NUMBER = "一二三四五六七八九十"
_PREFIX = re.compile(
    r"^\s*(?:[-*+•●·▪◆◇■□○◦√✓>＞|｜](?![*_])\s*)?(?:#{1,6}\s*)?(?:[*_]{2}\s*)?(?:[【\[「『〔<《]\s*)?"
    rf"(?:[{_CN_NUMBER}]{{1,3}}\s*[、.．]|\d{{1,2}}\s*[、.)．]|\([{_CN_NUMBER}\d]{{1,3}}\)|[①-⑳])?\s*"
    r"(?:[*_]{2}\s*)?(?:[【\[「『〔]\s*)?"
)
_MARKER_BODY = (
    r"\s*(?:[-*+•●·▪◆◇■□○◦√✓>]|\d{1,2}\s*[.、)](?!\d)|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]{1,3}[、.])\s*"
)
MARKER = re.compile("^" + _MARKER_BODY)
_MARKER_AT = re.compile(_MARKER_BODY)  # for match(line, pos): ^ matches only at the real start
# Item markers the compliance scan ignores on top of MARKER: decorations, and 1.95后 / 1.985院校, where the
# number glued to the marker is no decimal.
LEAD = re.compile(r"^\s*(?:[★☆◎※▶►❤✔✅²³¹]|\d{1,2}\.(?=\d\d后|985|211))\s*")
_INLINE = re.compile(r"(?:^|(?<=[;。\s:]))\d{1,2}\s*[、.)](?!\d)")
_CLOSE = "】]」』〕>》*_:： \t"
_SEPARATOR = re.compile(r"[\s/|&]*")


@cache
def _heading_words() -> tuple[dict[str, str], re.Pattern[str]]:
    """Heading word → section kind, and one pattern that finds the longest heading word at a place. An
    English word must end at a word boundary ("plus" is no heading in "plus点"); Chinese may not."""
    kinds: dict[str, str] = {}
    for kind, words in data().headings.items():
        for word in words:
            kinds.setdefault(word.lower(), kind)
    ordered = sorted(kinds, key=lambda w: -len(w))
    pattern = "|".join(re.escape(w) + ("(?![A-Za-z0-9])" if w.isascii() else "") for w in ordered)
    return kinds, re.compile(pattern)


def _word_at(text: str, pos: int) -> tuple[str, str] | None:
    kinds, pattern = _heading_words()
    m = pattern.match(text, pos)
    return (m.group(), kinds[m.group()]) if m else None


def heading(folded: str) -> tuple[str, int] | None:
    """(section kind, where the content after the heading starts) if the folded line is a heading.

    Heading forms: 岗位职责：, 【岗位职责】, 一、工作内容, **任职要求**, ## 福利, • 工作职责:, and bilingual
    pairs (Responsibilities 岗位职责). The last heading word of a pair decides the kind."""
    prefix = _PREFIX.match(folded)
    pos = prefix.end() if prefix else 0
    found = _word_at(folded, pos)
    if found is None:
        return None
    kind = found[1]
    end = pos + len(found[0])
    while True:  # Responsibilities 岗位职责 / 福利 benefits
        gap = _SEPARATOR.match(folded, end)
        nxt = _word_at(folded, gap.end()) if gap else None
        if gap is None or nxt is None or gap.end() == end and not nxt[0].isascii() and not found[0].isascii():
            break
        found, end = nxt, gap.end() + len(nxt[0])
        kind = nxt[1]
    tail = folded[end:]
    stripped = tail.lstrip(_CLOSE)
    if not stripped:
        return kind, len(folded)
    numbered = prefix is not None and any(c.isdigit() for c in prefix.group())
    if ":" in tail[: len(tail) - len(stripped)] and (len(found[0]) >= 4 or not numbered):
        # 任职要求：男，35岁以下 is a heading with content; 4. 其他：… is an item, not a heading
        return kind, len(folded) - len(stripped)
    closed = tail[: len(tail) - len(stripped)]
    if any(c in closed for c in "】]」』〕") and prefix and any(c in prefix.group() for c in "【[「『〔"):
        return kind, len(folded) - len(stripped)  # 【岗位职责】负责…: the bracket closes the heading
    return None


def structure(lines: list[str]) -> tuple[list[str], list[Section]]:
    """The section kind of every (normalised) line, and the sections with their items."""
    kinds: list[str] = []
    sections: list[Section] = []
    kind = "preamble"
    for number, line in enumerate(lines, 1):
        found = heading(line)
        start = 0
        if found:
            kind, start = found
            sections.append(Section(kind, number))
        kinds.append(kind)
        if kind in LIST_SECTIONS and sections and line[start:].strip():
            sections[-1].items += items(number, line, start)
    return kinds, sections


def items(number: int, line: str, start: int) -> list[Item]:
    """The items on one line of a list section: usually one; 1、…；2、… pasted on one line gives several."""
    cuts = _counted([(m.start(), int(re.sub(r"\D", "", m.group()))) for m in _INLINE.finditer(line, start)])
    bounds = cuts if len(cuts) >= 2 else [start]
    out = []
    for a, b in zip(bounds, [*bounds[1:], len(line)], strict=True):
        marker = _MARKER_AT.match(line, a)
        a = marker.end() if marker else a
        text = line[a:b].strip().rstrip(";。")
        if text:
            out.append(Item(number, a, a + len(text), text))
    return out


def _counted(marks: list[tuple[int, int]]) -> list[int]:
    """Positions of inline markers that count up (1、 2、 3、): the 10、 in "Helium 10、Keepa" counts nothing."""
    chain: list[tuple[int, int]] = []
    for pos, n in marks:
        if not chain or n == chain[-1][1] + 1:
            chain.append((pos, n))
        elif n == 1 and len(chain) < 2:
            chain = [(pos, n)]
    return [pos for pos, _ in chain] if len(chain) >= 2 else []


def unmark(line: str) -> str:
    """The line with its item marker blanked (same length, so offsets hold): in 1、女 or ★年轻漂亮 the marker
    is no context for the words after it."""
    found = MARKER.match(line) or LEAD.match(line)
    return " " * found.end() + line[found.end() :] if found else line
