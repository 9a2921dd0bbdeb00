"""Draw a panel sample: python docs/panel/tools/make.py TITLES.tsv OUTDIR N SEED.

TITLES.tsv has a header and the columns title, source. The titles are shuffled with SEED and read in that order
until N are accepted; each accepted title's JD goes to OUTDIR/a/NN.md under the board title, its reading to
OUTDIR/index-a.tsv, and every refusal met on the way to OUTDIR/refused-a.tsv (title, message)."""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from jdwriter.api import get_catalog, make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.render.render import render


def main(titles_path: str, out: str, count: int, seed: int) -> None:
    with open(titles_path, encoding="utf-8") as handle:
        rows = [(r["title"], r.get("source", "")) for r in csv.DictReader(handle, delimiter="\t")]
    random.Random(seed).shuffle(rows)
    catalog = get_catalog()
    folder = Path(out)
    (folder / "a").mkdir(parents=True, exist_ok=True)
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
        text = str(render(compose(request, catalog), "md"))
        name = f"{len(index):02d}.md"
        (folder / "a" / name).write_text(f"职位名称（招聘网站原文）：{title}\n\n{text}", encoding="utf-8")
        notes = " ".join(resolved.notes).replace("\n", " ")
        row = [name, title, source, request.role, ",".join(request.directions), request.level]
        index.append([*row, request.domain or "", notes])
    for file_name, table in (("index-a.tsv", index), ("refused-a.tsv", refused)):
        with open(folder / file_name, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t", lineterminator="\n").writerows(table)
    print(f"{len(index) - 1} written, {len(refused)} refused", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
