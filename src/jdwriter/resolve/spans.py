"""Spans of catalogue words in a folded title: non-overlapping, longest first, Latin words standing alone."""

from __future__ import annotations

from .lexicon import lexicon

Span = tuple[int, int, str]  # start, end and the id of the catalogue word found there


def find_spans(text: str, table: list[tuple[str, str]]) -> list[Span]:
    """Non-overlapping matches of (word, id) pairs, longest words first."""
    found: list[Span] = []
    for word, ident in table:
        start = 0
        while (at := text.find(word, start)) >= 0:
            span = (at, at + len(word))
            if latin_glued(text, span, word):
                start = at + 1
                continue
            if not overlaps((*span, ident), [(s, e) for s, e, _ in found]):
                found.append((*span, ident))
            start = at + len(word)
    return found


def latin_glued(text: str, span: tuple[int, int], word: str = "") -> bool:
    """A word whose Latin edge runs on into a longer Latin word is not that word: seo in seoul, ip运营 in
    vip运营. ``word`` (when given) says which edges are Latin; without it both are checked."""
    before = text[span[0] - 1] if span[0] > 0 else ""
    after = text[span[1]] if span[1] < len(text) else ""
    head = not word or _latin(word[0])
    tail = not word or _latin(word[-1])
    return head and _latin(before) or tail and _latin(after)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def overlaps(span: Span | tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def before_side_duty(folded: str, end: int, covered: list[tuple[int, int]]) -> int:
    """账号矩阵运营兼数据整理: where the job proper ends when 兼 follows a named job (what follows is a side
    duty); ``end`` otherwise."""
    side = folded.find("兼", 0, end)
    return side if side > 0 and any(e <= side for _, e in covered) else end


def head_rank(span: tuple[int, int, str], main_end: int) -> int:
    """Chinese titles are head-final: in 游戏主播运营 the job is 主播运营, in a game. The match closest to
    the end of the title proper ranks first; matches inside brackets rank after all of those."""
    start, end, _ = span
    return end if end <= main_end else -1000 + end


def by_rank(spans: list[Span], main_end: int) -> list[Span]:
    """Direction spans, the head first; one that says only where (海外, 全球版) after those that say what
    (王者荣耀全球版-社区运营 is community work, abroad)."""
    kept = lexicon().kept_directions
    return sorted(spans, key=lambda x: (x[2] in kept, -head_rank(x, main_end)))
