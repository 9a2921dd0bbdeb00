"""Seeded random inputs for the property tests: small, deterministic and fast to import.

Each test draws its examples from its own seed (the test's name), so a failure names the example and
reproduces on every run and machine. Set JDWRITER_FUZZ_SEED to any other value to explore new examples;
the failing example is printed in the assertion message either way.

The draws lean toward what breaks text code: empty and one-character strings, CJK next to ASCII, full-width
forms, every kind of space and line break, control and format characters, combining marks, characters
outside the BMP, and the words the code under test reacts to.
"""

from __future__ import annotations

import os
import random
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

_RANGES = (
    (0x20, 0x7E),  # printable ASCII
    (0x4E00, 0x9FFF),  # CJK
    (0xFF01, 0xFF5E),  # full-width forms
    (0x3000, 0x303F),  # CJK punctuation
    (0x00A0, 0x024F),  # Latin-1 and Latin Extended
    (0x0300, 0x036F),  # combining marks
    (0x2000, 0x206F),  # general punctuation: spaces, zero-width, bidi controls, line/paragraph separators
    (0x0000, 0x001F),  # C0 controls, with \t \n \r
    (0x007F, 0x009F),  # DEL and C1 controls
    (0x2460, 0x24FF),  # enclosed numbers: ① ⑳
    (0x1F300, 0x1F6FF),  # emoji, outside the BMP
    (0xE000, 0xE0FF),  # private use
)
_SPECIAL = "\n\r\t \u3000\xa0\ufeff\u200b\u2028\u00ad\u0301\x1b\x07\x00"


def seed_for(name: str) -> int:
    """The test's own seed, or JDWRITER_FUZZ_SEED mixed with the name when set."""
    return zlib.crc32((os.environ.get("JDWRITER_FUZZ_SEED", "") + name).encode())


def examples(name: str, draw: Callable[[random.Random], Any], count: int) -> Iterator[Any]:
    """``count`` examples for the test ``name``, the same ones on every run."""
    rng = random.Random(seed_for(name))
    for _ in range(count):
        yield draw(rng)


def char(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(_SPECIAL)
    low, high = rng.choice(_RANGES)
    return chr(rng.randint(low, high))


def size(rng: random.Random, most: int) -> int:
    """Small sizes often (empty, one), the largest sometimes, anything in between otherwise."""
    roll = rng.random()
    if roll < 0.1:
        return 0
    if roll < 0.2:
        return 1
    if roll < 0.3:
        return most
    return rng.randint(0, most)


def text(rng: random.Random, most: int, alphabet: Sequence[str] | None = None) -> str:
    """A string of up to ``most`` characters, from ``alphabet`` or from any of the ranges above."""
    n = size(rng, most)
    if alphabet is not None:
        return "".join(rng.choice(alphabet) for _ in range(n))
    return "".join(char(rng) for _ in range(n))


def one_of(rng: random.Random, *draws: Callable[[random.Random], Any]) -> Any:
    return rng.choice(draws)(rng)


def pieces(rng: random.Random, words: Sequence[str], most: int, noise: int = 8) -> str:
    """Up to ``most`` pieces joined: each a word from ``words`` or a short random string."""
    return "".join(
        rng.choice(words) if rng.random() < 0.7 else text(rng, noise) for _ in range(size(rng, most))
    )


def integer(rng: random.Random) -> int:
    return rng.choice([0, 1, -1, 2**31, -(2**63), 10**20, rng.randint(-1000, 1000)])


def scalar(rng: random.Random) -> Any:
    return rng.choice(
        [
            None,
            True,
            False,
            integer(rng),
            rng.choice([0.0, -0.5, 1e308, float("inf"), float("nan")]),
            text(rng, 20),
        ]
    )


def nested(rng: random.Random, keys: Sequence[str], leaves: int = 20, depth: int = 4) -> Any:
    """A YAML-like document: scalars, lists and mappings with keys drawn mostly from ``keys``."""
    budget = [leaves]

    def node(level: int) -> Any:
        roll = rng.random()
        if level >= depth or budget[0] <= 0 or roll < 0.35:
            budget[0] -= 1
            return scalar(rng)
        if roll < 0.6:
            return [node(level + 1) for _ in range(rng.randint(0, 4))]
        out: dict[Any, Any] = {}
        for _ in range(rng.randint(0, 5)):
            key = rng.choice(keys) if rng.random() < 0.85 else scalar(rng)
            out[key] = node(level + 1)
        return out

    return node(0)
