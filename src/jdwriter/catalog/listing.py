"""Rows for `jdwriter list`: plain dicts, the same for the Rich table and --json."""

from __future__ import annotations

from typing import Any

from ..formats import TEMPLATES
from .model import PLACEHOLDER, Catalog


def list_rows(catalog: Catalog, kind: str) -> list[dict[str, Any]]:
    """The rows of one kind, with placeholders ({users}, {supply} …) read as their general values."""
    values = {"role": "运营", **catalog.placeholders}

    def general(value: Any) -> Any:
        if isinstance(value, str):
            return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(1)), value)
        if isinstance(value, list):
            return [general(v) for v in value]
        if isinstance(value, dict):
            return {k: general(v) for k, v in value.items()}
        return value

    return [general(row) for row in _rows(catalog, kind)]


def _rows(catalog: Catalog, kind: str) -> list[dict[str, Any]]:
    if kind == "roles":
        return [
            {
                "id": r.id,
                "name": r.name,
                "aliases": r.aliases,
                "summary": r.summary,
                "duties": r.duties,
                "detail": r.summary,
            }
            for r in catalog.roles
        ]
    if kind == "directions":
        return [
            {
                "id": d.id,
                "name": d.name,
                "aliases": d.aliases,
                "keywords": d.keywords,
                "roles": d.roles,
                "duties": d.duties,
                "detail": "、".join(catalog.role_by_id[r].name for r in d.roles if r in catalog.role_by_id),
            }
            for d in catalog.directions
        ]
    if kind == "duties":
        used: dict[str, list[str]] = {}
        for role in catalog.roles:
            for duty_id in role.duties:
                used.setdefault(duty_id, []).append(role.name)
        for level in catalog.levels:
            for duty_id in level.extra_duties:
                used.setdefault(duty_id, []).append(f"{level.name}级别")
        return [
            {
                "id": d.id,
                "name": d.name,
                "aliases": d.aliases,
                "keywords": d.keywords,
                "min_level": d.min_level,
                "roles": used.get(d.id, []),
                "detail": "、".join(used.get(d.id, [])),
            }
            for d in catalog.duties
        ]
    if kind == "levels":
        return [
            {
                "id": lv.id,
                "name": lv.name,
                "aliases": lv.aliases,
                "rank": i,
                "title": lv.title,
                "detail": lv.experience.replace("{role}", "运营"),
            }
            for i, lv in enumerate(catalog.levels)
        ]
    if kind == "industries":
        return [
            {
                "id": x.id,
                "name": x.name,
                "aliases": x.aliases,
                "values": x.values,
                "detail": "、".join(x.values.values()),
            }
            for x in catalog.industries
        ]
    return [
        {"id": k, "name": name, "aliases": list(aliases), "description": text, "detail": text}
        for k, (name, text, aliases) in TEMPLATES.items()
    ]
