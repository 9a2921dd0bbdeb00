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
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .layout import fold

__all__ = [
    "COMPLIANCE",
    "WEIGHTS",
    "Rewrite",
    "Rule",
    "Words",
    "expand",
    "fix_words",
    "fold",
    "patterns",
    "rules",
    "triggers",
    "vocabulary",
    "words",
]

# The legal weight of a rule's basis, strongest first: 法律, 行政法规, 部门规章, 政策文件或通知, 招聘平台规则.
WEIGHTS = ("law", "regulation", "rule", "notice", "platform")
Weight = Literal["law", "regulation", "rule", "notice", "platform"]


class Rewrite(BaseModel):
    """A safe rewrite for `jdwriter fix`: where ``pattern`` (a regex on folded text) covers a finding, the match
    becomes ``replacement`` (\\1, \\g<name> take the original text of a group). ``example`` is a
    [before, after] pair checked when the file is loaded, so a rewrite that stopped doing what it says fails
    at once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str = Field(min_length=1)
    replacement: str
    example: tuple[str, str] | None = None


class Extend(BaseModel):
    """How far `jdwriter fix` widens a flagged phrase: regexes on the folded text just before it (ending with
    ``$``) and just after it (starting with ``^``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    before: str = "$^"
    after: str = "$^"


class FixWords(BaseModel):
    """Words `jdwriter fix` uses to judge what is left once a requirement is cut out of a clause."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    leftover: tuple[str, ...]  # words that say nothing on their own once the requirement is gone (限招, 优先)
    labels: frozenset[str]  # generic labels kept before a colon (要求：女性，有经验 → 要求：有经验)
    tails: tuple[str, ...] = ()  # a clause of only these after a removed one goes with it (…，请慎投)
    keep: tuple[str, ...] = ()  # degree words kept out of a flagged phrase (统招本科 → 本科)
    extend: dict[str, Extend] = {}  # per category: what goes with a flagged phrase (一本及以上院校)
    contact: tuple[str, ...] = ()  # words of a clause written only to give contact details (简历请投, 欢迎加)


class RuleData(BaseModel):
    """One rule as written in data/check_rules.yaml (unknown keys are refused)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str | None = None
    severity: Literal["error", "warning"]
    title: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)
    message: str = "{excerpt}"
    basis: str | None = None
    weight: Weight | None = None
    authority: str | None = None
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    weak_patterns: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()
    always: bool = False
    rewrites: tuple[Rewrite, ...] = ()


class WordsData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

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
    joining: frozenset[str]
    perks: frozenset[str]
    copulas: frozenset[str]
    team: frozenset[str]


class RulesData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    rules: dict[str, RuleData]
    words: WordsData
    fix: FixWords


@dataclass(frozen=True)
class Rule:
    """One rule from data/check_rules.yaml. ``message`` may use {excerpt}; ``basis`` is None for quality.
    ``weight`` is the legal weight of the basis (see WEIGHTS); ``authority`` names the rule or notice for the
    summary (不符合《…》的规定)."""

    id: str
    category: str
    severity: str
    title: str
    suggestion: str
    message: str = "{excerpt}"
    basis: str | None = None
    weight: str | None = None
    authority: str | None = None
    strong: tuple[str, ...] = ()  # trigger words
    weak: tuple[str, ...] = ()  # trigger words that need a requirement word (限, 优先…) next to them
    patterns: tuple[str, ...] = ()  # regexes for what words cannot list (35岁以下, 90后, phone numbers)
    weak_patterns: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()  # look-alikes kept whole by the segmenter, never triggers (女装, 产假)
    always: bool = False  # contact details and hype are findings in every section
    rewrites: tuple[Rewrite, ...] = ()  # safe rewrites for `jdwriter fix`


Words = WordsData


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


@cache
def _data() -> RulesData:
    from ..resources import data_dir
    from .data import load

    path = data_dir() / "check_rules.yaml"
    data = load(path, RulesData)
    for rule_id, rule in data.rules.items():
        for group in ("patterns", "weak_patterns"):
            for n, pattern in enumerate(getattr(rule, group)):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    from ..errors import UserError
                    from ..files.yamlio import Locator

                    line = Locator(path).line(("rules", rule_id, group, n))
                    raise UserError(
                        f"规则文件「{path}:{line}」rules.{rule_id}.{group}.{n}：正则写错了（{exc.msg}）。"
                    ) from None
        for n, rewrite in enumerate(rule.rewrites):
            problem = _rewrite_problem(rewrite)
            if problem:
                from ..errors import UserError
                from ..files.yamlio import Locator

                line = Locator(path).line(("rules", rule_id, "rewrites", n))
                raise UserError(f"规则文件「{path}:{line}」rules.{rule_id}.rewrites.{n}：{problem}。")
    for category, extend in data.fix.extend.items():
        for side in ("before", "after"):
            try:
                re.compile(getattr(extend, side))
            except re.error as exc:
                from ..errors import UserError
                from ..files.yamlio import Locator

                line = Locator(path).line(("fix", "extend", category, side))
                raise UserError(
                    f"规则文件「{path}:{line}」fix.extend.{category}.{side}：正则写错了（{exc.msg}）。"
                ) from None
    return data


_GROUP_REF = re.compile(r"\\(?:(\d+)|g<(\w+)>)")


def _rewrite_problem(rewrite: Rewrite) -> str | None:
    """Why a rewrite cannot be used (a bad regex, a group the pattern lacks, an example that fails), or None."""
    try:
        compiled = re.compile(rewrite.pattern)
    except re.error as exc:
        return f"正则写错了（{exc.msg}）"
    for number, name in _GROUP_REF.findall(rewrite.replacement):
        if (number and int(number) > compiled.groups) or (name and name not in compiled.groupindex):
            return f"替换文字引用了正则里没有的分组「{number or name}」"
    if rewrite.example:
        before, after = rewrite.example
        match = compiled.search(fold(before))
        got = (
            before[: match.start()] + expand(rewrite.replacement, match, before) + before[match.end() :]
            if match
            else None
        )
        if got != after:
            return f"示例「{before}」改写后应为「{after}」，实际是「{got or '（没有匹配）'}」"
    return None


def expand(template: str, match: re.Match[str], original: str) -> str:
    """``template`` with its group references filled from ``original`` (the match ran on the folded text, of the
    same length, so a group's span there is its span in the original)."""

    def group(ref: re.Match[str]) -> str:
        key: int | str = int(ref.group(1)) if ref.group(1) else ref.group(2)
        start, end = match.span(key)
        return original[start:end] if start >= 0 else ""

    return _GROUP_REF.sub(group, template)


@cache
def fix_words() -> FixWords:
    return _data().fix


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, in the order of the file: the ten compliance categories, then the quality rules."""
    out = {}
    for rule_id, raw in _data().rules.items():
        fields = raw.model_dump()
        out[rule_id] = Rule(
            id=rule_id, **{**fields, "category": fields["category"] or rule_id, "rewrites": raw.rewrites}
        )
    return out


@cache
def words() -> Words:
    return _data().words


@cache
def vocabulary() -> tuple[str, ...]:
    """Every word the segmenter must keep whole: triggers, look-alikes, context words, common JD words."""
    found: set[str] = set().union(*(getattr(words(), f) for f in WordsData.model_fields))
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


@cache
def scan_patterns(always: bool) -> tuple[tuple[str, re.Pattern[str], bool, frozenset[str] | None], ...]:
    """The rule patterns of the ``always`` kind, each with the characters it cannot match without
    (regex_hint): a text holding none of them is not scanned with it."""
    from .regex_hint import required_chars

    return tuple(
        (category, pattern, weak, required_chars(pattern.pattern))
        for category, pattern, weak in patterns()
        if rules()[category].always == always
    )
