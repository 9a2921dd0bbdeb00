"""Clause surgery on one line (or .docx paragraph) for `jdwriter fix`.

    fix_line("1. 大专及以上学历，男性，30-35岁，5年以上经验", [(19, 21, "gender"), …], level=0)
    → "1. 大专及以上学历，5年以上经验"

A line is cut into its item marker (1. / - / 【任职要求】), its body and trailing spaces. The body is cut into
clauses at ，、；,; and sentence ends (outside brackets; 1、 at the start of a clause is a marker, 10,000 a
number). Each flagged span is then edited at the smallest unit that leaves something grammatical:

- level 0: a safe rewrite from data/check_rules.yaml when one covers the span; else the span itself, when what
  is left of its clause still says something (女主播 → 主播, 社群运营（限女） → 社群运营); else the clause;
- level 1: the whole clause of every flagged span;
- level 2: the whole item (the caller removes the line).

Punctuation is tidied only where a clause went: the clause before takes the stronger delimiter (A，B。 → A。),
empty brackets and empty bold markers left by a cut are removed. Clauses without a finding are never touched,
except a sign-off right after a removed clause (…，请慎投 / …，勿扰，谢谢: the ``tails`` words of
data/check_rules.yaml), which only spoke to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..check.layout import LEAD, MARKER, fold, heading, normalise
from ..check.rules import expand, fix_words, rules

Span = tuple[int, int, str]  # start, end (in the line), rule id

_OPEN = "（(【[「『《〔"
_CLOSE = "）)】]」』》〕"
_STRENGTH = {"。": 3, "！": 3, "？": 3, "!": 3, "?": 3, "；": 2, ";": 2, "，": 1, ",": 1, "、": 1}
_MARKER_TEXT = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})$")
_EMPTY = re.compile(r"（\s*）|\(\s*\)|【\s*】|\[\s*\]|「\s*」|『\s*』|《\s*》|〔\s*〕|\*\*\s*\*\*|__\s*__")
_EDGE = "，、；,;：:。 \t\u3000的和及与或且"
_WORD = re.compile(r"[\u3400-\u9fff]|[a-z]{3,}")


@dataclass
class Clause:
    start: int  # content is body[start:end]; the delimiter after it is body[end:stop]
    end: int
    stop: int
    text: str = ""
    delimiter: str = ""
    removed: bool = False

    def strength(self) -> int:
        return max((_STRENGTH.get(c, 0) for c in self.delimiter), default=0)


def body_start(line: str) -> int:
    """Where the editable body of a line starts: after a heading with content (任职要求：…), an item marker
    (1、 - ① ★) or leading spaces. Markers are matched on the folded line, whose length is the line's."""
    norm, index = normalise(line)
    found = heading(norm)
    if found is not None and found[1] < len(norm):
        return index[found[1]]
    folded = fold(line)
    marker = MARKER.match(folded) or LEAD.match(folded)
    return marker.end() if marker else len(line) - len(line.lstrip())


def split(body: str) -> list[Clause]:
    """The clauses of a body, each with the delimiter run after it (separators and spaces)."""
    clauses: list[Clause] = []
    depth, start, i = 0, 0, 0
    while i < len(body):
        char = body[i]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and _separates(body, i, start):
            end = i
            while i < len(body) and (body[i] in _STRENGTH or body[i].isspace()):
                i += 1
            clauses.append(Clause(start, end, i, body[start:end], body[end:i]))
            start = i
            continue
        i += 1
    if start < len(body):
        clauses.append(Clause(start, len(body), len(body), body[start:], ""))
    return clauses


def _separates(body: str, i: int, start: int) -> bool:
    char = body[i]
    if char in "、.)" and _MARKER_TEXT.match(body[start:i]):
        return False  # 1、 or 一、 opening a clause is an item marker
    if char == "," and 0 < i < len(body) - 1 and body[i - 1].isdigit() and body[i + 1].isdigit():
        return False  # 10,000
    if char in _STRENGTH:
        return True
    if char.isspace():
        # a space ends a clause, except between two Latin words (female preferred) or inside a number (28 岁)
        before, after = body[:i].rstrip(), body[i:].lstrip()
        if not before or not after:
            return False
        if before[-1].isascii() and after[0].isascii():
            return False
        return not (before[-1].isdigit() or after[0] in "岁周年后名位个cmkg+")
    return False


def meaningful(text: str) -> bool:
    """Whether what is left of a clause still says something: two characters, or a Latin word, beyond the
    leftover words (限招, 优先, 要求…), digits and punctuation."""
    rest = _blanked(fold(text), fix_words().leftover)
    return len(_WORD.findall(rest)) >= 2 or bool(re.search(r"[a-z]{3,}", rest))


def _tail(text: str) -> bool:
    """A clause of nothing but a sign-off to the requirement before it (请慎投, 勿扰, 谢谢)."""
    return not re.sub(r"[\W_]+", "", _blanked(fold(text), fix_words().tails))


def _blanked(text: str, words: tuple[str, ...]) -> str:
    """The text with these words blanked out, longest first."""
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, " ")
    return text


def tidy(text: str) -> str:
    """A piece of a clause after a cut: no empty brackets or bold markers, no dangling edge punctuation."""
    previous = None
    while previous != text:
        previous = text
        text = _EMPTY.sub("", text)
        text = re.sub(r"\s{2,}", " ", text)
        text = text.strip(_EDGE)
    return re.sub(r"的(优先|为佳|更佳)$", r"者\1", text)


def rewrite(body: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Apply the safe rewrites of the spans' rules; the spans a rewrite covered are done."""
    folded, found = fold(body), {}  # the folded body and each pattern's matches, until the body changes
    for start, end, rule in list(spans):
        for entry in rules()[rule].rewrites if rule in rules() else ():
            if entry.pattern not in found:
                found[entry.pattern] = list(re.finditer(entry.pattern, folded))
            match = next((m for m in found[entry.pattern] if m.start() <= start and end <= m.end()), None)
            if match is None:
                continue
            new = expand(entry.replacement, match, body)
            shift = len(new) - (match.end() - match.start())
            body = body[: match.start()] + new + body[match.end() :]
            spans = [
                (a + (shift if a >= match.end() else 0), b + (shift if b >= match.end() else 0), r)
                for a, b, r in spans
                if not (match.start() <= a and b <= match.end())
            ]
            folded, found = fold(body), {}
            break
    return body, spans


def fix_line(line: str, spans: list[Span], level: int) -> str | None:
    """``line`` with the flagged spans edited at ``level`` (see the module docstring); None when the whole item
    has to go. Spans in the marker or heading are out of reach: the line comes back unchanged."""
    cut = body_start(line)
    stripped = line.rstrip()
    head, body, tail = line[:cut], stripped[cut:], line[len(stripped) :]
    inside = [(a - cut, b - cut, r) for a, b, r in spans if a >= cut and b <= len(stripped)]
    if not inside:
        return line
    titled = heading(normalise(line)[0]) is not None  # 任职要求：男，35岁以下 keeps its heading
    if level >= 2:
        return head.rstrip() if titled else None
    if level == 0:
        body, inside = rewrite(body, inside)
    clauses = split(body)
    flagged: set[int] = set()
    for clause in clauses:
        mine = [(a, b) for a, b, _ in inside if a < clause.end and b > clause.start]
        if not mine:
            continue
        flagged.add(id(clause))
        if level == 0:
            residue = _without(body, clause, mine)
            if meaningful(residue):
                clause.text = residue
                continue
        clause.removed = True
        label = _label(clause.text)
        if label:
            clause.text, clause.removed = label, False
    for before, clause in pairwise(clauses):
        if before.removed and not clause.removed and id(clause) not in flagged and _tail(clause.text):
            clause.removed = True  # 此岗位不适合女性，请慎投: a tail that only spoke to the clause that went
    kept = [c for c in clauses if not c.removed]
    if not any(_WORD.search(fold(c.text)) for c in kept):
        return head.rstrip() if titled else None
    return head + _join(clauses) + tail


def _without(body: str, clause: Clause, mine: list[tuple[int, int]]) -> str:
    """The clause's text with the flagged spans cut out, tidied."""
    keep = [True] * (clause.end - clause.start)
    for a, b in mine:
        for i in range(max(a, clause.start), min(b, clause.end)):
            keep[i - clause.start] = False
    return tidy("".join(c for c, k in zip(body[clause.start : clause.end], keep, strict=True) if k))


def _label(text: str) -> str | None:
    """A generic label before a colon (要求：) to keep when the clause after it goes."""
    match = re.match(r"^\s*(?:\*\*)?([^：:]{1,8}?)(?:\*\*)?\s*[：:]", text)
    if match and fold(match.group(1)).strip() in fix_words().labels:
        return match.group()
    return None


def _join(clauses: list[Clause]) -> str:
    """The kept clauses with their delimiters; a removed clause hands a stronger delimiter to the one before
    it, and a label (要求：) runs straight into the clause after it."""
    out: list[str] = []
    last: Clause | None = None
    pending: list[Clause] = []
    for clause in clauses:
        if clause.removed:
            pending.append(clause)
            continue
        if last is not None:
            out.append(_delimiter(last, pending, final=False))
        out.append(clause.text)
        last, pending = clause, []
    if last is not None:
        out.append(_delimiter(last, pending, final=True))
    text = "".join(out)
    return re.sub(r"([：:])\s*[，、；,;]\s*", r"\1", text).rstrip() if text.strip() else ""


def _delimiter(last: Clause, removed: list[Clause], *, final: bool) -> str:
    if re.search(r"[：:]\s*$", last.text):
        return ""  # a kept label runs into what follows
    if not removed:
        return last.delimiter
    if final:
        return removed[-1].delimiter  # the line keeps its own ending (。 or ， or nothing)
    return max([last, *removed], key=Clause.strength).delimiter
