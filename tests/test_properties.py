"""Property tests: whatever comes in, the core either succeeds or raises the project's own error type."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from jdwriter.catalog import load_catalog
from jdwriter.errors import JdwriterError
from jdwriter.resolve import resolve_emphasis, resolve_role

ROLEISH = st.text(alphabet=st.sampled_from(list("用户运营经理高级资深社群私域数据电商工程师（）-/ 总监实习生AbC1")), max_size=30)


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
        st.dictionaries(st.sampled_from(["roles", "duties", "levels", "industries", "placeholders", "id", "name",
                                         "lines", "main", "summary", "requirements", "version", "x"]), inner, max_size=5),
    ),
    max_leaves=20,
)


@given(DOCS)
def test_catalogue_loader_accepts_or_explains(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("cat") / "ext.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        load_catalog([path])
    except JdwriterError as exc:
        assert exc.message
