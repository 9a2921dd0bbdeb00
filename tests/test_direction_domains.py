"""A title that pairs a direction with a role the direction is not written for (游戏产品运营, 直播商业化运营,
亚马逊站外推广) is that role's job inside the direction's domain: it carries the lines data/domain_notes.yaml
writes for the direction as a domain (one duty, one requirement), never the direction's own function."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import BANDS, LEVEL_IDS, load_catalog
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError


def _note(catalog, direction, role):
    """The first of the direction's notes written for the role, or for every role."""
    return next(n for n in catalog.notes_by_direction[direction] if not n.roles or role in n.roles)


def _jd(catalog, title, level=None):
    request = make_request(catalog, role=title, level=level).request
    return request, compose(request, catalog)


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_product_work_in_a_game_carries_the_games_domain_lines(catalog, level):
    request, jd = _jd(catalog, "游戏产品运营", level)
    assert request.role == "product_ops" and request.directions == ("game_ops",)
    note = _note(catalog, "game_ops", "product_ops")
    assert set(jd.section("duties").items) & set(getattr(note.duties, BANDS[level]))
    assert set(jd.section("requirements").items) & set(note.requirements)


@pytest.mark.parametrize(
    ("title", "direction"),
    [
        ("亚马逊站外推广专员", "amazon"),
        ("社区运营BD", "app_community"),
        # a genre (功能游戏) would bring its own note first; 手游 names only the direction
        ("28297-手游 游戏运营经理（渠道运营方向）", "game_ops"),
    ],
)
def test_another_roles_job_in_a_direction_names_the_direction(catalog, title, direction):
    request, jd = _jd(catalog, title)
    assert request.role not in catalog.direction_by_id[direction].roles
    note = _note(catalog, direction, request.role)
    lines = {x for b in ("junior", "senior", "lead") for x in getattr(note.duties, b)}
    assert set(jd.section("duties").items) & lines, jd.section("duties").items


@pytest.mark.parametrize("title", ["游戏活动运营", "游戏运营经理", "亚马逊运营专员"])
def test_a_direction_done_by_its_own_role_does_not_take_the_domain_lines(catalog, title):
    request, jd = _jd(catalog, title)
    notes = [n for d in request.directions for n in catalog.notes_by_direction.get(d, [])]
    lines = {x for n in notes for b in ("junior", "senior", "lead") for x in getattr(n.duties, b)}
    assert not set(jd.section("duties").items) & lines


def test_every_direction_has_domain_lines(catalog):
    assert {d.id for d in catalog.directions} <= set(catalog.notes_by_direction)


def test_a_note_names_a_domain_or_a_direction_not_both(tmp_path):
    extra = tmp_path / "notes.yaml"
    extra.write_text(
        "domain_notes:\n  - id: x\n    domain: 图书\n    direction: game_ops\n"
        "    duties: {junior: [跟进新书上架], senior: [负责选书], lead: [规划书系]}\n"
        "    requirements: [常读书]\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError):
        load_catalog(extra=[extra])


def test_every_direction_note_reads_clean_for_every_other_role(catalog):
    """Each direction's domain lines, in every role it is not written for (one level per pair in rotation):
    the duty and the requirement are placed, the JD keeps the writing standard and `check` finds nothing."""
    from jdwriter import check_text
    from jdwriter.catalog.lint import METRICS, jd_problems
    from jdwriter.models import Request
    from jdwriter.render.render import render_text

    terms = list(dict.fromkeys([*METRICS, *(t for d in catalog.duties for t in d.tools)]))
    problems = []
    for number, direction in enumerate(catalog.directions):
        # the roles it is not written for, and the function roles that only work in it (游戏数据运营)
        others = [
            r
            for r in catalog.roles
            if r.id not in direction.roles or not (r.direction_blocks or direction.roles[0] == r.id)
        ]
        for place, role in enumerate(others):
            note = _note(catalog, direction.id, role.id)
            level = LEVEL_IDS[(number + place) % len(LEVEL_IDS)]
            jd = compose(Request(role=role.id, level=level, directions=(direction.id,)), catalog)
            duties = jd.sections[0].items
            items = [*duties, *(x for s in jd.sections[1:] for x in s.items)]
            found = jd_problems(duties, items, terms)
            found += [f.category for f in check_text(render_text(jd, "md")).findings]
            if not set(duties) & set(getattr(note.duties, BANDS[level])):
                found.append("no domain duty")
            if found:
                problems.append((direction.id, role.id, level, found))
    assert problems == []
