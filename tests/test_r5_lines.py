"""Round-5 line fixes: a skill sentence names one skill as a whole piece of work, other functions' stock
lines stay with the roles whose job they are (practices), a JD says each requirement once, and lines sized
below or above the level are left out."""

from __future__ import annotations

import itertools

import pytest

from jdwriter.catalog.frames import frame_problems
from jdwriter.catalog.lint import NEAR, similarity
from jdwriter.catalog.model import LEVEL_IDS, load_catalog
from jdwriter.compose.writer import compose
from jdwriter.models import Request


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def lines(jd, section=None):
    return [x for s in jd.sections if section in (None, s.id) for x in s.items]


def test_the_lint_refuses_a_frame_that_hangs_its_own_noun_on_the_skill():
    for bad in (
        "理解{skills}背后的逻辑，能提出改进",
        "自学过{skills}的入门知识，能照做",
        "对{skills}的常见问题有处理经验",
    ):
        assert list(frame_problems(bad)), bad
    for good in ("在{skills}上有可展示的成果", "熟悉{skills}，能独立制定方案", "有{skills}方面的实操经验"):
        assert not list(frame_problems(good)), good


def test_no_requirement_drops_a_list_of_skills_into_a_sentence(catalog):
    skills = {s for d in [*catalog.duties, *catalog.directions] for s in d.skills}
    for role, level in itertools.product(catalog.roles, LEVEL_IDS):
        for text in lines(compose(Request(role=role.id, level=level), catalog), "requirements"):
            listed = [a for a in skills for b in skills if a != b and f"{a}、{b}" in text]
            assert not listed, (role.id, level, text)


def test_an_assembled_requirement_gives_way_to_a_written_one_that_says_the_same():
    from jdwriter.compose.requirements import once

    skill = "在渠道资源评估上带团队拿过结果，能把方法沉淀成团队的标准动作"
    written = "带团队拿过渠道资源评估的结果，能把方法沉淀成团队标准动作"
    other = "熟悉各类渠道的成本结构，能定出年度渠道组合与预算上限"
    out = once(["本科及以上学历，5 年以上渠道运营经验", skill, other, written], [skill])
    assert written in out and skill not in out and other in out
    assert len(out) == 3


def test_no_jd_says_one_requirement_twice(catalog):
    for role, level, seed in itertools.product(catalog.roles, LEVEL_IDS, (None, 1)):
        reqs = lines(compose(Request(role=role.id, level=level, seed=seed), catalog), "requirements")
        near = [(a, b) for a, b in itertools.combinations(reqs, 2) if similarity(a, b) > NEAR]
        assert not near, (role.id, level, near)


def test_company_wide_lines_belong_to_the_company_wide_roles(catalog):
    for role in catalog.roles:
        if role.id in ("business_ops", "data_ops"):
            continue
        for seed in (None, 1, 2):
            text = " ".join(lines(compose(Request(role=role.id, level="director", seed=seed), catalog)))
            assert "管理层经营看板" not in text and "经营会" not in text, role.id


@pytest.mark.parametrize(
    ("role", "direction", "words"),
    [
        ("marketing_ops", "cross_border", ("深度访谈", "AppsFlyer", "新闻稿", "次日留存")),
        ("user_ops", "amazon", ("深度访谈", "AppsFlyer", "神策", "次日留存")),
        ("new_media_ops", "short_video", ("阅读量", "稳定读者")),
        ("content_ops", "bilibili", ("阅读量", "发文量", "截稿")),
    ],
)
def test_a_direction_rules_out_other_functions_stock_lines(catalog, role, direction, words):
    for level, seed in itertools.product(LEVEL_IDS, (None, 1, 2, 3)):
        text = " ".join(
            lines(compose(Request(role=role, level=level, directions=[direction], seed=seed), catalog))
        )
        assert not [w for w in words if w in text], (level, seed, text)


def test_stock_lines_of_one_function_stay_out_of_another(catalog):
    stock = {
        "merchant_recruiting": ("深度访谈", "新渠道开拓"),
        "industry_ops": ("深度访谈",),
        "data_ops": ("神策",),
    }
    for (role, words), level, seed in itertools.product(stock.items(), LEVEL_IDS, (None, 1, 2)):
        text = " ".join(lines(compose(Request(role=role, level=level, seed=seed), catalog)))
        assert not [w for w in words if w in text], (role, level, text)


def test_no_line_is_sized_below_or_above_the_level(catalog):
    for role, seed in itertools.product(catalog.roles, (None, 1)):
        intern = lines(compose(Request(role=role.id, level="intern", seed=seed), catalog))
        assert not [x for x in intern if "独立处理" in x], role.id
        for level in ("manager", "director"):
            text = lines(compose(Request(role=role.id, level=level, seed=seed), catalog))
            assert not [x for x in text if "后台完成" in x], (role.id, level)


SKILL_FRAME_TAILS = (
    "上有可展示的工作成果",
    "上处理过出错的情况",
    "上做事先定衡量标准",
    "愿意边做边学",
    "方面的真实项目",
)


def test_builtin_requirements_write_no_assembled_skill_sentence(catalog):
    """Panel round 5: 31 of its 42 BAD lines were a skill dropped into a level's fixed sentence (「在指标体系设计
    上掌握常用做法…」). The built-in levels declare no skill sentence; requirement lines are written whole."""
    assert all(not level.skill_line for level in catalog.levels)
    for role, level in itertools.product(catalog.roles, LEVEL_IDS):
        reqs = lines(compose(Request(role=role.id, level=level), catalog), "requirements")
        assert not [x for x in reqs if any(t in x for t in SKILL_FRAME_TAILS)], (role.id, level, reqs)


def test_an_extension_may_still_declare_a_skill_sentence(tmp_path):
    """The field stays part of the catalogue format: a user's level with skill_line gets its sentence."""
    import yaml

    from jdwriter.catalog.model import read_catalog_data
    from tests.test_writing import ROOT

    specialist = next(
        x for x in read_catalog_data(ROOT / "data" / "duties.yaml")["levels"] if x["id"] == "specialist"
    )
    level = {
        **specialist,
        "skill_line": ["在{skills}上有完整的作品，能讲清自己做的部分", "在{skills}上做过完整项目"],
    }
    path = tmp_path / "ext.yaml"
    path.write_text(yaml.safe_dump({"levels": [level]}, allow_unicode=True), encoding="utf-8")
    extended = load_catalog([path])
    reqs = lines(compose(Request(role="user_ops", level="specialist"), extended), "requirements")
    assert any(x.startswith("在") and ("完整的作品" in x or "完整项目" in x) for x in reqs), reqs


@pytest.mark.parametrize(
    "title", ["内容运营管培生", "用户运营（2026届校招）", "电商运营培训生", "新媒体运营-应届毕业生"]
)
def test_a_campus_hire_is_not_asked_for_years_of_work(catalog, title):
    """管培生, 校招, 应届: the specialist's experience line asks for no years (a panel found 1–3 年 for a 培训生)."""
    from jdwriter.api import make_request

    request = make_request(catalog, role=title).request
    reqs = lines(compose(request, catalog), "requirements")
    assert "应届" in reqs[0] and "年" not in reqs[0].replace("一年以内", ""), reqs[0]


def test_an_experienced_hire_keeps_its_years(catalog):
    from jdwriter.api import make_request

    reqs = lines(compose(make_request(catalog, role="内容运营专员").request, catalog), "requirements")
    assert "1–3 年" in reqs[0]


def test_pushing_perks_to_a_segment_list_is_crm_work_not_data_work(catalog):
    """A panel found 「按分层名单推送差异化权益」 in three 数据运营 JDs: the data team builds the segments, CRM
    (用户运营) pushes to them."""
    data = [
        x
        for level, seed in itertools.product(LEVEL_IDS, range(4))
        for x in lines(compose(Request(role="data_ops", level=level, seed=seed), catalog))
    ]
    assert not [x for x in data if "推送差异化权益" in x]
    assert "crm_reach" in next(r for r in catalog.roles if r.id == "user_ops").practices
