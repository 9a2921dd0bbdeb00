"""Render a JobDescription: md/txt/html through Jinja templates, json from the model, docx via python-docx.

There is one Jinja environment factory. Templates always run in a sandbox (sandbox.LimitedSandbox): built-in
and user templates alike, so a template shared by a colleague can neither reach Python internals nor use
unbounded memory or time, and a template file outside its folder (a symlink) is never read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import TemplateError, UnknownNameError, UserError
from ..formats import FORMATS, TEXT_FORMATS
from ..models import JobDescription, meta_items

if TYPE_CHECKING:
    from jinja2 import Environment


@lru_cache(maxsize=8)
def make_env(user_dir: Path | None = None) -> Environment:
    """The one Jinja environment: sandboxed, StrictUndefined, autoescape for HTML only."""
    from jinja2 import BaseLoader, ChoiceLoader, StrictUndefined, select_autoescape

    from ..resources import templates_dir
    from .precompiled import BuiltinLoader
    from .sandbox import FolderLoader, LimitedSandbox

    loaders: list[BaseLoader] = [FolderLoader(user_dir)] if user_dir else []
    loaders.append(BuiltinLoader(templates_dir()))
    env = LimitedSandbox(
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

    from .sandbox import LimitError, render_limited

    name = f"jd.{fmt}.j2"
    check_template_dir(template_dir)
    env = make_env(template_dir)
    try:
        template = env.get_template(name)
        name = template.filename or name
        return render_limited(env, template, jd=jd, meta=meta_items(jd))
    except LimitError as exc:
        raise TemplateError(f"模板 {name}{_template_line(exc, name)}：{exc.message}") from exc
    except TemplateError:
        raise
    except SecurityError as exc:
        from .template_errors import security_error

        raise TemplateError(security_error(name, str(exc))) from exc
    except TemplateSyntaxError as exc:
        from .template_errors import syntax_error

        raise TemplateError(
            syntax_error(exc.filename or name, exc.message or "", exc.source, exc.lineno)
        ) from exc
    except UndefinedError as exc:
        line = _template_line(exc, name)
        found = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", exc.message or "")
        what = next((g for g in found.groups() if g), "") if found else (exc.message or "")
        raise TemplateError(f"模板 {name}{line} 用到了未定义的变量「{what}」。") from exc
    except TemplateNotFound as exc:
        raise TemplateError(f"找不到模板 {name}。") from exc
    except RecursionError as exc:
        raise TemplateError(f"模板 {name} 嵌套或递归太深（可能包含或继承了自己），已停止渲染。") from exc
    except (OverflowError, MemoryError) as exc:
        raise TemplateError(
            f"模板 {name}{_template_line(exc, name)} 里的数值或内容太大，已停止渲染。"
        ) from exc
    except Exception as exc:  # a template is code someone else wrote: 1/0, int('x'), a wrong filter argument
        raise TemplateError(
            f"模板 {name}{_template_line(exc, name)} 运行出错（{type(exc).__name__}），请检查模板。"
        ) from exc


def _template_line(exc: BaseException, name: str) -> str:
    """The template line of a render-time error, from the traceback Jinja rewrites to point at templates."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f" 第 {line} 行" if line else ""


def render(jd: JobDescription, fmt: str, template_dir: Path | None = None) -> str | bytes:
    """Render to one of FORMATS. docx gives bytes, every other format text."""
    if fmt == "json":
        return jd.model_dump_json(indent=2) + "\n"
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(jd)
    if fmt == "txt":
        return check_board_length(render_text(jd, fmt, template_dir))
    if fmt in TEXT_FORMATS:
        return render_text(jd, fmt, template_dir)
    raise UnknownNameError("输出格式", fmt, list(FORMATS))


# txt is what people paste into the description field of BOSS直聘, 智联招聘 and 前程无忧. We could not confirm
# those fields' current limits from a published source, so this is a conservative figure: a generated JD is
# 500–900 characters, and only a long company introduction or benefits list gets near it.
TXT_MAX_CHARS = 2000


def check_board_length(text: str, limit: int = TXT_MAX_CHARS) -> str:
    """Return ``text`` unchanged, or raise UserError when it is longer than job boards reliably accept."""
    count = len(text.strip())
    if count > limit:
        raise UserError(
            f"纯文本版共 {count} 字，超过招聘网站职位描述栏稳妥的上限 {limit} 字，粘贴时可能被截断；"
            "请缩短公司介绍或福利待遇（招聘网站另有填写公司信息的地方），或改用 --template standard。"
        )
    return text


def export_templates(directory: Path, force: bool = False) -> list[Path]:
    """Copy the built-in templates into ``directory`` for editing. Refuses to overwrite without force."""
    from ..errors import OutputExistsError, UserError, os_reason
    from ..files.writer import atomic_write
    from ..resources import templates_dir

    if directory.exists() and not directory.is_dir():
        raise UserError(f"「{directory}」是一个文件，请给出目录路径。")
    sources = sorted(templates_dir().glob("jd.*.j2"))  # the kit's templates are not customisable yet
    clashes = [directory / s.name for s in sources if (directory / s.name).exists()]
    if clashes and not force:
        names = "、".join(p.name for p in clashes)
        raise OutputExistsError(f"目录「{directory}」里已有模板 {names}，未做改动；如需覆盖请加 --force。")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建目录「{directory}」：{os_reason(exc)}。") from exc
    for source in sources:
        atomic_write(directory / source.name, source.read_bytes(), force=True)
    return [directory / s.name for s in sources]


def check_template_dir(directory: Path | None) -> None:
    """--templates must name an existing directory."""
    from ..errors import UserError

    if directory is not None and not directory.is_dir():
        raise UserError(
            f"模板目录「{directory}」不存在或不是目录；可先用 jdwriter templates export {directory} 导出内置模板。"
        )
