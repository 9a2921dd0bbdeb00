"""Lines fit what fills them and the level they are for: a tool sentence names only tools it can speak of,
a stand-in topic is never printed, a bonus asks for no achievement two levels away, the level's own line
is never cut, and catalog check points out a tool sentence that takes a kind it cannot speak of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jdwriter.catalog.lint import lint_file
from jdwriter.catalog.model import LEVEL_IDS, load_catalog
from jdwriter.compose.bonus import REACH, achievement_ranks
from jdwriter.compose.writer import compose
from jdwriter.models import Request


def items(jd, section_id):
    section = jd.section(section_id)
    return section.items if section else []


def jobs(catalog, level):
    """Every role on its own and every direction with each of its roles, at one level."""
    for role in catalog.roles:
        yield Request(role=role.id, level=level)
    for direction in catalog.directions:
        for role in direction.roles:
            yield Request(role=role, level=level, directions=(direction.id,))


def frame_tools(catalog, level_id, line):
    """(takes, tools) when the line is one of the level's tool sentences, else None."""
    for text, takes in catalog.level_by_id[level_id].frames():
        head, tail = text.split("{tools}")
        found = re.fullmatch(re.escape(head) + r"(.+?)" + re.escape(tail), line.replace(" ", ""))
        if found:
            return text, takes, re.split(r"、|和", found.group(1))
    return None


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_a_tool_sentence_names_only_tools_of_the_kinds_it_takes(catalog, level):
    seen = 0
    for request in jobs(catalog, level):
        for line in items(compose(request, catalog), "requirements"):
            hit = frame_tools(catalog, level, line)
            if hit:
                text, takes, tools = hit
                seen += 1
                wrong = [t for t in tools if not catalog.takes_tool(text, takes, t.replace(" ", ""))]
                spaced = {t.replace(" ", ""): t for k in catalog.tool_kinds.values() for t in k.tools}
                wrong = [t for t in wrong if not catalog.takes_tool(text, takes, spaced.get(t, t))]
                assert not wrong, (request, line)
    if catalog.level_by_id[level].tool_line:
        assert seen > 100
    else:
        assert seen == 0  # 经理、总监: no tool sentence


def test_layout_editors_watch_no_metric_and_free_tools_have_no_budget(catalog):
    for level in ("intern", "specialist", "senior"):
        for request in jobs(catalog, level):
            for line in items(compose(request, catalog), "requirements"):
                assert not ("秀米" in line and "指标" in line), line
                assert not ("Python" in line and "操作" in line), line
                assert not ("OBS" in line and "周报里的数据" in line), line


def test_a_stand_in_topic_is_never_printed(catalog):
    general = catalog.placeholders["topics"]
    for level in LEVEL_IDS:
        for request in jobs(catalog, level):
            jd = compose(request, catalog)
            assert not [x for s in jd.sections for x in s.items if general in x], request
            assert general not in (jd.summary or "")


def test_an_industry_topic_is_still_written(catalog):
    industry = next(i for i in catalog.industries if "topics" in i.values)
    texts = [
        x
        for role in catalog.roles
        for s in compose(Request(role=role.id, level="specialist", industry=industry.id), catalog).sections
        for x in s.items
    ]
    assert any(industry.values["topics"] in x for x in texts)


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_no_bonus_asks_for_an_achievement_two_levels_away(catalog, level):
    rank = catalog.level_rank(level)
    industry = {
        x for i in catalog.industries for x in i.bonus
    }  # experience in an industry, not an achievement
    for request in jobs(catalog, level):
        for line in items(compose(request, catalog), "bonus"):
            if line in industry:
                continue
            ranks = achievement_ranks(catalog, line)
            assert not ranks or min(abs(r - rank) for r in ranks) <= REACH, (request, line)


def two_directions(catalog, level):
    """Every pair of directions written for one role: four direction lines compete with the level's."""
    for first in catalog.directions:
        for second in catalog.directions:
            shared = [r for r in first.roles if r in second.roles]
            if first.id < second.id and shared:
                yield Request(role=shared[0], level=level, directions=(first.id, second.id))


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_the_level_own_requirement_is_never_cut(catalog, level):
    own = catalog.level_by_id[level].requirements
    for request in [*jobs(catalog, level), *two_directions(catalog, level)]:
        lines = items(compose(request, catalog), "requirements")
        assert all(x in lines for x in own), (request, lines)


EXTENSION = """
tool_kinds:
  design:
    name: 设计软件
    cannot: [指标]
    tools: [即时设计]
levels:
  - id: specialist
    name: 专员
    title: "{role}专员"
    experience: 1–3 年运营经验
    skill_line:
      - 掌握{skills}的常用做法，每项工作做完能写出复盘
      - 有{skills}方面的实操经验，能说清数据变化
    tool_line:
      - text: 能借助{tools}盯住自己负责的指标，异常当天就能发现
        takes: [design, nosuch]
      - 日常工作离不开{tools}，知道各自适合做什么、不适合做什么
    scope: 你将负责具体模块的执行，把运营方案落实到每天的数据上。
    duty_count: 6
duties:
  - id: poster_design
    name: 海报设计
    lines:
      specialist:
        main:
          - 输出活动海报的设计需求，跟进设计稿按时交付并核对文案
      intern:
        main:
          - 协助整理活动海报的设计需求，记录每版修改意见和交付时间
      senior:
        main:
          - 负责活动视觉的需求排期，按活动节点保证设计稿准时上线
      manager:
        main:
          - 统筹设计与运营的协作流程，把视觉需求的平均交付周期压到三天
      director:
        main:
          - 审定年度活动视觉规范，确定各业务线的设计资源分配
    tools: [即时设计, 墨刀原型]
"""


def test_catalog_check_points_out_tool_sentences_and_tools_that_do_not_fit(tmp_path: Path):
    path = tmp_path / "ext.yaml"
    path.write_text(EXTENSION, encoding="utf-8")
    catalog = load_catalog([path])
    reasons = [f.reason for f in lint_file(path, catalog)]
    assert any("设计软件" in r and "指标" in r for r in reasons), reasons  # takes a kind it cannot speak of
    assert any("nosuch" in r for r in reasons), reasons  # a kind no one declared
    assert any("墨刀原型" in r for r in reasons), reasons  # a tool of no kind
    assert not any("即时设计" in r and "tool_kinds" in r for r in reasons), reasons


def test_catalog_check_points_out_a_value_that_echoes_the_next_word(tmp_path: Path):
    """{supply} is 合作方 without an industry: 「{supply}合作政策」 reads 「合作方合作政策」."""
    path = tmp_path / "ext.yaml"
    path.write_text(
        EXTENSION.replace("跟进设计稿按时交付", "跟进{supply}合作的设计稿按时交付"), encoding="utf-8"
    )
    catalog = load_catalog([path])
    reasons = [f.reason for f in lint_file(path, catalog)]
    assert any("合作方" in r and "两遍" in r for r in reasons), reasons


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_the_level_own_bonus_is_never_cut(catalog, level):
    """...unless another bonus line already says what it says (从零 beside 从零搭建过平台入驻; round 55)."""
    from jdwriter.catalog.vocabulary import vocabulary

    themes = vocabulary().title.said_once
    own = catalog.level_by_id[level].bonus
    for request in jobs(catalog, level):
        lines = items(compose(request, catalog), "bonus")
        for x in own:
            said = [t for t in themes if any(w in x for w in t)]
            others = [y for y in lines if y != x and any(w in y for t in said for w in t)]
            assert x in lines or others, (request, lines)
