"""Validation errors in Chinese: one line per problem, with file:line and the key path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..files.yamlio import Locator
from .entries import LEVEL_IDS

_PYDANTIC_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "list_type": "应为列表",
    "dict_type": "应为键值映射",
    "model_type": "应为键值映射",
    "literal_error": f"应为级别 id 之一：{'、'.join(LEVEL_IDS)}",
    "string_pattern_mismatch": "id 只能用小写英文字母、数字和下划线，并以字母开头",
    "string_too_short": "不能为空",
    "too_short": "条目太少",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
}


def validation_problems(path: Path, exc: ValidationError) -> list[str]:
    """Every problem of a validation error, one Chinese line each with file:line and key path."""
    return [describe(path, tuple(err["loc"]), err["msg"], err["type"]) for err in exc.errors()]


def describe(path: Path, loc: tuple[Any, ...], msg: str, kind: str | None) -> str:
    """One Chinese line: file:line, key path, what is wrong."""
    line = Locator(path).line(loc)
    where = f"{path}:{line}" if line else str(path)
    key = ".".join(str(p) for p in loc) or "(顶层)"
    text = _PYDANTIC_MESSAGES.get(kind or "", msg)
    if kind and kind not in _PYDANTIC_MESSAGES:
        text = msg.removeprefix("Value error, ")
    return f"{where}：{key}：{text}"
