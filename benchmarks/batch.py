"""How fast is `jdwriter batch`, compared with one `jdwriter new` measured in the same run?

    python benchmarks/batch.py [--md-rows 1000] [--docx-rows 500] [--jobs N]

Times one `jdwriter new --role 用户运营 --no-input` (median of fresh processes), then `jdwriter batch` over a
CSV of 1000 rows to Markdown and of 500 rows to DOCX, and prints each batch as a ratio to the single run.
Targets: Markdown within 12x, DOCX within 30x. Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import jdwriter_cmd, report, scratch, time_cmd

TARGETS = {"md": 12.0, "docx": 30.0}


def write_sheet(path: Path, rows: int) -> None:
    """A realistic sheet: every role at every level, some with an industry, saved as Excel's UTF-8 with BOM."""
    from jdwriter.api import get_catalog

    catalog = get_catalog()
    industries = cycle([None, *(x.name for x in catalog.industries)])
    combos = cycle([(r.name, lv.name) for r in catalog.roles for lv in catalog.levels])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["岗位", "级别", "行业", "工作地点", "招聘人数"])
        for index in range(rows):
            role, level = next(combos)
            writer.writerow([role, level, next(industries) or "", "上海", index % 5 + 1])


def measure(
    md_rows: int = 1000, docx_rows: int = 500, jobs: int | None = None, single: float | None = None
) -> list[tuple[str, float, float, float]]:
    """Rows for the report: (name, seconds, ratio to one `new`, target)."""
    cmd = jdwriter_cmd()
    single = single or time_cmd([*cmd, "new", "--role", "用户运营", "--no-input"], runs=5)
    rows = []
    with tempfile.TemporaryDirectory(dir=scratch()) as tmp:
        for fmt, count, workers in (("md", md_rows, 1), ("docx", docx_rows, jobs or os.cpu_count() or 1)):
            sheet = Path(tmp) / f"{fmt}.csv"
            write_sheet(sheet, count)
            out = Path(tmp) / f"out-{fmt}"
            args = [*cmd, "batch", str(sheet), "-o", str(out), "-f", fmt, "--jobs", str(workers), "--force"]
            elapsed = time_cmd(args, runs=1, warmup=False)
            written = len(list(out.glob(f"*.{fmt}")))
            if written != count:
                sys.exit(f"{fmt}：应生成 {count} 个文件，实际 {written} 个。")
            rows.append(
                (
                    f"batch {count} 行 → {fmt} (--jobs {workers}) / 单份 new",
                    elapsed,
                    elapsed / single,
                    TARGETS[fmt],
                )
            )
    return [("jdwriter new --role 用户运营 (reference)", single, 1.0, 1.0), *rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--md-rows", type=int, default=1000)
    parser.add_argument("--docx-rows", type=int, default=500)
    parser.add_argument(
        "--jobs", type=int, default=None, help="--jobs for the docx batch (default: all cores)"
    )
    args = parser.parse_args()
    rows = measure(args.md_rows, args.docx_rows, args.jobs)
    report(rows)
    return 1 if any(ratio > target for _, _, ratio, target in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
