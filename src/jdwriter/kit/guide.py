"""data/kit.yaml: the fixed parts of every kit (rounds per level band, interviewer notes, the fallback work
sample and the how-to line), which bank band each level is asked from, which blocks a role is examined on
(owners, generic), the shared question pool, and the team competency per level, typed and validated once."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..catalog.model import LEVEL_IDS, validation_problems
from ..errors import CatalogError
from ..files.yamlio import read_data
from .bank import Question


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RoundSpec(_Model):
    name: str = Field(min_length=1)
    interviewer: str = Field(min_length=1)
    minutes: int = Field(ge=10, le=180)


class RoundBands(_Model):
    junior: list[RoundSpec] = Field(min_length=2, max_length=3)
    senior: list[RoundSpec] = Field(min_length=2, max_length=3)
    lead: list[RoundSpec] = Field(min_length=2, max_length=3)


class Note(_Model):
    topic: str = Field(min_length=1)
    rule: str = Field(min_length=1)
    basis: str = Field(min_length=1)


class Timing(_Model):
    """How long a round needs: the minutes each kind of question takes, plus the opening and the close."""

    behavioural: int = Field(ge=3, le=30)
    situational: int = Field(ge=3, le=30)
    work_sample: int = Field(ge=5, le=40)
    round_overhead: int = Field(ge=0, le=30)


class TeamSpec(_Model):
    """The competency of leading people at one level, its questions written with {team} {work} {metric} {budget}."""

    name: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    measure: str = Field(min_length=1)
    questions: list[Question] = Field(min_length=2, max_length=3)


class TeamValues(_Model):
    """How one role's team is called, what it does, the numbers it answers for and where its money goes."""

    team: str = Field(min_length=1)
    work: str = Field(min_length=1)
    metric: str = Field(min_length=1)
    budget: str = Field(min_length=1)


class Guide(_Model):
    version: int = 1
    bands: dict[str, Literal["junior", "senior", "lead"]]
    assistant_words: list[str] = Field(default_factory=list)
    individual_words: list[str] = Field(default_factory=list)
    leading_words: list[str] = Field(default_factory=list)
    owners: dict[str, list[str]] = Field(default_factory=dict)
    generic: list[str] = Field(default_factory=list)
    shared: dict[str, str] = Field(default_factory=dict)
    team: dict[str, TeamSpec] = Field(default_factory=dict)
    teams: dict[str, TeamValues] = Field(default_factory=dict)
    direction_teams: dict[str, TeamValues] = Field(default_factory=dict)
    standby: dict[str, list[str]] = Field(default_factory=dict)
    rounds: RoundBands
    timing: Timing
    work_sample: Question
    intern_measure: str = Field(min_length=1)
    generic_note: str = Field(min_length=1)
    themes: dict[str, list[str]] = Field(default_factory=dict)
    topic_note: str = Field(min_length=1)
    notes: list[Note] = Field(min_length=1)
    how_to: str = Field(min_length=1)

    @field_validator("bands")
    @classmethod
    def _every_level(cls, value: dict[str, str]) -> dict[str, str]:
        missing = [x for x in LEVEL_IDS if x not in value]
        if missing or set(value) - set(LEVEL_IDS):
            raise ValueError(
                f"bands 应给每个级别（{'、'.join(LEVEL_IDS)}）指定一档题，缺 {'、'.join(missing) or '无'}"
            )
        return value

    @field_validator("team")
    @classmethod
    def _team_levels(cls, value: dict[str, TeamSpec]) -> dict[str, TeamSpec]:
        unknown = [x for x in value if x not in LEVEL_IDS]
        if unknown:
            raise ValueError(f"team 的键应为级别 id（{'、'.join(LEVEL_IDS)}），不认识 {'、'.join(unknown)}")
        return value


@cache
def load_guide() -> Guide:
    """data/kit.yaml, validated (a broken file names file, line and key path, like the catalogue)."""
    from ..resources import data_dir

    path = data_dir() / "kit.yaml"
    try:
        return Guide.model_validate(read_data(path, "面试题配置文件"))
    except ValidationError as exc:
        raise CatalogError(validation_problems(path, exc)) from exc
