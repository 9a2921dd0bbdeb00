"""`jdwriter fix` (issue 17): every violating line of the corpus comes back clean from `fix -` inside a
realistic JD with the other lines unchanged; clauses without a finding are kept; clean posts come back byte
for byte; files, .docx, the report and the exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from jdwriter.check.engine import check_text
from jdwriter.check.rules import COMPLIANCE
from jdwriter.cli import app
from jdwriter.fix.clause import _contact_only, body_start
from jdwriter.fix.engine import fix_text
from jdwriter.fix.reasons import Refusal

CORPUS = Path(__file__).parent / "corpus"
TEMPLATES = {
    "md": "# 用户运营专员\n\n## 岗位职责\n1. 负责社群日常运营\n2. 策划线上活动\n\n## 任职要求\n"
    "1. 本科及以上学历\n2. {line}\n3. 熟悉小红书、抖音平台\n\n## 福利待遇\n五险一金\n",
    "board": "用户运营专员\r\n【岗位职责】\r\n1、负责社群日常运营；\r\n2、策划线上活动；\r\n【任职要求】\r\n"
    "1、本科及以上学历；\r\n2、{line}\r\n3、熟悉小红书、抖音平台；\r\n",
    "company": "# 内容运营\n\n## 公司介绍\n我们是一家做母婴电商的公司。{line}\n\n## 岗位职责\n- 负责公众号内容\n"
    "- 策划活动\n\n## 任职要求\n- 有 2 年内容运营经验\n- 文字功底好\n",
}
VIOLATING = [
    row["text"]
    for row in csv.DictReader((CORPUS / "check_lines.tsv").open(encoding="utf-8"), delimiter="\t")
    if row["categories"]
]


def compliance(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in check_text(text).findings if f.category in COMPLIANCE]


def unnumbered(line: str) -> str:
    return re.sub(r"^(\d+)([.、])", r"#\2", line)


SHARDS = 4


def test_corpus_covers_train_and_holdout():
    splits = {
        row["split"]
        for row in csv.DictReader((CORPUS / "check_lines.tsv").open(encoding="utf-8"), delimiter="\t")
        if row["categories"]
    }
    assert splits == {"train", "holdout"} and len(VIOLATING) > 200


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_violating_line_comes_back_clean_keeping_other_lines_and_clauses(runner, shard):
    """One loop, not 240 tests: the whole corpus runs through `fix -` in a few seconds. Each template gets a
    third of the corpus, in turn. Clauses are cut at the separators the issue names (，、；,;); a line a safe
    rewrite covers (因需频繁出差，只招男士 → 能适应频繁出差) keeps its need in the rewritten words instead."""
    problems = []
    for index, line in enumerate(VIOLATING):
        if index % SHARDS != shard:  # the corpus in shards, so parallel workers share it
            continue
        name = list(TEMPLATES)[index % len(TEMPLATES)]
        jd = TEMPLATES[name].format(line=line)
        result = runner.invoke(app, ["fix", "-"], input=jd.encode("utf-8"))
        out = result.stdout_bytes.decode("utf-8")
        if (result.exit_code != 0 or compliance(out)) and not left_for_a_person(line, out, result.stderr):
            problems.append((name, line, "finding left", compliance(out)))
        others = [unnumbered(x) for x in jd.splitlines(keepends=True) if line not in x]
        kept = [unnumbered(x) for x in out.splitlines(keepends=True)]
        if [x for x in others if x not in kept]:  # byte for byte, CRLF included
            problems.append((name, line, "other line changed", out))
        if not rewritten(line):
            spans = [(f.column - 1, f.column - 1 + len(f.excerpt), f.line) for f in check_text(jd).findings]
            number = next(n for n, x in enumerate(jd.splitlines(), 1) if line in x)
            source = jd.splitlines()[number - 1]
            for m in re.finditer(r"[^，、；,;。]+", source[body_start(source) :]):
                a, b = m.start() + body_start(source), m.end() + body_start(source)
                clean = not any(s < b and e > a and n == number for s, e, n in spans)
                said = m.group().strip(" ；;")
                contact_only = "contact" in {r for r, _ in compliance(line)} and _contact_only(said)
                if clean and said and said not in SIGN_OFFS and said not in out and not contact_only:
                    problems.append((name, line, "clause lost", m.group()))
    assert problems == []


def left_for_a_person(line: str, out: str, stderr: str) -> bool:
    """A contact detail written inside a sentence may be left for a person: the line unchanged, only contact
    findings left, and the reason printed (issue 23: never half a sentence)."""
    return {r for r, _ in compliance(out)} == {"contact"} and line in out and Refusal.CONTACT.text in stderr


# A clause that only signs off the requirement before it goes with that requirement (此岗位不适合女性，请慎投).
SIGN_OFFS = {"请慎投", "慎投", "勿扰", "请勿打扰", "谢谢", "谢谢合作", "免谈", "请勿投递"}


def test_every_violating_line_in_an_html_list_comes_back_clean():
    """The corpus lines again, each as an item of an HTML list: fix_html leaves no compliance finding, and
    every other line of the page is byte for byte the same."""
    import html

    from jdwriter.fix.html import fix_html

    page = "<html><body>\n<h2>岗位职责</h2>\n<ul>\n<li>负责社群日常运营</li>\n</ul>\n<h2>任职要求</h2>\n<ol>\n{items}</ol>\n</body></html>\n"
    problems = []
    for line in VIOLATING:
        item = f"<li>{html.escape(line, quote=False)}</li>\n"
        source = page.format(items="<li>本科及以上学历</li>\n" + item + "<li>熟悉小红书、抖音平台</li>\n")
        out, _, remaining = fix_html(source)
        # an item the browser shows otherwise than the file holds (&amp;, a full-width space) is for a person
        plain = "&" not in item and not re.search(r"[^\S ]| {2}", line)
        if remaining and plain:
            problems.append((line, "finding left", remaining[0].excerpt))
        others = [x for x in source.splitlines() if x != item.rstrip("\n")]
        if [x for x in out.splitlines() if x in others] != others:
            problems.append((line, "other line changed", out))
    assert problems == []


def rewritten(line: str) -> bool:
    from jdwriter.check.layout import fold
    from jdwriter.check.rules import rules

    return any(re.search(w.pattern, fold(line)) for r in rules().values() for w in r.rewrites)


def test_the_issue_example_keeps_education_and_experience():
    jd = TEMPLATES["md"].format(line="大专及以上学历，男性，30-35岁，5年以上互联网运营管理经验")
    out, changes, remaining = fix_text(jd)
    assert "2. 大专及以上学历，5年以上互联网运营管理经验\n" in out
    assert "男性" not in out and "30-35岁" not in out and remaining == []
    assert changes[0].rules == ("gender", "age")


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("男性优先（需常出差）", "能适应经常出差"),  # a rewrite from check_rules.yaml keeps the real need
        ("招聘女主播若干，有才艺者优先", "招聘主播若干，有才艺者优先"),  # the span itself
        ("社群运营（限女）", "社群运营"),  # the span, and its empty brackets
        ("要求：女性，年龄25-35岁，有过营销经验", "要求：有过营销经验"),  # clauses; the label stays
        ("有3年以上运营经验，此岗位不适合女性，请慎投", "有3年以上运营经验"),  # the tail goes with its clause
        ("熟悉抖音运营；女性勿扰，谢谢", "熟悉抖音运营"),
    ],
)
def test_smallest_unit(line, fixed):
    out = fix_text(TEMPLATES["md"].format(line=line))[0]
    assert f"\n2. {fixed}\n" in out


def test_a_removed_item_renumbers_its_list():
    out = fix_text(TEMPLATES["md"].format(line="限本市户籍"))[0]
    assert "1. 本科及以上学历\n2. 熟悉小红书、抖音平台\n" in out
    assert "1. 负责社群日常运营\n2. 策划线上活动\n" in out


def clean_posts() -> list[Path]:
    rows = csv.DictReader((CORPUS / "posts" / "posts.tsv").open(encoding="utf-8"), delimiter="\t")
    return [CORPUS / "posts" / row["file"] for row in rows if row["lawful"] == "yes"]


def test_clean_posts_come_back_byte_for_byte(runner):
    posts = clean_posts()
    assert len(posts) >= 10
    for post in posts:
        result = runner.invoke(app, ["fix", str(post)])
        assert result.exit_code == 0, (post.name, result.output)
        assert result.stdout_bytes == post.read_bytes(), post.name


def test_bom_and_crlf_survive_an_edit(runner):
    jd = "\ufeff" + TEMPLATES["board"].format(line="限男性；")
    result = runner.invoke(app, ["fix", "-"], input=jd.encode("utf-8"))
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeff用户运营专员\r\n".encode())
    assert "\r\n2、熟悉小红书".encode() in result.stdout_bytes  # renumbered
    assert b"\n" not in result.stdout_bytes.replace(b"\r\n", b"")


def test_fix_old_md_to_new_md(runner, tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    jd = TEMPLATES["md"].format(line="大专及以上学历，男性，30-35岁，5年以上互联网运营管理经验")
    old.write_text(jd, encoding="utf-8")
    result = runner.invoke(app, ["fix", str(old), "-o", str(new)])
    assert result.exit_code == 0, result.output
    assert old.read_text(encoding="utf-8") == jd
    assert compliance(new.read_text(encoding="utf-8")) == []
    assert "第 9 行 已修改 性别限制、年龄限制" in result.stderr
    assert "- 2. 大专及以上学历，男性，30-35岁，5年以上互联网运营管理经验" in result.stderr
    assert "+ 2. 大专及以上学历，5年以上互联网运营管理经验" in result.stderr
    assert "妇女权益保障法" in result.stderr and result.stdout == ""
    new.write_text("mine", encoding="utf-8")
    again = runner.invoke(app, ["fix", str(old), "-o", str(new)])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert new.read_text(encoding="utf-8") == "mine"
    forced = runner.invoke(app, ["fix", str(old), "-o", str(new), "--force"])
    assert forced.exit_code == 0 and compliance(new.read_text(encoding="utf-8")) == []
    same = runner.invoke(app, ["fix", str(old), "-o", str(old), "--force"])
    assert same.exit_code == 2 and old.read_text(encoding="utf-8") == jd


def test_json_report_and_dry_run(runner, tmp_path):
    old = tmp_path / "old.md"
    old.write_text(TEMPLATES["md"].format(line="限本市户籍"), encoding="utf-8")
    result = runner.invoke(app, ["fix", str(old), "--format", "json"])
    data = json.loads(result.stdout)
    entry = data["files"][0]
    assert data["clean"] and entry["changes"][0]["removed"] and entry["changes"][0]["rules"] == ["origin"]
    assert "本市户籍" not in entry["text"] and entry["target"] is None
    dry = runner.invoke(app, ["fix", str(old), "-o", str(tmp_path / "new.md"), "--dry-run"])
    assert dry.exit_code == 0 and "已删除" in dry.stderr and not (tmp_path / "new.md").exists()


def test_several_inputs_go_to_a_directory_with_their_names(runner, tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.txt"
    a.write_text(TEMPLATES["md"].format(line="限男性"), encoding="utf-8")
    b.write_text(TEMPLATES["board"].format(line="35岁以下；"), encoding="utf-8")
    result = runner.invoke(app, ["fix", str(a), str(b), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert compliance((tmp_path / "out" / "a.md").read_text(encoding="utf-8")) == []
    assert compliance((tmp_path / "out" / "b.txt").read_text(encoding="utf-8")) == []


def test_a_finding_with_no_safe_edit_needs_a_person(runner):
    """An HTML item whose text runs across tags (<b>限男性</b>) is not edited: the finding is named and left
    in place, and the page comes back as it was."""
    page = "<html><body><h2>任职要求</h2><ul><li><b>限男性</b>，能出差</li><li>熟悉抖音</li></ul></body></html>\n"
    result = runner.invoke(app, ["fix", "-"], input=page)
    assert result.exit_code == 1
    assert "需要人工处理 性别限制 (gender)" in result.stderr and "「限男性」" in result.stderr
    assert result.stdout == page


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>用户运营专员</title></head>
<body>
<h2>岗位职责</h2>
<ul><li>负责社群日常运营</li><li>策划线上活动</li></ul>
<h2>任职要求</h2>
<ol>
  <li>1. 本科及以上学历</li>
  <li>2. 限男性，35岁以下</li>
  <li>3. 有3年以上运营经验，女性勿扰</li>
  <li>4. 熟悉小红书 &amp; 抖音</li>
</ol>
<p>工作地点：上海</p>
</body></html>
"""


def test_html_items_are_edited_in_the_source_and_nothing_else_changes(runner):
    result = runner.invoke(app, ["fix", "-"], input=HTML_PAGE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout == HTML_PAGE.replace("  <li>2. 限男性，35岁以下</li>\n", "").replace(
        "3. 有3年以上运营经验，女性勿扰", "3. 有3年以上运营经验"
    ), "one item and its line removed, one clause cut; the list is not renumbered in part"
    assert "第 9 行 已删除" in result.stderr and "第 10 行 已修改" in result.stderr


def test_html_lists_of_plain_items_are_renumbered(runner):
    page = HTML_PAGE.replace(" &amp; ", "、")  # every item plain: the list can be renumbered
    result = runner.invoke(app, ["fix", "-"], input=page)
    assert result.exit_code == 0, result.output
    assert (
        "<li>2. 有3年以上运营经验</li>" in result.stdout and "<li>3. 熟悉小红书、抖音</li>" in result.stdout
    )
    assert "限男性" not in result.stdout and result.stdout.startswith("<!DOCTYPE html>\n<html><head>")


def test_missing_input_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["fix", str(tmp_path / "nope.md")])
    assert result.exit_code == 2
    assert "找不到文件" in result.stderr and "Traceback" not in result.output


def test_docx_needs_o(runner, tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(make_docx())
    result = runner.invoke(app, ["fix", str(path)])
    assert result.exit_code == 2 and "-o" in result.stderr


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("用户运营专员", 1)
    document.add_paragraph("岗位职责")
    for text in ("负责社群日常运营", "策划线上活动", "分析用户数据"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("任职要求")
    for text in (
        "大专及以上学历，男性，30-35岁，5年以上互联网运营管理经验",
        "限本市户籍",
        "熟悉小红书、抖音平台",
    ):
        document.add_paragraph(text, style="List Number")
    last = document.add_paragraph(style="List Number")
    last.add_run("沟通能力强，").bold = True
    last.add_run("女性优先")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "工作地点", "上海"
    return saved(document)


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_fix_old_docx_to_new_docx_keeps_list_number(runner, tmp_path):
    import docx

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(make_docx())
    before = old.read_bytes()
    result = runner.invoke(app, ["fix", str(old), "-o", str(new)])
    assert result.exit_code == 0, result.output
    assert old.read_bytes() == before
    document = docx.Document(str(new))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs == [
        ("Heading 1", "用户运营专员"),
        ("Normal", "岗位职责"),
        ("List Number", "负责社群日常运营"),
        ("List Number", "策划线上活动"),
        ("List Number", "分析用户数据"),
        ("Normal", "任职要求"),
        ("List Number", "大专及以上学历，5年以上互联网运营管理经验"),
        ("List Number", "熟悉小红书、抖音平台"),
        ("List Number", "沟通能力强"),
    ]
    assert document.paragraphs[-1].runs[0].bold is True
    assert document.tables[0].cell(0, 1).text == "上海"
    assert "第 8 段 已删除 户籍地域限制" in result.stderr


def make_table_docx() -> bytes:
    """The usual HR Word form: a table whose first column names the section, items as cell paragraphs."""
    import docx

    document = docx.Document()
    document.add_heading("用户运营专员", 1)
    table = document.add_table(rows=4, cols=2)
    table.cell(0, 0).text = "岗位职责"
    table.cell(0, 1).text = "1. 负责社群日常运营"
    table.cell(0, 1).add_paragraph("2. 策划线上活动")
    table.cell(1, 0).text = "任职要求"
    table.cell(1, 1).text = "1. 本科及以上学历"
    for text in ("2. 限男性，35岁以下", "3. 熟悉小红书、抖音平台", "4. 3年以上运营经验，形象气质佳"):
        table.cell(1, 1).add_paragraph(text)
    table.cell(2, 0).text = "加分项"
    table.cell(2, 1).text = "已婚已育者优先"
    table.cell(3, 0).text, table.cell(3, 1).text = "工作地点", "上海"
    return saved(document)


def test_fix_edits_the_items_of_a_table_form(runner, tmp_path):
    import docx

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(make_table_docx())
    checked = runner.invoke(app, ["check", str(old), "--format", "json"])
    findings = json.loads(checked.stdout)["findings"]
    assert {f["category"] for f in findings} >= {"gender", "age", "marital"}
    assert not [f for f in findings if "缺少" in f["message"]], "the 任职要求 and 岗位职责 cells are sections"
    result = runner.invoke(app, ["fix", str(old), "-o", str(new)])
    assert result.exit_code == 0, result.output
    table = docx.Document(str(new)).tables[0]
    assert [p.text for p in table.cell(1, 1).paragraphs] == [
        "1. 本科及以上学历",
        "2. 熟悉小红书、抖音平台",
        "3. 3年以上运营经验",
    ]
    assert [p.text for p in table.cell(0, 1).paragraphs] == ["1. 负责社群日常运营", "2. 策划线上活动"]
    assert [p.text for p in table.cell(2, 1).paragraphs] == [""]  # emptied: Word needs a paragraph per cell
    assert table.cell(3, 1).text == "上海" and table.cell(1, 0).text == "任职要求"
    again = runner.invoke(app, ["check", str(new), "--format", "json"])
    assert not [f for f in json.loads(again.stdout)["findings"] if f["category"] in COMPLIANCE]


def test_board_text_items_are_renumbered_and_no_dangling_words_stay(runner):
    """Items whose text starts with a digit (3、3年以上…) still count as numbered; 「优先考虑」 alone is no item."""
    from jdwriter.cli import app

    text = (
        "岗位职责：\n1、负责抖音账号日常运营\n2、负责社群活动\n3、负责数据复盘\n任职要求：\n"
        "1、年龄：22-30周岁，女，未婚，形象气质佳\n2、限深圳本地户籍，外地勿扰\n3、3年以上新媒体运营经验，熟悉剪映\n"
        "4、已婚已育女士优先考虑\n"
    )
    result = runner.invoke(app, ["fix", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("任职要求：\n1、3年以上新媒体运营经验，熟悉剪映\n")
