"""Benchmarks leave nothing in the temp folder: their own files and their commands' temp files go into one
scratch folder, removed at exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
import common
assert common.floor_script().exists()
writer = "import pathlib, tempfile; pathlib.Path(tempfile.gettempdir(), 'left.txt').write_text('x')"
common.time_cmd([sys.executable, "-c", writer], runs=1, warmup=False)
assert (common.scratch() / "left.txt").exists()
"""


def test_benchmark_files_are_removed_at_exit(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    subprocess.run([sys.executable, "-c", PROBE, str(BENCHMARKS)], env=env, check=True)
    assert list(tmpdir.iterdir()) == []
