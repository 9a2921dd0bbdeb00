"""A title that names the kind of data or the object of the work gets a line for it first: 大模型数据运营-语音方向
writes audio transcription, -推理方向 maths and code problems, 多模态 images and video, 商业广告方向 ad creatives
(round 44: three such JDs wrote only text corpora); and the words of round 44's tune half read as their jobs
(专有云 is cloud product work, KOL推广 is influencer placement, 信息流垂类 is feed content, 工业厂房 is leasing)."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError


def _request(catalog, title: str):
    return make_request(catalog, role=title).request


def _duties(catalog, title: str) -> list[str]:
    return compose(_request(catalog, title), catalog).section("duties").items


@pytest.mark.parametrize(
    "title_and_word",
    [
        "大模型数据运营-语音方向实习生:音频",
        "大模型数据运营-推理方向:推导",
        "多模态数据运营专家:画面",
        "AI数据运营（商业广告方向）实习生:广告素材",
    ],
)
def test_the_kind_of_data_leads_the_duties(catalog, title_and_word):
    title, word = title_and_word.split(":")
    duties = _duties(catalog, title)
    assert word in duties[0], duties


def test_plain_llm_data_work_names_no_kind(catalog):
    text = " ".join(_duties(catalog, "大模型数据运营"))
    assert not any(w in text for w in ("音频", "推导", "画面", "广告素材")), text


@pytest.mark.parametrize(
    ("title", "direction"),
    [
        ("腾讯专有云高级产品运营经理", "cloud_product"),
        ("海外KOL推广运营（英语+远程实习）", "kol_placement"),
    ],
)
def test_board_words_name_their_direction(catalog, title, direction):
    assert direction in _request(catalog, title).directions


def test_feed_content_is_no_feed_advertising(catalog):
    request = _request(catalog, "信息流垂类运营（体育）")
    assert "paid_growth" not in request.directions
    assert request.role == "content_ops"


def test_industrial_buildings_are_leasing_not_platform_recruiting(catalog):
    with pytest.raises(UserError) as caught:
        _request(catalog, "招商运营总经理（工业厂房）")
    assert "产业园区" in str(caught.value)


@pytest.mark.parametrize(
    "title", ["腾讯广告消费品零售行业运营经理", "巨量引擎行业运营专员", "腾讯广告联盟广告效果行业运营经理"]
)
def test_an_ad_platforms_industry_job_works_with_advertisers_not_isvs(catalog, title):
    jd = compose(_request(catalog, title), catalog)
    text = " ".join(x for s in jd.sections for x in s.items)
    assert not any(w in text for w in ("ISV", "云厂商", "数字化现状")), text
    assert "广告主" in text, text


def test_a_cloud_industry_job_keeps_its_solutions_side(catalog):
    jd = compose(_request(catalog, "腾讯云高级行业运营经理"), catalog)
    text = " ".join(x for s in jd.sections for x in s.items)
    assert "方案" in text and "广告主" not in text, text
