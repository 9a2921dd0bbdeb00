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
