"""The two base models of every catalogue entry (Model: closed, frozen; Named: an id, a Chinese name and
aliases) and the level ids. Imports nothing of jdwriter."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LEVEL_IDS = ("intern", "specialist", "senior", "manager", "director")
LevelId = Literal["intern", "specialist", "senior", "manager", "director"]
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ID = r"^[a-z][a-z0-9_]*$"


class Model(BaseModel):
    # defer_build: a model's validator is built the first time it validates (a user's extension, catalog
    # check), not when the class is defined; the built-in catalogue is constructed without it (built.py).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Named(Model):
    """Anything people refer to by id, Chinese name or alias."""

    id: str = Field(pattern=_ID, description="英文标识，小写字母、数字和下划线")
    name: str = Field(min_length=1, description="中文名称")
    aliases: list[str] = Field(default_factory=list, description="别名，大家实际会输入的叫法")
