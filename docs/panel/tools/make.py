"""Draw a panel sample: python docs/panel/tools/make.py TITLES.tsv OUTDIR N SEED [LETTER] [--directions].

TITLES.tsv has a header and the columns title, source. The titles are shuffled with SEED and read in that order
until N are accepted; each accepted title's JD goes to OUTDIR/LETTER/NN.md (LETTER: a unless given) under the
board title, its reading to OUTDIR/index-LETTER.tsv, and every refusal met on the way to OUTDIR/refused-LETTER.tsv
(title, message). Titles already in another sample's index or refusals in OUTDIR are skipped. --directions keeps
only titles read as a known direction (the issue's second panel)."""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from jdwriter.api import get_catalog, make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.render.render import render


def _taken(folder: Path) -> set[str]:
    taken: set[str] = set()
    for path in [*folder.glob("index-*.tsv"), *folder.glob("refused-*.tsv")]:
        with open(path, encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
        column = 1 if path.name.startswith("index-") else 0
        taken |= {r[column] for r in rows if len(r) > column}
    return taken


def main(titles_path: str, out: str, count: int, seed: int, letter: str, directions_only: bool) -> None:
    folder = Path(out)
    taken = _taken(folder) if folder.exists() else set()
    with open(titles_path, encoding="utf-8") as handle:
        rows = [(r["title"], r.get("source", "")) for r in csv.DictReader(handle, delimiter="\t")]
    rows = [r for r in rows if r[0] not in taken]
    random.Random(seed).shuffle(rows)
    catalog = get_catalog()
    (folder / letter).mkdir(parents=True, exist_ok=True)
    index = [["file", "title", "source", "role", "directions", "level", "domain", "notes"]]
    refused: list[list[str]] = []
    for title, source in rows:
        if len(index) > count:
            break
        try:
            resolved = make_request(catalog, role=None, title=title)
        except UserError as exc:
            refused.append([title, str(exc).replace("\n", " ")])
            continue
        request = resolved.request
        if directions_only and not request.directions:
            continue
        text = str(render(compose(request, catalog), "md"))
        name = f"{len(index):02d}.md"
        (folder / letter / name).write_text(f"职位名称（招聘网站原文）：{title}\n\n{text}", encoding="utf-8")
        notes = " ".join(resolved.notes).replace("\n", " ")
        row = [name, title, source, request.role, ",".join(request.directions), request.level]
        index.append([*row, request.domain or "", notes])
    for file_name, table in ((f"index-{letter}.tsv", index), (f"refused-{letter}.tsv", refused)):
        with open(folder / file_name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(table)
    print(f"{len(index) - 1} written, {len(refused)} refused", file=sys.stderr)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--directions"]
    letter = arguments[4] if len(arguments) > 4 else "a"
    main(arguments[0], arguments[1], int(arguments[2]), int(arguments[3]), letter, "--directions" in sys.argv)
