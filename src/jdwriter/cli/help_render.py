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
from rich.table import Table
from rich.text import Text

OPENING = frozenset("（「『《〈【“‘([{")
CLOSING = frozenset("，。、；：？！）」』》〉】”’…,.;:?!)]}%")


def _cells(line: str) -> list[int]:
    """Cell widths of each prefix of ``line``: widths[j] - widths[i] is cell_len(line[i:j]). Rich adds up
    character widths except around a zero-width joiner or VS16; such a line is measured piece by piece."""
    if "\u200d" in line or "\ufe0f" in line:
        return [cell_len(line[:i]) for i in range(len(line) + 1)]
    widths = [0]
    for char in line:
        widths.append(widths[-1] + cell_len(char))
    return widths


def break_points(line: str, after: str = "") -> list[int]:
    """Indices before which a line may be broken; also after any character of ``after`` (_ in an id)."""
    points = []
    started = False  # a break needs text before it: never in the leading spaces
    wide = [cell_len(char) == 2 for char in line]
    for i in range(1, len(line)):
        before, char = line[i - 1], line[i]
        started = started or not before.isspace()
        if char.isspace() or not started:
            continue
        if before.isspace() or before in after:
            points.append(i)
        elif char in CLOSING or before in OPENING:
            continue
        elif wide[i - 1] and (wide[i] or before in CLOSING):
            points.append(i)  # 用户|运营, 、|json; never 经理|.docx or 14|薪
    return points


def line_breaks(line: str, width: int, after: str = "") -> list[int]:
    """Greedy breaks so that every piece, without its trailing spaces, fits in width cells."""
    points = break_points(line, after)
    cells = _cells(line)

    def fits(start: int, end: int) -> bool:  # line[start:end].rstrip() fits in width
        while end > start and line[end - 1].isspace():
            end -= 1
        return cells[end] - cells[start] <= width

    breaks: list[int] = []
    start = 0
    while not fits(start, len(line)):
        fitting = [p for p in points if p > start and fits(start, p)]
        if fitting:
            end = fitting[-1]
        else:  # one unit wider than the column: cut it by cells, but never before closing punctuation
            end = start + 1
            while end < len(line) and cells[end + 1] - cells[start] <= width:
                end += 1
            while end - 1 > start and end < len(line) and (line[end] in CLOSING or line[end - 1] in OPENING):
                end -= 1
        breaks.append(end)
        start = end
    return breaks


class Wrapped:
    """A Rich renderable for a Text (styles kept) that wraps with line_breaks."""

    def __init__(self, text: Text, after: str = "") -> None:
        self.text = text
        self.after = after
        self._units: list[int] | None = None  # Rich measures a cell several times: the units once

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if self._units is None:
            lines = self.text.plain.split("\n")
            units = [
                cell_len(line[a:b].strip())
                for line in lines
                for points in [break_points(line, self.after)]
                for a, b in zip([0, *points], [*points, len(line)], strict=True)
            ]
            self._units = [max(cell_len(line) for line in lines), max(units, default=1)]
        widest, unit = self._units
        return Measurement(min(unit, options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(1, options.max_width)
        for line in self.text.split("\n", allow_blank=True):
            for piece in line.divide(line_breaks(line.plain, width, self.after)):
                piece.rstrip()
                piece.end = "\n"
                yield piece


class WrapTable(Table):
    """A Rich table that, when it must narrow its columns, never narrows one below its minimum (for Wrapped
    cells: the widest word or CJK unit), so a Latin word or an id is not cut; the widest column gives way
    first. Only when the minimums themselves do not fit does Rich's own reduction take over."""

    def _calculate_column_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        ranges = [self._measure_column(console, options, column) for column in self.columns]
        widths = [r.maximum or 1 for r in ranges]
        floors = [min(r.minimum or 1, r.maximum or 1) for r in ranges]
        excess = sum(widths) - options.max_width
        if excess <= 0 or sum(floors) > options.max_width:
            return super()._calculate_column_widths(console, options)
        while excess > 0:
            index = max(
                (i for i in range(len(widths)) if widths[i] > floors[i]), key=lambda i: widths[i] - floors[i]
            )
            widths[index] -= 1
            excess -= 1
        return widths


class NamesWhole(Table):
    """Typer's options table: every column but the last (option names, short flags, value names) keeps its
    text whole, so when the terminal is narrow only the help text wraps, and no name is cut with …."""

    def add_row(self, *renderables: Any, **kwargs: Any) -> None:
        super().add_row(*renderables, **kwargs)
        for column in self.columns[:-1]:
            column.no_wrap = True

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Any:
        """Columns no row uses (Typer keeps two for --no-x flags) are dropped: their padding is room the
        help text needs in a narrow terminal."""
        used = [c for c in self.columns if any(_text_of(cell) for cell in c._cells)]
        if used and len(used) < len(self.columns):
            self.columns = used
            for index, column in enumerate(used):
                column._index = index
        if self.columns and self._names_width(console, options) + MIN_HELP > options.max_width:
            return self._stacked()
        return super().__rich_console__(console, options)

    def _names_width(self, console: Console, options: ConsoleOptions) -> int:
        return sum(self._measure_column(console, options, c).maximum for c in self.columns[:-1])

    def _stacked(self) -> Iterator[Any]:
        """Too narrow for names beside their help: each name on its own line, its help indented below."""
        from rich.padding import Padding

        rows = zip(*(column._cells for column in self.columns), strict=True)
        for cells in rows:
            names = [_text_of(cell) for cell in cells[:-1]]
            yield Text(" ".join(n for n in names if n), style="bold")
            yield Padding(cells[-1], (0, 0, 0, 4))


MIN_HELP = 16  # cells of help text beside the names below which a table turns into a list


def _text_of(cell: Any) -> str:
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, Text):
        return cell.plain.strip()
    return "?"  # any other renderable counts as content


def patch(module: Any) -> None:
    """Make typer.rich_utils wrap every help text it builds (command, option, epilog) with Wrapped, and
    keep option names whole."""
    if getattr(module, "Table", None) is Table:
        module.Table = NamesWhole
    make_rich_text = module._make_rich_text

    def _make_rich_text(*args: Any, **kwargs: Any) -> Any:
        result = make_rich_text(*args, **kwargs)
        return Wrapped(result) if isinstance(result, Text) else result

    module._make_rich_text = _make_rich_text
    parameter_help = getattr(module, "_get_parameter_help", None)
    if callable(parameter_help):

        def _get_parameter_help(*args: Any, **kwargs: Any) -> Any:
            result = parameter_help(*args, **kwargs)  # a Columns of the help, [默认：…], [必填]
            items = getattr(result, "renderables", None)
            if isinstance(items, list):
                result.renderables = [Wrapped(r) if isinstance(r, Text) else r for r in items]
            return result

        module._get_parameter_help = _get_parameter_help
