"""The library entry points: the same path the CLI, the wizard and batch rows all take.

request (what people typed) → resolve (catalogue ids) → compose (JobDescription) → render (text/bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .catalog.model import Catalog, load_catalog
from .compose.writer import compose
from .construct import empty
from .errors import UserError
from .models import Company, JobDescription, Request
from .render.render import render
from .resolve.match import TitleMatch, exact_role
from .resolve.names import resolve_emphasis, resolve_industry, resolve_level
from .text import normalise


def get_catalog(extra: Sequence[Path] = ()) -> Catalog:
    """The built-in catalogue merged with ``extra`` files, loaded and validated once per process."""
    return _catalog(tuple(Path(p) for p in extra))


@lru_cache(maxsize=8)
def _catalog(paths: tuple[Path, ...]) -> Catalog:
    return load_catalog(list(paths))


@dataclass
class Resolved:
    """A request ready to compose, with the notes to show the user (how a free title was understood)."""

    request: Request
    notes: list[str] = field(default_factory=list)


def make_request(
    catalog: Catalog,
    *,
    role: str | None,
    level: str | None = None,
    emphasis: Iterable[str] = (),
    industry: str | None = None,
    company: Company | None = None,
    title: str | None = None,
    template: str = "standard",
    seed: int | None = None,
) -> Resolved:
    """Resolve what a person typed into catalogue ids. Flags, wizard answers and batch rows all come here.

    ``role`` may be a role name or a market title (直播用户运营, 亚马逊运营（兼职）); ``title`` is printed as
    given (board noise aside) and, without ``role``, is also what the role, directions and level are read from.
    A level word in the title that disagrees with ``level`` is refused; words of the title not understood
    are named in the notes."""
    given_title = " ".join(title.split()) if title and title.strip() else None
    source = role if role and role.strip() else given_title
    if source is None:
        raise UserError("缺少岗位：请写岗位或职位名称，例如 用户运营、直播运营。")
    match = _read_title(source, catalog)
    if given_title and normalise(source) != normalise(given_title):
        try:  # --role names the role; the title may still name a direction, a topic or a level
            match = _merged(match, _read_title(given_title, catalog))
        except UserError:
            pass  # a title that names no 运营 job is still printed as the user wrote it
    explicit_level = level is not None and bool(level.strip())
    level_id = (
        (resolve_level(level, catalog) if explicit_level and level else None) or match.level or "specialist"
    )
    offered = _offered(source)
    if not explicit_level and len(offered) > 1:  # 电商运营专员/高级专员, 总监/经理: the level named first
        level_id = offered[0]
    if explicit_level and match.level and match.level != level_id and level_id not in offered:
        _refuse_two_levels(given_title or source, match.level, level_id, catalog)
    printed = match.title  # the title named the job: printed without board noise
    if given_title and normalise(source) != normalise(given_title):
        from .resolve.noise import strip_board_noise

        printed = strip_board_noise(given_title)  # beside --role: as typed, but salary, benefits and 急招 go
    if printed and not given_title and explicit_level and match.level is None:
        printed = catalog.level_by_id[level_id].title.replace(
            "{role}", printed
        )  # 抖音运营 + 经理 → 抖音运营经理
    if seed is not None and seed < 0:
        raise UserError(f"--seed 应为 0 或正整数，收到的是 {seed}。")
    industry_id = resolve_industry(industry, catalog) if industry and industry.strip() else match.industry
    request = Request.make(
        role=match.role,
        level=level_id,
        directions=match.directions,
        topic=match.topic,
        topic_kind=match.topic_kind if match.topic else None,
        domain=match.domain if match.topic else None,
        emphasis=tuple(resolve_emphasis(emphasis, catalog)),
        industry=industry_id,
        language=match.language,
        qualifiers=match.qualifiers,
        also=tuple(r for r in match.also if r != match.role),
        beside=tuple(r for r in match.beside if r != match.role),
        company=company or empty(Company),
        title=printed,
        template=template,
        seed=seed,
    )
    notes = [match.note] if match.note else []
    if not explicit_level:
        notes += _alternative_levels_note(source, level_id, catalog)
    if match.left_out:
        from .resolve.titles import left_out_note

        notes.append(left_out_note(match.left_out))
    if _unwritten(request, catalog):
        from .resolve.unknown import unwritten_note

        notes.append(unwritten_note(request.topic or ""))
    return Resolved(request, notes)


def _merged(match: TitleMatch, extra: TitleMatch) -> TitleMatch:
    """--role names the role; the title (``extra``) may still name a direction, a topic, a level and the rest."""
    return replace(
        match,
        directions=match.directions or extra.directions,
        topic=match.topic or extra.topic,
        topic_kind=match.topic_kind if match.topic else extra.topic_kind,
        domain=match.domain if match.topic else extra.domain,
        level=match.level or extra.level,
        industry=match.industry or extra.industry,
        language=match.language or extra.language,
        qualifiers=match.qualifiers or extra.qualifiers,
        also=match.also or extra.also,
        beside=match.beside or extra.beside,
        left_out=tuple(dict.fromkeys((*match.left_out, *extra.left_out))),
    )


def _unwritten(request: Request, catalog: Catalog) -> bool:
    """A topic no line is written for: no note for its domain, and no direction of the job written for its
    kind (搞笑 in 搞笑品类运营 is written by the content-vertical direction's lines)."""
    if not request.topic or catalog.notes_by_domain.get(request.domain or ""):
        return False
    return not any(request.topic_kind in catalog.direction_by_id[d].topic_kinds for d in request.directions)


def _read_title(text: str, catalog: Catalog) -> TitleMatch:
    """A role's own name needs no title reader (nor its lexicon); anything else is read by resolve_title."""
    exact = exact_role(text, catalog)
    if exact is not None:
        return exact
    from .resolve.titles import resolve_title

    return resolve_title(text, catalog)


def _offered(title: str) -> tuple[str, ...]:
    if not any(c in title for c in "/／、或"):
        return ()  # no alternatives: the title lexicon is not loaded for a plain role name (startup)
    from .resolve.qualifiers import alternative_levels

    return alternative_levels(title)


def _alternative_levels_note(title: str, level_id: str, catalog: Catalog) -> list[str]:
    """运营专员/经理: the JD is written for one of the levels the title offers; say which, and how to get the other."""
    levels = _offered(title)
    if not levels:
        return []
    names = "、".join(catalog.level_by_id[x].name for x in levels)
    return [
        f"职位名称写了几个级别（{names}），JD 按「{catalog.level_by_id[level_id].name}」写，"
        "要按另一个级别写请用 --level 指定"
    ]


def _refuse_two_levels(title: str, own: str, given: str, catalog: Catalog) -> None:
    """运营总监 with --level 实习生: the title and the level disagree; never merged silently."""
    said, asked = catalog.level_by_id[own].name, catalog.level_by_id[given].name
    raise UserError(
        f"职位名称「{title[:40]}」里的级别是「{said}」，与指定的级别「{asked}」不一致；"
        f"请去掉其中一个，或把两者改成一致（例如职位名称不带级别词、级别写「{asked}」）。"
    )


def generate(role: str, *, format: str = "md", templates: Path | None = None, **options: Any) -> str | bytes:
    """Write one JD: ``generate("高级用户运营经理", industry="电商")`` → Markdown text.

    ``options`` are those of :func:`generate_jd` (level, emphasis, industry, company, template, seed,
    catalogs, title); ``format`` is md, txt, json, html (text) or docx (bytes); ``templates`` a folder of
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
    title: str | None = None,
) -> JobDescription:
    """Resolve what was typed (a title, names or aliases) and compose the JobDescription model. ``title``
    is printed as given (and read for directions, a topic and the level, as `new --title` does)."""
    catalog = get_catalog(catalogs)
    resolved = make_request(
        catalog,
        role=role,
        title=title,
        level=level,
        emphasis=emphasis,
        industry=industry,
        company=company,
        template=template,
        seed=seed,
    )
    return compose(resolved.request, catalog)


@dataclass(frozen=True)
class Answers:
    """What `new` was told, by flags or at the wizard's prompts. None means "not given yet"."""

    role: str | None = None
    level: str | None = None
    emphasis: tuple[str, ...] | None = None
    industry: str | None = None
    format: str | None = None
    output: Path | None = None

    def open_fields(self) -> list[str]:
        """The questions still to ask, in the wizard's order."""
        return [f.name for f in fields(self) if getattr(self, f.name) is None]

    def merged(self, answers: Answers) -> Answers:
        """These answers, with the open ones filled from ``answers``: what was given first always wins."""
        given = {f.name: getattr(answers, f.name) for f in fields(self) if getattr(self, f.name) is None}
        return replace(self, **given)


def needs_review(company: Company, catalogs: Sequence[Path]) -> bool:
    """Whether a JD carries text the user supplied (company fields, an own catalogue). Only then is it
    checked like any pasted JD; the built-in catalogue's output is proven clean by the tests."""
    return bool(catalogs) or any(
        (company.intro, company.benefits, company.name, company.location, company.salary)
    )


def review(jd: JobDescription) -> list[str]:
    """Compliance findings in a composed JD, as one sentence each (message and suggestion)."""
    from .check.engine import check_text
    from .render.render import render_text

    findings = check_text(render_text(jd, "md")).findings
    return [f"{f.message}建议：{f.suggestion}" for f in findings if f.category != "quality"]
