"""Measure title resolution on tests/corpus/titles.tsv the way the issue's hidden check does: each real
title → a JD; does it keep its own title, name its direction in the text, keep its qualifiers, avoid the
generic fallback, and are non-运营 titles refused? Used by test_titles.py and runnable by hand:

    python tests/titles_corpus.py [train|holdout]
    python tests/titles_corpus.py survey FILE.tsv [split]
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "titles.tsv"
QUALIFIER = re.compile(r"[（(【\[]([^（()）【】\[\]]+)[)）】\]]")


@dataclass
class Row:
    title: str
    role: str
    directions: list[str]
    level: str
    topic: str
    printed: str
    split: str


@dataclass
class Score:
    total: int = 0
    kept_title: int = 0
    with_direction: int = 0
    direction_named: int = 0
    with_qualifier: int = 0
    qualifier_kept: int = 0
    generic: int = 0
    refused_ok: int = 0
    refusals: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0


def rows(split: str | None = None) -> list[Row]:
    with CORPUS.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        out = [
            Row(
                r["title"],
                r["role"],
                [d for d in r["directions"].split(",") if d],
                r["level"],
                r["topic"],
                r["printed"],
                r["split"],
            )
            for r in reader
        ]
    return [r for r in out if split in (None, r.split)]


def measure(split: str | None = None) -> Score:
    from jdwriter.api import get_catalog, make_request
    from jdwriter.compose.writer import compose
    from jdwriter.errors import UserError
    from jdwriter.render.render import render_text

    catalog = get_catalog()
    score = Score()
    for row in rows(split):
        try:
            resolved = make_request(catalog, role=row.title)
        except UserError as exc:
            if row.role == "REFUSE":
                score.refusals += 1
                score.refused_ok += 1
            else:
                score.total += 1
                score.misses.append(f"refused: {row.title} ({exc.message[:40]})")
            continue
        if row.role == "REFUSE":
            score.refusals += 1
            score.misses.append(f"accepted: {row.title}")
            continue
        score.total += 1
        jd = compose(resolved.request, catalog)
        body = render_text(jd, "md").split("\n", 1)[1]
        if jd.title == row.printed:
            score.kept_title += 1
        else:
            score.misses.append(f"title: {row.title} → {jd.title} (want {row.printed})")
        words = _direction_words(row, catalog)
        if words:
            score.with_direction += 1
            if any(w.casefold() in body.casefold() for w in words):
                score.direction_named += 1
            else:
                score.misses.append(f"direction word {words} missing: {row.title}")
        qualifiers = [q for q in QUALIFIER.findall(row.printed)]
        if qualifiers:
            score.with_qualifier += 1
            if all(q in jd.title for q in qualifiers):
                score.qualifier_kept += 1
        if jd.role.id == "business_ops" and not jd.directions and not jd.topic:
            score.generic += 1
            score.misses.append(f"generic: {row.title}")
    return score


def _direction_words(row: Row, catalog: object) -> list[str]:
    """The direction words the title itself uses (直播, 亚马逊, 游戏…)."""
    directions = getattr(catalog, "direction_by_id", {})
    words = []
    for direction_id in row.directions:
        direction = directions.get(direction_id)
        if direction is None:
            continue
        stems = [w.removesuffix("运营") for w in (direction.name, *direction.aliases)] + list(
            direction.keywords
        )
        words += [w for w in stems if len(w) > 1 and w.casefold() in row.title.casefold()]
    return words


def report(score: Score) -> str:
    s = score
    return (
        f"titles {s.total}: kept {s.ratio(s.kept_title, s.total):.1%}, "
        f"direction named {s.ratio(s.direction_named, s.with_direction):.1%} of {s.with_direction}, "
        f"qualifiers kept {s.ratio(s.qualifier_kept, s.with_qualifier):.1%} of {s.with_qualifier}, "
        f"generic {s.ratio(s.generic, s.total):.1%}; refused {s.refused_ok}/{s.refusals}"
    )


def survey(path: Path, split: str | None = None) -> str:
    """Any TSV with a ``title`` column (and optionally ``split``): how many titles are refused, which topics
    (with their class) are given, and whether board noise is left in a printed title. For reading by hand:

        python tests/titles_corpus.py survey /work/corpus/titles.tsv holdout
    """
    from jdwriter.api import get_catalog, make_request
    from jdwriter.errors import UserError
    from jdwriter.resolve.noise import SALARY

    catalog = get_catalog()
    with path.open(encoding="utf-8") as handle:
        titles = [
            r["title"] for r in csv.DictReader(handle, delimiter="\t") if split in (None, r.get("split"))
        ]
    refused, topics, noisy, lines = 0, [], [], []
    for title in titles:
        try:
            resolved = make_request(catalog, role=title)
        except UserError as exc:
            refused += 1
            lines.append(f"NO  {title} ✗ {exc.message[:60]}")
            continue
        request = resolved.request
        printed = request.title or ""
        if request.topic:
            topics.append(f"{request.topic}({request.topic_kind})")
        if printed.startswith("招聘") and not printed.startswith("招聘运营") or SALARY.search(printed):
            noisy.append(printed)
        lines.append(
            f"OK  {title} → {request.role}/{','.join(request.directions)}/{request.level} "
            f"topic={request.topic} title={printed} :: {' | '.join(resolved.notes)}"
        )
    head = (
        f"{len(titles)} titles: refused {refused} ({refused / max(len(titles), 1):.1%}); "
        f"topics {len(topics)}: {', '.join(topics)}; noise left in {len(noisy)}: {noisy}"
    )
    return "\n".join([head, *lines])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "survey":
        print(survey(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))
        sys.exit(0)
    split = sys.argv[1] if len(sys.argv) > 1 else None
    result = measure(split)
    print(report(result))
    for miss in result.misses:
        print("  " + miss)
