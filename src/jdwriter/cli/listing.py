"""`jdwriter list`: what the catalogue holds, as a table for people or JSON for scripts."""

import sys
from typing import Annotated

import typer

from .common import CatalogOption, catalog_paths, handled

LIST_KINDS = {
    "roles": "岗位",
    "directions": "方向",
    "duties": "职责块",
    "levels": "级别",
    "industries": "行业",
    "templates": "模板",
}


@handled
def list_(
    kind: Annotated[
        str, typer.Argument(help="要列出什么：roles、directions、duties、levels、industries、templates。")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 数组，便于脚本处理。")] = False,
    catalog: CatalogOption = None,
) -> None:
    """列出目录里的岗位、方向、职责块、级别、行业或模板。"""
    import json

    from ..api import get_catalog
    from ..catalog.listing import list_rows
    from ..text import normalise

    key = normalise(kind)
    key = next((k for k, zh in LIST_KINDS.items() if key in (k, zh, k.rstrip("s"))), key)
    if key not in LIST_KINDS:
        from ..errors import UnknownNameError

        raise UnknownNameError("类别", kind, [f"{k}（{v}）" for k, v in LIST_KINDS.items()])
    rows = list_rows(get_catalog(catalog_paths(catalog)), key)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{LIST_KINDS[key]}（{len(rows)}）", show_lines=False)
    if key in ("roles", "directions"):
        from ..resolve.scope import scope_note

        table.caption = scope_note()
    columns = ["id", "name", "aliases", *(c for c in ("detail",) if any(c in r for r in rows))]
    detail = {
        "roles": "概述",
        "directions": "所属岗位",
        "duties": "用于岗位",
        "levels": "经验要求",
        "industries": "行业说法",
        "templates": "说明",
    }
    headers = {"id": "id", "name": "名称", "aliases": "别名", "detail": detail[key]}
    for column in columns:
        table.add_column(headers[column], overflow="fold")
    for row in rows:
        table.add_row(
            *("、".join(row[c]) if isinstance(row.get(c), list) else str(row.get(c, "")) for c in columns)
        )
    Console().print(table)
