"""The level sentences that take a list (skill_line, tool_line) read against what fills them.

``catalog check`` renders every tool phrasing of every level with the tools of every role (its duty blocks')
and every direction, and points out a phrasing that takes a kind it cannot speak of (a kind whose ``cannot``
words it says), a kind no one declared, and a tool of no kind (it would go only into phrasings that take
every kind). The composer enforces the same through :meth:`Catalog.takes_tool`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Catalog

Finding = tuple[tuple[Any, ...], str, str]

# A list of skills (漏斗分析、落地页优化) is no action: it cannot follow a verb that wants one (做过、完成…).
LIST_AFTER = ("做过", "完成", "执行", "负责过")
# A skill sentence names one skill, and only as a whole piece of work: {skills} ends a clause or is the field
# of what follows (在…上, …方面). A frame that hangs its own noun on it (…背后的逻辑, …的入门知识, …的常见问题,
# 就…设计团队的培训) reads as a slot filled in: it fits some skills and not others (授权合同要点背后的逻辑).
SKILL_FOLLOW = ("上", "方面", "，", "。")
# Tools of every kind fill {tools} (公众号后台, 135编辑器): the frame may not make them build data tables.
TOOL_ONLY_DATA = ("数据表", "透视", "取数", "报表")


def frame_problems(text: str) -> Iterator[str]:
    """Why a level's skill or tool sentence does not read with whatever fills it."""
    verb = next((v for v in LIST_AFTER if f"{v}{{skills}}" in text), None)
    if verb:
        yield f"「{verb}」后面直接接技能列表读不通：请写成「在{{skills}}上……」或「{{skills}}方面……」"
    if "{skills}" in text:
        after = text.split("{skills}", 1)[1]
        if after and not any(after.startswith(x) for x in SKILL_FOLLOW):
            yield (
                f"「{{skills}}{after[:4]}」把技能接进句子自带的名词里，只对部分技能读得通："
                "请让技能独立成句（「熟悉{skills}，……」）或写成「在{skills}上……」「{skills}方面……」"
            )
    if "{tools}" in text:
        data = next((w for w in TOOL_ONLY_DATA if w in text.split("{tools}", 1)[1]), None)
        if data:
            yield f"工具句里的「{data}」只适合数据工具：{{tools}} 也会是编辑器或平台后台"


def tool_frame_findings(data: Mapping[str, Any], catalog: Catalog) -> Iterator[Finding]:
    """Problems of one catalogue file's tool phrasings and tools, read with the merged catalogue."""
    for index, level in enumerate(data.get("levels") or []):
        for j, frame in enumerate(level.get("tool_line") or [] if isinstance(level, dict) else []):
            if isinstance(frame, dict):
                yield from _frame(("levels", index, "tool_line", j), frame, catalog)
    for section in ("duties", "directions"):
        for index, entry in enumerate(data.get(section) or []):
            for j, tool in enumerate(entry.get("tools") or [] if isinstance(entry, dict) else []):
                if isinstance(tool, str) and catalog.tool_kinds and tool.casefold() not in catalog.tool_kind:
                    kinds = "、".join(catalog.tool_kinds)
                    yield (
                        (section, index, "tools", j),
                        tool,
                        f"工具「{tool}」没有写进 tool_kinds 的任何一类（{kinds}）：只有不限类别的工具句会用它",
                    )


def _frame(loc: tuple[Any, ...], frame: Mapping[str, Any], catalog: Catalog) -> Iterator[Finding]:
    text = str(frame.get("text") or "")
    takes = [str(k) for k in frame.get("takes") or []]
    for kind in takes:
        if kind not in catalog.tool_kinds:
            yield (
                loc,
                text,
                f"takes 里的「{kind}」不是 tool_kinds 里的类别（有 {'、'.join(catalog.tool_kinds)}）",
            )
            continue
        said = [w for w in catalog.tool_kinds[kind].cannot if w in text]
        if said:
            name = catalog.tool_kinds[kind].name
            yield loc, text, f"这句接{name}，却说到「{said[0]}」：{name}做不到，请从 takes 里去掉或改写句子"
    for tools in _tool_lists(catalog):
        named = [t for t in tools if catalog.takes_tool(text, tuple(takes), t)]
        skipped = [t for t in tools if t not in named and catalog.tool_kind.get(t.casefold()) in takes]
        if skipped:
            yield loc, text, f"「{skipped[0]}」属于这句接的类别，但句子说到它做不到的事"
            return


def _tool_lists(catalog: Catalog) -> Iterator[list[str]]:
    """The tools each role's blocks and each direction can put in a tool sentence."""
    for role in catalog.roles:
        yield [t for d in role.duties if d in catalog.duty_by_id for t in catalog.duty_by_id[d].tools]
    for direction in catalog.directions:
        yield [
            *direction.tools,
            *(t for d in direction.duties if d in catalog.duty_by_id for t in catalog.duty_by_id[d].tools),
        ]


# A skill is a piece of work (排序因子分析): one ending in a state of mind reads badly in every skill frame
# (对…理解感兴趣, 有…理解方面的实操经验).
SKILL_ENDINGS = ("理解", "能力", "意识", "思维", "认知", "感")


def skill_problem(text: str) -> str | None:
    """A skill goes into every level's skill sentence: it names a piece of work, not a state of mind."""
    ending = next((e for e in SKILL_ENDINGS if text.endswith(e)), None)
    if not ending:
        return None
    return (
        f"技能以「{ending}」结尾，放进「对{{skills}}感兴趣」「有{{skills}}方面的实操经验」读不通："
        "请写成一项工作（如「排序因子分析」）"
    )


def beyond_problem(catalog: Catalog, level_id: str, text: str) -> str | None:
    """A level's own line says nothing its level rules out (an intern's line asks no 熟练)."""
    level = catalog.level_by_id.get(level_id)
    word = next((w for w in level.beyond if w in text), None) if level else None
    if not level or not word:
        return None
    return f"{level.name}的条目不写「{word}」（见 levels 的 beyond）：这超出了这一级别"
