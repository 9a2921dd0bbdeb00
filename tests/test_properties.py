"""Property tests: whatever comes in, the core either succeeds or raises the project's own error type."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jdwriter import catalog as catalog_module
from jdwriter.catalog import load_catalog
from jdwriter.errors import JdwriterError
from jdwriter.resolve import resolve_emphasis, resolve_role

ROLEISH = st.text(
    alphabet=st.sampled_from(list("用户运营经理高级资深社群私域数据电商工程师（）-/ 总监实习生AbC1")),
    max_size=30,
)


@given(st.one_of(st.text(max_size=200), ROLEISH))
def test_resolve_role_never_crashes(catalog, text):
    try:
        match = resolve_role(text, catalog)
    except JdwriterError:
        return
    assert match.role in catalog.role_by_id
    assert match.level is None or match.level in catalog.level_by_id


@given(st.lists(st.one_of(st.text(max_size=40), ROLEISH), max_size=4))
def test_resolve_emphasis_never_crashes(catalog, values):
    try:
        found = resolve_emphasis(values, catalog)
    except JdwriterError:
        return
    assert all(d in catalog.duty_by_id for d in found)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
DOCS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
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
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


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


@settings(max_examples=60)  # each example validates and merges the whole built-in catalogue (~50 ms)
@given(DOCS)
def test_catalogue_loader_accepts_or_explains(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("cat") / "ext.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with mock.patch.object(catalog_module, "read_catalog_data", _read_builtin_once):
        try:
            load_catalog([path])
        except JdwriterError as exc:
            assert exc.message


HEADER_KEYS = st.sampled_from(
    [
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
)
CELLS = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=3),
)


@given(st.dictionaries(st.one_of(HEADER_KEYS, st.text(max_size=8), st.integers()), CELLS, max_size=8))
def test_batch_row_parser_accepts_or_explains(catalog, row):
    from jdwriter.api import make_request
    from jdwriter.batch import parse_row

    try:
        kwargs = parse_row(row, "第 2 行")
        make_request(catalog, **kwargs)
    except JdwriterError as exc:
        assert exc.message
