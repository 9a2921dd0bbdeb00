"""The issue-14 contract on our own corpora (tests/corpus): recall on discriminatory categories, look-alikes
flagged, present sections reported missing, lawful posts drawing an error; and the forms the issue names."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from jdwriter.check.engine import check_text
from jdwriter.check.input import read_jd, read_layout
from jdwriter.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import corpus_eval


def test_corpus_recall_and_look_alikes():
    score = corpus_eval.score()
    assert score.recall >= 0.98, score.misses
    assert score.flag_rate <= 1 / 32, score.false


def test_corpus_posts_keep_their_sections_and_lawful_posts_draw_no_error():
    missing, errors = corpus_eval.post_problems()
    assert missing == [] and errors == []


def categories(text: str) -> set[str]:
    return {f.category for f in check_text(text).findings}


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("限 35 岁以下", "age"),
        ("年龄 25-35 岁", "age"),
        ("35 周岁以内", "age"),
        ("年龄２５～３５岁", "age"),
        ("年龄 25 至 35 岁", "age"),
        ("1995-2000 年出生", "age"),
        ("95-00年出生", "age"),
        ("出生年份：1990-2000", "age"),
        ("需有杭州户口", "origin"),
        ("限沪籍", "origin"),
        ("需深户", "origin"),
        ("京籍优先", "origin"),
        ("不招河南人", "origin"),
        ("婚姻状况：已婚", "marital"),
        ("形象好气质佳", "appearance"),
        ("身高1米60以上", "appearance"),
        ("只招应届毕业生", "age"),
    ],
)
def test_spelling_variants_are_found(line, category):
    assert category in categories(f"## 任职要求\n1. {line}\n"), line


@pytest.mark.parametrize(
    "line",
    [
        "理解年轻人的诉求，能写出有共鸣的内容",
        "绘制男性角色立绘",
        "仅限应届生（2025 届校园招聘）",
        "面向 18-35 岁用户制定拉新策略",
        "团队男女比例约 1:1",
    ],
)
def test_users_products_and_artwork_stay_clean(line):
    assert not categories(f"## 岗位职责\n1. {line}\n") & {"gender", "age", "marital", "origin"}, line


def test_a_requirement_in_the_company_intro_is_found():
    text = "## 公司介绍\n团队氛围轻松，欢迎 35 岁以下有梦想的小伙伴加入我们！\n"
    found = [f for f in check_text(text).findings if f.category == "age"]
    assert found and found[0].excerpt == "35 岁以下" and found[0].line == 2
    assert text[found[0].offset : found[0].end] == "35 岁以下"  # offsets into the original text


def test_positions_map_back_to_the_original_text():
    text = "## 任职要求\n1. 男，限 ３５ 岁以下\n"
    found = {f.category: f for f in check_text(text).findings}
    age = found["age"]
    assert age.excerpt == "限 ３５ 岁以下" and age.column == 6
    assert text[age.offset : age.end] == age.excerpt


@pytest.mark.parametrize(
    "heading",
    [
        "岗位职责：",
        "【岗位职责】",
        "一、工作内容",
        "**工作职责**",
        "## 主要职责",
        "• 工作职责:",
        "Responsibilities 岗位职责",
    ],
)
def test_heading_forms(heading):
    text = f"{heading}\n1、负责社群运营\n2、策划活动\n3、分析数据\n任职资格：\n（1）本科\n（2）两年经验\n（3）会 SQL\n"
    report = check_text(text)
    assert report.stats["sections"] == {"duties": 3, "requirements": 3}, heading
    assert not [f for f in report.findings if f.rule == "structure" and f.scope == "document"]


def test_only_the_missing_section_is_suggested():
    report = check_text("## 岗位职责\n1. 负责社群\n2. 负责活动\n3. 负责数据\n")
    found = [f for f in report.findings if f.rule == "structure" and f.scope == "document"]
    assert len(found) == 1 and "任职要求" in found[0].suggestion and "岗位职责" not in found[0].suggestion


def test_one_finding_per_span_and_errors_first():
    report = check_text("## 任职要求\n1. 985/211院校毕业\n2. 形象气质佳\n3. 男性\n")
    school = [f for f in report.findings if f.category == "school"]
    assert len(school) == 1 and school[0].excerpt.startswith("985/211")
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=("error", "warning", "info").index)


# --- reading ---------------------------------------------------------------------------------------------


def test_our_html_export_checks_clean(runner, tmp_path):
    made = runner.invoke(app, ["new", "--role", "用户运营", "--format", "html", "--no-input"])
    assert made.exit_code == 0
    path = tmp_path / "jd.html"
    path.write_text(made.stdout, encoding="utf-8")
    assert check_text(made.stdout).findings == []
    assert runner.invoke(app, ["check", str(path), "--strict"]).exit_code == 0


def test_html_positions_point_into_the_source():
    source = (
        "<html><body><h2>任职要求</h2>\n<ul><li>本科学历</li>\n<li>女性，35岁以下</li></ul></body></html>"
    )
    found = {f.category: f for f in check_text(source).findings}
    assert found["age"].line == 3 and source[found["age"].offset : found["age"].end] == "35岁以下"


def test_utf16_text_is_read(tmp_path):
    path = tmp_path / "jd.txt"
    path.write_bytes("## 任职要求\n1. 限本市户籍\n".encode("utf-16"))
    assert "origin" in {f.category for f in check_text(read_jd(path)).findings}


def test_docx_reports_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("任职要求")
    document.add_paragraph("男性优先")
    path = tmp_path / "jd.docx"
    document.save(str(path))
    layout = read_layout(path)
    assert layout.unit == "段"
    from jdwriter.check.engine import check_layout

    gender = [f for f in check_layout(layout).findings if f.category == "gender"]
    assert gender and gender[0].line == 2 and gender[0].unit == "段"


# --- the report ------------------------------------------------------------------------------------------

LONG = (
    "## 任职要求\n1. 简历发至 hr@example.com\n2. "
    + "熟悉社群运营的各个环节并能独立完成活动策划与复盘" * 4
    + "\n"
)


def test_piped_stdin_without_dash_and_unbroken_report(runner):
    bad = "## 任职要求\n1. 男性，35岁以下，" + "能独立完成活动策划与复盘并输出报告" * 5 + "\n"
    result = runner.invoke(app, ["check"], input=bad)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    basis = next(line for line in lines if "依据：" in line and "妇女权益保障法" in line)
    assert len(basis) > 80 and basis.endswith("人社部发〔2019〕17号）。")  # one line, not cut at 80 columns
    labels = [line.split()[-3] for line in lines if line.startswith("标准输入 ") and line.endswith(")")]
    assert "错误" in labels and "警告" in labels
    assert labels == sorted(labels, key=["错误", "警告", "提示"].index)


def test_contact_only_is_not_called_illegal(runner):
    result = runner.invoke(app, ["check", "-"], input=LONG)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.exit_code == 1 and "违法" not in summary.replace("不涉及违法", "") and "平台" in summary


def test_age_only_is_worded_by_its_notice_and_gender_as_illegal():
    from jdwriter.check.engine import check_text as ct

    assert "不符合" in ct("## 任职要求\n1. 35岁以下\n").verdict[1]
    assert "违法" in ct("## 任职要求\n1. 男性\n").verdict[1]


def test_citations():
    by_category = {
        f.category: f for f in check_text("## 任职要求\n1. 男性\n2. 限本市户籍\n3. 已婚\n").findings
    }
    assert "妇女权益保障法" in by_category["gender"].basis and "第四十三条" in by_category["gender"].basis
    assert "妇女权益保障法" in by_category["marital"].basis
    assert "网络招聘服务管理规定" in by_category["origin"].basis and "第十五条" in by_category["origin"].basis
    school = next(f for f in check_text("## 任职要求\n1. 985院校\n").findings if f.category == "school")
    assert "国有企业" in school.message and school.severity == "warning"


# --- --posting -------------------------------------------------------------------------------------------


def test_posting_names_what_is_missing(runner):
    text = (
        "## 岗位职责\n1. 负责社群\n2. 负责活动\n3. 负责数据\n## 任职要求\n1. 本科\n2. 两年经验\n3. 会 SQL\n"
    )
    result = runner.invoke(app, ["check", "-", "--posting", "--format", "json"], input=text)
    messages = " ".join(f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "posting")
    for name in ("基本劳动报酬", "工作地点", "招聘人数", "单位基本情况"):
        assert name in messages
    assert "工作内容" not in messages and "招聘条件" not in messages


def test_our_full_posting_passes(runner, tmp_path):
    company = tmp_path / "company.yaml"
    company.write_text("intro: 示例科技是一家做社区产品的公司，团队 80 人。\n", encoding="utf-8")
    made = runner.invoke(
        app,
        ["new", "--role", "用户运营", "--template", "full", "--company", str(company), "--company-name", "示例科技",
         "--location", "上海", "--salary", "15-25K", "--headcount", "2", "--no-input"],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["check", "-", "--posting", "--strict"], input=made.stdout)
    assert result.exit_code == 0, result.stdout


# --- data files ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("    severity: error\n", "    severty: error\n", "rules.gender"),
        (
            "      - '(?:招聘?|录用|",
            "      - '(?:招聘?|录用|(",
            "rules.gender.patterns.0",
        ),  # an unclosed group
    ],
)
def test_a_broken_rules_file_names_file_line_and_key(tmp_path, monkeypatch, runner, old, new, key):
    import shutil

    from jdwriter import resources
    from jdwriter.check import layout
    from jdwriter.check import rules as check_rules

    data = tmp_path / "data"
    shutil.copytree(resources.data_dir(), data)
    text = (data / "check_rules.yaml").read_text(encoding="utf-8")
    assert old in text
    (data / "check_rules.yaml").write_text(text.replace(old, new, 1), "utf-8")
    monkeypatch.setattr(resources, "data_dir", lambda: data)
    for cached in (check_rules._data, check_rules.rules, check_rules.words, check_rules.vocabulary,
                   check_rules.triggers, check_rules.patterns, check_rules.scan_patterns, layout.data,
                   layout._heading_words):  # fmt: skip
        cached.cache_clear()
    try:
        result = runner.invoke(app, ["check", "-"], input="## 任职要求\n1. 男性\n")
        assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
        assert "check_rules.yaml:" in result.stderr and key in result.stderr
    finally:
        for cached in (check_rules._data, check_rules.rules, check_rules.words, check_rules.vocabulary,
                       check_rules.triggers, check_rules.patterns, check_rules.scan_patterns, layout.data,
                       layout._heading_words):  # fmt: skip
            cached.cache_clear()


# --- cost ------------------------------------------------------------------------------------------------


def test_one_line_of_25000_inline_items_is_linear():
    line = "任职要求：" + " ".join(f"{i % 99 + 1}、x" for i in range(25_000))
    check_text("x")  # jieba warm
    started = time.perf_counter()
    check_text("# 运营\n" + line + "\n")
    assert time.perf_counter() - started < 15


def test_full_posting_from_flags_passes_posting_without_an_intro(runner, tmp_path):
    """--template full with company name, place, salary and headcount given as flags is a complete posting."""
    from jdwriter.cli import app

    made = runner.invoke(
        app,
        [
            "new",
            "--role",
            "用户运营",
            "--template",
            "full",
            "--company-name",
            "示例科技",
            "--location",
            "上海",
            "--salary",
            "15-25K",
            "--headcount",
            "2",
            "--no-input",
            "-o",
            str(tmp_path / "jd.md"),
        ],
    )
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["check", "--posting", str(tmp_path / "jd.md")])
    assert result.exit_code == 0, result.output
    bare = runner.invoke(app, ["check", "--posting", "-"], input="## 岗位职责\n1. 负责用户增长\n")
    assert "单位基本情况" in bare.stdout and "工作地点" in bare.stdout and "基本劳动报酬" in bare.stdout


# --- the pattern hints -----------------------------------------------------------------------------------


def test_a_pattern_is_skipped_only_where_it_cannot_match():
    """check skips a rule pattern on a text that holds none of the characters the pattern needs
    (jdwriter.check.regex_hint). On every corpus line, every post and random text, wherever a pattern does match,
    its hint must share a character with the text; and the hints must be specific enough to skip most
    patterns on an ordinary line."""
    import csv
    import random

    from jdwriter.check.layout import fold
    from jdwriter.check.regex_hint import required_chars
    from jdwriter.check.rules import scan_patterns

    from . import fuzz

    corpus = Path(__file__).parent / "corpus"
    texts = [
        row["text"]
        for row in csv.DictReader((corpus / "check_lines.tsv").open(encoding="utf-8"), delimiter="\t")
    ]
    texts += [
        line
        for post in sorted((corpus / "posts").glob("*.txt"))
        for line in post.read_text("utf-8").splitlines()
    ]
    rng = random.Random(fuzz.seed_for("hints"))
    texts += [fuzz.pieces(rng, texts[:400], 6, noise=12) for _ in range(300)]
    table = [entry for always in (True, False) for entry in scan_patterns(always)]
    assert sum(needs is not None for *_, needs in table) >= 0.9 * len(table)
    wrong = []
    for text in map(fold, texts):
        present = set(text)
        for category, pattern, _, needs in table:
            if needs is not None and needs.isdisjoint(present) and pattern.search(text):
                wrong.append((category, pattern.pattern, text))
    assert wrong == []
    assert required_chars(r"\d{1,2}\s*周?岁(?:以下|以内)?") == frozenset("岁")
    assert required_chars(r"(?:男|女)(?:生|性)?") == frozenset("男女")
    assert required_chars(r"(?i)abc") is None and required_chars(r"[^a]x?") is None
    assert required_chars(r"(?:qq)?\d+") is None  # nothing required beyond digits' category
