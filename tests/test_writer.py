"""Safe writing: a reader sees the old file or the complete new one, never half a file, and nothing is
overwritten without --force. Core tests call writer.atomic_write; CLI tests run `jdwriter new -o`."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Self

import pytest

from jdwriter.cli import app
from jdwriter.errors import JdwriterError, OutputExistsError, UserError, WriteError
from jdwriter.files import writer

ORIGINAL = "我自己改过的版本\n"


def leftovers(directory: Path, keep: str) -> list[str]:
    """Files in ``directory`` other than ``keep``: a temp file left behind would show up here."""
    return sorted(p.name for p in directory.iterdir() if p.name != keep)


class HalfWrite:
    """A file object that writes half of what it is given, then fails as a full disk does."""

    def __init__(self, real) -> None:
        self._real = real

    def write(self, data: bytes) -> int:
        self._real.write(data[: len(data) // 2])
        self._real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __getattr__(self, name: str):
        return getattr(self._real, name)


@pytest.fixture
def disk_fills_up(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(writer.os, "fdopen", lambda fd, *a, **k: HalfWrite(real_fdopen(fd, *a, **k)))


# --- atomic_write ---------------------------------------------------------------------------------------------


def test_writes_text_as_utf8_and_bytes_as_given(tmp_path):
    writer.atomic_write(tmp_path / "jd.md", "岗位职责\n")
    writer.atomic_write(tmp_path / "jd.docx", b"PK\x03\x04\x00\xff")
    assert (tmp_path / "jd.md").read_bytes() == "岗位职责\n".encode()
    assert (tmp_path / "jd.docx").read_bytes() == b"PK\x03\x04\x00\xff"
    assert leftovers(tmp_path, "jd.md") == ["jd.docx"]


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "jd.txt"
    target.write_text(ORIGINAL, encoding="utf-8")
    with pytest.raises(OutputExistsError) as caught:
        writer.atomic_write(target, "新内容")
    assert "--force" in caught.value.message and caught.value.exit_code == 2
    assert target.read_text(encoding="utf-8") == ORIGINAL
    writer.atomic_write(target, "新内容", force=True)
    assert target.read_text(encoding="utf-8") == "新内容"
    assert leftovers(tmp_path, "jd.txt") == []


def test_a_write_failing_halfway_leaves_the_original_untouched(tmp_path, disk_fills_up):
    target = tmp_path / "jd.docx"
    target.write_text(ORIGINAL, encoding="utf-8")
    with pytest.raises(WriteError) as caught:
        writer.atomic_write(target, b"x" * 100_000, force=True)
    assert str(target) in caught.value.message and caught.value.exit_code == 1
    assert target.read_text(encoding="utf-8") == ORIGINAL
    assert leftovers(tmp_path, "jd.docx") == []


def test_a_write_failing_halfway_creates_no_file(tmp_path, disk_fills_up):
    with pytest.raises(WriteError):
        writer.atomic_write(tmp_path / "jd.html", "<html>" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_a_file_appearing_during_the_write_is_kept(tmp_path, monkeypatch):
    target = tmp_path / "jd.md"
    real_fsync = os.fsync

    def someone_else_saves(fd: int) -> None:
        real_fsync(fd)
        target.write_text(ORIGINAL, encoding="utf-8")

    monkeypatch.setattr(writer.os, "fsync", someone_else_saves)
    with pytest.raises(OutputExistsError):
        writer.atomic_write(target, "新内容")
    assert target.read_text(encoding="utf-8") == ORIGINAL
    assert leftovers(tmp_path, "jd.md") == []


def test_a_directory_in_place_of_the_file_is_refused(tmp_path):
    with pytest.raises(UserError) as caught:
        writer.atomic_write(tmp_path, "x", force=True)
    assert "目录" in caught.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("parent", ["missing", "a/b/c"])
def test_parent_directories_are_not_created(tmp_path, parent):
    target = tmp_path / parent / "jd.md"
    with pytest.raises(UserError) as caught:
        writer.atomic_write(target, "x")
    assert "不存在" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_place_of_the_parent_directory_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text(ORIGINAL, encoding="utf-8")
    with pytest.raises(UserError):
        writer.atomic_write(tmp_path / "notes.txt" / "jd.md", "x")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == ORIGINAL


def test_an_unwritable_directory_is_a_write_error(tmp_path, monkeypatch):
    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as caught:
        writer.atomic_write(tmp_path / "jd.md", "x")
    assert str(tmp_path / "jd.md") in caught.value.message


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user"
)
def test_a_read_only_directory_is_a_write_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(WriteError):
            writer.atomic_write(locked / "jd.md", "x")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path):
    with pytest.raises(JdwriterError):
        writer.atomic_write(tmp_path / ("岗" * 200 + ".md"), "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    fresh = tmp_path / "fresh.md"
    old_umask = os.umask(0o022)
    try:
        writer.atomic_write(fresh, "x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's private 0600
    shared = tmp_path / "shared.md"
    shared.write_text(ORIGINAL, encoding="utf-8")
    shared.chmod(0o664)
    writer.atomic_write(shared, "x", force=True)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


# --- the command ----------------------------------------------------------------------------------------------


def new(runner, *args):
    return runner.invoke(app, ["new", "--role", "用户运营", "--no-input", *args])


def assert_clean_failure(result, codes=(2,)) -> None:
    """One Chinese line on stderr, the documented exit code, no traceback."""
    assert result.exit_code in codes, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # no exception escaped
    assert re.search(r"[\u4e00-\u9fff]", result.stderr) and result.stderr.startswith("错误：")


@pytest.mark.parametrize("name", ["jd.docx", "jd.html", "jd.txt"])
def test_cli_refuses_to_overwrite_and_force_replaces(runner, tmp_path, name):
    target = tmp_path / name
    target.write_text(ORIGINAL, encoding="utf-8")
    result = new(runner, "-o", str(target))
    assert_clean_failure(result)
    assert "--force" in result.stderr and target.read_text(encoding="utf-8") == ORIGINAL
    result = new(runner, "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_bytes() != ORIGINAL.encode() and leftovers(tmp_path, name) == []


def test_cli_does_not_create_a_missing_folder(runner, tmp_path):
    result = new(runner, "-o", str(tmp_path / "招聘" / "jd.docx"))
    assert_clean_failure(result)
    assert not (tmp_path / "招聘").exists()


def test_cli_refuses_a_directory_as_the_output_file(runner, tmp_path):
    assert_clean_failure(new(runner, "-o", str(tmp_path), "--force"))


def test_cli_full_disk_fails_cleanly_and_keeps_the_original(runner, tmp_path, disk_fills_up):
    target = tmp_path / "jd.docx"
    target.write_text(ORIGINAL, encoding="utf-8")
    result = new(runner, "-o", str(target), "--force")
    assert_clean_failure(result, codes=(1,))
    assert "无法写入" in result.stderr
    assert target.read_text(encoding="utf-8") == ORIGINAL and leftovers(tmp_path, "jd.docx") == []


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a system directory nobody can write to")
def test_cli_impossible_path_fails_cleanly(runner):
    result = new(runner, "-o", "/sys/jdwriter-test.docx")
    assert_clean_failure(result, codes=(1, 2))
    assert not Path("/sys/jdwriter-test.docx").exists()


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_during_a_write_waits_until_the_file_is_complete(tmp_path):
    """SIGINT arriving mid-write is held until the file is in place; then it interrupts as usual."""
    import subprocess
    import sys

    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from jdwriter.files import writer\n"
        "original = writer._write\n"
        "def slow(path, data, force):\n"
        "    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right in the middle\n"
        "    original(path, data, force)\n"
        "writer._write = slow\n"
        "try:\n"
        "    writer.atomic_write(Path(sys.argv[1]), '完整内容')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted after the write')\n"
    )
    target = tmp_path / "jd.md"
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, timeout=30
    )
    assert "interrupted after the write" in out.stdout, out.stderr
    assert target.read_text(encoding="utf-8") == "完整内容"
    assert [p.name for p in tmp_path.iterdir()] == ["jd.md"]
