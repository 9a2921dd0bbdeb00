"""`jdwriter list`: what the catalogue holds, as a table for people or JSON for scripts. Without a kind, the
kinds themselves, each with what it is for and how many there are."""

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import CatalogOption, catalog_paths, handled

if TYPE_CHECKING:
    from rich.table import Table

LIST_KINDS = {
    "roles": "岗位",
    "directions": "方向",
    "duties": "职责块",
    "levels": "级别",
    "industries": "行业",
    "templates": "模板",
}
KIND_TEXT = {
    "roles": "可写的岗位，--role 的取值",
    "directions": "职位名称里可带的市场方向，如抖音、直播、亚马逊",
    "duties": "组成岗位职责的职责块，--emphasis 可选其中的侧重",
    "levels": "级别，--level 的取值",
    "industries": "行业，--industry 的取值",
    "templates": "版式，--template 的取值",
}
DETAIL = {
    "roles": "概述",
    "directions": "所属岗位",
    "duties": "用于岗位",
    "levels": "经验要求",
    "industries": "行业说法",
    "templates": "说明",
}


@handled
def list_(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="类别",
            help="要列出什么：roles、directions、duties、levels、industries、templates；不写则列出这些类别。",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 数组，便于脚本处理。")] = False,
    catalog: CatalogOption = None,
) -> None:
    """列出目录里的岗位、方向、职责块、级别、行业或模板；不写类别时列出有哪些类别。"""
    import json

    from ..api import get_catalog
    from ..catalog.listing import list_rows
    from ..text import normalise

    cat = get_catalog(catalog_paths(catalog))
    if kind is None:
        kinds = [
            {"kind": k, "name": v, "count": len(list_rows(cat, k)), "description": KIND_TEXT[k]}
            for k, v in LIST_KINDS.items()
        ]
        if as_json:
            sys.stdout.write(json.dumps(kinds, ensure_ascii=False, indent=2) + "\n")
        else:
            _print_kinds(kinds)
        return
    key = normalise(kind)
    key = next((k for k, zh in LIST_KINDS.items() if key in (k, zh, k.rstrip("s"))), key)
    if key not in LIST_KINDS:
        from ..errors import UnknownNameError

        raise UnknownNameError("类别", kind, [f"{k}（{v}）" for k, v in LIST_KINDS.items()])
    rows = list_rows(cat, key)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    _print_table(key, rows)


def _print_kinds(kinds: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.text import Text

    from .help_render import Wrapped, WrapTable

    table = WrapTable(
        title="可以列出的类别（jdwriter list 类别）", box=None, show_header=False, pad_edge=False
    )
    table.add_column(no_wrap=True, style="bold")
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, justify="right")
    table.add_column()
    for item in kinds:
        table.add_row(item["kind"], item["name"], str(item["count"]), Wrapped(Text(item["description"])))
    Console().print(table)


def _print_table(key: str, rows: list[dict[str, Any]]) -> None:
    """Long text wraps between CJK characters and at spaces, never inside a Latin word (SaaS), and never
    puts closing punctuation (，。) first on a line."""
    from rich.console import Console
    from rich.text import Text

    from .help_render import Wrapped, WrapTable

    table: Table = WrapTable(title=f"{LIST_KINDS[key]}（{len(rows)}）", show_lines=False)
    columns = ["id", "name", "aliases", *(c for c in ("detail",) if any(c in r for r in rows))]
    headers = {"id": "id", "name": "名称", "aliases": "别名", "detail": DETAIL[key]}
    for column in columns:
        table.add_column(Wrapped(Text(headers[column], style="bold")))
    for row in rows:
        cells = ("、".join(row[c]) if isinstance(row.get(c), list) else str(row.get(c, "")) for c in columns)
        table.add_row(*(Wrapped(Text(cell), after="_") if cell else "" for cell in cells))
    console = Console()
    console.print(table)
    if key in (
        "roles",
        "directions",
    ):  # what jdwriter writes, wrapped like the cells (no ，。 first on a line)
        from ..resolve.scope import scope_note

        console.print(Wrapped(Text(scope_note(), style="dim")))
