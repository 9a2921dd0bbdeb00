"""The built-in catalogue without re-validation: the wheel's pre-parsed copy of data/*.yaml (whose SHA-256
matches the YAML beside it) is turned into the catalogue's models directly, field by field, as
``Model.model_construct`` does for one level. The YAML was validated by the test suite before the wheel was
built (tests/test_catalog.py); a source checkout, a stale copy and every user file are validated as always.

This is what keeps `jdwriter new` near the Typer+Rich floor: no validator is built or run on the hot path.
``tests/test_catalog.py`` holds the constructed catalogue equal to the validated one.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, Union

from pydantic import BaseModel, ValidationError

from ..errors import CatalogError

M = TypeVar("M", bound=BaseModel)
_TRUST = [True]


def trust_shipped(on: bool) -> None:
    """`catalog check` turns trust off: then the built-in files are validated too, shipped copy or not."""
    _TRUST[0] = on


def trusting() -> bool:
    return _TRUST[0]


def shipped(path: Path, what: str) -> dict[str, Any] | None:
    """The wheel's pre-parsed copy of a built-in file when it may be trusted; None: read and validate."""
    from ..files.yamlio import read_shipped

    data = read_shipped(path, what) if _TRUST[0] else None
    return data if isinstance(data, dict) else None


def load_builtin(model: type[M], path: Path, what: str) -> M:
    """A built-in data file as ``model``: constructed from the trusted shipped copy, else read and validated
    (a broken file gives file:line:key-path, not a traceback)."""
    from ..files.yamlio import read_data
    from .messages import validation_problems

    data = shipped(path, what)
    if data is not None:
        return typing.cast(M, construct(model, data))
    try:
        return model.model_validate(read_data(path, what) or {})
    except ValidationError as exc:
        raise CatalogError(validation_problems(path, exc)) from None


def construct(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """``model`` built from already valid ``data`` (nested models, lists, dicts and tuples of them included),
    as ``model_construct`` builds one level: the fields given, then the defaults."""
    return _plan(model)(data)


Convert = Callable[[Any], Any] | None  # None: the value is used as it is (text, numbers, plain lists)


@cache
def _plan(model: type[BaseModel]) -> Callable[[dict[str, Any]], Any]:
    """One builder per model, its field converters worked out once (the catalogue has ~1,000 entries)."""
    fields = [(name, f.alias or name, _converter(f.annotation)) for name, f in model.model_fields.items()]
    defaults = {n: f for n, f in model.model_fields.items() if not f.is_required()}

    def build(data: dict[str, Any]) -> Any:
        values: dict[str, Any] = {}
        for name, key, convert in fields:
            if key in data:
                value = data[key]
                values[name] = value if convert is None or value is None else convert(value)
        given = set(values)
        for name, field in defaults.items():
            if name not in values:
                values[name] = field.get_default(call_default_factory=True, validated_data=values)
        instance = model.__new__(model)
        object.__setattr__(instance, "__dict__", values)
        object.__setattr__(instance, "__pydantic_fields_set__", given)
        object.__setattr__(instance, "__pydantic_extra__", None)
        object.__setattr__(instance, "__pydantic_private__", None)
        return instance

    return build


def _converter(annotation: Any) -> Convert:
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _plan(annotation)
    if origin in (Union, types.UnionType):
        return _union([a for a in typing.get_args(annotation) if a is not type(None)])
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        inner = _converter(item)
        if inner is None:
            return None
        each: Callable[[Any], Any] = inner
        return lambda v: [each(x) for x in v]
    if origin is dict:
        key, item = typing.get_args(annotation) or (Any, Any)
        inner = _converter(item)
        if key is int:  # JSON keys are text: the anchors' 1, 3, 5 come back as "1", "3", "5"
            return lambda v: {int(k): x if inner is None else inner(x) for k, x in v.items()}
        if inner is None:
            return None
        value_of: Callable[[Any], Any] = inner
        return lambda v: {k: value_of(x) for k, x in v.items()}
    if origin is tuple:  # JSON has no tuples: (word, level) pairs arrive as lists
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            one = _converter(args[0])
            return lambda v: tuple(x if one is None else one(x) for x in v)
        parts = [_converter(a) for a in args]
        return lambda v: tuple(x if c is None else c(x) for c, x in zip(parts, v, strict=True))
    return None


def _union(options: list[Any]) -> Convert:
    """A value of a union is converted by the option its JSON shape fits (a dict, a list, or as it is)."""
    by_shape: dict[type, Convert] = {}
    for option in options:
        origin = typing.get_origin(option)
        if isinstance(option, type) and issubclass(option, BaseModel):
            by_shape.setdefault(dict, _converter(option))
        elif origin is dict:
            by_shape.setdefault(dict, _converter(option))
        elif origin in (list, tuple):
            by_shape.setdefault(list, _converter(option))
    if not any(by_shape.values()):
        return None

    def convert(value: Any) -> Any:
        inner = by_shape.get(type(value))
        return value if inner is None else inner(value)

    return convert
