"""Session 16: lines the panels graded OFF again and again (rounds 36–50), now declared as practices of the jobs
that do them, so other jobs' JDs leave them out and the jobs that do them keep them."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request


def _text(catalog, title: str) -> str:
    from jdwriter.compose.writer import compose

    jd = compose(make_request(catalog, role=title).request, catalog)
    return " ".join(x for s in jd.sections for x in s.items)


LEFT_OUT = [
    ("网络运营推广", "签到、养成"),  # long-run retention play is activity work, not promotion
    ("网络运营推广", "账号定位与栏目"),  # a promotion job does not set a media account's positioning
    ("会员运营/CRM运营", "邀请裂变"),  # membership and CRM run no acquisition block
    ("会员运营/CRM运营", "拉新渠道"),
    ("京东运营店长", "入仓预约"),  # a store (POP) does not ship into JD's own warehouses
    ("运营经理", "反馈处理的跨部门协同"),  # feedback loops are product and platform work
    ("商家运营", "权益兑现和数据回传"),  # partner rights are partnership work, not merchant work
    ("腾讯广告KA行业运营经理", "续约和增购"),  # advertisers spend budgets; they do not renew contracts
    ("互娱粉丝运营经理", "海外 Discord"),  # a domestic game community
    ("海外数据分析运营", "本地化的文案"),  # overseas data work posts no localised copy
    ("大模型交付产品运营", "AI 使用技巧"),  # consumer AI tutorials are not delivery work
    ("AI策略运营", "供给、定价、补贴"),  # marketplace strategy is not AI strategy
    ("新媒体运营主管", "核心指标报表的准确性"),  # report accuracy is the data team's
    ("腾讯视频音乐频道运营编辑", "秀米"),  # a channel editor on a video platform does not lay out articles
    ("直播运营实习生", "截稿"),  # live-stream work has no editorial deadlines
]


@pytest.mark.parametrize(("title", "words"), LEFT_OUT)
def test_a_line_for_another_kind_of_job_is_left_out(catalog, title, words):
    assert words not in _text(catalog, title)


KEPT = [
    ("活动运营", "签到、养成"),
    ("用户运营", "邀请裂变"),
    ("京东自营运营经理", "入仓预约"),
    ("产品运营经理", "反馈处理的跨部门协同"),
    ("平台合作运营", "权益兑现和数据回传"),
    ("策略运营", "供给、定价、补贴"),
]


@pytest.mark.parametrize(("title", "words"), KEPT)
def test_the_job_that_does_the_work_keeps_the_line(catalog, title, words):
    assert words in _text(catalog, title)


def test_a_rewritten_editorial_line_reads_for_any_content_job(catalog):
    """「交给编辑更正」 read as a newsroom's process in e-commerce and app content JDs."""
    text = _text(catalog, "内容运营实习生")
    assert "交给编辑更正" not in text
