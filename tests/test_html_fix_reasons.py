"""fix on HTML says why it left an item, in issue 23's words (issue 27 item 8)."""

from __future__ import annotations

import pytest

from jdwriter.cli import app


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("<li><b>限男性</b>，有经验</li>", "加粗"),
        ("<li>限女性&nbsp;优先</li>", "转义字符"),
    ],
)
def test_an_item_left_in_html_says_why(runner, tmp_path, item, words):
    page = tmp_path / "jd.html"
    page.write_text(
        f"<html><body><h2>任职要求</h2><ul><li>本科</li>{item}</ul></body></html>", encoding="utf-8"
    )
    result = runner.invoke(app, ["fix", str(page)])
    assert result.exit_code == 1 and "需要人工处理" in result.stderr and words in result.stderr


def test_a_table_cell_in_html_says_table(runner, tmp_path):
    page = tmp_path / "jd.html"
    row = "<tr><td>要求</td><td><b>限男性</b>，本科</td></tr>"
    page.write_text(f"<html><body><h2>任职要求</h2><table>{row}</table></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["fix", str(page)])
    assert result.exit_code == 1 and "表格" in result.stderr
