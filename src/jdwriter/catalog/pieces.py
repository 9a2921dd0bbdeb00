"""Small parts of a level's and a role's entry: a kind of hire a title names (Hire), the cap on lines that ask
for a team (TeamCap), a role's platform-side blocks (Sided) and the lines written for level bands (BandLines).
Imports only the base models."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from .base import LevelId, Model

BandId = Literal["junior", "senior", "lead"]
BANDS: dict[str, BandId] = {
    "intern": "junior",
    "specialist": "junior",
    "senior": "senior",
    "manager": "lead",
    "director": "lead",
}


class BandLines(Model):
    """A role's own requirements, written for three level bands, so a 总监 never reads a 专员's line."""

    junior: list[str] = Field(min_length=1, description="实习生和专员：方法、工具与执行")
    senior: list[str] = Field(min_length=1, description="主管：独立负责一块业务，对方案和结果负责")
    lead: list[str] = Field(min_length=1, description="经理和总监：方向、预算、组织与结果")

    def lines(self, level_id: str) -> list[str]:
        """The lines for one level."""
        band: list[str] = getattr(self, BANDS[level_id])
        return band


class Hire(Model):
    """A kind of hire at this level a title's words name (管培生, 应届, 校招; 专家): the experience line it gets."""

    words: list[str] = Field(min_length=1, description="职位名称里说明是校招或应届的词（管培生、应届、校招）")
    experience: str = Field(description="这类职位的经验与学历要求（不要求工作年限）")
    tools_as: LevelId | None = Field(
        default=None,
        description="工具句按哪个级别的说法写（应届助理按实习生的说法：会用、愿意学，不写熟练使用）；"
        "专家的岗位任职要求也按这个级别写（去掉带团队）",
    )
    duties_as: LevelId | None = Field(
        default=None,
        description="职责按哪个级别的说法写（应届助理、管培生按实习生的说法：协助、整理，不写独立输出专题分析）",
    )
    unless: list[str] = Field(
        default_factory=list,
        description="职位名称里有这些词时不是这类职位（总监助理是资深岗位，不是应届助理）",
    )
    not_asked: list[str] = Field(
        default_factory=list,
        description="借来的高一级任职要求里说到这些词的不写（专家不分团队预算）",
    )
    beyond: list[str] = Field(
        default_factory=list,
        description="这类职位的 JD 不写的词，加在级别的 beyond 上（专家不写自己搭过看板：那是专员的基本功）",
    )
    duties: list[str] = Field(
        default_factory=list,
        description="这类职位加上的职责块 id，排在职位名称点名的职责块之后（组长：小组的分工与带教）",
    )

    def named_by(self, title: str | None) -> bool:
        """Whether the title names this kind of hire (管培生, 应届助理) and none of its exceptions."""
        said = (title or "").casefold()
        return any(w.casefold() in said for w in self.words) and not any(
            w.casefold() in said for w in self.unless
        )


class TeamCap(Model):
    """How many lines of a JD at this level may ask for a team: 经理 is an individual lead at many employers
    (腾讯的产品运营经理), so its JD asks for a team once, not in every section."""

    pattern: str = Field(
        min_length=1, description="说明带团队的写法，正则表达式（带团队|带过|管理过.{0,12}团队）"
    )
    requirements: int = Field(ge=0, description="任职要求里最多几条说带团队")
    bonus: int = Field(ge=0, description="加分项里最多几条说带团队")

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"不是有效的正则表达式：{exc}") from None
        return value


class Sided(Model):
    """A role that works on either side of a platform (内容运营: a brand's editorial team, or a platform's
    content supply): the platform side's block list is used when the title says that side (平台内容运营)."""

    words: list[str] = Field(min_length=1, description="说明是平台一侧的词（平台、生态、站内、UGC）")
    duties: list[str] = Field(min_length=3, description="这时按顺序用的职责块 id（换下品牌一侧的内容生产）")
    requirements: BandLines | None = Field(default=None, description="这一侧自己的任职要求；不写就用岗位的")
    bonus: list[str] | None = Field(default=None, description="这一侧自己的加分项；不写就用岗位的")
    values: dict[str, str] = Field(
        default_factory=dict, description="这一侧的占位符取值（商家运营：{supply} 是商家，不是合作方）"
    )
    domain_notes: bool = Field(
        default=True,
        description="职位名称里的领域（房地产、视频）能否带来为它写的条目；云厂商的行业运营写 false："
        "那些条目写的是平台怎样经营这个行业的商户，云厂商的客户是行业里的企业",
    )
