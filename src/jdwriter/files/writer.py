"""Safe file writing: never overwrite without force, never leave a half-written file.

Every write goes to a temporary file in the target's own directory and is renamed into place, so a reader
sees either the old file or the complete new one. Parent directories are not created here: `new -o`
expects the folder to exist (a typo in a path should fail, not create a tree); `batch -o OUTDIR` creates
OUTDIR itself, which it owns.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from ..errors import OutputExistsError, UserError, WriteError, os_reason

TEMP_SUFFIX = ".jdwriter.tmp"  # .<name>.<random>.jdwriter.tmp: a killed run's leftovers are recognisable


def check_target(path: Path, force: bool) -> None:
    """Raise before any work is done if ``path`` cannot or must not be written: see files.paths.guard_output
    (its folder exists; the name is free, or with ``force`` a regular file; never a FIFO, device or socket)."""
    from .paths import guard_output

    guard_output(path, force)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM until the block is done, so an interrupt can never land between
    creating a temp file and cleaning it up, or between writing a file and recording that it was written.
    The signal is delivered as soon as the block ends. Main thread on POSIX only; elsewhere a no-op."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def atomic_write(path: Path, data: str | bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically. Text is written as UTF-8."""
    check_target(path, force)
    with deferred_interrupts():
        _write(path, data, force)


def _write(path: Path, data: str | bytes, force: bool) -> None:
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:  # a name with undecodable bytes quoted in the text (files.paths refuses those)
        raise UserError(f"要写入「{path}」的内容里有无法编码的字符，未写入。") from None
    parent = path.parent if str(path.parent) else Path(".")
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=parent)
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            _still_regular(path)
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        tmp = ""
        _sync_dir(parent)
    except FileExistsError as exc:  # appeared while we were writing: keep theirs
        raise OutputExistsError(f"文件「{path}」已存在，未做改动；如需覆盖请加 --force。") from exc
    except OSError as exc:
        raise WriteError(f"无法写入「{path}」：{os_reason(exc)}。") from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _still_regular(path: Path) -> None:
    """Just before the rename: what stands at ``path`` is still nothing, a regular file or a link to one.
    Checked with lstat, and for a file again with fstat on an opened descriptor (O_NONBLOCK, so a FIFO put
    there meanwhile cannot block us; O_NOFOLLOW, so a link swapped in is not followed)."""
    import stat

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return
    else:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, flags)
        except PermissionError:  # a regular file we may replace but not read: lstat has spoken
            fd = -1
        if fd >= 0:
            try:
                mode = os.fstat(fd).st_mode
            finally:
                os.close(fd)
    if not stat.S_ISREG(mode):
        raise UserError(
            f"输出文件「{path}」不是普通文件（是管道、设备或套接字），不会写入它；请换一个文件名。"
        )


def _place_new(tmp: str, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist, with no window in between: a hard link
    fails if the name is taken, where an exists-check followed by a rename could clobber a file created
    in between. File systems without hard links fall back to check-then-rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _sync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX); best effort elsewhere."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(path: Path) -> int:
    """Keep an existing regular file's permissions; give a new one what the umask allows (mkstemp makes
    0600). lstat, not stat: a symlink at the name is replaced, not followed, so it never lends the mode of
    whatever it points at (a link to a 0666 file must not make our file world-writable)."""
    import stat

    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return info.st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
