"""Clause surgery on one line (or .docx paragraph) for `jdwriter fix`.

    edit_item("2、28-40周岁，大专及以上学历；", [(2, 9, "age")])      → Outcome("2、大专及以上学历；")
    edit_item("统招本科，985/211院校毕业；", [(0, 4, "school"), (5, 14, "school")]).text → "本科；"

A line is cut into its item marker (1、 2. （3） ① - 【任职要求】, never part of a cut, even in 2、28-40周岁),
its body and trailing spaces. The body is cut into clauses at ，、；,; and sentence ends (outside brackets;
1、 at the start of a clause is a marker, 10,000 a number). Each flagged span is first reshaped: degree
words at its edge stay out (统招本科 → 统招, so 本科 stays), words that only make sense with it come in
(一本 + 及以上院校, 国内外 + 重点大学, 北京市 + 户口, a following 优先): data/check_rules.yaml ``fix``. Then each
span is edited at the smallest unit that leaves something grammatical:

- level 0: a safe rewrite from data/check_rules.yaml when one covers the span; else the span itself, when what
  is left of its clause still says something (女主播 → 主播, 社群运营（限女） → 社群运营); else the clause;
- level 1: the whole clause of every flagged span;
- level 2: the whole item (the caller removes the line).

Contact details are never cut out of a sentence: a clause written only to give them (简历请投：…, 欢迎加微信…
了解详情, 联系人：王女士) goes whole, with the clauses of the line that only served it; a contact detail
inside a sentence that says something else leaves the whole line as it was, refused (fix.reasons.Refusal)
for a person, never 「简历请投，电话」.

Punctuation is tidied only where a clause went: the clause before takes the stronger delimiter (A，B。 → A。),
empty brackets, doubled commas and empty bold markers left by a cut are removed. Clauses without a finding
are never touched, except a sign-off right after a removed clause (…，请慎投 / …，勿扰，谢谢: the ``tails``
words of data/check_rules.yaml), which only spoke to it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from ..check.layout import LEAD, MARKER, fold, heading, normalise
from ..check.rules import fix_words
from .reasons import Refusal
from .rewrite import rewrite

Span = tuple[int, int, str]  # start, end (in the line), rule id

_OPEN = "（(【[「『《〔"
_CLOSE = "）)】]」』》〕"
_STRENGTH = {"。": 3, "！": 3, "？": 3, "!": 3, "?": 3, "；": 2, ";": 2, "，": 1, ",": 1, "、": 1}
_MARKER_TEXT = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})$")
_EMPTY = re.compile(r"（\s*）|\(\s*\)|【\s*】|\[\s*\]|「\s*」|『\s*』|《\s*》|〔\s*〕|\*\*\s*\*\*|__\s*__")
# What is left starts with a modal verb whose subject, an origin, was cut (外市户口须提供暂住证 → 须提供暂住证):
# it spoke only of the people the cut words named, so the clause goes.
_ORPHAN = re.compile(r"^(?:须|需|需要|必须|务必|应|应当|要|得)(?!求)")
_INLINE_ITEM = re.compile(r"^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*、|\d{1,2}\s*[.)](?!\d))\s*")
_REACH = 16  # how far a flagged phrase may be widened, either side
_PREFER = re.compile(r"(?:者|的)?(?:优先|为佳|更佳|加分|尤佳|优选)")
_DOUBLED = re.compile(r"([，、；,;])(?:\s*[，、；,;])+")
_EDGE = "，、；,;：:。 \t\u3000的和及与或且"
_WORD = re.compile(r"[\u3400-\u9fff]|[a-z]{3,}")
# An item number at the start of a line, as fix reads it: 2、 even when a number follows (2、28-40周岁, which
# layout.MARKER leaves alone because 2.5 is a number), 1. 1) （1） ① 一、 after an optional bullet.
_ITEM = re.compile(
    r"^\s*(?:[-*+•●·▪◆◇■□○◦√✓>]\s*)?"
    r"(?:\d{1,2}\s*、|\d{1,2}\s*[.)](?!\d)|\(\s*\d{1,2}\s*\)|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.])\s*"
)


@dataclass
class Clause:
    start: int  # content is body[start:end]; the delimiter after it is body[end:stop]
    end: int
    stop: int
    text: str = ""
    delimiter: str = ""
    removed: bool = False
    marker: str = ""  # an inline item number before the clause (…；2、年龄…): never part of a cut

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
    ends = [m.end() for m in (MARKER.match(folded), LEAD.match(folded), _ITEM.match(folded)) if m]
    return max(ends) if ends else len(line) - len(line.lstrip())


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
    for clause in clauses:
        marker = _INLINE_ITEM.match(fold(clause.text))
        if marker and marker.end() < len(clause.text):
            clause.marker, clause.text = clause.text[: marker.end()], clause.text[marker.end() :]
            clause.start += marker.end()
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
    for word in _longest_first(words):
        if word in text:
            text = text.replace(word, " ")
    return text


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def tidy(text: str) -> str:
    """A piece of a clause after a cut: no empty brackets or bold markers, no dangling edge punctuation."""
    previous = None
    while previous != text:
        previous = text
        text = _EMPTY.sub("", text)
        text = _DOUBLED.sub(r"\1", text)  # 成教，自考，函授 without 自考: one comma
        text = re.sub(r"\s{2,}", " ", text)
        text = text.strip(_EDGE)
    return re.sub(r"的(优先|为佳|更佳)$", r"者\1", text)


@dataclass(frozen=True)
class Outcome:
    """What :func:`edit_item` did to one item: ``text`` is the new text (the same text when nothing could be
    done; None when the whole item has to go); ``refusal`` says why a part was left for a person."""

    text: str | None
    refusal: Refusal | None = None


def edit_item(line: str, spans: list[Span], level: int = 0) -> Outcome:
    """Edit one item (a line, a .docx paragraph, an HTML list item) at ``level`` (see the module docstring).

    ``spans`` are check's compliance findings on ``line`` as (start, end, rule id), offsets into ``line``.
    Returns the new text, or None when the whole item goes, with a refusal when a part had to stay for a
    person (a contact detail inside a sentence, a finding in the heading or item number): that part is left
    exactly as it was. The item number (1、 2. （3） ① -) and a heading (任职要求：) are never cut. This is the
    one text-level entry point; the .docx and HTML fixers call it (through fix.engine.repair) and map the
    change back onto runs with fix.ops.ops."""
    cut = body_start(line)
    stripped = line.rstrip()
    head, body, tail = line[:cut], stripped[cut:], line[len(stripped) :]
    inside = [(a - cut, b - cut, r) for a, b, r in spans if a >= cut and b <= len(stripped) and b > a]
    if not inside:
        return Outcome(line, Refusal.HEADING if spans else None)
    titled = heading(normalise(line)[0]) is not None  # 任职要求：男，35岁以下 keeps its heading
    if level >= 2 and not any(r == "contact" for *_, r in inside):
        return Outcome(head.rstrip() if titled else None)
    inside = _reshape(body, inside)
    if level == 0:
        body, inside = rewrite(body, inside)
    clauses = split(body)
    refusal = _cut(body, clauses, inside, level)
    if refusal is Refusal.CONTACT:
        return Outcome(line, refusal)  # the line stays as it was: never half a sentence around a number
    kept = [c for c in clauses if not c.removed]
    if not any(_WORD.search(fold(c.text)) for c in kept):
        if titled and contact_heading(head):
            return Outcome(None, refusal)  # 联系方式：13800138000 goes whole, heading and all
        return Outcome(head.rstrip() if titled else None, refusal)
    return Outcome(head + _join(clauses) + tail, refusal)


def fix_line(line: str, spans: list[Span], level: int) -> str | None:
    """``line`` with the flagged spans edited at ``level``; None when the whole item has to go (the text of
    :func:`edit_item`, for callers that do not need the reason)."""
    return edit_item(line, spans, level).text


def _cut(body: str, clauses: list[Clause], inside: list[Span], level: int) -> Refusal | None:
    """Mark what goes in each clause: the span (level 0, when the rest still says something), the clause, or
    nothing (a contact detail inside a sentence: refused). Then the sign-offs that only spoke to a removed
    clause, and, after a removed contact clause, the clauses that only served it (联系人：王女士)."""
    refusal = None
    flagged: set[int] = set()
    contact = False
    previous: Clause | None = None
    for clause, mine in zip(clauses, _by_clause(clauses, inside), strict=True):
        before, previous = previous, clause
        if not mine:
            continue
        flagged.add(id(clause))
        if any(r == "contact" for *_, r in mine):
            if _contact_only(_without(body, clause, [(a, b) for a, b, _ in mine])):
                clause.removed = contact = True
            else:
                refusal = Refusal.CONTACT  # 欢迎加微信 xx 了解公司文化: no half sentence, a person decides
            continue
        if level == 0:
            residue = _without(body, clause, [(a, b) for a, b, _ in mine])
            orphan = _ORPHAN.match(residue) and any(r == "origin" for *_, r in mine)
            if meaningful(residue) and not orphan:
                glued = (
                    before is not None
                    and before.delimiter.isspace()
                    and min(a for a, *_ in mine) <= clause.start
                )
                if glued and before is not None and not residue[:1].isascii():
                    before.delimiter = (
                        ""  # 欢迎 35 岁以下有梦想的 → 欢迎有梦想的: the space only set off the cut
                    )
                clause.text = residue
                continue
        clause.removed = True
        label = _label(clause.text)
        if label:
            clause.text, clause.removed = label, False
    for before, clause in pairwise(clauses):
        if before.removed and not clause.removed and id(clause) not in flagged and _tail(clause.text):
            clause.removed = True  # 此岗位不适合女性，请慎投: a tail that only spoke to the clause that went
    if contact:
        for clause in clauses:
            if not clause.removed and id(clause) not in flagged and _contact_only(clause.text):
                clause.removed = True  # 联系人：王女士 once the number went
    _hand_on_markers(clauses)
    return refusal


def _hand_on_markers(clauses: list[Clause]) -> None:
    """An inline item whose first clause went keeps its number on its first kept clause (…；2、年龄20-28周岁，
    大专及以上学历 → …；2、大专及以上学历); only an item that went whole loses its number."""
    carry = ""
    for clause in clauses:
        if clause.marker:
            carry = ""
            if clause.removed:
                carry, clause.marker = clause.marker, ""
        elif carry and not clause.removed:
            clause.marker, carry = carry, ""


def _by_clause(clauses: list[Clause], spans: list[Span]) -> list[list[Span]]:
    """The spans that reach into each clause (clauses are in order and do not overlap): found by bisection,
    so a line of thousands of clauses and findings stays near linear."""
    ends = [c.end for c in clauses]
    out: list[list[Span]] = [[] for _ in clauses]
    for span in spans:
        k = bisect_right(ends, span[0])
        while k < len(clauses) and clauses[k].start < span[1]:
            if span[0] < clauses[k].end:
                out[k].append(span)
            k += 1
    return out


def contact_heading(line: str) -> bool:
    """Whether a line is a heading that only announces contact details (联系方式：, 简历投递, 投递方式)."""
    found = heading(normalise(line)[0])
    return found is not None and _contact_only(re.sub(r"[#*【】\[\]]", "", line))


def _contact_only(text: str) -> bool:
    """Whether a clause says nothing but how to get in touch (简历请投：, 欢迎加 了解详情) once the contact
    detail is out of it."""
    return not meaningful(_blanked(fold(text), fix_words().contact))


def _reshape(body: str, spans: list[Span]) -> list[Span]:
    """Each span as fix should cut it: degree words at its edges stay out (统招本科 → 统招), and the words
    that only make sense with it come in (一本 + 及以上院校, 国内外 + 重点大学)."""
    words = fix_words()
    folded = fold(body)
    out = []
    for start, end, rule in spans:
        text = folded[start:end]
        for word in sorted(words.keep, key=len, reverse=True):
            if len(word) < end - start and text.endswith(word):
                end -= len(word)
                break
            if len(word) < end - start and text.startswith(word):
                start += len(word)
                break
        extend = words.extend.get(rule)
        if extend is not None:
            after = re.match(extend.after, folded[end : end + _REACH])  # a window: linear on long lines
            end += after.end() if after else 0
            window = max(0, start - _REACH)
            before = re.search(extend.before, folded[window:start])
            start = window + before.start() if before else start
        prefer = _PREFER.match(folded, end)  # (985/211学校优先): the preference goes with what it preferred
        out.append((start, prefer.end() if prefer else end, rule))
    return out


def _without(body: str, clause: Clause, mine: list[tuple[int, int]]) -> str:
    """The clause's text with the flagged spans cut out, tidied."""
    text = body[clause.start : clause.end]
    keep = [True] * len(text)
    for a, b in mine:
        a, b = max(a, clause.start) - clause.start, min(b, clause.end) - clause.start
        for i in range(a, b):
            keep[i] = False
        # 欢迎 35 岁以下有梦想的 → 欢迎有梦想的: the space that stood before the cut goes with it
        while a > 0 and text[a - 1].isspace() and (b >= len(text) or not text[b].isascii()):
            a -= 1
            keep[a] = False
    return tidy("".join(c for c, k in zip(text, keep, strict=True) if k))


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
        out.append(clause.marker + clause.text)
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
