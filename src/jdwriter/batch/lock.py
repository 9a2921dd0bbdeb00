"""The output folder's lock (one batch at a time per folder) and the temp files a killed run leaves."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import UserError, WriteError, os_reason
from ..files.writer import TEMP_SUFFIX

LOCK_NAME = ".jdwriter.lock"
_STALE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


@contextlib.contextmanager
def folder_lock(outdir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder for the whole run: a second batch into the same folder
    is refused at once (exit 2), instead of both writing half their files. The lock is a hidden file in
    the folder, removed at the end; on systems without flock (Windows) this is a no-op."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = outdir / LOCK_NAME
    busy = UserError(
        f"输出目录「{outdir}」正在被另一个 jdwriter batch 写入，未做任何改动；请等它结束，或换一个输出目录。"
    )
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise WriteError(f"无法在输出目录「{outdir}」里创建锁文件：{os_reason(exc)}。") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise busy from None
        try:  # the holder before us may have removed the file between our open and flock: then retry
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                break
        except OSError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def remove_stale_temps(outdir: Path) -> list[str]:
    """Remove the temp files a killed run left (.<name>.<random>.jdwriter.tmp). Called under the folder
    lock, so no other batch is writing them; returns the names removed."""
    removed: list[str] = []
    try:
        names = os.listdir(outdir)
    except OSError:
        return removed
    for name in names:
        if _STALE.match(name):
            with contextlib.suppress(OSError):
                os.unlink(outdir / name)
                removed.append(name)
    return removed
