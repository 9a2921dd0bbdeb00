"""The words resolve uses to read job titles (data/vocabulary.yaml): level words, noise, other professions,
titles that contain 运营 but are another kind of job, and cities. Loaded and validated once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field

from .model import LevelId, Model


class NotOps(Model):
    """A kind of job whose titles contain 运营 but which is not an operations job."""

    kind: str = Field(description="拒绝时说明它像什么，例如 设计类职位")
    words: list[str] = Field(min_length=1, description="标题里出现这些词时属于这一类")
    unless: list[str] = Field(
        default_factory=list, description="这些词里的同样几个字不算（运营商务 不是 运营商）"
    )


class TitleWords(Model):
    level_words: list[tuple[str, LevelId]] = Field(description="职位名称里的级别词，按优先顺序")
    noise: list[str] = Field(default_factory=list, description="识别时忽略的词")
    urgent: list[str] = Field(default_factory=list, description="打印标题时去掉的招揽词")
    not_topic: list[str] = Field(default_factory=list, description="不能当作主题的词")
    ops_hints: list[str] = Field(default_factory=list, description="说明这是运营类工作的词")
    generic: str = Field(description="运营本身：单独出现时不指向任何岗位")
    schemes: list[str] = Field(
        default_factory=list,
        description="招聘项目的名称：写在括号前面时，括号里的才是岗位（管培生（产品运营））",
    )
    role_suffixes: list[str] = Field(
        default_factory=list, description="写在「…运营」后面、只说是策划者而不换岗位的词（社区运营策划）"
    )
    second_jobs: list[str] = Field(
        default_factory=list,
        description="写在另一个岗位名称前面时，说这份工作也做它的岗位名称词根（社群内容运营：也做社群）",
    )
    generic_before: list[str] = Field(
        default_factory=list, description="可以写在「运营」前面、却不说明做什么的词（线上运营、综合运营）"
    )
    object_roles: list[str] = Field(
        default_factory=list,
        description="运营的对象由前面的词说明的岗位名（乘车码产品运营）：紧挨在前面的词 jdwriter 不认识时拒绝",
    )
    other_jobs: list[str] = Field(default_factory=list, description="其他职业")
    other_fields: list[str] = Field(default_factory=list, description="没有职责块描述的运营方向")
    not_ops: list[NotOps] = Field(default_factory=list, description="带「运营」二字的非运营职位")
    security_ok_before: list[str] = Field(
        default_factory=list, description="安全运营前面出现这些词时属于运营"
    )
    cities: list[str] = Field(default_factory=list, description="打印标题时从括号或末尾去掉的城市")
    city_marks: list[str] = Field(
        default_factory=list, description="写在城市前面、说明工作地点的词（base北京）：连同城市一起去掉"
    )
    bare_functions: list[str] = Field(
        default_factory=list,
        description="横线后面只写这些词时，它说的是岗位本身（游戏运营-数据分析 是游戏里的数据工作）",
    )
    any_language: list[str] = Field(
        default_factory=list,
        description="泛指任一门外语的词（小语种）：职位名称写明了工作语言（越南、日语）时，说到它的加分项不写",
    )
    remote: list[str] = Field(
        default_factory=list, description="说明远程工作的词（远程实习）：这时级别里说到场的要求（onsite）不写"
    )
    onsite: list[str] = Field(default_factory=list, description="说到场出勤的要求里的词（每周能到岗 4 天）")
    campus_drives: list[str] = Field(
        default_factory=list,
        description="招聘批次的词（校招、秋招）：职位名称以「2021校招-」开头时，打印成「数据运营专员（2021校招）」",
    )
    employer_marks: list[str] = Field(
        default_factory=list,
        description="横线后或括号里的一段以这些词结尾时，是招聘方的名称（-人人律智能大数据科技公司），打印标题时去掉",
    )
    level_modifiers: list[str] = Field(
        default_factory=list,
        description="写在另一个级别词前面时只说明那个级别有多资深的词（高级经理、资深总监里的高级、资深）",
    )
    post_words: list[str] = Field(
        default_factory=list,
        description="职位名称末尾只说「这是一个岗位」的字（运营质控岗）：和级别词一样不算职位的主体，它前面不认识的词才是工作本身",
    )
    said_once: list[list[str]] = Field(
        default_factory=list,
        description="任职要求和加分项各只说一次的事：一组词里的任一个在前面一条里说过，后面说到同组词的那条不写"
        "（年度目标和预算说一次）",
    )
    english: list[tuple[str, str]] = Field(
        default_factory=list,
        description="英文职位名称里的词 → 中文说法（Community Operations Manager → 社群运营经理）；"
        "只在英文里有译成「运营」的词时使用，打印的标题保持原样",
    )


class Vocabulary(Model):
    version: int = 1
    title: TitleWords


def vocabulary_path() -> Path:
    from ..resources import data_dir

    return data_dir() / "vocabulary.yaml"


@cache
def vocabulary() -> Vocabulary:
    """data/vocabulary.yaml, validated; a broken file gives file:line:key-path, not a traceback."""
    from .built import load_builtin

    return load_builtin(Vocabulary, vocabulary_path(), "词表文件")
