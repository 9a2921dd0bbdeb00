"""Pydantic models built from data that is already valid, without building or running a validator.

``model_construct`` builds one level; this builds a whole tree (nested models, lists, dicts and tuples of
them) from JSON-shaped data, each model's field converters worked out once. Used for the catalogue's shipped,
build-time-validated copy (catalog/built.py) and for empty input models on the hot path.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def empty(model: type[M]) -> M:
    """A model with every field at its default (an empty Company on every `new`), built the fast way."""
    return typing.cast(M, construct(model, {}))


def construct(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """``model`` built from already valid ``data`` (nested models, lists, dicts and tuples of them included),
    as ``model_construct`` builds one level: the fields given, then the defaults."""
    return _plan(model)(data)


Convert = Callable[[Any], Any] | None  # None: the value is used as it is (text, numbers, plain lists)


@cache
def _plan(model: type[BaseModel]) -> Callable[[dict[str, Any]], Any]:
    """One builder per model, its field converters worked out once (the catalogue has ~1,000 entries)."""
    fields = [(name, f.alias or name, _converter(f.annotation)) for name, f in model.model_fields.items()]
    # Our defaults are values or argument-less factories (list, dict, a model): called directly, since
    # pydantic's get_default inspects each factory's signature first (milliseconds on a cold start).
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
                factory = field.default_factory
                values[name] = factory() if factory is not None else copy.copy(field.default)  # type: ignore[call-arg]
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
