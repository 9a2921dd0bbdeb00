"""Reading the sheets HR already keeps: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16), .xlsx, and
YAML/JSON lists, into rows numbered the way people see them; and turning one row into make_request kwargs.

Every problem with the file as a whole (missing, empty, binary, header-only, unknown headers) raises one
InputFileError before anything is written; a problem inside one row is left for that row to report.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputFileError, UserError
from ..files.inputs import KEPT_FIELDS, field_for, labels, row_from, shown, unrecognised
from ..files.reader import decode, read_bytes

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000  # data rows read from a sheet; more is cut, with a note
MAX_COLUMNS = 100
SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


@dataclass
class SourceRow:
    """One data row. ``number`` is what people see: the Excel row (header = 1) or the list item (from 1)."""

    number: int
    label: str
    data: dict[str, Any]
    problem: str | None = None

    @property
    def fields(self) -> dict[str, Any]:
        """The cells that name a field, keyed by field name (role, level…), as read."""
        return {f: v for k, v in self.data.items() if (f := field_for(k)) is not None}

    @property
    def blank(self) -> bool:
        """True when every cell is empty: such a row is skipped, not failed."""
        return self.problem is None and all(_is_empty(v) for v in self.data.values())


def read_rows(
    path: Path, *, encoding: str | None = None, sheet: str | None = None, notes: list[str] | None = None
) -> list[SourceRow]:
    """Read the data rows of a .csv, .xlsx, .yaml/.yml or .json file. Raises InputFileError for the file.

    At most MAX_ROWS rows and MAX_COLUMNS columns are read; when more is cut, a Chinese sentence saying so
    is appended to ``notes``."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        if path.suffix.lower() == ".xls":
            raise InputFileError(
                f"不支持旧版 Excel 文件「{path}」，请在 Excel 里另存为 .xlsx 或「CSV UTF-8」后再试。"
            )
        raise InputFileError(f"不支持的输入文件「{path}」，请使用 .csv、.xlsx、.yaml/.yml 或 .json 文件。")
    if sheet is not None and kind != "xlsx":
        raise UserError(f"--sheet 只适用于 .xlsx 文件，「{path.name}」不是。")
    if encoding is not None and kind == "xlsx":
        raise UserError("--encoding 只适用于 CSV、YAML 和 JSON 文件，.xlsx 不需要指定编码。")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UserError(
                f"不认识的编码「{encoding}」，常用的有 utf-8、utf-8-sig、gbk、gb18030。"
            ) from None
    if kind == "xlsx":
        if not read_bytes(path, "输入文件", MAX_BYTES):
            raise InputFileError(f"输入文件「{path}」是空的。")
        rows = _rows_from_table(path, _xlsx_cells(path, sheet, notes), notes)
    elif kind == "csv":
        rows = _rows_from_table(path, _cut_table(path, _csv_cells(path, _text(path, encoding)), notes), notes)
    else:
        items = _load_list(path, _text(path, encoding), kind)
        if len(items) > MAX_ROWS:
            del items[MAX_ROWS:]
            if notes is not None:
                notes.append(f"「{path.name}」超过 {MAX_ROWS} 项，只处理了前 {MAX_ROWS} 项。")
        rows = _rows_from_list(path, items)
    while rows and rows[-1].blank:  # spreadsheets often end in formatted but empty rows
        rows.pop()
    if not rows:
        what = "只有表头，没有数据行" if kind in ("csv", "xlsx") else "是一个空列表，没有任何岗位"
        raise InputFileError(f"输入文件「{path}」{what}。")
    return rows


def _text(path: Path, encoding: str | None) -> str:
    raw = read_bytes(path, "输入文件", MAX_BYTES)
    if not raw.strip():
        raise InputFileError(f"输入文件「{path}」是空的。")
    return decode(raw, f"输入文件「{path}」", encoding)


def _csv_cells(path: Path, text: str) -> list[list[Any]]:
    if not text.strip():
        raise InputFileError(f"输入文件「{path}」是空的。")
    head = "\n".join(text.split("\n", HEADER_ROWS)[:HEADER_ROWS])  # a title line above the header has neither
    delimiter = "\t" if path.suffix.lower() == ".tsv" or head.count("\t") > head.count(",") else ","
    try:
        return [list(record) for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputFileError(f"输入文件「{path}」不是有效的 CSV：{exc}。") from exc


def _cut_table(path: Path, cells: list[list[Any]], notes: list[str] | None) -> list[list[Any]]:
    """The same bounds as a sheet: header plus MAX_ROWS rows, MAX_COLUMNS columns."""
    cut = []
    if len(cells) > MAX_ROWS + 1:
        del cells[MAX_ROWS + 1 :]
        cut.append(f"超过 {MAX_ROWS} 行数据，只处理了前 {MAX_ROWS} 行")
    if any(
        len(values) > MAX_COLUMNS and not all(_is_empty(v) for v in values[MAX_COLUMNS:]) for values in cells
    ):
        cut.append(f"超过 {MAX_COLUMNS} 列，第 {MAX_COLUMNS + 1} 列起的内容已忽略")
    if cut and notes is not None:
        notes.append(f"「{path.name}」" + "；".join(cut) + "。")
    return [values[:MAX_COLUMNS] for values in cells]


def _xlsx_cells(path: Path, sheet: str | None, notes: list[str] | None = None) -> list[list[Any]]:
    """The cells of one sheet, at most MAX_ROWS data rows and MAX_COLUMNS columns (a note says what was cut).

    The file passes the Office guard first (zip bombs, entity declarations), and openpyxl reads the checked
    bytes in read-only mode, so memory stays bounded by the limits, not by what the file claims."""
    import warnings
    import zipfile
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook

    from ..files.office import open_office

    data = open_office(path, "输入文件", ".xlsx")
    broken = f"「{path}」不是有效的 .xlsx 文件，请用 Excel 或 WPS 重新另存后再试。"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Workbook contains no default style": harmless for reading
            book = load_workbook(data, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, OSError, ParseError) as exc:
        raise InputFileError(broken) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and the like: any other parser complaint is a bad file
        raise InputFileError(broken) from exc
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            names = "、".join(shown(n, 31) for n in book.sheetnames[:20])
            raise InputFileError(f"「{path.name}」里没有名为「{shown(sheet)}」的工作表，可用的有：{names}。")
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some writers store a wrong used range, which would cut rows off
        return _bounded_rows(ws, path, broken, notes)
    except IndexError as exc:
        raise InputFileError(f"「{path}」里没有任何工作表。") from exc
    finally:
        book.close()


def _bounded_rows(ws: Any, path: Path, broken: str, notes: list[str] | None) -> list[list[Any]]:
    """Header plus MAX_ROWS data rows, MAX_COLUMNS wide; one row more is read to know whether rows were
    cut. openpyxl pads every row to the widest one, so the width must be bounded before it pads (a sheet
    whose rows each touch column XFD would otherwise become 16,384 values a row); its raw rows are watched
    to know whether anything past the last column was dropped."""
    wide = False
    raw_row = getattr(ws, "_get_row", None)  # read-only worksheets; a normal one has no padding problem
    if raw_row is not None:

        def watch(row: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal wide
            if not wide and any(
                isinstance(c, dict) and c.get("column", 0) > MAX_COLUMNS and not _is_empty(c.get("value"))
                for c in row
            ):
                wide = True
            return raw_row(row, *args, **kwargs)

        ws._get_row = watch
    cells: list[list[Any]] = []
    try:
        for values in ws.iter_rows(max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS, values_only=True):
            cells.append(list(values))
    except InputFileError:
        raise
    except Exception as exc:  # a 5,000-digit number, a broken cell reference, XML errors inside the sheet
        raise InputFileError(f"{broken[:-1]}（第 {len(cells) + 1} 行附近的内容无法读取）。") from exc
    if wide and notes is not None:
        notes.append(f"「{path.name}」超过 {MAX_COLUMNS} 列，第 {MAX_COLUMNS + 1} 列起的内容已忽略。")
    if len(cells) > MAX_ROWS + 1:
        del cells[MAX_ROWS + 1 :]
        if notes is not None:
            notes.append(f"「{path.name}」超过 {MAX_ROWS} 行数据，只处理了前 {MAX_ROWS} 行。")
    return cells


HEADER_ROWS = 10  # the header is looked for in this many rows: sheets often start with a title above it


def _rows_from_table(path: Path, cells: list[list[Any]], notes: list[str] | None = None) -> list[SourceRow]:
    """The header is the first of the first HEADER_ROWS rows that names the job (岗位, 职位名称…); rows above
    it (a merged title, a date) are skipped with one note. Data rows keep their spreadsheet row numbers.
    Columns we don't use (备注…) are kept as they are and passed through to the manifest."""
    if all(_is_empty(v) for values in cells for v in values):
        raise InputFileError(f"输入文件「{path}」是空的（所选工作表里没有内容）。")
    at = _header_index(path, cells)
    above = [i for i in range(at) if not all(_is_empty(v) for v in cells[i])]
    if above and notes is not None:
        first = next(v for v in cells[above[0]] if not _is_empty(v))
        lines = f"第 {above[0] + 1} 行" if len(above) == 1 else f"第 {above[0] + 1}–{above[-1] + 1} 行"
        notes.append(
            f"「{path.name}」的表头在第 {at + 1} 行，前面的{lines}（「{shown(first, 30)}」）已跳过。"
        )
    header = [None if _is_empty(name) else shown(name, 60).strip() for name in cells[at]]
    _check_header(path, header)
    rows = []
    for number, values in enumerate(cells[at + 1 :], start=at + 2):
        data: dict[str, Any] = {h: None for h in header if h}
        problem = None
        for column, value in enumerate(values, start=1):
            name = header[column - 1] if column <= len(header) else None
            if name is not None:
                data[name] = value
            elif not _is_empty(value) and problem is None:
                problem = f"第 {column} 列有内容但没有表头，请补上表头或删掉多余的单元格（常见原因是多了一个逗号）。"
        rows.append(SourceRow(number, f"第 {number} 行", data, problem))
    return rows


def _header_index(path: Path, cells: list[list[Any]]) -> int:
    """The index of the header row: the first row with a cell naming the job."""
    for index, values in enumerate(cells[:HEADER_ROWS]):
        if any(field_for(v) in ("role", "title") for v in values if not _is_empty(v)):
            return index
    raise InputFileError(
        f"输入文件「{path}」缺少「岗位」或「职位名称」列：前 {min(HEADER_ROWS, len(cells))} 行里没有找到表头"
        "（表头写 岗位、岗位名称、职位名称、role 或 title）。"
    )


def _check_header(path: Path, header: list[str | None]) -> None:
    seen: dict[str, int] = {}
    for column, name in enumerate(header, start=1):
        field = field_for(name) if name else None
        if field is None:
            continue
        if field in seen:
            raise InputFileError(
                f"输入文件「{path}」的表头里「{labels()[field]}」出现了两次（第 {seen[field]} 列和第 {column} 列），请只保留一列。"
            )
        seen[field] = column


def _load_list(path: Path, text: str, kind: str) -> list[Any]:
    if not text.strip():
        raise InputFileError(f"输入文件「{path}」是空的。")
    if kind == "json":
        import json

        try:
            data = json.loads(text, parse_int=_json_int)
        except json.JSONDecodeError as exc:
            raise InputFileError(
                f"输入文件「{path}:{exc.lineno}:{exc.colno}」不是有效的 JSON（{exc.msg}）。"
            ) from exc
        except RecursionError:
            raise InputFileError(f"输入文件「{path}」嵌套层级太深，无法解析。") from None
        except ValueError as exc:  # _json_int: a number too long to be a real cell
            raise InputFileError(f"输入文件「{path}」{exc}。") from None
        from ..files.yamlio import check_size

        check_size(data, f"输入文件「{path}」")
    else:
        from ..files.yamlio import parse_yaml

        data = parse_yaml(text, str(path), "输入文件")
    if data is None:
        raise InputFileError(f"输入文件「{path}」是空的。")
    if not isinstance(data, list):
        kind_text = "键值映射" if isinstance(data, dict) else "单个值"
        raise InputFileError(
            f"输入文件「{path}」应是一个列表（每项一个岗位，如 - 岗位: 用户运营），而不是{kind_text}。"
        )
    return data


def _json_int(digits: str) -> int:
    """JSON integers are parsed only when short: int() of 5,000 digits is refused by Python, and no sheet
    needs more than a few."""
    if len(digits.lstrip("-")) > 20:
        raise ValueError(f"含有超长的数字（{len(digits)} 位）")
    return int(digits)


def _rows_from_list(path: Path, items: list[Any]) -> list[SourceRow]:
    """Each list item is one row, numbered from 1."""
    rows = []
    for number, item in enumerate(items, start=1):
        label = f"第 {number} 项"
        if not isinstance(item, dict):
            rows.append(
                SourceRow(number, label, {}, "这一项应是键值映射（如 岗位: 用户运营），而不是单个值或列表。")
            )
            continue
        rows.append(SourceRow(number, label, dict(item)))
    return rows


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def headers_of(rows: list[SourceRow]) -> list[str]:
    """Every header or key the rows use, in first-seen order."""
    return list(dict.fromkeys(shown(k, 60) for row in rows for k in row.data))


def unused_headers(rows: list[SourceRow]) -> list[str]:
    """Headers that name no field we use: kept in the manifest, mentioned once on stderr."""
    return unrecognised(headers_of(rows))


# --- one row → make_request keyword arguments ------------------------------------------------------


def parse_row(data: Mapping[Any, Any], source: str = "这一行") -> dict[str, Any]:
    """Turn one row (headers in Chinese or English → cell values of any type) into make_request kwargs.

    Empty cells mean "not given". A title alone is enough: it names the role too. Raises only UserError,
    whose message names ``source`` (e.g. 第 7 行) and the field at fault.
    """
    row, _ = row_from(data, source)
    role = row.role or row.title
    if role is None:
        raise UserError(f"{source}缺少岗位，请在「岗位」或「职位名称」一栏填写，例如 用户运营。")
    return {
        "role": role,
        "level": row.level,
        "emphasis": row.emphasis,
        "industry": row.industry,
        "title": row.title,
        "company": row.company(),
    }


def extra_columns(data: Mapping[Any, Any]) -> dict[str, str]:
    """The columns of a row that are not fields used in the JD (备注, 部门, 汇报对象…), as text, for the
    manifest."""
    out: dict[str, str] = {}
    for key, value in data.items():
        if (field_for(key) in (None, *KEPT_FIELDS)) and not _is_empty(value):
            out[shown(key, 60)] = shown(value, 200)
    return out
