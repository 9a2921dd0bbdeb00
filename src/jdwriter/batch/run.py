"""Batch generation: one finished JD per spreadsheet row, scriptable, losing nothing when rows are wrong.

Three phases, so that nothing is written unless everything can be:
1. read and resolve every row (the same make_request path as `new`); a bad row is recorded, not fatal;
2. plan every target file name and refuse before writing anything if one exists (unless force); with
   --resume, files an earlier run wrote and nobody changed since are kept, and only the rest is written;
3. compose, render and write row by row, atomically; the manifest is rewritten every few seconds and,
   whatever happens (Ctrl-C included), once more at the end, so it always says which rows finished.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ..catalog.model import Catalog
from ..compose.writer import compose
from ..errors import JdwriterError, OutputExistsError, UnknownNameError, UserError, WriteError, os_reason
from ..files.writer import atomic_write, deferred_interrupts
from ..formats import TEMPLATES, parse_formats
from ..kit.api import is_kit
from ..models import Request
from ..render.render import check_template_dir
from .lock import folder_lock, remove_stale_temps
from .manifest import MANIFEST_CSV, MANIFEST_JSON, digest, summary_line, write_manifest
from .names import safe_name, target_name
from .plan import plan_row
from .report import (
    FAILED,
    OK,
    BatchInterrupted,
    BatchOptions,
    BatchReport,
    RowResult,
    mark_unfinished,
)
from .resume import Previous, read_previous, unchanged
from .sheets import SourceRow, parse_row, read_rows
from .workers import docx_in_worker, effective_jobs, render_format, worker_result, worker_setup

__all__ = [
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "BatchInterrupted",
    "BatchOptions",
    "BatchReport",
    "RowResult",
    "effective_jobs",
    "folder_lock",
    "parse_formats",
    "parse_row",
    "read_rows",
    "run_batch",
    "safe_name",
    "summary_line",
    "write_manifest",
]

MANIFEST_EVERY = 2.0  # seconds between progress snapshots of the manifest

OnRow = Callable[[RowResult, int, int], None]


@dataclass
class _Job:
    result: RowResult
    request: Request
    targets: dict[str, Path]
    keep: dict[str, str] = field(default_factory=dict)  # format → SHA-256 of the earlier run's file, kept


@dataclass
class _Pending:
    result: RowResult
    job: _Job | None = None
    payloads: dict[str, str | bytes] = field(default_factory=dict)
    future: Future[tuple[bool, bytes | str]] | None = None


def run_batch(
    rows: Sequence[SourceRow], catalog: Catalog, options: BatchOptions, on_row: OnRow | None = None
) -> BatchReport:
    """Generate every row. Raises OutputExistsError before writing if a target exists and not force (nor
    kept by --resume); BatchInterrupted on Ctrl-C (after writing the manifest). ``on_row(result, done,
    total)`` reports progress."""
    _check_options(options)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    _make_folder(options)
    with folder_lock(options.outdir):
        remove_stale_temps(options.outdir)
        previous = read_previous(options.outdir) if options.resume else None
        if previous is not None and options.seed is None:
            options = replace(options, seed=previous.seed)  # the rest of a run reads like its start
        report, jobs = prepare(rows, catalog, options)
        report.started = started
        if previous is not None:
            report.runs = previous.runs
            keep_earlier(jobs, previous, options.force)
        conflicts = find_conflicts(jobs, options, resuming=previous is not None)
        if conflicts:
            names = "、".join(p.name for p in conflicts[:8]) + ("…" if len(conflicts) > 8 else "")
            raise OutputExistsError(
                f"输出目录「{options.outdir}」里已有 {len(conflicts)} 个同名文件（{names}），未做任何改动；"
                "如需覆盖请加 --force，接着上次未完成的运行请加 --resume，或换一个输出目录。"
            )
        _run(report, jobs, catalog, on_row)
    return report


def _make_folder(options: BatchOptions) -> None:
    try:
        options.outdir.mkdir(parents=options.parents, exist_ok=True)
    except FileNotFoundError as exc:
        raise UserError(
            f"无法创建输出目录「{options.outdir}」：上级目录「{options.outdir.parent}」不存在；"
            "请检查路径，或加 --parents 连同上级目录一起创建。"
        ) from exc
    except OSError as exc:
        raise WriteError(f"无法创建输出目录「{options.outdir}」：{os_reason(exc)}。") from exc


def _run(report: BatchReport, jobs: Mapping[int, _Job], catalog: Catalog, on_row: OnRow | None) -> None:
    """Phase 3, with the manifest written whatever happens. When the run stops on an error, that error is
    the one reported; the manifest is written if it still can be, and the message says whether it was."""
    try:
        _Runner(report, jobs, catalog, on_row).run()
        report.complete = True
    except KeyboardInterrupt:
        mark_unfinished(report, "已取消，未处理完")
        _last_manifest(report)
        raise BatchInterrupted(report) from None
    except WriteError as exc:
        mark_unfinished(report, "因为前面的写入失败而停止，未处理")
        saved = _last_manifest(report)
        where = f"已写入和未写入的行见 {report.options.outdir / MANIFEST_JSON}" if saved else "清单也未能写入"
        raise WriteError(f"{exc.message.rstrip('。')}；批处理已停止，{where}。") from exc
    except BaseException as exc:
        if _interrupted(exc):  # Ctrl-C inside zipfile's writer surfaces as its ValueError on close
            mark_unfinished(report, "已取消，未处理完")
            _last_manifest(report)
            raise BatchInterrupted(report) from None
        mark_unfinished(report, "批处理中途出错，未处理完")
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
        result, request = plan_row(row, catalog, options)
        report.rows.append(result)
        if request is None:
            continue
        targets = {
            f: options.outdir / target_name(row.number, width, result.title, f) for f in options.formats
        }
        if options.kit:
            from ..kit.api import kit_targets

            targets.update(kit_targets(targets))
        jobs[row.number] = _Job(result, request, targets)
    return report, jobs


def keep_earlier(jobs: dict[int, _Job], previous: Previous, force: bool) -> None:
    """--resume: a planned file the earlier run wrote, still there and unchanged, is kept. A row whose every
    file is kept is done; a file that is there but not as the earlier run left it is never overwritten
    (without --force): that row fails, naming it, and its unchanged files stay on record."""
    for number, job in list(jobs.items()):
        hashes = previous.hashes.get(number, {})
        changed: list[str] = []
        for fmt, path in job.targets.items():
            if not os.path.lexists(path):
                continue
            expected = hashes.get(path.name)
            if expected and unchanged(path, expected):
                job.keep[fmt] = expected
            elif not force:
                changed.append(path.name)
        if changed or len(job.keep) == len(job.targets):
            for fmt, path in job.targets.items():
                if fmt in job.keep:
                    _record_kept(job.result, fmt, path.name, job.keep[fmt])
            job.result.status = OK
            del jobs[number]
        if changed:
            job.result.status = FAILED
            job.result.reason = (
                f"「{'、'.join(changed)}」已存在，但不是上次生成时的样子（可能改过或是别的文件），未覆盖；"
                "如需重新生成请删掉它，或加 --force。"
            )


def _record_kept(result: RowResult, fmt: str, name: str, sha: str) -> None:
    (result.kits if is_kit(fmt) else result.files).append(name)
    result.kept.append(name)
    result.sha256[name] = sha


def find_conflicts(jobs: Mapping[int, _Job], options: BatchOptions, *, resuming: bool = False) -> list[Path]:
    """Every planned file (manifest included) that already exists; empty with --force. When resuming, the
    manifest is the earlier run's own, and kept files are not conflicts."""
    if options.force:
        return []
    planned = [p for job in jobs.values() for f, p in job.targets.items() if f not in job.keep]
    if not resuming:
        planned += [options.outdir / MANIFEST_JSON, options.outdir / MANIFEST_CSV]
    return [p for p in planned if os.path.lexists(p)]


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
                max_workers=workers, initializer=worker_setup, initargs=(os.getpid(),)
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
        wanted = [f for f in job.targets if f not in job.keep]
        try:
            jd = compose(job.request, self.catalog)
            result.title = jd.title
            local = [f for f in wanted if not (self.pool and f == "docx")]
            payloads = {f: render_format(jd, f, self.options.templates) for f in local if not is_kit(f)}
            if self.options.kit:
                from ..kit.api import kit_payloads

                kits = kit_payloads(job.request, self.catalog, self.options.formats)
                payloads.update({f: data for f, data in kits.items() if f in wanted})
        except JdwriterError as exc:
            result.status, result.reason = FAILED, exc.message
            return _Pending(result)
        future = None
        if self.pool and "docx" in wanted:
            # The pool starts its helper threads and worker processes lazily, inside submit(). With SIGINT
            # and SIGTERM blocked here, they inherit the block: Ctrl-C is handled by the main thread only,
            # so it can never land inside a write that deferred_interrupts holds off.
            with deferred_interrupts():
                future = self.pool.submit(docx_in_worker, jd)
        return _Pending(result, job, payloads, future)

    def finish(self, pending: _Pending) -> None:
        """Write the row's files (atomically, in format order) and report it."""
        result, job = pending.result, pending.job
        if job is not None:
            self.write(pending, job)
        self.done += 1
        if self.on_row is not None:
            self.on_row(result, self.done, len(self.report.rows))
        if time.monotonic() - self.saved_at > MANIFEST_EVERY:
            write_manifest(self.report)
            self.saved_at = time.monotonic()

    def write(self, pending: _Pending, job: _Job) -> None:
        result = pending.result
        try:
            if pending.future is not None:
                pending.payloads["docx"] = worker_result(pending.future)
            for fmt, path in job.targets.items():
                if fmt in job.keep:
                    _record_kept(result, fmt, path.name, job.keep[fmt])
                    continue
                with deferred_interrupts():  # a file on disk is always a file in the manifest
                    atomic_write(path, pending.payloads[fmt], force=self.options.force)
                    (result.kits if is_kit(fmt) else result.files).append(path.name)
                    result.sha256[path.name] = digest(pending.payloads[fmt])
            result.status = OK
        except UserError as exc:  # e.g. a file appeared meanwhile, or a docx failed to render
            result.status, result.reason = FAILED, exc.message
        except WriteError as exc:  # disk full, read-only: this row failed, and the run stops
            written = f"（已写入 {'、'.join(result.files)}）" if result.files else ""
            result.status, result.reason = FAILED, exc.message + written
            raise
