"""The safe rewrites of data/check_rules.yaml applied to one item's body for `jdwriter fix`: where a rule's
rewrite pattern covers a finding, the match becomes its replacement (男性优先（需常出差） → 能适应经常出差).
"""

from __future__ import annotations

import re

from ..check.layout import fold
from ..check.rules import expand, rules

Span = tuple[int, int, str]  # start, end (in the body), rule id


def rewrite(body: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Apply the safe rewrites of the spans' rules; the spans a rewrite covered are done. Each rewrite's
    matches are found once per version of the body, so a line of many findings stays linear."""
    table = rules()
    folded = fold(body)
    found: dict[str, list[re.Match[str]]] = {}
    i = 0
    while i < len(spans):
        start, end, rule = spans[i]
        match = None
        for entry in table[rule].rewrites if rule in table else ():
            if entry.pattern not in found:
                found[entry.pattern] = list(re.finditer(entry.pattern, folded))
            match = next((m for m in found[entry.pattern] if m.start() <= start and end <= m.end()), None)
            if match is not None:
                new = expand(entry.replacement, match, body)
                break
        if match is None:
            i += 1
            continue
        shift = len(new) - (match.end() - match.start())
        body = body[: match.start()] + new + body[match.end() :]
        spans = [
            (a + (shift if a >= match.end() else 0), b + (shift if b >= match.end() else 0), r)
            for a, b, r in spans
            if not (match.start() <= a and b <= match.end())
        ]
        folded, found = fold(body), {}
    return body, spans
