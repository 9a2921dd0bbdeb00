"""Shell completion for bash, zsh and fish: `--install-completion` / `--show-completion` (the shell name is
optional; left out, the current shell is detected), and Tab completion of role, level, industry and
direction names.

The names come from the catalogue, read only when the shell asks for a completion: normal start-up never
loads it here.
"""

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperGroup

from .common import say

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
OPTIONS = ("--install-completion", "--show-completion")
AUTO = "自动"


def _normalise(args: list[str], commands: Any) -> list[str]:
    """`--show-completion`, `--show-completion bash` and `--show-completion=bash` all work."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if not arg.startswith("-"):
            return out + args[i:]  # the command: its options are its own
        if arg in OPTIONS:
            following = args[i + 1] if i + 1 < len(args) else "-"
            if following.startswith("-") or following in commands:
                arg = f"{arg}={AUTO}"
        out.append(arg)
    return out


class Group(TyperGroup):
    """The root command group: optional shell names, and Typer's shell classes ready for a Tab press."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return list(super().parse_args(ctx, _normalise(list(args), self.commands)))

    def _main_shell_completion(self, *args: Any, **kwargs: Any) -> None:
        _init()
        super()._main_shell_completion(*args, **kwargs)


def _init() -> None:
    from typer._completion_classes import completion_init

    completion_init()


def _shell(value: str) -> str:
    from ..errors import UnknownNameError, UserError

    if value != AUTO:
        if value not in SHELLS:
            raise UnknownNameError("终端", value, list(SHELLS[:3]))
        return value
    from typer._completion_shared import _get_shell_name

    shell = _get_shell_name()
    if shell not in SHELLS:
        raise UserError("认不出当前的终端；请写明是哪一种，例如 jdwriter --show-completion bash。")
    return str(shell)


def _complete_var(ctx: Any) -> tuple[str, str]:
    prog = ctx.find_root().info_name or "jdwriter"
    return prog, "_{}_COMPLETE".format(prog.replace("-", "_").upper())


def _run(ctx: typer.Context, value: str | None, action: Callable[[str, str, str], None]) -> None:
    """The shared body of --show-completion and --install-completion: an eager option that acts and exits.
    ``action(shell, prog, complete_var)`` does the work inside the error boundary."""
    if value is None or ctx.resilient_parsing:
        return
    from .common import handled

    @handled
    def run() -> None:
        _init()
        prog, var = _complete_var(ctx)
        action(_shell(value), prog, var)

    run()
    raise typer.Exit()


def show(ctx: typer.Context, param: Any, value: str | None) -> None:
    def print_script(shell: str, prog: str, var: str) -> None:
        from typer._completion_shared import get_completion_script

        typer.echo(get_completion_script(prog_name=prog, complete_var=var, shell=shell))

    _run(ctx, value, print_script)


def install(ctx: typer.Context, param: Any, value: str | None) -> None:
    def install_files(shell: str, prog: str, var: str) -> None:
        from typer._completion_shared import install as install_script

        name, path = install_script(shell=shell, prog_name=prog, complete_var=var)
        say(f"已为 {name} 安装命令补全：{path}。重新打开终端后生效。", style="green")

    _run(ctx, value, install_files)


def shells(incomplete: str) -> list[str]:
    return [s for s in SHELLS if s.startswith(incomplete)]


def _names(kind: str) -> Callable[[str], list[tuple[str, str]]]:
    """A completion callback: catalogue names (and aliases) of one kind that start with what was typed."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        try:
            from ..api import get_catalog
            from .common import catalog_paths

            items = getattr(get_catalog(catalog_paths(None)), kind, [])
        except Exception:  # a broken catalogue must not break the user's shell; `new` will say why
            return []
        found: list[tuple[str, str]] = []
        for item in items:
            for name in [item.name, *item.aliases]:
                if name.startswith(incomplete) and all(name != f for f, _ in found):
                    found.append((name, item.name if name != item.name else ""))
        return found

    return complete


complete_role = _names("roles")
complete_level = _names("levels")
complete_industry = _names("industries")
complete_direction = _names("directions")
