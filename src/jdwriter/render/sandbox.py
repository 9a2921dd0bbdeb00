"""The Jinja sandbox with resource limits, and the loader that keeps templates inside their folder.

Jinja's SandboxedEnvironment stops attribute escapes but not resource use: ``{{ 10**(10**9) }}`` hangs,
``{{ 'x' * 10**9 }}`` allocates a gigabyte. Following Jinja's own guidance (intercepted_binops and
call_binop), :class:`LimitedSandbox` caps the operands of ``**``, ``*`` and ``+``, the size of every ``~``
concatenation, and the arguments of every call and filter (an integer argument such as a width, or a call
whose result could grow past the text budget). :func:`render_limited` streams ``generate()`` so the output
is capped as it is produced, and stops a render that runs longer than a few seconds.

:class:`FolderLoader` reads a template only if its real path lies inside the folder it was asked for (a
symlink to /etc/passwd is refused), through the one bounded reader.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.nodes import Concat
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from ..files.reader import MB, read_text

MAX_OUTPUT = 4 * MB  # characters one render may produce; a JD is a few thousand
MAX_TEXT = 1 * MB  # one string or list built inside a template
MAX_ESTIMATE = 16 * MB  # worst-case size of what a call or filter could return
MAX_INT_BITS = 4096  # integers from * and ** (about 1,200 digits)
MAX_ARG = 100_000  # an integer argument to a call or filter (width, count): Jinja's own range cap
MAX_SECONDS = 5.0  # wall time of one render (main thread, POSIX)
MAX_TEMPLATE_BYTES = 1 * MB


class LimitError(TemplateError):
    """A template went past a resource limit."""


def _too_big(what: str) -> LimitError:
    return LimitError(f"模板里的{what}超出限制，已停止渲染（模板可能有误，或被人故意写成消耗大量资源）。")


def _size(value: Any) -> int:
    """Length of a string or list, the total text of a list of strings; 0 for anything else."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):
        if len(value) > MAX_TEXT:
            raise _too_big("列表")
        return len(value) + sum(len(v) for v in value if isinstance(v, str))
    return 0


def check_call(subject: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call whose arguments are out of bounds, or whose result could be: the result of a string
    method or filter is at most (1 + len(subject)) × (1 + the longest text argument + the largest number)."""
    longest, number = 0, 0
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > MAX_ARG:
                raise _too_big(f"数字参数（{_digits(value)}）")
            number = max(number, abs(value))
        else:
            longest = max(longest, _size(value))
    if (1 + _size(subject)) * (1 + longest + number) > MAX_ESTIMATE:
        raise _too_big("文字运算")


def _digits(value: int) -> str:
    return f"{value}" if value.bit_length() < 64 else f"约 {int(value.bit_length() * 0.30103)} 位"


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Caps for the operators that can amplify: ** and * on numbers and sequences, + on sequences."""
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if operator == "**" and numbers:
        if abs(left) > 1 and right > 0 and right * left.bit_length() > MAX_INT_BITS:
            raise _too_big("乘方")
    elif operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
        if abs(right) > MAX_ARG:
            raise _too_big("乘方")
    elif operator == "*" and numbers:
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _too_big("乘法")
    elif operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(count, int) and not isinstance(count, bool):
                if len(seq) * max(count, 0) > MAX_TEXT:
                    raise _too_big("重复文字或列表")
    elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        if len(left) + len(right) > MAX_TEXT:
            raise _too_big("拼接")


def capped_text(value: str) -> str:
    """Called by compiled templates on every ``~`` concatenation."""
    if len(value) > MAX_TEXT:
        raise _too_big("拼接")
    return value


class _LimitedCodeGenerator(CodeGenerator):
    """Wraps every ``a ~ b`` in capped_text(); ``~`` is not an operator Jinja lets us intercept."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.capped_text(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedSandbox(SandboxedEnvironment):
    """SandboxedEnvironment with caps on operators, calls, filters and concatenation."""

    intercepted_binops = frozenset({"**", "*", "+"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.capped_text = capped_text
        self.filters = {name: _capped_filter(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        check_call(getattr(__obj, "__self__", None), args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def _capped_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter with check_call in front. Filters that take the context or environment first (marked by
    Jinja's pass_* decorators, which functools.wraps keeps) have their subject one argument later."""
    skip = 1 if hasattr(func, "jinja_pass_arg") else 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        rest = args[skip:]
        check_call(rest[0] if rest else None, tuple(rest[1:]), kwargs)
        return func(*args, **kwargs)

    return wrapper


def render_limited(env: Environment, template: Any, **context: Any) -> str:
    """Render with generate(), stopping past MAX_OUTPUT characters or MAX_SECONDS."""
    parts: list[str] = []
    total = 0
    with _deadline(MAX_SECONDS):
        for chunk in template.generate(**context):
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise _too_big(f"输出（超过 {MAX_OUTPUT // MB} MB）")
            parts.append(chunk)
    return "".join(parts)


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise LimitError when the block runs longer than ``seconds``. A no-op where SIGALRM cannot be used
    (Windows, threads other than the main one, or a caller that already uses the timer)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout:
        raise LimitError(f"模板渲染超过 {seconds:g} 秒，已停止（模板里可能有很大的循环）。") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class FolderLoader(BaseLoader):
    """Templates from one folder. A template whose real path (symlinks resolved) lies outside the folder is
    refused; every template is read through the bounded reader (regular files, at most 1 MB)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = os.path.realpath(folder)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(self.folder, *split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.root]) != self.root:
            raise TemplateError(
                f"模板「{template[:80]}」指向模板目录「{self.folder}」之外的文件（可能是符号链接），已拒绝读取。"
            )
        source = read_text(Path(real), "模板", MAX_TEMPLATE_BYTES)
        mtime = _mtime(real)
        return source, path, lambda: _mtime(real) == mtime

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in self.folder.glob("*.j2"))


def _mtime(path: str) -> float:
    try:
        return os.path.getmtime(path)
    except OSError:
        return -1.0
