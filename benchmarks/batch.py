"""How fast is `jdwriter batch`, compared with one `jdwriter new` measured in the same run?

    python benchmarks/batch.py [--md-rows 1000] [--docx-rows 500] [--jobs N] [--catalog FILE]

Prints the wall time of one `jdwriter new --role 用户运营 --no-input` (median of 5 fresh processes), of
`jdwriter batch` over a CSV of 1000 rows to Markdown and of 500 rows to DOCX, and each batch time as a
ratio to the single run. Targets: Markdown within 12x, DOCX within 30x. Exit status 1 if a target is missed.
Ratios, not seconds, so the numbers mean the same thing on a slow laptop and a fast CI machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

TARGETS = {"md": 12.0, "docx": 30.0}


def command() -> list[str]:
    """The installed console script next to this Python, else `python -m jdwriter`."""
    script = Path(sys.executable).with_name("jdwriter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jdwriter"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"命令失败（退出码 {done.returncode}）：{' '.join(args)}\n{done.stderr}")
    return elapsed


def write_sheet(path: Path, rows: int, catalogs: list[Path]) -> None:
    """A realistic sheet: every role at every level, half of them with an industry, Excel's UTF-8 BOM."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from jdwriter.api import get_catalog

    catalog = get_catalog(catalogs)
    industries = cycle([None, *(x.name for x in catalog.industries)])
    combos = cycle([(r.name, lv.name) for r in catalog.roles for lv in catalog.levels])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["岗位", "级别", "行业", "工作地点", "招聘人数"])
        for index in range(rows):
            role, level = next(combos)
            writer.writerow([role, level, next(industries) or "", "上海", index % 5 + 1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--md-rows", type=int, default=1000)
    parser.add_argument("--docx-rows", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the docx batch")
    parser.add_argument("--catalog", type=Path, action="append", default=[], help="extra catalogue file")
    args = parser.parse_args()
    extra = [a for path in args.catalog for a in ("--catalog", str(path))]
    base = command()

    timed([*base, "new", "--role", "用户运营", "--no-input", *extra])  # warm the disk cache
    single = statistics.median(timed([*base, "new", "--role", "用户运营", "--no-input", *extra]) for _ in range(5))
    print(f"jdwriter new（单份，5 次中位数）: {single * 1000:.0f} ms")

    failed = False
    with tempfile.TemporaryDirectory(prefix="jdwriter-bench-") as tmp:
        for fmt, rows, jobs in (("md", args.md_rows, 1), ("docx", args.docx_rows, args.jobs)):
            sheet = Path(tmp) / f"{fmt}.csv"
            write_sheet(sheet, rows, args.catalog)
            out = Path(tmp) / f"out-{fmt}"
            elapsed = timed([*base, "batch", str(sheet), "-o", str(out), "-f", fmt, "--jobs", str(jobs), *extra])
            written = len(list(out.glob(f"*.{fmt}")))
            if written != rows:
                sys.exit(f"{fmt}：应生成 {rows} 个文件，实际 {written} 个。")
            ratio = elapsed / single
            ok = ratio <= TARGETS[fmt]
            failed |= not ok
            verdict = "达标" if ok else "未达标"
            print(
                f"batch {rows} 行 → {fmt}（--jobs {jobs}）: {elapsed:.2f} s = {ratio:.1f}x 单份"
                f"（目标 ≤ {TARGETS[fmt]:.0f}x，{verdict}）"
            )
            shutil.rmtree(out)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
