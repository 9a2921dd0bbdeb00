"""No kit prints a list with an item twice (panel round 4: 「业务目标达成率和人效、人效」 in a 运营总监 kit, from a
team metric that already named 人效 spliced before a text that adds it), for any role, level or direction."""

from __future__ import annotations

import re

import pytest

from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.errors import UserError
from jdwriter.kit.api import kit_for
from jdwriter.kit.model import Kit
from jdwriter.kit.tidy import tidy
from jdwriter.models import Request

CLAUSE = re.compile(r"[\s，。；：？！（）()]+")
ITEM = re.compile(r"[、和]")


def _texts(kit: Kit) -> list[str]:
    out: list[str] = []
    for c in kit.competencies:
        out += [c.definition, c.measure]
        for q in c.questions:
            out += [q.ask, *q.probes, *q.anchors.values()]
    return out


def repeats(text: str) -> list[str]:
    """Items said twice in a row in one list: 人效、人效, or 人效、人效变了多少 (the item, then it again as the
    head of the clause's last item)."""
    found = []
    for clause in CLAUSE.split(text):
        items = [i for i in ITEM.split(clause) if i]
        for a, b in zip(items, items[1:], strict=False):
            if a == b or (len(a) >= 2 and b.startswith(a) and len(a) <= len(b) - 2):
                found.append(f"{a}、{b}")
    return found


@pytest.fixture(scope="module")
def kits(catalog) -> list[Kit]:
    out = [kit_for(Request(role=r.id, level=lv), catalog) for r in catalog.roles for lv in LEVEL_IDS]
    for d in catalog.directions:
        for lv in ("specialist", "manager", "director"):
            try:
                out.append(kit_for(Request(role=d.roles[0], level=lv, directions=(d.id,)), catalog))
            except UserError:  # a direction without questions for a level is refused (tests/test_kit.py)
                continue
    return out


def test_no_kit_repeats_a_list_item(kits):
    problems = [(k.title, t, r) for k in kits for t in _texts(k) for r in repeats(t)]
    assert not problems, problems[:10]


def test_tidy_says_a_repeated_item_once_and_keeps_distinct_ones():
    assert tidy("业务目标达成率和人效、人效、预算执行") == "业务目标达成率和人效、预算执行"
    assert tidy("用户、用户留存") == "用户、用户留存"
