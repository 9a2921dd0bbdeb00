"""Where the shipped data and templates live.

In a wheel they sit inside the package (jdwriter/data, jdwriter/templates); in a source checkout or an
editable install they are the top-level data/ and templates/ folders of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"jdwriter 安装不完整：找不到 {name} 目录")  # a packaging bug, not user input


def data_dir() -> Path:
    return _find("data")


def templates_dir() -> Path:
    return _find("templates")
