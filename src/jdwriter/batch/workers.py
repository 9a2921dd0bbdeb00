"""Worker processes for docx (--jobs): how many, what they run, and how they die with the batch."""

from __future__ import annotations

import contextlib
import os
import time
from concurrent.futures import Future
from pathlib import Path

from ..errors import JdwriterError, UserError
from ..models import JobDescription
from ..render.render import render
from .report import BatchOptions


def effective_jobs(options: BatchOptions, docx_rows: int) -> int:
    """--jobs, capped at the CPUs this process may use and at the number of docx rows (only docx is
    rendered in worker processes)."""
    if "docx" not in options.formats:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(options.jobs, cpus, docx_rows))


def render_format(jd: JobDescription, fmt: str, templates: Path | None) -> str | bytes:
    try:
        return render(jd, fmt, templates)
    except ImportError as exc:
        raise UserError(f"无法生成 {fmt}：缺少所需的组件（{exc}）。") from exc


def docx_in_worker(jd: JobDescription) -> tuple[bool, bytes | str]:
    """Runs in a worker process. Returns the message rather than raising: our errors do not all pickle."""
    try:
        data = render_format(jd, "docx", None)
    except JdwriterError as exc:
        return False, exc.message
    return True, data


def worker_result(future: Future[tuple[bool, bytes | str]]) -> bytes:
    from concurrent.futures.process import BrokenProcessPool

    try:
        ok, value = future.result()
    except BrokenProcessPool as exc:
        raise JdwriterError("生成 docx 的子进程意外退出，请去掉 --jobs 后重试。") from exc
    if not ok or isinstance(value, str):
        raise UserError(str(value))
    return value


def worker_setup(parent: int) -> None:
    """Runs first in every worker. Ctrl-C reaches the whole process group, but only the parent handles it,
    so workers ignore SIGINT (and unblock what they inherited blocked). A worker must not outlive its
    parent: on Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG); everywhere a
    watchdog thread checks once a second that the parent is still there."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent()
    if not _alive(parent):  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, os.getppid()), daemon=True).start()


def _die_with_parent() -> None:
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)


def _watch_parent(parent: int, spawner: int) -> None:
    """Exit when the batch process is gone, or when whoever started us (the batch itself, or a fork
    server) is: an orphan is re-parented, so its parent id changes even while the dead parent is a zombie."""
    while True:
        time.sleep(1.0)
        if os.getppid() != spawner or not _alive(parent):
            os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
