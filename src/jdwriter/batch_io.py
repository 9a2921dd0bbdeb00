"""Reading the sheets HR already keeps: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16), .xlsx, and
YAML/JSON lists, into rows numbered the way people see them; and turning one row into make_request kwargs.

Every problem with the file as a whole (missing, empty, binary, header-only, unknown headers) raises one
InputFileError before anything is written; a problem inside one row is left for that row to report.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .company import company_from_mapping
from .errors import InputFileError, UserError, os_reason
from .resolve import split_values
from .yamlio import check_input_file

MAX_BYTES = 20 * 1024 * 1024
TEXT_LIMITS = {"role": 200, "title": 100, "level": 50, "industry": 50, "emphasis": 200}

# Canonical field → the headers people write for it. The first two are shown in error messages.
HEADERS: dict[str, tuple[str, ...]] = {
    "role": ("岗位", "role"),
    "level": ("级别", "level", "职级"),
    "emphasis": ("侧重", "emphasis", "职责侧重", "侧重点"),
    "industry": ("行业", "industry"),
    "title": ("职位名称", "title", "职位"),
    "location": ("工作地点", "location", "地点"),
    "salary": ("薪资", "salary", "薪资范围", "薪酬"),
    "headcount": ("招聘人数", "headcount", "人数"),
    "company": ("公司", "company", "公司名称"),
}
LABELS = {field: names[0] for field, names in HEADERS.items()}
_ALIASES = {name.casefold(): field for field, names in HEADERS.items() for name in names}
KNOWN_HEADERS = "、".join(f"{names[0]}/{names[1]}" for names in HEADERS.values())
SUFFIXES = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}


@dataclass
class SourceRow:
    """One data row. ``number`` is what people see: the Excel row (header = 1) or the list item (from 1)."""

    number: int
    label: str
    data: dict[str, Any]
    problem: str | None = None

    @property
    def blank(self) -> bool:
        """True when every cell is empty: such a row is skipped, not failed."""
        return self.problem is None and all(_is_empty(v) for v in self.data.values())


def header_field(name: Any) -> str | None:
    """岗位 / Role / 岗位* / 薪资(元/月) → the canonical field name, or None if unknown."""
    text = unicodedata.normalize("NFKC", str(name)).replace("\ufeff", "")
    text = re.sub(r"\(.*?\)|\*", "", text)  # NFKC turned （） into (); annotations like （必填）are not part of it
    return _ALIASES.get(re.sub(r"\s+", "", text).casefold())


def read_rows(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> list[SourceRow]:
    """Read every data row of a .csv, .xlsx, .yaml/.yml or .json file. Raises InputFileError for the file."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        if path.suffix.lower() == ".xls":
            raise InputFileError(f"不支持旧版 Excel 文件「{path}」，请在 Excel 里另存为 .xlsx 或「CSV UTF-8」后再试。")
        raise InputFileError(f"不支持的输入文件「{path}」，请使用 .csv、.xlsx、.yaml/.yml 或 .json 文件。")
    if sheet is not None and kind != "xlsx":
        raise UserError(f"--sheet 只适用于 .xlsx 文件，「{path.name}」不是。")
    if encoding is not None and kind == "xlsx":
        raise UserError("--encoding 只适用于 CSV、YAML 和 JSON 文件，.xlsx 不需要指定编码。")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UserError(f"不认识的编码「{encoding}」，常用的有 utf-8、utf-8-sig、gbk、gb18030。") from None
    _check_file(path)
    if kind == "xlsx":
        rows = _rows_from_table(path, _xlsx_cells(path, sheet))
    elif kind == "csv":
        rows = _rows_from_table(path, _csv_cells(path, _decode(path, encoding)))
    else:
        rows = _rows_from_list(path, _load_list(path, _decode(path, encoding), kind))
    while rows and rows[-1].blank:  # spreadsheets often end in formatted but empty rows
        rows.pop()
    if not rows:
        what = "只有表头，没有数据行" if kind in ("csv", "xlsx") else "是一个空列表，没有任何岗位"
        raise InputFileError(f"输入文件「{path}」{what}。")
    return rows


def _check_file(path: Path) -> None:
    if check_input_file(path, "输入文件", MAX_BYTES) == 0:
        raise InputFileError(f"输入文件「{path}」是空的。")


def _decode(path: Path, encoding: str | None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then GB18030 (a superset of GBK), unless told."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"无法读取输入文件「{path}」：{os_reason(exc)}。") from exc
    if encoding is not None:
        try:
            return raw.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputFileError(f"输入文件「{path}」不是 {encoding} 编码，请换一个 --encoding 或去掉它让程序自动识别。") from None
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]  # Excel's "Unicode 文本" (tab-separated)
    elif b"\x00" in raw:
        raise InputFileError(f"输入文件「{path}」不是文本文件（含有二进制内容）；表格请另存为 .xlsx 或「CSV UTF-8」。")
    else:
        candidates = ["utf-8", "gb18030"]
    for candidate in candidates:
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise InputFileError(f"输入文件「{path}」不是文本文件（含有二进制内容）；表格请另存为 .xlsx 或「CSV UTF-8」。")
        return text
    raise InputFileError(f"无法识别输入文件「{path}」的编码；请在 Excel 里另存为「CSV UTF-8」，或用 --encoding 指定（如 gbk）。")


def _csv_cells(path: Path, text: str) -> list[list[Any]]:
    if not text.strip():
        raise InputFileError(f"输入文件「{path}」是空的。")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" or ("\t" in first and "," not in first) else ","
    try:
        return [list(record) for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputFileError(f"输入文件「{path}」不是有效的 CSV：{exc}。") from exc


def _xlsx_cells(path: Path, sheet: str | None) -> list[list[Any]]:
    import warnings
    import zipfile

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Workbook contains no default style": harmless for reading
            book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputFileError(f"「{path}」不是有效的 .xlsx 文件（{type(exc).__name__}），请用 Excel 重新另存后再试。") from exc
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            names = "、".join(book.sheetnames)
            raise InputFileError(f"「{path.name}」里没有名为「{sheet}」的工作表，可用的有：{names}。")
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some writers store a wrong used range, which would cut rows off
        return [list(values) for values in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def _rows_from_table(path: Path, cells: list[list[Any]]) -> list[SourceRow]:
    """Row 1 is the header; data rows keep their spreadsheet row numbers."""
    if all(_is_empty(v) for values in cells for v in values):
        raise InputFileError(f"输入文件「{path}」是空的（所选工作表里没有内容）。")
    if all(_is_empty(v) for v in cells[0]):
        raise InputFileError(f"输入文件「{path}」第 1 行应是表头（如 岗位、级别、侧重），但它是空的。")
    header = cells[0]
    fields: list[str | None] = []
    for column, name in enumerate(header, start=1):
        if _is_empty(name):
            fields.append(None)  # checked per row: a value under no header is that row's problem
            continue
        field = header_field(name)
        if field is None:
            raise InputFileError(f"输入文件「{path}」的表头「{str(name).strip()}」不认识，可用的表头有：{KNOWN_HEADERS}。")
        if field in fields:
            raise InputFileError(f"输入文件「{path}」的表头里「{LABELS[field]}」出现了两次（第 {column} 列），请只保留一列。")
        fields.append(field)
    if "role" not in fields:
        raise InputFileError(f"输入文件「{path}」缺少「岗位」列（表头写 岗位 或 role）。")
    rows = []
    for number, values in enumerate(cells[1:], start=2):
        data: dict[str, Any] = {f: None for f in fields if f}
        problem = None
        for column, value in enumerate(values, start=1):
            field = fields[column - 1] if column <= len(fields) else None
            if field is not None:
                data[field] = value
            elif not _is_empty(value) and problem is None:
                problem = f"第 {column} 列有内容但没有表头，请补上表头或删掉多余的单元格（常见原因是多了一个逗号）。"
        rows.append(SourceRow(number, f"第 {number} 行", data, problem))
    return rows


def _load_list(path: Path, text: str, kind: str) -> list[Any]:
    if not text.strip():
        raise InputFileError(f"输入文件「{path}」是空的。")
    if kind == "json":
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"输入文件「{path}:{exc.lineno}:{exc.colno}」不是有效的 JSON（{exc.msg}）。") from exc
    else:
        from .yamlio import parse_yaml

        data = parse_yaml(text, str(path), "输入文件")
    if data is None:
        raise InputFileError(f"输入文件「{path}」是空的。")
    if not isinstance(data, list):
        kind_text = "键值映射" if isinstance(data, dict) else "单个值"
        raise InputFileError(f"输入文件「{path}」应是一个列表（每项一个岗位，如 - 岗位: 用户运营），而不是{kind_text}。")
    return data


def _rows_from_list(path: Path, items: list[Any]) -> list[SourceRow]:
    """Each list item is one row, numbered from 1; unknown keys are an error for the whole file."""
    rows = []
    for number, item in enumerate(items, start=1):
        label = f"第 {number} 项"
        if not isinstance(item, dict):
            rows.append(SourceRow(number, label, {}, "这一项应是键值映射（如 岗位: 用户运营），而不是单个值或列表。"))
            continue
        rows.append(SourceRow(number, label, _map_headers(item, f"输入文件「{path}」{label}", InputFileError)))
    return rows


def _map_headers(item: Mapping[Any, Any], where: str, error: type[UserError]) -> dict[str, Any]:
    """Chinese or English headers → field names; an unknown or doubled header is an error naming ``where``."""
    fields: dict[str, Any] = {}
    for key, value in item.items():
        name = header_field(key)
        if name is None:
            raise error(f"{where}有不认识的字段「{_shown(key)}」，可用的有：{KNOWN_HEADERS}。")
        if name in fields:
            raise error(f"{where}的「{LABELS[name]}」出现了两次，请只保留一个。")
        fields[name] = value
    return fields


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- one row → make_request keyword arguments ------------------------------------------------------


def parse_row(data: Mapping[Any, Any], source: str = "这一行") -> dict[str, Any]:
    """Turn one row (headers in Chinese or English → cell values of any type) into make_request kwargs.

    Empty cells mean "not given". Returns role, level, emphasis, industry, title and company; raises only
    UserError, whose message names ``source`` (e.g. 第 7 行) where the field is at fault.
    """
    fields = _map_headers(data, source, UserError)
    role = _text(fields.get("role"), "role", source)
    if role is None:
        raise UserError(f"{source}缺少岗位，请在「岗位」一栏填写，例如 用户运营。")
    company = {
        "name": _text(fields.get("company"), "company", source),
        "location": _text(fields.get("location"), "location", source),
        "salary": _text(fields.get("salary"), "salary", source),
        "headcount": _count(fields.get("headcount"), source),
    }
    return {
        "role": role,
        "level": _text(fields.get("level"), "level", source),
        "emphasis": _emphasis(fields.get("emphasis"), source),
        "industry": _text(fields.get("industry"), "industry", source),
        "title": _text(fields.get("title"), "title", source),
        "company": company_from_mapping({k: v for k, v in company.items() if v is not None}, source),
    }


def _shown(value: Any) -> str:
    try:
        text = str(value)
    except ValueError:  # an int too long to print (Python caps int→str at 4300 digits)
        return "一个超长的数字"
    return text if len(text) <= 40 else text[:40] + "…"


def _text(value: Any, name: str, source: str) -> str | None:
    """A cell as text. Numbers become text (Excel stores 15000 as a number); dates, lists… are an error."""
    label = LABELS[name]
    if value is None:
        return None
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise UserError(f"{source}的「{label}」应为文字，收到的是「{value}」。")
    if isinstance(value, int) and abs(value) < 10**15:
        value = str(value)
    elif isinstance(value, float):
        value = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if not isinstance(value, str):
        raise UserError(f"{source}的「{label}」应为文字，收到的是{_kind(value)}。")
    text = value.strip()
    limit = TEXT_LIMITS.get(name, 200)
    if len(text) > limit:
        raise UserError(f"{source}的「{label}」太长（{len(text)} 个字），最多 {limit} 个字。")
    return text or None


def _emphasis(value: Any, source: str) -> list[str]:
    """侧重 cells hold several values separated by , ， 、 or ; — YAML may give a list instead."""
    items = value if isinstance(value, list | tuple) else [value]
    texts = [_text(item, "emphasis", source) for item in items]
    return split_values(t for t in texts if t)


def _count(value: Any, source: str) -> int | None:
    """招聘人数: 3, 3.0, "3", "３", "3人" → 3. The range is checked by the Company model."""
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("人").removesuffix("名").strip()
        if not text:
            return None
        if text.isascii() and text.isdigit() and len(text) <= 9:
            return int(text)
    raise UserError(f"{source}的「招聘人数」应为正整数，收到的是「{_shown(value)}」。")


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "键值映射"
    if isinstance(value, list | tuple | set):
        return "列表"
    return f"「{_shown(value)}」"
