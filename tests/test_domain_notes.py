"""A title's domain enters the JD only through lines written for it (data/domain_notes.yaml): a 金融 job
carries a compliance duty and requirement, a 图书 job a publisher line; another domain, or none, does not."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import LEVEL_IDS, load_catalog
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.resolve.lexicon import lexicon

BANDS = {
    "intern": "junior",
    "specialist": "junior",
    "senior": "senior",
    "manager": "lead",
    "director": "lead",
}


def jd_for(catalog, title, level=None):
    return compose(make_request(catalog, role=title, level=level).request, catalog)


def note_lines(catalog, domain):
    return {
        x
        for n in catalog.notes_by_domain[domain]
        for b in ("junior", "senior", "lead")
        for x in getattr(n.duties, b)
    }


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_a_finance_title_carries_a_line_written_for_finance(catalog, level):
    jd = jd_for(catalog, "互联网金融用户运营", level)
    duties, needs = jd.section("duties").items, jd.section("requirements").items
    band = getattr(catalog.notes_by_domain["金融"][-1].duties, BANDS[level])
    assert set(duties) & set(band), duties
    assert set(needs) & set(catalog.notes_by_domain["金融"][-1].requirements)


def test_an_alias_of_a_domain_finds_its_notes(catalog):
    """口腔 is listed under 医疗: the note is looked up by the lexicon entry, not the word as written."""
    request = make_request(catalog, role="口腔行业用户运营").request
    assert request.topic == "口腔" and request.domain == "医疗"


def test_another_domain_or_none_carries_no_finance_line(catalog):
    finance = note_lines(catalog, "金融")
    for title in ("用户运营", "图书电商运营", "母婴用户运营经理"):
        assert not set(jd_for(catalog, title).section("duties").items) & finance, title


def test_a_note_for_named_roles_is_read_only_by_them(tmp_path):
    extra = tmp_path / "notes.yaml"
    extra.write_text(
        "domain_notes:\n"
        "  - id: books_data\n    domain: 图书\n    roles: [data_ops]\n"
        "    duties:\n      junior: [监控每本主推书的转化率和退货率，异常当天标出]\n"
        "      senior: [负责图书品类的经营分析，按书系拆解销量和毛利]\n"
        "      lead: [建立图书经营的指标体系，按出版社和书系评估投入]\n"
        "    requirements: [熟悉图书零售的折扣、退货和动销规律]\n",
        encoding="utf-8",
    )
    catalog = load_catalog(extra=[extra])
    data = jd_for(catalog, "图书数据运营").section("duties").items
    shop = jd_for(catalog, "图书电商运营").section("duties").items
    assert "监控每本主推书的转化率和退货率，异常当天标出" in data
    assert "监控每本主推书的转化率和退货率，异常当天标出" not in shop


def test_every_note_names_a_domain_of_the_title_lexicon(catalog):
    names = {name for _, _, name in lexicon().domain_words()}
    assert {n.domain for n in catalog.domain_notes if n.domain is not None} <= names


@pytest.mark.parametrize(
    ("subject", "unknown"),
    [("domain: 图书\n    roles: [book_ops]", "book_ops"), ("direction: mars_ops", "mars_ops")],
)
def test_a_note_for_an_unknown_role_or_direction_is_a_catalogue_error(tmp_path, subject, unknown):
    extra = tmp_path / "notes.yaml"
    extra.write_text(
        f"domain_notes:\n  - id: x\n    {subject}\n"
        "    duties: {junior: [跟进新书上架], senior: [负责选书], lead: [规划书系]}\n"
        "    requirements: [常读书]\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as err:
        load_catalog(extra=[extra])
    assert unknown in str(err.value)


def test_every_note_reads_clean_in_every_role_and_level(catalog):
    """A domain line keeps the JD to the writing standard (no three duties in a row opening alike, no
    repeated meaning, no metric or tool named too often) and `check` finds nothing in it (a 酒水 line about
    minors is no age requirement); one level per role in rotation covers them all."""
    from jdwriter import check_text
    from jdwriter.catalog.lint import METRICS, jd_problems
    from jdwriter.models import Request
    from jdwriter.render.render import render_text

    terms = list(dict.fromkeys([*METRICS, *(t for d in catalog.duties for t in d.tools)]))
    kinds = {name: kind for kind, _, name in lexicon().domain_words()}
    problems = []
    for number, domain in enumerate(sorted(catalog.notes_by_domain)):
        for place, role in enumerate(catalog.roles):
            level = LEVEL_IDS[(number + place) % len(LEVEL_IDS)]
            request = Request(
                role=role.id, level=level, topic=domain, topic_kind=kinds[domain], domain=domain
            )
            jd = compose(request, catalog)
            duties = jd.sections[0].items
            items = [*duties, *(x for s in jd.sections[1:] for x in s.items)]
            found = jd_problems(duties, items, terms)
            found += [f.category for f in check_text(render_text(jd, "md")).findings]  # lawful, no lint
            if found:
                problems.append((domain, role.id, level, found))
    assert problems == []


def test_requirements_ask_for_a_tool_once(catalog):
    """A data intern's requirements once asked for SQL twice (写得出基础的 SQL 查询, then 能用 SQL 完成取数)."""
    from jdwriter.catalog.lint import terms_in
    from jdwriter.compose.job import Job

    for title in ("策略运营-数据运营实习生", "数据运营", "数据运营主管", "电商数据运营"):
        request = make_request(catalog, role=title).request
        tools = Job(request, catalog).tools()
        named = [
            t for x in compose(request, catalog).section("requirements").items for t in terms_in(x, tools)
        ]
        assert named.count("SQL") <= 1, (title, named)


@pytest.mark.parametrize(
    ("title", "field"),
    [("论坛运营", "论坛运营"), ("小红书运营（美妆）", "小红书运营"), ("天猫运营", "天猫运营")],
)
def test_the_experience_line_names_the_field_as_the_title_does(catalog, title, field):
    first = jd_for(catalog, title).section("requirements").items[0]
    assert f"年{field}" in first.replace(" ", ""), first
