"""`batch --resume`: after Ctrl-C or a deleted file, a second run writes only what is missing and never
touches a file an earlier run wrote."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from jdwriter.batch import run as batch_mod
from jdwriter.cli import app

SHEET = "岗位,级别\n用户运营,经理\n内容运营,专员\n活动运营,主管\n"


def batch(runner, *args: str):
    return runner.invoke(app, ["batch", *args])


def manifest(outdir: Path) -> dict:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if not p.name.startswith("manifest")}


@pytest.fixture
def done(runner, tmp_path) -> tuple[Path, Path]:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    assert batch(runner, str(sheet), "-o", str(out), "-f", "md,docx").exit_code == 0
    old = 1_000_000_000_000_000_000
    for path in out.iterdir():  # an old mtime: a rewrite cannot land in the same clock tick unnoticed
        os.utime(path, ns=(old, old))
    return sheet, out


def test_after_deleting_one_file_resume_rewrites_only_that_file(runner, done):
    sheet, out = done
    before = stamps(out)
    gone = sorted(before)[2]
    (out / gone).unlink()
    result = batch(runner, str(sheet), "-o", str(out), "-f", "md,docx", "--resume")
    assert result.exit_code == 0, result.output
    after = stamps(out)
    assert set(after) == set(before)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {gone}
    data = manifest(out)
    assert [r["status"] for r in data["rows"]] == ["ok", "ok", "ok"]
    assert [run["resume"] for run in data["runs"]] == [False, True], "the manifest records each run"
    assert data["runs"][-1]["written"] == 1 and data["runs"][-1]["kept"] == 5


def test_without_resume_the_same_rerun_is_refused_and_says_resume(runner, done):
    sheet, out = done
    result = batch(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 2 and "--resume" in result.stderr


def test_a_file_changed_since_is_not_overwritten(runner, done):
    sheet, out = done
    edited = next(p for p in sorted(out.glob("*.md")))
    edited.write_text("# 我改过的版本\n", encoding="utf-8")
    result = batch(runner, str(sheet), "-o", str(out), "-f", "md,docx", "--resume")
    assert result.exit_code == 1
    assert edited.read_text(encoding="utf-8") == "# 我改过的版本\n"
    row = manifest(out)["rows"][0]
    assert row["status"] == "failed" and edited.name in row["reason"] and "--force" in row["reason"]


def test_resume_after_an_interrupt_finishes_the_rest(runner, tmp_path, monkeypatch):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    real = batch_mod.compose
    calls = {"n": 0}

    def stop_at_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(batch_mod, "compose", stop_at_second)
    assert batch(runner, str(sheet), "-o", str(out)).exit_code == 130
    first = stamps(out)
    assert len(first) == 1
    monkeypatch.setattr(batch_mod, "compose", real)
    result = batch(runner, str(sheet), "-o", str(out), "--resume")
    assert result.exit_code == 0, result.output
    assert len(stamps(out)) == 3 and {k: v for k, v in stamps(out).items() if k in first} == first
    assert [r["status"] for r in manifest(out)["rows"]] == ["ok", "ok", "ok"]
    assert "1 条是上次已生成的" in result.stderr


def test_resume_into_an_empty_folder_is_a_first_run(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    assert batch(runner, str(sheet), "-o", str(out), "--resume").exit_code == 0
    assert len(stamps(out)) == 3


def test_a_manifest_naming_files_outside_the_folder_is_not_followed(runner, done, tmp_path):
    sheet, out = done
    data = manifest(out)
    data["rows"][0]["sha256"] = {"../jobs.csv": "0" * 64}
    (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    result = batch(runner, str(sheet), "-o", str(out), "-f", "md,docx", "--resume")
    assert sheet.read_text(encoding="utf-8") == SHEET
    assert result.exit_code == 1 and manifest(out)["rows"][0]["status"] == "failed"


def test_a_broken_manifest_is_one_clear_error(runner, done):
    sheet, out = done
    (out / "manifest.json").write_text("{not json", encoding="utf-8")
    result = batch(runner, str(sheet), "-o", str(out), "--resume")
    assert result.exit_code == 2 and "manifest.json" in result.stderr


def test_a_row_refused_for_a_changed_file_keeps_its_other_files_on_record(runner, done):
    sheet, out = done
    edited = next(p for p in sorted(out.glob("*.md")))
    edited.write_text("# 我改过的版本\n", encoding="utf-8")
    twin = edited.with_suffix(".docx")
    assert batch(runner, str(sheet), "-o", str(out), "-f", "md,docx", "--resume").exit_code == 1
    assert manifest(out)["rows"][0]["kept"] == [twin.name]
    before = twin.stat().st_mtime_ns
    edited.unlink()  # the person gives up their edit: the next resume writes it again, and keeps the docx
    result = batch(runner, str(sheet), "-o", str(out), "-f", "md,docx", "--resume")
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in manifest(out)["rows"]] == ["ok", "ok", "ok"]
    assert twin.stat().st_mtime_ns == before and edited.exists()


def test_resume_with_kits_rewrites_only_the_deleted_kit(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "out"
    assert batch(runner, str(sheet), "-o", str(out), "--kit").exit_code == 0
    old = 1_000_000_000_000_000_000
    for path in out.iterdir():
        os.utime(path, ns=(old, old))
    before = stamps(out)
    gone = next(name for name in sorted(before) if name.endswith("-面试.md"))
    (out / gone).unlink()
    result = batch(runner, str(sheet), "-o", str(out), "--kit", "--resume")
    assert result.exit_code == 0, result.output
    after = stamps(out)
    assert {name for name in after if after[name] != before[name]} == {gone}
    data = manifest(out)
    assert data["runs"][-1]["written"] == 1 and data["runs"][-1]["kept"] == 5
    assert all(len(r["kits"]) == 1 for r in data["rows"]), "every row lists its kit"
