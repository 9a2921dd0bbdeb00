"""A panel round's figures: python docs/panel/tools/figures.py docs/panel/round-NN [letter].

Reads grades-<letter>*.tsv (default a) and refusals-graded.tsv; prints JDs, USABLE / NEEDS WORK / WRONG JOB, and
graded lines with the OFF and BAD shares, and the refusal grades."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path


def main(folder: Path, letter: str) -> None:
    verdicts: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for path in sorted(folder.glob(f"grades-{letter}*.tsv")):
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                grade = (row.get("grade") or "").strip()
                (verdicts if (row.get("line") or "").strip() == "VERDICT" else lines)[grade] += 1
    jds, graded = sum(verdicts.values()), sum(lines.values())
    print(f"JDs {jds}: " + ", ".join(f"{k} {v} ({v / jds:.0%})" for k, v in verdicts.most_common()))
    print(f"lines {graded}: " + ", ".join(f"{k} {v} ({v / graded:.1%})" for k, v in lines.most_common()))
    refusals = folder / ("refusals-graded.tsv" if letter == "a" else f"refusals-graded-{letter}.tsv")
    if refusals.exists():
        with open(refusals, encoding="utf-8") as handle:
            grades = Counter((r.get("grade") or "").strip() for r in csv.DictReader(handle, delimiter="\t"))
        print(f"refusals {sum(grades.values())}: " + ", ".join(f"{k} {v}" for k, v in grades.most_common()))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "a")
