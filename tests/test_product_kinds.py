"""A product operations job is written for the kind of product it runs: a fund shelf is not an app feature, a cloud
product sells by trial and billing, an ad platform's agencies are not app-install channels (round 12's WRONG JOBs:
理财产品运营经理, 腾讯云生态产品运营经理, 腾讯广告SMB渠道运营经理). Bank advisers are not operations at all."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.render.render import render_text

LEVELS = ("实习生", "专员", "主管", "经理", "总监")
APP_FEATURE = ("帮助中心", "功能渗透率", "灰度", "弹窗", "A/B")
APP_INSTALLS = ("预装", "联运", "次日留存", "LTV", "应用商店", "AppsFlyer")


def _duties(catalog, title: str) -> str:
    text = render_text(compose(make_request(catalog, role=title).request, catalog), "md")
    return text.split("## 岗位职责", 1)[1].split("## 任职要求", 1)[0]


@pytest.mark.parametrize("level", LEVELS)
def test_a_wealth_product_job_runs_the_fund_shelf_not_app_features(catalog, level):
    duties = _duties(catalog, f"理财产品运营{level}")
    assert "基金" in duties
    assert not [w for w in APP_FEATURE if w in duties]


@pytest.mark.parametrize("level", LEVELS)
def test_a_cloud_product_job_speaks_of_launch_trial_or_billing(catalog, level):
    duties = _duties(catalog, f"云产品运营{level}")
    assert [w for w in ("计费", "试用", "定价", "发布", "案例", "消耗") if w in duties]
    assert not [w for w in APP_FEATURE if w in duties]


@pytest.mark.parametrize("level", LEVELS)
def test_an_ad_agency_channel_is_not_an_app_install_channel(catalog, level):
    duties = _duties(catalog, f"代理商运营{level}")
    assert "代理商" in duties
    assert not [w for w in APP_INSTALLS if w in duties]


@pytest.mark.parametrize("title", ["广告产品运营经理", "商业化产品运营专员"])
def test_an_ad_product_job_works_with_advertisers(catalog, title):
    duties = _duties(catalog, title)
    assert len([w for w in ("广告主", "代理商", "投放", "消耗", "出价") if w in duties]) >= 2


@pytest.mark.parametrize("title", ["理财经理", "理财顾问", "私人银行理财经理", "理财师"])
def test_bank_wealth_advisers_are_refused_as_finance(catalog, title):
    with pytest.raises(UserError, match="金融业务"):
        make_request(catalog, role=title)


def test_a_cloud_ecosystem_product_job_is_ecosystem_operations(catalog):
    assert make_request(catalog, role="腾讯云生态产品运营经理").request.role == "ecosystem_ops"
