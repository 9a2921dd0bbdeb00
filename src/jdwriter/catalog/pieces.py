"""Small parts of a level's and a role's entry: a kind of hire a title names (Hire), the cap on lines that ask
for a team (TeamCap) and a role's platform-side blocks (Sided). Imports only the base models."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from .base import LevelId, Model


class Hire(Model):
    """A kind of hire at this level a title's words name (管培生, 应届, 校招; 专家): the experience line it gets."""

    words: list[str] = Field(min_length=1, description="职位名称里说明是校招或应届的词（管培生、应届、校招）")
    experience: str = Field(description="这类职位的经验与学历要求（不要求工作年限）")
    tools_as: LevelId | None = Field(
        default=None,
        description="工具句按哪个级别的说法写（应届助理按实习生的说法：会用、愿意学，不写熟练使用）",
    )
    unless: list[str] = Field(
        default_factory=list,
        description="职位名称里有这些词时不是这类职位（总监助理是资深岗位，不是应届助理）",
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
