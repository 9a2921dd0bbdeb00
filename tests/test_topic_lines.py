"""The title's domain enters a JD only through lines written to take a domain of its kind (issue 22,
item 5): a block or direction declares topic_kinds; nothing else prints the topic."""

from __future__ import annotations

import itertools

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.writer import compose
from jdwriter.models import Request
from jdwriter.render.render import render_text


def text_of(jd):
    return "\n".join([jd.summary, *(x for s in jd.sections for x in s.items)])


def written_for(catalog, kind):
    """Every catalogue sentence that may carry a topic of this kind."""
    lines = []
    for duty in catalog.duties:
        if kind in duty.topic_kinds:
            for level in duty.lines.values():
                lines += [*level.main, *level.more]
            lines += [*duty.bonus, duty.kpi]
    for d in catalog.directions:
        if kind in d.topic_kinds:
            lines += [d.summary, *d.bonus, *d.kpi]
            lines += [*d.requirements.junior, *d.requirements.senior, *d.requirements.lead]
    return [x for x in lines if "{topic}" in x]


@pytest.mark.parametrize(
    ("topic", "kind"), [("足球", "vertical"), ("区块链", "industry"), ("美妆", "category")]
)
def test_the_topic_appears_only_in_lines_written_for_its_kind(catalog, topic, kind):
    allowed = written_for(catalog, kind)
    jobs = [(r.id, ()) for r in catalog.roles] + [
        (role, (d.id,)) for d in catalog.directions for role in d.roles
    ]
    stray = []
    for (role, directions), level in itertools.product(jobs, LEVEL_IDS):
        request = Request(
            role=role, level=level, directions=directions, topic=topic, topic_kind=kind, template="full"
        )
        jd = compose(request, catalog)
        for line in text_of(jd).splitlines():
            if topic in line and not any(
                line.startswith(x.split("{topic}")[0][:6]) or x.split("{topic}")[-1][:6] in line
                for x in allowed
            ):
                stray.append((role, directions, level, line))
        assert "这个岗位专注" not in jd.summary
    assert stray == []


def test_a_topic_of_another_kind_reads_as_the_general_wording(catalog):
    """A product category in a 垂类运营 title does not become a content vertical (the direction's lines
    take verticals); it may still enter the topic block, which takes categories."""
    jd = compose(
        Request(role="content_ops", directions=("vertical",), topic="美妆", topic_kind="category"), catalog
    )
    assert "美妆" not in jd.summary and "本领域" in jd.summary
    vertical_lines = [x for x in jd.section("duties").items if "垂类" in x]
    assert vertical_lines and not any("美妆" in x for x in vertical_lines)


def test_a_domain_enters_the_duties_only_through_lines_written_for_it(catalog):
    """足球 has no note of its own: no stock frame takes the word (「策划围绕足球的专题内容」 read as slot-filled
    to every panel); 美妆 has one, and its line is there."""
    bare = compose(
        Request(role="content_ops", level="specialist", topic="足球", topic_kind="vertical"), catalog
    )
    assert not any("足球" in x for x in bare.section("duties").items)
    noted = compose(make_request(catalog, role="美妆内容运营").request, catalog)
    lines = {x for n in catalog.notes_by_domain["美妆"] for x in n.duties.junior}
    assert set(noted.section("duties").items) & lines


def test_a_domain_with_no_lines_of_its_own_is_named_in_the_notes(catalog):
    """Every domain of the lexicon has notes today; one that loses them (an edited catalogue) is named."""
    bare = catalog.model_copy(
        update={"domain_notes": [n for n in catalog.domain_notes if n.domain != "足球"]}
    )
    bare.__dict__.pop("notes_by_domain", None)  # a copy keeps the original's cached lookups
    resolved = make_request(bare, role="足球内容运营")
    assert any("「足球」" in note for note in resolved.notes)
    assert "足球" not in text_of(compose(resolved.request, bare)).split("\n", 1)[1]


def test_every_domain_of_the_lexicon_has_notes(catalog):
    """A title's subject is written through its notes: a domain with none would be named and left out."""
    from jdwriter.resolve.lexicon import lexicon

    names = {name for _, _, name in lexicon().domain_words()} | set(lexicon().implied_domains)
    assert sorted(n for n in names if not catalog.notes_by_domain.get(n)) == []


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_category_lines_without_a_category_say_the_general_category(catalog, level):
    """品类运营 with no category (or a content vertical) in the title: 本品类, never 本领域的动销率."""
    for topic, kind in ((None, None), ("足球", "vertical")):
        request = Request(
            role="ecommerce_ops", level=level, directions=("category",), topic=topic, topic_kind=kind
        )
        text = text_of(compose(request, catalog))
        assert "本品类" in text and "本领域" not in text and "足球" not in text, (level, topic)


@pytest.mark.parametrize(
    ("title", "says", "never"),
    [
        # AI before a content or store job is the tool that makes the content (round 24, 25)
        ("短视频AI创意运营专员", "生成工具", "模型能做什么"),
        ("AI跨境电商运营", "生成工具", "模型能做什么"),
        # AI before a product job is the product
        ("AI产品运营", "模型", "生成工具出文案"),
        # a digital human is configured and scripted, and its streams are labelled as AI-made
        ("数字人直播运营经理", "数字人", "生成工具出文案"),
    ],
)
def test_ai_and_digital_humans_are_written_for_what_they_are_in_the_title(catalog, title, says, never):
    text = render_text(compose(make_request(catalog, role=title).request, catalog), "md")
    assert says in text and never not in text, text
