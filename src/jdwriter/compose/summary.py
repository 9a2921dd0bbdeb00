"""岗位概述 and 考核指标: the prose sections of the full layout."""

from __future__ import annotations

from ..catalog.lint import NEAR, similarity
from ..catalog.model import Duty
from .arrange import unique
from .job import Job

MAX_KPIS = 5


def summary(job: Job) -> str:
    """The direction's (or the role's) sentence and the level's scope. The title's domain appears only
    where the direction's sentence is written for a domain of its kind."""
    first = job.leading[0] if job.leading else None
    text = job.fill(first.summary, first.topic_kinds) if first else job.fill(job.role.summary)
    return text.rstrip("。") + "。" + job.level.scope


def kpis(job: Job, used: list[Duty]) -> list[str]:
    owned = {x for d in job.directions if d.kpi for x in d.duties}  # the direction says it for its blocks
    lines = [
        *(job.fill(k, d.topic_kinds) for d in job.directions for k in d.kpi),
        *(job.fill(d.kpi, d.topic_kinds) for d in used if d.id not in owned),
    ]
    kept: list[str] = []
    for text in unique(job.keep(lines)):
        if not any(similarity(text, other) > NEAR for other in kept):
            kept.append(text)
    return kept[:MAX_KPIS]
