"""Render a JobDescription: md/txt/html through Jinja templates, json from the model, docx via python-docx.

There is one Jinja environment factory. Templates always run in Jinja's SandboxedEnvironment: built-in and
user templates alike, so a template shared by a colleague cannot reach Python internals.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import TemplateError, UnknownNameError
from .models import JobDescription

if TYPE_CHECKING:
    from jinja2 import Environment

TEXT_FORMATS = ("md", "txt", "html")
FORMATS = ("md", "txt", "json", "html", "docx")
SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt", ".json": "json", ".html": "html", ".htm": "html", ".docx": "docx"}
META_LABELS = {"company": "公司", "location": "工作地点", "salary": "薪资", "headcount": "招聘人数"}


def meta_items(jd: JobDescription) -> list[tuple[str, str]]:
    """[(公司, 示例科技), (招聘人数, 2 人)] in a fixed order, only for fields that were given."""
    out = []
    for key, label in META_LABELS.items():
        if key in jd.meta:
            value = jd.meta[key]
            out.append((label, f"{value} 人" if key == "headcount" else str(value)))
    return out


def format_for(path: Path | None, given: str | None) -> str:
    """--format wins; otherwise the -o suffix decides; otherwise Markdown."""
    if given:
        fmt = given.strip().lower()
        if fmt not in FORMATS:
            raise UnknownNameError("输出格式", given, list(FORMATS))
        return fmt
    if path is not None and path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    return "md"


@lru_cache(maxsize=8)
def make_env(user_dir: Path | None = None) -> Environment:
    """The one Jinja environment: sandboxed, StrictUndefined, autoescape for HTML only."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    from .resources import templates_dir

    loaders = [FileSystemLoader(str(user_dir))] if user_dir else []
    loaders.append(FileSystemLoader(str(templates_dir())))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default_for_string=False),
    )
    env.globals["meta_items"] = meta_items
    return env


def render_text(jd: JobDescription, fmt: str, template_dir: Path | None = None) -> str:
    """md, txt or html through the template jd.<fmt>.j2 (a user directory first, then the built-ins)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    name = f"jd.{fmt}.j2"
    env = make_env(template_dir)
    try:
        template = env.get_template(name)
        return template.render(jd=jd, meta=meta_items(jd))
    except SecurityError as exc:
        raise TemplateError(f"模板 {name} 试图访问不允许的内部属性，已拒绝渲染（{exc}）。") from exc
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板 {exc.filename or name} 第 {exc.lineno} 行语法错误：{exc.message}。") from exc
    except UndefinedError as exc:
        line = _template_line(exc, name)
        raise TemplateError(f"模板 {name}{line} 用到了未定义的变量：{exc.message}。") from exc
    except TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {name}。") from exc


def _template_line(exc: BaseException, name: str) -> str:
    """The template line of a render-time error, from the traceback Jinja rewrites to point at templates."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f" 第 {line} 行" if line else ""


def render(jd: JobDescription, fmt: str, template_dir: Path | None = None) -> str | bytes:
    """Render to one of FORMATS. docx gives bytes, every other format text."""
    if fmt == "json":
        return jd.model_dump_json(indent=2) + "\n"
    if fmt == "docx":
        from .docx_writer import render_docx

        return render_docx(jd)
    if fmt in TEXT_FORMATS:
        return render_text(jd, fmt, template_dir)
    raise UnknownNameError("输出格式", fmt, list(FORMATS))


def to_dict(jd: JobDescription) -> dict[str, Any]:
    return jd.model_dump()
