"""Every jdwriter benchmark in one table: each figure is a ratio against a reference measured in this run.

    python benchmarks/run.py [--quick]

References: a minimal Typer + Rich app (start-up floor) for single commands, one `jdwriter new` for batch,
and jieba's default dictionary for ours. Targets come from the issues. Exit status 1 if any target is missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import batch
import check
import dictionary
import fix
import hostile
import startup
from common import report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller batches (a rough look)")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows = startup.measure(runs)
    floor = rows[0][1]
    rows += check.measure(runs, floor_run=floor)
    rows += dictionary.measure(runs)
    rows += fix.measure(runs)
    single = next(sec for name, sec, *_ in rows if name.startswith("new --role 用户运营"))
    rows += batch.measure(100 if args.quick else 1000, 50 if args.quick else 500, single=single)[1:]
    rows += hostile.measure()
    report(rows)
    return 1 if any(ratio > target for _, _, ratio, target in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
