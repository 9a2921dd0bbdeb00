"""Round-4 panel: title-reading causes of WRONG JOB and generic bodies (issue 22).

Each class is shown with invented titles on both sides of its rule: a bare 微信 title is the WeChat
official-account job (企业微信 stays private traffic), a 业务员 is a sales job (an 电商运营 is not), a
trainee title is not read through the 培训 of customer training, board slogans (反内卷) leave the printed title.
"""

from __future__ import annotations

import pytest

from jdwriter.errors import UserError
from jdwriter.resolve.titles import resolve_title


def _refused(catalog, title: str) -> str:
    with pytest.raises(UserError) as info:
        resolve_title(title, catalog)
    return info.value.message


@pytest.mark.parametrize("title", ["微信运营", "微信运营主管", "资深微信新媒体运营", "微信号运营（餐饮）"])
def test_bare_wechat_is_the_official_account_job(catalog, title):
    match = resolve_title(title, catalog)
    assert match.role == "new_media_ops"
    assert "wechat_official" in match.directions


@pytest.mark.parametrize(
    ("title", "direction"),
    [
        ("企业微信运营专员", "private_traffic"),
        ("微信视频号运营", "wechat_channels"),
        ("微博运营主管", "weibo"),
    ],
)
def test_other_wechat_and_platform_titles_keep_their_direction(catalog, title, direction):
    match = resolve_title(title, catalog)
    assert direction in match.directions
    assert "wechat_official" not in match.directions


@pytest.mark.parametrize("title", ["拼多多业务员", "跨境电商业务员（英语）", "外贸业务代表"])
def test_a_salesman_title_is_refused_as_another_job(catalog, title):
    assert "另一类职位" in _refused(catalog, title)


@pytest.mark.parametrize("title", ["拼多多运营专员", "跨境电商运营（英语）", "业务运营专员"])
def test_operations_titles_beside_the_salesman_rule_are_written(catalog, title):
    assert resolve_title(title, catalog).role in {"ecommerce_ops", "business_ops"}


@pytest.mark.parametrize("title", ["内容运营培训生", "直播运营培训生"])
def test_a_trainee_title_reads_its_function_not_customer_training(catalog, title):
    match = resolve_title(title, catalog)
    assert match.role != "customer_success"
    assert match.level == "specialist"


def test_customer_training_still_reads_as_customer_success(catalog):
    assert resolve_title("客户培训运营专员", catalog).role == "customer_success"


@pytest.mark.parametrize("title", ["社群运营专员 不内卷 五险一金", "用户运营 反内卷"])
def test_board_slogans_leave_the_printed_title(catalog, title):
    match = resolve_title(title, catalog)
    assert "内卷" not in (match.title or "")
    assert not match.left_out


@pytest.mark.parametrize("title", ["社区篮球赛事运营主管", "城市马拉松赛事运营", "青少年足球联赛运营专员"])
def test_a_sports_event_title_is_refused_not_read_as_esports(catalog, title):
    assert "体育赛事" in _refused(catalog, title)


@pytest.mark.parametrize(
    ("title", "direction"),
    [("电竞赛事运营专员", "esports"), ("手游赛事运营经理", "esports"), ("足球游戏赛事运营", "esports")],
)
def test_game_and_esports_event_titles_keep_the_esports_direction(catalog, title, direction):
    assert direction in resolve_title(title, catalog).directions


@pytest.mark.parametrize("title", ["羽毛球赛事内容运营", "篮球赛事直播运营"])
def test_a_sports_title_that_names_a_job_is_written_without_esports(catalog, title):
    match = resolve_title(title, catalog)
    assert match.role in {"content_ops", "new_media_ops"}
    assert "esports" not in match.directions


@pytest.mark.parametrize(
    "title", ["运营经理运营总监运营专员", "新媒体运营主管/经理/专员", "用户运营总监 用户运营经理 实习生"]
)
def test_a_title_stacking_three_levels_is_refused_asking_for_one(catalog, title):
    assert "好几个级别" in _refused(catalog, title)


@pytest.mark.parametrize(
    ("title", "level"),
    [("内容运营总监/经理", "director"), ("高级活动运营经理", "manager"), ("社群运营总监助理", "specialist")],
)
def test_two_level_words_still_read_one_level(catalog, title, level):
    assert resolve_title(title, catalog).level == level


@pytest.mark.parametrize(
    "title", ["应用宝运营专员", "OPPO软件商店运营经理", "小米应用商店运营实习生", "应用分发运营主管"]
)
def test_an_app_store_title_naming_no_job_is_refused_with_the_closest_jobs(catalog, title):
    message = _refused(catalog, title)
    assert "应用分发" in message
    assert "渠道运营" in message


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("应用宝用户运营经理", "user_ops"),
        ("应用市场渠道运营", "channel_ops"),
        ("应用宝商业化产品运营", "product_ops"),
    ],
)
def test_an_app_store_title_that_names_a_job_is_written_as_that_job(catalog, title, role):
    assert resolve_title(title, catalog).role == role


def test_the_app_store_word_市场_is_not_marketing(catalog):
    assert resolve_title("应用市场渠道运营", catalog).role != "marketing_ops"
    assert resolve_title("市场运营专员", catalog).role == "marketing_ops"


def test_every_closest_job_named_for_app_stores_can_be_given_to_role(catalog):
    from jdwriter.resolve.lexicon import lexicon

    for name in lexicon().app_stores.near:
        assert resolve_title(name, catalog).role


@pytest.mark.parametrize(
    "title", ["标签运营组编辑（杭州）", "视频内容标签运营专员", "商品打标专员", "图像标注员", "AI语音标注师"]
)
def test_tagging_and_annotation_work_is_refused_not_written_as_content_editing(catalog, title):
    message = _refused(catalog, title)
    assert "打标" in message or "另一类职位" in message


@pytest.mark.parametrize(
    ("title", "role", "direction"),
    [
        ("用户标签运营专员", "user_ops", None),
        ("大模型标注运营", None, "llm_data"),
        ("内容编辑", "content_ops", None),
        ("审核编辑", None, "risk_safety"),
    ],
)
def test_titles_beside_the_tagging_rule_keep_their_reading(catalog, title, role, direction):
    match = resolve_title(title, catalog)
    assert role is None or match.role == role
    assert direction is None or direction in match.directions


@pytest.mark.parametrize("title", ["会员商城供应链运营经理", "直播电商供应链运营主管", "采购运营专员"])
def test_supply_chain_work_is_refused_even_beside_a_direction(catalog, title):
    assert "供应链与采购" in _refused(catalog, title)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("供应链数据运营专员", "data_ops"),
        ("数据运营专员（采购中心）", "data_ops"),
        ("品类采销运营", "ecommerce_ops"),
    ],
)
def test_a_job_named_in_supply_chain_surroundings_is_written(catalog, title, role):
    assert resolve_title(title, catalog).role == role


@pytest.mark.parametrize("title", ["科技产业园招商运营主管", "园区招商运营专员", "招商引资专员"])
def test_industrial_park_investment_attraction_is_refused(catalog, title):
    assert "产业园区" in _refused(catalog, title)


@pytest.mark.parametrize("title", ["平台招商运营专员", "外卖商家招商运营"])
def test_platform_merchant_recruiting_is_still_written(catalog, title):
    assert resolve_title(title, catalog).role in {"merchant_recruiting", "platform_ops", "ecommerce_ops"}


@pytest.mark.parametrize("title", ["头条号运营专员", "百家号运营", "大鱼号运营主管"])
def test_a_self_media_account_title_is_new_media_not_generic(catalog, title):
    assert resolve_title(title, catalog).role == "new_media_ops"


def test_a_self_media_account_title_naming_content_work_stays_content(catalog):
    assert resolve_title("头条号内容运营", catalog).role == "content_ops"


def test_moments_operations_is_private_traffic_but_moments_ads_are_paid_growth(catalog):
    assert "private_traffic" in resolve_title("朋友圈运营专员", catalog).directions
    assert "private_traffic" not in resolve_title("朋友圈广告投放", catalog).directions
