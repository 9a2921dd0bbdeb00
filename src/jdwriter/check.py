"""`jdwriter check`: lint any Chinese JD for illegal requirements and for quality problems.

    report = check_text(read_jd("jd.docx"))   # read_jd: jdwriter.check_input
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
import re
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any

from .check_input import MAX_BYTES
from .check_rules import Rule, fold, rules, vocabulary, words
from .check_scan import scan
from .errors import UserError

SHORT, LONG, BAND = 200, 2_500, (300, 1_300)
MIN_ITEMS, MAX_ITEMS, MAX_MUST_HAVES = 3, 10, 7
CHUNK = 2_000  # longest piece of text handed to jieba at once
NEAR_DUPLICATE = 0.8  # share of words and word pairs two items have in common
SEVERITIES = ("error", "warning", "info")

HEADINGS: dict[str, str] = {
    "duties": "岗位职责 工作职责 职位职责 职责描述 主要职责 工作内容 岗位内容 你将负责 你的职责 你要做的 职责 responsibilities",
    "requirements": "任职要求 任职资格 岗位要求 职位要求 资格要求 招聘要求 应聘要求 应聘条件 任职条件 岗位资格 我们希望你 "
    "你需要具备 要求 requirements qualifications",
    "bonus": "加分项 优先条件 加分 优先考虑",
    "benefits": "福利待遇 薪酬福利 薪资福利 福利 待遇 我们提供 员工福利 你将获得 福利保障 benefits",
    "summary": "岗位概述 职位概述 岗位介绍 职位介绍 岗位简介 职位简介 关于岗位 岗位说明",
    "company": "公司介绍 公司简介 关于我们 企业介绍 团队介绍 公司概况",
    "kpis": "考核指标 考核标准 绩效指标",
    "mixed": "职位描述 岗位描述 工作描述 职位详情",
    "other": "工作地点 上班地点 工作地址 工作时间 联系方式 投递方式 简历投递 薪资 薪资范围 其他 备注",
}
SECTION_NAMES = {"duties": "岗位职责", "requirements": "任职要求"}
LIST_SECTIONS = frozenset({"duties", "requirements", "bonus", "benefits", "kpis", "mixed"})
_HEADING_WORDS = sorted(((w, k) for k, v in HEADINGS.items() for w in v.split()), key=lambda x: -len(x[0]))
_PREFIX = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[*_]{2}\s*)?(?:[【\[「『]\s*)?"
    r"(?:[一二三四五六七八九十]{1,3}\s*[、.]|\d{1,2}\s*[、.)]|\([一二三四五六七八九十\d]{1,3}\))?\s*"
)
_MARKER = re.compile(
    r"^\s*(?:[-*+•●·▪◆◇■□○◦√✓>]|\d{1,2}\s*[.、)](?!\d)|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]{1,3}[、.])\s*"
)
# Item markers the compliance scan ignores on top of _MARKER: decorations, and 1.95后 / 1.985院校, where the
# number glued to the marker is no decimal.
_LEAD = re.compile(r"^\s*(?:[★☆◎※▶►❤✔✅]|\d{1,2}\.(?=\d\d后|985|211))\s*")
_INLINE = re.compile(r"(?:^|(?<=[;。\s:]))\d{1,2}\s*[、.)](?!\d)")
_CLOSE = "】]」』*_:： \t"
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[a-z0-9]+")
_PREFERENCE = re.compile(r"优先|加分|更佳|为佳|更好|plus")


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what it is, why it matters and how to fix it."""

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

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: {"findings": [...], "stats": {...}}."""
        return {"findings": [f.to_dict() for f in self.findings], "stats": self.stats}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def list_rules() -> list[dict[str, Any]]:
    """Every rule with its id, category, severity, title and legal basis, for `--list-rules`."""
    keep = ("id", "category", "severity", "title", "suggestion", "basis")
    return [{k: getattr(r, k) for k in keep} for r in rules().values()]


# --- the document ----------------------------------------------------------------------------------------


@dataclass
class Item:
    line: int
    start: int
    end: int
    text: str


@dataclass
class Section:
    kind: str
    line: int
    items: list[Item] = field(default_factory=list)


def _heading(folded: str) -> tuple[str, int] | None:
    """(section kind, where the content after the heading starts) if the line is a heading."""
    prefix = _PREFIX.match(folded)
    rest = folded[prefix.end() if prefix else 0 :]
    for word, kind in _HEADING_WORDS:
        if rest.startswith(word):
            tail = rest[len(word) :]
            stripped = tail.lstrip(_CLOSE)
            if not stripped:
                return kind, len(folded)
            numbered = prefix is not None and any(c.isdigit() for c in prefix.group())
            if ":" in tail[: len(tail) - len(stripped)] and (len(word) >= 4 or not numbered):
                # 任职要求：男，35岁以下 is a heading with content; 4. 其他：… is an item, not a heading
                return kind, len(folded) - len(stripped)
    return None


def _structure(lines: list[str]) -> tuple[list[str], list[Section]]:
    """The section kind of every line, and the sections with their items."""
    kinds: list[str] = []
    sections: list[Section] = []
    kind = "preamble"
    for number, line in enumerate(lines, 1):
        found = _heading(line)
        start = 0
        if found:
            kind, start = found
            sections.append(Section(kind, number))
        kinds.append(kind)
        if kind in LIST_SECTIONS and sections and line[start:].strip():
            sections[-1].items += _items(number, line, start)
    return kinds, sections


def _items(number: int, line: str, start: int) -> list[Item]:
    """The items on one line of a list section: usually one; 1、…；2、… pasted on one line gives several."""
    cuts = [m.start() for m in _INLINE.finditer(line, start)]
    bounds = cuts if len(cuts) >= 2 else [start]
    out = []
    for a, b in zip(bounds, [*bounds[1:], len(line)], strict=True):
        marker = _MARKER.match(line, a)
        a = marker.end() if marker else a
        text = line[a:b].strip().rstrip(";。")
        if text:
            out.append(Item(number, a, a + len(text), text))
    return out


# --- checking --------------------------------------------------------------------------------------------


def check_text(text: str, *, strict: bool = False) -> Report:
    """Check one JD. Raises UserError for text that cannot be checked (empty, or over 1 MB)."""
    if not text.strip():
        raise UserError("没有可检查的内容：JD 是空的。")
    if len(text) > MAX_BYTES:
        raise UserError(f"JD 超过 {MAX_BYTES:,} 个字符，请确认给的是一份 JD。")
    original = re.split(r"\r\n|\r|\n", text)
    lines = [fold(line) for line in original]
    kinds, sections = _structure(lines)
    tokens = _tokenize([_unmark(line) for line in lines])
    findings: list[Finding] = []
    for number, (line, line_tokens, kind) in enumerate(zip(lines, tokens, kinds, strict=True), 1):
        for category, start, end in scan(line, line_tokens, kind):
            findings.append(_finding(rules()[category], number, original[number - 1], start, end))
    findings += _quality(original, lines, sections, tokens)
    findings.sort(key=lambda f: (f.line, SEVERITIES.index(f.severity), f.column))
    return Report(findings, _stats(findings, lines, sections), strict)


def _unmark(line: str) -> str:
    """The line with its item marker blanked (same length, so offsets hold): in 1、女 or ★年轻漂亮 the marker
    is no context for the words after it."""
    found = _MARKER.match(line) or _LEAD.match(line)
    return " " * found.end() + line[found.end() :] if found else line


def _tokenize(lines: list[str]) -> list[list[str]]:
    """The words of every line, from one segment() call; a line over ``CHUNK`` characters goes in pieces,
    because jieba takes quadratic time over one long run of Latin letters."""
    from .text import segment

    vocab = vocabulary()
    if max(map(len, lines)) > CHUNK:
        return [[t for a in range(0, len(x), CHUNK) for t in segment(x[a : a + CHUNK], vocab)] for x in lines]
    out: list[list[str]] = [[]]
    for token in segment("\n".join(lines), vocab):
        if token == "\n":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _finding(
    rule: Rule,
    line: int,
    context: str,
    start: int,
    end: int,
    *,
    severity: str | None = None,
    message: str | None = None,
    scope: str = "line",
) -> Finding:
    raw = context[start:end]
    start += len(raw) - len(raw.lstrip())
    excerpt = raw.strip()[:80]
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.severity,
        line=line,
        excerpt=excerpt,
        message=message or rule.message.format(excerpt=excerpt),
        suggestion=rule.suggestion,
        basis=rule.basis,
        column=start + 1,
        scope=scope,
        context=context,
    )


def _quality(
    original: list[str], lines: list[str], sections: list[Section], tokens: list[list[str]]
) -> list[Finding]:
    out: list[Finding] = []
    filler = words().filler

    def add(
        rule: str,
        line: int,
        message: str,
        span: tuple[int, int] | None = None,
        severity: str | None = None,
        scope: str = "line",
    ) -> None:
        start, end = span or (0, len(original[line - 1]))
        out.append(
            _finding(
                rules()[rule],
                line,
                original[line - 1],
                start,
                end,
                severity=severity,
                message=message,
                scope=scope,
            )
        )

    for kind, name in SECTION_NAMES.items():
        found = [s for s in sections if s.kind == kind]
        if not found:
            add(
                "structure",
                _first_text(original),
                f"缺少「{name}」部分：候选人需要它来判断自己是否合适。",
                scope="document",
            )
        for section in found:
            count = len(section.items)
            if count < MIN_ITEMS or count > MAX_ITEMS:
                advice = "内容太少，说不清这个岗位" if count < MIN_ITEMS else "条目太多，候选人抓不住重点"
                add("structure", section.line, f"「{name}」有 {count} 条，{advice}；建议 3–8 条。")
        for section in found if kind == "requirements" else []:
            musts = [i for i in section.items if not _PREFERENCE.search(i.text)]
            if len(musts) > MAX_MUST_HAVES:
                add(
                    "must-have-overload",
                    section.line,
                    f"「任职要求」有 {len(musts)} 条必备条件，超过 {MAX_MUST_HAVES} 条会劝退合适的候选人。",
                )
    for section in sections:
        out += _duplicates(section, original, tokens)
        for item in section.items:
            said = _content_words(tokens[item.line - 1], item)
            if said and all(w in filler for w in said):
                add("vague", item.line, "", (item.start, item.end))
    count = _word_count(lines)
    if count < SHORT or count > LONG or not BAND[0] <= count <= BAND[1]:
        severe = count < SHORT or count > LONG
        side = ("偏短" if severe else "略短") if count < BAND[0] else ("偏长" if severe else "略长")
        if count < BAND[0]:
            tip = "说不清岗位做什么、要什么样的人" if severe else "可以把职责和要求写得更具体些"
        else:
            tip = "候选人往往读不完" if severe else "可以删去重复或次要的内容"
        add(
            "length",
            _first_text(original),
            f"全文约 {count} 字，{side}（读起来最合适的是 {BAND[0]}–{BAND[1]} 字），{tip}。",
            severity=None if severe else "info",
            scope="document",
        )
    return out


def _first_text(lines: list[str]) -> int:
    """The first line with text: document-level findings point there, quoting the JD's title."""
    return next((n for n, line in enumerate(lines, 1) if line.strip()), 1)


def _content_words(tokens: list[str], item: Item) -> list[str]:
    """The words of one item, without punctuation and spaces."""
    out, pos = [], 0
    for token in tokens:
        if item.start <= pos < item.end and token.strip() and not re.fullmatch(r"[\W_]+", token):
            out.append(token)
        pos += len(token)
    return out


def _duplicates(section: Section, original: list[str], tokens: list[list[str]]) -> list[Finding]:
    """Items of one section that share most of their words and word pairs (token overlap, Jaccard)."""
    out: list[Finding] = []
    seen: list[tuple[Item, set[str]]] = []
    for item in section.items:
        words = [
            w for w in _content_words(tokens[item.line - 1], item) if w not in ("的", "和", "与", "及", "等")
        ]
        features = set(words) | {a + "|" + b for a, b in pairwise(words)}
        for other, theirs in seen[-100:]:  # bounded: a pasted 1 MB list must not take quadratic time
            union = features | theirs
            overlap = len(features & theirs) / len(union) if union else 0.0
            if overlap >= NEAR_DUPLICATE:
                same = "相同" if overlap == 1 else f"几乎相同（重合 {overlap:.0%}）"
                message = f"这一条与第 {other.line} 行{same}。"
                out.append(
                    _finding(
                        rules()["duplicate"],
                        item.line,
                        original[item.line - 1],
                        item.start,
                        item.end,
                        message=message,
                    )
                )
                break
        seen.append((item, features))
    return out


def _word_count(lines: list[str]) -> int:
    """字数 as Word and WPS count it: each 汉字 is one, each run of Latin letters or digits is one."""
    return sum(len(_WORD.findall(_MARKER.sub("", line))) for line in lines)


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
