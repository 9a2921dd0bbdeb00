"""`jdwriter check`: lint any Chinese JD for illegal requirements and for quality problems.

    report = check_text(read_jd("jd.docx"))   # read_jd: jdwriter.check.input
    report.findings   # [Finding(rule="age", severity="error", line=12, excerpt="35岁以下", ...)]
    report.exit_code  # 1 when an error (or, with strict, a warning) was found

The text is read, folded (full-width → half-width, ASCII lower-cased, length kept so offsets stay valid),
split into sections by their headings (岗位职责, 任职要求, 福利待遇…), segmented once with the small
in-memory dictionary of check_rules (never jieba's 350k-word default), and then:

- every line goes through the compliance scan (check_scan), which knows the section it stands in;
- the quality rules look at the structure: sections, items, duplicates, filler, must-haves and length.

Length thresholds (``SHORT``/``LONG``/``BAND``). Length is counted the way Word and WPS count 字数: each
汉字 is one, each run of Latin letters or digits is one. English studies of millions of postings find that
300–700 words read best; an English word comes out as roughly 1.4–1.8 汉字 in Chinese translation, which
puts the ceiling near 1,260 字 (``BAND`` top = 1,300). Chinese postings are denser than a word-for-word
translation: the usual Chinese shape (FIELD-NOTES: 3–8 duties, must-haves up to ~7, one sentence of ~25 字
each) is complete at about 300 字, so the band starts there (``BAND`` = 300–1,300). Outside it: an *info*.
Below ``SHORT`` = 200 字 (under half the band's floor) a JD cannot hold 3 duties and 3 requirements of one
real sentence each plus a title; above ``LONG`` = 2,500 字 (about twice the band's ceiling) candidates stop
reading. Those two give a *warning*.

Input limits and reading (.md, .txt, .docx, stdin) are in check_input.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

from ..errors import UserError
from .input import MAX_BYTES
from .layout import (
    SECTION_NAMES,
    Block,
    Item,
    Layout,
    Section,
    data,
    from_auto,
    normalise,
    span_back,
    structure,
    unmark,
)
from .rules import Rule, rules, vocabulary, words
from .scan import scan

SEVERITIES = ("error", "warning", "info")
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[a-z0-9]+")
_PREFERENCE = re.compile(r"优先|加分|更佳|为佳|更好|plus")


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what it is, why it matters and how to fix it.

    ``line`` is the line (or, for .docx, paragraph: ``unit`` 段) and ``column`` the 1-based column in it;
    ``offset``/``end`` are offsets into the original text (the HTML source for HTML), so a fixer can edit
    exactly this span. ``weight`` is the legal weight of the basis: law, regulation, rule, notice, platform."""

    rule: str
    category: str
    severity: str
    line: int
    excerpt: str
    message: str
    suggestion: str
    basis: str | None
    column: int = 1
    scope: str = "line"  # "document" for findings about the whole JD (a missing section, its length)
    context: str = field(default="", repr=False, compare=False)  # the whole line, for the text report
    unit: str = "行"
    offset: int = 0
    end: int = 0
    weight: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["context"]
        return data


@dataclass
class Report:
    """The findings of one check, with counts. ``strict`` makes warnings fail too."""

    findings: list[Finding]
    stats: dict[str, Any]
    strict: bool = False

    @property
    def failed(self) -> bool:
        bad = {"error", "warning"} if self.strict else {"error"}
        return any(f.severity in bad for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def verdict(self) -> tuple[str, str]:
        """(level, sentence) for the summary, worded by the legal weight of what was found: 违法 only for
        laws and administrative regulations, 不符合…规定 for departmental rules and notices, 平台规则 for
        job-board rules. Level is error, warning or ok."""
        errors = [f for f in self.findings if f.severity == "error"]
        weights = {f.weight for f in errors}
        if weights & {"law", "regulation"}:
            return "error", "含有违法的招聘要求，发布前必须修改。"
        if weights & {"rule", "notice"}:
            names = "、".join(
                dict.fromkeys(
                    rules()[f.rule].authority or "" for f in errors if f.weight in ("rule", "notice")
                )
            )
            return "error", f"含有不符合{names}的招聘要求，发布前应当修改。"
        if errors:
            return (
                "error",
                "含有违反招聘平台发布规则的内容（不涉及违法），发布前需要修改，否则可能被平台下架。",
            )
        if any(f.severity == "warning" for f in self.findings):
            return "warning", "没有违法内容；警告项建议修改。"
        return "ok", "未发现违法内容或需要修改的问题。"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: {"findings": [...], "stats": {...}}."""
        return {"findings": [f.to_dict() for f in self.findings], "stats": self.stats}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def list_rules() -> list[dict[str, Any]]:
    """Every rule with its id, category, severity, title and legal basis, for `--list-rules`."""
    keep = ("id", "category", "severity", "title", "suggestion", "basis")
    return [{k: getattr(r, k) for k in keep} for r in rules().values()]


# --- checking --------------------------------------------------------------------------------------------


def check_text(text: str, *, strict: bool = False, posting: bool = False) -> Report:
    """Check one JD (plain text, Markdown, pasted board text or HTML). Raises UserError for text that cannot
    be checked (empty, or over 1 MB). ``posting`` also checks the elements a complete posting must name."""
    if not text.strip():
        raise UserError("没有可检查的内容：JD 是空的。")
    if len(text) > MAX_BYTES:
        raise UserError(f"JD 超过 {MAX_BYTES:,} 个字符，请确认给的是一份 JD。")
    return check_layout(from_auto(text), strict=strict, posting=posting)


@dataclass
class _Doc:
    """The blocks of a JD with their normalised text and the map back to the original."""

    blocks: list[Block]
    unit: str
    lines: list[str]  # normalised (folded, spaces next to numbers removed)
    index: list[list[int]]  # index[n][i]: where character i of lines[n] came from in blocks[n].text

    def finding(
        self,
        rule: Rule,
        line: int,
        start: int,
        end: int,
        *,
        severity: str | None = None,
        message: str | None = None,
        suggestion: str | None = None,
        scope: str = "line",
    ) -> Finding:
        """A finding for the span [start, end) of normalised line ``line`` (1-based)."""
        block = self.blocks[line - 1]
        start, end = span_back(self.index[line - 1], start, end)
        raw = block.text[start:end]
        start += len(raw) - len(raw.lstrip())
        excerpt = raw.strip()[:80]
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=severity or rule.severity,
            line=block.number,
            excerpt=excerpt,
            message=message or rule.message.format(excerpt=excerpt),
            suggestion=suggestion or rule.suggestion,
            basis=rule.basis,
            column=start + 1,
            scope=scope,
            context=block.text,
            unit=self.unit + (f"（{block.place}）" if block.place else ""),  # 第 3 段（页眉）
            offset=block.source_offset(start),
            end=block.source_offset(start + len(excerpt)),
            weight=rule.weight,
        )


def check_layout(layout: Layout, *, strict: bool = False, posting: bool = False) -> Report:
    """Check a JD already read into blocks (see jdwriter.check.layout): .docx paragraphs, HTML, or lines."""
    pairs = [normalise(b.text) for b in layout.blocks]
    doc = _Doc(layout.blocks, layout.unit, [p[0] for p in pairs], [p[1] for p in pairs])
    kinds, sections = structure(doc.lines)
    tokens = _tokenize([unmark(line) for line in doc.lines])
    findings: list[Finding] = []
    for number, (line, line_tokens, kind) in enumerate(zip(doc.lines, tokens, kinds, strict=True), 1):
        for category, start, end in _scan(line, tuple(line_tokens), kind):
            findings.append(doc.finding(rules()[category], number, start, end))
    findings += _quality(doc, sections, tokens)
    if posting:
        from .posting import missing_elements

        findings += missing_elements(
            doc.lines,
            sections,
            lambda r, m, s: doc.finding(
                rules()[r],
                _first_text(doc.lines),
                0,
                len(doc.lines[_first_text(doc.lines) - 1]),
                message=m,
                suggestion=s,
                scope="document",
            ),
        )
    findings = _one_per_span(findings)
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.scope != "document", f.offset, f.column))
    return Report(findings, _stats(findings, doc.lines, sections), strict)


@lru_cache(maxsize=8192)
def _scan(line: str, tokens: tuple[str, ...], kind: str) -> tuple[tuple[str, int, int], ...]:
    """check_scan.scan, once per distinct line: JDs of one catalogue (a batch, a hiring page) share most lines."""
    return tuple(scan(line, list(tokens), kind))


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """One finding per span: the same excerpt at the same place is reported once, by its most severe
    compliance rule. Quality and document-level findings are kept apart by their message."""
    best: dict[tuple[int, int, str, str], Finding] = {}
    for f in findings:
        legal = f.scope == "line" and f.category not in ("quality", "posting")
        key = (f.line, f.column, f.excerpt, "" if legal else f.rule + f.message)
        kept = best.get(key)
        if kept is None or SEVERITIES.index(f.severity) < SEVERITIES.index(kept.severity):
            best[key] = f
    return list(best.values())


def _tokenize(lines: list[str]) -> list[list[str]]:
    """The words of every line, from one segment() call; a line over ``chunk`` characters goes in pieces,
    because jieba takes quadratic time over one long run of Latin letters."""
    from ..text import segment

    vocab = vocabulary()
    chunk = data().limits.chunk
    if max(map(len, lines)) > chunk:
        return [[t for a in range(0, len(x), chunk) for t in segment(x[a : a + chunk], vocab)] for x in lines]
    out: list[list[str]] = [[]]
    for token in segment("\n".join(lines), vocab):
        if token == "\n":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _quality(doc: _Doc, sections: list[Section], tokens: list[list[str]]) -> list[Finding]:
    out: list[Finding] = []
    filler = words().filler
    limits = data().limits
    lines = doc.lines

    def add(
        rule: str,
        line: int,
        message: str,
        span: tuple[int, int] | None = None,
        severity: str | None = None,
        scope: str = "line",
        suggestion: str | None = None,
    ) -> None:
        start, end = span or (0, len(lines[line - 1]))
        out.append(
            doc.finding(
                rules()[rule],
                line,
                start,
                end,
                severity=severity,
                message=message,
                scope=scope,
                suggestion=suggestion,
            )
        )

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
    for name in missing:
        add(
            "structure",
            _first_text(lines),
            f"缺少「{name}」部分：候选人需要它来判断自己是否合适。",
            scope="document",
            suggestion=f"补上「{name}」一节，写 3–8 条。",
        )
    for kind, name in SECTION_NAMES.items():
        for section in (s for s in sections if s.kind == kind):
            count = len(section.items)
            if count < limits.min_items or count > limits.max_items:
                few = count < limits.min_items
                advice = "内容太少，说不清这个岗位" if few else "条目太多，候选人抓不住重点"
                tip = (
                    f"把「{name}」写到 3–8 条。" if few else f"把「{name}」合并精简到 8 条以内，次要的删去。"
                )
                add(
                    "structure",
                    section.line,
                    f"「{name}」有 {count} 条，{advice}；建议 3–8 条。",
                    suggestion=tip,
                )
        for section in (s for s in sections if s.kind == kind == "requirements"):
            musts = [i for i in section.items if not _PREFERENCE.search(i.text)]
            if len(musts) > limits.max_must_haves:
                add(
                    "must-have-overload",
                    section.line,
                    f"「任职要求」有 {len(musts)} 条必备条件，超过 {limits.max_must_haves} 条会劝退合适的候选人。",
                )
    for section in sections:
        content = [_content_words(tokens[item.line - 1], item) for item in section.items]
        out += _duplicates(doc, section, content)
        for item, said in zip(section.items, content, strict=True):
            if said and all(w in filler for w in said):
                add("vague", item.line, "", (item.start, item.end))
    count = _word_count(lines)
    short, long, band = limits.short, limits.long, limits.band
    if count < short or count > long or not band[0] <= count <= band[1]:
        severe = count < short or count > long
        side = ("偏短" if severe else "略短") if count < band[0] else ("偏长" if severe else "略长")
        if count < band[0]:
            tip = "说不清岗位做什么、要什么样的人" if severe else "可以把职责和要求写得更具体些"
        else:
            tip = "候选人往往读不完" if severe else "可以删去重复或次要的内容"
        add(
            "length",
            _first_text(lines),
            f"全文约 {count} 字，{side}（读起来最合适的是 {band[0]}–{band[1]} 字），{tip}。",
            severity=None if severe else "info",
            scope="document",
        )
    return out


def _first_text(lines: list[str]) -> int:
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


def _duplicates(doc: _Doc, section: Section, content: list[list[str]]) -> list[Finding]:
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


def _word_count(lines: list[str]) -> int:
    """字数 as Word and WPS count it: each 汉字 is one, each run of Latin letters or digits is one."""
    from .layout import MARKER

    return sum(len(_WORD.findall(MARKER.sub("", line))) for line in lines)


def _stats(findings: list[Finding], lines: list[str], sections: list[Section]) -> dict[str, Any]:
    by_category: dict[str, int] = {}
    for f in findings:
        by_category[f.category] = by_category.get(f.category, 0) + 1
    return {
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "infos": sum(f.severity == "info" for f in findings),
        "by_category": by_category,
        "lines": len(lines),
        "characters": _word_count(lines),
        "sections": {s.kind: len(s.items) for s in sections},
    }
