"""Tests that go red when a named safeguard is removed or changed: each docstring says which line of the
source it guards. They were written by applying each mutation by hand and checking that the test fails
(the EOFError handler in cli/common.py `handled` is guarded by tests/test_wizard.py's
test_end_of_input_leaves_cleanly)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from jdwriter.catalog.model import load_catalog
from jdwriter.check.engine import check_text
from jdwriter.cli import app
from jdwriter.compose.bonus import within_reach
from jdwriter.compose.writer import compose
from jdwriter.errors import CatalogError
from jdwriter.models import Request

FIXTURES = Path(__file__).parent / "fixtures"


# --- catalog.check_references: a role that lists one duty block twice ------------------------------------


def _role(duties: str) -> str:
    return f"""
roles:
  - id: twice_ops
    name: 重复测试运营
    summary: 测试。
    duties: [{duties}]
    requirements: [熟悉测试]
"""


def test_a_role_listing_a_duty_block_twice_is_refused(tmp_path):
    """Guards the duplicate-duty-in-role check in catalog.check_references (``len(set(role.duties))``)."""
    ext = tmp_path / "ext.yaml"
    ext.write_text(_role("growth, retention, growth"), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([FIXTURES / "mini.yaml", ext], builtin=False)
    assert "twice_ops 的职责块有重复" in str(caught.value)
    ext.write_text(_role("growth, retention, analysis"), encoding="utf-8")
    assert load_catalog([FIXTURES / "mini.yaml", ext], builtin=False).role_by_id["twice_ops"]


# --- batch._no_formula: the manifest CSV never holds a formula -------------------------------------------


def test_manifest_csv_quotes_every_cell_excel_would_run(runner, tmp_path):
    """Guards batch._no_formula: a cell starting with = + - @ gets a leading ' in manifest.csv (Excel would run
    it as a formula), in the sheet's own columns and their headers; manifest.json keeps the text as typed."""
    typed = ["=1+1", "+86 138", "-5", "@SUM(A1)", "普通备注"]
    sheet = tmp_path / "jobs.csv"
    lines = ["岗位,备注,=H"] + [f"用户运营,{value},x" for value in typed]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(sheet), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["备注", "'=H"]
    assert [row[-2] for row in body] == ["'=1+1", "'+86 138", "'-5", "'@SUM(A1)", "普通备注"]
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [row["columns"]["备注"] for row in data["rows"]] == typed


# --- JDWRITER_CATALOG: an extension given only through the environment --------------------------------

PET = """
roles:
  - id: pet_ops
    name: 宠物社区运营
    summary: 把宠物主人聚成一个彼此信任的社区。
    duties: [data_reporting, data_analysis, market_research]
    requirements: [熟悉主流宠物社区的玩法]
"""


def test_jdwriter_catalog_alone_reaches_list_and_batch(runner, tmp_path, monkeypatch):
    """Guards JDWRITER_CATALOG in cli/common.catalog_paths and its callers (list, batch; `new` is in
    test_extend.py): the extension is named only in the environment, never with --catalog."""
    ext = tmp_path / "pet.yaml"
    ext.write_text(PET, encoding="utf-8")
    other = tmp_path / "empty.yaml"
    other.write_text("version: 1\n", encoding="utf-8")
    monkeypatch.setenv("JDWRITER_CATALOG", os.pathsep.join([str(other), str(ext)]))
    listed = runner.invoke(app, ["list", "roles", "--json"])
    assert listed.exit_code == 0, listed.output
    assert "pet_ops" in [r["id"] for r in json.loads(listed.stdout)]
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n宠物社区运营\n", encoding="utf-8-sig")
    result = runner.invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "out"), "-f", "json"])
    assert result.exit_code == 0, result.output
    made = json.loads(next((tmp_path / "out").glob("*宠物社区运营*.json")).read_text(encoding="utf-8"))
    assert made["role"]["id"] == "pet_ops"


# --- check: the near-duplicate threshold (data/check_layout.yaml limits.near_duplicate = 0.8) ------------


def _words(n: int) -> list[str]:
    return [f"w{i:02d}" for i in range(n)]


def _duplicates(a: list[str], b: list[str]) -> list[str]:
    """The duplicate findings of a JD whose duties are a, b and one unrelated item. Latin words separated by
    slashes are one token each (the slashes are punctuation, not words), so the overlap is exact."""
    duties = ["/".join(a), "/".join(b), "策划社群活动并复盘"]
    text = "# 社群运营\n\n## 岗位职责\n" + "".join(f"{i}. {d}\n" for i, d in enumerate(duties, 1))
    text += "\n## 任职要求\n1. 熟悉社群运营\n2. 会用 Excel\n3. 表达清楚\n"
    return [f.message for f in check_text(text).findings if f.rule == "duplicate"]


def test_near_duplicate_threshold_is_80_percent():
    """Guards the near-duplicate threshold (limits.near_duplicate: 0.8, compared with >= in
    check._duplicates): items sharing 80% of their words and word pairs are flagged, 79% and 60% are not.
    Changing one middle word of n words shares 2n-4 of 2n+2 features: n=14 gives 24/30 = 80%, n=13 gives
    22/28 ≈ 79%; changing the middle word of 8 and adding a ninth shares 12 of 20 = 60%."""
    a = _words(14)
    assert _duplicates(a, [*a[:7], "x", *a[8:]]) == ["这一条与第 4 行几乎相同（重合 80%）。"]
    b = _words(13)
    assert _duplicates(b, [*b[:6], "x", *b[7:]]) == []
    c = _words(8)
    assert _duplicates(c, [*c[:4], "x", *c[5:], "y"]) == []
    assert _duplicates(c, c) == ["这一条与第 4 行相同。"]


# --- compose: the order of bonus items -------------------------------------------------------------------


def test_bonus_order_direction_then_industry_then_the_role(catalog):
    """Guards the order in compose's bonus(): the direction's items first (at most two), then the industry's
    first among the rest, then the role's and its blocks'. Without a direction the industry leads."""
    direction = catalog.direction_by_id["live_streaming"] if hasattr(catalog, "direction_by_id") else None
    direction = direction or next(d for d in catalog.directions if d.id == "live_streaming")
    role = catalog.role_by_id[direction.roles[0]]
    for industry in catalog.industries:
        first = industry.bonus[0]
        assert "{" not in first and all("{" not in x for x in direction.bonus[:2])
        for level in ("specialist", "manager"):
            with_direction = compose(
                Request(role=role.id, level=level, directions=(direction.id,), industry=industry.id), catalog
            ).section("bonus")
            assert with_direction is not None
            own = catalog.level_by_id[level].bonus  # the level's own line closes the list (test_fit.py)
            rest = [x for x in with_direction.items if x not in own]
            rank = catalog.level_rank(level)
            reach = [x for x in direction.bonus if within_reach(catalog, x, rank)]
            assert rest == [*reach[:2], first][: len(rest)], (industry.id, level)
            plain = compose(Request(role=role.id, level=level, industry=industry.id), catalog).section(
                "bonus"
            )
            assert plain is not None
            # the role's first line within the level's reach (no 总监 is asked for a 专员's achievement)
            mine = [x for x in role.bonus if within_reach(catalog, x, rank)][:1]
            assert plain.items[0] == first and set(mine) <= set(plain.items[1:]), (industry.id, level)


def test_a_director_is_not_given_a_bonus_a_specialist_could_reach(catalog):
    """直播运营总监 (round 29) was offered 把一个新直播间做到稳定日播: no 经理 or 总监 bonus is one account, store or
    room brought to a number."""
    for direction in catalog.directions:
        for level in ("manager", "director"):
            jd = compose(Request(role=direction.roles[0], level=level, directions=(direction.id,)), catalog)
            bonus = jd.section("bonus")
            low = [x for x in (bonus.items if bonus else []) if x.startswith(("把一个", "把一家", "做过"))]
            assert low == [], (direction.id, level, low)
