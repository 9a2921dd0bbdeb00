"""A title that names a working language (日语, 意大利语, 日本站) asks for that language, not for English alone:
the language's requirement and one duty in it come from data/domain_notes.yaml."""

from __future__ import annotations

import re

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.writer import compose

ENGLISH_ONLY = re.compile("英语|英文")


def _sections(catalog, title):
    request = make_request(catalog, role=title).request
    jd = compose(request, catalog)
    return request, jd.section("duties").items, jd.section("requirements").items


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("亚马逊日本站运营", "日语"),
        ("跨境电商运营（意大利语）", "意大利语"),
        ("速卖通韩国市场-内容运营助理", "韩语"),
    ],
)
def test_the_titles_language_is_asked_for_and_english_alone_is_not(catalog, title, language):
    request, duties, needs = _sections(catalog, title)
    assert request.language == language
    assert any(x.startswith(f"{language}可作工作语言") for x in needs), needs
    assert any(language in x for x in duties), duties
    assert not [x for x in needs if ENGLISH_ONLY.search(x) and "或" not in x], needs


def test_a_title_without_a_language_keeps_its_english(catalog):
    request, _, needs = _sections(catalog, "亚马逊运营专员")
    assert request.language is None
    assert any(ENGLISH_ONLY.search(x) for x in needs)


def test_a_site_word_at_the_end_of_a_title_is_understood_not_refused(catalog):
    assert make_request(catalog, role="亚马逊运营日本站").request.language == "日语"


def test_every_language_note_reads_clean_for_every_role(catalog):
    from jdwriter import check_text
    from jdwriter.catalog.lint import METRICS, jd_problems
    from jdwriter.models import Request
    from jdwriter.render.render import render_text

    terms = list(dict.fromkeys([*METRICS, *(t for d in catalog.duties for t in d.tools)]))
    problems = []
    for number, language in enumerate(sorted(catalog.notes_by_language)):
        for place, role in enumerate(catalog.roles):
            level = LEVEL_IDS[(number + place) % len(LEVEL_IDS)]
            jd = compose(Request(role=role.id, level=level, language=language), catalog)
            duties = jd.sections[0].items
            items = [*duties, *(x for s in jd.sections[1:] for x in s.items)]
            found = jd_problems(duties, items, terms)
            found += [f.category for f in check_text(render_text(jd, "md")).findings]
            if not any(language in x for x in duties):
                found.append("no language duty")
            if found:
                problems.append((language, role.id, level, found))
    assert problems == []


def test_english_in_the_title_is_a_working_language_with_its_own_lines(catalog):
    """英语运营 (panel round 24: a generic JD that never said English) asks for English and writes in it."""
    from jdwriter.render.render import render_text

    request = make_request(catalog, role="英语运营5-10K").request
    assert request.language == "英语"
    jd = compose(request, catalog)
    assert any("英语" in x for x in jd.section("duties").items)
    assert any(x.startswith("英语可作工作语言") for x in jd.section("requirements").items)
    assert "英语运营" in render_text(jd, "md")
