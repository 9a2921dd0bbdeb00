"""Compose an interview kit from a resolved request: the JD's duty blocks become the competencies.

The composer decides which duty blocks a JD holds (direction blocks first, then emphasised ones, the role's,
the level's) and how placeholders read for an industry; the kit asks it, so a kit is always about the job
the JD describes, and its questions read ({users} → 新手父母) the way the JD's duties do.
"""

from __future__ import annotations

from ..catalog.model import Catalog, Duty
from ..compose.duties import duties, lead, lead_options, standby  # the composer's own block choice
from ..compose.job import Job, unique_duties  # and its placeholder filling
from ..compose.writer import title_for
from ..errors import UserError
from ..models import Request
from .bank import KINDS, Bank, Question
from .guide import Guide, TeamSpec, load_guide
from .model import Competency, InterviewerNote, Kit, KitQuestion, Round, ScoreRow, WeightedTotal
from .select import MAX_COMPETENCIES, MIN_COMPETENCIES, choose, pick
from .team import spoken, values_for
from .tidy import tidy_kit

LEAD_WEIGHT, BASE_WEIGHT = 3, 2  # direction and emphasised blocks count half as much again
INTERN = "intern"
MAX_SAMPLES = 2  # exercises a kit asks blocks for (a block whose only second question is one adds it)
TEAM_BLOCK = "team_management"  # the level's block that the team competency (data/kit.yaml team) stands for


def build_kit(request: Request, catalog: Catalog, bank: Bank) -> Kit:
    """The kit for one request. Raises UserError when the catalogue has too few questions for this job."""
    guide = load_guide()
    request = _assistant(request, guide)
    job = Job(request, catalog)
    _, used = duties(job)
    band = guide.bands[request.level]
    title = title_for(request, catalog)
    team = None if _individual(request, guide) else guide.team.get(request.level)
    keep = set(request.emphasis) | (
        set(job.level.extra_duties) - {TEAM_BLOCK} if team else set(job.level.extra_duties)
    )
    # a direction's JD may hold too few blocks for a kit: the role's blocks it left out stand by
    # and a direction or role whose JD holds few blocks names a few more in data/kit.yaml (standby)
    owners = [*(d.id for d in job.directions), job.role.id]
    spare = [catalog.duty_by_id[x] for d in owners for x in guide.standby.get(d, [])]
    candidates = [
        d for d in unique_duties([*used, *standby(job), *spare]) if not (team and d.id == TEAM_BLOCK)
    ]
    blocks = choose(job, candidates, bank, band, guide, keep, MAX_COMPETENCIES - (1 if team else 0))
    if len(blocks) + (1 if team else 0) < MIN_COMPETENCIES:
        missing = "、".join(d.id for d in candidates if d not in blocks) or "（无）"
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
    raw = [LEAD_WEIGHT if d.id in leading else BASE_WEIGHT for d in blocks]
    weights = _weights(raw + ([BASE_WEIGHT] if team else []))
    rounds = len(getattr(guide.rounds, band))
    competencies: list[Competency] = []
    asked: list[str] = [q.ask for q in team.questions] if team else []  # the team's budget question first
    for index, (duty, weight) in enumerate(zip(blocks, weights, strict=False)):
        samples = sum(q.kind == "work_sample" for c in competencies for q in c.questions)
        wants = band if samples < MAX_SAMPLES else ""  # enough 10-minute exercises: behavioural, situational
        picked = pick(_said(job, _pool(bank, duty.id, band, request.level)), wants, asked, guide.themes)
        asked += [q.ask for q in picked]
        questions = [
            # a competency's questions go to consecutive rounds: each is asked by two interviewers
            _question(job, duty, q, (index + place) % rounds + 1)
            for place, q in enumerate(picked)
        ]
        definition = (lead_options(job, duty) if duty.id in leading else job.options(duty))[0]
        measure = job.fill(duty.kpi, duty.topic_kinds) or next((k for d in job.directions for k in d.kpi), "")
        if request.level == INTERN:  # an intern answers for the work handed over, not the block's outcomes
            measure = guide.intern_measure
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
    if team is not None:
        competencies.append(_team(job, team, guide, weights[-1], len(blocks) % rounds, rounds))
    if band == "junior" and not any(q.kind == "work_sample" for c in competencies for q in c.questions):
        _add_work_sample(competencies, guide)
    _renumber(competencies)
    kit = _assemble(job, title, competencies, guide, band)
    if not (job.directions or request.industry):
        # only the role (and maybe a topic no question speaks of) was read: say so, ask for a question on it
        note = guide.topic_note if request.topic else guide.generic_note
        for key, value in (
            ("{role}", job.role.name),
            ("{level}", job.level.name),
            ("{topic}", request.topic),
        ):
            note = note.replace(key, value or "")
        kit.prep_notes.append(note)
    return tidy_kit(kit)


def _pool(bank: Bank, duty_id: str, band: str, level: str) -> list[Question]:
    """The block's questions for the band; an intern is asked the block's intern questions when it has two."""
    bands = bank.questions[duty_id]
    if level == INTERN and len(bands.intern) >= 2:
        return bands.intern
    return list(getattr(bands, band))


def _said(job: Job, questions: list[Question]) -> list[Question]:
    """The questions that need no stand-in value (「产品玩法与行业资讯」 where no industry names the topics),
    when at least two of them, a behavioural one among them, are left."""
    solid = [q for q in questions if not any(job.bare(t) for t in q.texts())]
    enough = len(solid) >= 2 and any(q.kind == "behavioural" for q in solid)
    return solid if enough else questions


def _individual(request: Request, guide: Guide) -> bool:
    """A senior individual contributor (策略运营专家, 资深商品运营): read as 主管, but leads nobody."""
    title = (request.title or "").casefold()
    said = [w for w in guide.individual_words if w.casefold() in title]
    leads = [w for w in guide.leading_words if w.casefold() in title]
    return request.level == "senior" and bool(said) and not leads


def _assistant(request: Request, guide: Guide) -> Request:
    """An Assistant Manager (助理运营经理) is examined as a 主管: a small team and one domain's numbers."""
    title = (request.title or "").casefold()
    if request.level == "manager" and any(w.casefold() in title for w in guide.assistant_words):
        return request.model_copy(update={"level": "senior"})
    return request


def _team(job: Job, spec: TeamSpec, guide: Guide, weight: int, start: int, rounds: int) -> Competency:
    """The level's team competency in the role's words (data/kit.yaml team and teams)."""
    names = [job.catalog.duty_by_id[x].name for x in job.role.duties]
    head = job.leading[0].id if job.leading else (job.directions[0].id if job.directions else None)
    said = spoken(spec, values_for(job.role, guide, names, head))
    questions = [
        KitQuestion(
            id="",
            kind=q.kind,
            kind_name=KINDS[q.kind],
            ask=job.fill(q.ask),
            probes=[job.fill(p) for p in q.probes],
            anchors={k: job.fill(v) for k, v in q.anchors.items()},
            round=(start + place) % rounds + 1,
        )
        for place, q in enumerate(said.questions)
    ]
    return Competency(
        id=TEAM_BLOCK,
        name=said.name,
        definition=job.fill(said.definition),
        measure=job.fill(said.measure),
        weight=weight,
        questions=questions,
    )


def _question(job: Job, duty: Duty, question: Question, round_number: int) -> KitQuestion:
    def fill(text: str) -> str:
        return job.fill(text, duty.topic_kinds)

    return KitQuestion(
        id="",
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
