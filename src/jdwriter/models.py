"""The request a user makes and the JobDescription jdwriter produces. Plain data, no behaviour.

Our own code builds them from values it has already resolved (catalogue ids, composed text), so the hot path
constructs them without validating (``Data.make``); their validators and serialisers are built only when
something asks for one (``model_dump_json`` for --format json, a test)."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from .construct import empty
from .files.inputs import Company

__all__ = ["Company", "JobDescription", "Ref", "Request", "Section", "meta_items"]


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    @classmethod
    def make(cls, **values: Any) -> Self:
        """An instance from values our code resolved and typed (no validator built or run)."""
        return cls.model_construct(**values)


class Request(Data):
    """What to write. Names here are catalogue ids, already resolved."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    role: str
    level: str = "specialist"
    directions: tuple[str, ...] = ()
    topic: str | None = None
    # what kind of domain the topic is (data/domains.yaml: category, vertical, genre, industry); None = no topic
    topic_kind: str | None = None
    # the lexicon entry the topic belongs to (护肤 → 美妆): the catalogue's lines written for it (domain_notes)
    domain: str | None = None
    emphasis: tuple[str, ...] = ()
    # what the title adds in brackets or after a dash (会员 in 产品运营（会员方向）): a duty block it names leads
    qualifiers: tuple[str, ...] = ()
    # other roles the title names beside its own (社群 in 社群内容运营经理): their first fitting block leads too
    also: tuple[str, ...] = ()
    # a role the title names as an alternative beside its own (社群 in 社群运营/活动运营): one line of its work
    beside: tuple[str, ...] = ()
    industry: str | None = None
    # a working language the title names (日语 in 亚马逊运营（日语）, 日本站): its lines replace English-only asks
    language: str | None = None
    company: Company = Field(default_factory=lambda: empty(Company))
    title: str | None = None
    template: str = "standard"
    seed: int | None = None


class Ref(Data):
    id: str
    name: str


class Section(Data):
    id: str
    heading: str
    items: list[str]
    ordered: bool = True
    prose: bool = False


class JobDescription(Data):
    title: str
    role: Ref
    level: Ref
    industry: Ref | None
    directions: list[Ref] = Field(default_factory=list)
    topic: str | None = None
    emphasis: list[str]
    summary: str
    meta: dict[str, str | int]
    sections: list[Section]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


META_LABELS = {"company": "公司", "location": "工作地点", "salary": "薪资", "headcount": "招聘人数"}


def meta_items(jd: JobDescription) -> list[tuple[str, str]]:
    """[(公司, 示例科技), (招聘人数, 2 人)] in a fixed order, only for fields that were given."""
    out = []
    for key, label in META_LABELS.items():
        if key in jd.meta:
            value = jd.meta[key]
            shown = f"{value} 人" if key == "headcount" and str(value).isdigit() else str(value)
            out.append((label, shown))
    return out
