"""`jdwriter kit`: the interview kit (面试题与评分表) for the job `new` would write, in the same formats."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import CatalogOption, catalog_paths, emit, examples, handled, say
from .options import (
    EmphasisOption,
    ForceOption,
    FormatOption,
    KitIndustryOption,
    LevelOption,
    OutputOption,
    RoleOption,
    SeedOption,
    TitleOption,
)

if TYPE_CHECKING:
    from ..catalog.model import Catalog
    from ..kit.model import Kit
    from ..models import Request

EXAMPLES = examples(
    ("经理级用户运营的面试题与评分表，存为 Word 文件", "jdwriter kit -r 用户运营 -l 经理 -o 面试.docx"),
    ("按招聘网站上的职位名称出题，打印到屏幕", "jdwriter kit --title 亚马逊运营经理"),
    ("给脚本用的 JSON（权重、题目、评分标准）", "jdwriter kit -r 抖音运营 -f json"),
)


@handled
def kit(
    role: RoleOption = None,
    title: TitleOption = None,
    level: LevelOption = None,
    emphasis: EmphasisOption = None,
    industry: KitIndustryOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    seed: SeedOption = None,
    catalog: CatalogOption = None,
    scores: Annotated[
        str | None,
        typer.Option(
            "--scores",
            help="面试后按考察维度的顺序填入 1–5 分（如 4,3,5,4,3），评分表里算出加权总分。",
        ),
    ] = None,
) -> None:
    """写一份面试题与评分表：考察维度和权重、每题的追问和 1/3/5 分评分标准、面试安排、评分表和面试官须知。
    岗位、级别、行业、侧重的读法与 new 完全相同，题目来自这份 JD 的职责。"""
    from ..api import get_catalog, make_request
    from ..errors import UserError
    from ..formats import format_for
    from ..kit.api import kit_for
    from ..kit.render import render_kit

    if role is None and title is None:
        raise UserError("缺少岗位：请用 --role 指定，例如 jdwriter kit --role 用户运营 --level 经理。")
    fmt = format_for(output, fmt)
    if output is not None:
        from ..files.writer import check_target

        check_target(output, force)
    cat = get_catalog(catalog_paths(catalog))
    resolved = make_request(
        cat, role=role, title=title, level=level, emphasis=emphasis or [], industry=industry, seed=seed
    )
    for note in resolved.notes:
        say(f"{note}；如需其他岗位请用 --role 指定。", style="yellow")
    made = kit_for(resolved.request, cat)
    if scores is not None:
        made = _scored(made, scores)
    emit(render_kit(made, fmt), fmt, output, force)


def _scored(made: "Kit", given: str) -> "Kit":
    """--scores "4,3,5": the scorecard filled in, or one Chinese sentence saying what would fit."""
    import re

    from ..errors import UserError
    from ..kit.model import scored

    parts = [p for p in re.split(r"[\s,，、;；]+", given) if p]
    if not all(p.isdigit() for p in parts):
        raise UserError(f"--scores 应为用逗号分隔的 1–5 分，例如 4,3,5,4；收到的是「{given}」。")
    try:
        return scored(made, [int(p) for p in parts])
    except ValueError as exc:
        raise UserError(f"{exc}。") from None


KitFlag = Annotated[
    bool,
    typer.Option(
        "--kit",
        help="同时写一份面试题与评分表，放在 JD 旁边（-o 用户运营经理.md 另写 用户运营经理-面试.md）；需要 -o。",
    ),
]


def kit_target(output: "Path | None", force: bool) -> "Path":
    """Where `new --kit` writes the kit, checked before anything is written. Without -o there is no file
    to put it beside: refused (exit 2) rather than printing two documents into one stream."""
    from ..errors import UserError
    from ..files.writer import check_target
    from ..kit.api import kit_path

    if output is None:
        raise UserError(
            "--kit 需要 -o：JD 和面试题写成两个文件，例如 -o 用户运营经理.md 会另写 用户运营经理-面试.md；"
            "只要面试题请用 jdwriter kit。"
        )
    target = kit_path(output)
    check_target(target, force)
    return target


def kit_beside(
    request: "Request", catalog: "Catalog", output: "Path | None", fmt: str, force: bool
) -> "Callable[[], None]":
    """Build and render the kit for `new --kit` now (a job without questions is refused before the JD is
    written); the returned function writes it."""
    from ..kit.api import kit_for
    from ..kit.render import render_kit

    target = kit_target(output, force)
    data = render_kit(kit_for(request, catalog), fmt)
    return lambda: emit(data, fmt, target, force)
