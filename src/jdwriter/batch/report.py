"""What a batch run is asked to do and what happened to each row: plain data shared by the run, the
manifest and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

OK, FAILED, SKIPPED, UNFINISHED, PENDING = "ok", "failed", "skipped", "unfinished", "pending"
STATUS_TEXT = {OK: "成功", FAILED: "失败", SKIPPED: "空行", UNFINISHED: "未处理", PENDING: "未处理"}


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
    sha256: dict[str, str] = field(default_factory=dict)  # file name → SHA-256 of the bytes written
    kept: list[str] = field(
        default_factory=list
    )  # files an earlier run wrote that --resume left as they were


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
    resume: bool = (
        False  # keep what an earlier run into outdir wrote (its manifest says what), write the rest
    )


@dataclass
class BatchReport:
    """The outcome of a batch: one RowResult per input row, in input order."""

    options: BatchOptions
    rows: list[RowResult] = field(default_factory=list)
    complete: bool = False
    jobs: int = 1  # worker processes actually used (see effective_jobs)
    started: str = ""  # when this run started (ISO 8601, UTC)
    runs: list[dict[str, object]] = field(default_factory=list)  # earlier runs into this folder (--resume)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def kept(self) -> int:
        """Rows whose every file an earlier run wrote and this one left alone."""
        return sum(1 for r in self.rows if r.status == OK and r.kept and len(r.kept) == len(r.files))

    @property
    def exit_code(self) -> int:
        """0 when no row failed, 1 otherwise."""
        return 1 if self.count(FAILED) else 0


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch. Carries the report; the manifest on disk already says which rows finished."""

    def __init__(self, report: BatchReport) -> None:
        super().__init__()
        self.report = report


def mark_unfinished(report: BatchReport, reason: str) -> None:
    """Every row not reached yet becomes 未处理, with ``reason``."""
    for result in report.rows:
        if result.status == PENDING:
            result.status, result.reason = UNFINISHED, reason
