"""Our own full posting passes our own `check --posting`, in every format a person would publish."""

from __future__ import annotations

import re

import pytest

from jdwriter.cli import app

FULL = [
    "new",
    "-r",
    "用户运营",
    "-l",
    "经理",
    "--template",
    "full",
    "--company-name",
    "示例科技",
    "--location",
    "杭州",
    "--salary",
    "15-25K·14薪",
    "--headcount",
    "2",
]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "txt"])
def test_our_full_posting_passes_check_posting(runner, tmp_path, fmt):
    target = tmp_path / f"jd.{fmt}"
    assert runner.invoke(app, [*FULL, "-o", str(target)]).exit_code == 0
    result = runner.invoke(app, ["check", "--posting", str(target)])
    assert result.exit_code == 0, result.output
    assert "错误 0" in result.output


def test_html_labels_and_colons_are_page_text_not_css(runner, tmp_path):
    target = tmp_path / "jd.html"
    assert runner.invoke(app, [*FULL, "-o", str(target)]).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert "::after" not in page and "::before" not in page and "content:" not in page
    text = re.sub(r"<[^>]+>", "", page.split("<body>", 1)[1])  # what a browser copies
    for label in ("公司：示例科技", "工作地点：杭州", "薪资：15-25K·14薪", "招聘人数：2 人"):
        assert label in text


@pytest.mark.parametrize(
    "options",
    [
        ["--location", "上海", "--salary", "10-15K"],
        ["--company-name", "示例科技", "--headcount", "3"],
        ["--template", "full", "--company-name", "示例科技", "--location", "杭州"],
    ],
)
def test_check_posting_says_the_same_of_our_html_as_of_our_markdown(runner, tmp_path, options):
    verdicts = {}
    for fmt in ("md", "html"):
        target = tmp_path / f"jd.{fmt}"
        assert runner.invoke(app, ["new", "-r", "用户运营", *options, "-o", str(target)]).exit_code == 0
        result = runner.invoke(app, ["check", "--posting", str(target)])
        findings = re.findall(r"缺少「[^」]+」", result.output)
        verdicts[fmt] = (result.exit_code, sorted(findings))
    assert verdicts["html"] == verdicts["md"]
