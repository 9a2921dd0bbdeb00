"""Lawful by construction: no question, probe or anchor touches a protected trait, for any role, direction,
level or industry, and `jdwriter check` finds no error in a printed kit (面试官须知 included)."""

from __future__ import annotations

import pytest

from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.check.engine import check_text
from jdwriter.cli import app
from jdwriter.errors import UserError
from jdwriter.kit.api import bank_for, kit_for
from jdwriter.kit.bank import builtin_bank_path, read_part
from jdwriter.kit.lint import fillings, lint_bank, protected
from jdwriter.kit.render import render_kit
from jdwriter.models import Request


@pytest.mark.parametrize("industry", range(7))
def test_every_sentence_of_the_bank_passes_the_check_rules_in_every_industry(catalog, industry):
    """Every ask, probe and anchor, filled with the general words (0) or one industry's (1–6)."""
    fills = fillings(catalog)
    assert len(fills) == 7
    problems = lint_bank(builtin_bank_path(), read_part(builtin_bank_path()), catalog, [fills[industry]])
    assert problems == []


@pytest.mark.parametrize(
    "sentence",
    [
        "讲一次你的经历；另外你结婚了吗，打算什么时候要孩子？",
        "你今年多大年龄？",
        "你的户籍在哪里？",
        "说说你的宗教信仰",
        "有没有乙肝？",
    ],
)
def test_a_question_touching_a_protected_trait_is_caught(sentence):
    assert protected([sentence])  # the net the bank test relies on has no hole here


def test_a_bad_question_in_an_extension_fails_catalog_check(runner, tmp_path):
    bad = tmp_path / "ext.yaml"
    bad.write_text(
        """questions:
  user_growth:
    junior:
      - kind: behavioural
        ask: 讲一次你做拉新的经历，顺便说说你结婚了没有，打算几年内生孩子？
        probes: [渠道是谁选的？]
        anchors: {1: 说不出渠道和数据, 3: 讲清渠道、成本和转化, 5: 比较几个渠道并给出取舍}
      - kind: situational
        ask: 如果拉新成本翻倍而预算不变，你会先砍哪个渠道？
        probes: [家里人支持你经常出差吗？]
        anchors: {1: 平均削减, 3: 按获客成本排序削减, 5: 按留存后的回收周期削减}
    senior:
      - {kind: behavioural, ask: 讲一次你负责拉新指标并完成目标的经历, probes: [目标谁定的？], anchors: {1: 甲, 3: 乙, 5: 丙}}
      - {kind: situational, ask: 如果渠道作弊导致新增虚高，你会怎么处理？, probes: [怎么追回？], anchors: {1: 甲, 3: 乙, 5: 丙}}
    lead:
      - {kind: behavioural, ask: 讲一次你制定年度拉新预算分配的经历, probes: [怎么复盘？], anchors: {1: 甲, 3: 乙, 5: 丙}}
      - {kind: situational, ask: 如果预算砍半而目标不变，你会怎么调整拉新结构？, probes: [砍哪里？], anchors: {1: 甲, 3: 乙, 5: 丙}}
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["catalog", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:5：questions.user_growth.junior.0.ask" in result.output
    assert "questions.user_growth.junior.1.probes.0" in result.output  # 家里人: family


def _kits(catalog):
    """Every role and every direction (with its default role) at every level."""
    for role in catalog.roles:
        for level in LEVEL_IDS:
            yield Request(role=role.id, level=level)
    for direction in catalog.directions:
        for level in LEVEL_IDS:
            yield Request(role=direction.roles[0], level=level, directions=(direction.id,))


@pytest.mark.parametrize("part", range(4))
def test_every_printed_kit_passes_check(catalog, part):
    """`jdwriter check` on the Markdown kit of every role and direction at every level finds no error."""
    built = 0
    for index, request in enumerate(_kits(catalog)):
        if index % 4 != part:
            continue
        try:
            kit = kit_for(request, catalog)
        except UserError as exc:  # the bank must cover every block: a refusal here is a gap in the content
            pytest.fail(f"{request.role}/{request.directions}/{request.level}: {exc.message}")
        report = check_text(str(render_kit(kit, "md")))
        errors = [(f.rule, f.excerpt) for f in report.findings if f.severity == "error"]
        assert errors == [], (request, errors)
        built += 1
    assert built > 50


def test_the_bank_covers_every_duty_block(catalog):
    bank = bank_for(catalog)
    assert sorted(set(catalog.duty_by_id) - set(bank.questions)) == []


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "docx"])
def test_check_finds_no_error_in_a_printed_kit_of_any_format(runner, tmp_path, fmt):
    for title in ("私域社群运营（母婴）", "亚马逊运营经理", "用户运营总监"):
        target = tmp_path / f"kit.{fmt}"
        made = runner.invoke(app, ["kit", "--title", title, "-o", str(target), "--force"])
        assert made.exit_code == 0, made.output
        checked = runner.invoke(app, ["check", str(target)])
        assert checked.exit_code == 0, (title, checked.output)
        assert "错误 0" in checked.output
