"""The interactive wizard behind `jdwriter new` in a terminal.

Every answer is checked with the same resolve functions the flags use; a bad answer is asked again with
suggestions. Each prompt shows its default, so typing a role and pressing Enter to the end gives a JD.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.prompt import Prompt

from .catalog import Catalog
from .errors import UserError
from .render import FORMATS
from .resolve import resolve_emphasis, resolve_industry, resolve_level, resolve_role, split_values

T = TypeVar("T")
console = Console(stderr=True, highlight=False)


@dataclass
class Answers:
    role: str
    level: str | None = None
    emphasis: list[str] = field(default_factory=list)
    industry: str | None = None
    format: str | None = None
    output: Path | None = None


def ask(question: str, parse: Callable[[str], T], default: str = "") -> T:
    """Ask until ``parse`` accepts the answer. Enter gives ``default``."""
    while True:
        answer = Prompt.ask(question, default=default, show_default=bool(default), console=console)
        try:
            return parse(answer.strip())
        except UserError as exc:
            console.print(f"[red]{exc.message}[/red] 请重新输入。")


def _numbered(names: list[str]) -> None:
    width = max(len(str(len(names))), 2)
    cells = [f"[cyan]{i:>{width}}[/cyan] {name}" for i, name in enumerate(names, 1)]
    for start in range(0, len(cells), 4):
        console.print("   ".join(cells[start : start + 4]))


def _pick(answer: str, names: list[str]) -> str:
    """A number from the list becomes that name; anything else is passed through as typed."""
    if answer.isdigit():
        index = int(answer)
        if not 1 <= index <= len(names):
            raise UserError(f"编号应在 1 到 {len(names)} 之间")
        return names[index - 1]
    return answer


def run_wizard(catalog: Catalog) -> Answers:
    """Ask for role, level, emphasis, industry and output; return the answers as a user would type them."""
    console.print("[bold]写一份运营岗位 JD[/bold]（直接回车接受方括号里的默认值，Ctrl-C 退出）")
    roles = [r.name for r in catalog.roles]
    _numbered(roles)

    def parse_role(text: str) -> tuple[str, str | None]:
        if not text:
            raise UserError("请输入岗位名称或编号")
        text = _pick(text, roles)
        match = resolve_role(text, catalog)
        if match.note:
            console.print(f"[yellow]{match.note}。[/yellow]")
        return text, match.level

    role, title_level = ask("岗位（名称、招聘网站上的职位名或编号）", parse_role)
    levels = [lv.name for lv in catalog.levels]
    default_level = catalog.level_by_id[title_level or "specialist"].name
    level = ask(f"级别（{'/'.join(levels)}）", lambda t: catalog.level_by_id[resolve_level(t, catalog)].name, default_level)

    role_id = resolve_role(role, catalog).role
    duties = [catalog.duty_by_id[d].name for d in catalog.role_by_id[role_id].duties]
    console.print("可选的侧重：")
    _numbered(duties)

    def parse_emphasis(text: str) -> list[str]:
        values = [_pick(v, duties) for v in split_values([text])]
        resolve_emphasis(values, catalog)
        return values

    emphasis = ask("侧重（编号或关键词，可多选，用逗号分隔；回车跳过）", parse_emphasis)
    industries = [x.name for x in catalog.industries]
    console.print("行业：")
    _numbered(industries)

    def parse_industry(text: str) -> str | None:
        if not text or text in ("无", "不限", "通用"):
            return None
        text = _pick(text, industries)
        resolve_industry(text, catalog)
        return text

    industry = ask("行业（编号或名称；回车表示通用）", parse_industry)

    def parse_format(text: str) -> str:
        if text.lower() not in FORMATS:
            raise UserError(f"输出格式应为 {'、'.join(FORMATS)} 之一")
        return text.lower()

    fmt = ask(f"输出格式（{'/'.join(FORMATS)}）", parse_format, "md")
    default_path = f"jd.{fmt}" if fmt == "docx" else ""
    target = ask("保存到文件（回车在屏幕上预览）", lambda t: Path(t) if t else None, default_path)
    return Answers(role=role, level=level, emphasis=emphasis, industry=industry, format=fmt, output=target)
