"""The README shows real output: its `jdwriter new` example is what the command prints today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from jdwriter.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_new_example_is_real_output(runner):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ (jdwriter new [^\n]*--no-input)\n(.*?)```", text, flags=re.S)
    assert block, "the README shows a `jdwriter new … --no-input` example"
    args = shlex.split(block.group(1))[1:]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout == block.group(2)
