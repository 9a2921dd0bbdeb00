"""Help text that wraps like Chinese: between two CJK characters, after CJK punctuation and at spaces; never
inside a Latin word, an option or a file name, before closing punctuation or after opening punctuation.

Rich wraps only at spaces and crops a longer "word" with … inside Typer's tables, and a line of Chinese is
one long word to it. Loaded only when Typer's Rich help module is (for --help or an error), never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

OPENING = frozenset("（「『《〈【“‘([{")
CLOSING = frozenset("，。、；：？！）」』》〉】”’…,.;:?!)]}%")


def break_points(line: str) -> list[int]:
    """Indices before which a line may be broken."""
    points = []
    for i in range(1, len(line)):
        before, char = line[i - 1], line[i]
        if char.isspace() or not line[:i].strip():
            continue
        if before.isspace():
            points.append(i)
        elif char in CLOSING or before in OPENING:
            continue
        elif cell_len(before) == 2 and (cell_len(char) == 2 or before in CLOSING):
            points.append(i)  # 用户|运营, 、|json; never 经理|.docx or 14|薪
    return points


def line_breaks(line: str, width: int) -> list[int]:
    """Greedy breaks so that every piece, without its trailing spaces, fits in width cells."""
    points = break_points(line)
    breaks: list[int] = []
    start = 0
    while cell_len(line[start:].rstrip()) > width:
        fitting = [p for p in points if p > start and cell_len(line[start:p].rstrip()) <= width]
        if fitting:
            end = fitting[-1]
        else:  # one unit wider than the column: cut it by cells
            end = start + 1
            while end < len(line) and cell_len(line[start : end + 1]) <= width:
                end += 1
        breaks.append(end)
        start = end
    return breaks


class Wrapped:
    """A Rich renderable for a Text (styles kept) that wraps with line_breaks."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max(cell_len(line) for line in lines)
        units = [
            cell_len(line[a:b].strip())
            for line in lines
            for a, b in zip([0, *break_points(line)], [*break_points(line), len(line)], strict=True)
        ]
        return Measurement(min(max(units, default=1), options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(1, options.max_width)
        for line in self.text.split("\n", allow_blank=True):
            for piece in line.divide(line_breaks(line.plain, width)):
                piece.rstrip()
                piece.end = "\n"
                yield piece


def patch(module: Any) -> None:
    """Make typer.rich_utils wrap every help text it builds (command, option, epilog) with Wrapped."""
    make_rich_text = module._make_rich_text

    def _make_rich_text(*args: Any, **kwargs: Any) -> Any:
        result = make_rich_text(*args, **kwargs)
        return Wrapped(result) if isinstance(result, Text) else result

    module._make_rich_text = _make_rich_text
