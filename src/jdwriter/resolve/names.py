"""Turn what people type into catalogue ids.

Exact names, ids and aliases are matched without jieba. Only free text (a job title as it appears on a job
board, or everyday words for emphasis) goes through jieba, imported lazily, with a small domain dictionary
built in memory from the catalogue (segmentation itself lives in text.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..catalog.vocabulary import vocabulary
from ..errors import UnknownNameError, UserError
from ..text import WORD_WEIGHT, normalise, segment, split_values

if TYPE_CHECKING:  # annotations only: `check` segments text without paying for the catalogue models
    from ..catalog.model import Catalog, Named

MAX_TITLE = 60
BRACKETS = r"[（(【\[](.*?)[)）】\]]"
SEPARATORS = r"[-—_/|\\·•:：,，、+＋\s]+"

# Tables per catalogue, built once: batch resolves thousands of rows against the same catalogue.
# The owner itself is kept in the value so its id() cannot be reused while the entry exists.
# Bounded (least recently used first out), so a long-lived process that loads many catalogues keeps
# only the last few alive.
_CACHE: OrderedDict[tuple[int, str], tuple[object, Any]] = OrderedDict()
_CACHE_SIZE = 32
T = TypeVar("T")


def _cached(owner: object, kind: str, build: Callable[[], T]) -> T:
    key = (id(owner), kind)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not owner:
        hit = _CACHE[key] = (owner, build())
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return cast(T, hit[1])


def _index(entries: Sequence[Named], kind: str = "names") -> dict[str, str]:
    """normalised id/name/alias (or, for kind="keywords", duty keyword) → id."""

    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        for entry in entries:
            words = (
                getattr(entry, "keywords", [])
                if kind == "keywords"
                else (entry.id, entry.name, *entry.aliases)
            )
            for word in words:
                table.setdefault(normalise(word), entry.id)
        return table

    return _cached(entries, kind, build)


def suggest(value: str, entries: Sequence[Named], n: int = 5) -> list[str]:
    """The closest Chinese names to what was typed: shared characters first, then spelling distance."""
    import difflib
    import heapq

    key = normalise(value)[:MAX_TITLE]  # difflib is quadratic: compare what a person could have meant
    matcher = difflib.SequenceMatcher(None, key, "")
    scored: list[tuple[float, int, str]] = []
    top: list[float] = []  # the n best scores so far (a min-heap): a word that cannot reach them is skipped
    for order, (name, words) in enumerate(_spellings(entries)):
        best = 0.0
        for w in words:
            matcher.set_seq2(w)  # catalogue words are short: indexing each is cheap
            bonus = 0.5 if key and (key in w or w in key) else 0.0
            if len(top) == n and (
                matcher.real_quick_ratio() + bonus < top[0] or matcher.quick_ratio() + bonus < top[0]
            ):
                continue  # both are upper bounds on ratio(): this word cannot lift its entry into the n best
            best = max(best, matcher.ratio() + bonus)
        scored.append((-best, order, name))
        if len(top) < n:
            heapq.heappush(top, best)
        elif best > top[0]:
            heapq.heapreplace(top, best)
    scored.sort()
    return [name for score, _, name in scored[:n] if -score >= 0.2] or [e.name for e in entries[:n]]


def _spellings(entries: Sequence[Named]) -> list[tuple[str, tuple[str, ...]]]:
    """Each entry's name with its normalised name, id and aliases, for suggest()."""
    return _cached(
        entries,
        "spellings",
        lambda: [(e.name, tuple(normalise(w) for w in (e.name, e.id, *e.aliases))) for e in entries],
    )


def resolve_exact(value: str, entries: Sequence[Named], kind: str) -> str:
    """An id, Chinese name or alias → id, or UnknownNameError with the closest names."""
    found = _index(entries).get(normalise(value))
    if found is None:
        if not value.strip():
            raise UserError(f"{kind}不能为空，可选：{'、'.join(e.name for e in entries[:8])}。")
        raise UnknownNameError(kind, value.strip(), suggest(value, entries))
    return found


def resolve_level(value: str, catalog: Catalog) -> str:
    return resolve_exact(value, catalog.levels, "级别")


def resolve_industry(value: str, catalog: Catalog) -> str:
    return resolve_exact(value, catalog.industries, "行业")


def resolve_emphasis(values: Iterable[str], catalog: Catalog) -> list[str]:
    """Duty ids for --emphasis values: ids, names, aliases, or everyday words such as 拉新 or 复盘."""
    exact = _index(catalog.duties)
    keyword_index = _index(catalog.duties, "keywords")
    out: list[str] = []
    for value in split_values(values):
        if len(value) > MAX_TITLE:
            raise UserError(
                f"职责侧重「{value[:20]}…」太长（{len(value)} 个字），请写职责名或关键词，例如 拉新、复盘。"
            )
        key = normalise(value)
        found = exact.get(key) or keyword_index.get(key)
        if found is None:
            found = _emphasis_from_words(key, catalog, exact, keyword_index)
        if found is None:
            raise UnknownNameError(
                "职责侧重", value, suggest(value, catalog.duties), "jdwriter list duties 可查看全部"
            )
        out += [f for f in found.split(",") if f not in out]
    return out


def _emphasis_from_words(
    key: str, catalog: Catalog, exact: dict[str, str], keywords: dict[str, str]
) -> str | None:
    """重点是拉新和数据分析 → user_growth,data_analysis (in the order written)."""
    found: list[str] = []
    for token in segment(key, _duty_vocabulary(catalog)):
        duty = exact.get(token) or keywords.get(token)
        if duty and duty not in found:
            found.append(duty)
    return ",".join(found) or None


# --- jieba, lazily -----------------------------------------------------------------------------------

LEVEL_WEIGHT = 40_000


def _duty_vocabulary(catalog: Catalog) -> tuple[tuple[str, int], ...]:
    def build() -> tuple[tuple[str, int], ...]:
        words = [
            (normalise(w), WORD_WEIGHT) for d in catalog.duties for w in (d.name, *d.aliases, *d.keywords)
        ]
        return tuple(words) + tuple((w, LEVEL_WEIGHT) for w, _ in vocabulary().title.level_words)

    return _cached(catalog, "duty words", build)
