"""Property tests: whatever comes in, the core either succeeds or raises the project's own error type."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from jdwriter.catalog import model as catalog_module
from jdwriter.catalog.model import load_catalog
from jdwriter.errors import JdwriterError
from jdwriter.resolve.names import resolve_emphasis
from jdwriter.resolve.roles import resolve_role

from . import fuzz

ROLEISH = "用户运营经理高级资深社群私域数据电商工程师（）-/ 总监实习生AbC1"


def roleish(rng: Any, most: int) -> str:
    return fuzz.one_of(rng, lambda r: fuzz.text(r, most), lambda r: fuzz.text(r, 30, ROLEISH))


def test_resolve_role_never_crashes(catalog):
    for text in fuzz.examples("resolve_role", lambda r: roleish(r, 200), 300):
        try:
            match = resolve_role(text, catalog)
        except JdwriterError:
            continue
        assert match.role in catalog.role_by_id, text
        assert match.level is None or match.level in catalog.level_by_id, text


def test_resolve_emphasis_never_crashes(catalog):
    draw = lambda r: [roleish(r, 40) for _ in range(fuzz.size(r, 4))]  # noqa: E731
    for values in fuzz.examples("resolve_emphasis", draw, 200):
        try:
            found = resolve_emphasis(values, catalog)
        except JdwriterError:
            continue
        assert all(d in catalog.duty_by_id for d in found), values


KEYS = [
    "roles",
    "duties",
    "levels",
    "industries",
    "placeholders",
    "id",
    "name",
    "lines",
    "main",
    "summary",
    "requirements",
    "version",
    "x",
]


_real_read = catalog_module.read_catalog_data


@functools.cache
def _builtin_data(path: Path) -> Any:
    return _real_read(path)


def _read_builtin_once(path: Path) -> Any:
    """The built-in files parse the same every time (0.3 s each with the pure-Python loader): parse them once
    and hand out deep copies; the extension under test is read the real way every time."""
    if path in catalog_module.builtin_catalog_paths():
        return copy.deepcopy(_builtin_data(path))
    return _real_read(path)


def test_catalogue_loader_accepts_or_explains(tmp_path):
    # each example validates and merges the whole built-in catalogue (~20 ms)
    with mock.patch.object(catalog_module, "read_catalog_data", _read_builtin_once):
        docs = fuzz.examples("catalogue_loader", lambda r: fuzz.nested(r, KEYS), 60)
        for number, doc in enumerate(docs):
            path = (
                tmp_path / f"ext{number}.yaml"
            )  # a new file each time: nothing keyed on the path goes stale
            path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
            try:
                load_catalog([path])
            except JdwriterError as exc:
                assert exc.message, doc


HEADER_KEYS = [
    "岗位",
    "role",
    "级别",
    "level",
    "侧重",
    "emphasis",
    "行业",
    "industry",
    "职位名称",
    "title",
    "工作地点",
    "location",
    "薪资",
    "salary",
    "招聘人数",
    "headcount",
    "公司",
    "company",
]


def cell(rng: Any) -> Any:
    return fuzz.one_of(
        rng,
        fuzz.scalar,
        lambda r: fuzz.text(r, 30),
        lambda r: [fuzz.text(r, 5) for _ in range(fuzz.size(r, 3))],
    )


def row(rng: Any) -> dict[Any, Any]:
    keys = [fuzz.one_of(rng, lambda r: r.choice(HEADER_KEYS), lambda r: fuzz.text(r, 8), fuzz.integer)]
    keys += [
        rng.choice(HEADER_KEYS) if rng.random() < 0.7 else fuzz.text(rng, 8) for _ in range(fuzz.size(rng, 7))
    ]
    return {key: cell(rng) for key in keys}


def test_batch_row_parser_accepts_or_explains(catalog):
    from jdwriter.api import make_request
    from jdwriter.batch.run import parse_row

    for values in fuzz.examples("batch_row", row, 300):
        try:
            kwargs = parse_row(values, "第 2 行")
            make_request(catalog, **kwargs)
        except JdwriterError as exc:
            assert exc.message, values
