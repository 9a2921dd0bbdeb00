"""The command line: parse, call the core, print, map errors to exit codes. Nothing else lives here.

This module assembles the app from one module per command. Command modules import ``common`` and the core,
never this package module, so there is no import circle. Core modules are imported inside the commands, so
`jdwriter --help` does not pay for the catalogue, Jinja or jieba.

The modules that define commands (this one, new, batch, check, fix, listing, catalog, completion) do not use
``from __future__ import annotations``: Typer reads each command's signature on every run, and string
annotations would be compiled and evaluated again each time (about 15 ms). Names imported only for type
checking are quoted instead.
"""

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from .. import __version__
from .i18n import install as _install_i18n

_install_i18n()

from . import batch, catalog, check, completion, fix, kit, listing, new  # noqa: E402  (after the translation hook)
from .common import GROUP_SETTINGS  # noqa: E402

app = typer.Typer(
    name="jdwriter",
    help="为运营岗位写出具体、合规、分级的中文职位描述（JD），并检查任何 JD 的合规与质量问题。",
    add_completion=False,  # our own pair, in Chinese, with an optional shell name: see cli/completion.py
    cls=completion.Group,
    pretty_exceptions_enable=False,
    **GROUP_SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jdwriter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本并退出。")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="出现内部错误时显示完整的出错位置；也可设置环境变量 JDWRITER_DEBUG=1"),
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[终端]",
            callback=completion.install,
            expose_value=False,
            autocompletion=completion.shells,
            help="安装 Tab 补全（bash、zsh 或 fish；不写则用当前终端），岗位、级别、行业名称都能补全。",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[终端]",
            callback=completion.show,
            expose_value=False,
            autocompletion=completion.shells,
            help="显示补全脚本（bash、zsh 或 fish），可复制或自行安装。",
        ),
    ] = None,
) -> None:
    """为运营岗位写出具体、合规、分级的中文职位描述（JD），并检查任何 JD 的合规与质量问题。"""
    if debug:
        os.environ["JDWRITER_DEBUG"] = "1"


app.command("new", epilog=new.EXAMPLES)(new.new)
app.command("kit", epilog=kit.EXAMPLES)(kit.kit)
app.command("batch", epilog=batch.EXAMPLES)(batch.batch)
app.command("check", epilog=check.EXAMPLES)(check.check)
app.command("fix", epilog=fix.EXAMPLES)(fix.fix)
app.command("list")(listing.list_)
app.add_typer(catalog.catalog_app, name="catalog")
app.add_typer(catalog.templates_app, name="templates")


# the commands by name, for building only the options of the one that runs
COMMANDS = {
    "new": new.new,
    "kit": kit.kit,
    "batch": batch.batch,
    "check": check.check,
    "fix": fix.fix,
    "list": listing.list_,
}


@contextlib.contextmanager
def _options_of(command: str | None) -> Iterator[None]:
    """Typer builds every command's options on each run, though Click runs one command. `jdwriter --help`
    (command None) lists the commands by name and summary, so only the root's options are built for it (about
    4 ms, a third of what --help spends beyond the Typer+Rich floor); `jdwriter new …` builds the root's and
    its own, not those of the other commands (a few per cent of a `new`). Typer is restored after."""
    import typer.main

    build = getattr(typer.main, "get_params_from_function", None)
    if build is None:  # another Typer layout: build everything, as always
        yield
        return
    skipped = {fn for name, fn in COMMANDS.items() if name != command}

    def params(callback: Any) -> Any:
        if command is None:
            return build(callback) if callback is _root else {}
        return {} if callback in skipped else build(callback)

    setattr(typer.main, "get_params_from_function", params)  # noqa: B010 (not a public name of Typer)
    try:
        yield
    finally:
        setattr(typer.main, "get_params_from_function", build)  # noqa: B010


def quiet_unraisable() -> None:
    """An object finalised while the interpreter unwinds a Ctrl-C (python-docx's ZipFile, half saved) may raise in
    its __del__; Python would print that traceback on exit. Users see one Chinese line per problem, never a
    traceback, so such leftovers are dropped (JDWRITER_DEBUG=1 keeps Python's report)."""
    from .common import debugging

    if not debugging():
        sys.unraisablehook = lambda _unraisable: None


def main() -> None:
    """Console-script entry point."""
    quiet_unraisable()
    if os.name == "nt" and not sys.stdout.isatty():
        # Redirected output on Chinese Windows defaults to GBK, which lacks characters such as "–";
        # our files are UTF-8 everywhere, and so is what we pipe.
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    summary = sys.argv[1:] in (["--help"], ["-h"])
    if summary or sys.argv[1:2] and sys.argv[1] in COMMANDS:
        with _options_of(None if summary else sys.argv[1]):
            app(prog_name="jdwriter")
    app(prog_name="jdwriter")
