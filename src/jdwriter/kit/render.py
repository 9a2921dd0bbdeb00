"""Render an interview kit: md/txt/html through the built-in kit.<fmt>.j2 templates (the JD's sandboxed Jinja
environment), json from the model, docx through kit/docx.py (the JD's Word typography)."""

from __future__ import annotations

from ..errors import UnknownNameError
from ..formats import FORMATS, TEXT_FORMATS
from .model import Kit, kit_meta


def render_kit(kit: Kit, fmt: str) -> str | bytes:
    """The kit in one of FORMATS: docx gives bytes, every other format text."""
    if fmt == "json":
        return kit.model_dump_json(indent=2) + "\n"
    if fmt == "docx":
        from .docx import render_kit_docx

        return render_kit_docx(kit)
    if fmt in TEXT_FORMATS:
        from ..render.render import make_env
        from ..render.sandbox import render_limited

        env = make_env(None)
        template = env.get_template(f"kit.{fmt}.j2")
        return render_limited(env, template, kit=kit, meta=kit_meta(kit))
    raise UnknownNameError("输出格式", fmt, list(FORMATS))
