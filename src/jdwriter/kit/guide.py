"""data/kit.yaml: the fixed parts of every kit (rounds per level band, interviewer notes, the fallback work
sample and the how-to line), typed and validated once."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..catalog.model import validation_problems
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


class Guide(_Model):
    version: int = 1
    rounds: RoundBands
    timing: Timing
    work_sample: Question
    notes: list[Note] = Field(min_length=1)
    how_to: str = Field(min_length=1)


@cache
def load_guide() -> Guide:
    """data/kit.yaml, validated (a broken file names file, line and key path, like the catalogue)."""
    from ..resources import data_dir

    path = data_dir() / "kit.yaml"
    try:
        return Guide.model_validate(read_data(path, "面试题配置文件"))
    except ValidationError as exc:
        raise CatalogError(validation_problems(path, exc)) from exc
