"""Shared timing helpers for the benchmark scripts.

Every figure is a ratio against a reference measured in the same run on the same machine, so the numbers
mean the same on a fast laptop and a slow CI box. Each command runs in a fresh process (that is what a user
pays for), a few times, and the median is kept.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

FLOOR_APP = """
import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    Console().print(f"Hello {name}")


if __name__ == "__main__":
    app()
"""


@functools.cache
def scratch() -> Path:
    """One folder for everything a benchmark writes, its own files and (as their TMPDIR) those of the commands
    it times; removed when the benchmark exits, so benchmarks leave nothing in /tmp."""
    path = Path(tempfile.mkdtemp(prefix="jdwriter-bench-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def floor_script() -> Path:
    """A minimal Typer + Rich app: the start-up floor for our stack."""
    path = scratch() / "floor.py"
    path.write_text(FLOOR_APP, encoding="utf-8")
    return path


def jdwriter_cmd() -> list[str]:
    """Run the installed console script if there is one beside this Python, else `python -m jdwriter`."""
    script = Path(sys.executable).with_name("jdwriter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jdwriter"]


def _bench_env() -> dict[str, str]:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "0", "TMPDIR": str(scratch())}


def run_once(
    cmd: list[str], env: dict[str, str], stdin: bytes | None = None, cwd: str | None = None
) -> float:
    """Wall seconds of one fresh process (output thrown away; a failure stops the benchmark)."""
    start = time.perf_counter()
    subprocess.run(
        cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd=cwd
    )
    return time.perf_counter() - start


def time_cmd(
    cmd: list[str], runs: int = 7, stdin: bytes | None = None, cwd: str | None = None, warmup: bool = True
) -> float:
    """Median wall time in seconds of ``runs`` fresh processes (after one warm-up run for the OS cache)."""
    env = _bench_env()
    if warmup:
        run_once(cmd, env, stdin, cwd)
    return statistics.median(run_once(cmd, env, stdin, cwd) for _ in range(runs))


def paired(cmd: list[str], reference: list[str], runs: int = 7) -> tuple[float, float]:
    """(median seconds of ``cmd``, median of the per-pair ratios cmd/reference), the two run in turn: on a
    machine whose speed drifts (a shared VM), a pair sees the same drift, so the ratio is stable where two
    separate medians are not."""
    env = _bench_env()
    run_once(cmd, env), run_once(reference, env)  # warm-up for the OS cache
    pairs = [(run_once(cmd, env), run_once(reference, env)) for _ in range(runs)]
    return statistics.median(a for a, _ in pairs), statistics.median(a / b for a, b in pairs)


def floor_times(runs: int = 7) -> tuple[float, float]:
    """(run, --help) of the floor app."""
    script = str(floor_script())
    return time_cmd([sys.executable, script], runs), time_cmd([sys.executable, script, "--help"], runs)


def cells(text: str) -> int:
    """Terminal cells a string takes: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def report(rows: list[tuple[str, float, float, float]]) -> None:
    """Print name, seconds, ratio and target; a ratio above its target is marked."""
    width = max(cells(name) for name, *_ in rows) + 2
    print(f"{pad('benchmark', width)} {'seconds':>8} {'ratio':>7} {'target':>7}")
    for name, seconds, ratio, target in rows:
        mark = "" if ratio <= target else "  <-- over target"
        shown = f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"
        print(f"{pad(name, width)} {seconds:>8.3f} {shown:>6}x {target:>6.1f}x{mark}")


def which_python() -> str:
    return shutil.which("python3") or sys.executable
