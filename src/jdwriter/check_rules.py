"""What `jdwriter check` looks for, and how a mention becomes a finding.

The rules and their words live in data/check_rules.yaml (read once, with the C YAML loader): the message,
suggestion and legal basis of each rule, and per compliance category its trigger words, patterns and
look-alike words. This module holds the reasoning.

A compliance category is not a list of forbidden strings. Each category has trigger words (segmented as
whole words, so 女装 never reads as 女) and a few patterns for what words cannot list (35岁以下, 90后, phone
numbers). A trigger becomes a finding only when its context makes it a requirement on the candidate
(the reasoning is in check_scan.py):

- words right after it that name the users, customers or products a job serves (女性**用户**, 18-35岁**人群**,
  男士**护肤品**), or words before it such as 面向/针对, mean it describes the work, not the person;
- explicit openness (男女不限, 不限户籍, 专业不限) is never a violation;
- so are the subject matter of knowledge or past work (熟悉00后的网络语言, 有女子健身房运营经验) and, in the
  company's own sections, its staff (女性员工享生理假) — unless a hiring verb or a refusal is attached
  (招聘00后主播, 乙肝患者勿扰), which makes even 主播 or 患者 the candidate;
- in sections that describe the job or what the company offers (岗位职责, 福利待遇…), a trigger needs a
  requirement word next to it (限, 仅, 优先, 要求, 勿扰…); in 任职要求, 加分项 and unlabelled text it does not,
  and a weak trigger (年纪, 漂亮, 单身) counts there too when its clause holds nothing but traits (年轻漂亮).

Everything here works on text folded by :func:`fold` (NFKC, ASCII lower-cased, same length).
No jieba import here: tokens come in from check.py, which segments through text.segment.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One rule from data/check_rules.yaml. ``message`` may use {excerpt}; ``basis`` is None for quality."""

    id: str
    category: str
    severity: str
    title: str
    suggestion: str
    message: str = "{excerpt}"
    basis: str | None = None
    strong: tuple[str, ...] = ()  # trigger words
    weak: tuple[str, ...] = ()  # trigger words that need a requirement word (限, 优先…) next to them
    patterns: tuple[str, ...] = ()  # regexes for what words cannot list (35岁以下, 90后, phone numbers)
    weak_patterns: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()  # look-alikes kept whole by the segmenter, never triggers (女装, 产假)
    always: bool = False  # contact details and hype are findings in every section


@dataclass(frozen=True)
class Words:
    """The context words of data/check_rules.yaml, as sets."""

    markers: frozenset[str]
    openness: frozenset[str]
    serves: frozenset[str]
    serves_before: frozenset[str]
    connectors: frozenset[str]
    descriptors: frozenset[str]
    hukou_benefit: frozenset[str]
    disability: frozenset[str]
    disability_welcome: frozenset[str]
    disability_refused: frozenset[str]
    school_tier_context: frozenset[str]
    filler: frozenset[str]
    common: frozenset[str]
    knows: frozenset[str]
    work: frozenset[str]
    experience: frozenset[str]
    hiring: frozenset[str]
    staff: frozenset[str]
    roles: frozenset[str]
    refusals: frozenset[str]
    duty_verbs: frozenset[str]
    describing: frozenset[str]
    plain: frozenset[str]


COMPLIANCE = (
    "gender",
    "marital",
    "age",
    "origin",
    "ethnicity",
    "health",
    "appearance",
    "school",
    "hype",
    "contact",
)


def fold(text: str) -> str:
    """Full-width → half-width (NFKC) and ASCII lower case, one character at a time, so offsets still match."""
    table: dict[int, str] = {}
    for char in set(text):
        folded = unicodedata.normalize("NFKC", char)
        folded = folded.lower() if folded.isascii() else folded
        # ① stays ①: folded to 1 it would glue onto the text after it (①95后 → 195后) and stop being a marker
        if len(folded) == 1 and folded != char and unicodedata.category(char) != "No":
            table[ord(char)] = folded
    return text.translate(table)


@cache
def _data() -> dict[str, Any]:
    from .resources import data_dir
    from .yamlio import parse_yaml

    path = data_dir() / "check_rules.yaml"
    data: dict[str, Any] = parse_yaml(path.read_text(encoding="utf-8"), str(path), "规则文件")
    return data


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, in the order of the file: the ten compliance categories, then the quality rules."""
    out = {}
    for rule_id, raw in _data()["rules"].items():
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
        out[rule_id] = Rule(id=rule_id, category=fields.pop("category", rule_id), **fields)
    return out


@cache
def words() -> Words:
    return Words(**{k: frozenset(v) for k, v in _data()["words"].items()})


@cache
def vocabulary() -> tuple[str, ...]:
    """Every word the segmenter must keep whole: triggers, look-alikes, context words, common JD words."""
    found: set[str] = set().union(*(getattr(words(), f) for f in Words.__dataclass_fields__))
    for rule in rules().values():
        found.update(rule.strong + rule.weak + rule.neutral)
    return tuple(sorted(w for w in found if len(w) > 1 or w in ("男", "女")))


@cache
def triggers() -> dict[str, tuple[str, bool]]:
    table: dict[str, tuple[str, bool]] = {}
    for rule in rules().values():
        table.update({w: (rule.id, False) for w in rule.strong})
        table.update({w: (rule.id, True) for w in rule.weak})
    return table


@cache
def patterns() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    return tuple(
        (rule.id, re.compile(p), weak)
        for rule in rules().values()
        for weak, group in ((False, rule.patterns), (True, rule.weak_patterns))
        for p in group
    )
