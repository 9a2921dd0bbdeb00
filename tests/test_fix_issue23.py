"""Issue 23: `fix` edits like a careful colleague. The typical old JD in md and GBK txt, item numbers, degree
words, contact lines, honest refusals, a report that reads once, --diff, and the wordings check now finds."""

from __future__ import annotations

import json
import re

import pytest

from jdwriter.check.engine import check_text
from jdwriter.check.rules import COMPLIANCE, rules
from jdwriter.cli import app
from jdwriter.fix.clause import edit_item
from jdwriter.fix.engine import fix_text, repair
from jdwriter.fix.ops import _apply, ops
from jdwriter.fix.reasons import Refusal

OLD_JD = """# 新媒体运营专员

## 岗位职责
1. 负责公司小红书、抖音账号的日常内容策划与发布；
2. 跟踪每周内容数据，输出复盘报告；
3. 策划线上活动，提升粉丝互动率。

## 任职要求
1. 限女性，28岁以下；
2. 统招本科，985/211院校毕业；
3. 2年以上新媒体运营经验，熟悉小红书平台规则；
4. 未婚优先；
5. 文字功底扎实，能独立撰写种草笔记；
6. 熟练使用剪映、PS等工具。

欢迎投递，我们期待你的加入。
简历请投：hr@example.com，电话：13800138000
欢迎加微信：xhs_hr2024 了解详情。
"""


def compliance(text: str) -> list[str]:
    return [f.category for f in check_text(text).findings if f.category in COMPLIANCE]


def requirements(text: str) -> list[str]:
    part = text.split("## 任职要求\n", 1)[1]
    return [line for line in part.splitlines() if re.match(r"\d+\. ", line)]


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_the_typical_old_jd(runner, tmp_path, encoding):
    suffix = ".md" if encoding == "utf-8" else ".txt"
    old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    old.write_bytes(OLD_JD.replace("\n", "\r\n" if encoding == "gbk" else "\n").encode(encoding))
    result = runner.invoke(app, ["fix", str(old), "-o", str(new)])
    assert result.exit_code == 0, result.stderr
    out = new.read_bytes().decode(encoding).replace("\r\n", "\n")
    items = requirements(out)
    assert [int(x.split(".")[0]) for x in items] == list(range(1, len(items) + 1))  # 1..n
    assert any("本科" in x for x in items)  # 本科 stays
    assert "2年以上新媒体运营经验，熟悉小红书平台规则；" in out and "熟练使用剪映、PS等工具。" in out
    assert "欢迎投递，我们期待你的加入。" in out  # the closing paragraph stays
    for fragment in ("简历请投", "电话", "微信", "欢迎加", "了解详情", "@", "1380"):
        assert fragment not in out, fragment  # no contact fragment
    assert compliance(out) == []
    report = result.stderr
    for rule in rules().values():
        assert report.count(f"依据：{rule.basis}") <= 4 if rule.basis else True
    for entry in report.split("\n\n"):  # no label or basis twice in one entry
        titles = re.findall(r"(?:已修改|已删除) (\S+) \(", entry)
        for found in titles:
            names = found.split("、")
            assert len(names) == len(set(names)), entry
        bases = [line for line in entry.splitlines() if line.startswith("  依据：")]
        assert len(bases) == len(set(bases)), entry
    summary = report.strip().splitlines()[-2]
    changed = len([n for n in re.findall(r"第 (\d+) 行", report)])
    assert f"修改 {changed} 行" in summary, summary  # the summary counts lines


def test_a_gbk_item_keeps_its_number(runner, tmp_path):
    old = tmp_path / "old.txt"
    text = "任职要求：\r\n1、熟悉抖音运营；\r\n2、28-40周岁，大专及以上学历；\r\n3、能接受出差。\r\n欢迎投递。\r\n"
    old.write_bytes(text.encode("gbk"))
    result = runner.invoke(app, ["fix", str(old)])
    assert result.exit_code == 0
    assert result.stdout_bytes == text.replace("28-40周岁，", "").encode("gbk")


def test_a_list_followed_by_a_closing_line_is_renumbered_in_its_own_style():
    text = "任职要求：\n（1）熟悉抖音\n（2）限男性\n（3）能出差\n\n（4）会剪辑\n欢迎投递。\n"
    assert fix_text(text).text == "任职要求：\n（1）熟悉抖音\n（2）能出差\n\n（3）会剪辑\n欢迎投递。\n"
    circled = "任职要求\n① 限男性\n② 熟悉抖音\n③ 能出差\n有意者请投递。\n"
    assert fix_text(circled).text == "任职要求\n① 熟悉抖音\n② 能出差\n有意者请投递。\n"


def test_inline_items_count_up_again():
    text = "任职要求：1、本科；2、限男性；3、熟悉抖音；4、能出差。\n"
    assert fix_text(text).text == "任职要求：1、本科；2、熟悉抖音；3、能出差。\n"
    kept = "任职要求：1、本科；2、女，年龄20-28岁、大专及以上学历；3、熟悉抖音。\n"
    assert fix_text(kept).text == "任职要求：1、本科；2、大专及以上学历；3、熟悉抖音。\n"  # its number stays


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("统招本科，985/211院校毕业；", "本科；"),
        ("一本及以上院校计算机相关专业优先；", "计算机相关专业优先；"),
        (
            "国内外重点大学计算机科学、软件工程等相关专业本科及以上学历；",
            "计算机科学、软件工程等相关专业本科及以上学历；",
        ),
        ("全日制统招本科，985/211优先；", "本科；"),
        ("本科及以上学历(985/211学校优先)，3年以上经验；", "本科及以上学历，3年以上经验；"),
        ("35岁以下，北京市户口，中专以上学历；", "中专以上学历；"),
    ],
)
def test_education_major_and_years_stay(line, kept):
    out = fix_text(f"## 任职要求\n1. {line}\n2. 有经验\n").text
    assert f"\n1. {kept}\n" in out and compliance(out) == []


@pytest.mark.parametrize(
    "line",
    [
        "简历请投：hr@example.com，电话：13800138000",
        "欢迎加微信：xhs_hr2024 了解详情。",
        "联系人：王女士 13800138000",
        "有意者请将简历发至王女士邮箱：12345678@qq.com",
        "如有意向请将简历发至hr@example.com，我们会尽快联系您",
    ],
)
def test_a_contact_line_goes_whole(line):
    out = fix_text(f"## 任职要求\n1. 本科\n2. 有经验\n\n{line}\n").text
    assert out == "## 任职要求\n1. 本科\n2. 有经验\n\n"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("工作地点：上海市徐汇区，联系电话：13800138000", "工作地点：上海市徐汇区"),
        ("薪资面议，欢迎来电咨询 021-12345678", "薪资面议"),
    ],
)
def test_a_contact_clause_goes_and_the_rest_of_its_line_stays(line, kept):
    assert fix_text(f"## 任职要求\n1. 本科\n\n{line}\n").text == f"## 任职要求\n1. 本科\n\n{kept}\n"


def test_a_contact_detail_inside_a_sentence_is_left_for_a_person(runner):
    jd = "## 任职要求\n1. 本科\n\n欢迎加微信xhs_hr2024了解公司文化和团队氛围。\n"
    result = runner.invoke(app, ["fix", "-"], input=jd)
    assert result.exit_code == 1 and result.stdout == jd  # never 「欢迎加 了解详情」
    assert Refusal.CONTACT.text in result.stderr and "需要人工处理" in result.stderr
    assert "没有安全的改法" not in result.stderr
    data = json.loads(runner.invoke(app, ["fix", "-", "--format", "json"], input=jd).stdout)
    assert data["files"][0]["needs_person"][0]["reason_id"] == "contact"


def test_refusals_are_words_a_user_understands():
    texts = {r.text for r in Refusal}
    for phrase in ("这一条跨了两行", "这一段里有加粗", "这一条在表格里且格式复杂"):
        assert any(phrase in t for t in texts)
    locked = repair(["## 任职要求", "限男性"], locked={1: Refusal.TABLE})
    assert locked.lines[1] == "限男性" and locked.reasons == {1: Refusal.TABLE}


def test_an_html_item_with_markup_says_why(runner):
    page = "<html><body><h2>任职要求</h2><ul><li><b>限男性</b>，能出差</li><li>熟悉抖音</li></ul></body></html>\n"
    result = runner.invoke(app, ["fix", "-"], input=page)
    assert result.exit_code == 1 and Refusal.FORMATTING.text in result.stderr  # 这一段里有加粗


def test_edit_item_is_the_text_api():
    assert edit_item("2、28-40周岁，大专及以上学历；", [(2, 9, "age")]).text == "2、大专及以上学历；"
    assert edit_item("限男性", [(0, 3, "gender")]).text is None
    refused = edit_item("欢迎加微信xhs_hr2024了解公司文化", [(3, 16, "contact")])
    assert refused.text == "欢迎加微信xhs_hr2024了解公司文化" and refused.refusal is Refusal.CONTACT
    # a refusal keeps the whole line: cutting the clause before the ID would hide the ID from check
    line = "加微信 abc_hr01 详聊合作"
    found = [
        (f.column - 1, f.column - 1 + len(f.excerpt), f.rule)
        for f in check_text(line).findings
        if f.category in COMPLIANCE
    ]
    assert edit_item(line, found) == type(refused)(line, Refusal.CONTACT)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("男性，本科，两年经验", "本科，两年经验"),
        ("1. 统招本科，985/211院校毕业；", "1. 本科；"),
        ("招聘女主播若干，有才艺者优先", "招聘主播若干，有才艺者优先"),
        ("男性优先（需常出差），本科", "能适应经常出差，本科"),
    ],
)
def test_ops_keep_every_kept_character_in_place(old, new):
    edits = ops(old, new)
    assert _apply(old, edits) == new
    kept = len(old) - sum(end - start for start, end, _ in edits)
    assert kept >= len(new) - sum(len(text) for *_, text in edits)
    assert all(start < end or text for start, end, text in edits)


def test_diff_prints_a_unified_diff_and_writes_nothing(runner, tmp_path):
    old = tmp_path / "old.md"
    old.write_text(OLD_JD, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(app, ["fix", str(old), "--diff"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- {old}" and lines[1] == f"+++ {old}" and lines[2].startswith("@@ -")
    assert "-1. 限女性，28岁以下；" in lines and "+1. 本科；" in lines
    assert "-简历请投：hr@example.com，电话：13800138000" in lines
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert old.read_text(encoding="utf-8") == OLD_JD
    import subprocess

    patched = tmp_path / "patched.md"
    patched.write_text(OLD_JD, encoding="utf-8")
    applied = subprocess.run(
        ["patch", "-s", str(patched)], input=result.stdout, text=True, capture_output=True, check=False
    )
    if applied.returncode != 127:  # patch is installed: the diff applies and gives fix's own output
        assert applied.returncode == 0, applied.stderr
        fixed = runner.invoke(app, ["fix", str(old)]).stdout
        assert patched.read_text(encoding="utf-8") == fixed


def test_diff_exits_1_when_a_person_still_has_work(runner):
    jd = "## 任职要求\n1. 限男性\n2. 本科\n\n欢迎加微信xhs_hr2024了解公司文化和团队氛围。\n"
    result = runner.invoke(app, ["fix", "-", "--diff"], input=jd)
    assert result.exit_code == 1 and "-1. 限男性" in result.stdout and "+1. 本科" in result.stdout
    clean = runner.invoke(app, ["fix", "-", "--diff"], input="## 任职要求\n1. 本科\n")
    assert clean.exit_code == 0 and clean.stdout == ""
    both = runner.invoke(app, ["fix", "-", "--diff", "-o", "x.md"], input=jd)
    assert both.exit_code == 2 and "--diff" in both.stderr


def test_diff_of_a_docx_shows_paragraph_text(runner, tmp_path):
    import docx

    document = docx.Document()
    for text in ("任职要求", "1. 限男性", "2. 本科及以上学历", "3. 熟悉抖音"):
        document.add_paragraph(text)
    path = tmp_path / "old.docx"
    document.save(str(path))
    result = runner.invoke(app, ["fix", str(path), "--diff"])
    assert result.exit_code == 0, result.stderr
    assert "-1. 限男性" in result.stdout and "+1. 本科及以上学历" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.docx"]


def test_fix_refuses_more_than_check_reads():
    from jdwriter.errors import InputFileError

    with pytest.raises(InputFileError):
        repair(["限男性" + "好" * 600_000, "本科" * 300_000])


# --- check wordings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("品貌端正", "appearance"),
        ("形象品德佳", "appearance"),
        ("形象仪表佳", "appearance"),
        ("形象与气质俱佳", "appearance"),
        ("持有上海居住证", "origin"),
        ("需有本地居住证", "origin"),
        ("有居住证者优先", "origin"),
    ],
)
def test_check_finds_the_new_wordings(line, category):
    assert category in compliance(f"## 任职要求\n1. {line}\n2. 本科\n")


@pytest.mark.parametrize(
    ("section", "line"),
    [
        ("福利待遇", "协助办理居住证"),
        ("福利待遇", "五险一金，生育保险，婚假，年度体检"),
        ("岗位职责", "负责体重秤、体脂秤类目运营"),
        ("岗位职责", "负责女装店铺运营，维护品牌形象"),
        ("公司介绍", "团队成员来自名校，氛围开放"),
        ("任职要求", "有体重秤类目运营经验"),
    ],
)
def test_benefits_products_and_teams_stay_clean(section, line):
    assert compliance(f"## {section}\n1. {line}\n") == []


@pytest.mark.parametrize("name", ["工作要求", "岗位要求", "职位要求"])
def test_a_bare_requirements_heading_counts(name):
    text = f"岗位职责\n1. 负责社群\n2. 策划活动\n3. 分析数据\n{name}\n1. 本科\n2. 两年经验\n3. 会 SQL\n"
    report = check_text(text)
    assert report.stats["sections"].get("requirements") == 3
    assert not [f for f in report.findings if f.rule == "structure" and "任职要求" in f.message]


def test_the_json_report_names_each_rule_and_basis_once(runner):
    data = json.loads(runner.invoke(app, ["fix", "-", "--format", "json"], input=OLD_JD).stdout)
    for change in data["files"][0]["changes"]:
        assert len(change["rules"]) == len(set(change["rules"])), change
        assert len(change["basis"]) == len(set(change["basis"])), change
    school = next(c for c in data["files"][0]["changes"] if "985" in c["before"])
    assert school["rules"] == ["school"] and len(school["basis"]) == 1


def test_a_docx_says_which_layout_stopped_it(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("任职要求")
    broken = document.add_paragraph("1. 限男性")
    broken.runs[0].add_break()
    broken.add_run("2. 本科")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "性别"
    table.cell(0, 1).text = "限女性，本科"
    document.add_paragraph("3. 熟悉抖音")
    path = tmp_path / "old.docx"
    document.save(str(path))
    result = runner.invoke(app, ["fix", str(path), "-o", str(tmp_path / "new.docx")])
    assert result.exit_code == 1
    assert Refusal.LINE_BREAKS.text in result.stderr and Refusal.TABLE.text in result.stderr
    assert "没有能自动修改的内容；还有 2 段需要人工处理" in result.stderr


def test_an_html_contact_sentence_says_so(runner):
    page = "<html><body><h2>任职要求</h2><ul><li>本科</li></ul><p>欢迎加微信xhs_hr2024了解公司文化和团队氛围。</p></body></html>\n"
    result = runner.invoke(app, ["fix", "-"], input=page)
    assert result.exit_code == 1 and result.stdout == page
    assert Refusal.CONTACT.text in result.stderr and Refusal.MARKUP.text not in result.stderr


@pytest.mark.parametrize(
    ("tail", "left"),
    [
        ("联系方式：13800138000\n", ""),
        ("投递方式：发送简历至hr@example.com\n", ""),
        ("【联系方式】\n王女士 13800138000\n", ""),
        ("## 联系方式\n电话：13800138000\n邮箱：hr@example.com\n", ""),
        ("联系方式\n工作地点：上海\n电话：13800138000\n", "联系方式\n工作地点：上海\n"),
    ],
)
def test_no_bare_contact_heading_is_left(tail, left):
    head = "## 岗位职责\n1. 写文案\n\n"
    assert fix_text(head + tail).text == head + left


def test_the_fix_report_is_bounded_like_checks(runner, tmp_path):
    """5,000 removed lines: 1,000 entries in the report, one line for the rest, the summary counts them all."""
    source = tmp_path / "big.md"
    source.write_text("## 任职要求\n" + "限男性\n" * 5000, encoding="utf-8")
    result = runner.invoke(app, ["fix", str(source), "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 0, result.stderr[-500:]
    assert result.stderr.count("已删除") == 1000
    assert "另有 4000 行的修改未逐条列出" in result.stderr and "修改 5000 行" in result.stderr
