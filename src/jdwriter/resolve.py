"""Turn what people type into catalogue ids.

Exact names, ids and aliases are matched without jieba. Only free text (a job title as it appears on a job
board, or everyday words for emphasis) goes through jieba, imported lazily, with a small domain dictionary
built in memory from the catalogue: no 350k-word default dictionary, no cache file, no log lines.
This is the only module that imports jieba.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import UnknownNameError, UserError

if TYPE_CHECKING:  # annotations only: `check` segments text without paying for the catalogue models
    from .catalog import Catalog, Named

MAX_TITLE = 60  # the longest real job-board titles are ~30 characters
SPLIT = re.compile(r"[,，、;；]+")
# A level word inside a title. Order matters: a noun (经理) beats an adjective (高级) in 高级用户运营经理.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("实习生", "intern"), ("实习", "intern"),
    ("总监", "director"), ("负责人", "director"), ("head", "director"),
    ("经理", "manager"), ("主管", "senior"), ("组长", "senior"),
    ("专员", "specialist"), ("助理", "specialist"),
    ("高级", "senior"), ("资深", "senior"), ("初级", "specialist"),
)
NOISE = ("急招", "诚聘", "招聘", "岗位", "职位", "方向", "岗", "兼职", "全职", "校招", "社招")
OPS_HINTS = ("运营", "策划", "推广", "增长", "社群", "社区", "私域", "新媒体", "电商", "商务", "会员", "渠道")


def normalise(text: str) -> str:
    """Full-width to half-width, case folded, inner spaces removed: what two spellings share."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


# Lookup tables per catalogue list, built once: batch resolves thousands of rows against the same lists.
# The list itself is kept in the value so its id() cannot be reused while the entry exists.
_TABLES: dict[tuple[int, str], tuple[object, dict[str, str]]] = {}


def _index(entries: Sequence[Named], kind: str = "names") -> dict[str, str]:
    """normalised id/name/alias (or, for kind="keywords", duty keyword) → id."""
    key = (id(entries), kind)
    cached = _TABLES.get(key)
    if cached is not None and cached[0] is entries:
        return cached[1]
    table: dict[str, str] = {}
    for entry in entries:
        words = getattr(entry, "keywords", []) if kind == "keywords" else (entry.id, entry.name, *entry.aliases)
        for word in words:
            table.setdefault(normalise(word), entry.id)
    _TABLES[key] = (entries, table)
    return table


def suggest(value: str, entries: Sequence[Named], n: int = 5) -> list[str]:
    """The closest Chinese names to what was typed: shared characters first, then spelling distance."""
    import difflib

    key = normalise(value)
    scored: list[tuple[float, int, str]] = []
    for order, entry in enumerate(entries):
        best = 0.0
        for word in (entry.name, entry.id, *entry.aliases):
            w = normalise(word)
            ratio = difflib.SequenceMatcher(None, key, w).ratio()
            if key and (key in w or w in key):
                ratio += 0.5
            best = max(best, ratio)
        scored.append((-best, order, entry.name))
    scored.sort()
    return [name for score, _, name in scored[:n] if -score >= 0.2] or [e.name for e in entries[:n]]


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


@dataclass(frozen=True)
class RoleMatch:
    """What a typed title resolved to. ``note`` explains a guess, for stderr; None for an exact match."""

    role: str
    level: str | None = None
    note: str | None = None


def split_values(values: Iterable[str]) -> list[str]:
    """--emphasis a,b --emphasis c；d → [a, b, c, d]."""
    return [part.strip() for value in values for part in SPLIT.split(value) if part.strip()]


def resolve_role(text: str, catalog: Catalog) -> RoleMatch:
    """A role name, alias or a free job title such as 高级用户运营经理（会员方向）."""
    exact = _index(catalog.roles).get(normalise(text))
    if exact:
        return RoleMatch(exact)
    if not text.strip():
        raise UserError(f"岗位不能为空，可选：{'、'.join(r.name for r in catalog.roles)}。")
    if len(text) > MAX_TITLE:
        raise UserError(f"岗位名称太长（{len(text)} 个字符，上限 {MAX_TITLE}）；请写职位名称，例如 高级用户运营经理。")
    cleaned = normalise(text)[:200]
    cleaned = re.sub(r"[（(【\[].*?[)）】\]]", "", cleaned)
    parts = [p for p in re.split(r"[-—_/|\\·•:：,，、\s]+", cleaned) if p]
    level = _level_in(cleaned)
    for part in parts or [cleaned]:
        core = _strip_words(part)
        found = _index(catalog.roles).get(core) if core else None
        if found:
            return RoleMatch(found, level)
    return _free_text_role(cleaned, parts, level, catalog, text)


def _level_in(text: str) -> str | None:
    for word, level in LEVEL_WORDS:
        if word in text:
            return level
    return None


def _strip_words(text: str) -> str:
    for word, _ in LEVEL_WORDS:
        text = text.replace(word, "")
    for word in NOISE:
        text = text.replace(word, "")
    return text


def _free_text_role(cleaned: str, parts: list[str], level: str | None, catalog: Catalog, raw: str) -> RoleMatch:
    core = _strip_words("".join(parts)) or cleaned
    tokens = segment(core, _role_vocabulary(catalog))
    scores: list[tuple[int, int, str, list[str]]] = []
    for order, role in enumerate(catalog.roles):
        score, why = 0, []
        names = {normalise(w) for w in (role.name, *role.aliases)}
        keywords = {normalise(w) for w in role.keywords}
        first_duties = [catalog.duty_by_id[d] for d in role.duties[:4]]
        duty_words = {normalise(w) for d in first_duties for w in (d.name, *d.aliases, *d.keywords)}
        for token in tokens:
            weight = 10 if token in names else 4 if token in keywords else 0
            if not weight and token in duty_words and len(token) > 1:
                weight = 1
            if weight:
                score += weight
                why.append(token)
        scores.append((-score, order, role.id, why))
    scores.sort()
    best_score, _, best, why = scores[0]
    is_ops = any(h in cleaned for h in OPS_HINTS)
    typo = _near_role_name(core, catalog)
    generic_only = set(why) <= {"运营"}
    if best_score == 0 or not (is_ops or -best_score >= 4) or (generic_only and typo):
        covered = "、".join(r.name for r in catalog.roles)
        shown = raw.strip()[:40]
        if typo:
            raise UnknownNameError("岗位", shown, typo, f"jdwriter 支持：{covered}")
        raise UserError(f"「{shown}」不是我们覆盖的运营岗位。jdwriter 支持：{covered}；请改用其中之一。")
    name = catalog.role_by_id[best].name
    reason = "、".join(dict.fromkeys(why)) if why else "运营"
    runner = scores[1]
    close = runner[0] != 0 and runner[0] - best_score <= 2
    extra = f"（也可能是「{catalog.role_by_id[runner[2]].name}」）" if close else ""
    note = f"按「{name}」生成（依据：{reason}）{extra}"  # each caller says how to ask for another role
    return RoleMatch(best, level, note)


def _near_role_name(text: str, catalog: Catalog) -> list[str]:
    """Role names that look like a typo of ``text`` (用护运营 → 用户运营, userops → 用户运营)."""
    import difflib

    out = []
    for role in catalog.roles:
        words = [normalise(w) for w in (role.name, role.id, role.id.replace("_", ""), *role.aliases)]
        if max(difflib.SequenceMatcher(None, text, w).ratio() for w in words) >= 0.7:
            out.append(role.name)
    return out


def resolve_emphasis(values: Iterable[str], catalog: Catalog) -> list[str]:
    """Duty ids for --emphasis values: ids, names, aliases, or everyday words such as 拉新 or 复盘."""
    exact = _index(catalog.duties)
    keyword_index = _index(catalog.duties, "keywords")
    out: list[str] = []
    for value in split_values(values):
        key = normalise(value)
        found = exact.get(key) or keyword_index.get(key)
        if found is None:
            found = _emphasis_from_words(key, catalog, exact, keyword_index)
        if found is None:
            raise UnknownNameError("职责侧重", value, suggest(value, catalog.duties), "jdwriter list duties 可查看全部")
        out += [f for f in found.split(",") if f not in out]
    return out


def _emphasis_from_words(key: str, catalog: Catalog, exact: dict[str, str], keywords: dict[str, str]) -> str | None:
    """重点是拉新和数据分析 → user_growth,data_analysis (in the order written)."""
    found: list[str] = []
    for token in segment(key, _duty_vocabulary(catalog)):
        duty = exact.get(token) or keywords.get(token)
        if duty and duty not in found:
            found.append(duty)
    return ",".join(found) or None


# --- jieba, lazily -----------------------------------------------------------------------------------

ROLE_WEIGHT = 50_000
LEVEL_WEIGHT = 40_000
WORD_WEIGHT = 10_000


def _role_vocabulary(catalog: Catalog) -> tuple[tuple[str, int], ...]:
    words = [(normalise(w), ROLE_WEIGHT) for r in catalog.roles for w in (r.name, *r.aliases)]
    words += [(normalise(w), WORD_WEIGHT) for r in catalog.roles for w in r.keywords]
    return tuple(words) + _duty_vocabulary(catalog)


def _duty_vocabulary(catalog: Catalog) -> tuple[tuple[str, int], ...]:
    words = [(normalise(w), WORD_WEIGHT) for d in catalog.duties for w in (d.name, *d.aliases, *d.keywords)]
    words += [(w, LEVEL_WEIGHT) for w, _ in LEVEL_WORDS]
    return tuple(words)


def segment(text: str, vocabulary: Iterable[tuple[str, int] | str] = ()) -> list[str]:
    """Split Chinese text into words, using a small in-memory dictionary (``(word, weight)`` or words)."""
    words = tuple((w, WORD_WEIGHT) if isinstance(w, str) else w for w in vocabulary)
    tokens: list[str] = _tokenizer(words).lcut(text, HMM=False)
    return tokens


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
    return tk


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


_MISSING = object()
