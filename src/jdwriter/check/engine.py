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

from functools import lru_cache
from typing import Any

from ..errors import UserError
from .input import MAX_BYTES
from .layout import Layout, Section, data, from_auto, normalise, structure, unmark
from .quality import first_text, quality, word_count
from .report import SEVERITIES, Doc, Finding, Report
from .rules import rules, vocabulary
from .scan import scan

__all__ = ["SEVERITIES", "Finding", "Report", "check_layout", "check_text", "list_rules"]


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


def check_layout(layout: Layout, *, strict: bool = False, posting: bool = False) -> Report:
    """Check a JD already read into blocks (see jdwriter.check.layout): .docx paragraphs, HTML, or lines."""
    pairs = [normalise(b.text) for b in layout.blocks]
    doc = Doc(layout.blocks, layout.unit, [p[0] for p in pairs], [p[1] for p in pairs])
    kinds, sections = structure(doc.lines)
    tokens = _tokenize([unmark(line) for line in doc.lines])
    findings: list[Finding] = []
    for number, (line, line_tokens, kind) in enumerate(zip(doc.lines, tokens, kinds, strict=True), 1):
        for category, start, end in _scan(line, tuple(line_tokens), kind):
            findings.append(doc.finding(rules()[category], number, start, end))
    findings += quality(doc, sections, tokens)
    if posting:
        from .posting import missing_elements

        findings += missing_elements(
            doc.lines,
            sections,
            lambda r, m, s: doc.finding(
                rules()[r],
                first_text(doc.lines),
                0,
                len(doc.lines[first_text(doc.lines) - 1]),
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
        "characters": word_count(lines),
        "sections": {s.kind: len(s.items) for s in sections},
    }
