"""`batch --resume`: what an earlier run into the same folder wrote, read back from its manifest, and which of
those files are still there, byte for byte as written (SHA-256), so that they are kept and never touched."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputFileError, UserError
from ..files.reader import read_bytes
from .manifest import MANIFEST_JSON

MAX_MANIFEST = 64 * 1024 * 1024
MAX_FILE = 256 * 1024 * 1024  # a file of ours is far smaller; a larger one was not written by us


@dataclass
class Previous:
    """An earlier run's manifest, reduced to what resuming needs."""

    seed: int | None = None
    runs: list[dict[str, Any]] = field(default_factory=list)
    hashes: dict[int, dict[str, str]] = field(default_factory=dict)  # row → file name → SHA-256


def read_previous(outdir: Path) -> Previous | None:
    """The manifest in ``outdir``, or None when there is none (then --resume is an ordinary first run)."""
    path = outdir / MANIFEST_JSON
    if not os.path.lexists(path):
        return None
    broken = UserError(
        f"无法续写：「{path}」不是 jdwriter 写的清单或已损坏；请换一个输出目录，或删掉它后不带 --resume 重新运行。"
    )
    try:
        data = json.loads(read_bytes(path, "清单文件", MAX_MANIFEST).decode("utf-8"))
    except (InputFileError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise broken from None
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise broken
    seed = data.get("seed")
    runs = (
        [r for r in data.get("runs", []) if isinstance(r, dict)] if isinstance(data.get("runs"), list) else []
    )
    previous = Previous(seed if isinstance(seed, int) and not isinstance(seed, bool) else None, runs)
    for row in data["rows"]:
        if not isinstance(row, dict) or not isinstance(row.get("row"), int):
            continue
        hashes = row.get("sha256")
        if isinstance(hashes, dict):
            previous.hashes[row["row"]] = {
                name: value
                for name, value in hashes.items()
                if isinstance(name, str) and isinstance(value, str) and _plain_name(name)
            }
    return previous


def _plain_name(name: str) -> bool:
    """Only a plain file name in the folder itself is ever looked at, whatever a manifest says."""
    return bool(name) and name == Path(name).name and name not in (".", "..") and not name.startswith(".")


def unchanged(path: Path, expected: str) -> bool:
    """Whether ``path`` is a regular file (not a link) whose bytes have the SHA-256 ``expected``."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE:
            return False
        sha = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                sha.update(block)
    except OSError:
        return False
    return sha.hexdigest() == expected
