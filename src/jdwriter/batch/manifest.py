"""manifest.json (for scripts) and manifest.csv (for Excel): which rows became which files, with a SHA-256 per
file and a record of every run into the folder, so that `batch --resume` knows what it may keep."""

from __future__ import annotations

import csv
import hashlib
import io
import json

from ..files.writer import atomic_write
from ..safe_text import visible
from .report import FAILED, OK, SKIPPED, STATUS_TEXT, UNFINISHED, BatchReport, RowResult

MANIFEST_JSON, MANIFEST_CSV = "manifest.json", "manifest.csv"
CSV_HEADER = ("行号", "状态", "原因", "职位名称", "说明", "输出文件")


def digest(data: str | bytes) -> str:
    """The SHA-256 of what is written for ``data`` (text is written as UTF-8)."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _row(r: RowResult, kit: bool) -> dict[str, object]:
    return {
        "row": r.row,
        "status": r.status,
        "status_text": STATUS_TEXT[r.status],
        "reason": visible(r.reason),
        "title": visible(r.title),
        "note": visible(r.note),
        "files": r.files,
        "sha256": {name: r.sha256[name] for name in [*r.files, *r.kits] if name in r.sha256},
        "kept": r.kept,
        "columns": {visible(k): visible(v) for k, v in r.columns.items()},
        **({"kits": r.kits} if kit else {}),
    }


def this_run(report: BatchReport) -> dict[str, object]:
    """One entry of the manifest's ``runs``: when, whether it resumed, what it wrote and what it kept."""
    kept = sum(len(r.kept) for r in report.rows)
    return {
        "started": report.started,
        "resume": report.options.resume,
        "written": sum(len(r.files) + len(r.kits) for r in report.rows) - kept,
        "kept": kept,
        "complete": report.complete,
    }


def write_manifest(report: BatchReport) -> None:
    """manifest.json (for scripts) and manifest.csv with a BOM (for Excel), both written atomically.

    Both keep the sheet's own extra columns (部门, 备注…) and record the options and seed of the run."""
    outdir, options = report.options.outdir, report.options
    data = {
        "input": options.source,
        "output_dir": str(outdir),
        "formats": list(options.formats),
        "template": options.template,
        "seed": options.seed,
        "force": options.force,
        "jobs": report.jobs,
        "templates": str(options.templates) if options.templates else None,
        "complete": report.complete,
        "counts": {s: report.count(s) for s in (OK, FAILED, SKIPPED, UNFINISHED)},
        "runs": [*report.runs, this_run(report)],
        **({"kit": True} if options.kit else {}),
        "rows": [_row(r, options.kit) for r in report.rows],
    }
    atomic_write(outdir / MANIFEST_JSON, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=True)
    atomic_write(outdir / MANIFEST_CSV, _csv(report), force=True)


def _csv(report: BatchReport) -> str:
    extra = list(dict.fromkeys(k for r in report.rows for k in r.columns))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    kit_column = ["面试题文件"] if report.options.kit else []
    writer.writerow(
        [*CSV_HEADER, *kit_column, *(_no_formula(visible(k)) for k in extra)]
    )  # a header is typed too
    for r in report.rows:
        cells = [str(r.row), STATUS_TEXT[r.status], r.reason, r.title, r.note, "; ".join(r.files)]
        cells += ["; ".join(r.kits)] if report.options.kit else []
        cells += [r.columns.get(k, "") for k in extra]
        writer.writerow([_no_formula(visible(c)) for c in cells])
    return "\ufeff" + buffer.getvalue()


def _no_formula(cell: str) -> str:
    """Reasons quote what people typed; Excel would run a cell starting with = + - @ as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def summary_line(report: BatchReport) -> str:
    """成功 N 条，失败 M 条，输出目录 … — the one line printed at the end."""
    parts = [(SKIPPED, "空行"), (UNFINISHED, "未处理")]
    extra = "".join(f"，{label} {report.count(s)} 条" for s, label in parts if report.count(s))
    kept = f"（其中 {report.kept} 条是上次已生成的，未改动）" if report.kept else ""
    return (
        f"成功 {report.count(OK)} 条{kept}，失败 {report.count(FAILED)} 条{extra}，"
        f"输出目录 {report.options.outdir}"
    )
