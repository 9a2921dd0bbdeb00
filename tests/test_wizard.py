"""The interactive wizard: answers typed at prompts go through the same checks as flags."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from jdwriter.cli import app
from jdwriter.cli import new as cli_new


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(cli_new, "stdin_is_terminal", lambda: True)


def test_role_then_enter_to_the_end_writes_a_file_named_after_the_title(runner, terminal):
    result = runner.invoke(app, ["new"], input="用户运营\n" + "\n" * 10)
    assert result.exit_code == 0, result.output
    assert Path("用户运营专员.md").read_text(encoding="utf-8").startswith("# 用户运营专员")
    assert "回车保存为 用户运营专员.md" in result.stderr


def test_dash_previews_on_screen(runner, terminal):
    result = runner.invoke(app, ["new"], input="用户运营\n" + "\n" * 8 + "\n-\n")
    assert result.exit_code == 0, result.output
    assert "# 用户运营专员" in result.stdout and not Path("用户运营专员.md").exists()


def test_flags_are_not_asked_again(runner, terminal, tmp_path):
    target = tmp_path / "x.md"
    result = runner.invoke(
        app, ["new", "--level", "经理", "--industry", "电商", "-o", str(target)], input="\n" * 7
    )
    assert result.exit_code == 0, result.output
    assert "级别" not in result.stderr and "行业：" not in result.stderr and "保存到文件" not in result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 用户运营经理") and "消费者" in text


def test_an_existing_output_is_refused_before_any_question(runner, terminal, tmp_path):
    target = tmp_path / "x.md"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["new", "-o", str(target)], input="用户运营\n")
    assert result.exit_code == 2 and "岗位（" not in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_file_chosen_in_the_wizard_that_exists_is_asked_again_with_a_free_default(runner, terminal):
    Path("用户运营专员.md").write_text("mine", encoding="utf-8")
    Path("other.md").write_text("mine too", encoding="utf-8")
    result = runner.invoke(app, ["new"], input="用户运营\n" + "\n" * 9 + "other.md\n\n")
    assert result.exit_code == 0, result.output
    assert "回车保存为 用户运营专员-2.md" in result.stderr, "the first default is already free"
    assert "「other.md」已存在" in result.stderr and "回车用 other-2.md" in result.stderr
    assert Path("other-2.md").read_text(encoding="utf-8").startswith("# 用户运营专员")
    assert Path("用户运营专员.md").read_text(encoding="utf-8") == "mine"
    assert Path("other.md").read_text(encoding="utf-8") == "mine too"


def test_a_name_without_extension_takes_the_formats(runner, terminal):
    result = runner.invoke(app, ["new"], input="用户运营\n" + "\n" * 8 + "docx\n种草2\n")
    assert result.exit_code == 0, result.output
    assert Path("种草2.docx").read_bytes()[:2] == b"PK" and not Path("种草2").exists()


def test_a_unique_beginning_is_enough(runner, terminal):
    result = runner.invoke(app, ["new"], input="用户运营\n经\n\n本地\n" + "\n" * 5 + "json\n-\n")
    assert result.exit_code == 0, result.output
    jd = json.loads(result.stdout)
    assert jd["industry"]["name"] == "本地生活" and jd["level"]["name"] == "经理"


def test_no_flags_asks_for_the_full_template_and_company_facts(runner, terminal):
    answers = "用户运营\n\n\n\ny\n示例科技\n杭州\n15-25K\n两个\nmd\n-\n"
    result = runner.invoke(app, ["new"], input=answers)
    assert result.exit_code == 0, result.output
    for question in ("完整版", "公司名称", "工作地点", "薪资范围", "招聘人数"):
        assert question in result.stderr
    assert "回车跳过" in result.stderr
    text = result.stdout
    assert "**公司**：示例科技" in text and "**工作地点**：杭州" in text and "**招聘人数**：2 人" in text
    assert "## 考核指标" in text, "the full template"


def test_company_questions_are_skipped_with_enter_and_bad_answers_asked_again(runner, terminal):
    answers = "用户运营\n\n\n\n\n\n\n\n好多\n\nmd\n-\n"
    result = runner.invoke(app, ["new"], input=answers)
    assert result.exit_code == 0, result.output
    assert "招聘人数「好多」不正确" in result.stderr and "请重新输入" in result.stderr
    assert "**" not in result.stdout.split("## ", 1)[0], "nothing given, no company line"
    assert "## 考核指标" not in result.stdout


def test_company_flags_are_not_asked(runner, terminal):
    args = ["new", "--template", "full", "--company-name", "示例科技", "--location", "上海"]
    result = runner.invoke(app, args, input="用户运营\n\n\n\n\n\nmd\n-\n")
    assert result.exit_code == 0, result.output
    assert "完整版模板吗" not in result.stderr and "公司名称" not in result.stderr
    assert "薪资范围" in result.stderr and "**公司**：示例科技" in result.stdout


def test_title_sets_the_default_level_and_bad_answers_are_asked_again(runner, terminal):
    answers = "厨师\n高级用户运营经理\n\n量子\n1\n电商\n" + "\n" * 5 + "md\n-\n"
    result = runner.invoke(app, ["new"], input=answers)
    assert result.exit_code == 0, result.output
    assert "# 高级用户运营经理" in result.stdout
    assert "请重新输入" in result.stderr


def test_wizard_can_write_a_file(runner, terminal, tmp_path):
    target = tmp_path / "jd.json"
    result = runner.invoke(app, ["new"], input="2\n经理\n\n\n" + "\n" * 5 + f"json\n{target}\n")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().startswith("{")


def test_end_of_input_leaves_cleanly(runner, terminal):
    """Guards the EOFError handler in cli/common.py `handled`: input that ends mid-wizard (Ctrl-D, a closed
    pipe) is exit 1 with one Chinese line, not an internal error (70) or an escaped exception."""
    result = runner.invoke(app, ["new"], input="")
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    # the prompt has no newline, so the message ends the prompt's line: the one line after the question
    assert result.stderr.endswith("输入已结束，未生成任何内容。\n"), result.stderr
    assert result.stderr.count("输入已结束") == 1 and "错误" not in result.stderr
    assert "内部错误" not in result.stderr and result.stdout == ""


def test_no_input_never_asks(runner, terminal):
    result = runner.invoke(app, ["new", "--no-input"])
    assert result.exit_code == 2 and "--role" in result.stderr


def spawn_new(pexpect, folder: Path):
    """`jdwriter new` in a real pseudo-terminal, in ``folder`` (also its HOME)."""
    exe = Path(sys.executable).with_name("jdwriter")
    command = str(exe) if exe.exists() else shutil.which("jdwriter")
    env = {**os.environ, "COLUMNS": "100", "HOME": str(folder)}
    return pexpect.spawn(command, ["new"], cwd=str(folder), env=env, encoding="utf-8", timeout=20)


@pytest.mark.skipif(
    not shutil.which("jdwriter") and not Path(sys.executable).with_name("jdwriter").exists(),
    reason="needs the installed jdwriter command",
)
def test_real_terminal_role_then_enter(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    child = spawn_new(pexpect, tmp_path)
    child.expect("岗位")
    child.sendline("用户运营")
    for prompt in (
        "级别",
        "侧重",
        "行业",
        "完整版",
        "公司名称",
        "工作地点",
        "薪资范围",
        "招聘人数",
        "输出格式",
    ):
        child.expect(prompt)
        child.sendline("")
    child.expect("保存到文件")
    child.sendline("jd.md")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "jd.md").read_text(encoding="utf-8").startswith("# 用户运营专员")


@pytest.mark.skipif(
    not shutil.which("jdwriter") and not Path(sys.executable).with_name("jdwriter").exists(),
    reason="needs the installed jdwriter command",
)
def test_real_terminal_ctrl_c_leaves_cleanly(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    child = spawn_new(pexpect, tmp_path)
    child.expect("岗位")
    child.sendline("用户运营")
    child.expect("级别")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in child.before
    assert child.exitstatus == 130 and "已取消" in child.before
    assert re.search(r"\n已取消。", child.before), "「已取消。」 stands on its own line"
    assert list(tmp_path.iterdir()) == []


def test_menus_fit_a_60_column_terminal(monkeypatch):
    import io

    from rich.cells import cell_len
    from rich.console import Console

    from jdwriter.api import get_catalog
    from jdwriter.cli import wizard

    out = io.StringIO()
    monkeypatch.setattr(wizard, "console", Console(file=out, width=60, color_system=None))
    catalog = get_catalog()
    wizard._numbered([d.name for d in catalog.duties[:12]], columns=3)
    wizard._numbered([r.name for r in catalog.roles])
    menu = out.getvalue().splitlines()
    assert all(re.match(r"\s*\d+ \S", line) for line in menu), "no menu entry wraps onto a line of its own"
    wizard.say_wrapped(
        "也可以直接写招聘网站上的职位名称，包括方向：" + "、".join(d.name for d in catalog.directions[:12])
    )
    lines = out.getvalue().splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 60
    assert not [line for line in lines if line.lstrip()[:1] in ("、", "，", "。")]
