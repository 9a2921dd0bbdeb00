"""The built-in catalogue without re-validation: the wheel's copy of each data/*.yaml (validated and dumped
by its model when the wheel was built, hatch_build.py; used only when its SHA-256 matches the YAML beside
it) is turned into the models directly (jdwriter/construct.py). A source checkout, a stale copy, every user
file and `catalog check` are validated as always.

This is what keeps `jdwriter new` near the Typer+Rich floor: no validator is built or run on the hot path.
``tests/test_catalog.py`` holds the constructed catalogue equal to the validated one.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..construct import construct
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
