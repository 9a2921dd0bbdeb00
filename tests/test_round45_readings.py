"""Round 45 (the held-out half of corpus r18, first reading): a board's area tag in square brackets is noise; a
part-time title is not asked for years of full-time work; community JDs carry no app recall campaigns; game
publishing and overseas groups get their own first line; a 公众号 content intern writes; employer branding and
homeowner communities are out of scope."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError


def _jd(catalog, title: str):
    return compose(make_request(catalog, role=title).request, catalog)


def _items(catalog, title: str, section: str) -> list[str]:
    return _jd(catalog, title).section(section).items


@pytest.mark.parametrize(
    "pair", ["用户运营[望京]|用户运营", "微信社群运营[官洲]|微信社群运营", "内容运营[美妆]|内容运营[美妆]"]
)
def test_a_square_bracket_area_tag_is_board_noise(catalog, pair):
    title, printed = pair.split("|")
    assert make_request(catalog, role=title).request.title == printed


@pytest.mark.parametrize("title", ["（留学生）小红书兼职运营", "小红书运营（兼职）"])
def test_a_part_time_job_asks_for_no_years_of_work(catalog, title):
    first = _items(catalog, title, "requirements")[0]
    assert "年" not in first and "投入" in first, first


@pytest.mark.parametrize("title", ["社群运营专员", "微信社群运营", "社群运营主管"])
def test_a_community_jd_runs_no_app_recall_campaign(catalog, title):
    text = " ".join(x for s in _jd(catalog, title).sections for x in s.items)
    assert not any(w in text for w in ("召回", "Push", "神策")), text


def test_game_publishing_and_overseas_groups_lead_with_their_own_work(catalog):
    assert "首发" in _items(catalog, "游戏发行运营实习生", "duties")[0]
    assert "Discord" in _items(catalog, "国际化社群运营", "duties")[0]
    assert "首发" not in " ".join(_items(catalog, "游戏运营实习生", "duties"))


def test_a_wechat_content_intern_writes(catalog):
    assert any("撰写" in x for x in _items(catalog, "内容运营实习生【公众号方向】", "duties"))


@pytest.mark.parametrize("title", ["雇主品牌运营", "社区运营专家——业主维护，营销策划"])
def test_employer_branding_and_homeowner_communities_are_refused(catalog, title):
    with pytest.raises(UserError):
        make_request(catalog, role=title)


def test_a_mini_program_job_brings_users_in_and_keeps_them(catalog):
    """Rounds 45–46: three 小程序运营 JDs wrote only features, requirements and a metric dictionary."""
    duties = " ".join(_items(catalog, "小程序运营", "duties"))
    assert "活动" in duties and ("拉新" in duties or "裂变" in duties or "新客" in duties), duties
    assert "指标字典" not in duties, duties


@pytest.mark.parametrize("title", ["产品运营专员", "产品运营经理"])
def test_product_operations_keep_no_data_teams_metric_dictionary(catalog, title):
    assert not any("指标字典" in x for x in _items(catalog, title, "duties"))


@pytest.mark.parametrize("title", ["运营专员（数据分析）", "数据运营专员", "高级数据分析专员（运营方向）"])
def test_a_bonus_names_no_tool_the_requirements_already_ask_for(catalog, title):
    jd = _jd(catalog, title)
    bonus = " ".join(jd.section("bonus").items)
    assert "Python" not in bonus, bonus


@pytest.mark.parametrize("title", ["海外商业化运营", "海外广告运营实习生", "海外商业化运营经理"])
def test_overseas_monetization_names_no_domestic_ad_network(catalog, title):
    text = " ".join(x for s in _jd(catalog, title).sections for x in s.items)
    assert not any(w in text for w in ("穿山甲", "优量汇", "GroMore")), text


def test_domestic_monetization_keeps_its_ad_networks(catalog):
    text = " ".join(x for s in _jd(catalog, "商业化运营专员").sections for x in s.items)
    assert "穿山甲" in text and "AdMob" not in text, text


def test_round_46s_wrong_refusals_are_written(catalog):
    # 增值运营 is value-added services (paid membership) since round 51, not advertising
    readings = {"增值运营总监": "user_ops", "电商运营主管 马蜂窝": "ecommerce_ops"}
    readings |= {"广告增值运营专员": "platform_ops", "短视频运营编导实习生": "new_media_ops"}
    got = {title: make_request(catalog, role=title).request.role for title in readings}
    assert got == readings


@pytest.mark.parametrize("title", ["服饰产品运营-数据分析", "美妆产品运营", "家居产品运营经理"])
def test_a_category_before_product_means_goods(catalog, title):
    """Round 46: 服饰产品运营-数据分析 was written as an app's product operations."""
    request = make_request(catalog, role=title).request
    assert request.role == "ecommerce_ops" and "category" in request.directions


@pytest.mark.parametrize("title", ["游戏产品运营", "AI产品运营", "产品运营（美妆）"])
def test_product_operations_without_goods_before_it_stays(catalog, title):
    assert make_request(catalog, role=title).request.role == "product_ops"


def test_the_years_a_title_states_are_the_years_asked(catalog):
    """Round 47: 京东自营运营经理（2年以上工作经验） was asked for 5 years."""
    first = _items(catalog, "京东自营运营经理（2年以上工作经验）", "requirements")[0]
    assert "2 年以上" in first and "5 年" not in first, first
    assert make_request(catalog, role="京东自营运营经理（2年以上工作经验）").notes == []


# round 47's titles and the reading each needs
READINGS = {
    "Global Seed 数据资源运营实习生（代码方向）": ("project_ops", "llm_data"),
    "腾讯短视频工具运营实习生": ("product_ops", "short_video"),
    "电商新媒体运营分销主任": ("channel_ops", None),
}


@pytest.mark.parametrize("title", list(READINGS))
def test_round_47s_titles_read_as_their_jobs(catalog, title):
    role, direction = READINGS[title]
    request = make_request(catalog, role=title).request
    assert request.role == role and (direction is None or direction in request.directions), request


def test_commercial_real_estate_marketing_is_refused(catalog):
    with pytest.raises(UserError):
        make_request(catalog, role="商业地产市场运营总监")


def test_an_ad_platforms_industry_ad_job_serves_advertisers(catalog):
    """Round 47: 腾讯社交广告金融行业广告运营 was written as an app's ad revenue (fill rate, 穿山甲)."""
    request = make_request(catalog, role="SA-腾讯社交广告金融行业广告运营（北京）").request
    assert request.role == "industry_ops" and "monetization" not in request.directions
    text = " ".join(x for s in compose(request, catalog).sections for x in s.items)
    assert "广告主" in text and "穿山甲" not in text and "填充率" not in text, text


def test_a_board_code_glued_to_the_end_of_a_title_is_noise(catalog):
    """Round 48: 社区运营实习生3534 and …运营0501 were printed with the board's codes."""
    printed = {
        t: make_request(catalog, role=t).request.title
        for t in ("社区运营实习生3534", "智能客服对话策略运营0501")
    }
    assert printed == {
        "社区运营实习生3534": "社区运营实习生",
        "智能客服对话策略运营0501": "智能客服对话策略运营",
    }


def test_no_two_intern_lines_keep_the_same_partner_ledger(catalog):
    """Round 47: 「整理合作方信息库…每周更新」 and 「…每周更新合作伙伴台账」 in one JD."""
    text = " ".join(x for s in _jd(catalog, "渠道运营实习生").sections for x in s.items)
    assert text.count("台账") + text.count("信息库") <= 1, text


def test_finance_insurance_and_park_titles_are_refused_naming_their_kind(catalog):
    """Rounds 47–48: 财务运营岗, 理赔运营专员 and 科创园运营主管 were told 「不认识」 and offered in-scope jobs."""
    said = {}
    for title in ("财务运营支持岗", "财务共享运营管理岗", "理赔运营专员", "科创园运营主管", "众创运营总监"):
        with pytest.raises(UserError) as caught:
            make_request(catalog, role=title)
        said[title] = "不认识" not in str(caught.value) and "属于" not in str(caught.value)
    assert all(said.values()), said


def test_a_category_in_a_store_or_merchant_title_stays_goods(catalog):
    """Round 44: 医药-B2C-电商健康品类招商运营专家 was written as a health content vertical."""
    request = make_request(catalog, role="医药-B2C-电商健康品类招商运营专家").request
    assert "vertical" not in request.directions and request.role != "content_ops", request
    assert "vertical" in make_request(catalog, role="健康品类运营").request.directions
