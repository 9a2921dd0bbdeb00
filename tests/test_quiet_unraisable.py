"""An interrupted batch may leave an object whose finaliser raises (python-docx's ZipFile after Ctrl-C); Python
prints that as a traceback at exit. jdwriter's entry point drops such reports unless JDWRITER_DEBUG is set
(a CI run of the SIGINT test showed 「Exception ignored in: <function ZipFile.__del__> Traceback…」)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from jdwriter.cli import quiet_unraisable
quiet_unraisable()
class Broken:
    def __del__(self):
        raise ValueError("closed file")
Broken()
print("done")
"""


def _run(env_debug: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "JDWRITER_DEBUG": env_debug}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )


def test_a_finaliser_error_prints_no_traceback():
    result = _run("")
    assert result.stdout.strip() == "done"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_debugging_keeps_pythons_report():
    assert "Exception ignored" in _run("1").stderr
