"""Batch generation: one finished JD per spreadsheet row, scriptable, losing nothing when rows are wrong.

Three phases, so that nothing is written unless everything can be:
1. read and resolve every row (the same make_request path as `new`); a bad row is recorded, not fatal;
2. plan every target file name and refuse before writing anything if one exists (unless force);
3. compose, render and write row by row, atomically; the manifest is rewritten every few seconds and,
   whatever happens (Ctrl-C included), once more at the end, so it always says which rows finished.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..api import make_request
from ..catalog.model import Catalog
from ..compose.writer import compose, title_for
from ..errors import JdwriterError, OutputExistsError, UnknownNameError, UserError, WriteError, os_reason
from ..files.writer import TEMP_SUFFIX, atomic_write, deferred_interrupts
from ..formats import TEMPLATES, parse_formats
from ..models import JobDescription, Request
from ..render.render import check_template_dir, render
from ..safe_text import visible
from .sheets import SourceRow, extra_columns, parse_row, read_rows

__all__ = [
    "BatchInterrupted",
    "BatchOptions",
    "BatchReport",
    "RowResult",
    "parse_formats",
    "parse_row",
    "read_rows",
    "run_batch",
    "safe_name",
    "summary_line",
    "write_manifest",
]

OK, FAILED, SKIPPED, UNFINISHED, PENDING = "ok", "failed", "skipped", "unfinished", "pending"
STATUS_TEXT = {OK: "成功", FAILED: "失败", SKIPPED: "空行", UNFINISHED: "未处理", PENDING: "未处理"}
MANIFEST_JSON, MANIFEST_CSV = "manifest.json", "manifest.csv"
NAME_CHARS, NAME_BYTES = 60, 150  # file systems allow 255 bytes; a Chinese character takes 3
MANIFEST_EVERY = 2.0  # seconds between progress snapshots of the manifest

OnRow = Callable[["RowResult", int, int], None]


@dataclass
class RowResult:
    """What happened to one input row; one line of the manifest."""

    row: int
    label: str
    status: str = PENDING
    reason: str = ""
    title: str = ""
    note: str = ""
    files: list[str] = field(default_factory=list)
    kits: list[str] = field(default_factory=list)  # with --kit: the interview kits written beside the JDs
    columns: dict[str, str] = field(default_factory=dict)  # the sheet's other columns (部门, 备注…), as given


@dataclass(frozen=True)
class BatchOptions:
    """Everything `jdwriter batch` takes besides the rows and the catalogue."""

    outdir: Path
    formats: tuple[str, ...] = ("md",)
    template: str = "standard"
    force: bool = False
    jobs: int = 1
    seed: int | None = None
    templates: Path | None = None
    source: str = ""
    parents: bool = False  # create every missing folder of outdir, not only the last one
    kit: bool = False  # also write each row's interview kit (NNN-title-面试.ext)


@dataclass
class BatchReport:
    """The outcome of a batch: one RowResult per input row, in input order."""

    options: BatchOptions
    rows: list[RowResult] = field(default_factory=list)
    complete: bool = False
    jobs: int = 1  # worker processes actually used (see effective_jobs)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def exit_code(self) -> int:
        """0 when no row failed, 1 otherwise."""
        return 1 if self.count(FAILED) else 0


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch. Carries the report; the manifest on disk already says which rows finished."""

    def __init__(self, report: BatchReport) -> None:
        super().__init__()
        self.report = report


# --- file names -----------------------------------------------------------------------------------------

_UNSAFE = set('/\\:*?"<>|')


def safe_name(title: str) -> str:
    """A title as one harmless file-name component: no separators, no .., no control characters."""
    text = "".join(_safe_char(c) for c in unicodedata.normalize("NFC", title))
    text = re.sub(r" +", " ", text)
    text = re.sub(r"[._ ]*_[._ ]*|\.{2,}", lambda m: "_" if "_" in m.group(0) else ".", text)
    text = text.strip(" ._")[:NAME_CHARS]
    while len(text.encode("utf-8")) > NAME_BYTES:
        text = text[:-1]
    return text.rstrip(" .") or "JD"  # Windows drops trailing dots and spaces


def _safe_char(char: str) -> str:
    if char in _UNSAFE:
        return "_"
    kind = unicodedata.category(char)
    if kind == "Zs":  # full-width and no-break spaces read as spaces
        return " "
    return "_" if kind[0] in "CZ" else char  # control, format, line/paragraph separators, surrogates


def target_name(number: int, width: int, title: str, fmt: str) -> str:
    """007-用户运营经理.md: the row number keeps names unique and in sheet order."""
    return f"{number:0{width}d}-{safe_name(title)}.{fmt}"


# --- the run --------------------------------------------------------------------------------------------


@dataclass
class _Job:
    result: RowResult
    request: Request
    targets: dict[str, Path]


@dataclass
class _Pending:
    result: RowResult
    job: _Job | None = None
    payloads: dict[str, str | bytes] = field(default_factory=dict)
    future: Future[tuple[bool, bytes | str]] | None = None


def run_batch(
    rows: Sequence[SourceRow], catalog: Catalog, options: BatchOptions, on_row: OnRow | None = None
) -> BatchReport:
    """Generate every row. Raises OutputExistsError before writing if a target exists and not force;
    BatchInterrupted on Ctrl-C (after writing the manifest). ``on_row(result, done, total)`` reports progress."""
    _check_options(options)
    report, jobs = prepare(rows, catalog, options)
    try:
        options.outdir.mkdir(parents=options.parents, exist_ok=True)
    except FileNotFoundError as exc:
        raise UserError(
            f"无法创建输出目录「{options.outdir}」：上级目录「{options.outdir.parent}」不存在；"
            "请检查路径，或加 --parents 连同上级目录一起创建。"
        ) from exc
    except OSError as exc:
        raise WriteError(f"无法创建输出目录「{options.outdir}」：{os_reason(exc)}。") from exc
    with folder_lock(options.outdir):
        remove_stale_temps(options.outdir)
        conflicts = find_conflicts(report, jobs, options)
        if conflicts:
            names = "、".join(p.name for p in conflicts[:8]) + ("…" if len(conflicts) > 8 else "")
            raise OutputExistsError(
                f"输出目录「{options.outdir}」里已有 {len(conflicts)} 个同名文件（{names}），未做任何改动；"
                "如需覆盖请加 --force，或换一个输出目录。"
            )
        _run(report, jobs, catalog, on_row)
    return report


def _run(report: BatchReport, jobs: Mapping[int, _Job], catalog: Catalog, on_row: OnRow | None) -> None:
    """Phase 3, with the manifest written whatever happens. When the run stops on an error, that error is
    the one reported; the manifest is written if it still can be, and the message says whether it was."""
    try:
        _Runner(report, jobs, catalog, on_row).run()
        report.complete = True
    except KeyboardInterrupt:
        _mark_unfinished(report, "已取消，未处理完")
        _last_manifest(report)
        raise BatchInterrupted(report) from None
    except WriteError as exc:
        _mark_unfinished(report, "因为前面的写入失败而停止，未处理")
        saved = _last_manifest(report)
        where = f"已写入和未写入的行见 {report.options.outdir / MANIFEST_JSON}" if saved else "清单也未能写入"
        raise WriteError(f"{exc.message.rstrip('。')}；批处理已停止，{where}。") from exc
    except BaseException as exc:
        if _interrupted(exc):  # Ctrl-C inside zipfile's writer surfaces as its ValueError on close
            _mark_unfinished(report, "已取消，未处理完")
            _last_manifest(report)
            raise BatchInterrupted(report) from None
        _mark_unfinished(report, "批处理中途出错，未处理完")
        _last_manifest(report)
        raise
    write_manifest(report)


def _interrupted(exc: BaseException) -> bool:
    """Whether a KeyboardInterrupt is what this error happened while handling (its __context__ chain)."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return True
        seen.add(id(link))
        link = link.__context__
    return False


def _last_manifest(report: BatchReport) -> bool:
    """Write the manifest after a failure; False (not an exception) when even that fails."""
    try:
        write_manifest(report)
    except JdwriterError:
        return False
    return True


def _check_options(options: BatchOptions) -> None:
    if options.template not in TEMPLATES:
        raise UnknownNameError("模板", options.template, list(TEMPLATES))
    if options.jobs < 1:
        raise UserError(f"--jobs 应为 1 或更大的整数，收到的是 {options.jobs}。")
    check_template_dir(options.templates)
    if options.outdir.exists() and not options.outdir.is_dir():
        raise UserError(f"输出路径「{options.outdir}」是一个文件，-o 需要一个目录（不存在时会自动创建）。")
    parse_formats(options.formats)


def prepare(
    rows: Sequence[SourceRow], catalog: Catalog, options: BatchOptions
) -> tuple[BatchReport, dict[int, _Job]]:
    """Resolve every row (nothing is written) and plan its target files."""
    report = BatchReport(options)
    width = max(3, len(str(max((r.number for r in rows), default=0))))
    jobs: dict[int, _Job] = {}
    for row in rows:
        result = RowResult(row.number, row.label, columns=extra_columns(row.data))
        report.rows.append(result)
        if row.problem:
            result.status, result.reason = FAILED, row.problem
            continue
        if row.blank:
            result.status, result.reason = SKIPPED, "空行"
            continue
        try:
            kwargs = parse_row(row.data, "本项" if row.label.endswith("项") else "本行")
            resolved = make_request(catalog, **kwargs, template=options.template, seed=options.seed)
        except JdwriterError as exc:
            result.status, result.reason = FAILED, exc.message
            continue
        request = resolved.request
        result.note = "；".join(f"{n}；如需其他岗位请在「岗位」一栏写明" for n in resolved.notes)
        # The title compose() will give, known now, so every file name is checked before anything is written.
        result.title = title_for(request, catalog)
        targets = {
            f: options.outdir / target_name(row.number, width, result.title, f) for f in options.formats
        }
        if options.kit:
            from ..kit.api import kit_targets

            targets.update(kit_targets(targets))
        jobs[row.number] = _Job(result, request, targets)
    return report, jobs


def find_conflicts(report: BatchReport, jobs: Mapping[int, _Job], options: BatchOptions) -> list[Path]:
    """Every planned file (manifest included) that already exists; empty with --force."""
    if options.force:
        return []
    planned = [p for job in jobs.values() for p in job.targets.values()]
    planned += [options.outdir / MANIFEST_JSON, options.outdir / MANIFEST_CSV]
    return [p for p in planned if os.path.lexists(p)]


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


class _Runner:
    """Phase 3: compose, render and write, in row order. docx may render in worker processes (--jobs)."""

    def __init__(self, report: BatchReport, jobs: Mapping[int, _Job], catalog: Catalog, on_row: OnRow | None):
        self.report, self.jobs, self.catalog = report, jobs, catalog
        self.options = report.options
        self.on_row = on_row
        self.pool: ProcessPoolExecutor | None = None
        self.done = 0
        self.saved_at = time.monotonic()

    def run(self) -> None:
        workers = effective_jobs(self.options, len(self.jobs))
        self.report.jobs = workers
        if workers > 1:
            self.pool = ProcessPoolExecutor(
                max_workers=workers, initializer=_worker_setup, initargs=(os.getpid(),)
            )
        window = workers * 4 if self.pool else 0
        pending: deque[_Pending] = deque()
        try:
            for result in self.report.rows:
                pending.append(self.begin(result))
                while len(pending) > window:
                    self.finish(pending.popleft())
            while pending:
                self.finish(pending.popleft())
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)

    def begin(self, result: RowResult) -> _Pending:
        """Compose and render the text formats; hand docx to a worker when there is a pool."""
        job = self.jobs.get(result.row)
        if job is None:
            return _Pending(result)
        try:
            jd = compose(job.request, self.catalog)
            result.title = jd.title
            local = [f for f in self.options.formats if not (self.pool and f == "docx")]
            payloads = {f: _render(jd, f, self.options.templates) for f in local}
            if self.options.kit:
                from ..kit.api import kit_payloads

                payloads.update(kit_payloads(job.request, self.catalog, self.options.formats))
        except JdwriterError as exc:
            result.status, result.reason = FAILED, exc.message
            return _Pending(result)
        future = None
        if self.pool and "docx" in job.targets:
            # The pool starts its helper threads and worker processes lazily, inside submit(). With SIGINT
            # and SIGTERM blocked here, they inherit the block: Ctrl-C is handled by the main thread only,
            # so it can never land inside a write that deferred_interrupts holds off.
            with deferred_interrupts():
                future = self.pool.submit(_docx_in_worker, jd)
        return _Pending(result, job, payloads, future)

    def finish(self, pending: _Pending) -> None:
        """Write the row's files (atomically, in format order) and report it."""
        result, job = pending.result, pending.job
        if job is not None:
            try:
                if pending.future is not None:
                    pending.payloads["docx"] = _worker_result(pending.future)
                for fmt, path in job.targets.items():
                    with deferred_interrupts():  # a file on disk is always a file in the manifest
                        atomic_write(path, pending.payloads[fmt], force=self.options.force)
                        (result.kits if fmt.startswith("kit:") else result.files).append(path.name)
                result.status = OK
            except UserError as exc:  # e.g. a file appeared meanwhile, or a docx failed to render
                result.status, result.reason = FAILED, exc.message
            except WriteError as exc:  # disk full, read-only: this row failed, and the run stops
                written = f"（已写入 {'、'.join(result.files)}）" if result.files else ""
                result.status, result.reason = FAILED, exc.message + written
                raise
        self.done += 1
        if self.on_row is not None:
            self.on_row(result, self.done, len(self.report.rows))
        if time.monotonic() - self.saved_at > MANIFEST_EVERY:
            write_manifest(self.report)
            self.saved_at = time.monotonic()


def _render(jd: JobDescription, fmt: str, templates: Path | None) -> str | bytes:
    try:
        return render(jd, fmt, templates)
    except ImportError as exc:
        raise UserError(f"无法生成 {fmt}：缺少所需的组件（{exc}）。") from exc


def _docx_in_worker(jd: JobDescription) -> tuple[bool, bytes | str]:
    """Runs in a worker process. Returns the message rather than raising: our errors do not all pickle."""
    try:
        data = _render(jd, "docx", None)
    except JdwriterError as exc:
        return False, exc.message
    return True, data


def _worker_result(future: Future[tuple[bool, bytes | str]]) -> bytes:
    from concurrent.futures.process import BrokenProcessPool

    try:
        ok, value = future.result()
    except BrokenProcessPool as exc:
        raise JdwriterError("生成 docx 的子进程意外退出，请去掉 --jobs 后重试。") from exc
    if not ok or isinstance(value, str):
        raise UserError(str(value))
    return value


def _worker_setup(parent: int) -> None:
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


def _mark_unfinished(report: BatchReport, reason: str) -> None:
    for result in report.rows:
        if result.status == PENDING:
            result.status, result.reason = UNFINISHED, reason


# --- manifest and summary -------------------------------------------------------------------------------

CSV_HEADER = ("行号", "状态", "原因", "职位名称", "说明", "输出文件")


def write_manifest(report: BatchReport) -> None:
    """manifest.json (for scripts) and manifest.csv with a BOM (for Excel), both written atomically.

    Both keep the sheet's own extra columns (部门, 备注…) and record the options and seed of the run."""
    outdir, options = report.options.outdir, report.options
    extra = list(dict.fromkeys(k for r in report.rows for k in r.columns))
    rows = [
        {
            "row": r.row,
            "status": r.status,
            "status_text": STATUS_TEXT[r.status],
            "reason": visible(r.reason),
            "title": visible(r.title),
            "note": visible(r.note),
            "files": r.files,
            "columns": {visible(k): visible(v) for k, v in r.columns.items()},
            **({"kits": r.kits} if options.kit else {}),
        }
        for r in report.rows
    ]
    data = {
        "input": options.source,
        "output_dir": str(outdir),
        "formats": list(options.formats),
        "template": options.template,
        "seed": options.seed,
        "force": options.force,
        "jobs": report.jobs,
        "templates": str(options.templates) if options.templates else None,
        **({"kit": True} if options.kit else {}),
        "complete": report.complete,
        "counts": {s: report.count(s) for s in (OK, FAILED, SKIPPED, UNFINISHED)},
        "rows": rows,
    }
    atomic_write(outdir / MANIFEST_JSON, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    kit_column = ["面试题文件"] if options.kit else []
    writer.writerow(
        [*CSV_HEADER, *kit_column, *(_no_formula(visible(k)) for k in extra)]
    )  # a header is typed too
    for r in report.rows:
        cells = [str(r.row), STATUS_TEXT[r.status], r.reason, r.title, r.note, "; ".join(r.files)]
        cells += ["; ".join(r.kits)] if options.kit else []
        cells += [r.columns.get(k, "") for k in extra]
        writer.writerow([_no_formula(visible(c)) for c in cells])
    atomic_write(outdir / MANIFEST_CSV, "\ufeff" + buffer.getvalue(), force=True)


def _no_formula(cell: str) -> str:
    """Reasons quote what people typed; Excel would run a cell starting with = + - @ as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def summary_line(report: BatchReport) -> str:
    """成功 N 条，失败 M 条，输出目录 … — the one line printed at the end."""
    parts = [(SKIPPED, "空行"), (UNFINISHED, "未处理")]
    extra = "".join(f"，{label} {report.count(s)} 条" for s, label in parts if report.count(s))
    return (
        f"成功 {report.count(OK)} 条，失败 {report.count(FAILED)} 条{extra}，输出目录 {report.options.outdir}"
    )
