"""Which titles a change moved: python docs/panel/tools/compare.py BEFORE.json AFTER.json [--show N]."""

from __future__ import annotations

import difflib
import json
import sys


def main(before_path: str, after_path: str, show: int) -> None:
    with open(before_path, encoding="utf-8") as handle:
        before = json.load(handle)
    with open(after_path, encoding="utf-8") as handle:
        after = json.load(handle)
    moved = [t for t in before if before[t] != after.get(t)]
    print(f"{len(moved)} of {len(before)} titles changed", file=sys.stderr)
    for title in moved[:show]:
        print(f"=== {title}")
        old, new = before[title].splitlines(), after[title].splitlines()
        for line in difflib.unified_diff(old, new, lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print(line)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 10**6
    main(arguments[0], arguments[1], count)
