"""The interactive wizard behind `jdwriter new` in a terminal.

It asks only what the flags left open. Every answer is checked with the same resolve functions the flags
use; a bad answer is asked again with suggestions. Each prompt shows its default in parentheses, so typing
a role and pressing Enter to the end gives a JD.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from ..api import Answers
from ..catalog.model import Catalog
from ..errors import UserError
from ..formats import FORMATS, format_for
from ..resolve.names import resolve_emphasis, resolve_industry, resolve_level
from ..resolve.titles import resolve_title
from ..text import split_values

T = TypeVar("T")
console = Console(stderr=True, highlight=False)
DEFAULT_ROLE = "用户运营"
PREVIEW = "-"


def ask(question: str, parse: Callable[[str], T], default: str = "") -> T:
    """Ask until ``parse`` accepts the answer. Enter gives ``default``."""
    while True:
        answer = Prompt.ask(question, default=default, show_default=bool(default), console=console)
        try:
            return parse(answer.strip())
        except UserError as exc:
            console.print(f"[red]{escape(exc.message.rstrip('。'))}[/red]，请重新输入。")


def _numbered(names: list[str], columns: int = 4) -> None:
    """A numbered menu in aligned columns; CJK characters take two cells, so pad by width, not length."""
    width = len(str(len(names)))
    cells = [f"{i:>{width}} {name}" for i, name in enumerate(names, 1)]
    column = max(cell_len(c) for c in cells) + 3
    for start in range(0, len(cells), columns):
        row = cells[start : start + columns]
        line = "".join(c + " " * (column - cell_len(c)) for c in row[:-1]) + row[-1]
        console.print(escape(line))


def _pick(answer: str, names: list[str]) -> str:
    """A number from the list becomes that name; anything else is passed through as typed."""
    if answer.isdigit():
        index = int(answer)
        if not 1 <= index <= len(names):
            raise UserError(f"编号应在 1 到 {len(names)} 之间")
        return names[index - 1]
    return answer


def run_wizard(catalog: Catalog, given: Answers, default_name: Callable[[Answers], str]) -> Answers:
    """Ask for whatever ``given`` leaves open (role, level, emphasis, industry, output) and return all
    answers as a user would type them. ``default_name`` proposes a file name from the answers so far."""
    console.print("[bold]写一份运营岗位 JD[/bold]（直接回车接受圆括号里的默认值，Ctrl-C 退出）")
    role = given.role or _ask_role(catalog)
    title_level = resolve_title(role, catalog).level
    level = given.level
    if level is None:
        levels = [lv.name for lv in catalog.levels]
        default_level = catalog.level_by_id[title_level or "specialist"].name
        level = ask(
            f"级别（{'/'.join(levels)}）",
            lambda t: catalog.level_by_id[resolve_level(t, catalog)].name,
            default_level,
        )
    emphasis = given.emphasis if given.emphasis is not None else tuple(_ask_emphasis(catalog, role))
    industry = given.industry
    if industry is None:
        industry = _ask_industry(catalog)
    answers = given.merged(Answers(role=role, level=level, emphasis=emphasis, industry=industry))
    if given.output is None:
        fmt = answers.format or ask(
            f"输出格式（{'/'.join(FORMATS)}）", lambda t: format_for(None, t or "md"), "md"
        )
        answers = replace_output(answers, fmt, default_name)
    return answers


def replace_output(answers: Answers, fmt: str, default_name: Callable[[Answers], str]) -> Answers:
    from dataclasses import replace

    suggested = f"{default_name(answers)}.{fmt}"

    def parse_target(text: str) -> Path | None:
        if text == PREVIEW:
            if fmt == "docx":
                raise UserError("docx 不能在屏幕上显示，请给出文件名")
            return None
        path = Path(text or suggested)
        format_for(path, fmt)
        if path.exists():
            raise UserError(f"「{path}」已存在，请换一个文件名（或退出后加 --force 覆盖）")
        return path

    hint = f"回车保存为 {suggested}" + ("" if fmt == "docx" else f"；输入 {PREVIEW} 只在屏幕上显示")
    target = ask(f"保存到文件（{hint}）", parse_target)
    return (
        replace(answers, format=fmt, output=target) if target else replace(answers, format=fmt, output=None)
    )


def _ask_role(catalog: Catalog) -> str:
    roles = [r.name for r in catalog.roles]
    _numbered(roles)
    if catalog.directions:
        shown = "、".join(d.name for d in catalog.directions[:12])
        console.print(
            f"也可以直接写招聘网站上的职位名称，包括方向：{escape(shown)}……（jdwriter list directions 查看全部）"
        )

    def parse_role(text: str) -> str:
        text = _pick(text, roles)
        match = resolve_title(text, catalog)
        if match.note:
            console.print(
                f"[yellow]{escape(match.note)}；如需其他岗位，请在下一次运行时输入更具体的职位名称。[/yellow]"
            )
        return text

    return ask("岗位（编号、岗位名或职位名称，如 直播用户运营）", parse_role, DEFAULT_ROLE)


def _ask_emphasis(catalog: Catalog, role: str) -> list[str]:
    role_id = resolve_title(role, catalog).role
    duties = [catalog.duty_by_id[d].name for d in catalog.role_by_id[role_id].duties]
    console.print("可选的侧重：")
    _numbered(duties, columns=3)

    def parse_emphasis(text: str) -> list[str]:
        values = [_pick(v, duties) for v in split_values([text])]
        resolve_emphasis(values, catalog)
        return values

    return ask("侧重（编号或关键词，可多选，用逗号分隔；回车表示不设侧重）", parse_emphasis)


def _ask_industry(catalog: Catalog) -> str:
    industries = [x.name for x in catalog.industries]
    console.print("行业：")
    _numbered(industries)

    def parse_industry(text: str) -> str:
        if not text or text in ("无", "不限", "通用"):
            return ""
        text = _pick(text, industries)
        resolve_industry(text, catalog)
        return text

    return ask("行业（编号或名称；回车表示不限行业，写通用的 JD）", parse_industry)
