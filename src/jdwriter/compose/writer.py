"""Compose a JobDescription from a request and the catalogue.

A pure function: no I/O, no typer, no rich. The same request always gives the same JD; a seed picks other
phrasing variants, deterministically (random.Random seeded with a string hashes it with SHA-512, so the
choice does not depend on PYTHONHASHSEED or the platform). Each section is written by its own module:
duties.py, requirements.py, bonus.py and summary.py, all reading one :class:`~.job.Job`.
"""

from __future__ import annotations

from ..catalog.model import Catalog
from ..errors import UnknownNameError
from ..formats import TEMPLATES
from ..models import JobDescription, Ref, Request, Section
from .arrange import unique
from .bonus import bonus
from .duties import duties
from .job import Job, get
from .requirements import requirements
from .summary import kpis, summary

HEADINGS = {
    "summary": "岗位概述",
    "duties": "岗位职责",
    "requirements": "任职要求",
    "bonus": "加分项",
    "kpis": "考核指标",
    "company": "公司介绍",
    "benefits": "福利待遇",
}
LAYOUTS = {
    "standard": ("duties", "requirements", "bonus"),
    "full": ("summary", "duties", "requirements", "bonus", "kpis", "company", "benefits"),
}


def title_for(request: Request, catalog: Catalog) -> str:
    """The JD's title: the one the user gave, else the level's pattern (高级{role}) with the role name."""
    if request.title:
        return request.title
    level = get(catalog.level_by_id, request.level, "级别")
    return level.title.replace("{role}", get(catalog.role_by_id, request.role, "岗位").name)


def compose(request: Request, catalog: Catalog) -> JobDescription:
    """Turn a resolved request into a JobDescription. Raises UserError for impossible requests."""
    if request.template not in LAYOUTS:
        raise UnknownNameError("模板", request.template, list(TEMPLATES))
    job = Job(request, catalog)
    items, used = duties(job)
    company = request.company
    content: dict[str, list[str]] = {
        "summary": [summary(job)],
        "duties": items,
        "requirements": requirements(job, used, items),
        "bonus": bonus(job, used),
        "kpis": kpis(job, used),
        "company": [company.intro] if company.intro else [],
        "benefits": unique(company.benefits),
    }
    sections = [
        Section.make(
            id=key,
            heading=HEADINGS[key],
            items=content[key],
            ordered=key in ("duties", "requirements"),
            prose=key in ("summary", "company"),
        )
        for key in LAYOUTS[request.template]
        if content[key]
    ]
    meta: dict[str, str | int] = {}
    for key in ("name", "location", "salary", "headcount"):
        value = getattr(company, key)
        if value not in (None, ""):
            meta["company" if key == "name" else key] = value
    return JobDescription.make(
        title=title_for(request, catalog),
        role=Ref.make(id=job.role.id, name=job.role.name),
        level=Ref.make(id=job.level.id, name=job.level.name),
        industry=Ref.make(id=job.industry.id, name=job.industry.name) if job.industry else None,
        directions=[Ref.make(id=d.id, name=d.name) for d in job.directions],
        topic=request.topic,
        emphasis=[d.id for d in job.emphasis],
        summary=content["summary"][0],
        meta=meta,
        sections=sections,
    )
