"""Company facts for a JD: from --company FILE (YAML or JSON, any accepted key spelling), overridden by
--company-name/--location/… flags. Validation is the input layer's (inputs.Company)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputFileError, UserError
from .inputs import Company, company_from, explain, shown
from .yamlio import read_yaml

MAX_BYTES = 5 * 1024 * 1024


def load_company(
    path: Path | None,
    *,
    name: str | None = None,
    location: str | None = None,
    salary: str | None = None,
    headcount: str | int | None = None,
) -> Company:
    """Merge the company file (if any) with the flags; flags win. Empty strings mean "not given"."""
    base: dict[str, Any] = {}
    if path is not None:
        data = read_yaml(path, what="公司信息文件")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            kind = "列表" if isinstance(data, list) else "单个值"
            raise InputFileError(f"公司信息文件「{path}」应是键值映射（如 name: 示例科技），而不是{kind}。")
        base = company_from(data, f"公司信息文件「{path}」").model_dump(exclude_none=True)
    flags = {"name": name, "location": location, "salary": salary, "headcount": headcount}
    for key, value in flags.items():
        if isinstance(value, str):
            value = value.strip() or None
        if value is not None:
            base[key] = _flag(key, value)
    return company_from(base, "公司信息")


FLAGS = {"name": "--company-name", "location": "--location", "salary": "--salary", "headcount": "--headcount"}


def _flag(key: str, value: str | int) -> Any:
    """One flag's value, checked alone, so a problem names the flag (--headcount), not 公司信息."""
    return check_field(key, value, FLAGS[key])


def check_field(key: str, value: str | int, where: str) -> Any:
    """One company field (name, location, salary, headcount) checked alone, as flags and the wizard's
    answers are: 两个 → 2. Raises one UserError naming ``where`` and the value."""
    try:
        checked = Company.model_validate({key: value})
    except ValidationError as exc:
        reason = explain(exc, "").split("不正确：", 1)[-1]
        raise UserError(f"{where}「{shown(value)}」不正确：{reason}") from None
    return getattr(checked, key)
