"""岗位概述 and 考核指标: the prose sections of the full layout."""

from __future__ import annotations

from ..catalog.lint import NEAR, similarity
from ..catalog.model import Duty
from .arrange import unique
from .job import Job

MAX_KPIS = 5


def summary(job: Job) -> str:
    text = job.fill(job.directions[0].summary) if job.directions else job.fill(job.role.summary)
    text = text.rstrip("。") + "。"
    topic = job.request.topic
    if topic and topic not in text:
        text = f"这个岗位专注{topic}。{text}"
    return text + job.level.scope


def kpis(job: Job, used: list[Duty]) -> list[str]:
    owned = {x for d in job.directions if d.kpi for x in d.duties}  # the direction says it for its blocks
    lines = [*(k for d in job.directions for k in d.kpi), *(d.kpi for d in used if d.id not in owned)]
    kept: list[str] = []
    for text in unique(job.fill(k) for k in lines):
        if not any(similarity(text, other) > NEAR for other in kept):
            kept.append(text)
    return kept[:MAX_KPIS]
