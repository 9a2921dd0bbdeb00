"""The interactive wizard behind `jdwriter new` in a terminal.

It asks only what the flags left open. Every answer is checked with the same resolve functions the flags
use; a bad answer is asked again with suggestions. Each prompt shows its default in parentheses, so typing
a role and pressing Enter to the end gives a JD. A name may be shortened to any unique beginning (本地 for
本地生活); a file name without an extension takes the chosen format's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from ..api import Answers
from ..catalog.model import Catalog
from ..errors import UserError
from ..files.company import check_field
from ..formats import FORMATS, TEMPLATES, format_for
from ..resolve.names import resolve_emphasis, resolve_industry, resolve_level
from ..resolve.titles import resolve_title
from ..text import normalise, split_values

T = TypeVar("T")
console = Console(stderr=True, highlight=False)
DEFAULT_ROLE = "用户运营"
PREVIEW = "-"


@dataclass(frozen=True)
class Posting:
    """What a full posting needs beyond the JD: the template and the company facts. None: not given yet
    (asked); "" after asking: skipped."""

    template: str | None = None
    name: str | None = None
    location: str | None = None
    salary: str | None = None
    headcount: str | None = None


def ask(question: str, parse: Callable[[str], T], default: str = "") -> T:
    """Ask until ``parse`` accepts the answer. Enter gives ``default``. Ctrl-C and Ctrl-D end the prompt's
    line first, so 「已取消。」 stands on its own line."""
    while True:
        try:
            answer = Prompt.ask(question, default=default, show_default=bool(default), console=console)
        except (KeyboardInterrupt, EOFError):
            console.print()  # the terminal left the cursor after the prompt (and its ^C)
            raise
        try:
            return parse(answer.strip())
        except UserError as exc:
            console.print(f"[red]{escape(exc.message.rstrip('。'))}[/red]，请重新输入。")


def say_wrapped(text: str, bold: int = 0) -> None:
    """A line of Chinese wrapped between characters, never inside a Latin word or before 、，。 (the first
    ``bold`` characters in bold). Printed as text: no markup is read from it."""
    from rich.text import Text

    from .help_render import Wrapped

    line = Text(text)
    if bold:
        line.stylize("bold", 0, bold)
    console.print(Wrapped(line))


def _numbered(names: list[str], columns: int = 4) -> None:
    """A numbered menu in aligned columns; CJK characters take two cells, so pad by width, not length."""
    width = len(str(len(names)))
    cells = [f"{i:>{width}} {name}" for i, name in enumerate(names, 1)]
    column = max(cell_len(c) for c in cells) + 3
    columns = max(1, min(columns, (console.width + 3) // column))  # a narrow terminal gets fewer columns
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


def _known(text: str, names: list[str], resolve: Callable[[str], object]) -> str:
    """``text`` if ``resolve`` accepts it; else the one name it begins (本地 → 本地生活), if that is accepted;
    else resolve's own refusal, with its suggestions."""
    try:
        resolve(text)
        return text
    except UserError:
        whole = unique_prefix(text, names)
        if whole is None:
            raise
    resolve(whole)
    return whole


def unique_prefix(answer: str, names: list[str]) -> str | None:
    """The one name that ``answer`` begins (本地 → 本地生活), or None (no name, several, or a whole name)."""
    key = normalise(answer)
    if not key or any(normalise(n) == key for n in names):
        return None
    found = [n for n in names if normalise(n).startswith(key)]
    return found[0] if len(found) == 1 else None


def run_wizard(
    catalog: Catalog,
    given: Answers,
    default_name: Callable[[Answers], str],
    posting: Posting | None = None,
) -> tuple[Answers, Posting]:
    """Ask for whatever ``given`` and ``posting`` leave open (role, level, emphasis, industry, template,
    company facts, output) and return all answers as a user would type them. ``default_name`` proposes a
    file name from the answers so far."""
    say_wrapped("写一份运营岗位 JD（直接回车接受圆括号里的默认值，Ctrl-C 退出）", bold=6)
    role = given.role or _ask_role(catalog)
    title_level = resolve_title(role, catalog).level
    level = given.level
    if level is None:
        levels = [lv.name for lv in catalog.levels]
        default_level = catalog.level_by_id[title_level or "specialist"].name
        level = ask(
            f"级别（{'/'.join(levels)}）",
            lambda t: (
                catalog.level_by_id[
                    resolve_level(
                        _known(_pick(t, levels), levels, lambda x: resolve_level(x, catalog)), catalog
                    )
                ].name
            ),
            default_level,
        )
    emphasis = given.emphasis if given.emphasis is not None else tuple(_ask_emphasis(catalog, role))
    industry = given.industry
    if industry is None:
        industry = _ask_industry(catalog)
    answers = given.merged(Answers(role=role, level=level, emphasis=emphasis, industry=industry))
    posting = ask_posting(posting or Posting())
    if given.output is None:
        fmt = answers.format or ask(
            f"输出格式（{'/'.join(FORMATS)}）",
            lambda t: format_for(None, _pick(t, list(FORMATS)) or "md"),
            "md",
        )
        answers = replace_output(answers, fmt, default_name)
    return answers, posting


def ask_posting(posting: Posting) -> Posting:
    """The full template, then company name, place, salary and headcount: each skipped with Enter."""
    if posting.template is None:
        name, about, _ = TEMPLATES["full"]
        full = ask(f"用{name}模板吗？{about}（y/N）", _yes_no, "")
        posting = replace(posting, template="full" if full else "standard")
    questions = [
        ("name", "公司名称", ""),
        ("location", "工作地点", "如 上海·徐汇；"),
        ("salary", "薪资范围", "如 15-25K·14薪；"),
        ("headcount", "招聘人数", "如 2、两、若干；"),
    ]
    for key, label, example in questions:
        if getattr(posting, key) is None:
            answer = ask(f"{label}（{example}回车跳过）", _company_field(key, label))
            posting = replace(posting, **{key: answer})
    return posting


def _yes_no(text: str) -> bool:
    key = normalise(text)
    if key in ("", "n", "no", "否", "不", "不用", "不要"):
        return False
    if key in ("y", "yes", "是", "要", "好", "用"):
        return True
    raise UserError("请回答 y（是）或 n（否），直接回车表示否")


def _company_field(key: str, label: str) -> Callable[[str], str]:
    """The check for one company answer: empty is skipped; anything else goes through the input layer."""

    def check(text: str) -> str:
        if text:
            check_field(key, text, label)
        return text

    return check


def free_name(path: Path) -> Path:
    """``path`` if no file has that name, else the first of 名字-2.md, 名字-3.md … that is free."""
    if not path.exists():
        return path
    number = 2
    while (candidate := path.with_name(f"{path.stem}-{number}{path.suffix}")).exists():
        number += 1
    return candidate


def with_extension(text: str, fmt: str) -> Path:
    """种草2 → 种草2.docx; 种草2.0 → 种草2.0.docx; jd.md stays (and is checked against the format)."""
    path = Path(text)
    if re.fullmatch(r"\.[A-Za-z]{1,5}", path.suffix):
        return path
    return path.with_name(f"{path.name}.{fmt}")


def replace_output(answers: Answers, fmt: str, default_name: Callable[[Answers], str]) -> Answers:
    """Ask where to save; the default is always a name no file has yet."""
    suggested = free_name(Path(f"{default_name(answers)}.{fmt}"))
    while True:
        hint = f"回车保存为 {suggested}" + ("" if fmt == "docx" else f"；输入 {PREVIEW} 只在屏幕上显示")

        def parse_target(text: str, default: Path = suggested) -> Path | None:
            if text == PREVIEW:
                if fmt == "docx":
                    raise UserError("docx 不能在屏幕上显示，请给出文件名")
                return None
            path = with_extension(text, fmt) if text else default
            format_for(path, fmt)
            if path.exists():
                raise _Taken(path)
            return path

        try:
            target = ask(f"保存到文件（{escape(hint)}）", parse_target)
        except _Taken as exc:
            suggested = free_name(exc.path)
            console.print(
                f"[red]「{escape(str(exc.path))}」已存在[/red]，请换一个文件名"
                f"（回车用 {escape(str(suggested))}，或退出后加 --force 覆盖）。"
            )
            continue
        return replace(answers, format=fmt, output=target)


class _Taken(Exception):
    """A file name that exists: asked again with a free name as the new default."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _ask_role(catalog: Catalog) -> str:
    roles = [r.name for r in catalog.roles]
    _numbered(roles)
    if catalog.directions:
        shown = "、".join(d.name for d in catalog.directions[:12])
        say_wrapped(
            f"也可以直接写招聘网站上的职位名称，包括方向：{shown}……（jdwriter list directions 查看全部）"
        )

    def parse_role(text: str) -> str:
        text = _known(_pick(text, roles), roles, lambda x: resolve_title(x, catalog))
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
        values = [
            _known(_pick(v, duties), duties, lambda x: resolve_emphasis([x], catalog))
            for v in split_values([text])
        ]
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
        return _known(_pick(text, industries), industries, lambda x: resolve_industry(x, catalog))

    return ask("行业（编号或名称；回车表示不限行业，写通用的 JD）", parse_industry)
