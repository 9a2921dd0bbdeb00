"""Start-up cost of `jdwriter new` and `jdwriter --help` against a minimal Typer+Rich app (the floor).

Targets: `new --role 用户运营 --no-input` within 1.3x of the floor's run, `--help` within 1.1x of the floor's
`--help` (issue 25), a free-text title (`--role 高级用户运营经理`, the jieba path) within 2x, and a market title
with a direction and a topic (`--role 资深直播用户运营（美妆）`) within 1.5x (issue 22).
Run: python benchmarks/startup.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import floor_script, floor_times, jdwriter_cmd, paired, report


def measure(runs: int = 7) -> list[tuple[str, float, float, float]]:
    """Each command runs in turn with its floor (the floor's run, or its --help), and the ratio is the median
    of the per-pair ratios: separate medians swing by a third on a shared machine, pairs by a few percent."""
    floor = [sys.executable, str(floor_script())]
    cmd = jdwriter_cmd()
    pairs = max(runs, 21)  # fewer pairs let one noisy stretch move the median
    new, new_ratio = paired([*cmd, "new", "--role", "用户运营", "--no-input"], floor, pairs)
    help_, help_ratio = paired([*cmd, "--help"], [*floor, "--help"], pairs)
    free, free_ratio = paired([*cmd, "new", "--role", "高级用户运营经理", "--no-input"], floor, pairs)
    direction, direction_ratio = paired(
        [*cmd, "new", "--role", "资深直播用户运营（美妆）", "--no-input"], floor, pairs
    )
    floor_run, floor_help = floor_times(runs)  # the references other benchmarks (check) divide by
    return [
        ("floor: Typer+Rich hello", floor_run, 1.0, 1.0),
        ("floor: Typer+Rich --help", floor_help, 1.0, 1.0),
        ("new --role 用户运营 --no-input", new, new_ratio, 1.3),
        ("--help", help_, help_ratio, 1.1),
        ("new --role 高级用户运营经理 (free text)", free, free_ratio, 2.0),
        ("new --role 资深直播用户运营（美妆） (direction)", direction, direction_ratio, 1.5),
    ]


if __name__ == "__main__":
    report(measure())
