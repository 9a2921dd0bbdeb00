"""Lines of another function stay out (issue 22, panel round 2): a role lists only blocks every job of that
role does, and a line that is another team's work is a practice only that team's role declares. So no
新媒体、直播、游戏 or 文案 JD, at any level, asks for 取数需求 (the data team's service) or 广告素材与 A/B
测试 (paid media) unless its role or direction does that work; 社群运营 is not asked for the CRM's
cross-channel frequency control, and 商业化运营 (an ads job) is not asked to set supply recruiting targets."""

from __future__ import annotations

import itertools

import pytest

from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.writer import compose
from jdwriter.models import Request


def items(catalog, role, directions, level):
    request = Request(role=role, level=level, directions=directions, template="full")
    return [x for s in compose(request, catalog).sections for x in s.items]


def jobs(catalog, roles):
    """Each role alone and with every direction written for it."""
    for role in roles:
        yield role, ()
        yield from ((role, (d.id,)) for d in catalog.directions if role in d.roles)


CONTENT_ROLES = ("new_media_ops", "content_ops", "community_ops", "activity_ops")


def brings(catalog, directions, block):
    """A direction of the title brings the block (paid media is not every content job's work)."""
    return any(
        block in (*catalog.direction_by_id[d].duties, *catalog.direction_by_id[d].emphasis)
        for d in directions
    )


def test_only_the_data_role_serves_other_teams_data_requests(catalog):
    wrong = [
        (role, directions, level, x)
        for (role, directions), level in itertools.product(
            jobs(catalog, [r.id for r in catalog.roles]), LEVEL_IDS
        )
        if role != "data_ops"
        for x in items(catalog, role, directions, level)
        if any(w in x for w in ("取数需求", "分析需求", "分析课题"))
    ]
    assert wrong == []


def test_content_jds_name_ad_work_only_when_their_direction_brings_it(catalog):
    wrong = [
        (role, directions, level, x)
        for (role, directions), level in itertools.product(jobs(catalog, CONTENT_ROLES), LEVEL_IDS)
        if not brings(catalog, directions, "paid_ads")
        for x in items(catalog, role, directions, level)
        if "广告素材" in x or "投放素材" in x
    ]
    assert wrong == []
    # live selling brings paid media (千川投流); entertainment, game and voice live rooms do not (panel r16–17:
    # 派对直播 and CC 电竞直播 JDs were handed 千川 and 成交数据)
    assert not any(
        "广告素材" in x or "投放素材" in x or "千川" in x
        for level in LEVEL_IDS
        for x in items(catalog, "new_media_ops", ("live_streaming",), level)
    )
    assert any(
        "千川" in x for level in LEVEL_IDS for x in items(catalog, "new_media_ops", ("live_commerce",), level)
    )


@pytest.mark.parametrize("role", ["community_ops", "new_media_ops", "content_ops"])
def test_cross_channel_frequency_control_is_crm_work(catalog, role):
    lines = [x for level in LEVEL_IDS for x in items(catalog, role, (), level)]
    assert not [x for x in lines if "统一频次控制" in x]


def test_the_crm_line_stays_with_user_ops(catalog):
    assert any("统一频次控制" in x for x in items(catalog, "user_ops", (), "manager"))


def test_a_direction_skips_the_roles_supply_recruiting(catalog):
    assert "merchant_ops" in catalog.direction_by_id["monetization"].skip
    for level in LEVEL_IDS:
        assert not [x for x in items(catalog, "platform_ops", ("monetization",), level) if "招募" in x]
