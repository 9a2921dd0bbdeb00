"""Which of the JD's duty blocks a kit examines, and which of a block's questions it asks.

A JD may carry blocks that fill a place (a role's tail block, another function's report line): a kit examines
only what the job is about. Its competencies are, in the JD's order, the direction's blocks, emphasised
blocks and the role's own blocks (data/kit.yaml ``owners`` says which roles own a block that several roles
list); blocks any job could have (``generic``) and blocks owned by another function only fill up to the
minimum. Within a kit, a question that says nearly what an earlier one says gives way to another."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog.model import Duty
from ..compose.job import Job
from .bank import Bank, Question
from .guide import Guide

MIN_COMPETENCIES, MAX_COMPETENCIES = 4, 6
MAX_QUESTIONS = 3  # per competency
CORE_GENERIC = 2  # a generic block among the role's first two is the role's own work (业务运营's 目标拆解)
SAME_MEANING = (
    0.5  # share of content character pairs two asks have in common above which they ask the same thing
)
# The frame every question is written in says nothing about what it asks; it is left out of the comparison.
FRAMES = (
    "讲一次你",
    "的经历",
    "如果",
    "你会怎么",
    "你会",
    "怎么做",
    "怎么处理",
    "发现了什么问题",
    "依据是什么",
    "结果如何",
    "结果怎样",
    "效果如何",
    "效果怎样",
    "后来怎样",
    "怎么决策",
    "怎么评估",
    "是什么",
    "什么",
    "怎么",
    "多少",
    "哪些",
    "为什么",
)


def owned(job: Job, duty: Duty, guide: Guide, keep: set[str]) -> bool:
    """The block is this job's own work: the direction's or pulled by it, emphasised, or the role's by
    data/kit.yaml owners."""
    if duty.id in keep or any(duty.id in d.duties for d in job.directions):
        return True
    if any(duty.id in d.emphasis for d in job.leading[:1]):  # the head direction pulls it (直播 → 投流)
        return True
    if duty.id in guide.generic and duty.id not in job.role.duties[:CORE_GENERIC]:
        return False
    return job.role.id in guide.owners.get(duty.id, [job.role.id])


def choose(
    job: Job, used: list[Duty], bank: Bank, band: str, guide: Guide, keep: set[str], room: int
) -> list[Duty]:
    """Up to ``room`` blocks with at least two questions for the band, the job's own first; others only to
    reach MIN_COMPETENCIES (counting the ``keep`` blocks' places). Returned in the JD's order."""
    ready = [d for d in used if d.id in bank.questions and len(getattr(bank.questions[d.id], band)) >= 2]
    own = [d for d in ready if owned(job, d, guide, keep)]
    filler = [d for d in ready if d not in own]
    filler.sort(key=lambda d: d.id not in guide.generic)  # generic blocks before another function's
    picked = own[:room]
    picked += filler[: max(0, MIN_COMPETENCIES - (MAX_COMPETENCIES - room) - len(picked))]
    return [d for d in ready if d in picked]


def bigrams(text: str) -> set[str]:
    for frame in FRAMES:
        text = text.replace(frame, " ")
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def same_meaning(a: str, b: str) -> bool:
    """Two asks that share most of their character pairs ask the same thing (检查表 twice in one kit)."""
    x, y = bigrams(a), bigrams(b)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) > SAME_MEANING


def same_theme(a: str, b: str, themes: dict[str, list[str]]) -> bool:
    """Two asks that test the same thing in other words (data/kit.yaml themes: 预算砍两成 and 传播预算下调
    40% both test reallocating a budget)."""
    return any(any(w in a for w in words) and any(w in b for w in words) for words in themes.values())


def pick(
    questions: Sequence[Question], band: str, asked: list[str], themes: dict[str, list[str]] | None = None
) -> list[Question]:
    """A behavioural and a situational question, and for execution levels a work sample when there is one;
    up to MAX_QUESTIONS, in the bank's order. A question saying what one already ``asked`` says, or testing
    the same theme, is passed over for another of the block's (kept only when the block has nothing else)."""
    themes = themes or {}
    fresh = [
        q for q in questions if not any(same_meaning(q.ask, a) or same_theme(q.ask, a, themes) for a in asked)
    ]
    if len(fresh) < 2:  # the block has too little else: drop only what says the same words
        fresh = [q for q in questions if not any(same_meaning(q.ask, a) for a in asked)]
    pool = fresh if len(fresh) >= 2 else list(questions)
    wanted = ["behavioural", "situational", *(["work_sample"] if band == "junior" else [])]
    picked = [next(q for q in pool if q.kind == kind) for kind in wanted if any(q.kind == kind for q in pool)]
    picked += [q for q in pool if q not in picked][: max(0, 2 - len(picked))]
    return [q for q in pool if q in picked][:MAX_QUESTIONS]
