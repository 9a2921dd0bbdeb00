"""The punctuation a job title is read by: brackets, a dashed tail, and which characters are Chinese. Shared by
the noise reader (noise.py), the printed-title tidying (tidy.py) and the title reading; imports nothing."""

from __future__ import annotations

import re

BRACKET = re.compile(r"[（(【\[]([^（()）【】\[\]]*)[)）】\]]")
DASH_TAIL = re.compile(r"\s*[-—]\s*([^-—]+)$")


def cjk(char: str) -> bool:
    """A Chinese character (loops over this beat a CJK range in a regular expression, compiled on every run)."""
    return "\u4e00" <= char <= "\u9fff"
