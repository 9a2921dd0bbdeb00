"""Text primitives shared by resolve and check: normalisation and jieba segmentation.

jieba is imported lazily, with a small in-memory dictionary built from our own vocabulary: no 350k-word
default dictionary, no cache file, no log lines. This is the only module that imports jieba.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

SPLIT = re.compile(r"[,，、;；]+")
WORD_WEIGHT = 10_000
LONG_TEXT = (
    256  # longer texts (check hands over chunks of 2,000) are cut block by block, each distinct block once
)
MAX_BLOCKS = 50_000
# A Chinese character in a regular expression: any word character that is not a digit, an underscore or an
# ASCII letter. In folded job titles that is a Han character (full-width letters are folded to ASCII); the
# range \u3400-\u9fff would say it exactly, but each class with it costs about 1.5 ms to compile (sre walks
# the 20,000 code points into a bitmap), and the title reader compiles about ten such classes on every run.
HAN = r"[^\W\d_A-Za-z]"
# Where CJK meets anything else (执行|2): compiled with the tokenizer, since a CJK range costs about a
# millisecond to compile and only the jieba path needs it.
_CJK_THEN_OTHER = r"(?<=[\u4e00-\u9fd5])(?=[^\u4e00-\u9fd5])"


def normalise(text: str) -> str:
    """Full-width to half-width, case folded, inner spaces removed: what two spellings share."""
    folded = unicodedata.normalize("NFKC", text)
    if " " in folded or not folded.isprintable():  # most catalogue words have no space: skip the split
        folded = "".join(folded.split())
    return folded.casefold()


def split_values(values: Iterable[str]) -> list[str]:
    """--emphasis a,b --emphasis c；d → [a, b, c, d]."""
    return [part.strip() for value in values for part in SPLIT.split(value) if part.strip()]


def segment(text: str, vocabulary: Iterable[tuple[str, int] | str] = ()) -> list[str]:
    """Split Chinese text into words, using a small in-memory dictionary (``(word, weight)`` or words)."""
    tk = _tokenizer(_weighted(vocabulary if isinstance(vocabulary, tuple) else tuple(vocabulary)))
    if len(text) < LONG_TEXT:
        tokens: list[str] = tk.lcut(text, HMM=False)
        return tokens
    # jieba cuts a text block by block (runs of CJK, letters and digits, and what lies between), and each
    # block's words depend on that block alone; long texts repeat blocks (list items, boilerplate), so
    # each distinct block is cut once. Same words as one lcut, in a fraction of the time on a 1 MB page.
    # Inside a block, a place where CJK meets a letter or digit (执行|2) is a boundary too when no dictionary
    # word crosses such a place: jieba's best route then splits there anyway (the two sides are scored
    # independently), and a letter/digit run starts after a CJK word either way.
    memo: dict[str, list[str]] = tk.jdwriter_blocks
    out: list[str] = []
    for block in tk.jdwriter_split(text):
        if not block:
            continue
        pieces = (
            tk.jdwriter_cjk_edge.split(block) if tk.jdwriter_cjk_edge_free and len(block) > 1 else [block]
        )
        for piece in pieces:
            cut = memo.get(piece)
            if cut is None and piece.isascii() and piece.isalnum():
                # A run of letters and digits no dictionary word lies in is one word in jieba (it joins
                # single ASCII characters); 18,000 distinct item numbers then cost no jieba call each.
                ascii_words = tk.jdwriter_ascii_words
                if ascii_words is None or not ascii_words.search(piece):
                    out.append(piece)
                    continue
            if cut is None:
                if len(memo) > MAX_BLOCKS:
                    memo.clear()
                cut = memo[piece] = tk.lcut(piece, HMM=False)
            out += cut
    return out


@lru_cache(maxsize=8)
def _weighted(vocabulary: tuple[tuple[str, int] | str, ...]) -> tuple[tuple[str, int], ...]:
    """``(word, weight)`` pairs, a bare word weighing WORD_WEIGHT; once per vocabulary, not once per text."""
    return tuple((w, WORD_WEIGHT) if isinstance(w, str) else w for w in vocabulary)


@lru_cache(maxsize=8)
def _tokenizer(words: tuple[tuple[str, int], ...]) -> Any:
    jieba = _import_jieba()
    tk = jieba.Tokenizer(dictionary=None)
    freq: dict[str, int] = {}
    for word, weight in words:
        # A word with "/" or a space would never be matched whole (jieba splits on them first).
        if word and not re.search(r"[\s/]", word):
            freq[word] = max(freq.get(word, 0), weight)
    for word in list(freq):
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    tk.FREQ, tk.total = freq, max(1, sum(freq.values()))
    tk.initialized = True  # built in memory: jieba never reads its default dictionary or writes a cache
    tk.jdwriter_blocks = {}
    tk.jdwriter_cjk_edge = edge = re.compile(_CJK_THEN_OTHER)
    tk.jdwriter_cjk_edge_free = not any(edge.search(w) for w, f in freq.items() if f)
    ascii_words = sorted(
        (w for w, f in freq.items() if f and len(w) > 1 and w.isascii() and w.isalnum()), key=len
    )
    tk.jdwriter_ascii_words = re.compile("|".join(map(re.escape, ascii_words))) if ascii_words else None
    tk.jdwriter_split = jieba.re_han_default.split  # the block boundaries jieba's own cut() uses
    return tk


_MISSING = object()


def _import_jieba() -> Any:
    import logging

    # jieba imports pkg_resources when it can (~65 ms and a deprecation warning); its fallback is fine.
    saved = sys.modules.get("pkg_resources", _MISSING)
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if saved is _MISSING:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = saved  # type: ignore[assignment]
    jieba.setLogLevel(logging.CRITICAL)
    return jieba
