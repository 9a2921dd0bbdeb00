"""Cost of `jdwriter fix` against `jdwriter check` on the same text, in the same process and run.

fix checks the JD, edits the flagged lines and checks again until nothing is left (usually two rounds), so
its floor is about twice check. Targets: within 4x of check on a one-page old JD with eight findings, and on
one 85 KB line holding 4,500 findings (a pasted list that once took 29 s because the rewrites were searched
once per finding over the whole line).
Run: python benchmarks/fix.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import report

OLD_JD = """# 新媒体运营专员

## 岗位职责
1. 负责公司小红书、抖音账号的日常内容策划与发布；
2. 跟踪每周内容数据，输出复盘报告；
3. 策划线上活动，提升粉丝互动率。

## 任职要求
1. 限女性，28岁以下；
2. 统招本科，985/211院校毕业；
3. 2年以上新媒体运营经验，熟悉小红书平台规则；
4. 未婚优先；
5. 文字功底扎实，能独立撰写种草笔记；
6. 熟练使用剪映、PS等工具。

欢迎投递，我们期待你的加入。
简历请投：hr@example.com，电话：13800138000
"""
LONG_LINE = "任职要求：" + "，".join(["北京市户口", "本科", "限男性", "熟悉抖音运营和数据分析"] * 1500) + "\n"
TARGET = 4.0


def _median(func: Callable[[], object], runs: int) -> float:
    """Median seconds; check's per-line scan cache is emptied first, so neither side reuses the other's work."""
    from jdwriter.check import engine

    samples = []
    for _ in range(runs):
        engine._scan.cache_clear()
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(runs: int = 5) -> list[tuple[str, float, float, float]]:
    """Rows for the report: (name, seconds, ratio to check on the same text, target)."""
    from jdwriter.check.engine import check_text
    from jdwriter.fix.engine import fix_text

    check_text("x")  # the dictionary, once
    rows = []
    for name, text in (("fix, one-page old JD", OLD_JD), ("fix, one 85 KB line", LONG_LINE)):
        checked = _median(lambda text=text: check_text(text), runs)
        fixed = _median(lambda text=text: fix_text(text), runs)
        rows.append((f"{name} (vs check)", fixed, fixed / checked, TARGET))
    return rows


if __name__ == "__main__":
    rows = measure()
    report(rows)
    raise SystemExit(1 if any(ratio > target for _, _, ratio, target in rows) else 0)
