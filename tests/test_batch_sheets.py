"""Sheets as HR keeps them: a title above the header, Chinese header words for level, emphasis, department and
reporting line, and a bare role name in the title column that takes the level from its own column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdwriter.api import get_catalog
from jdwriter.batch.run import read_rows
from jdwriter.cli import app

HEADER = ["岗位名称", "岗位级别", "重点方向", "部门", "汇报对象", "薪资范围"]
JOBS = [
    ["内容运营", "经理", "数据分析", "内容中心", "内容总监", "20-30K"],
    ["用户运营", "专员", "拉新", "增长部", "用户运营经理", "10-15K"],
]


def hr_workbook(path: Path, jobs: list[list[str]] = JOBS) -> Path:
    """The sheet most HR teams start from: a merged title row, the header on row 2, a blank row, two jobs."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2025 年 Q1 招聘需求汇总"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    sheet.append([])
    for job in jobs:
        sheet.append(job)
    book.save(path)
    return path


def batch(runner, *args: str):
    return runner.invoke(app, ["batch", *args])


def manifest(outdir: Path) -> dict:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def test_a_title_row_above_the_header_is_skipped_and_rows_keep_their_excel_numbers(tmp_path):
    notes: list[str] = []
    rows = read_rows(hr_workbook(tmp_path / "需求.xlsx"), notes=notes)
    assert [r.number for r in rows] == [3, 4, 5], "Excel row numbers: header on row 2, blank row 3"
    assert rows[1].fields["title"] == "内容运营" and rows[1].fields["level"] == "经理"
    assert len(notes) == 1 and "第 1 行" in notes[0] and "2025 年 Q1 招聘需求汇总" in notes[0]


def test_the_hr_workbook_writes_two_jds_titled_with_their_level_and_leaning_to_the_emphasis(runner, tmp_path):
    out = tmp_path / "out"
    result = batch(runner, str(hr_workbook(tmp_path / "需求.xlsx")), "-o", str(out), "-f", "md,json")
    assert result.exit_code == 0, result.output
    assert "2025 年 Q1 招聘需求汇总" in result.stderr and "已跳过" in result.stderr
    assert "不用于生成" not in result.stderr, "no header of this sheet is listed as unused"
    rows = manifest(out)["rows"]
    assert [(r["row"], r["status"]) for r in rows] == [(3, "skipped"), (4, "ok"), (5, "ok")]
    first = out / rows[1]["files"][0]
    assert first.name.startswith("004-") and first.read_text(encoding="utf-8").startswith("# 内容运营经理\n")
    jd = json.loads((out / rows[1]["files"][1]).read_text(encoding="utf-8"))
    assert jd["level"]["name"] == "经理" and jd["emphasis"] == ["data_analysis"]
    catalog = get_catalog()
    leaning = {line for lines in catalog.duty_by_id["data_analysis"].lines.values() for line in lines.main}
    duties = jd["sections"][0]["items"]
    assert duties[0] in leaning, "the duties open with the emphasis given in 重点方向"
    assert "20-30K" in first.read_text(encoding="utf-8"), "薪资范围 is printed"
    assert rows[1]["columns"] == {"部门": "内容中心", "汇报对象": "内容总监"}, (
        "kept in the manifest, as given"
    )


def test_a_csv_with_a_bare_role_and_a_level_column_prints_the_level_in_the_title(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位名称,职级,人数,城市\n内容运营,经理,2,杭州\n", encoding="utf-8")
    out = tmp_path / "out"
    result = batch(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert text.startswith("# 内容运营经理\n") and "杭州" in text and "2 人" in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_a_csv_title_line_above_the_header_is_skipped(tmp_path, encoding):
    sheet = tmp_path / "jobs.csv"
    text = "2025 年 Q1 招聘需求汇总,,\n,,\n岗位名称,级别,工作城市\n抖音运营,主管,上海\n"
    sheet.write_bytes(text.encode(encoding))
    notes: list[str] = []
    rows = read_rows(sheet, notes=notes)
    assert [r.number for r in rows] == [4] and rows[0].fields["location"] == "上海"
    assert "第 1 行" in notes[0]


def test_no_header_in_the_first_ten_rows_is_one_clear_error(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("\n".join(["说明"] * 12 + ["岗位", "用户运营"]) + "\n", encoding="utf-8")
    result = batch(runner, str(sheet), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "前 10 行" in result.stderr and "岗位名称" in result.stderr


def test_a_title_that_is_more_than_a_role_name_is_printed_as_written(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("职位名称,级别\n内容运营（漫画）,经理\n高级内容运营,主管\n", encoding="utf-8")
    out = tmp_path / "out"
    assert batch(runner, str(sheet), "-o", str(out)).exit_code == 0
    titles = [r["title"] for r in manifest(out)["rows"]]
    assert titles == ["内容运营（漫画）", "高级内容运营"]


def test_a_bad_level_fails_only_its_own_row_with_the_reason(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位名称,岗位级别\n内容运营,宇宙级\n用户运营,经理\n", encoding="utf-8")
    out = tmp_path / "out"
    result = batch(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 1
    rows = manifest(out)["rows"]
    assert rows[0]["status"] == "failed" and "宇宙级" in rows[0]["reason"] and not rows[0]["files"]
    assert rows[1]["status"] == "ok" and rows[1]["title"] == "用户运营经理"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("岗位级别", "level"),
        ("层级", "level"),
        ("侧重点", "emphasis"),
        ("工作重点", "emphasis"),
        ("重点方向", "emphasis"),
        ("薪酬范围", "salary"),
        ("工作城市", "location"),
        ("所属部门", "department"),
        ("汇报对象", "reports_to"),
    ],
)
def test_header_words_hr_uses_name_fields(tmp_path, header, field):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(f"岗位,{header}\n用户运营,经理\n", encoding="utf-8")
    assert read_rows(sheet)[0].fields == {"role": "用户运营", field: "经理"}


def test_manifest_holds_chinese_as_text(runner, tmp_path):
    out = tmp_path / "out"
    assert batch(runner, str(hr_workbook(tmp_path / "需求.xlsx")), "-o", str(out)).exit_code == 0
    raw = (out / "manifest.json").read_text(encoding="utf-8")
    assert "内容运营经理" in raw and "\\u" not in raw


def test_a_tab_separated_csv_with_a_title_line_is_read(tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("招聘需求\n岗位名称\t级别\t工作城市\n内容运营\t经理\t杭州\n", encoding="utf-8")
    rows = read_rows(sheet)
    assert rows[0].number == 3 and rows[0].fields == {
        "title": "内容运营",
        "level": "经理",
        "location": "杭州",
    }


def test_a_missing_dependency_is_named_with_the_reinstall(runner, tmp_path, monkeypatch):
    """A broken install (openpyxl gone from the environment) is one line saying which package and how to mend it."""
    import sys

    path = hr_workbook(tmp_path / "jobs.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ModuleNotFoundError
    result = batch(runner, str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 70, result.output
    assert "「openpyxl」" in result.output, result.output
    assert "pip install --force-reinstall jdwriter" in result.output, result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
