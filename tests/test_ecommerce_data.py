"""电商数据运营 (panel: store and category data titles read as an app data team's JD): an e-commerce data
title is the direction ecommerce_data on 数据运营, its own store and merchandise blocks lead and the app
data team's blocks (埋点, 实验, 人群包) are left out; plain 数据运营 and 游戏运营数据分析 keep what they had."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.duties import duties as duty_blocks
from jdwriter.compose.job import Job
from jdwriter.compose.writer import compose
from jdwriter.kit.api import kit_for
from jdwriter.models import Request
from jdwriter.render.render import render_text

APP_WORDS = ("埋点", "实验组", "人群包", "A/B", "留存下滑")
OWN_BLOCKS = {"store_data_review", "merchandise_data"}
APP_BLOCKS = {"tracking_metrics", "ab_testing", "user_segmentation"}

# invented titles, not the panel's
TITLES = [
    ("电商数据运营助理", "data_ops"),
    ("高级电商数据分析", "data_ops"),
    ("服饰店铺数据运营专员", "data_ops"),
    ("商品数据运营经理（家居）", "data_ops"),
    ("电商数据运营总监", "data_ops"),
    ("品类 - 数据运营助理", "data_ops"),  # the direction word and the role written apart
]


@pytest.mark.parametrize(("title", "role"), TITLES)
def test_ecommerce_data_titles_get_the_direction_and_no_app_tracking(catalog, title, role):
    request = make_request(catalog, role=title).request
    assert request.role == role
    assert "ecommerce_data" in request.directions
    jd = compose(request, catalog)
    text = render_text(jd, "md")
    assert not [w for w in APP_WORDS if w in text], text
    _, used = duty_blocks(Job(request, catalog))
    ids = {d.id for d in used}
    assert ids & OWN_BLOCKS and not ids & APP_BLOCKS, ids


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_level_leads_with_the_directions_blocks(catalog, level):
    request = Request(role="data_ops", level=level, directions=("ecommerce_data",))
    _, used = duty_blocks(Job(request, catalog))
    assert used[0].id in OWN_BLOCKS
    assert OWN_BLOCKS <= {d.id for d in used}
    text = "\n".join(compose(request, catalog).section("duties").items)
    assert "电商数据" in text
    assert any(w in text for w in ("GMV", "SKU", "动销", "库存"))


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_plain_data_ops_keeps_its_own_blocks(catalog, level):
    request = Request(role="data_ops", level=level)
    _, used = duty_blocks(Job(request, catalog))
    ids = {d.id for d in used}
    assert not ids & OWN_BLOCKS
    assert "tracking_metrics" in ids or "data_reporting" in ids


def test_plain_titles_do_not_turn_into_ecommerce_data(catalog):
    for title in ("数据运营", "数据运营经理", "游戏运营数据分析"):
        request = make_request(catalog, role=title).request
        assert request.role == "data_ops" and "ecommerce_data" not in request.directions, title
    game = make_request(catalog, role="游戏运营数据分析").request
    assert game.directions == ("game_ops",)


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_level_gets_a_kit_that_asks_about_the_direction(catalog, level):
    kit = kit_for(Request(role="data_ops", level=level, directions=("ecommerce_data",)), catalog)
    ids = [c.id for c in kit.competencies]
    assert ids[0] in OWN_BLOCKS, ids
    assert not set(ids) & APP_BLOCKS
    assert len(kit.questions()) >= 4
