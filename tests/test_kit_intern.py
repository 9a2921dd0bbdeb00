"""Intern kits test learning, execution and care (panel round 4: 数据运营实习生 kits were the 专员 kit word for
word, with 埋点验收 experience and outcome KPIs like 建议采纳率 and LTV); a kit that only read the role says so."""

from __future__ import annotations

from jdwriter.kit.api import kit_for, make_kit
from jdwriter.kit.guide import load_guide
from jdwriter.kit.render import render_kit
from jdwriter.models import Request


def _asks(kit) -> set[str]:
    return {q.ask for q in kit.questions()}


def test_data_intern_kit_is_not_the_specialist_kit(catalog):
    intern = kit_for(Request(role="data_ops", level="intern"), catalog)
    specialist = kit_for(Request(role="data_ops", level="specialist"), catalog)
    assert len(_asks(intern) & _asks(specialist)) <= 0.3 * len(_asks(intern))
    # hands-on: an intern is given a 10-minute exercise with SQL or Excel
    assert any(q.kind == "work_sample" and ("SQL" in q.ask or "Excel" in q.ask) for q in intern.questions())


def test_intern_kit_holds_no_outcome_kpi(catalog):
    intern = kit_for(Request(role="data_ops", level="intern"), catalog)
    measures = " ".join(c.measure for c in intern.competencies)
    for outcome in ("采纳率", "LTV", "累计增量"):
        assert outcome not in measures
    assert all(c.measure == load_guide().intern_measure for c in intern.competencies)


def test_a_kit_that_read_only_the_role_says_so_and_asks_for_a_question_on_the_business():
    kit = make_kit("数据运营专员（增长中心）")  # 财务共享中心 is refused as finance work since round 61
    assert kit.prep_notes and "数据运营" in kit.prep_notes[0]
    assert "出题说明" in render_kit(kit, "md") and "出题说明" in render_kit(kit, "txt")
    topic = make_kit("数据运营实习生（美妆业务）")
    assert "美妆" in topic.prep_notes[0]  # read as a topic: the note names it
    assert "出题说明" in render_kit(topic, "html")
    from io import BytesIO

    from docx import Document

    paragraphs = [p.text for p in Document(BytesIO(render_kit(topic, "docx"))).paragraphs]
    assert any(p.startswith("出题说明") and "美妆" in p for p in paragraphs)


def test_a_direction_kit_has_no_generic_note():
    assert make_kit("抖音运营").prep_notes == []
    assert make_kit("用户运营经理", industry="母婴").prep_notes == []
