"""Typer and its vendored click print a few English strings (help panels, usage errors). Ours are users
who read Chinese, so this module translates them, without importing Typer's Rich help module on the hot
path: that module costs ~85 ms, so it is patched only when Typer itself imports it (for --help or an error).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType
from typing import Any

HELP_TEXT = "显示帮助并退出。"
CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已取消。",
    "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
}


def _p(pattern: str, flags: int = 0) -> tuple[str, int]:
    """A pattern compiled when a message is first translated (the re module caches it), not at start-up."""
    return pattern, flags


MESSAGES: list[tuple[tuple[str, int], str]] = [
    (
        _p(r"^No such option: (\S+)(?: Did you mean (.+?)\?| \(Possible options: (.+?)\))?$", re.DOTALL),
        "没有这个选项：{0}{1}",
    ),
    (_p(r"^Missing option '([^']+)'.*$", re.DOTALL), "缺少选项 {0}。"),
    (_p(r"^Missing argument '([^']+)'.*$", re.DOTALL), "缺少参数 {0}。"),
    (_p(r"^Missing command\.$"), "缺少命令。"),
    (
        _p(r"^No such command '(.+?)'\.(?: Did you mean '([^']+)'.*\?)?$", re.DOTALL),
        "没有这个命令：{0}{1}",
    ),
    (_p(r"^Option '([^']+)' requires an argument\.$"), "选项 {0} 需要一个值。"),
    (_p(r"^Option '([^']+)' requires (\d+) arguments\.$"), "选项 {0} 需要 {1} 个值。"),
    (_p(r"^Option '([^']+)' does not take a value\.$"), "选项 {0} 不需要值。"),
    (_p(r"^Missing parameter: (\S+)$"), "缺少参数 {0}。"),
    (_p(r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", re.DOTALL), "多余的参数：{0}。"),
    (
        _p(r"^Invalid value for '?(-[^':]+)'?(?: / '[^']*')?: '(.*)' is not a valid integer\.$", re.DOTALL),
        "{0} 应为整数，收到的是「{1}」。",
    ),
    (
        _p(r"^Invalid value for '?(-[^':]+)'?(?: / '[^']*')?: .*valid integer.*$", re.DOTALL),
        "{0} 应为整数。",
    ),
    (
        _p(r"^Invalid value for '?([^':]+)'?(?: / '[^']*')?: .*(?:valid|parse|Input should).*$", re.DOTALL),
        "{0} 的值格式不对。",
    ),
    (_p(r"^Invalid value for '?([^':]+)'?(?: / '[^']*')?: (.*)$", re.DOTALL), "{0} 的值无效：{1}"),
    (_p(r"^Invalid value: (.*)$", re.DOTALL), "值无效：{0}"),
]
# What a value looks like in help and usage lines, by parameter name; Typer would show Python types
# (<str>, <list[str]>, <bool> on flags that take no value). A metavar given in the command wins.
METAVARS = {
    "role": "岗位",
    "title": "职位名称",
    "level": "级别",
    "emphasis": "职责",
    "industry": "行业",
    "direction": "方向",
    "company": "文件",
    "company_name": "名称",
    "location": "地点",
    "salary": "薪资",
    "headcount": "人数",
    "template": "模板",
    "fmt": "格式",
    "output": "文件",
    "seed": "数字",
    "jobs": "数字",
    "encoding": "编码",
    "sheet": "工作表",
    "catalog": "文件",
    "templates": "目录",
    "kind": "类别",
    "files": "文件",
    "directory": "目录",
}
TYPE_METAVARS = {"int": "数字", "float": "数字", "Path": "路径"}


def translate(message: str) -> str:
    for (pattern, flags), template in MESSAGES:
        match = re.match(pattern, message.strip(), flags)
        if match:
            groups = [g or "" for g in match.groups()]
            if template.startswith("没有这个选项"):
                close = groups[1] or groups[2]
                groups = [groups[0], f"，你是不是想用 {close}？" if close else "。"]
            elif template.startswith("没有这个命令"):
                groups = [groups[0], f"，你是不是想用 {groups[1]}？" if groups[1] else "。"]
            return template.format(*groups)
    return message


def _patch_rich_utils(module: ModuleType) -> None:
    for name, value in CONSTANTS.items():
        setattr(module, name, value)
    if callable(getattr(module, "_make_rich_text", None)):
        from . import help_render

        help_render.patch(module)
    original: Any = getattr(module, "rich_format_error", None)
    if not callable(original):
        return

    def rich_format_error(self: Any) -> None:
        text = translate(self.format_message())
        self.format_message = lambda: text
        original(self)

    module.rich_format_error = rich_format_error  # type: ignore[attr-defined]


class _PatchOnImport:  # a meta path finder (find_spec is all sys.meta_path asks; importlib.abc costs ~1 ms)
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _patch_rich_utils(module)

        loader.exec_module = exec_module
        return spec


def install() -> None:
    """Translate Typer's built-in strings. Safe to call more than once.

    These are Typer's internals (its vendored click, typer >= 0.29): if a future Typer moves them, the
    command line keeps working with Typer's English strings rather than failing to start."""
    try:
        from typer._click import core as click_core
        from typer._click import formatting
    except ImportError:  # pragma: no cover - depends on the installed Typer
        return

    if "typer.rich_utils" in sys.modules:
        _patch_rich_utils(sys.modules["typer.rich_utils"])
    elif not any(isinstance(f, _PatchOnImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _PatchOnImport())
    if getattr(click_core.Command.get_help_option, "_jdwriter", False):
        return
    original = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    _patch_metavars()
    get_help_option._jdwriter = True  # type: ignore[attr-defined]
    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
    write_usage = formatting.HelpFormatter.write_usage

    def write_usage_zh(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, "用法：" if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage_zh  # type: ignore[method-assign]


def _metavar(param: Any) -> str | None:
    """Chinese for what an option takes; nothing for a flag, which takes no value."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar is not None:
        return str(param.metavar)
    if param.name in METAVARS:
        return METAVARS[param.name]
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return TYPE_METAVARS.get(getattr(annotation, "__name__", ""), "文字")


def _patch_metavars() -> None:
    """Chinese value names in help (options) and usage lines (arguments, shown bare when required)."""
    try:
        from typer.core import TyperArgument, TyperOption
    except ImportError:  # pragma: no cover - depends on the installed Typer
        return
    if not all(hasattr(TyperArgument, a) for a in ("display_name_raw", "_usage_display_name")):
        return  # pragma: no cover - depends on the installed Typer

    def option_type(self: Any, ctx: Any) -> str | None:
        return _metavar(self)

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None  # the argument's name column already says what it is

    def argument_name(self: Any) -> str:
        if self.metavar is not None:  # 文件… says "one or more" itself; the usage line says it once, as ...
            return str(self.metavar).rstrip("….")
        return METAVARS.get(str(self.name), str(self.name).upper())

    def usage_name(self: Any) -> str:
        name = str(self.display_name_raw)
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")  # [文件]...: never both … and ...

    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign]
    TyperArgument.display_name_raw = property(argument_name)  # type: ignore[method-assign,assignment]
    TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
