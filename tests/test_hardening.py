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
        [sys.executable, "-m", "jdwriter", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=10,
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
        "scalar": "just a string\n",
    }
    out = {}
    for name, text in made.items():
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(text.encode("utf-8"))
        out[name] = path
    sheets = {
        "empty.csv": b"",
        "header_only.csv": "岗位,级别\n".encode("utf-8-sig"),
        "wrong_headers.csv": "名字,年龄\n张三,30\n".encode("utf-8-sig"),
        "nul.csv": "岗位\n用户\x00运营\n".encode(),
        "list.json": b'{"role": 1}',
    }
    for name, raw in sheets.items():
        (tmp_path / name).write_bytes(raw)
        out[name.replace(".", "_")] = tmp_path / name
    big = tmp_path / "big.md"
    big.write_bytes(("## 岗位职责\n" + "1. 负责用户增长\n" * 800_000).encode("utf-8"))
    out["big"] = big
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
    "check /dev/null": ["check", "/dev/null"],
    "check a dir": ["check", "{dir}"],
    "check binary": ["check", "{binary}"],
    "check 10 MB": ["check", "{big}"],
    "check missing": ["check", "{tmp}/nope.md"],
    "batch empty": ["batch", "{empty_csv}", "-o", "{tmp}/out"],
    "batch header only": ["batch", "{header_only_csv}", "-o", "{tmp}/out"],
    "batch wrong headers": ["batch", "{wrong_headers_csv}", "-o", "{tmp}/out"],
    "batch YAML scalar": ["batch", "{scalar}", "-o", "{tmp}/out"],
    "batch NUL bytes": ["batch", "{nul_csv}", "-o", "{tmp}/out"],
    "batch JSON object": ["batch", "{list_json}", "-o", "{tmp}/out"],
    "batch missing": ["batch", "{tmp}/nope.csv", "-o", "{tmp}/out"],
    "batch unknown format": ["batch", "{header_only_csv}", "-o", "{tmp}/out", "--format", "pdf"],
    "batch bad jobs": ["batch", "{header_only_csv}", "-o", "{tmp}/out", "--jobs", "-3"],
    "check stdin binary": ["check", "-"],
    "unknown option": ["new", "--frob"],
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_never_crashes(name, files, tmp_path):
    args = [a.format(tmp=tmp_path, **{k: str(v) for k, v in files.items()}) for a in CASES[name]]
    result = jdwriter(*args, cwd=tmp_path, stdin=b"\x00\xff\x00" if args[-1] == "-" else b"")
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1, 2), stderr
    assert "Traceback" not in stderr and "Traceback" not in result.stdout.decode("utf-8", "replace")
    if result.returncode:
        assert stderr.strip(), "a failure must say why"
    assert not files["marker"].exists(), "a YAML tag must never execute"
    assert not list(tmp_path.glob(".*.tmp")), "no temp file left behind"


def test_sigint_during_a_batch_leaves_only_complete_files(tmp_path):
    """Ctrl-C in the middle of a real run: only finished files remain, and the manifest says which."""
    import json
    import signal
    import time
    import zipfile

    sheet = tmp_path / "jobs.csv"
    rows = ["岗位,级别"] + [
        f"{role},{level}"
        for role in ("用户运营", "内容运营", "活动运营", "数据运营")
        for level in ("专员", "主管", "经理", "总监")
    ] * 25
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    out = tmp_path / "out"
    env = {**os.environ, "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jdwriter", "batch", str(sheet), "-o", str(out), "-f", "md,docx"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 5:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    text = stderr.decode("utf-8", "replace")
    assert proc.returncode in (1, 130), text
    assert "Traceback" not in text
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f for row in manifest["rows"] for f in row["files"]}
    on_disk = {p.name for p in out.iterdir() if p.name not in ("manifest.json", "manifest.csv")}
    assert on_disk == listed, "every file on disk is in the manifest, and nothing else"
    finished = [row for row in manifest["rows"] if row["status"] == "ok"]
    assert finished and all(len(row["files"]) == 2 for row in finished), "a finished row has both formats"
    assert len(finished) < len(rows) - 1, "the run really was interrupted"
    assert all(row["status"] in ("ok", "unfinished") for row in manifest["rows"])
    for name in listed:
        path = out / name
        if name.endswith(".docx"):
            assert zipfile.ZipFile(path).testzip() is None
        else:
            assert path.read_text(encoding="utf-8").startswith("# ")


def _batch_with_jobs(tmp_path: Path, out: Path, rows: int = 120) -> subprocess.Popen[bytes]:
    """`batch -f md,docx --jobs 2` in its own session, so a signal can go to the whole group the way a
    terminal's Ctrl-C does."""
    sheet = tmp_path / "jobs.csv"
    roles = ("用户运营", "内容运营", "活动运营", "数据运营")
    sheet.write_text("岗位\n" + "".join(f"{roles[i % 4]}\n" for i in range(rows)), encoding="utf-8-sig")
    cmd = [
        sys.executable,
        "-m",
        "jdwriter",
        "batch",
        str(sheet),
        "-o",
        str(out),
        "-f",
        "md,docx",
        "--jobs",
        "2",
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )


def _wait_for_docx(out: Path, count: int) -> None:
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < count:
        time.sleep(0.01)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")
@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_during_batch_with_jobs(tmp_path, attempt):
    """Ctrl-C reaches the whole process group; the parent alone handles it: no temp file, every file on
    disk in the manifest, and no worker left."""
    import json
    import signal

    out = tmp_path / "out"
    proc = _batch_with_jobs(tmp_path, out)
    _wait_for_docx(out, 3 + attempt * 3)  # interrupt at different moments
    workers = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    text = stderr.decode("utf-8", "replace")
    assert proc.returncode == 130, text
    assert "Traceback" not in text
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], "no temp file left"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f for row in manifest["rows"] for f in row["files"]}
    on_disk = {p.name for p in out.iterdir() if p.name not in ("manifest.json", "manifest.csv")}
    assert on_disk == listed, "every file on disk is in the manifest, and nothing else"
    assert manifest["jobs"] == 2 and not manifest["complete"]
    assert not [w for w in workers if _running(w)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_kill_9_of_the_parent_leaves_no_worker(tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    proc = _batch_with_jobs(tmp_path, out, rows=400)
    _wait_for_docx(out, 2)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool is running"
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_running(w) for w in workers):
        time.sleep(0.05)
    left = [w for w in workers if _running(w)]
    for pid in left:  # a regression must not leave them running after the test
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived their parent"
