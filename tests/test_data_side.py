"""A data-operations JD writes app work (tracking events, A/B experiments, grouping users by spend) only when the
title says the job sits on a product or user side; a data job in ride-hailing, delivery or sales gets reports,
analyses, business reviews and metric definitions (rounds 40–43: 「网约车该看订单量…不是付费转化人数」,
「交付运营一般不做AB实验」, 「埋点是产品数据的活，不是服务商运营」)."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose

APP_WORDS = ("埋点", "实验", "A/B", "付费", "RFM")


def _jd(catalog, title: str):
    return compose(make_request(catalog, role=title).request, catalog)


def _duties(catalog, title: str) -> list[str]:
    section = _jd(catalog, title).section("duties")
    assert section is not None
    return section.items


@pytest.mark.parametrize(
    "title",
    [
        "网约车平台公司-数据运营实习生",
        "数据运营实习生（交付运营）",
        "销售数据分析运营师",
        "数据运营专员",
        "数据运营经理",
    ],
)
def test_a_data_job_with_no_product_side_names_no_app_work(catalog, title):
    duties = _duties(catalog, title)
    assert [x for x in duties if any(w in x for w in APP_WORDS)] == [], duties
    assert any(w in x for x in duties for w in ("报表", "周报", "日报", "数据表")), duties


@pytest.mark.parametrize("title", ["用户数据运营专员", "增长数据运营", "产品数据运营经理"])
def test_a_data_job_on_the_product_side_keeps_tracking_and_experiments(catalog, title):
    duties = _duties(catalog, title)
    assert any(w in x for x in duties for w in ("埋点", "实验", "分层")), duties


@pytest.mark.parametrize("level", ["专员", "主管", "经理", "总监"])
def test_the_plain_data_jd_has_no_two_lines_on_the_same_thing(catalog, level):
    duties = _duties(catalog, f"数据运营{level}")
    heads = [x[:8] for x in duties]
    assert len(set(heads)) == len(heads), duties
    assert sum("看板" in x for x in duties) <= 1, duties
    assert sum("字典" in x for x in duties) <= 1, duties
