"""The duty catalogue: loading, merging and validation; the public face of catalog/.

data/duties.yaml (and any user extension given with --catalog) is read once, merged by id and validated
as a whole. Every problem is reported with the file, the key path and, where YAML gives it, the line.
The models live in entries.py, the cross-reference checks in references.py and the Chinese validation
messages in messages.py; the names people import are re-exported here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import CatalogError
from ..files.yamlio import read_data
from .built import trusting
from .entries import (
    BANDS,
    LEVEL_IDS,
    PLACEHOLDER,
    SECTIONS,
    BandId,
    BandLines,
    CatalogFile,
    Direction,
    DomainNote,
    Duty,
    Industry,
    Level,
    LevelId,
    LevelLines,
    Model,
    Named,
    Practice,
    Role,
    Slot,
    ToolKind,
)
from .merged import Catalog
from .messages import describe, validation_problems
from .references import check_references

__all__ = [
    "BANDS",
    "LEVEL_IDS",
    "PLACEHOLDER",
    "SECTIONS",
    "BandId",
    "BandLines",
    "Catalog",
    "CatalogFile",
    "Direction",
    "DomainNote",
    "Duty",
    "Industry",
    "Level",
    "LevelId",
    "LevelLines",
    "Model",
    "Named",
    "Practice",
    "Role",
    "Slot",
    "ToolKind",
    "builtin_catalog_path",
    "builtin_catalog_paths",
    "catalog_schema",
    "check_references",
    "load_catalog",
    "read_catalog_data",
    "validation_problems",
]


def builtin_catalog_path() -> Path:
    from ..resources import data_dir

    return data_dir() / "duties.yaml"


def builtin_catalog_paths() -> list[Path]:
    """duties.yaml (levels, industries, duty blocks, roles), directions.yaml (market directions) and
    domain_notes.yaml (lines written for a domain of the title lexicon)."""
    main = builtin_catalog_path()
    others = [main.with_name(x) for x in ("directions.yaml", "domain_notes.yaml")]
    return [main, *(p for p in others if p.is_file())]


def read_catalog_data(path: Path) -> Any:
    """The parsed YAML (through the pre-parsed copy a wheel ships beside it, when its hash matches)."""
    return read_data(path, "目录文件")


def load_catalog(extra: list[Path] | None = None, *, builtin: bool = True) -> Catalog:
    """Load the built-in catalogue, merge the extensions in order (same id replaces) and validate."""
    paths = (builtin_catalog_paths() if builtin else []) + list(extra or [])
    merged: dict[str, dict[str, tuple[Any, str, tuple[Any, ...]]]] = {s: {} for s in SECTIONS}
    placeholders: dict[str, str] = {}
    practices: dict[str, Practice] = {}
    slots: dict[str, Slot] = {}
    tool_kinds: dict[str, ToolKind] = {}
    problems: list[str] = []
    origins: dict[tuple[str, str], tuple[Path, tuple[Any, ...]]] = {}
    builtins = builtin_catalog_paths() if builtin else []
    trusted = bool(paths)  # every part is the wheel's pre-parsed built-in copy: nothing to re-check
    for path in paths:
        try:
            part, shipped = (
                _builtin_part(path, *_stamp(path), trusting()) if path in builtins else (_part(path), False)
            )
        except ValidationError as exc:
            problems += validation_problems(path, exc)
            continue
        trusted = trusted and shipped
        placeholders.update(part.placeholders)
        practices.update(part.practices)
        slots.update(part.slots)
        tool_kinds.update(part.tool_kinds)
        for section in SECTIONS:
            seen: set[str] = set()
            for index, entry in enumerate(getattr(part, section)):
                if entry.id in seen:
                    problems.append(
                        describe(path, (section, index, "id"), f"id「{entry.id}」在本文件中重复出现", None)
                    )
                seen.add(entry.id)
                merged[section][entry.id] = (entry, str(path), (section, index))
                origins[(section, entry.id)] = (path, (section, index))
    if problems:
        raise CatalogError(problems)
    fields: dict[str, Any] = {
        "placeholders": placeholders,
        "practices": practices,
        "slots": slots,
        "tool_kinds": tool_kinds,
        "sources": [str(p) for p in paths],
        **{s: [entry for entry, _, _ in merged[s].values()] for s in SECTIONS},
    }
    if trusted:  # the shipped built-in catalogue, whose references the test suite checked
        return Catalog.model_construct(**fields)
    catalog = Catalog(**fields)
    problems = []
    for key, tail, msg in check_references(catalog):
        path, loc = origins.get(key, (paths[0], (key[0],)))
        problems.append(describe(path, loc + tail, msg, None))
    if problems:
        raise CatalogError(problems)
    return catalog


def _part(path: Path) -> CatalogFile:
    data = read_catalog_data(path)
    return CatalogFile.model_validate({} if data is None else data)


@lru_cache(maxsize=8)
def _builtin_part(path: Path, mtime_ns: int, size: int, trust: bool) -> tuple[CatalogFile, bool]:
    """A built-in file, read once per process (models are frozen, so catalogues share them), and whether it
    came from the wheel's pre-parsed copy, which is constructed without re-validation (built.py); in a source
    checkout it is validated like every extension, which is read and validated on each load."""
    from ..construct import construct
    from .built import shipped

    data = shipped(path, "目录文件") if trust else None
    if data is not None:
        return construct(CatalogFile, data), True
    return _part(path), False


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return 0, 0  # read_catalog_data then says what is wrong with the file
    return info.st_mtime_ns, info.st_size


def catalog_schema() -> dict[str, Any]:
    """JSON Schema of a catalogue file, for editors' YAML language servers."""
    schema = CatalogFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "jdwriter 职责目录"
    return schema
