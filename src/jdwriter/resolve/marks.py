"""The punctuation a job title is read by: brackets, a dashed tail, and which characters are Chinese. Shared by
the noise reader (noise.py), the printed-title tidying (tidy.py) and the title reading; imports nothing."""

from __future__ import annotations

import re

BRACKET = re.compile(r"[（(【\[]([^（()）【】\[\]]*)[)）】\]]")
DASH_TAIL = re.compile(r"\s*[-—]\s*([^-—]+)$")


def cjk(char: str) -> bool:
    """A Chinese character (loops over this beat a CJK range in a regular expression, compiled on every run)."""
    return "\u4e00" <= char <= "\u9fff"


class LazyPattern:
    """A regular expression compiled on first use: a title with no digit never needs the salary or code
    patterns, and compiling them costs a cold start milliseconds."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return self._compiled

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count=count)

    def search(self, string: str) -> re.Match[str] | None:
        return self.compiled.search(string)

    def fullmatch(self, string: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(string)


def has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)
