"""The bad-input matrix: whatever comes in, the user gets a result or one clear message with the documented
exit code (0 done, 1 nothing produced, 2 bad input), never an exception, never a hang, never code that runs.

Every case runs in-process through CliRunner (an escaping exception shows up as ``result.exception``); a
few representative ones also run in a fresh ``python -m jdwriter`` process, where a traceback would really
be printed on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdwriter.check.input import MAX_BYTES as MAX_JD_BYTES
from jdwriter.cli import app

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


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bad files, built once per session: no case writes into this folder (outputs go to tmp_path)."""
    tmp = tmp_path_factory.mktemp("hardening")
    marker = tmp / "PWNED"
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
        path = tmp / f"{name}.yaml"
        path.write_bytes(text.encode("utf-8"))
        out[name] = path
    sheets = {
        "empty.csv": b"",
        "header_only.csv": "岗位,级别\n".encode("utf-8-sig"),
        "wrong_headers.csv": "名字,年龄\n张三,30\n".encode("utf-8-sig"),
        "nul.csv": "岗位\n用户\x00运营\n".encode(),
        "list.json": b'{"role": 1}',
        "good.csv": "岗位\n用户运营\n".encode("utf-8-sig"),
    }
    for name, raw in sheets.items():
        (tmp / name).write_bytes(raw)
        out[name.replace(".", "_")] = tmp / name
    big = tmp / "big.md"  # just over check's 1 MB limit: the size is what is refused, not the content
    line = "1. 负责用户增长\n".encode()
    big.write_bytes("## 岗位职责\n".encode() + line * (MAX_JD_BYTES // len(line) + 1))
    assert big.stat().st_size > MAX_JD_BYTES
    out["big"] = big
    out["marker"] = marker
    out["dir"] = tmp / "a_dir"
    out["dir"].mkdir()
    return out


NEW = ["new", "--no-input"]
# name: (arguments, exit code). {tmp} is the case's own folder; the other names are files above.
CASES: dict[str, tuple[list[str], int]] = {
    "empty role": ([*NEW, "--role", ""], 2),
    "blank role": ([*NEW, "--role", "   "], 2),
    "huge role": ([*NEW, "--role", LONG], 2),
    "emoji role": ([*NEW, "--role", EMOJI], 2),
    "huge level": ([*NEW, "-r", "用户运营", "--level", LONG], 2),
    "unknown level": ([*NEW, "-r", "用户运营", "--level", "宇宙级"], 2),
    "empty level": ([*NEW, "-r", "用户运营", "--level", ""], 0),
    "unknown format": ([*NEW, "-r", "用户运营", "--format", "pdf"], 2),
    "empty format": ([*NEW, "-r", "用户运营", "--format", ""], 0),
    "unknown template": ([*NEW, "-r", "用户运营", "--template", ""], 2),
    "seed not a number": ([*NEW, "-r", "用户运营", "--seed", "abc"], 2),
    "negative seed": ([*NEW, "-r", "用户运营", "--seed", "-1"], 2),
    "huge seed": ([*NEW, "-r", "用户运营", "--seed", "9" * 60], 0),
    "headcount not a number": ([*NEW, "-r", "用户运营", "--headcount", "一些"], 2),
    "negative headcount": ([*NEW, "-r", "用户运营", "--headcount", "-4"], 2),
    "huge emphasis": ([*NEW, "-r", "用户运营", "--emphasis", LONG], 2),
    "emoji emphasis": ([*NEW, "-r", "用户运营", "--emphasis", EMOJI], 2),
    "empty emphasis": ([*NEW, "-r", "用户运营", "--emphasis", ""], 0),
    "huge industry": ([*NEW, "-r", "用户运营", "--industry", LONG], 2),
    "huge company name": ([*NEW, "-r", "用户运营", "--company-name", LONG], 2),
    "emoji company name": ([*NEW, "-r", "用户运营", "--company-name", EMOJI, "--location", ""], 0),
    "company missing": ([*NEW, "-r", "用户运营", "--company", "{tmp}/nope.yaml"], 2),
    "company is a list": ([*NEW, "-r", "用户运营", "--company", "{list_yaml}"], 2),
    "company broken": ([*NEW, "-r", "用户运营", "--company", "{broken_yaml}"], 2),
    "company passwd": ([*NEW, "-r", "用户运营", "--company", "/etc/passwd"], 2),
    "company python tag": ([*NEW, "-r", "用户运营", "--company", "{python_tag}"], 2),
    "company python tag 2": ([*NEW, "-r", "用户运营", "--company", "{python_tag2}"], 2),
    "company empty": ([*NEW, "-r", "用户运营", "--company", "{empty}"], 0),
    "company binary": ([*NEW, "-r", "用户运营", "--company", "{binary}"], 2),
    "company is a dir": ([*NEW, "-r", "用户运营", "--company", "{dir}"], 2),
    "output is a dir": ([*NEW, "-r", "用户运营", "-o", "{dir}"], 2),
    "output unwritable": ([*NEW, "-r", "用户运营", "-o", "/proc/jdwriter-test.md"], 1),
    "output parent missing": ([*NEW, "-r", "用户运营", "-o", "{tmp}/no/such/dir/jd.md"], 2),
    "catalog missing": ([*NEW, "-r", "用户运营", "--catalog", "{tmp}/nope.yaml"], 2),
    "catalog python tag": ([*NEW, "-r", "用户运营", "--catalog", "{python_tag2}"], 2),
    "catalog is a list": (["list", "roles", "--catalog", "{list_yaml}"], 2),
    "catalog binary": (["catalog", "check", "{binary}"], 2),
    "catalog dir": (["catalog", "check", "{dir}"], 2),
    "templates missing": ([*NEW, "-r", "用户运营", "--templates", "{tmp}/nope"], 2),
    "templates export onto a file": (["templates", "export", "{empty}"], 2),
    "list unknown kind": (["list", "spaceships"], 2),
    "list empty kind": (["list", ""], 2),
    "list emoji kind": (["list", EMOJI], 2),
    "unknown command": (["frobnicate"], 2),
    "check /dev/null": (["check", "/dev/null"], 2),
    "check a dir": (["check", "{dir}"], 2),
    "check binary": (["check", "{binary}"], 2),
    "check 10 MB": (["check", "{big}"], 2),
    "check missing": (["check", "{tmp}/nope.md"], 2),
    "batch empty": (["batch", "{empty_csv}", "-o", "{tmp}/out"], 2),
    "batch header only": (["batch", "{header_only_csv}", "-o", "{tmp}/out"], 2),
    "batch wrong headers": (["batch", "{wrong_headers_csv}", "-o", "{tmp}/out"], 2),
    "batch YAML scalar": (["batch", "{scalar}", "-o", "{tmp}/out"], 2),
    "batch NUL bytes": (["batch", "{nul_csv}", "-o", "{tmp}/out"], 2),
    "batch JSON object": (["batch", "{list_json}", "-o", "{tmp}/out"], 2),
    "batch missing": (["batch", "{tmp}/nope.csv", "-o", "{tmp}/out"], 2),
    "batch unknown format": (["batch", "{header_only_csv}", "-o", "{tmp}/out", "--format", "pdf"], 2),
    "batch bad jobs": (["batch", "{good_csv}", "-o", "{tmp}/out", "--jobs", "-3"], 2),
    "check stdin binary": (["check", "-"], 2),
    "unknown option": (["new", "--frob"], 2),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_never_crashes(name, files, tmp_path, runner):
    args, code = CASES[name]
    args = [a.format(tmp=tmp_path, **{k: str(v) for k, v in files.items()}) for a in args]
    result = runner.invoke(app, args, input=b"\x00\xff\x00" if args[-1] == "-" else b"")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, result.output
    if code:
        assert result.stderr.strip(), "a failure must say why"
    assert not files["marker"].exists(), "a YAML tag must never execute"
    assert not list(tmp_path.glob(".*.tmp")) and not list(files["dir"].parent.glob(".*.tmp")), "no temp file"


# The same cases in a real process, where a traceback would be printed: a usage error, a YAML tag that must
# not run, and binary stdin (success and the other errors take the same path in-process).
IN_A_PROCESS = ["company python tag", "unknown option", "check stdin binary"]


@pytest.mark.parametrize("name", IN_A_PROCESS)
def test_bad_input_in_a_real_process(name, files, tmp_path):
    args, code = CASES[name]
    args = [a.format(tmp=tmp_path, **{k: str(v) for k, v in files.items()}) for a in args]
    result = jdwriter(*args, cwd=tmp_path, stdin=b"\x00\xff\x00" if args[-1] == "-" else b"")
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr and "Traceback" not in result.stdout.decode("utf-8", "replace")
    if code:
        assert stderr.strip(), "a failure must say why"
    assert not files["marker"].exists(), "a YAML tag must never execute"


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
