"""The quality rules of `jdwriter check`, one function per rule: a missing section, the item count of a
section, too many must-haves, vague items, near-duplicate items, and the length of the whole JD.

Length thresholds (``SHORT``/``LONG``/``BAND`` in data/check_layout.yaml ``limits``) are explained in
check.engine's docstring.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise

from .layout import SECTION_NAMES, Item, Section, data
from .report import Doc, Finding
from .rules import rules, words

_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[a-z0-9]+")
_PREFERENCE = re.compile(r"优先|加分|更佳|为佳|更好|plus")


def quality(doc: Doc, sections: list[Section], tokens: list[list[str]]) -> list[Finding]:
    """Every quality finding of one JD."""
    out = _missing(doc, sections)
    out += _counts(doc, sections)
    out += _must_haves(doc, sections)
    for section in sections:
        content = [_content_words(tokens[item.line - 1], item) for item in section.items]
        out += _duplicates(doc, section, content)
        out += _vague(doc, section, content)
    out += _length(doc)
    return out


def _add(
    doc: Doc,
    rule: str,
    line: int,
    message: str,
    span: tuple[int, int] | None = None,
    *,
    severity: str | None = None,
    scope: str = "line",
    suggestion: str | None = None,
) -> Finding:
    start, end = span or (0, len(doc.lines[line - 1]))
    return doc.finding(
        rules()[rule],
        line,
        start,
        end,
        severity=severity,
        message=message,
        scope=scope,
        suggestion=suggestion,
    )


def _missing(doc: Doc, sections: list[Section]) -> list[Finding]:
    """岗位职责 or 任职要求 missing; a 职位描述 section with items counts as duties, and as requirements
    when an item holds a requirement cue (要求, 经验, 本科…)."""
    mixed = [s for s in sections if s.kind == "mixed" and s.items]
    cues = data().requirement_cues
    present = {
        "duties": bool(mixed),
        "requirements": any(any(c in i.text for c in cues) for s in mixed for i in s.items),
    }
    missing = [
        name
        for kind, name in SECTION_NAMES.items()
        if not present[kind] and not any(s.kind == kind for s in sections)
    ]
    return [
        _add(
            doc,
            "structure",
            first_text(doc.lines),
            f"缺少「{name}」部分：候选人需要它来判断自己是否合适。",
            scope="document",
            suggestion=f"补上「{name}」一节，写 3–8 条。",
        )
        for name in missing
    ]


def _counts(doc: Doc, sections: list[Section]) -> list[Finding]:
    """岗位职责 and 任职要求 with fewer than 3 or more than 10 items."""
    limits = data().limits
    out = []
    for kind, name in SECTION_NAMES.items():
        for section in (s for s in sections if s.kind == kind):
            count = len(section.items)
            if limits.min_items <= count <= limits.max_items:
                continue
            few = count < limits.min_items
            advice = "内容太少，说不清这个岗位" if few else "条目太多，候选人抓不住重点"
            tip = f"把「{name}」写到 3–8 条。" if few else f"把「{name}」合并精简到 8 条以内，次要的删去。"
            message = f"「{name}」有 {count} 条，{advice}；建议 3–8 条。"
            out.append(_add(doc, "structure", section.line, message, suggestion=tip))
    return out


def _must_haves(doc: Doc, sections: list[Section]) -> list[Finding]:
    """任职要求 with more must-haves (items without 优先/加分) than ``max_must_haves``."""
    limit = data().limits.max_must_haves
    out = []
    for section in (s for s in sections if s.kind == "requirements"):
        musts = [i for i in section.items if not _PREFERENCE.search(i.text)]
        if len(musts) > limit:
            message = f"「任职要求」有 {len(musts)} 条必备条件，超过 {limit} 条会劝退合适的候选人。"
            out.append(_add(doc, "must-have-overload", section.line, message))
    return out


def _vague(doc: Doc, section: Section, content: list[list[str]]) -> list[Finding]:
    """Items whose words are all filler (负责相关工作, 完成领导交办的其他任务)."""
    filler = words().filler
    return [
        _add(doc, "vague", item.line, "", (item.start, item.end))
        for item, said in zip(section.items, content, strict=True)
        if said and all(w in filler for w in said)
    ]


def _length(doc: Doc) -> list[Finding]:
    """The whole JD outside the band of 字 that reads best (an info), or far outside it (a warning)."""
    limits = data().limits
    count = word_count(doc.lines)
    short, long, band = limits.short, limits.long, limits.band
    if short <= count <= long and band[0] <= count <= band[1]:
        return []
    severe = count < short or count > long
    side = ("偏短" if severe else "略短") if count < band[0] else ("偏长" if severe else "略长")
    if count < band[0]:
        tip = "说不清岗位做什么、要什么样的人" if severe else "可以把职责和要求写得更具体些"
    else:
        tip = "候选人往往读不完" if severe else "可以删去重复或次要的内容"
    message = f"全文约 {count} 字，{side}（读起来最合适的是 {band[0]}–{band[1]} 字），{tip}。"
    severity = None if severe else "info"
    return [_add(doc, "length", first_text(doc.lines), message, severity=severity, scope="document")]


def first_text(lines: list[str]) -> int:
    """The first line with text: document-level findings point there, quoting the JD's title."""
    return next((n for n, line in enumerate(lines, 1) if line.strip()), 1)


def _content_words(tokens: list[str], item: Item) -> list[str]:
    """The words of one item, without punctuation and spaces. Starts at the item's first token (bisect over
    the token offsets), so 25,000 items pasted on one line stay linear."""
    offsets = _offsets(tokens)
    out = []
    for i in range(max(0, bisect_right(offsets, item.start) - 1), len(tokens)):
        pos, token = offsets[i], tokens[i]
        if pos >= item.end:
            break
        if pos >= item.start:
            word = _IS_WORD.get(token)
            if word is None:
                if len(_IS_WORD) > 100_000:
                    _IS_WORD.clear()
                word = _IS_WORD[token] = bool(token.strip()) and not _PUNCT.fullmatch(token)
            if word:
                out.append(token)
    return out


_PUNCT = re.compile(r"[\W_]+")
_IS_WORD: dict[str, bool] = {}  # token → is it a word (not punctuation, not space); tokens repeat a lot


_OFFSETS: dict[int, tuple[list[str], list[int]]] = {}


def _offsets(tokens: list[str]) -> list[int]:
    """Where each token starts; remembered for the last few token lists (one check at a time)."""
    cached = _OFFSETS.get(id(tokens))
    if cached is not None and cached[0] is tokens:
        return cached[1]
    offsets = [0, *accumulate(len(t) for t in tokens)]
    if len(_OFFSETS) > 64:
        _OFFSETS.clear()
    _OFFSETS[id(tokens)] = (tokens, offsets)
    return offsets


def _duplicates(doc: Doc, section: Section, content: list[list[str]]) -> list[Finding]:
    """Items of one section that share most of their words and word pairs (token overlap, Jaccard) with one
    of the ``duplicate_window`` items before them; the earliest such item is named. ``content`` holds the
    content words of each item (_content_words).

    Prefix filtering, as in similarity joins: an item that overlaps this one by the threshold shares at
    least ⌈threshold × size⌉ of its features, so it has one of the (size − that + 1) rarest of them. Only the
    items indexed under those few features are compared, oldest first, so a long list costs what its items
    share, and a list of repeats stops at the first match."""
    out: list[Finding] = []
    limits = data().limits
    threshold = limits.near_duplicate
    postings: dict[str, list[int]] = {}  # feature → the items that have it, in order
    seen: list[set[str]] = []
    for n, (item, said) in enumerate(zip(section.items, content, strict=True)):
        words = [w for w in said if w not in ("的", "和", "与", "及", "等")]
        features = set(words) | {a + "|" + b for a, b in pairwise(words)}
        mine = len(features)
        low = n - limits.duplicate_window  # bounded: no quadratic time on a 1 MB list
        if mine:
            need = max(1, math.ceil(threshold * mine - 1e-6))  # a little low is safe: more candidates
            prefix = sorted(features, key=lambda f: (len(postings.get(f, ())), f))[: mine - need + 1]
            candidates: set[int] = set()
            for feature in prefix:
                having = postings.get(feature, [])
                candidates.update(having[bisect_left(having, low) :])
            for other in sorted(candidates):
                theirs = seen[other]
                both = len(features & theirs)
                overlap = both / (mine + len(theirs) - both)
                if overlap >= threshold:
                    same = "相同" if overlap == 1 else f"几乎相同（重合 {overlap:.0%}）"
                    where = doc.blocks[section.items[other].line - 1].number
                    message = f"这一条与第 {where} {doc.unit}{same}。"
                    out.append(
                        doc.finding(rules()["duplicate"], item.line, item.start, item.end, message=message)
                    )
                    break
        for feature in features:
            postings.setdefault(feature, []).append(n)
        seen.append(features)
    return out


def word_count(lines: list[str]) -> int:
    """字数 as Word and WPS count it: each 汉字 is one, each run of Latin letters or digits is one."""
    from .layout import MARKER

    return sum(len(_WORD.findall(MARKER.sub("", line))) for line in lines)
