"""The one registry of output formats and JD templates, and how names people type map onto them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import UnknownNameError, UserError
from .text import normalise, split_values

FORMATS = ("md", "txt", "json", "html", "docx")
TEXT_FORMATS = ("md", "txt", "html")
SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
FORMAT_NAMES = {"md": "Markdown", "txt": "纯文本", "json": "JSON", "html": "网页", "docx": "Word"}

# id → (Chinese name, description, other names people type)
TEMPLATES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "standard": ("标准版", "岗位职责、任职要求、加分项", ("标准", "默认")),
    "full": ("完整版", "另含岗位概述、考核指标，以及给出公司信息时的公司介绍和福利待遇", ("完整", "全部")),
}


def resolve_template(value: str) -> str:
    """standard / full / 标准版 / 完整版 → the template id."""
    key = normalise(value)
    for template_id, (name, _, aliases) in TEMPLATES.items():
        if key in (template_id, normalise(name), *map(normalise, aliases)):
            return template_id
    shown = [f"{t}（{name}）" for t, (name, _, _) in TEMPLATES.items()]
    raise UnknownNameError("模板", value, shown)


def check_format(value: str) -> str:
    fmt = value.strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise UnknownNameError("输出格式", value, list(FORMATS))
    return fmt


def format_for(path: Path | None, given: str | None) -> str:
    """--format, or the -o suffix, or Markdown. A suffix we cannot write, or one that disagrees with
    --format, is refused before anything runs: a .pdf full of Markdown helps nobody."""
    fmt = check_format(given) if given else None
    suffix = path.suffix.lower() if path is not None else ""
    if suffix:
        from_suffix = SUFFIXES.get(suffix)
        if from_suffix is None:
            raise UserError(
                f"不支持写入「{suffix}」文件；输出文件的扩展名应为 "
                f"{'、'.join(sorted(set(SUFFIXES)))} 之一（例如 -o jd.docx）。"
            )
        if fmt is not None and fmt != from_suffix:
            raise UserError(
                f"--format {fmt} 与输出文件「{path}」的扩展名 {suffix} 不一致；"
                f"请去掉 --format，或把文件名改为 {path.with_suffix('.' + fmt) if path else ''}。"
            )
        return from_suffix
    return fmt or "md"


def parse_formats(values: str | Iterable[str]) -> tuple[str, ...]:
    """ "md,docx" or ["md", "docx"] → ("md", "docx"), each checked against the output formats."""
    items = split_values([values] if isinstance(values, str) else values)
    out: list[str] = []
    for item in items:
        fmt = check_format(item)
        if fmt not in out:
            out.append(fmt)
    if not out:
        raise UserError(f"--format 不能为空，可选：{'、'.join(FORMATS)}。")
    return tuple(out)
