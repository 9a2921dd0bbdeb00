"""What every command shares: messages on stderr, the error boundary, output and the shared options.

Command modules import this module and the core, never the package that assembles them (cli/__init__).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])

# Usage lines in Chinese (用法：jdwriter new [选项]); for every typer.Typer(...) of the command line.
GROUP_SETTINGS: dict[str, Any] = {
    "options_metavar": "[选项]",
    "subcommand_metavar": "命令 [参数]...",
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

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
    typer.Option(
        "--templates", help="优先使用这个目录里的模板，找不到再用内置模板。", rich_help_panel="自定义"
    ),
]


def examples(*pairs: tuple[str, str]) -> str:
    """A help page's 示例 section (Typer's epilog): (what it does, the command) pairs, commands kept short
    enough for a 60-column terminal so they never wrap and stay copyable."""
    lines = ["", "[bold]示例[/]"]  # the leading blank line keeps Typer's cleandoc from eating the indent
    for what, command in pairs:
        lines += [f"  # {what}", f"  {command}"]
    return "\n".join(lines)


def say(message: str, *, style: str | None = None) -> None:
    """A message for people: always stderr, so stdout stays clean data."""
    typer.secho(message, fg=style, err=True)


def handled(func: F) -> F:
    """Map the core's exception tree to one Chinese line on stderr and an exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..errors import JdwriterError

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
    from ..errors import UserError
    from ..writer import atomic_write

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
