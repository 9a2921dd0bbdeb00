"""One row's work before anything is written: read its cells, resolve them through make_request (the path
`new` takes), and know the title, so that every file name can be checked first. A problem with the row
becomes that row's failure and reason, never the batch's."""

from __future__ import annotations

import re
from typing import Any

from ..api import make_request
from ..catalog.model import Catalog
from ..compose.writer import title_for
from ..errors import JdwriterError
from ..models import Request
from ..resolve.titles import clean_title, resolve_title
from ..text import normalise
from .report import FAILED, SKIPPED, BatchOptions, RowResult
from .sheets import SourceRow, extra_columns, parse_row

_PLAIN = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff+]+")


def plan_row(row: SourceRow, catalog: Catalog, options: BatchOptions) -> tuple[RowResult, Request | None]:
    """The row's result so far, and its request (None when the row is blank or failed)."""
    result = RowResult(row.number, row.label, columns=extra_columns(row.data))
    if row.problem:
        result.status, result.reason = FAILED, row.problem
        return result, None
    if row.blank:
        result.status, result.reason = SKIPPED, "空行"
        return result, None
    try:
        kwargs = level_in_title(parse_row(row.data, "本项" if row.label.endswith("项") else "本行"), catalog)
        resolved = make_request(catalog, **kwargs, template=options.template, seed=options.seed)
    except JdwriterError as exc:
        result.status, result.reason = FAILED, exc.message
        return result, None
    result.note = "；".join(f"{n}；如需其他岗位请在「岗位」一栏写明" for n in resolved.notes)
    # The title compose() will give, known now, so every file name is checked before anything is written.
    result.title = title_for(resolved.request, catalog)
    return result, resolved.request


def level_in_title(kwargs: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """A title cell that is only a role or direction name (内容运营, 抖音运营), with a level given in its own
    column, is read as `--role 内容运营 --level 经理` reads it: the printed title carries the level
    (内容运营经理). Any other title (with a qualifier, a topic or a level word of its own) is printed as
    written, as `--title` prints it."""
    title, level = kwargs.get("title"), kwargs.get("level")
    if not title or not level or kwargs.get("role") != title or not bare_name(title, catalog):
        return kwargs
    return {**kwargs, "role": title, "title": None}


def bare_name(title: str, catalog: Catalog) -> bool:
    """Whether ``title`` is a role or direction name and nothing more: no level word, no topic, no
    qualifier in brackets, nothing the title reader would clean away."""
    text = " ".join(title.split())
    if not _PLAIN.fullmatch(text) or clean_title(text) != text:
        return False
    try:
        match = resolve_title(text, catalog)
    except JdwriterError:
        return False
    if match.level is not None or match.topic is not None or match.note is not None:
        return False
    return match.title is None or normalise(match.title) == normalise(text)
