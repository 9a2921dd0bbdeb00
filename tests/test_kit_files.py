"""`new … --kit` writes the kit beside the JD; `batch … --kit` writes one kit per row and lists them."""

from __future__ import annotations

import csv
import json

import docx

from jdwriter.cli import app


def test_new_with_kit_writes_both_files(runner, tmp_path):
    target = tmp_path / "用户运营经理.md"
    result = runner.invoke(app, ["new", "-r", "用户运营", "-l", "经理", "-o", str(target), "--kit"])
    assert result.exit_code == 0, result.output
    kit = tmp_path / "用户运营经理-面试.md"
    assert target.read_text(encoding="utf-8").startswith("# 用户运营经理\n")
    assert kit.read_text(encoding="utf-8").startswith("# 用户运营经理 面试题与评分表\n")
    again = runner.invoke(app, ["new", "-r", "用户运营", "-l", "经理", "-o", str(tmp_path / "b.md"), "--kit"])
    assert again.exit_code == 0 and (tmp_path / "b-面试.md").exists()


def test_new_with_kit_follows_the_jd_format(runner, tmp_path):
    target = tmp_path / "jd.docx"
    result = runner.invoke(app, ["new", "-r", "数据运营", "-o", str(target), "--kit"])
    assert result.exit_code == 0, result.output
    kit = docx.Document(str(tmp_path / "jd-面试.docx"))
    assert [c.text for c in kit.tables[0].rows[0].cells][:2] == ["考察维度", "权重"]


def test_new_with_kit_needs_an_output_file(runner):
    result = runner.invoke(app, ["new", "-r", "用户运营", "--kit"])
    assert result.exit_code == 2
    assert "--kit 需要 -o" in result.output and "jdwriter kit" in result.output
    assert result.stdout == ""  # nothing printed: not half of what was asked for


def test_new_with_kit_refuses_before_writing_when_the_kit_exists(runner, tmp_path):
    (tmp_path / "jd-面试.md").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["new", "-r", "用户运营", "-o", str(tmp_path / "jd.md"), "--kit"])
    assert result.exit_code == 2 and "--force" in result.output
    assert not (tmp_path / "jd.md").exists()
    assert (tmp_path / "jd-面试.md").read_text(encoding="utf-8") == "mine"


def test_batch_with_kit_writes_one_kit_per_row(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "岗位,级别,行业\n用户运营,经理,电商\n数据运营,专员,\n亚马逊运营,主管,\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--kit", "-f", "md,docx"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rows = manifest["rows"]
    assert [r["status"] for r in rows] == ["ok", "ok", "ok"]
    for row in rows:
        assert len(row["kits"]) == 2
        for name in row["kits"]:
            assert (out / name).is_file() and "-面试." in name
        md = next(n for n in row["kits"] if n.endswith(".md"))
        assert md.startswith(f"{row['row']:03d}-") and row["title"] in md
    assert rows[2]["kits"][0] == "004-亚马逊运营主管-面试.md"
    with open(out / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert "面试题文件" in table[0]
    assert table[1][table[0].index("面试题文件")] == "002-用户运营经理-面试.md; 002-用户运营经理-面试.docx"


def test_batch_without_kit_keeps_its_manifest(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["batch", str(sheet), "-o", str(out)]).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "kits" not in manifest["rows"][0] and not list(out.glob("*-面试.*"))
