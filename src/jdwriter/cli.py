"""The command line: parse, call the core, print, map errors to exit codes. Nothing else lives here.

Core modules are imported inside the commands, so `jdwriter --help` does not pay for the catalogue,
Jinja or jieba.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .cli_i18n import install as _install_i18n

_install_i18n()

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="jdwriter",
    help="为运营岗位写出具体、合规、分级的中文职位描述（JD），并检查任何 JD 的合规与质量问题。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

CatalogOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        help="追加自己的目录文件（可重复；也可用环境变量 JDWRITER_CATALOG）。",
        rich_help_panel="自定义",
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="优先使用这个目录里的模板，找不到再用内置模板。", rich_help_panel="自定义"),
]


def say(message: str, *, style: str | None = None) -> None:
    """A message for people: always stderr, so stdout stays clean data."""
    typer.secho(message, fg=style, err=True)


def handled(func: F) -> F:
    """Map the core's exception tree to one Chinese line on stderr and an exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import JdwriterError

        try:
            return func(*args, **kwargs)
        except JdwriterError as exc:
            say(f"错误：{exc.message}", style="red")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            say("已取消。")
            raise typer.Exit(130) from None
        except EOFError:
            say("输入已结束，未生成任何内容。")
            raise typer.Exit(1) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def catalog_paths(given: list[Path] | None) -> list[Path]:
    """--catalog files first from the environment (JDWRITER_CATALOG, os.pathsep-separated), then flags."""
    env = os.environ.get("JDWRITER_CATALOG", "")
    return [Path(p) for p in env.split(os.pathsep) if p.strip()] + list(given or [])


def emit(data: str | bytes, fmt: str, output: Path | None, force: bool) -> None:
    """Write to -o atomically, or to stdout. A terminal gets a rendered Markdown preview."""
    from .errors import UserError
    from .writer import atomic_write

    if output is not None:
        atomic_write(output, data, force=force)
        say(f"已写入 {output}")
        return
    if isinstance(data, bytes):
        if sys.stdout.isatty():
            raise UserError(f"{fmt} 是二进制格式，不能直接显示；请用 -o 指定文件名，例如 -o jd.{fmt}。")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if fmt == "md" and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(data))
        return
    sys.stdout.write(data)
    sys.stdout.flush()


def stdin_is_terminal() -> bool:
    """Whether someone can answer questions. The wizard prompts on stderr, so stdout may be piped."""
    return sys.stdin.isatty()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jdwriter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本并退出。")
    ] = False,
) -> None:
    """为运营岗位写出具体、合规、分级的中文职位描述（JD），并检查任何 JD 的合规与质量问题。"""


@app.command()
@handled
def new(
    role: Annotated[
        str | None,
        typer.Option("--role", "-r", help="岗位：名称、别名，或招聘网站上的职位名称（如 高级用户运营经理）。"),
    ] = None,
    level: Annotated[str | None, typer.Option("--level", "-l", help="级别：实习生、专员、主管（高级/资深）、经理、总监。")] = None,
    emphasis: Annotated[
        list[str] | None,
        typer.Option("--emphasis", "-e", help="侧重的职责，可重复，也可用逗号分隔（如 拉新,数据分析）。"),
    ] = None,
    industry: Annotated[str | None, typer.Option("--industry", "-i", help="行业：电商、教育、社交、母婴、科技、本地生活…")] = None,
    company: Annotated[
        Path | None, typer.Option("--company", help="公司信息 YAML 文件（name、intro、benefits、location、salary、headcount）。")
    ] = None,
    company_name: Annotated[str | None, typer.Option("--company-name", help="公司名称。")] = None,
    location: Annotated[str | None, typer.Option("--location", help="工作地点。")] = None,
    salary: Annotated[str | None, typer.Option("--salary", help="薪资范围，如 15-25K·14薪。")] = None,
    headcount: Annotated[int | None, typer.Option("--headcount", help="招聘人数。")] = None,
    template: Annotated[str, typer.Option("--template", "-t", help="模板：standard（标准版）或 full（完整版）。")] = "standard",
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="输出格式：md、txt、json、html、docx；默认按 -o 的扩展名，否则 md。")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入这个文件（原子写入；已存在时需 --force）。")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")] = False,
    seed: Annotated[int | None, typer.Option("--seed", help="换一组措辞：同一个数字总是给出同样的结果。")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="不提问；缺少的信息直接报错。适合脚本。")] = False,
    catalog: CatalogOption = None,
    templates: TemplatesOption = None,
) -> None:
    """写一份职位描述。给出 --role 直接生成；在终端里不带 --role 运行会逐项询问。"""
    from .api import get_catalog, make_request
    from .company import load_company
    from .compose import compose
    from .errors import UserError
    from .render import format_for, render

    if role is None and (no_input or not stdin_is_terminal()):
        raise UserError("缺少岗位：请用 --role 指定，例如 jdwriter new --role 用户运营（不带 --role 时需在终端里交互运行）。")
    paths = catalog_paths(catalog)
    cat = get_catalog(paths)
    if role is None:
        from .cli_wizard import run_wizard

        answers = run_wizard(cat)
        role, level, emphasis, industry = answers.role, answers.level, answers.emphasis, answers.industry
        fmt, output = answers.format or fmt, answers.output or output
    info = load_company(company, name=company_name, location=location, salary=salary, headcount=headcount)
    fmt = format_for(output, fmt)
    if output is not None:
        from .writer import check_target

        check_target(output, force)
    resolved = make_request(
        cat, role=role, level=level, emphasis=emphasis or [], industry=industry, company=info,
        template=template, seed=seed,
    )
    for note in resolved.notes:
        say(f"{note}；如需其他岗位请用 --role 指定。", style="yellow")
    jd = compose(resolved.request, cat)
    if company or paths or any((info.intro, info.benefits, info.name, info.location, info.salary)):
        _review(jd)
    emit(render(jd, fmt, templates), fmt, output, force)


def _review(jd: Any) -> None:
    """Text the user supplied (company fields, an own catalogue) is checked like any pasted JD; the
    built-in catalogue's output is proven clean by the tests, so the common path skips this cost."""
    from .check import check_text
    from .render import render_text

    findings = [f for f in check_text(render_text(jd, "md")).findings if f.category != "quality"]
    for finding in findings:
        say(f"提醒：{finding.message}建议：{finding.suggestion}", style="yellow")


LIST_KINDS = {"roles": "岗位", "duties": "职责块", "levels": "级别", "industries": "行业", "templates": "模板"}


@app.command("list")
@handled
def list_(
    kind: Annotated[str, typer.Argument(help="要列出什么：roles、duties、levels、industries、templates。")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON 数组，便于脚本处理。")] = False,
    catalog: CatalogOption = None,
) -> None:
    """列出目录里的岗位、职责块、级别、行业或模板。"""
    import json

    from .api import get_catalog
    from .listing import list_rows
    from .resolve import normalise

    key = normalise(kind)
    key = next((k for k, zh in LIST_KINDS.items() if key in (k, zh, k.rstrip("s"))), key)
    if key not in LIST_KINDS:
        from .errors import UnknownNameError

        raise UnknownNameError("类别", kind, [f"{k}（{v}）" for k, v in LIST_KINDS.items()])
    rows = list_rows(get_catalog(catalog_paths(catalog)), key)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{LIST_KINDS[key]}（{len(rows)}）", show_lines=False)
    columns = ["id", "name", "aliases", *(c for c in ("detail",) if any(c in r for r in rows))]
    detail = {"roles": "概述", "duties": "用于岗位", "levels": "经验要求", "industries": "行业说法", "templates": "说明"}
    headers = {"id": "id", "name": "名称", "aliases": "别名", "detail": detail[key]}
    for column in columns:
        table.add_column(headers[column], overflow="fold")
    for row in rows:
        table.add_row(*("、".join(row[c]) if isinstance(row.get(c), list) else str(row.get(c, "")) for c in columns))
    Console().print(table)


def main() -> None:
    """Console-script entry point."""
    if os.name == "nt" and not sys.stdout.isatty():
        # Redirected output on Chinese Windows defaults to GBK, which lacks characters such as "–";
        # our files are UTF-8 everywhere, and so is what we pipe.
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    app(prog_name="jdwriter")

# Commands kept in their own modules register themselves on `app` when imported.
from . import cli_batch, cli_catalog, cli_check  # noqa: F401
