"""Built-in templates without compiling them on every run.

Lexing, parsing and compiling jd.md.j2 costs about 5 ms, a tenth of what `new` spends beyond the Typer+Rich
floor. The wheel build (hatch_build.py) compiles each built-in template with the same environment
(render.make_env) into a Python module, jdwriter/render/compiled/t_<key>.py, which the installer byte-compiles
like any module. <key> is the size and CRC-32 of the template's text and the Jinja version, so the shipped code is used only for
the exact text it was compiled from, by the Jinja that compiled it: an edited template, a user's template
folder or another Jinja release is compiled at run time as before.
"""

from __future__ import annotations

import importlib.util
from collections.abc import MutableMapping
from types import CodeType
from typing import TYPE_CHECKING, Any

from .sandbox import FolderLoader

if TYPE_CHECKING:
    from jinja2 import Environment, Template

PACKAGE = f"{__package__}.compiled"


def key(source: str) -> str:
    """The module name the compiled code of ``source`` ships under."""
    import zlib

    import jinja2

    raw = f"{jinja2.__version__}\0{source}".encode()
    return f"t_{len(raw):x}_{zlib.crc32(raw):08x}"  # finds an edited text; no forgery to guard against


def shipped_code(source: str) -> CodeType | None:
    """The shipped code object for this template text, or None (a source checkout, an edited template)."""
    try:
        spec = importlib.util.find_spec(f"{PACKAGE}.{key(source)}")
    except (ImportError, ValueError):
        return None
    get_code = getattr(spec.loader, "get_code", None) if spec is not None else None
    code = get_code(spec.name) if get_code is not None and spec is not None else None
    return code if isinstance(code, CodeType) else None


class BuiltinLoader(FolderLoader):
    """The built-in template folder: shipped compiled code when it matches the text, else a compile."""

    def load(
        self, environment: Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = shipped_code(source) or environment.compile(source, name, filename)
        template = environment.template_class.from_code(environment, code, globals or {}, uptodate)
        template.filename = filename  # the .j2 file, for messages and tracebacks, not the compiled module
        return template


def compile_source(environment: Environment, name: str, source: str) -> str:
    """The Python source Jinja compiles ``source`` to (for the build hook)."""
    return str(environment.compile(source, name, raw=True))
