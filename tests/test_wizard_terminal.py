"""The wizard in a real pseudo-terminal with flags: it asks only what the flags left open."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("jdwriter")
pytestmark = pytest.mark.skipif(
    not EXE.exists() and not shutil.which("jdwriter"), reason="needs the installed jdwriter command"
)


def spawn(pexpect, folder: Path, *args: str):
    command = str(EXE) if EXE.exists() else shutil.which("jdwriter")
    env = {**os.environ, "COLUMNS": "100", "HOME": str(folder)}
    return pexpect.spawn(command, ["new", *args], cwd=str(folder), env=env, encoding="utf-8", timeout=20)


def test_flags_are_kept_and_only_open_questions_are_asked(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    child = spawn(pexpect, tmp_path, "--level", "经理", "--industry", "电商", "-o", "x.md")
    child.expect("岗位")
    child.sendline("用户运营")
    for prompt in ("侧重", "完整版", "公司名称", "工作地点", "薪资范围", "招聘人数"):
        child.expect(prompt)
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "级别（" not in child.before and "行业（" not in child.before
    text = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert text.startswith("# 用户运营经理\n") and "消费者" in text


def test_an_existing_output_is_refused_before_the_first_question(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    (tmp_path / "existing.md").write_text("mine", encoding="utf-8")
    child = spawn(pexpect, tmp_path, "-o", "existing.md")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "已存在" in child.before and "岗位（" not in child.before
    assert (tmp_path / "existing.md").read_text(encoding="utf-8") == "mine"
