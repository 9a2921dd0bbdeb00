"""The bad-input matrix, run against the real command in a fresh process: whatever comes in, the user gets a
result or one clear message — exit 0, 1 or 2, never a traceback, never a hang, never code that runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LONG = "运营" * 15_000
EMOJI = "😀🎉👩‍💻" * 10


def jdwriter(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "HOME": str(cwd), "COLUMNS": "100"}
    env.pop("JDWRITER_CATALOG", None)
    return subprocess.run(
        [sys.executable, "-m", "jdwriter", *args], cwd=cwd, env=env, input=stdin, capture_output=True, timeout=30,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    marker = tmp_path / "PWNED"
    made = {
        "list_yaml": "- a\n- b\n",
        "broken_yaml": "name: [oops\n",
        "python_tag": f"name: !!python/object/apply:os.system ['touch {marker}']\n",
        "python_tag2": f"!!python/object/new:os.system [touch {marker}]\n",
        "empty": "",
        "binary": "\x00\x01\x02jd",
    }
    out = {}
    for name, text in made.items():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(text.encode("utf-8"))
        out[name] = path
    out["marker"] = marker
    out["dir"] = tmp_path / "a_dir"
    out["dir"].mkdir()
    return out


NEW = ["new", "--no-input"]
CASES = {
    "empty role": [*NEW, "--role", ""],
    "blank role": [*NEW, "--role", "   "],
    "huge role": [*NEW, "--role", LONG],
    "emoji role": [*NEW, "--role", EMOJI],
    "huge level": [*NEW, "-r", "用户运营", "--level", LONG],
    "unknown level": [*NEW, "-r", "用户运营", "--level", "宇宙级"],
    "empty level": [*NEW, "-r", "用户运营", "--level", ""],
    "unknown format": [*NEW, "-r", "用户运营", "--format", "pdf"],
    "empty format": [*NEW, "-r", "用户运营", "--format", ""],
    "unknown template": [*NEW, "-r", "用户运营", "--template", ""],
    "seed not a number": [*NEW, "-r", "用户运营", "--seed", "abc"],
    "negative seed": [*NEW, "-r", "用户运营", "--seed", "-1"],
    "huge seed": [*NEW, "-r", "用户运营", "--seed", "9" * 60],
    "headcount not a number": [*NEW, "-r", "用户运营", "--headcount", "三"],
    "negative headcount": [*NEW, "-r", "用户运营", "--headcount", "-4"],
    "huge emphasis": [*NEW, "-r", "用户运营", "--emphasis", LONG],
    "emoji emphasis": [*NEW, "-r", "用户运营", "--emphasis", EMOJI],
    "empty emphasis": [*NEW, "-r", "用户运营", "--emphasis", ""],
    "huge industry": [*NEW, "-r", "用户运营", "--industry", LONG],
    "huge company name": [*NEW, "-r", "用户运营", "--company-name", LONG],
    "emoji company name": [*NEW, "-r", "用户运营", "--company-name", EMOJI, "--location", ""],
    "company missing": [*NEW, "-r", "用户运营", "--company", "{tmp}/nope.yaml"],
    "company is a list": [*NEW, "-r", "用户运营", "--company", "{list_yaml}"],
    "company broken": [*NEW, "-r", "用户运营", "--company", "{broken_yaml}"],
    "company passwd": [*NEW, "-r", "用户运营", "--company", "/etc/passwd"],
    "company python tag": [*NEW, "-r", "用户运营", "--company", "{python_tag}"],
    "company python tag 2": [*NEW, "-r", "用户运营", "--company", "{python_tag2}"],
    "company empty": [*NEW, "-r", "用户运营", "--company", "{empty}"],
    "company binary": [*NEW, "-r", "用户运营", "--company", "{binary}"],
    "company is a dir": [*NEW, "-r", "用户运营", "--company", "{dir}"],
    "output is a dir": [*NEW, "-r", "用户运营", "-o", "{dir}"],
    "output unwritable": [*NEW, "-r", "用户运营", "-o", "/proc/jdwriter-test.md"],
    "output parent missing": [*NEW, "-r", "用户运营", "-o", "{tmp}/no/such/dir/jd.md"],
    "catalog missing": [*NEW, "-r", "用户运营", "--catalog", "{tmp}/nope.yaml"],
    "catalog python tag": [*NEW, "-r", "用户运营", "--catalog", "{python_tag2}"],
    "catalog is a list": ["list", "roles", "--catalog", "{list_yaml}"],
    "catalog binary": ["catalog", "check", "{binary}"],
    "catalog dir": ["catalog", "check", "{dir}"],
    "templates missing": [*NEW, "-r", "用户运营", "--templates", "{tmp}/nope"],
    "templates export onto a file": ["templates", "export", "{empty}"],
    "list unknown kind": ["list", "spaceships"],
    "list empty kind": ["list", ""],
    "list emoji kind": ["list", EMOJI],
    "unknown command": ["frobnicate"],
    "unknown option": ["new", "--frob"],
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_never_crashes(name, files, tmp_path):
    args = [a.format(tmp=tmp_path, **{k: str(v) for k, v in files.items()}) for a in CASES[name]]
    result = jdwriter(*args, cwd=tmp_path)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1, 2), stderr
    assert "Traceback" not in stderr and "Traceback" not in result.stdout.decode("utf-8", "replace")
    if result.returncode:
        assert stderr.strip(), "a failure must say why"
    assert not files["marker"].exists(), "a YAML tag must never execute"
    assert not list(tmp_path.glob(".*.tmp")), "no temp file left behind"
