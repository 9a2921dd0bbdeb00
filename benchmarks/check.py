"""Cost of `jdwriter check` on a one-page JD against a minimal Typer+Rich app (the floor), same run.

Target: within 2.5x of the floor. What keeps it there: check.py and jieba load only when the command runs,
resolve.segment builds a small in-memory dictionary (jieba's 350k-word default is never loaded), and
python-docx is imported only for .docx input.
Run: python benchmarks/check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import floor_times, jdwriter_cmd, report, scratch, time_cmd

# About 600 字, the length of one printed page. Two warnings (外貌, 套话) so the report path runs too;
# no errors, so the command exits 0 as time_cmd expects.
ONE_PAGE_JD = """# 社群运营主管

**工作地点**：杭州 ｜ **薪资**：18-25K·14薪

## 岗位概述

你将负责品牌私域社群的整体运营，从拉新、促活到转化，对社群的活跃度和复购贡献负责。

## 岗位职责

1. 搭建社群分层运营体系，按用户生命周期设计入群欢迎、日常互动和沉默唤醒的节奏
2. 策划每月两场以上的社群主题活动，跟踪参与率、转化率和活动 ROI，并在活动结束后一周内完成复盘
3. 维护核心用户和 KOC 关系，建立分级权益，推动他们产出真实的使用分享
4. 制定社群内容日历，协同内容和设计同事按周产出话题、干货和福利内容
5. 搭建社群数据看板，按周分析拉新、活跃、退群和转化数据，提出改进动作
6. 与客服和产品团队共建用户反馈通道，把高频问题整理成需求并跟进上线
7. 完成领导交办的其他任务

## 任职要求

1. 本科及以上学历，3–5 年社群或用户运营经验，独立负责过万人以上的社群矩阵
2. 熟悉企业微信、SCRM 工具和常见的社群裂变玩法，能根据数据调整运营策略
3. 会用 Excel 或 SQL 做基础的数据分析，能把结论写成清楚的周报
4. 表达清楚、有同理心，能与不同背景的用户顺畅沟通
5. 有消费品或本地生活行业经验者优先
6. 形象气质佳

## 加分项

- 做过从零到一的私域项目，能讲清目标、动作和量化结果
- 有直播或短视频的内容策划经验

## 福利待遇

- 五险一金、补充医疗保险和年度体检
- 带薪年假、产假和育儿假
- 季度团建和学习基金
"""


def adversarial_page(limit: int = 1_000_000) -> str:
    """Just under check's 1 MB limit, built to be slow: one line holding tens of thousands of inline list
    items (1、… 2、…), the shape that once made per-line work quadratic. Lawful, so check exits 0."""
    head = "## 岗位职责\n"
    items, size, number = [], len(head.encode("utf-8")) + 1, 1
    while True:
        item = f"{number}、负责用户增长和社群活动的日常执行"
        size += len(item.encode("utf-8"))
        if size > limit:
            break
        items.append(item)
        number += 1
    return head + "".join(items) + "\n"


def one_line(shape: str, size: int) -> str:
    """A lawful JD whose list is one long line: ``size`` characters of clauses, or ``size`` inline items."""
    if shape == "items":
        return "## 岗位职责\n" + "".join(f"{i}、负责 " for i in range(1, size + 1)) + "\n"
    clauses = "负责用户增长，形象气质佳，" * (size // 13 + 1)  # warnings only: check exits 0
    return "## 岗位职责\n" + clauses[:size] + "\n"


def doubling_rows(cmd: list[str], runs: int, page: float) -> list[tuple[str, float, float, float]]:
    """Linear cost in the length of a line (the text report's excerpt printer once measured the whole line
    for every finding): doubling the line must not much more than double the time above one page's check.
    Ratio = (time for 2n − one page) / (time for n − one page); linear is about 2, quadratic about 4 (target 3: room for noise)."""
    rows = []
    for shape, size, label in (("chars", 20_000, "characters"), ("items", 3_000, "inline items")):
        times = []
        for n in (size, 2 * size):
            path = scratch() / f"line_{shape}_{n}.md"
            path.write_text(one_line(shape, n), encoding="utf-8")
            times.append(time_cmd([*cmd, "check", str(path)], runs))
        ratio = max(0.0, times[1] - page) / max(0.05, times[0] - page)
        rows.append((f"check one line of {2 * size:,} {label} (vs {size:,})", times[1], ratio, 3.0))
    return rows


def measure(runs: int = 7, floor_run: float | None = None) -> list[tuple[str, float, float, float]]:
    """Rows for the report; pass ``floor_run`` to reuse a floor measured earlier in the same run."""
    own_floor = floor_run is None
    floor_run = floor_run or floor_times(runs)[0]
    path = scratch() / "jd.md"
    path.write_text(ONE_PAGE_JD, encoding="utf-8")
    cmd = jdwriter_cmd()
    text = time_cmd([*cmd, "check", str(path)], runs)
    as_json = time_cmd([*cmd, "check", str(path), "--format", "json"], runs)
    stdin = time_cmd([*cmd, "check", "-"], runs, stdin=ONE_PAGE_JD.encode("utf-8"))
    hostile = scratch() / "adversarial_1mb.md"
    hostile.write_text(adversarial_page(), encoding="utf-8")
    slow = time_cmd([*cmd, "check", str(hostile), "--format", "json"], max(3, runs // 2))
    rows = [("floor: Typer+Rich hello", floor_run, 1.0, 1.0)] if own_floor else []
    rows += doubling_rows(cmd, max(5, runs), text)
    return rows + [
        ("check jd.md (text report)", text, text / floor_run, 2.5),
        ("check jd.md --format json", as_json, as_json / floor_run, 2.5),
        ("check - (stdin)", stdin, stdin / floor_run, 2.5),
        # ratio against the one-page check above, not the floor: the bound is 5x a normal page
        ("check 1 MB adversarial page (vs one page)", slow, slow / as_json, 5.0),
    ]


if __name__ == "__main__":
    report(measure())
