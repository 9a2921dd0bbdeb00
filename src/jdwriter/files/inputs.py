"""The one input layer for what people write in files: a company file and a sheet row validate through the
same pydantic models, with the same header words (Chinese or English, any case, with or without notes such
as （必填）), the same coercion (Excel numbers as text, 若干, "2.0") and one Chinese translation of errors.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..construct import empty
from ..errors import UserError
from ..text import split_values

MAX_NUMBER = 10**15  # larger "numbers" in a cell are noise, and str() of a huge int is itself a cost
SOME = ("若干", "多名", "不限", "多人")


def shown(value: Any, limit: int = 40) -> str:
    """A value from a file, for a message: bounded before it is ever turned into text."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool | float) or (isinstance(value, int) and abs(value) < MAX_NUMBER):
        text = str(value)
    elif isinstance(value, int):
        return "一个超长的数字"
    elif isinstance(value, dict):
        return "一个键值映射"
    elif isinstance(value, list | tuple | set):
        return "一个列表"
    else:
        return f"一个{type(value).__name__}值"
    text = "".join(c if c.isprintable() else "?" for c in text[: limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"


def as_text(value: Any) -> str | None:
    """One coercion policy for every text field: numbers become text (Excel stores 15000 as a number),
    empty means "not given"; anything else (a list, a date, a huge number) is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError("应为文字")
    if isinstance(value, int):
        if abs(value) >= MAX_NUMBER:
            raise ValueError("数字太长")
        return str(value)
    if isinstance(value, float):
        if abs(value) >= MAX_NUMBER:
            raise ValueError("数字太长")
        return str(int(value)) if value.is_integer() else repr(value)
    if not isinstance(value, str):
        raise ValueError("应为文字")
    return value.strip() or None


def as_count(value: Any) -> int | str | None:
    """招聘人数: 3, 3.0, "3", "３", "2.0", "3人", "两个", "十二名" → the number; 若干 / 多名 → 若干."""
    text = as_text(value)
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"\s*(?:人|名|个|位)$", "", text).strip()
    if text in SOME:
        return "若干"
    count = int(float(text)) if re.fullmatch(r"\d{1,6}(?:\.0+)?", text) else chinese_number(text)
    if count is not None and 1 <= count <= 100_000:
        return count
    raise ValueError("应为正整数（如 2 或 两）或「若干」，上限 100000")


_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 in Chinese numerals (两, 十二, 二十, 一百零五), or None."""
    if not text or len(text) > 10:
        return None
    total, digit = 0, None
    units = {"十": 10, "百": 100, "千": 1000}
    for char in text:
        if char in _DIGITS:
            if digit is not None and digit != 0:
                return None  # 二三: two digits without a unit between them
            digit = _DIGITS[char]
        elif char in units:
            total += (1 if digit is None else digit) * units[char]
            digit = None
        else:
            return None
    total += digit or 0
    return total or None


def _choices(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Company(BaseModel):
    """Company facts from --company FILE, flags or a sheet row. Every field is optional."""

    # defer_build: the validator is built when a company fact is first given, not on every `new`
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )

    name: str | None = Field(
        default=None,
        max_length=200,
        description="公司名称",
        validation_alias=_choices("name", "company", "公司", "公司名称", "名称", "企业名称", "用人单位"),
    )
    intro: str | None = Field(
        default=None,
        max_length=2000,
        description="公司介绍",
        validation_alias=_choices("intro", "介绍", "公司介绍", "简介", "公司简介", "about"),
    )
    benefits: list[str] = Field(
        default_factory=list,
        max_length=30,
        description="福利待遇",
        validation_alias=_choices("benefits", "福利", "福利待遇", "待遇"),
    )
    location: str | None = Field(
        default=None,
        max_length=200,
        description="工作地点",
        validation_alias=_choices(
            "location", "工作地点", "地点", "城市", "工作城市", "city", "base", "办公地点"
        ),
    )
    salary: str | None = Field(
        default=None,
        max_length=100,
        description="薪资",
        validation_alias=_choices(
            "salary", "薪资", "薪资范围", "薪酬", "薪酬范围", "月薪", "薪水", "工资", "薪资待遇"
        ),
    )
    headcount: int | str | None = Field(
        default=None,
        description="招聘人数",
        validation_alias=_choices("headcount", "招聘人数", "人数", "需求人数", "招聘名额"),
    )

    @field_validator("name", "intro", "location", "salary", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str | None:
        return as_text(value)

    @field_validator("headcount", mode="before")
    @classmethod
    def _count(cls, value: Any) -> int | str | None:
        return as_count(value)

    @field_validator("benefits", mode="before")
    @classmethod
    def _benefits(cls, value: Any) -> list[str]:
        if value is None:
            return []
        items = [value] if not isinstance(value, list | tuple) else list(value)
        texts = [as_text(item) for item in items]
        if not isinstance(value, list | tuple):
            return split_values(t for t in texts if t)
        return [t for t in texts if t]


class Row(Company):
    """One row of a batch sheet (or one item of a YAML/JSON list): what to write, and for whom."""

    role: str | None = Field(
        default=None,
        max_length=200,
        description="岗位",
        validation_alias=_choices("role", "岗位", "岗位类别", "岗位类型", "运营岗位"),
    )
    title: str | None = Field(
        default=None,
        max_length=100,
        description="职位名称",
        validation_alias=_choices("title", "职位名称", "职位", "岗位名称", "招聘岗位", "jobtitle", "职位名"),
    )
    level: str | None = Field(
        default=None,
        max_length=50,
        description="级别",
        validation_alias=_choices("level", "级别", "职级", "层级", "岗位级别", "职位级别"),
    )
    emphasis: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="侧重",
        validation_alias=_choices("emphasis", "侧重", "职责侧重", "侧重点", "重点", "重点方向", "工作重点"),
    )
    industry: str | None = Field(
        default=None, max_length=50, description="行业", validation_alias=_choices("industry", "行业")
    )

    # Said about the job in many sheets, but with no place in a JD: accepted, kept in the manifest's columns.
    department: str | None = Field(
        default=None,
        max_length=200,
        description="部门",
        validation_alias=_choices("department", "部门", "所属部门", "用人部门", "需求部门"),
    )
    reports_to: str | None = Field(
        default=None,
        max_length=200,
        description="汇报对象",
        validation_alias=_choices("reports_to", "汇报对象", "汇报给", "直属上级", "汇报上级"),
    )

    @field_validator("role", "title", "level", "industry", "department", "reports_to", mode="before")
    @classmethod
    def _row_text(cls, value: Any) -> str | None:
        return as_text(value)

    @field_validator("emphasis", mode="before")
    @classmethod
    def _emphasis(cls, value: Any) -> list[str]:
        items = value if isinstance(value, list | tuple) else [value]
        return split_values(t for t in (as_text(i) for i in items) if t)

    def company(self) -> Company:
        return Company.model_validate(self.model_dump(include=set(Company.model_fields), exclude_none=True))


# Columns HR sheets carry that say nothing about the JD itself: kept and passed through to the manifest.
KEPT_FIELDS = ("department", "reports_to")  # fields with no place in a JD: kept in the manifest as given
PASS_THROUGH = ("备注", "notes", "note", "remark", "负责人", "hr", "序号", "编号", "id")


def header_key(name: Any) -> str:
    """岗位 / Role / 岗位* / 薪资（元/月） / 招聘人数(必填) → the word people mean, normalised."""
    text = unicodedata.normalize("NFKC", shown(name, 60)).replace("\ufeff", "")
    text = re.sub(r"\(.*?\)|\*|:$", "", text)  # NFKC turned （） into (); notes like (必填) are not the name
    return re.sub(r"\s+", "", text).casefold()


def _field_index(model: type[BaseModel]) -> dict[str, str]:
    index: dict[str, str] = {}
    for field, info in model.model_fields.items():
        alias = info.validation_alias
        names = [field, *(alias.choices if isinstance(alias, AliasChoices) else [])]
        for name in names:
            index[header_key(name)] = field
    return index


@cache
def _fields(row: bool) -> dict[str, str]:
    """Header words → field, built when a file is first read (not on every `new`)."""
    return _field_index(Row if row else Company)


@cache
def labels() -> dict[str, str]:
    """Field → the Chinese label a message names it by."""
    return {f: (info.description or f) for f, info in Row.model_fields.items()}


def field_for(header: Any, *, row: bool = True) -> str | None:
    """The model field a header or key names, or None."""
    return _fields(row).get(header_key(header))


def split_fields(
    data: Mapping[Any, Any], where: str, *, row: bool = True
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(known fields by name, other columns by their header). A field given twice is an error."""
    known: dict[str, Any] = {}
    other: dict[str, Any] = {}
    for key, value in data.items():
        field = field_for(key, row=row)
        if field is None:
            other[shown(key, 60)] = value
            continue
        if field in known:
            raise UserError(f"{where}的「{labels().get(field, field)}」出现了两次，请只保留一个。")
        known[field] = value
    return known, other


def explain(exc: ValidationError, where: str) -> str:
    """One Chinese sentence for the first problem of a validation error."""
    err = exc.errors(include_url=False)[0]
    field = str(err["loc"][0]) if err["loc"] else ""
    label = labels().get(field, field)
    kind = err["type"]
    reasons = {
        "string_type": "应为文字",
        "list_type": "应为列表",
        "string_too_long": "内容太长",
        "too_long": "条目太多",
        "int_parsing": "应为正整数",
        "int_type": "应为正整数",
    }
    reason = reasons.get(kind) or str(err.get("msg", "格式不对")).removeprefix("Value error, ")
    limit = (err.get("ctx") or {}).get("max_length")
    if kind == "string_too_long" and limit is not None:
        reason = f"内容太长（{len(str(err.get('input', '')))} 个字符，上限 {limit} 个）"
    elif kind == "too_long" and limit is not None:
        reason = f"条目太多（上限 {limit} 条）"
    if kind == "extra_forbidden":
        known = "、".join(dict.fromkeys(labels()[f] for f in _fields(False).values()))
        return f"{where}里有不认识的字段「{shown(field)}」，可用的有：{known}（中英文均可）。"
    return f"{where}的「{label}」不正确：{reason}。"


def company_from(data: Mapping[Any, Any], where: str) -> Company:
    """A company file's mapping (any accepted key spelling) → Company, or one UserError."""
    if not data:
        return empty(Company)  # nothing given: nothing to validate
    known, other = split_fields(data, where, row=False)
    if other:
        known.update(other)  # unknown keys are refused by the model, with the known ones listed
    try:
        return Company.model_validate(known)
    except ValidationError as exc:
        raise UserError(explain(exc, where)) from None


def row_from(data: Mapping[Any, Any], where: str) -> tuple[Row, dict[str, Any]]:
    """A sheet row → (Row, other columns). Raises one UserError naming ``where``."""
    known, other = split_fields(data, where)
    try:
        return Row.model_validate(known), other
    except ValidationError as exc:
        raise UserError(explain(exc, where)) from None


def unrecognised(headers: list[Any]) -> list[str]:
    """Headers that are neither a field nor a known pass-through column, for one note on stderr."""
    return [shown(h, 30) for h in headers if field_for(h) is None and header_key(h) not in PASS_THROUGH and h]
