"""The question bank: data/interview.yaml, and the ``questions`` of any --catalog extension.

Its shape (written by content writers, validated here with extra="forbid")::

    version: 1
    questions:
      <duty block id>:
        intern: [<question>, ...]   # 实习生（可不写：不写时实习生用 junior 档）
        junior: [<question>, ...]   # 实习生、专员
        senior: [...]               # 主管、经理
        lead: [...]                 # 总监

    <question>: {kind: behavioural|situational|work_sample, ask: …, probes: [1–3], anchors: {1: …, 3: …, 5: …}}

Problems are reported like the catalogue's: file:line, key path, what is wrong.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..catalog.model import PLACEHOLDER, Catalog, validation_problems
from ..errors import CatalogError
from ..files.yamlio import Locator, read_data

KINDS = {"behavioural": "行为题", "situational": "情境题", "work_sample": "工作样本"}
ANCHOR_SCORES = (1, 3, 5)
BAND_NAMES = {
    "intern": "实习生",
    "junior": "实习生和专员",
    "senior": "主管和经理",
    "lead": "总监",
}  # data/kit.yaml bands


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Question(_Model):
    """One interview question with its follow-ups and what a 1, a 3 and a 5 answer contain."""

    kind: str = Field(
        description="behavioural（讲一次你……的经历）、situational（如果……你会怎么做）或 work_sample（10 分钟小练习）"
    )
    ask: str = Field(min_length=1, description="问题本身")
    probes: list[str] = Field(description="1–3 个追问")
    anchors: dict[int, str] = Field(description="评分标准：1（弱）、3（达标）、5（强）各写回答里具体有什么")

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"题型「{value}」不认识，应为 {'、'.join(KINDS)} 之一")
        return value

    @field_validator("probes")
    @classmethod
    def _probes(cls, value: list[str]) -> list[str]:
        value = [p.strip() for p in value]
        if not 1 <= len(value) <= 3 or not all(value):
            raise ValueError(f"追问应为 1–3 条非空文字，现在是 {len(value)} 条")
        return value

    @field_validator("anchors")
    @classmethod
    def _anchors(cls, value: dict[int, str]) -> dict[int, str]:
        value = {k: v.strip() for k, v in value.items()}
        if sorted(value) != list(ANCHOR_SCORES):
            got = "、".join(str(k) for k in sorted(value)) or "无"
            raise ValueError(f"评分标准应恰好写 1、3、5 三档，现在是 {got}")
        if not all(value.values()) or len(set(value.values())) != len(value):
            raise ValueError("1、3、5 三档的评分标准应各不相同且不能为空")
        return value

    def texts(self) -> list[str]:
        """Every sentence of the question: the ask, its probes and its anchors."""
        return [self.ask, *self.probes, *(self.anchors[k] for k in ANCHOR_SCORES)]


class Bands(_Model):
    """A duty block's questions for the three level bands."""

    intern: list[Question] = Field(
        default_factory=list,
        description="实习生：学习、执行和细心，用课程、项目或面试中的小练习作答；不写时实习生用 junior 档",
    )
    junior: list[Question] = Field(min_length=1, description="实习生和专员：学习与执行")
    senior: list[Question] = Field(
        min_length=1, description="主管和经理：对一块业务、它的指标和一个小团队负责"
    )
    lead: list[Question] = Field(min_length=1, description="总监：方向、预算、组织与判断")


class BankFile(_Model):
    """One file's questions (data/interview.yaml, or the ``questions`` key of a catalogue extension)."""

    version: int = 1
    questions: dict[str, Bands] = Field(default_factory=dict, description="按职责块 id 写的面试题")


class Bank(_Model):
    """The merged bank: duty block id → its bands. Build it with :func:`load_bank`."""

    questions: dict[str, Bands]


def builtin_bank_path() -> Path:
    from ..resources import data_dir

    return data_dir() / "interview.yaml"


def load_bank(catalog: Catalog, extra: list[Path] | None = None) -> Bank:
    """The built-in bank merged with the ``questions`` of ``extra`` catalogue files (same id replaces), checked
    against the catalogue: every id a duty block, every placeholder one the catalogue defines."""
    merged: dict[str, Bands] = {}
    origin: dict[str, Path] = {}
    problems: list[str] = []
    for path in [builtin_bank_path(), *(extra or [])]:
        try:
            part = _builtin_part(path) if path == builtin_bank_path() else read_part(path)
        except ValidationError as exc:
            problems += validation_problems(path, exc)
            continue
        for duty_id, bands in part.questions.items():
            merged[duty_id] = bands
            origin[duty_id] = path
    for duty_id, bands in merged.items():
        problems += _references(duty_id, bands, catalog, origin[duty_id])
    if problems:
        raise CatalogError(problems)
    return Bank(questions=merged)


def read_part(path: Path) -> BankFile:
    """One file's questions, validated (raises ValidationError)."""
    data = read_data(path, "目录文件")
    if path != builtin_bank_path():
        data = {"questions": data.get("questions") or {}} if isinstance(data, dict) else {}
    return BankFile.model_validate(data or {})


@lru_cache(maxsize=2)
def _builtin_part(path: Path) -> BankFile:
    """The built-in bank: the wheel's validated copy constructed directly, else read and validated."""
    from ..catalog.built import load_builtin

    return load_builtin(BankFile, path, "面试题库")


def _references(duty_id: str, bands: Bands, catalog: Catalog, path: Path) -> list[str]:
    out: list[str] = []
    if duty_id not in catalog.duty_by_id:
        import difflib

        close = difflib.get_close_matches(duty_id, list(catalog.duty_by_id), n=3, cutoff=0.5)
        near = f"（相近的有：{'、'.join(close)}）" if close else ""
        out.append(_where(path, ("questions", duty_id), f"面试题写给了不存在的职责块 {duty_id}{near}"))
    known = set(catalog.placeholders)
    for band in BAND_NAMES:
        for index, question in enumerate(getattr(bands, band)):
            for text in question.texts():
                for name in PLACEHOLDER.findall(text):
                    if name not in known:
                        loc = ("questions", duty_id, band, index)
                        message = f"未定义的占位符 {{{name}}}，可用的有：{'、'.join(sorted(known))}"
                        out.append(_where(path, loc, message))
    return out


def _where(path: Path, loc: tuple[Any, ...], message: str) -> str:
    line = Locator(path).line(loc)
    return f"{path}:{line}：{'.'.join(str(p) for p in loc)}：{message}" if line else f"{path}：{message}"


def with_questions(catalog_schema: dict[str, Any]) -> dict[str, Any]:
    """The catalogue's JSON Schema with the ``questions`` key described, for `catalog schema`."""
    schema = BankFile.model_json_schema()
    catalog_schema.setdefault("$defs", {}).update(schema.get("$defs", {}))
    catalog_schema.setdefault("properties", {})["questions"] = schema["properties"]["questions"]
    return catalog_schema
