"""The library entry points: the same path the CLI, the wizard and batch rows all take.

request (what people typed) → resolve (catalogue ids) → compose (JobDescription) → render (text/bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import Catalog, load_catalog
from .compose import compose
from .errors import UserError
from .models import Company, JobDescription, Request
from .render import render
from .resolve import resolve_emphasis, resolve_industry, resolve_level, resolve_role

_CACHE: dict[tuple[Path, ...], Catalog] = {}


def get_catalog(extra: Sequence[Path] = ()) -> Catalog:
    """The built-in catalogue merged with ``extra`` files, loaded and validated once per process."""
    key = tuple(Path(p) for p in extra)
    if key not in _CACHE:
        _CACHE[key] = load_catalog(list(key))
    return _CACHE[key]


@dataclass
class Resolved:
    """A request ready to compose, with the notes to show the user (how a free title was understood)."""

    request: Request
    notes: list[str] = field(default_factory=list)


def make_request(
    catalog: Catalog,
    *,
    role: str,
    level: str | None = None,
    emphasis: Iterable[str] = (),
    industry: str | None = None,
    company: Company | None = None,
    title: str | None = None,
    template: str = "standard",
    seed: int | None = None,
) -> Resolved:
    """Resolve what a person typed into catalogue ids. Flags, wizard answers and batch rows all come here."""
    match = resolve_role(role, catalog)
    level_id = resolve_level(level, catalog) if level is not None and level.strip() else match.level
    if seed is not None and seed < 0:
        raise UserError(f"--seed 应为 0 或正整数，收到的是 {seed}。")
    request = Request(
        role=match.role,
        level=level_id or "specialist",
        emphasis=tuple(resolve_emphasis(emphasis, catalog)),
        industry=resolve_industry(industry, catalog) if industry and industry.strip() else None,
        company=company or Company(),
        title=title.strip() if title and title.strip() else None,
        template=template,
        seed=seed,
    )
    return Resolved(request, [match.note] if match.note else [])


def generate(role: str, *, format: str = "md", templates: Path | None = None, **options: Any) -> str | bytes:
    """Write one JD: ``generate("高级用户运营经理", industry="电商")`` → Markdown text.

    ``options`` are those of :func:`generate_jd` (level, emphasis, industry, company, template, seed,
    catalogs); ``format`` is md, txt, json, html (text) or docx (bytes); ``templates`` a folder of
    templates to use before the built-in ones.
    """
    return render(generate_jd(role, **options), format, templates)


def generate_jd(
    role: str,
    *,
    level: str | None = None,
    emphasis: Iterable[str] = (),
    industry: str | None = None,
    company: Company | None = None,
    template: str = "standard",
    seed: int | None = None,
    catalogs: Sequence[Path] = (),
) -> JobDescription:
    """Resolve what was typed (a title, names or aliases) and compose the JobDescription model."""
    catalog = get_catalog(catalogs)
    resolved = make_request(
        catalog, role=role, level=level, emphasis=emphasis, industry=industry, company=company,
        template=template, seed=seed,
    )
    return compose(resolved.request, catalog)
