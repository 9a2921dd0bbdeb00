"""Shell completion: the scripts for bash, zsh and fish, installing them, and Tab completing catalogue names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jdwriter.cli import app


def invoke(runner, *args, env=None):
    return runner.invoke(app, list(args), prog_name="jdwriter", env=env)


@pytest.mark.parametrize(
    ("shell", "needle"),
    [
        ("bash", "complete -o default -F _jdwriter_completion jdwriter"),
        ("zsh", "#compdef jdwriter"),
        ("fish", "complete --command jdwriter"),
    ],
)
def test_show_completion_prints_the_script_for_the_named_shell(runner, shell, needle):
    result = invoke(runner, "--show-completion", shell)
    assert result.exit_code == 0, result.output
    assert needle in result.stdout and "_JDWRITER_COMPLETE" in result.stdout


def test_an_unknown_shell_is_refused_in_chinese(runner):
    result = invoke(runner, "--show-completion", "tcsh")
    assert result.exit_code == 2
    assert "tcsh" in result.stderr and "bash" in result.stderr and result.stdout == ""


def test_install_completion_writes_the_script_and_says_so(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = invoke(runner, "--install-completion", "bash")
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "jdwriter.sh"
    assert "_jdwriter_completion" in script.read_text()
    assert str(script) in (tmp_path / ".bashrc").read_text()
    assert "已为 bash 安装命令补全" in result.stderr and "重新打开终端" in result.stderr


def complete(runner, line: str) -> list[str]:
    """What bash offers after typing `line` and pressing Tab."""
    words = line.split(" ")
    env = {"_JDWRITER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = invoke(runner, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected", "not_expected"),
    [
        ("jdwriter new --role 用户", "用户运营", "内容运营"),
        ("jdwriter new -r ", "内容运营", "经理"),
        ("jdwriter new --level 经", "经理", "专员"),
        ("jdwriter new --industry 本", "本地生活", "电商"),
        ("jdwriter new -i ", "电商", "用户运营"),
        ("jdwriter --show-completion z", "zsh", "bash"),
    ],
)
def test_tab_completes_catalogue_names(runner, line, expected, not_expected):
    offered = complete(runner, line)
    assert expected in offered and not_expected not in offered, offered


def test_start_up_does_not_read_the_catalogue():
    code = (
        "import sys\nfrom jdwriter.cli import app\n"
        "print(sorted(m for m in sys.modules if m in ('jdwriter.catalog.model', 'jdwriter.api', 'yaml')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
