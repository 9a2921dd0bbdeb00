"""A direction's JD is the direction's job (panel round for issue 22): every platform a title names is
honoured, a platform that only says where a format works (抖音 in 抖音直播) writes no duties of its own, a
direction JD carries the role's core blocks and not its tail, and takes the direction's bonus, not the role's."""

from __future__ import annotations

from jdwriter.compose.writer import compose
from jdwriter.models import Request
from jdwriter.resolve.titles import resolve_title


def items(catalog, role, directions, level="specialist"):
    jd = compose(Request(role=role, level=level, directions=directions, template="standard"), catalog)
    return {s.id: s.items for s in jd.sections}


def test_a_title_listing_platforms_keeps_each_of_them(catalog):
    match = resolve_title("新媒体运营-B站/抖音/快手", catalog)
    assert {"bilibili", "douyin", "kuaishou"} <= set(match.directions)


def test_each_named_platform_writes_a_duty(catalog):
    duties = "\n".join(items(catalog, "ecommerce_ops", ("jd_mall", "taobao"))["duties"])
    assert "京东" in duties and ("淘宝" in duties or "天猫" in duties)


def test_a_platform_that_says_where_a_format_works_writes_no_duty_of_its_own(catalog):
    live = catalog.direction_by_id["live_streaming"]
    assert (
        not catalog.direction_by_id["live_streaming"].platforms
        and catalog.direction_by_id["douyin"].platforms
    )
    own = {x for level in catalog.duty_by_id["douyin_account"].lines.values() if level for x in level.main}
    own |= {x for level in catalog.duty_by_id["douyin_account"].lines.values() if level for x in level.more}
    duties = items(catalog, "new_media_ops", ("live_streaming", "douyin"))["duties"]
    assert not own & set(duties)
    assert any(d in live.duties for d in ["live_room_ops"])


def test_a_direction_jd_leaves_out_the_roles_tail_blocks(catalog):
    """Of a direction JD's duties, few come from the role's blocks past its first two that the direction
    does not pull forward: only when the direction's own items run out, or the kit needs a fourth block."""
    tail_items = total = 0
    for direction in catalog.directions:
        for role_id in direction.roles:
            role = catalog.role_by_id[role_id]
            if not role.direction_blocks:
                continue
            tail = set(role.duties[2:]) - set(direction.emphasis)
            lines = {
                x
                for b in tail
                for lv in catalog.duty_by_id[b].lines.values()
                if lv
                for x in (*lv.main, *lv.more)
            }
            for level in ("specialist", "manager"):
                duties = items(catalog, role_id, (direction.id,), level)["duties"]
                tail_items += sum(1 for x in duties if x in lines)
                total += len(duties)
    assert tail_items / total < 0.1, (tail_items, total)


def test_a_direction_jd_takes_the_directions_bonus_not_the_roles(catalog):
    role_bonus = set(catalog.role_by_id["new_media_ops"].bonus)
    for direction in ("live_streaming", "douyin", "xiaohongshu"):
        bonus = items(catalog, "new_media_ops", (direction,))["bonus"]
        assert not role_bonus & set(bonus), direction


def test_a_direction_rules_out_what_does_not_hold_where_it_works(catalog):
    """海外游戏运营 names no mainland-only rule (版号, 防沉迷); 游戏运营 alone may."""
    words = catalog.practices["mainland_rules"].words
    assert "mainland_rules" in catalog.direction_by_id["overseas"].rules_out

    def texts(directions):
        for level in ("specialist", "senior", "manager", "director"):
            for seed in range(4):
                request = Request(
                    role="activity_ops", level=level, directions=directions, template="full", seed=seed
                )
                yield "\n".join(x for s in compose(request, catalog).sections for x in s.items)

    assert any(w in t for t in texts(("game_ops",)) for w in words)
    assert not any(w in t for t in texts(("game_ops", "overseas")) for w in words)


def test_only_the_head_direction_pulls_the_roles_blocks_forward(catalog):
    """游戏运营 + 海外: the second direction brings its own block, not the role blocks it would pull."""
    role = catalog.role_by_id["activity_ops"]
    head, second = catalog.direction_by_id["game_ops"], catalog.direction_by_id["overseas"]
    theirs = set(second.emphasis) - set(head.emphasis) - set(role.duties[:2])
    assert theirs
    lines = {
        x for b in theirs for lv in catalog.duty_by_id[b].lines.values() if lv for x in (*lv.main, *lv.more)
    }
    for level in ("specialist", "manager"):
        duties = items(catalog, "activity_ops", ("game_ops", "overseas"), level)["duties"]
        assert not lines & set(duties), level
        own = catalog.duty_by_id[second.duties[0]].lines[level]
        assert set(duties) & {*own.main, *own.more}, level


def test_overseas_beside_ad_buying_only_says_where(catalog):
    """海外游戏投放 (panel round 24): the buying is done abroad; 海外's own social and localisation blocks stay out."""
    overseas = catalog.direction_by_id["overseas"]
    theirs = {
        x
        for b in overseas.duties
        for lv in catalog.duty_by_id[b].lines.values()
        if lv
        for x in (*lv.main, *lv.more)
    }
    duties = items(catalog, "marketing_ops", ("paid_growth", "game_ops", "overseas"), "specialist")["duties"]
    assert not theirs & set(duties)
    alone = items(catalog, "user_ops", ("overseas",), "specialist")["duties"]
    assert theirs & set(alone)  # on its own, 海外运营 is still its own work
