"""Which catalogue entries the panel marked OFF or BAD: python docs/panel/tools/blame.py FIRST_ROUND [N].

Finds each graded line of rounds FIRST_ROUND and later in data/*.yaml (by its first 14 characters) and counts the
OFF and BAD grades by the entry (duty block, direction or note id) the line comes from."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "data"
PANEL = Path(__file__).resolve().parents[1]


def owners() -> dict[str, str]:
    """Line text → the id of the entry above it in the data files."""
    found: dict[str, str] = {}
    for path in sorted(DATA.glob("*.yaml")):
        owner = "?"
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = re.match(r"\s*- id: (\w+)|^  (\w+):$", line)
            if entry:
                owner = f"{path.stem}:{entry.group(1) or entry.group(2)}"
            item = re.match(r"\s*- (\S.{12,})$", line)
            if item:
                found.setdefault(item.group(1)[:14], owner)
    return found


def main(first: int, show: int) -> None:
    table = owners()
    counts: Counter[tuple[str, str]] = Counter()
    for folder in sorted(PANEL.glob("round-*")):
        if int(folder.name.split("-")[1]) < first:
            continue
        for grades in folder.glob("grades-*.tsv"):
            with open(grades, encoding="utf-8") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    if row.get("grade") in ("OFF", "BAD"):
                        text = re.sub(r"^\d+[.、]\s*|^-\s*", "", row.get("text") or "")
                        counts[(table.get(text[:14], "?"), row["grade"])] += 1
    for (owner, grade), count in counts.most_common(show):
        print(f"{count}\t{grade}\t{owner}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40)
