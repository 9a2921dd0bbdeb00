"""The competency of leading people, written for each level that leads (data/kit.yaml ``team``) and said in
the role's own terms (``teams``, or ``direction_teams`` for the title's head direction): a 用户运营经理 is asked about the 月留存率 of the 用户运营 team, a 招商总监
about the 招商 budget, so no two roles' kits share a team question word for word."""

from __future__ import annotations

import re

from ..catalog.model import Role
from .bank import Question
from .guide import Guide, TeamSpec, TeamValues

KEYS = ("team", "work", "metric", "budget")


def values_for(role: Role, guide: Guide, duty_names: list[str], direction: str | None = None) -> TeamValues:
    """The team words of the title's head direction, else the role's; a role without them (an extension's)
    is said with its name and first blocks."""
    found = guide.direction_teams.get(direction or "") or guide.teams.get(role.id)
    if found is not None:
        return found
    work = "和".join(duty_names[:2]) or role.name
    name = role.name.removesuffix("运营") + "运营" if role.name.endswith("运营") else role.name
    return TeamValues(team=name, work=work, metric=f"{work}的目标", budget=work)


def say(text: str, values: TeamValues) -> str:
    """The text with the team words in place, a space kept between a Latin word and a Chinese one
    (负责 Listing、…；广告 ACoS 目标), as the catalogue writes them."""
    for key in KEYS:
        value: str = getattr(values, key)
        # the text adds an item the value already holds ({metric}、人效 with 「目标达成率和人效」): said once
        items = "|".join(re.escape(i) for i in re.split(r"[、和]", value) if i)
        if items:
            text = re.sub(r"\{" + key + r"\}[、和](?:" + items + r")", "{" + key + "}", text)

        def put(m: re.Match[str], value: str = value) -> str:
            return _spaced(m.group(1), value, m.group(2))

        text = re.sub(r"(.?)\{" + key + r"\}(.?)", put, text)
    return text


def _spaced(before: str, value: str, after: str) -> str:
    left = " " if before and _cjk(before) and value[:1].isascii() and value[:1].isalnum() else ""
    right = " " if after and _cjk(after) and value[-1:].isascii() and value[-1:].isalnum() else ""
    return f"{before}{left}{value}{right}{after}"


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def spoken(spec: TeamSpec, values: TeamValues) -> TeamSpec:
    """The level's team competency with the role's words in place."""
    questions = [
        Question(
            kind=q.kind,
            ask=say(q.ask, values),
            probes=[say(p, values) for p in q.probes],
            anchors={k: say(v, values) for k, v in q.anchors.items()},
        )
        for q in spec.questions
    ]
    return TeamSpec(
        name=spec.name,
        definition=say(spec.definition, values),
        measure=say(spec.measure, values),
        questions=questions,
    )
