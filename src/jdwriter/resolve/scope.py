"""What jdwriter writes, and the refusals for titles that carry 运营 but name another kind of job.

Two sources: data/vocabulary.yaml ``not_ops`` (designers, engineers, carriers) and data/scope.yaml (capital,
assets, planning and engineering, production, stores and venues, municipal services, finance, IT, and analysts
in an operations department). Each refusal names the kind of job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog.vocabulary import TitleWords, vocabulary
from ..errors import UserError
from ..text import normalise
from .lexicon import ScopeKind, lexicon, scope
from .noise import BRACKET
from .spans import find_spans

WRITES = (
    "jdwriter 写互联网、电商、消费和服务平台的运营岗位：用户、内容、活动、社群、平台、电商、直播、新媒体、数据、"
    "渠道、市场、商务、产品、客户/商家、行业运营及其方向"
)


def scope_note() -> str:
    """One sentence on what jdwriter writes and what it refuses (for `jdwriter list roles|directions`)."""
    refused = "、".join(k.short for k in sorted(scope().kinds, key=lambda k: bool(k.heads)))
    return f"{WRITES}。不写：{refused}（见 data/scope.yaml）。"


def word_in(word: str, text: str) -> bool:
    """``word`` in ``text``; a Latin word only standing alone (it is not the it in tiktok). The plain test
    comes first: most words are absent, and a pattern compiled per word costs a cold start milliseconds."""
    if word not in text:
        return False
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
    return True


def refuse_not_ops(folded: str, printed: str, words: TitleWords) -> None:
    """Designers, engineers, IT and security operations, carriers: refused, saying what they are."""
    shown = printed[:40]
    for group in words.not_ops:
        seen = folded
        for word in group.unless:  # 海外内容运营商务经理: 运营商务 is no carrier
            seen = seen.replace(normalise(word), " ")
        if any(word_in(word, seen) for word in group.words):
            raise UserError(
                f"「{shown}」是{group.kind}，不是 jdwriter 覆盖的运营岗位；"
                "jdwriter 只写运营岗位的 JD（如 用户运营、直播运营、亚马逊运营）。"
            )
    at = folded.find("安全运营")
    if at >= 0 and not any(folded[:at].endswith(w) for w in words.security_ok_before):
        raise UserError(
            f"「{shown}」是网络安全运营类职位，不是 jdwriter 覆盖的运营岗位；内容安全、风控类运营请写 内容安全运营。"
        )


# 产品经理产品总监产品专员产品助理: a title that stacks this many different levels is board keyword stuffing
STACKED_LEVELS = 3


def refuse_stacked_levels(main: str, printed: str, words: TitleWords) -> None:
    """A title proper naming three or more different levels (总监、经理、专员、助理) says no one job: refused,
    asking for one level; 运营总监/经理 and 高级运营经理 are read as before."""
    spans = sorted(find_spans(main, [(normalise(w), w) for w, _ in words.level_words]))
    # 数据运营高级经理/总监: 高级 or 资深 right before another level word says how senior that one is (round 64)
    starts = {s for s, _, _ in spans}
    spans = [x for x in spans if not (x[2] in words.level_modifiers and x[1] in starts)]
    levels = dict(words.level_words)
    named = list(dict.fromkeys(w for _, _, w in spans))
    if len({levels[w] for w in named}) >= STACKED_LEVELS:
        raise UserError(
            f"「{printed[:40]}」里写了好几个级别（{'、'.join(named)}），看不出招的是哪一个职位；"
            f"请只写一个职位和一个级别，例如「{_example(main, named)}」。"
        )


def _example(main: str, named: list[str]) -> str:
    """The first job written with the first level: 产品经理产品总监… → 产品经理."""
    at = main.find(normalise(named[0]))
    return main[: at + len(named[0])].strip(" -—_|·/、") or f"运营{named[0]}"


@dataclass(frozen=True)
class Naming:
    """What a title names of jdwriter's jobs: ``job`` a role or a direction, ``role`` a role (亚马逊 is a
    direction, not a role), and the runs of it that were not understood."""

    job: bool
    role: bool
    unknown: tuple[str, ...] = ()


def refuse_out_of_scope(
    folded: str, main: str, printed: str, *, named: Naming, level_words: list[str], employer: str = ""
) -> None:
    """Refuse a title of a kind in data/scope.yaml. ``main`` is the title proper (no brackets), ``named`` what
    it names of jdwriter's jobs, ``level_words`` what to strip before its head, ``employer`` the leading
    employer or department segment set apart from the job (兴证期货-)."""
    whole = BRACKET.sub("", folded).strip(" -—_|·")  # 腾讯营销-AI智能运营产品经理: the head may follow a dash
    heads = {
        main.strip(" -—_|·"),
        whole,
        without_levels(main, level_words),
        without_levels(whole, level_words),
        without_levels(whole, vocabulary().title.post_words),  # 运营平台产品经理岗: 岗 ends no job
    }
    # 数据运营/高级数据分析师: an operations job named before the slash is what jdwriter writes; the other job
    # after it does not make the title another kind (round 34 refused three such titles)
    parts = re.split(r"[/／]", main)
    offered = any(len(p) > 2 and without_levels(p, level_words).endswith("运营") for p in parts[:-1])
    for kind in sorted(scope().kinds, key=lambda k: _rank(k, folded, heads)):
        if offered and kind.heads and not kind.words:
            continue
        if (
            any(_is_kind(kind, folded, head, named) for head in heads)
            or _proper(kind, main, named)
            or _employer_kind(kind, employer, folded, named)
        ):
            raise UserError(
                f"「{printed[:40]}」是{kind.kind}，不是 jdwriter 覆盖的运营岗位；{WRITES}。"
                "如果这确实是其中一种，请用 --role 指定岗位、用 --title 写原来的职位名称。"
            )


def _rank(kind: ScopeKind, folded: str, heads: set[str]) -> int:
    """Which kind a title is read as first: the one its head names (车辆运营销售代表 is a sales job), then one whose
    own words it says (仓储运营经理（车辆/重资产） is warehousing), then one a lone word points to (资产)."""
    if any(head.endswith(w) for head in heads for w in kind.heads):
        return 0
    return 1 if any(word_in(w, folded) for w in kind.words) else 2


def _is_kind(kind: ScopeKind, folded: str, head: str, named: Naming) -> bool:
    if any(word_in(w, folded) for w in kind.unless):
        return False
    if any(word_in(w, folded) for w in kind.words):
        return True
    if not named.job and any(word_in(w, folded) for w in _alone(kind)):
        return True
    if not named.job and any(len(w) > 1 and w.endswith(tuple(kind.unknown_ends)) for w in named.unknown):
        return True  # 糖业运营总监: an industry the lexicon does not list
    # 产品运营部数据分析师; 跨境市场分析员 names a direction but no role: its head is the job
    return ("运营" in folded or not named.role) and any(head.endswith(w) for w in kind.heads)


def _employer_kind(kind: ScopeKind, employer: str, folded: str, named: Naming) -> bool:
    """兴证期货-运营部风控岗: when the job after the employer names no role of ours, an employer of the kind (a
    futures firm) makes it that kind's job; 招商证券-用户运营 names a role and is written."""
    if not employer or named.role or any(word_in(w, folded) for w in kind.unless):
        return False
    return any(word_in(w, employer) for w in kind.words)


def _proper(kind: ScopeKind, main: str, named: Naming) -> bool:
    """亚马逊快递FBA业务主管: a logistics word in the title proper, and no role named, is a logistics job;
    亚马逊运营（FBA头程） is an Amazon job that mentions shipping."""
    if named.role or any(word_in(w, main) for w in kind.unless):
        return False
    return any(word_in(w, main) for w in kind.proper)


def _alone(kind: ScopeKind) -> list[str]:
    return [*kind.alone, *lexicon().venues] if kind.venues else kind.alone


def without_levels(main: str, level_words: list[str]) -> str:
    """产品运营部数据分析师（高级） → 产品运营部数据分析师: the head is what is left at the end."""
    text = main.strip(" -—_|·")
    changed = True
    while changed:
        changed = False
        for word in level_words:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)].rstrip(" -—_|·"), True
    return text
