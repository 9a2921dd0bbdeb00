"""A plain role title gets the role's own work, not the stock line of a neighbouring function: user and community
operations do not collect and route product feedback, e-commerce operations do not answer complaint tickets or
write SQL path analyses, and the competitor line names no prices and policies a game or a creator programme does
not have (rounds 40–43 marked each of these OFF several times)."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose


def _duties(catalog, title: str) -> list[str]:
    section = compose(make_request(catalog, role=title).request, catalog).section("duties")
    assert section is not None
    return section.items


@pytest.mark.parametrize("title", ["用户运营", "社群运营", "用户运营专员", "社群运营主管"])
def test_user_and_community_jobs_do_not_route_feedback(catalog, title):
    duties = _duties(catalog, title)
    assert not any("反馈的收集" in x for x in duties), duties


@pytest.mark.parametrize("title", ["电商运营", "电商运营专员", "天猫运营"])
def test_ecommerce_jobs_answer_no_tickets_and_write_no_sql(catalog, title):
    duties = _duties(catalog, title)
    assert not any("客诉工单" in x or "SQL" in x for x in duties), duties
    assert any("店铺" in x or "商品" in x for x in duties), duties


def test_the_competitor_line_names_no_prices_and_policies(catalog):
    texts = [x for t in ("市场运营", "产品运营", "市场运营专员") for x in _duties(catalog, t)]
    assert not any("价格和政策" in x for x in texts), texts


def test_kit_standby_names_real_directions_and_blocks(catalog):
    from jdwriter.kit.guide import load_guide

    standby = load_guide().standby
    assert standby
    owners = {d.id for d in catalog.directions} | {r.id for r in catalog.roles}
    for owner, blocks in standby.items():
        assert owner in owners, owner
        assert all(b in catalog.duty_by_id for b in blocks), blocks


@pytest.mark.parametrize("title", ["直播中控", "阿里国际站运营", "亚马逊VC运营", "直播中控主管"])
def test_a_direction_that_skips_most_of_its_role_still_gets_a_kit(runner, title):
    from jdwriter.cli import app

    result = runner.invoke(app, ["kit", "--title", title])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("### ") >= 4


def _all(catalog, title: str) -> dict[str, list[str]]:
    jd = compose(make_request(catalog, role=title).request, catalog)
    return {s.id: list(s.items) for s in jd.sections}


@pytest.mark.parametrize("title", ["数据运营主管", "高级数据分析专员（运营方向）", "数据运营主管（BI）"])
def test_a_senior_data_hire_is_not_asked_for_one_analysis(catalog, title):
    """Rounds 41–43: 「独立做过一个专题分析」 was four times a bar too low for three to five years."""
    text = " ".join(_all(catalog, title)["requirements"])
    assert "一个专题分析" not in text, text


@pytest.mark.parametrize("title", ["数据运营主管", "数据运营主管（BI）", "数据运营专员"])
def test_a_data_jds_bonus_does_not_repeat_its_duties_or_tools(catalog, title):
    """Rounds 41–43: the BI-dashboard bonus repeated a duty, and 「Python 或 R」 repeated the tools line."""
    sections = _all(catalog, title)
    bonus = " ".join(sections["bonus"])
    assert "BI 看板" not in bonus and "Python" not in bonus, bonus


def test_a_product_operations_bar_is_more_than_whether_people_use_a_feature(catalog):
    text = " ".join(_all(catalog, "产品运营专员")["requirements"])
    assert "用的人多不多" not in text, text


@pytest.mark.parametrize("title", ["外卖-增长探索运营专家", "用户运营专家", "资深用户运营"])
def test_an_expert_is_not_asked_to_split_budgets_among_teams(catalog, title):
    """Round 44: a growth expert was asked to 「把拉新、留存和会员预算分到各团队」, a director's work."""
    text = " ".join(_all(catalog, title)["requirements"])
    assert "预算" not in text and "各团队" not in text, text
