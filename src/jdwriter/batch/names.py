"""Output file names: 007-用户运营经理.md, one harmless file-name component per title."""

from __future__ import annotations

import re
import unicodedata

NAME_CHARS, NAME_BYTES = 60, 150  # file systems allow 255 bytes; a Chinese character takes 3

_UNSAFE = set('/\\:*?"<>|')


def safe_name(title: str) -> str:
    """A title as one harmless file-name component: no separators, no .., no control characters."""
    text = "".join(_safe_char(c) for c in unicodedata.normalize("NFC", title))
    text = re.sub(r" +", " ", text)
    text = re.sub(r"[._ ]*_[._ ]*|\.{2,}", lambda m: "_" if "_" in m.group(0) else ".", text)
    text = text.strip(" ._")[:NAME_CHARS]
    while len(text.encode("utf-8")) > NAME_BYTES:
        text = text[:-1]
    return text.rstrip(" .") or "JD"  # Windows drops trailing dots and spaces


def _safe_char(char: str) -> str:
    if char in _UNSAFE:
        return "_"
    kind = unicodedata.category(char)
    if kind == "Zs":  # full-width and no-break spaces read as spaces
        return " "
    return "_" if kind[0] in "CZ" else char  # control, format, line/paragraph separators, surrogates


def target_name(number: int, width: int, title: str, fmt: str) -> str:
    """007-用户运营经理.md: the row number keeps names unique and in sheet order."""
    return f"{number:0{width}d}-{safe_name(title)}.{fmt}"
