"""Loading check's data files (data/check_rules.yaml, data/check_layout.yaml): parsed once with the safe C
loader, validated by a pydantic model with ``extra="forbid"``, and any problem turned into one Chinese line
with file:line and the key path, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import UserError

Model = TypeVar("Model", bound=BaseModel)

_REASONS = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为键值映射",
    "model_type": "应为键值映射",
    "literal_error": "取值不在允许的范围内",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
    "too_short": "条目太少",
    "too_long": "条目太多",
}


def load(path: Path, model: type[Model]) -> Model:
    """The data file at ``path`` validated by ``model``; UserError (exit 2) naming file:line:key for a bad file."""
    from ..files.reader import read_text
    from ..files.yamlio import parse_yaml

    what = "规则文件"
    data = parse_yaml(read_text(path, what), str(path), what)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise UserError(explain(exc, path)) from None


def explain(exc: ValidationError, path: Path) -> str:
    """The first problem of a validation error as 规则文件「file:line」key.path：reason."""
    from ..files.yamlio import Locator

    err = exc.errors(include_url=False)[0]
    loc: tuple[Any, ...] = tuple(err["loc"])
    line = Locator(path).line(loc)
    where = f"{path}:{line}" if line else str(path)
    key = ".".join(str(p) for p in loc) or "（顶层）"
    reason = _REASONS.get(err["type"]) or str(err.get("msg", "格式不对")).removeprefix("Value error, ")
    count = exc.error_count()
    more = f"（另有 {count - 1} 处问题）" if count > 1 else ""
    return f"规则文件「{where}」{key}：{reason}{more}。"
