"""`jdwriter check --posting`: does a complete posting name every element 《网络招聘服务管理规定》第十五条 lists
(单位基本情况、招聘人数、招聘条件、工作内容、工作地点、基本劳动报酬)?

Each element is present when a section of its kind has text (a company intro, 任职要求, 岗位职责), or when a
line carries its label with a value or matches its pattern (招聘人数：2 人, 工作地点：上海, 薪资：15-25K).
The words and patterns are data (data/check_layout.yaml, ``posting``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from .layout import Section, data

F = TypeVar("F")  # the report's finding type: posting stays below the engine that calls it


def missing_elements(
    lines: list[str], sections: list[Section], make: Callable[[str, str, str], F]
) -> list[F]:
    """One finding (rule ``posting``) per missing element, made by ``make(rule, message, suggestion)``."""
    posting = data().posting
    kinds = {s.kind for s in sections}
    text = "\n".join(lines)
    missing = []
    for element in posting.elements.values():
        if kinds.intersection(element.sections):
            continue
        if element.pattern and re.search(element.pattern, text):
            continue
        missing.append(element)
    return [make("posting", f"完整的招聘信息缺少「{e.name}」。", e.hint) for e in missing]
