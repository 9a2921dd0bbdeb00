"""The request options `new` and `kit` share (the same flags, the same help), declared once.

No ``from __future__ import annotations`` here, as in the command modules: Typer reads these on every run.
"""

from pathlib import Path
from typing import Annotated

import typer

from . import completion

RoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        "-r",
        help="岗位：名称、别名，或招聘网站上的职位名称（如 高级用户运营经理）。",
        autocompletion=completion.complete_role,
    ),
]
TitleOption = Annotated[
    str | None,
    typer.Option(
        "--title",
        help="原样打印的职位名称，如 社群运营（兼职）；不写 --role 时，岗位、方向和级别也从它识别。",
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        help="级别：实习生、专员、主管（高级/资深）、经理、总监。",
        autocompletion=completion.complete_level,
    ),
]
EmphasisOption = Annotated[
    list[str] | None,
    typer.Option("--emphasis", "-e", help="侧重的职责，可重复，也可用逗号分隔（如 拉新,数据分析）。"),
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="输出格式：md、txt、json、html、docx；默认按 -o 的扩展名，否则 md。"),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="写入这个文件（原子写入；已存在时需 --force）。")
]
ForceOption = Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")]
SeedOption = Annotated[int | None, typer.Option("--seed", help="换一组措辞：同一个数字总是给出同样的结果。")]

_INDUSTRY = "行业：电商、教育、社交、母婴、科技、本地生活；不给则写通用{}。"
IndustryOption = Annotated[
    str | None,
    typer.Option(
        "--industry", "-i", help=_INDUSTRY.format(" JD"), autocompletion=completion.complete_industry
    ),
]
KitIndustryOption = Annotated[  # the same flag; the kit's help speaks of questions
    str | None,
    typer.Option(
        "--industry", "-i", help=_INDUSTRY.format("题目"), autocompletion=completion.complete_industry
    ),
]
