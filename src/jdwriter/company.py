"""Company facts for a JD: from --company FILE.yaml, overridden by --company-name/--location/… flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputFileError, UserError
from .models import Company
from .yamlio import read_yaml

# People write company files in Chinese too.
KEYS = {
    "name": "name", "公司": "name", "公司名称": "name", "名称": "name",
    "intro": "intro", "介绍": "intro", "公司介绍": "intro", "简介": "intro",
    "benefits": "benefits", "福利": "benefits", "福利待遇": "benefits",
    "location": "location", "工作地点": "location", "地点": "location",
    "salary": "salary", "薪资": "salary", "薪资范围": "salary",
    "headcount": "headcount", "招聘人数": "headcount", "人数": "headcount",
}
LABELS = {"name": "公司名称", "intro": "公司介绍", "benefits": "福利待遇", "location": "工作地点", "salary": "薪资", "headcount": "招聘人数"}


def company_from_mapping(data: dict[Any, Any], source: str) -> Company:
    fields: dict[str, Any] = {}
    for key, value in data.items():
        field = KEYS.get(str(key).strip())
        if field is None:
            known = "、".join(sorted(set(KEYS) - set(LABELS)) + list(LABELS))
            raise UserError(f"{source}里有不认识的字段「{key}」，可用的有：{known}。")
        if field == "benefits" and isinstance(value, str):
            value = [v.strip() for v in value.replace("，", ",").replace("、", ",").split(",") if v.strip()]
        fields[field] = value
    try:
        return Company.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        raise UserError(f"{source}的「{LABELS.get(field, field)}」不正确：{_reason(err['type'])}。") from None


def _reason(kind: str) -> str:
    return {
        "string_type": "应为文字",
        "int_parsing": "应为正整数",
        "int_type": "应为正整数",
        "list_type": "应为列表",
        "greater_than_equal": "应为正整数",
        "less_than_equal": "数值太大",
        "string_too_long": "内容太长",
        "too_long": "条目太多",
    }.get(kind, "格式不对")


def load_company(
    path: Path | None,
    *,
    name: str | None = None,
    location: str | None = None,
    salary: str | None = None,
    headcount: int | None = None,
) -> Company:
    """Merge the company file (if any) with the flags; flags win. Empty strings mean "not given"."""
    base: dict[str, Any] = {}
    if path is not None:
        data = read_yaml(path, what="公司信息文件")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InputFileError(f"公司信息文件「{path}」应是键值映射（如 name: 示例科技），而不是{_kind(data)}。")
        base = company_from_mapping(data, f"公司信息文件「{path}」").model_dump()
    flags = {"name": name, "location": location, "salary": salary, "headcount": headcount}
    for key, value in flags.items():
        if isinstance(value, str):
            value = value.strip() or None
        if value is not None:
            base[key] = value
    return company_from_mapping(base, "公司信息")


def _kind(data: Any) -> str:
    return "列表" if isinstance(data, list) else "单个值"
