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
from typer.exceptions import TyperException

F = TypeVar("F", bound=Callable[..., Any])

# Usage lines in Chinese (用法：jdwriter new [选项]); for every typer.Typer(...) of the command line.
GROUP_SETTINGS: dict[str, Any] = {
    "options_metavar": "[选项]",
    "subcommand_metavar": "命令 [参数]...",
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _refuse(message: str) -> None:
    """Refuse a bad option value from a Typer callback (outside `handled`): one Chinese line, exit 2."""
    say(f"错误：{message}", style="red")
    raise typer.Exit(2)


def _guard_catalog(value: list[Path] | None) -> list[Path] | None:
    from ..errors import UserError
    from ..files.paths import guard_input

    for path in value or []:
        try:
            guard_input(path, "目录文件")
        except UserError as exc:
            _refuse(exc.message)
    return value


def _guard_templates(value: Path | None) -> Path | None:
    from ..errors import UserError
    from ..files.paths import guard_input

    if value is not None:
        try:
            guard_input(value, "模板目录", missing_ok=True)
        except UserError as exc:
            _refuse(exc.message)
    return value


CatalogOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        help="追加自己的目录文件（可重复；也可用环境变量 JDWRITER_CATALOG）。",
        rich_help_panel="自定义",
        callback=_guard_catalog,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="优先使用这个目录里的模板，找不到再用内置模板。",
        rich_help_panel="自定义",
        callback=_guard_templates,
    ),
]


INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in jdwriter, not bad input (2) or a failed check (1)


def examples(*pairs: tuple[str, str]) -> str:
    """A help page's 示例 section (Typer's epilog): (what it does, the command) pairs, commands kept short
    enough for a 60-column terminal so they never wrap and stay copyable."""
    lines = ["", "[bold]示例[/]"]  # the leading blank line keeps Typer's cleandoc from eating the indent
    for what, command in pairs:
        lines += [f"  # {what}", f"  {command}"]
    return "\n".join(lines)


def say(message: str, *, style: str | None = None) -> None:
    """A message for people: always stderr, so stdout stays clean data. Control characters quoted from
    files (ESC, BEL…) are shown as escapes, never sent to the terminal."""
    from ..safe_text import visible

    typer.secho(visible(message), fg=style, err=True)


def debugging() -> bool:
    """--debug or JDWRITER_DEBUG=1: show the traceback of an internal error."""
    return os.environ.get("JDWRITER_DEBUG", "").strip() not in ("", "0")


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
        except MemoryError:
            say("错误：输入太大，内存不足，已停止；请检查输入文件。", style="red")
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except OSError as exc:  # a path problem the guards did not foresee: still one sentence, exit 2
            if exc.filename is None:
                _internal_error(exc)
                raise typer.Exit(INTERNAL_ERROR) from None
            say(f"错误：无法使用「{_shown(exc.filename)}」：{_os_reason(exc)}。", style="red")
            raise typer.Exit(2) from None
        except RuntimeError as exc:  # Path.resolve on a symlink loop (Python 3.11)
            if "Symlink loop" not in str(exc):
                _internal_error(exc)
                raise typer.Exit(INTERNAL_ERROR) from None
            say("错误：路径是一个循环的符号链接（链接最终指回自己）；请给出真实的文件路径。", style="red")
            raise typer.Exit(2) from None
        except ModuleNotFoundError as exc:  # a broken install, not a bug of ours
            _missing_package(exc)
            raise typer.Exit(INTERNAL_ERROR) from None
        except Exception as exc:  # the last resort: a bug of ours, never a bare traceback
            _internal_error(exc)
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _shown(name: object) -> str:
    from ..files.paths import shown

    return shown(os.fsdecode(name) if isinstance(name, bytes) else str(name))


def _os_reason(exc: OSError) -> str:
    from ..errors import os_reason

    return os_reason(exc)


def _missing_package(exc: ModuleNotFoundError) -> None:
    package = (exc.name or "").split(".")[0]
    if not package or package == "jdwriter":
        _internal_error(exc)
        return
    say(
        f"错误：这台机器上的 jdwriter 缺少它要用的软件包「{package}」；"
        "请在安装 jdwriter 的同一个 Python 环境里重新安装：pip install --force-reinstall jdwriter。",
        style="red",
    )


def _internal_error(exc: BaseException) -> None:
    """One Chinese line a user can paste into a report; the traceback only with --debug."""
    from ..files.inputs import shown

    if debugging():
        import traceback

        from ..safe_text import visible

        sys.stderr.write(visible("".join(traceback.format_exception(exc))))
    where = ""
    tb = exc.__traceback__
    while tb is not None:
        where = f"{os.path.basename(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    detail = f"{type(exc).__name__}: {shown(str(exc), 200)}" + (f"（{where}）" if where else "")
    say(f"内部错误，请附上这条信息报告：{detail}", style="red")
    if not debugging():
        say("加 --debug 或设置环境变量 JDWRITER_DEBUG=1 可以看到完整的出错位置。")


def catalog_paths(given: list[Path] | None) -> list[Path]:
    """--catalog files first from the environment (JDWRITER_CATALOG, os.pathsep-separated), then flags."""
    from ..files.paths import guard_input

    env = os.environ.get("JDWRITER_CATALOG", "")
    paths = [Path(p) for p in env.split(os.pathsep) if p.strip()] + list(given or [])
    for path in paths:
        guard_input(path, "目录文件")
    return paths


def emit(data: str | bytes, fmt: str, output: Path | None, force: bool) -> None:
    """Write to -o atomically, or to stdout. A terminal gets a rendered Markdown preview."""
    from ..errors import UserError
    from ..files.writer import atomic_write

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
    from ..safe_text import visible

    data = visible(data)  # a company name with ESC in it must not reach the terminal (a file keeps it)
    if fmt == "md" and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(data, hyperlinks=False))  # a link in a company intro: text and URL, no OSC 8
        return
    sys.stdout.write(data)
    sys.stdout.flush()


def stdin_is_terminal() -> bool:
    """Whether someone can answer questions. The wizard prompts on stderr, so stdout may be piped."""
    return sys.stdin.isatty()
