"""Render every title of a list: python docs/panel/tools/render_all.py TITLES.txt OUT.json.

Writes {title: JD Markdown, or "REFUSED: message"}; comparing two runs shows what a change did to each title."""

from __future__ import annotations

import json
import sys

from jdwriter.api import get_catalog, make_request
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.render.render import render


def main(titles_path: str, out: str) -> None:
    catalog = get_catalog()
    with open(titles_path, encoding="utf-8") as handle:
        titles = [line.strip() for line in handle if line.strip()]
    result: dict[str, str] = {}
    for title in titles:
        try:
            resolved = make_request(catalog, role=None, title=title)
            result[title] = str(render(compose(resolved.request, catalog), "md"))
        except UserError as exc:
            result[title] = f"REFUSED: {exc}"
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
