"""`jdwriter new … --format json` run through the CLI runner, and what tests read from its JSON."""

from __future__ import annotations

import json

from jdwriter.cli import app


def new(runner, title: str, *args: str) -> dict:
    result = runner.invoke(app, ["new", "--role", title, "--no-input", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def body(jd: dict) -> str:
    return "\n".join(x for s in jd["sections"] for x in s["items"])


def directions(jd: dict) -> list[str]:
    return [d["id"] for d in jd["directions"]]
