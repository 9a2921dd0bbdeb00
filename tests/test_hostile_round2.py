"""Hostile files, round 2 (issue 27): fix and new write only regular files, every user path goes through one
guard, the html and docx readers see all the visible text and nothing else, and nothing is quadratic.

Memory and output bounds run in a child process under RLIMIT_AS; timeouts here are hang guards only (the
time targets are measured in benchmarks/hostile.py)."""

from __future__ import annotations

import io
import json
import os
import resource
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jdwriter.cli import app
from tests.docx_xml import p, r, with_body

BAD = "任职要求：\n1. 本科及以上学历\n2. 限男性\n3. 有社群运营经验\n"


def invoke(runner: Any, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def one_chinese_line(result: Any) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert lines and lines[-1].startswith("错误：") and "Traceback" not in result.output, result.output


@pytest.fixture
def jd(tmp_path: Path) -> Path:
    path = tmp_path / "in.md"
    path.write_text(BAD, encoding="utf-8")
    return path


# --- 1. only regular files are written --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["fix", "new"])
def test_a_fifo_is_never_replaced_even_with_force(runner, tmp_path, jd, command):
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    args = ["fix", str(jd)] if command == "fix" else ["new", "--role", "用户运营"]
    result = invoke(runner, *args, "-o", str(fifo), "--force")
    one_chinese_line(result)
    assert "不是普通文件" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_into_proc_or_dev_is_refused(runner, tmp_path, jd):
    link = tmp_path / "out.md"
    link.symlink_to("/proc/self/fd/1")
    result = invoke(runner, "fix", str(jd), "-o", str(link), "--force")
    one_chinese_line(result)
    assert link.is_symlink()
    one_chinese_line(invoke(runner, "new", "--role", "用户运营", "-o", "/dev/null", "--force"))


def test_the_atomic_rename_never_replaces_a_non_regular_file(tmp_path, monkeypatch):
    """Even when the guard was passed (a FIFO put there after it ran), the last check before the rename holds."""
    from jdwriter.errors import UserError
    from jdwriter.files import writer

    target = tmp_path / "out.md"
    monkeypatch.setattr(writer, "check_target", lambda path, force: os.mkfifo(path))
    with pytest.raises(UserError, match="不是普通文件"):
        writer.atomic_write(target, "x", force=True)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(writer.TEMP_SUFFIX)]


# --- 2. one path guard -------------------------------------------------------------------------------------


def test_path_problems_are_one_chinese_line(runner, tmp_path, jd):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nothing")
    afile = tmp_path / "afile"
    afile.write_text("x")
    long = str(tmp_path / ("长" * 100 + ".md"))  # 300 bytes in UTF-8
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    cases = [
        ["fix", str(jd), "-o", str(loop)],
        ["new", "--role", "用户运营", "-o", str(loop)],
        ["check", str(loop)],
        ["check", str(dangling)],
        ["fix", str(jd), "-o", str(tmp_path / "missing" / "x.md")],
        ["fix", str(jd), "-o", str(afile / "x.md")],
        ["new", "--role", "用户运营", "-o", str(tmp_path / "missing" / "x.md")],
        ["check", long],
        ["fix", long],
        ["fix", str(jd), "-o", long],
        ["new", "--role", "用户运营", "--catalog", long],
        ["new", "--role", "用户运营", "--templates", str(loop)],
        ["batch", str(sheet), "-o", long],
        ["batch", long, "-o", str(tmp_path / "out")],
    ]
    for args in cases:
        one_chinese_line(invoke(runner, *args))
    assert not list(tmp_path.glob("*.jdwriter.tmp")) and not (tmp_path / "out").exists()


def test_a_non_utf8_byte_in_batch_output_is_refused_before_anything_is_written(tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jdwriter", "batch", str(sheet), "-o", os.fsencode(tmp_path) + b"/out\xff"],
        capture_output=True,
        timeout=120,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in stderr and "UTF-8" in stderr, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jobs.csv"]


# --- 3. html: one source of positions ----------------------------------------------------------------------

LONE_CR = (
    "<html><body>\r<script>var t = '<li>限女性</li>';</script>\n<!-- 限女性 -->\r\n"
    '<div title="限女性">x</div>\n<h2>任职要求</h2>\n<ul>\n<li>本科及以上学历</li>\n<li>限女性</li>\r\n'
    "<li>有社群运营经验</li>\n</ul>\n</body></html>\n"
)


def test_a_lone_cr_never_moves_an_edit_into_a_script(runner, tmp_path):
    """The Done-when allows fixing the item or leaving it (exit 1); this reader knows where it stands, so the
    item is fixed, its line removed with its own \\r\\n, and the script, comment and attribute kept."""
    page = tmp_path / "jd.html"
    page.write_bytes(LONE_CR.encode("utf-8"))
    out = tmp_path / "out.html"
    result = invoke(runner, "fix", str(page), "-o", str(out))
    assert result.exit_code == 0, result.output
    fixed = out.read_bytes().decode("utf-8")
    assert fixed == LONE_CR.replace("<li>限女性</li>\r\n", "")


def test_script_comment_attribute_and_cdata_are_never_findings():
    from jdwriter.check.engine import check_text

    page = (
        "<html><body><script><!--<script>限男性</script><style>/* 限男性 */</style><!-- 限男性 -->"
        '<p title="限男性">岗位职责</p><![CDATA[限男性]]><p>负责社群运营</p></body></html>'
    )
    assert not [f for f in check_text(page).findings if f.rule == "gender"]


def test_html_without_head_end_or_body_is_read_as_a_browser_reads_it(runner, tmp_path):
    page = tmp_path / "jd.html"
    page.write_text(
        "<html><head><title>运营</title>\n<h2>任职要求</h2><ul><li>限男性</li></ul>", encoding="utf-8"
    )
    result = invoke(runner, "check", str(page))
    assert result.exit_code == 1 and "性别" in result.stdout


@pytest.mark.parametrize("junk", ["<a ", "<", "</", "<!--", "<td>x</td>"])
def test_pathological_markup_reads_in_one_pass(tmp_path, junk):
    """The parser only ever sees constructs that end; the page is read (or refused), never hangs."""
    from jdwriter.check.html_text import read_html

    page = "<html><body><p>限男性</p>" + junk * 20_000
    blocks = read_html(page).blocks
    assert blocks[0].text == "限男性" and page[blocks[0].offset : blocks[0].offset + 3] == "限男性"


# --- 4/5. docx: all the visible text, edits in place, tables ----------------------------------------------

REQ = p(r("任职要求："))
CASES = {
    "修订": p(r("1. 本科，") + '<w:ins w:id="1" w:author="a"><w:r><w:t>限男性</w:t></w:r></w:ins>'),
    "内容控件": "<w:sdt><w:sdtContent>" + p(r("1. 限男性")) + "</w:sdtContent></w:sdt>",
    "域": p('<w:fldSimple w:instr="MERGEFIELD x">' + r("1. 限男性") + "</w:fldSimple>"),
    "文本框": p(
        r("1. 本科")
        + '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        + p(r("限男性"))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    ),
}


@pytest.mark.parametrize("place", list(CASES))
def test_docx_text_check_used_to_miss_is_found_with_its_place(runner, tmp_path, place):
    path = with_body(tmp_path / "jd.docx", REQ + CASES[place])
    result = invoke(runner, "check", str(path))
    assert result.exit_code == 1 and f"（{place}）" in result.stdout and "性别" in result.stdout
    fixed = invoke(runner, "fix", str(path), "-o", str(tmp_path / "out.docx"))
    assert fixed.exit_code == 1 and "需要人工处理" in fixed.stderr  # none of these is edited blindly


def test_deleted_text_and_field_codes_are_not_read(runner, tmp_path):
    body = REQ + p(
        r("1. 本科") + '<w:del w:id="1" w:author="a"><w:r><w:delText>限男性</w:delText></w:r></w:del>'
    )
    body += p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>限男性</w:instrText></w:r>')
    assert invoke(runner, "check", str(with_body(tmp_path / "jd.docx", body))).exit_code == 0


def test_header_text_is_checked(runner, tmp_path):
    path = with_body(tmp_path / "jd.docx", p(r("岗位职责")), header="限男性")
    result = invoke(runner, "check", str(path))
    assert result.exit_code == 1 and "（页眉）" in result.stdout


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_fix_keeps_what_else_a_run_holds(runner, tmp_path):
    held = '<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing><w:sym w:font="Wingdings" w:char="F0E0"/><w:footnoteReference w:id="1"/>'
    body = REQ + p(f'<w:r><w:t xml:space="preserve">1. 本科，限男性</w:t>{held}</w:r>') + p(r("2. 有经验"))
    path = with_body(tmp_path / "jd.docx", body)
    out = tmp_path / "out.docx"
    assert invoke(runner, "fix", str(path), "-o", str(out)).exit_code == 0
    xml = _document_xml(out)
    assert "限男性" not in xml and "1. 本科" in xml
    for kept in ("<wp:inline", "<w:sym", "<w:footnoteReference"):
        assert kept in xml


def test_removing_an_item_keeps_its_section_and_its_image(runner, tmp_path):
    sect = '<w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr>'
    body = REQ + p(r("1. 本科")) + f"<w:p>{sect}{r('2. 限男性')}</w:p>"
    body += p("<w:r><w:t>3. 限女性</w:t><w:drawing/></w:r>") + p(r("4. 有经验"))
    path = with_body(tmp_path / "jd.docx", body)
    out = tmp_path / "out.docx"
    assert invoke(runner, "fix", str(path), "-o", str(out)).exit_code == 0
    xml = _document_xml(out)
    assert 'w:orient="landscape"' in xml and "<w:drawing/>" in xml
    assert "限男性" not in xml and "限女性" not in xml and "有经验" in xml


def _tbl(rows: str) -> str:
    return "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>" + rows + "</w:tbl>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(r(text))}</w:tc>"


def malformed_tables(tmp: Path) -> dict[str, Path]:
    many = "".join("<w:tr>" + _tc("", "<w:vMerge/>") + _tc(f"{i}. 本科") + "</w:tr>" for i in range(2, 3001))
    tables = {
        "vmerge_first_row": "<w:tr>" + _tc("任职要求", "<w:vMerge/>") + _tc("1. 限男性") + "</w:tr>",
        "gridspan_abc": "<w:tr>"
        + _tc("任职要求", '<w:gridSpan w:val="abc"/>')
        + _tc("1. 限男性")
        + "</w:tr>",
        "gridspan_huge": "<w:tr>"
        + _tc("任职要求", '<w:gridSpan w:val="2000000000"/>')
        + _tc("1. 限男性")
        + "</w:tr>",
        "vmerge_3000": "<w:tr>"
        + _tc("任职要求", '<w:vMerge w:val="restart"/>')
        + _tc("1. 限男性")
        + "</w:tr>"
        + many,
    }
    return {name: with_body(tmp / f"{name}.docx", _tbl(rows)) for name, rows in tables.items()}


def _limited(limit_mb: int) -> Any:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 1024 * 1024, limit_mb * 1024 * 1024))

    return apply


def run_capped(args: list[str], cwd: Path, limit_mb: int = 400) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "jdwriter", *args],
        capture_output=True,
        timeout=120,  # a hang guard, not a timing assertion
        cwd=cwd,
        preexec_fn=_limited(limit_mb),
        env={**os.environ, "COLUMNS": "100"},
    )


def test_malformed_tables_are_refused_or_read_in_check_and_fix_within_400_mb(tmp_path):
    expected = {"vmerge_first_row": 1, "gridspan_abc": 2, "gridspan_huge": 2, "vmerge_3000": 1}
    for name, path in malformed_tables(tmp_path).items():
        for args in (["check", str(path)], ["fix", str(path), "-o", str(tmp_path / f"{name}-out.docx")]):
            result = run_capped(args, tmp_path)
            stderr = result.stderr.decode("utf-8")
            assert "Traceback" not in stderr and "内部错误" not in stderr and "内存不足" not in stderr, stderr
            assert result.returncode in (expected[name], 0 if args[0] == "fix" else expected[name]), stderr


# --- 6. bounded output -------------------------------------------------------------------------------------


def test_99000_lines_give_a_bounded_report_within_400_mb(tmp_path):
    page = tmp_path / "many.md"
    page.write_text("任职要求：\n" + "限男性\n" * 99_000, encoding="utf-8")
    text = run_capped(["check", str(page)], tmp_path)
    data = run_capped(["check", str(page), "-f", "json"], tmp_path)
    assert text.returncode == 1 and data.returncode == 1, text.stderr.decode()[-500:]
    assert len(text.stdout) < 20_000_000 and len(data.stdout) < 20_000_000
    assert "另有" in text.stdout.decode("utf-8") and "处同类问题" in text.stdout.decode("utf-8")
    report = json.loads(data.stdout)
    assert report["cap"]["per_rule"] >= 1 and report["cap"]["not_shown"]["gender"] > 90_000
    assert report["stats"]["errors"] >= 99_000 and len(report["findings"]) <= report["cap"]["per_document"]


def test_an_excerpt_from_a_long_line_fits_80_columns(runner, tmp_path):
    from rich.cells import cell_len

    page = tmp_path / "long.md"
    page.write_text(
        "任职要求：\n" + "负责用户增长，" * 1000 + "限男性，" + "负责社群活动，" * 1000 + "\n",
        encoding="utf-8",
    )
    result = invoke(runner, "check", str(page))
    excerpt = next(
        line for line in result.stdout.splitlines() if "限男性" in line and line.startswith("    ")
    )
    assert cell_len(excerpt) <= 80 and excerpt.strip().startswith("…") and excerpt.endswith("…")


def test_the_docx_diff_rebuilds_the_new_text_and_stays_in_order():
    import random

    from jdwriter.fix.docx import opcodes

    rng = random.Random(27)
    for _ in range(2000):
        old = "".join(
            rng.choice(["本科，", "限男性，", "有经验；", "x", "。"]) for _ in range(rng.randint(0, 40))
        )
        new = "，".join(part for part in old.split("，") if rng.random() < 0.7).replace("有", "具有")
        at = 0
        rebuilt = []
        for tag, i1, i2, j1, j2 in opcodes(old, new):
            assert i1 == at
            at = i2
            if tag == "equal":
                assert old[i1:i2] == new[j1:j2]
            rebuilt.append(new[j1:j2])
        assert at == len(old) and "".join(rebuilt) == new


# --- 7. invisible characters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [("男\u200b性优先", "gender"), ("35\u200b岁以下", "age"), ("限\u00ad女\u2060性", "gender")],
)
def test_zero_width_characters_cannot_split_a_trigger(line, rule):
    from jdwriter.check.engine import check_text

    text = f"任职要求：\n1. {line}\n"
    found = [f for f in check_text(text).findings if f.rule == rule]
    assert found
    span = text[
        found[0].offset : found[0].end
    ]  # positions map back to the original, hidden character included
    assert any(c in span for c in "\u200b\u00ad\u2060"), span


def test_zero_width_characters_are_escaped_on_the_terminal(runner, tmp_path):
    page = tmp_path / "jd.md"
    page.write_text("任职要求：\n1. 男\u200b性优先\u200d\u200e\u200f\n", encoding="utf-8")
    result = invoke(runner, "check", str(page))
    assert "\\u200b" in result.stdout
    assert not any(c in result.stdout for c in "\u200b\u200d\u200e\u200f")


def test_a_markdown_link_in_a_company_intro_is_no_osc8_escape(monkeypatch):
    from jdwriter.cli.common import emit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setenv("TERM", "xterm-256color")
    emit("# 运营\n\n公司介绍：[点我](http://evil.example/x)\n", "md", None, False)
    shown = screen.getvalue()
    assert "http://evil.example/x" in shown and "\x1b]8" not in shown


def test_a_tab_after_the_item_number_is_kept_and_the_list_renumbered(runner, tmp_path):
    def item(number: str, text: str) -> str:
        return p(f'<w:r><w:t>{number}</w:t><w:tab/><w:t xml:space="preserve">{text}</w:t></w:r>')

    body = REQ + item("1.", "本科，限男性，有经验") + item("2.", "限女性") + item("3.", "沟通好")
    out = tmp_path / "out.docx"
    assert invoke(runner, "fix", str(with_body(tmp_path / "jd.docx", body)), "-o", str(out)).exit_code == 0
    xml = _document_xml(out)
    assert '<w:t>1.</w:t><w:tab/><w:t xml:space="preserve">本科，有经验</w:t>' in xml
    assert '2.</w:t><w:tab/><w:t xml:space="preserve">沟通好' in xml and "限" not in xml


def test_a_fifo_in_the_batch_folder_fails_its_row_and_the_manifest_is_still_written(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n内容运营\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "002-用户运营.md")
    result = invoke(runner, "batch", str(sheet), "-o", str(out), "--force")
    assert result.exit_code == 1 and "不是普通文件" in result.stderr
    assert stat.S_ISFIFO(os.lstat(out / "002-用户运营.md").st_mode)
    rows = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["rows"]
    assert [row["status"] for row in rows] == ["failed", "ok"] and (out / "003-内容运营.md").is_file()
