"""The composer on plain data: structure, ordering, level scaling, industry wording and determinism."""

from __future__ import annotations

import pytest

from jdwriter.compose.writer import compose
from jdwriter.errors import UnknownNameError, UserError
from jdwriter.models import Company, Request

LEVELS = ["intern", "specialist", "senior", "manager", "director"]


def items(jd, section_id):
    section = jd.section(section_id)
    return section.items if section else []


@pytest.mark.parametrize("level", LEVELS)
def test_sections_have_the_promised_sizes(mini_catalog, level):
    jd = compose(Request(role="user_ops", level=level), mini_catalog)
    assert 5 <= len(items(jd, "duties")) <= 8
    assert 4 <= len(items(jd, "requirements")) <= 7
    assert len(set(items(jd, "duties"))) == len(items(jd, "duties"))


def test_title_follows_the_level(mini_catalog):
    titles = [compose(Request(role="user_ops", level=lv), mini_catalog).title for lv in LEVELS]
    assert titles == ["用户运营实习生", "用户运营专员", "用户运营主管", "用户运营经理", "用户运营总监"]


def test_team_management_only_from_manager_up(mini_catalog):
    for level in LEVELS:
        jd = compose(Request(role="user_ops", level=level), mini_catalog)
        has_team = any("团队建设" in x for x in items(jd, "duties"))
        assert has_team == (level in ("manager", "director")), level


def test_emphasis_comes_first_and_adds_items(mini_catalog):
    plain = compose(Request(role="user_ops", level="specialist"), mini_catalog)
    focused = compose(Request(role="user_ops", level="specialist", emphasis=("events",)), mini_catalog)
    event_items = [x for x in items(focused, "duties") if "营销活动" in x]
    assert items(focused, "duties")[0] in event_items
    assert len(event_items) > len([x for x in items(plain, "duties") if "营销活动" in x])
    assert focused.emphasis == ["events"]


def test_emphasis_above_the_level_is_refused(mini_catalog):
    with pytest.raises(UserError, match="经理及以上"):
        compose(Request(role="user_ops", level="specialist", emphasis=("team_management",)), mini_catalog)


def test_industry_fills_placeholders(mini_catalog):
    generic = compose(Request(role="user_ops", industry=None), mini_catalog)
    shop = compose(Request(role="user_ops", industry="ecommerce"), mini_catalog)
    text = " ".join(items(shop, "duties"))
    assert "消费者" in text and "{" not in text
    assert items(generic, "duties") != items(shop, "duties")
    assert shop.industry is not None and shop.industry.name == "电商"


def test_same_request_same_output_and_seed_changes_wording(mini_catalog):
    first = compose(Request(role="user_ops", level="senior"), mini_catalog)
    again = compose(Request(role="user_ops", level="senior"), mini_catalog)
    assert first == again
    variants = {
        tuple(items(compose(Request(role="user_ops", level="senior", seed=s), mini_catalog), "duties"))
        for s in range(6)
    }
    assert len(variants) > 1


def test_optional_fields_are_left_out_not_filled_with_placeholders(mini_catalog):
    jd = compose(Request(role="user_ops", template="full"), mini_catalog)
    assert jd.meta == {}
    assert [s.id for s in jd.sections if s.id in ("company", "benefits")] == []
    dumped = jd.model_dump_json()
    for marker in ("XX", "待定", "None", "{{", "{users}"):
        assert marker not in dumped


def test_full_template_adds_summary_kpis_and_company(mini_catalog):
    company = Company(name="示例科技", intro="一家做会员服务的公司。", benefits=["六险一金"], headcount=2)
    jd = compose(Request(role="user_ops", template="full", company=company), mini_catalog)
    assert [s.id for s in jd.sections] == [
        "summary",
        "duties",
        "requirements",
        "bonus",
        "kpis",
        "company",
        "benefits",
    ]
    assert jd.meta == {"company": "示例科技", "headcount": 2}
    standard = compose(Request(role="user_ops", company=company), mini_catalog)
    assert [s.id for s in standard.sections] == ["duties", "requirements", "bonus"]


def test_unknown_ids_name_the_kind_and_suggest(mini_catalog):
    with pytest.raises(UnknownNameError) as info:
        compose(Request(role="user_opz"), mini_catalog)
    assert "岗位" in info.value.message and "user_ops" in info.value.suggestions
    with pytest.raises(UnknownNameError):
        compose(Request(role="user_ops", template="fancy"), mini_catalog)


def test_older_catalogue_shapes_still_load(mini_catalog):
    """One skill sentence and one list of role requirements (the shapes before bands) remain valid input."""
    level = mini_catalog.level_by_id["specialist"]
    assert level.skill_line == ["掌握{skills}的常用方法，能按计划独立执行并复盘"]
    role = mini_catalog.role_by_id["user_ops"]
    assert role.requirements.junior == role.requirements.senior == role.requirements.lead
    jd = compose(Request(role="user_ops", level="director"), mini_catalog)
    assert role.requirements.lead[0] in items(jd, "requirements")
