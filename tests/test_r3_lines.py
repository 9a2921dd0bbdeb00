"""Round 3, line level: JDs for the right job that carried a line of another function, a line beyond the
level, or a placeholder printed as text. Each class is tested over the whole catalogue, and the lint that
keeps it from coming back is tested on a file of our own."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from jdwriter.catalog.lint import lint_file
from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.job import Job
from jdwriter.compose.writer import compose
from jdwriter.models import Request


def lines(jd, *sections):
    return [x for s in jd.sections if not sections or s.id in sections for x in s.items]


def practice_words(catalog, pid):
    return [w for w in catalog.practices[pid].words]


@pytest.fixture(scope="session")
def all_jds(catalog):
    """(role, level, direction or None) → JD, for every role, level and every direction written for it."""
    out = {}
    for role, level in itertools.product(catalog.roles, LEVEL_IDS):
        out[(role.id, level, None)] = compose(Request(role=role.id, level=level), catalog)
        for d in catalog.directions:
            if role.id in d.roles:
                out[(role.id, level, d.id)] = compose(
                    Request(role=role.id, level=level, directions=(d.id,)), catalog
                )
    return out


def test_no_jd_asks_for_more_or_less_than_its_level(catalog, all_jds):
    """An intern is not asked to be 熟练 at SQL after 「在指导下完成日常操作」, a 1–3-year specialist not to have
    built a 百人 team's system, a director not to list 报表制作 or a 月 GMV 百万 shop."""
    for (role, level, direction), jd in all_jds.items():
        beyond = catalog.level_by_id[level].beyond
        for text in lines(jd):
            said = [w for w in beyond if w in text]
            assert not said, (role, level, direction, text, said)


def test_the_levels_rule_out_what_the_panel_found(catalog):
    assert "熟练" in catalog.level_by_id["intern"].beyond
    assert "管理过" in catalog.level_by_id["specialist"].beyond
    assert "报表制作" in catalog.level_by_id["director"].beyond


def test_an_intern_with_a_strategy_direction_is_not_asked_for_fluent_sql(catalog):
    for d in catalog.directions:
        for role in d.roles:
            jd = compose(Request(role=role, level="intern", directions=(d.id,)), catalog)
            assert not any("熟练" in x for x in lines(jd, "requirements")), (d.id, role)


def test_a_direction_that_only_names_the_domain_brings_none_of_its_function(catalog):
    """游戏 in a media, channel or industry job says where the job works, not that it designs 付费点."""
    game = next(d for d in catalog.directions if "game_economy" in (d.practices or []))
    words = practice_words(catalog, "game_economy")
    others = [r for r in catalog.roles if r.id not in game.roles and r.direction_blocks]
    assert others
    for role, level in itertools.product(others, LEVEL_IDS):
        jd = compose(Request(role=role.id, level=level, directions=(game.id,)), catalog)
        said = [(x, w) for x in lines(jd) for w in words if w in x]
        assert not said, (role.id, level, said)


def test_a_role_the_direction_is_written_for_keeps_its_function(catalog):
    game = next(d for d in catalog.directions if "game_economy" in (d.practices or []))
    words = practice_words(catalog, "game_economy")
    jd = compose(Request(role=game.roles[0], level="specialist", directions=(game.id,)), catalog)
    assert any(w in x for x in lines(jd) for w in words)


@pytest.mark.parametrize(
    "practice",
    [
        "service_qc",
        "partner_team",
        "risk_function",
        "pmo",
        "brand_team",
        "ads_team",
        "bd_team",
        "lifecycle_ops",
    ],
)
def test_another_functions_lines_stay_with_that_function(catalog, all_jds, practice):
    """客服质检 in an e-commerce JD, 伙伴拓展团队 under a media manager, 法务风控联防 under a channel
    manager, 公司级项目 in an activity JD: each only where the role or direction does that work."""
    words = practice_words(catalog, practice)
    owners = {r.id for r in catalog.roles if practice in (r.practices or [])}
    owning_directions = {d.id for d in catalog.directions if practice in (d.practices or [])}
    for (role, level, direction), jd in all_jds.items():
        if role not in owners and direction not in owning_directions:
            said = [x for x in lines(jd) if any(w in x for w in words)]
            assert not said, (practice, role, level, direction, said)
    # the role that does the work still writes them
    catalogue_lines = [
        x
        for d in catalog.duties
        for lv in d.lines.values()
        if lv
        for x in lv.main
        if any(w in x for w in words)
    ]
    assert catalogue_lines
    for owner in owners:
        assert all(Job(Request(role=owner, level="manager"), catalog).fits(x) for x in catalogue_lines), owner


def test_course_work_sentences_name_only_tools_a_student_can_have_used(catalog, all_jds):
    enterprise = {k for k, kind in catalog.tool_kinds.items() if "课程作业" in kind.cannot}
    assert {"data", "backend", "ads", "office"} <= enterprise
    checked = 0
    for key, jd in all_jds.items():
        for text in lines(jd, "requirements"):
            if "课程作业" in text:
                checked += 1
                found = [t for t in catalog.tool_kind if t in text.casefold()]
                named = [
                    t for t in found if not any(t != o and t in o for o in found)
                ]  # 飞书 in 飞书多维表格
                assert not [t for t in named if catalog.tool_kind[t] in enterprise], (key, text)
    assert checked


def test_no_composed_line_prints_a_stand_in(all_jds):
    for key, jd in all_jds.items():
        assert not [x for x in lines(jd) if "所应聘" in x or "{" in x], key


def test_a_title_word_for_a_field_does_not_replace_the_product_in_a_line(catalog):
    """人工智能 in the title is a field: 「AI产品内置的提示词模板」 must not become 「人工智能内置的…」."""
    for word in ("人工智能", "AIGC", "大模型"):
        request = Request(
            role="product_ops", level="specialist", directions=("ai_product",), title=f"{word}产品运营"
        )
        for text in lines(compose(request, catalog), "duties"):
            assert f"{word}内置" not in text, text


def test_a_title_naming_a_platform_another_way_keeps_its_spelling(catalog):
    direction = next(d for d in catalog.directions if "bilibili" in (d.practices or []) and "B站" in d.name)
    role = direction.roles[0]
    request = Request(role=role, level="specialist", directions=(direction.id,), title="bilibili运营专员")
    duties = lines(compose(request, catalog), "duties")
    assert any("bilibili" in x for x in duties), duties


CATALOGUE = """\
version: 1
duties:
  - id: toy_block
    name: 玩具块
    lines:
      intern:
        main:
          - 协助整理玩具店每周的销量数据，标出卖得最好的十款玩具
          - 记录玩具店顾客的反馈，按问题类型登记并每周汇总
    skills: [{skill}]
    tools: [Excel]
directions:
  - id: toy_dir
    name: 玩具运营
    roles: [user_ops]
    summary: 玩具运营让孩子和家长都满意
    duties: [toy_block]
    skills: [玩具陈列]
    requirements:
      junior: [{junior}]
      senior: [独立负责过一家玩具店的陈列与促销，说得清销量变化]
      lead: [带过玩具零售团队，能定年度销售目标]
"""


def _findings(tmp_path: Path, catalog, **values: str) -> list[str]:
    path = tmp_path / "ext.yaml"
    path.write_text(CATALOGUE.format(**values), encoding="utf-8")
    return [f.reason for f in lint_file(path, catalog)]


def test_lint_names_a_stand_in_and_a_skill_that_is_a_state_of_mind(tmp_path, catalog):
    clean = _findings(tmp_path, catalog, skill="玩具陈列设计", junior="常逛玩具店，能说出两家店陈列的不同")
    assert not [r for r in clean if "占位" in r or "技能以" in r], clean
    bad = _findings(
        tmp_path, catalog, skill="玩具陈列理解", junior="是所应聘品类玩具的老玩家，能说出陈列的好坏"
    )
    assert any("所应聘" in r and "占位" in r for r in bad), bad
    assert any("技能以「理解」结尾" in r for r in bad), bad


def test_lint_names_a_level_line_beyond_the_level(tmp_path, catalog):
    text = CATALOGUE.replace("协助整理玩具店每周", "熟练整理玩具店每周")
    path = tmp_path / "ext.yaml"
    path.write_text(text.format(skill="玩具陈列设计", junior="常逛玩具店，能说出两家店陈列的不同"), "utf-8")
    reasons = [f.reason for f in lint_file(path, catalog)]
    assert any("不写「熟练」" in r for r in reasons), reasons


def test_lint_names_a_course_work_frame_that_takes_enterprise_tools(tmp_path, catalog):
    path = tmp_path / "levels.yaml"
    path.write_text(
        "version: 1\nlevels:\n  - id: intern\n    tool_line:\n"
        "      - text: 用过{tools}做课程作业，做出的东西拿得出手\n        takes: [office, desktop]\n"
        "      - 愿意学习{tools}，一周内能独立完成基础操作\n",
        encoding="utf-8",
    )
    reasons = [f.reason for f in lint_file(path, catalog)]
    assert any("课程作业" in r for r in reasons), reasons


def test_a_domain_only_direction_asks_for_familiarity_not_for_having_led_its_function(catalog):
    """海外手游媒介经理: 游戏 is where the media manager works; 带领过一款游戏的运营团队 and 运营过月流水千万级的
    手游 are a game operator's requirement and bonus, not the media manager's."""
    checked = 0
    for d in catalog.directions:
        led = [x for x in [*d.requirements.senior, *d.requirements.lead, *d.bonus] if "{" not in x]
        led = [x for x in led if x not in d.requirements.junior]
        others = [r for r in catalog.roles if r.id not in d.roles and r.direction_blocks]
        for role, level in itertools.product(others[:3], ("senior", "manager", "director")):
            jd = compose(Request(role=role.id, level=level, directions=(d.id,)), catalog)
            assert not set(led) & set(lines(jd)), (d.id, role.id, level, set(led) & set(lines(jd)))
            checked += 1
    assert checked


def test_an_ecommerce_jd_without_an_industry_speaks_of_orders(catalog):
    """跨境电商 with no industry named: 下单, not an app's 付费转化."""
    for level in LEVEL_IDS:
        for directions in ((), *((d.id,) for d in catalog.directions if "ecommerce_ops" in d.roles)):
            jd = compose(Request(role="ecommerce_ops", level=level, directions=directions), catalog)
            assert not [x for x in lines(jd) if "付费转化" in x], (level, directions)
