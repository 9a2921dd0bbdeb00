"""`jdwriter batch`: command-line wrapper (kept thin; the logic lives in batch.py)."""

from __future__ import annotations

from .cli import app, handled, say  # noqa: F401
