"""The same requests give byte-identical outputs unless a commit means to change them (tests/golden)."""

from __future__ import annotations

import json

from .golden.requests import OUTPUTS, outputs


def test_fixed_requests_give_the_recorded_outputs() -> None:
    recorded = json.loads(OUTPUTS.read_text(encoding="utf-8"))
    now = outputs()
    changed = sorted(k for k in recorded if now.get(k) != recorded[k])
    assert set(now) == set(recorded)
    assert changed == [], f"these outputs changed: {changed[:10]}"
