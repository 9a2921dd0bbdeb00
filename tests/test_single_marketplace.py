"""A cross-border title that names one marketplace (沃尔玛运营, 日本乐天运营, eBay运营) is that store's job: no line
asks for several cross-border platforms, and no other marketplace is named; a plain cross-border title keeps the
multi-platform work (rounds 40–43 marked 「同时运营过三个以上跨境平台」 and 「多平台刊登」 OFF for 沃尔玛 and 乐天)."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose

MULTI = ("多平台", "多个跨境平台", "各跨境平台", "三个以上跨境平台", "各平台")
OTHERS = ("速卖通", "Shopee", "Temu", "Lazada", "亚马逊")


def _text(catalog, title: str) -> str:
    jd = compose(make_request(catalog, role=title).request, catalog)
    return " ".join([jd.summary or "", *(x for s in jd.sections for x in s.items)])


@pytest.mark.parametrize(
    "title",
    ["沃尔玛运营专员", "日本乐天运营", "eBay运营主管", "美客多运营", "沃尔玛运营经理", "Walmart运营总监"],
)
def test_one_marketplace_gets_no_multi_platform_lines(catalog, title):
    text = _text(catalog, title)
    assert not [w for w in MULTI + OTHERS if w in text], text
    assert "跨境" in text or "海外" in text, text


@pytest.mark.parametrize("title", ["跨境电商运营经理", "跨境电商运营总监"])
def test_a_plain_cross_border_job_keeps_the_multi_platform_work(catalog, title):
    assert any(w in _text(catalog, title) for w in ("多个跨境平台", "三个以上跨境平台")), title
