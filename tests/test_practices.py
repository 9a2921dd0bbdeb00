"""Lines belong to the job (issue 22, item 5): a line, skill, tool, requirement, bonus or KPI names a
platform, tool or activity (直播, 私域, 店铺, 社群, 淘宝…) only when the job's role or direction calls for it.
The catalogue declares which practices each role and direction has; the composer leaves out the rest.
The expected set is worked out here from the catalogue data, independently of the composer."""

from __future__ import annotations

import itertools

import pytest

from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.writer import compose
from jdwriter.models import Request


def every_item(jd):
    return [x for s in jd.sections for x in s.items]


def named(catalog, text):
    """The practices a line calls for that a job must declare (an open practice, Push, any job may write)."""
    folded = text.casefold()
    return {
        pid
        for pid, p in catalog.practices.items()
        if not p.open and any(w.casefold() in folded for w in p.words)
    }


def expected(catalog, role_id, direction_ids):
    """Role and direction practices; platforms from the role alone, or from the direction naming fewest."""
    platform = {pid for pid, p in catalog.practices.items() if p.kind == "platform"}
    role = set(catalog.role_by_id[role_id].practices)
    directions = [set(catalog.direction_by_id[d].practices) for d in direction_ids]
    ways = (role | set().union(*directions)) - platform
    if not direction_ids:
        return ways | (role & platform)
    named_platforms = [d & platform for d in directions if d & platform]
    return ways | (min(named_platforms, key=len) if named_platforms else set())


def jobs(catalog):
    """Every role alone and every direction with each of its roles."""
    yield from ((r.id, ()) for r in catalog.roles)
    yield from ((role, (d.id,)) for d in catalog.directions for role in d.roles)


def test_the_vocabulary_is_used(catalog):
    assert {"live", "private_domain", "store", "community", "taobao"} <= set(catalog.practices)
    assert any(r.practices for r in catalog.roles) and any(d.practices for d in catalog.directions)


def test_no_line_names_a_practice_its_job_does_not_call_for(catalog):
    industries = [None, *(i.id for i in catalog.industries)]
    wrong = []
    for n, ((role, directions), level) in enumerate(itertools.product(jobs(catalog), LEVEL_IDS)):
        for industry in (None, industries[n % len(industries)]):
            request = Request(
                role=role, level=level, directions=directions, industry=industry, template="full"
            )
            allowed = expected(catalog, role, directions)
            if industry:  # an industry adds its own ways (电商: 大促)
                allowed = allowed | set(catalog.industry_by_id[industry].practices)
            jd = compose(request, catalog)
            wrong += [
                (role, directions, level, x) for x in every_item(jd) if not named(catalog, x) <= allowed
            ]
    assert wrong == []


def test_every_job_still_gets_a_full_jd(catalog):
    """Leaving lines out never leaves a direction's JD short: 5–7 duties and 4–7 requirements."""
    short = []
    for (role, directions), level in itertools.product(jobs(catalog), LEVEL_IDS):
        jd = compose(Request(role=role, level=level, directions=directions), catalog)
        duties, reqs = jd.section("duties").items, jd.section("requirements").items
        if not (5 <= len(duties) <= 7 and 4 <= len(reqs) <= 7):
            short.append((role, directions, level, len(duties), len(reqs)))
    assert short == []


def test_each_role_and_direction_writes_within_its_own_practices(catalog):
    """The catalogue keeps its word: a role's or direction's own sentences call for nothing it lacks."""
    wrong = []
    for role in catalog.roles:
        mine = expected(catalog, role.id, ())
        texts = [role.summary, *role.bonus, *role.requirements.junior, *role.requirements.senior]
        wrong += [(role.id, x) for x in [*texts, *role.requirements.lead] if not named(catalog, x) <= mine]
    for d in catalog.directions:
        mine = expected(catalog, d.roles[0], (d.id,))
        texts = [d.summary, *d.skills, *d.tools, *d.bonus, *d.kpi, *d.requirements.junior]
        texts += [*d.requirements.senior, *d.requirements.lead]
        wrong += [(d.id, x) for x in texts if not named(catalog, x) <= mine]
    assert wrong == []


@pytest.mark.parametrize(
    ("role", "directions", "absent"),
    [
        ("new_media_ops", ("wechat_official",), ("直播",)),
        ("new_media_ops", ("xiaohongshu",), ("直播",)),
        ("new_media_ops", ("weibo",), ("直播",)),
        ("new_media_ops", ("zhihu",), ("直播",)),
        ("ecommerce_ops", ("cross_border", "tiktok_shop"), ("速卖通", "Shopee", "Temu")),
        ("ecommerce_ops", ("own_mall",), ("生意参谋", "千牛", "淘宝")),
        # B2B export on 阿里国际站: no consumer marketplace, no domestic sales festival
        (
            "ecommerce_ops",
            ("b2b_export",),
            ("天猫", "淘宝", "亚马逊", "速卖通", "Shopee", "618", "双 11", "千牛", "DSR"),
        ),
        ("ecommerce_ops", ("taobao", "ecommerce_ads"), ("京东", "京准通", "拼多多", "抖音")),
        # 淘宝直播: live work on the platform the title names, not Douyin's live tools (panel r17)
        ("new_media_ops", ("live_streaming", "taobao"), ("抖音", "千川", "直播伴侣", "福袋", "快手")),
    ],
)
def test_named_titles_name_no_other_platform(catalog, role, directions, absent):
    for level, industry in itertools.product(LEVEL_IDS, [None, *(i.id for i in catalog.industries)]):
        request = Request(role=role, level=level, directions=directions, industry=industry, template="full")
        text = "\n".join(every_item(compose(request, catalog)))
        assert not [w for w in absent if w in text], (level, industry)


def test_a_topic_brings_no_content_tools_to_a_job_without_content_work(catalog):
    """区块链 in a 社群运营 title: no 新榜, 百度指数, content-accumulation bonus, 企业微信 or topic block."""
    for level in LEVEL_IDS:
        request = Request(
            role="community_ops", level=level, topic="区块链", topic_kind="industry", template="full"
        )
        text = "\n".join(every_item(compose(request, catalog)))
        for word in ("新榜", "百度指数", "内容积累", "企业微信", "私域", "区块链"):
            assert word not in text, (level, word)


def test_the_stock_platform_line_stays_with_jobs_that_handle_fulfilment(catalog):
    line = "处理差评、违规和履约问题"
    for (role, directions), level in itertools.product(jobs(catalog), LEVEL_IDS):
        text = "\n".join(every_item(compose(Request(role=role, level=level, directions=directions), catalog)))
        if line in text:
            assert "fulfilment" in expected(catalog, role, directions), (role, directions, level)


def test_level_lines_name_no_practice(catalog):
    """Every job reads its level's frames, requirements and bonus: they name no platform or activity."""
    wrong = []
    for level in catalog.levels:
        texts = [level.experience, level.scope, *level.skill_line, *level.tool_line]
        wrong += [(level.id, x) for x in [*texts, *level.requirements, *level.bonus] if named(catalog, x)]
    assert wrong == []


def test_a_catalogue_naming_an_unknown_practice_is_refused(tmp_path):
    from jdwriter.catalog.model import load_catalog
    from jdwriter.errors import CatalogError

    path = tmp_path / "ext.yaml"
    path.write_text(
        "roles:\n  - id: user_ops\n    name: 用户运营\n    summary: 概述。\n"
        "    duties: [user_growth, user_activation, data_analysis]\n"
        "    requirements: [熟悉拉新和促活的常见打法]\n    practices: [livestream]\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as info:
        load_catalog([path])
    assert "livestream" in str(info.value) and "ext.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("topic", "kind"), [("足球", "vertical"), ("医美", "industry"), ("酒水", "category")]
)
def test_no_job_without_content_work_gets_content_tools_for_its_topic(catalog, topic, kind):
    for (role, directions), level in itertools.product(jobs(catalog), LEVEL_IDS):
        allowed = expected(catalog, role, directions)
        request = Request(
            role=role, level=level, directions=directions, topic=topic, topic_kind=kind, template="full"
        )
        text = "\n".join(every_item(compose(request, catalog)))
        if "content" not in allowed:
            assert "内容积累" not in text, (role, directions, level)
        if "content_data" not in allowed:
            assert not [w for w in ("新榜", "百度指数") if w in text], (role, directions, level)


@pytest.mark.parametrize("level", ["intern", "specialist", "senior", "manager"])
def test_game_events_use_no_share_to_buy_mechanics(level):
    """拼团、助力 and 砍价 are e-commerce and referral mechanics: a game's events never name them, while an
    events JD with no direction may."""
    from jdwriter.api import get_catalog
    from jdwriter.compose.writer import compose
    from jdwriter.models import Request

    catalog = get_catalog()
    jd = compose(Request(role="activity_ops", level=level, directions=("game_ops",)), catalog)
    text = " ".join(x for s in jd.sections for x in s.items)
    assert not any(w in text for w in ("拼团", "助力", "砍价")), text


def test_an_events_jd_with_no_direction_may_name_share_to_buy_mechanics():
    from jdwriter.api import get_catalog
    from jdwriter.compose.job import Job
    from jdwriter.models import Request

    catalog = get_catalog()
    line = "搭建活动玩法库，沉淀签到、抽奖、拼团、助力等玩法的适用场景和历史数据"
    plain = Job(Request(role="activity_ops", level="senior"), catalog)
    game = Job(Request(role="activity_ops", level="senior", directions=("game_ops",)), catalog)
    assert plain.keep([line]) == [line]
    assert game.keep([line]) == []


def test_an_events_jd_names_big_sales_only_for_e_commerce():
    """大促 is e-commerce's: a game's or an app's events JD never names it; e-commerce events may."""
    from jdwriter.api import get_catalog

    catalog = get_catalog()
    words = catalog.practices["promo"].words
    for level in LEVEL_IDS:
        plain = compose(Request(role="activity_ops", level=level), catalog)
        assert not [x for x in every_item(plain) if any(w in x for w in words)], level
    shop = compose(
        Request(role="activity_ops", level="senior", emphasis=("sales_promotion",), industry="ecommerce"),
        catalog,
    )
    assert any(any(w in x for w in words) for x in every_item(shop))
