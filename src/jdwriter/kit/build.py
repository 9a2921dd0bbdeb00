"""Compose an interview kit from a resolved request: the JD's duty blocks become the competencies.

The composer decides which duty blocks a JD holds (direction blocks first, then emphasised ones, the role's,
the level's) and how placeholders read for an industry; the kit asks it, so a kit is always about the job
the JD describes, and its questions read ({users} → 新手父母) the way the JD's duties do.
"""

from __future__ import annotations

from ..catalog.model import BANDS, Catalog, Duty
from ..compose.duties import duties, lead, lead_options  # the composer's own block choice
from ..compose.job import Job  # and its placeholder filling
from ..compose.writer import title_for
from ..errors import UserError
from ..models import Request
from .bank import KINDS, Bank, Question
from .guide import Guide, load_guide
from .model import Competency, InterviewerNote, Kit, KitQuestion, Round, ScoreRow, WeightedTotal

MIN_COMPETENCIES, MAX_COMPETENCIES = 4, 6
MAX_QUESTIONS = 3  # per competency
LEAD_WEIGHT, BASE_WEIGHT = 3, 2  # direction and emphasised blocks count half as much again


def build_kit(request: Request, catalog: Catalog, bank: Bank) -> Kit:
    """The kit for one request. Raises UserError when the catalogue has too few questions for this job."""
    job = Job(request, catalog)
    _, used = duties(job)
    band = BANDS[request.level]
    guide = load_guide()
    title = title_for(request, catalog)
    blocks = _choose(used, bank, band, set(job.level.extra_duties))
    if len(blocks) < MIN_COMPETENCIES:
        missing = "、".join(d.id for d in used if d not in blocks) or "（无）"
        raise UserError(
            f"「{title}」的职责里只有 {len(blocks)} 项写了{job.level.name}级别的面试题，"
            f"至少要 {MIN_COMPETENCIES} 项才能组成一套面试题；请在 --catalog 扩展的 questions 里"
            f"为职责块 {missing} 补上题目（格式见 jdwriter catalog example）。"
        )
    direction_blocks = [d for d in lead(job) if d.id in {x for r in job.directions for x in r.duties}]
    if direction_blocks and not any(d in blocks for d in direction_blocks):
        names = "、".join(d.id for d in direction_blocks)
        raise UserError(
            f"「{title}」的方向职责（{names}）还没有{job.level.name}级别的面试题，出的题会脱离这个方向；"
            "请在 --catalog 扩展的 questions 里为这些职责块补上题目（格式见 jdwriter catalog example）。"
        )
    leading = {d.id for d in lead(job)} | set(request.emphasis)
    weights = _weights([LEAD_WEIGHT if d.id in leading else BASE_WEIGHT for d in blocks])
    rounds = len(getattr(guide.rounds, band))
    competencies: list[Competency] = []
    number = 0
    for index, (duty, weight) in enumerate(zip(blocks, weights, strict=True)):
        picked = _pick(getattr(bank.questions[duty.id], band), band)
        questions = []
        for place, question in enumerate(picked):
            number += 1
            # a competency's questions go to consecutive rounds: each is asked by two interviewers
            questions.append(_question(job, duty, question, f"Q{number}", (index + place) % rounds + 1))
        definition = (lead_options(job, duty) if duty.id in leading else job.options(duty))[0]
        measure = job.fill(duty.kpi, duty.topic_kinds) or next((k for d in job.directions for k in d.kpi), "")
        competencies.append(
            Competency(
                id=duty.id,
                name=duty.name,
                definition=definition,
                measure=job.fill(measure),
                weight=weight,
                questions=questions,
            )
        )
    if band == "junior" and not any(q.kind == "work_sample" for c in competencies for q in c.questions):
        _add_work_sample(competencies, guide)
    _renumber(competencies)
    return _assemble(job, title, competencies, guide, band)


def _choose(used: list[Duty], bank: Bank, band: str, reserved: set[str]) -> list[Duty]:
    """Up to MAX_COMPETENCIES blocks with at least two questions for the band, in the JD's order; the level's
    own blocks (团队管理 for 经理 and 总监) always stay, the role's later blocks give way to them."""
    ready = [d for d in used if d.id in bank.questions and len(getattr(bank.questions[d.id], band)) >= 2]
    kept = [d for d in ready if d.id in reserved]
    others = [d for d in ready if d.id not in reserved][: MAX_COMPETENCIES - len(kept)]
    return [d for d in ready if d in others or d in kept]


def _pick(questions: list[Question], band: str) -> list[Question]:
    """A behavioural and a situational question, and for execution levels a work sample when there is one;
    up to MAX_QUESTIONS, in the bank's order."""
    wanted = ["behavioural", "situational", *(["work_sample"] if band == "junior" else [])]
    picked = [
        next(q for q in questions if q.kind == kind)
        for kind in wanted
        if any(q.kind == kind for q in questions)
    ]
    picked += [q for q in questions if q not in picked][: max(0, 2 - len(picked))]
    return [q for q in questions if q in picked][:MAX_QUESTIONS]


def _question(job: Job, duty: Duty, question: Question, qid: str, round_number: int) -> KitQuestion:
    def fill(text: str) -> str:
        return job.fill(text, duty.topic_kinds)

    return KitQuestion(
        id=qid,
        kind=question.kind,
        kind_name=KINDS[question.kind],
        ask=fill(question.ask),
        probes=[fill(p) for p in question.probes],
        anchors={k: fill(v) for k, v in question.anchors.items()},
        round=round_number,
    )


def _add_work_sample(competencies: list[Competency], guide: Guide) -> None:
    """An execution-level kit always has one 10-minute exercise: on the first competency's own data."""
    first = competencies[0]
    sample = guide.work_sample

    def fill(text: str) -> str:
        return text.replace("{name}", first.name).replace("{measure}", first.measure or first.name)

    first.questions.append(
        KitQuestion(
            id="",
            kind="work_sample",
            kind_name=KINDS["work_sample"],
            ask=fill(sample.ask),
            probes=[fill(p) for p in sample.probes],
            anchors={k: fill(v) for k, v in sample.anchors.items()},
            round=1,
        )
    )


def _renumber(competencies: list[Competency]) -> None:
    for number, question in enumerate((q for c in competencies for q in c.questions), 1):
        question.id = f"Q{number}"


def _weights(raw: list[int]) -> list[int]:
    """Integer percentages in proportion to ``raw`` that sum to exactly 100 (largest remainder)."""
    total = sum(raw)
    exact = [100 * r / total for r in raw]
    out = [int(x) for x in exact]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - exact[i], i))
    for i in order[: 100 - sum(out)]:
        out[i] += 1
    return out


def _minutes(planned: int, kinds: list[str], guide: Guide) -> int:
    """A round lasts its planned minutes, or longer when its questions need more (rounded up to 5)."""
    timing = guide.timing
    needed: int = timing.round_overhead + sum(int(getattr(timing, kind)) for kind in kinds)
    return max(planned, -(-needed // 5) * 5)


def _assemble(job: Job, title: str, competencies: list[Competency], guide: Guide, band: str) -> Kit:
    specs = getattr(guide.rounds, band)
    plan = [
        Round(
            number=n,
            name=spec.name,
            interviewer=spec.interviewer,
            minutes=_minutes(
                spec.minutes, [q.kind for c in competencies for q in c.questions if q.round == n], guide
            ),
            covers=[c.name for c in competencies if any(q.round == n for q in c.questions)],
            questions=[q.id for c in competencies for q in c.questions if q.round == n],
        )
        for n, spec in enumerate(specs, 1)
    ]
    terms = " + ".join(f"{c.weight}×{c.name}" for c in competencies)
    return Kit(
        title=title,
        role=job.role.name,
        level=job.level.name,
        industry=job.industry.name if job.industry else None,
        directions=[d.name for d in job.directions],
        competencies=competencies,
        plan=plan,
        scorecard=[ScoreRow(competency=c.name, weight=c.weight) for c in competencies],
        weighted_total=WeightedTotal(formula=f"加权总分 = ({terms}) ÷ 100"),
        interviewer_notes=[InterviewerNote(topic=n.topic, rule=n.rule, basis=n.basis) for n in guide.notes],
        how_to=guide.how_to,
    )
