"""`batch -o`: like `new`, a typo in the path is not silently turned into a chain of new folders."""

from __future__ import annotations

from jdwriter.cli import app


def test_output_folder_is_created_only_one_level_deep_unless_parents(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位,级别\n用户运营,经理\n", encoding="utf-8")
    deep = tmp_path / "no" / "such" / "out"
    refused = runner.invoke(app, ["batch", str(sheet), "-o", str(deep)])
    assert refused.exit_code == 2
    assert "上级目录" in refused.stderr and "--parents" in refused.stderr
    assert not (tmp_path / "no").exists()  # nothing created on the way
    one_level = runner.invoke(app, ["batch", str(sheet), "-o", str(tmp_path / "out")])
    assert one_level.exit_code == 0 and len(list((tmp_path / "out").glob("*.md"))) == 1
    with_parents = runner.invoke(app, ["batch", str(sheet), "-o", str(deep), "--parents"])
    assert with_parents.exit_code == 0 and len(list(deep.glob("*.md"))) == 1
