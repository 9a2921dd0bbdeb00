"""English job titles (Community Operations Manager) read through their Chinese words (vocabulary title.english)."""

from __future__ import annotations

import re
from functools import cache

from ..catalog.vocabulary import vocabulary
from ..text import HAN


def from_english(title: str) -> str | None:
    """The title with its English words put into Chinese (vocabulary title.english), or None when it names no
    operations job in English (Product Manager, or a Chinese title with an English brand such as TikTok)."""
    text = title.casefold()
    pairs = _english()
    if not any("运营" in zh and pattern.search(text) for pattern, zh in pairs):
        return None
    for pattern, zh in pairs:
        text = pattern.sub(f" {zh} ", text)
    text = re.sub(rf"\s*({HAN}|[（）()])\s*", r"\1", text)  # no spaces around Chinese words
    return " ".join(text.split())


# 美团策略与流程运营 strategy and process operation: an English phrase after a Chinese title that repeats it
_GLOSS = re.compile(rf"(.*{HAN}[^A-Za-z]*?)\s+([A-Za-z][A-Za-z&/,.\- ]*[A-Za-z])")


def without_gloss(title: str) -> str | None:
    """The Chinese title before a trailing English gloss of two or more words that names an operations job
    (电商运营 Amazon FBA keeps its English: it names no such job), or None."""
    found = _GLOSS.fullmatch(title.strip())
    if not found or len(found.group(2).split()) < 2 or "运营" not in found.group(1):
        return None
    return found.group(1).strip() if from_english(found.group(2)) is not None else None


@cache
def _english() -> list[tuple[re.Pattern[str], str]]:
    """The English words of the vocabulary as whole-word patterns, longest first, compiled once."""
    pairs = sorted(vocabulary().title.english, key=lambda p: -len(p[0]))
    return [(re.compile(rf"(?<![a-z]){re.escape(en)}(?![a-z])"), zh) for en, zh in pairs]
