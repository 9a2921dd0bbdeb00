"""The interview kit as data: what `jdwriter kit` prints in every format. Plain data, no behaviour beyond
the weighted total. JSON keys are English snake_case (see README, 「jdwriter kit」)."""

from __future__ import annotations

from pydantic import BaseModel, Field

RECOMMENDATION_SCALE = ("强烈推荐", "推荐", "不推荐", "强烈不推荐")  # four points, no neutral


class KitQuestion(BaseModel):
    id: str  # Q1, Q2 … in kit order
    kind: str  # behavioural | situational | work_sample
    kind_name: str  # 行为题 / 情境题 / 工作样本
    ask: str
    probes: list[str]
    anchors: dict[int, str]  # 1, 3, 5
    round: int  # the round (1-based) it is asked in


class Competency(BaseModel):
    id: str  # the duty block it comes from
    name: str
    definition: str
    measure: str  # how the job measures it (the block's KPI)
    weight: int  # percent; the weights of a kit sum to 100
    questions: list[KitQuestion]


class Round(BaseModel):
    number: int
    name: str
    interviewer: str
    minutes: int
    covers: list[str]  # competency names
    questions: list[str]  # question ids


class ScoreRow(BaseModel):
    competency: str
    weight: int
    score: int | None = None  # 1–5, filled in by the interviewer
    evidence: str = ""


class WeightedTotal(BaseModel):
    formula: str  # 加权总分 = (30×A + 20×B …) ÷ 100
    value: float | None = None  # computed when every row has a score
    min: int = 1
    max: int = 5


class InterviewerNote(BaseModel):
    topic: str
    rule: str
    basis: str


class Kit(BaseModel):
    title: str
    role: str
    level: str
    industry: str | None = None
    directions: list[str] = Field(default_factory=list)
    competencies: list[Competency]
    plan: list[Round]
    scorecard: list[ScoreRow]
    recommendation_scale: list[str] = Field(default_factory=lambda: list(RECOMMENDATION_SCALE))
    weighted_total: WeightedTotal
    interviewer_notes: list[InterviewerNote]
    how_to: str
    prep_notes: list[str] = Field(
        default_factory=list
    )  # 出题说明: what the kit could not know about this job

    def questions(self) -> list[KitQuestion]:
        return [q for c in self.competencies for q in c.questions]


def weighted_total(rows: list[ScoreRow]) -> float | None:
    """Σ(weight × score) ÷ 100, to two decimals; None while any row is unscored."""
    if not rows or any(r.score is None for r in rows):
        return None
    return round(sum(r.weight * (r.score or 0) for r in rows) / 100, 2)


def kit_meta(kit: Kit) -> list[tuple[str, str]]:
    """[(岗位, 用户运营), (级别, 经理), …]: the line under the title."""
    items = [("岗位", kit.role), ("级别", kit.level)]
    if kit.directions:
        items.append(("方向", "、".join(kit.directions)))
    if kit.industry:
        items.append(("行业", kit.industry))
    return items


def scored(kit: Kit, scores: list[int]) -> Kit:
    """The kit with its scorecard filled in (one score 1–5 per competency, in order) and the weighted total
    computed. Raises ValueError with a Chinese sentence when the scores do not fit the kit."""
    if len(scores) != len(kit.scorecard):
        names = "、".join(r.competency for r in kit.scorecard)
        raise ValueError(
            f"--scores 应按顺序给 {len(kit.scorecard)} 个分数（{names}），收到的是 {len(scores)} 个"
        )
    bad = [s for s in scores if not 1 <= s <= 5]
    if bad:
        raise ValueError(f"分数应为 1–5 的整数，收到了 {bad[0]}")
    rows = [row.model_copy(update={"score": s}) for row, s in zip(kit.scorecard, scores, strict=True)]
    total = kit.weighted_total.model_copy(update={"value": weighted_total(rows)})
    return kit.model_copy(update={"scorecard": rows, "weighted_total": total})
