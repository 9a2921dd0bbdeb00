"""Lists that come out of splicing: a filled-in value that already ends with the item the text adds
(``{metric}、人效`` where the metric is 「业务目标达成率和人效」) would print the item twice. Every kit text goes
through :func:`tidy` so a list never repeats an item, whichever value filled it."""

from __future__ import annotations

import re

from .model import Kit

_STOP = r"\s、和，。；：？！（）()"
# a whole list item, then the same whole item again right after 、 or 和 (用户、用户留存 is two items)
_REPEAT = re.compile(rf"(?<![^{_STOP}])([^{_STOP}]{{1,12}}?)[、和]\1(?=[{_STOP}]|$)")


def tidy(text: str) -> str:
    """The text with every immediately repeated list item said once (人效、人效 → 人效)."""
    previous = None
    while previous != text:
        previous, text = text, _REPEAT.sub(r"\1", text)
    return text


def tidy_kit(kit: Kit) -> Kit:
    """The kit with :func:`tidy` applied to every definition, measure, question, probe and anchor."""
    for competency in kit.competencies:
        competency.definition = tidy(competency.definition)
        competency.measure = tidy(competency.measure)
        for q in competency.questions:
            q.ask = tidy(q.ask)
            q.probes = [tidy(p) for p in q.probes]
            q.anchors = {k: tidy(v) for k, v in q.anchors.items()}
    return kit
