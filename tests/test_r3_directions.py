"""Two job families the round-3 panel found written as the wrong job.

策略运营 (supply, pricing, subsidy, fulfilment, governance, sales strategy…) is its own direction: the
traffic direction (recommendation and traffic allocation) only when the title is about traffic, search,
recommendation or distribution. 大模型数据运营 (corpus, labelling specs, labelling vendors, QA, datasets,
evaluation sets) is its own direction, not a product data-analysis JD. The titles below are invented."""

from __future__ import annotations

import json

import pytest

from jdwriter.cli import app

from .cli_json import body, directions, new

LEVELS = ["实习生", "专员", "主管", "经理", "总监"]

STRATEGY_TITLES = [
    "补贴策略运营专员",
    "定价策略运营经理",
    "供给策略运营实习生",
    "销售策略运营（到店业务）",
    "门店收益策略运营总监",
    "骑手履约策略运营专家",
]
TRAFFIC_TITLES = [
    "推荐策略运营专员",
    "搜索策略运营主管",
    "流量分发运营经理",
    "资源位运营实习生",
    "流量策略专员",
]
LLM_TITLES = [
    "大模型语料运营专员",
    "AI训练数据运营实习生",
    "数据标注运营经理",
    "评测数据运营主管",
    "大模型数据运营（韩语方向）",
    "AIGC数据运营总监",
    "大模型标注运营专员",
    "多模态数据运营主管",
    "模型评测运营经理",
]

# lines only a traffic-allocation job has; a pricing or fulfilment strategy JD must name none of them
TRAFFIC_WORDS = ["推荐位", "曝光", "首页", "流量分配", "排序", "召回", "人群包", "资源位", "Push", "分发"]
# product data-analysis lines that made the LLM data JDs the wrong job
PRODUCT_DATA_WORDS = ["埋点", "RFM", "神策", "GrowingIO", "漏斗", "留存", "A/B", "AB 实验", "付费转化"]


@pytest.mark.parametrize("title", STRATEGY_TITLES)
def test_strategy_titles_get_the_strategy_job_and_no_traffic_lines(runner, title):
    jd = new(runner, title)
    assert directions(jd)[0] == "strategy_ops", directions(jd)
    assert "traffic_strategy" not in directions(jd)
    text = body(jd)
    assert not [w for w in TRAFFIC_WORDS if w in text], text
    assert "策略" in "\n".join(next(s["items"] for s in jd["sections"] if s["id"] == "duties")[:3])


@pytest.mark.parametrize("title", TRAFFIC_TITLES)
def test_traffic_titles_still_get_the_traffic_direction(runner, title):
    jd = new(runner, title)
    assert directions(jd)[0] == "traffic_strategy", directions(jd)
    duties = next(s["items"] for s in jd["sections"] if s["id"] == "duties")
    assert any(w in duties[0] for w in ["流量", "推荐", "搜索", "分发", "资源位", "实验"]), duties


@pytest.mark.parametrize("title", LLM_TITLES)
def test_llm_data_titles_get_the_data_operations_job_not_product_analytics(runner, title):
    jd = new(runner, title)
    assert directions(jd) == ["llm_data"], directions(jd)
    text = body(jd)
    assert not [w for w in PRODUCT_DATA_WORDS if w in text], text
    duties = next(s["items"] for s in jd["sections"] if s["id"] == "duties")
    words = ["标注", "语料", "评测", "质检", "验收", "数据集", "众包"]
    assert len([x for x in duties if any(w in x for w in words)]) >= 3, duties


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize(
    ("stem", "direction"), [("履约策略运营", "strategy_ops"), ("大模型数据运营", "llm_data")]
)
def test_every_level_reads_its_own_level_and_gets_a_kit(runner, stem, direction, level):
    """Each level leads with the direction's own blocks, and the interview kit has questions for them."""
    jd = new(runner, f"{stem}{level}")
    assert directions(jd)[0] == direction and jd["level"]["name"] == level
    result = runner.invoke(app, ["kit", "--title", f"{stem}{level}", "--format", "json"])
    assert result.exit_code == 0, result.output
    kit = json.loads(result.stdout)
    own = set(runner_catalog_duties(direction))
    assert kit["competencies"][0]["id"] in own


def test_strategy_requirements_read_as_sentences(runner):
    """No skill name spliced into a frame that cannot take it (对…排序因子理解感兴趣)."""
    for title in [*STRATEGY_TITLES, *TRAFFIC_TITLES]:
        reqs = next(s["items"] for s in new(runner, title)["sections"] if s["id"] == "requirements")
        assert not [x for x in reqs if "理解感兴趣" in x or "理解方面" in x or "理解上" in x], reqs


def runner_catalog_duties(direction: str) -> list[str]:
    from jdwriter.api import get_catalog

    return get_catalog().direction_by_id[direction].duties


@pytest.mark.parametrize("title", ["品牌策略经理", "创意策略总监", "营销策略专员"])
def test_brand_and_creative_planners_are_not_strategy_operations(catalog, title):
    """策略 alone is an agency planner's word too: only the strategy-ops family's own words lead there."""
    from jdwriter.api import make_request
    from jdwriter.errors import UserError

    try:
        request = make_request(catalog, role=title).request
    except UserError:
        return  # refused is honest too
    assert "strategy_ops" not in request.directions
