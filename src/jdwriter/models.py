"""The request a user makes and the JobDescription jdwriter produces. Plain data, no behaviour."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

TEMPLATES = {
    "standard": "标准版：岗位职责、任职要求、加分项",
    "full": "完整版：另含岗位概述、考核指标，以及给出公司信息时的公司介绍和福利待遇",
}


class Company(BaseModel):
    """Company facts from --company FILE.yaml or flags. Every field is optional."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, max_length=200, description="公司名称")
    intro: str | None = Field(default=None, max_length=2000, description="公司介绍")
    benefits: list[str] = Field(default_factory=list, max_length=30, description="福利待遇")
    location: str | None = Field(default=None, max_length=200, description="工作地点")
    salary: str | None = Field(default=None, max_length=100, description="薪资范围")
    headcount: int | None = Field(default=None, ge=1, le=100000, description="招聘人数")


class Request(BaseModel):
    """What to write. Names here are catalogue ids, already resolved."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: str
    level: str = "specialist"
    emphasis: tuple[str, ...] = ()
    industry: str | None = None
    company: Company = Field(default_factory=Company)
    title: str | None = None
    template: str = "standard"
    seed: int | None = None


class Ref(BaseModel):
    id: str
    name: str


class Section(BaseModel):
    id: str
    heading: str
    items: list[str]
    ordered: bool = True
    prose: bool = False


class JobDescription(BaseModel):
    title: str
    role: Ref
    level: Ref
    industry: Ref | None
    emphasis: list[str]
    summary: str
    meta: dict[str, str | int]
    sections: list[Section]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
