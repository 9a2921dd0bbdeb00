"""Messages a user can see are Chinese: Jinja syntax errors (at the line where the problem starts) and
sandbox refusals."""

from __future__ import annotations

import re

import pytest

from jdwriter.cli import app

ENGLISH = re.compile(r"\b(unexpected|expected|Encountered|Jinja|access|unsafe|object|token|tag|template)\b")


def render_with(runner, tmp_path, body: str):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "jd.md.j2").write_text(body, encoding="utf-8")
    return runner.invoke(app, ["new", "-r", "用户运营", "--templates", str(folder), "--no-input"])


@pytest.mark.parametrize(
    ("body", "needles"),
    [
        # Jinja reports these at the end of the file; the user needs the line that opened them
        ("# {{ jd.title }}\n{% for d in jd.duties %}\n{{ d }}\n\n完\n", ["第 2 行", "{% endfor %}"]),
        ("# 标题\n{{ jd.title \n\n完\n", ["第 2 行", "}}"]),
        ("# 标题\n{% if jd.title %}\n{% endfor %}\n", ["第 3 行", "{% endif %}"]),
        ("# 标题\n\n{{ jd.title|shout }}\n", ["第 3 行", "「shout」的过滤器"]),
        ("# 标题\n{% frobnicate %}\n", ["第 2 行", "不认识的标签「{% frobnicate %}」"]),
        ("# 标题\n{{ jd.title ! }}\n", ["第 2 行", "「!」"]),
    ],
)
def test_template_syntax_errors_are_chinese_at_the_starting_line(runner, tmp_path, body, needles):
    result = render_with(runner, tmp_path, body)
    assert result.exit_code == 2
    assert "语法错误" in result.stderr and "jd.md.j2" in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    assert not ENGLISH.search(result.stderr.replace("jd.", "")), result.stderr


def test_sandbox_refusal_is_chinese(runner, tmp_path):
    result = render_with(runner, tmp_path, "# {{ ''.__class__.__mro__ }}\n")
    assert result.exit_code == 2
    assert "内部属性「__class__」" in result.stderr and "拒绝" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr
