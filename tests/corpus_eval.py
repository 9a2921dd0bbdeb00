"""Measure `jdwriter check` on the corpora in tests/corpus: recall on discriminatory categories, the share of
lawful look-alikes flagged, present sections reported missing, lawful posts that draw an error.

    python tests/corpus_eval.py          # numbers for train, holdout and all
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from jdwriter.check.rules import COMPLIANCE

CORPUS = Path(__file__).parent / "corpus"
DISCRIMINATORY = ("gender", "marital", "age", "origin", "ethnicity", "health", "appearance", "school")


@dataclass
class Line:
    text: str
    categories: frozenset[str]
    source: str
    split: str


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    lookalikes: int = 0
    flagged: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def flag_rate(self) -> float:
        return self.flagged / self.lookalikes if self.lookalikes else 0.0


def lines() -> list[Line]:
    with (CORPUS / "check_lines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Line(r["text"], frozenset(c for c in r["categories"].split(",") if c), r["source"], r["split"])
            for r in rows
        ]


def score(split: str | None = None) -> Score:
    """Each line is checked as a one-line text: what a user pastes, with no heading around it."""
    from jdwriter.check.engine import check_text

    out = Score()
    for line in lines():
        if split and line.split != split:
            continue
        found = {f.category for f in check_text(line.text).findings if f.category in COMPLIANCE}
        wanted = line.categories & set(DISCRIMINATORY)
        if line.categories:
            out.expected += len(wanted)
            out.found += len(wanted & found)
            if wanted - found:
                out.misses.append(f"{line.text}  缺 {','.join(sorted(wanted - found))}")
        else:
            out.lookalikes += 1
            if found:
                out.flagged += 1
                out.false.append(f"{line.text}  报 {','.join(sorted(found))}")
    return out


def posts() -> list[dict[str, str]]:
    with (CORPUS / "posts" / "posts.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def post_problems() -> tuple[list[str], list[str]]:
    """(present sections reported missing, lawful posts with an error)."""
    from jdwriter.check.engine import check_text
    from jdwriter.check.input import read_jd

    missing, errors = [], []
    for row in posts():
        report = check_text(read_jd(CORPUS / "posts" / row["file"]))
        for key, name in (("duties", "岗位职责"), ("requirements", "任职要求")):
            if row[key] == "yes" and any(
                f.rule == "structure" and f.scope == "document" and name in f.message for f in report.findings
            ):
                missing.append(f"{row['file']}: {name}")
        if row["lawful"] == "yes":
            bad = [f"{f.category}「{f.excerpt}」" for f in report.findings if f.severity == "error"]
            if bad:
                errors.append(f"{row['file']}: {' '.join(bad)}")
    return missing, errors


if __name__ == "__main__":
    import sys

    verbose = "-v" in sys.argv
    for split in ("train", "holdout", None):
        s = score(split)
        print(
            f"{split or 'all':8} recall {s.found}/{s.expected} = {s.recall:.1%}   "
            f"look-alikes flagged {s.flagged}/{s.lookalikes} = {s.flag_rate:.1%}"
        )
        if verbose and split == "train":  # tune on train only: holdout details stay unseen
            for m in s.misses:
                print("   MISS", m)
            for m in s.false:
                print("   FALSE", m)
    missing, errors = post_problems()
    print(
        f"posts: present sections reported missing {len(missing)}; lawful posts with an error {len(errors)}"
    )
    for x in missing + errors:
        print("  ", x)
