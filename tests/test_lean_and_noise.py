"""Titles from a new board corpus (round 44): a generic title whose brackets carry an unknown job is refused,
not written as generic operations; district tags, 薪资面谈 and the like are board noise; a consultant, a
co-branded card, a remote intern and a health category are read as the job they are."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError


def _request(catalog, title: str):
    return make_request(catalog, role=title).request


@pytest.mark.parametrize("title", ["运营经理（安全）", "运营经理（师傅端）", "运营专员（区块链钱包）"])
def test_a_generic_title_whose_brackets_name_an_unknown_job_is_refused(catalog, title):
    with pytest.raises(UserError) as caught:
        _request(catalog, title)
    assert "--role" in str(caught.value)


# each out-of-scope title and a word its refusal must say
OUT_OF_SCOPE = {
    "运营经理（融资方向）": "资本",
    "电销运营专员": "销售",
    "团餐运营总监[进贤县]": "门店",
    "实体店运营经理[滨海新区]": "门店",
    "板材全国运营总监": "传统行业",
}


@pytest.mark.parametrize("title", list(OUT_OF_SCOPE))
def test_out_of_scope_titles_name_their_kind(catalog, title):
    with pytest.raises(UserError) as caught:
        _request(catalog, title)
    assert OUT_OF_SCOPE[title] in str(caught.value)


PRINTED = {
    "抖音运营 薪资面谈[雁塔区]": "抖音运营",
    "新媒体运营[虎丘区]": "新媒体运营",
    "高级内容运营（汽车区）": "高级内容运营（汽车区）",
}


@pytest.mark.parametrize("title", list(PRINTED))
def test_district_tags_and_pay_talk_are_board_noise_but_a_sites_zone_is_not(catalog, title):
    made = make_request(catalog, role=title)
    assert made.request.title == PRINTED[title]
    assert made.notes == []


@pytest.mark.parametrize(
    ("title", "role", "direction"),
    [
        ("商家运营顾问", "platform_ops", None),
        ("快团团运营", None, "community_group_buying"),
        ("品牌宣传运营实习生", "marketing_ops", "brand"),
        ("健康品类招商运营专家", "merchant_recruiting", "category"),
    ],
)
def test_board_words_read_as_their_job(catalog, title, role, direction):
    request = _request(catalog, title)
    assert role is None or request.role == role
    assert direction is None or direction in request.directions


def test_a_remote_intern_is_not_asked_to_come_in(catalog):
    jd = compose(_request(catalog, "内容运营实习生（远程）"), catalog)
    office = compose(_request(catalog, "内容运营实习生"), catalog)
    assert not any("到岗" in x for x in jd.section("requirements").items)
    assert any("到岗" in x for x in office.section("requirements").items)


def test_a_co_branded_card_is_no_ip_licensing(catalog):
    assert "ip_licensing" not in _request(catalog, "美团联名信用卡用户增长运营岗").directions
