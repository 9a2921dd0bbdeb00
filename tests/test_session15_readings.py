"""Session 15: readings fixed in this session, each a title a reviewer or a corpus showed us."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.errors import UserError


@pytest.mark.parametrize("title", ["兴证期货-运营部风控岗", "某某期货-风控岗（运营部）"])
def test_a_finance_employer_before_a_job_naming_no_role_of_ours_is_refused_as_finance(catalog, title):
    with pytest.raises(UserError) as caught:
        make_request(catalog, role=title)
    assert "金融" in str(caught.value), caught.value


@pytest.mark.parametrize("title", ["招商证券-用户运营", "兴证期货-新媒体运营"])
def test_a_finance_employer_before_a_role_of_ours_is_still_written(catalog, title):
    assert make_request(catalog, role=title).request.role in {"user_ops", "new_media_ops"}


def _text(catalog, title: str) -> str:
    from jdwriter.compose.writer import compose

    jd = compose(make_request(catalog, role=title).request, catalog)
    return " ".join(x for s in jd.sections for x in s.items)


@pytest.mark.parametrize("title", ["抖音图文运营", "抖音（图文）内容运营"])
def test_a_title_for_picture_and_text_posts_writes_no_live_stream_work(catalog, title):
    text = _text(catalog, title)
    assert not any(w in text for w in ("直播", "开播", "主播")), text


def test_a_title_naming_live_streams_beside_picture_posts_keeps_them(catalog):
    assert "直播" in _text(catalog, "抖音图文直播运营")


@pytest.mark.parametrize("title", ["小程序电商运营", "电商运营（小程序）", "微信小程序电商运营专家"])
def test_an_ecommerce_title_on_a_mini_program_is_an_own_store_not_a_marketplace_one(catalog, title):
    request = make_request(catalog, role=title).request
    assert request.directions[:1] == ("own_mall",), request.directions
    text = _text(catalog, title)
    assert not any(w in text for w in ("千牛", "天猫", "生意参谋", "淘宝")), text


def test_a_mini_program_alone_is_still_product_work(catalog):
    assert make_request(catalog, role="小程序运营").request.role == "product_ops"


@pytest.mark.parametrize("title", ["youtube运营", "YouTube运营主管", "油管运营实习生"])
def test_a_youtube_title_is_written_for_a_youtube_channel_not_other_social_networks(catalog, title):
    assert make_request(catalog, role=title).request.directions == ("youtube",)
    text = _text(catalog, title)
    assert "YouTube" in text and not any(
        w in text for w in ("Facebook", "Instagram", "LinkedIn", "抖音", "直播")
    )


@pytest.mark.parametrize("title", ["SNG06-QQ手游平台高级运营经理（深圳）", "手游平台运营"])
def test_a_mobile_game_platform_is_the_platform_side_not_one_games_operations(catalog, title):
    assert make_request(catalog, role=title).request.directions == ("game_platform",)
    assert not any(w in _text(catalog, title) for w in ("开服", "合服", "经济系统"))


def test_creator_monetization_is_creator_deals_not_ad_network_fill_rates(catalog):
    title = "达人变现-产品运营"
    assert "creator_commerce" in make_request(catalog, role=title).request.directions
    assert not any(w in _text(catalog, title) for w in ("填充率", "eCPM"))


@pytest.mark.parametrize("title", ["21089-游戏运营 版本管理方向（深圳）", "高级运营策划（版本管理方向）"])
def test_a_version_management_lean_brings_the_version_release_work(catalog, title):
    request = make_request(catalog, role=title).request
    assert "版本管理" in request.qualifiers
    release = catalog.duty_by_id["game_ops_release"]
    lines = {x for band in release.lines.values() for part in (band.main, band.more) for x in part}
    duties = set(_text_items(catalog, title))
    assert len(duties & lines) >= 2, duties


def _text_items(catalog, title: str) -> list[str]:
    from jdwriter.compose.writer import compose

    return compose(make_request(catalog, role=title).request, catalog).section("duties").items


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("微信运营/文案编辑/新闻采编", "new_media_ops"),
        ("直播运营/直播操盘手", "new_media_ops"),
        ("新媒体运营精英", "new_media_ops"),
        ("Intern(运营数据化实习生)", "data_ops"),
    ],
)
def test_an_operations_job_offered_first_or_with_a_hype_word_is_written(catalog, title, role):
    assert make_request(catalog, role=title).request.role == role


def test_the_jobs_after_the_offered_one_are_said_on_stderr(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "微信运营/文案编辑/新闻采编", "--no-input"])
    assert result.exit_code == 0 and "「新闻采编」" in result.stderr


def test_an_unknown_job_before_the_operations_one_is_still_refused(catalog):
    with pytest.raises(UserError):
        make_request(catalog, role="财务预算与运营分析经理/财务经理")


@pytest.mark.parametrize("title", ["产品运营经理", "数据产品运营经理", "产品运营总监"])
def test_a_product_manager_level_jd_does_not_build_a_market_research_function(catalog, title):
    text = _text(catalog, title)
    assert "市场研究体系" not in text and "第三方调研机构" not in text, text


def test_marketing_still_owns_its_research_function(catalog):
    from jdwriter.compose.writer import compose
    from jdwriter.models import Request

    jd = compose(Request(role="marketing_ops", level="manager", emphasis=("market_research",)), catalog)
    text = " ".join(x for s in jd.sections for x in s.items)
    assert "市场研究体系" in text or "第三方调研机构" in text, text


@pytest.mark.parametrize("title", ["SNG16-全民K歌曲库运营（东南亚方向）", "曲库运营"])
def test_a_music_library_job_is_copyright_and_catalogue_work(catalog, title):
    assert "copyright" in make_request(catalog, role=title).request.directions


def test_content_strategy_is_distribution_strategy_not_local_services_pricing(catalog):
    request = make_request(catalog, role="内容策略运营-漫画").request
    assert request.directions == ("traffic_strategy",)
    assert not any(w in _text(catalog, "内容策略运营-漫画") for w in ("补贴", "商户"))


def test_membership_operations_lead_with_the_membership_block(catalog):
    items = _text_items(catalog, "会员运营主管")
    assert "会员" in items[0], items


@pytest.mark.parametrize("title", ["22989腾讯云资源成本运营规划", "资源成本运营规划"])
def test_resource_cost_planning_is_refused_as_planning(catalog, title):
    with pytest.raises(UserError) as caught:
        make_request(catalog, role=title)
    assert "计划" in str(caught.value) and "22989" not in str(caught.value)


@pytest.mark.parametrize(
    "title", ["18402-刺激战场全球版-赛事运营（深圳）", "SNG16-全民K歌曲库运营（东南亚方向）"]
)
def test_overseas_beside_a_head_function_only_says_where(catalog, title):
    text = _text(catalog, title)
    assert not any(w in text for w in ("Discord", "30 日留存", "裂变")), text


def test_medical_product_work_is_about_medical_services_not_drug_advertising(catalog):
    text = _text(catalog, "WXG03-211 微信城市服务医疗行业产品运营经理（广州）")
    assert "挂号" in text and "广告" not in text, text


@pytest.mark.parametrize(
    "title", ["小程序运营经理", "小程序运营助理", "微信小程序运营专员", "小程序运营规划岗"]
)
def test_a_mini_program_jd_sends_no_app_push_and_lists_in_no_app_store(catalog, title):
    text = _text(catalog, title)
    assert not any(w in text for w in ("Push", "应用商店", "应用市场")), text


def test_a_title_naming_an_app_beside_the_mini_program_keeps_app_reach(catalog):
    from jdwriter.compose.job import open_practices

    assert "app_reach" in open_practices(catalog, "小程序/App运营")
    assert "app_reach" not in open_practices(catalog, "小程序运营")


def test_a_store_manager_title_with_a_category_in_brackets_runs_a_store(catalog):
    request = make_request(catalog, role="淘宝天猫运营/店长（户外类目）").request
    assert request.role == "ecommerce_ops" and "category" in request.directions, request


def test_wecom_customer_operations_is_private_traffic_work(catalog):
    request = make_request(catalog, role="企业微信客户运营 双休 五险一金").request
    assert request.directions == ("private_traffic",) and request.role != "customer_success"


def test_a_city_after_the_closing_bracket_is_not_printed(catalog):
    assert make_request(catalog, role="SA-效果类行业运营经理（QQ系广告）深圳").request.title.endswith("）")


@pytest.mark.parametrize("title", ["苏宁易购电商运营", "唯品会运营专员", "得物运营"])
def test_another_domestic_marketplace_gets_no_taobao_jd_or_douyin_lines(catalog, title):
    text = _text(catalog, title)
    assert not any(w in text for w in ("千牛", "天猫", "淘宝", "京东", "抖店", "拼多多")), text


@pytest.mark.parametrize("title", ["19881-王者荣耀高级商业拓展运营（深圳）", "商业拓展运营"])
def test_business_development_is_partnership_work(catalog, title):
    assert make_request(catalog, role=title).request.role == "partnership_ops"


@pytest.mark.parametrize("title", ["酒旅OTA运营", "酒店OTA运营", "OTA运营经理", "携程运营"])
def test_a_hotel_ota_title_is_written_for_online_travel_listings(catalog, title):
    assert make_request(catalog, role=title).request.directions[:1] == ("ota",)
    text = _text(catalog, title)
    assert "房" in text and not any(w in text for w in ("选品", "千牛", "抖店", "直播")), text


def test_running_a_hotel_itself_is_still_refused_as_a_venue(catalog):
    with pytest.raises(UserError) as caught:
        make_request(catalog, role="酒店运营经理")
    assert "酒店" in str(caught.value)
