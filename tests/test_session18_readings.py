"""Session 18 (after round 58): the job's subject is written through its own lines. Every content vertical and
game genre of the lexicon has notes (QQ音乐内容运营 speaks of the catalogue and rights, SLG of alliances); a
product or employer that says its domain brings that domain; a genre written with 游戏 stays the topic; and
titles whose only head is 运营 beside another trade's job (运营区域经理, 预算及运营专员) are refused."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.catalog.model import LEVEL_IDS
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.models import Request
from jdwriter.resolve.lexicon import lexicon

BANDS = {
    "intern": "junior",
    "specialist": "junior",
    "senior": "senior",
    "manager": "lead",
    "director": "lead",
}


def _names(kind: str) -> list[str]:
    return sorted({name for k, _, name in lexicon().domain_words() if k == kind})


def _note_lines(catalog, domain: str, role: str, level: str) -> set[str]:
    note = next(n for n in catalog.notes_by_domain[domain] if not n.roles or role in n.roles)
    return {*getattr(note.duties, BANDS[level]), *note.requirements}


def _items(jd) -> set[str]:
    return {x for s in jd.sections for x in s.items}


@pytest.mark.parametrize("domain", _names("vertical"))
@pytest.mark.parametrize("role", ["content_ops", "data_ops"])
def test_a_content_vertical_is_written_through_its_own_lines(catalog, domain, role):
    """Round 58: 音乐内容运营, 动漫产品运营 and 知识区 jobs said nothing of music, comics or knowledge."""
    level = LEVEL_IDS[(len(domain) + len(role)) % len(LEVEL_IDS)]
    request = Request(role=role, level=level, topic=domain, topic_kind="vertical", domain=domain)
    assert _items(compose(request, catalog)) & _note_lines(catalog, domain, role, level)


@pytest.mark.parametrize("domain", _names("genre"))
def test_a_game_genre_is_written_through_its_own_lines(catalog, domain):
    for role in ("activity_ops", "data_ops"):
        level = LEVEL_IDS[len(domain) % len(LEVEL_IDS)]
        request = Request(
            role=role, level=level, directions=("game_ops",), topic=domain, topic_kind="genre", domain=domain
        )
        assert _items(compose(request, catalog)) & _note_lines(catalog, domain, role, level), role


@pytest.mark.parametrize(
    ("title", "domain"),
    [
        ("SNG16-QQ音乐内容运营（深圳）", "音乐"),  # round 58: no music in the JD
        ("携程-数据运营实习生", "旅行"),
        ("花小猪打车-数据运营实习生", "出行"),  # round 58: 补一句网约车业务背景
        ("作业帮用户运营", "教育"),
    ],
)
def test_a_product_or_employer_that_says_its_domain_brings_the_domain(catalog, title, domain):
    resolved = make_request(catalog, role=title)
    assert resolved.request.domain == domain
    jd = compose(resolved.request, catalog)
    role, level = resolved.request.role, resolved.request.level
    assert _items(jd) & _note_lines(catalog, domain, role, level)
    assert not any(
        word in x for x in jd.section("duties").items for word in ("QQ音乐", "携程", "花小猪", "作业帮")
    )


def test_a_product_that_says_no_domain_brings_none(catalog):
    assert make_request(catalog, role="QQ浏览器内容运营").request.topic is None


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("小游戏数据运营", "小游戏"),  # 游戏 inside the genre's own word left the genre unread
        ("音游数据运营专员", "音游"),
        ("棋牌游戏社区运营专员", "棋牌游戏"),
        ("体育游戏用户运营", "体育游戏"),  # not the sports vertical 体育
        ("卡牌游戏活动运营", "卡牌游戏"),  # the genre brought the game direction and was dropped as topic
    ],
)
def test_a_genre_written_with_game_stays_the_topic(catalog, title, topic):
    request = make_request(catalog, role=title).request
    assert request.topic == topic and request.topic_kind == "genre"
    assert "game_ops" in request.directions


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("运营区域经理", "另一类职位"),  # round 57: WRONG JOB as general operations
        ("预算及运营专员", "财务"),
        ("RP-共享服务运营高级经理（深圳）", "财务"),
        ("28600-211 微信支付合规运营经理（深圳）", "合规"),
    ],
)
def test_operations_beside_another_trades_job_is_refused(catalog, title, kind):
    with pytest.raises(UserError) as refused:
        make_request(catalog, role=title)
    assert kind in str(refused.value)


@pytest.mark.parametrize("title", ["区域运营经理", "城市运营经理", "大区运营经理", "内容合规运营"])
def test_regional_and_content_compliance_operations_are_still_written(catalog, title):
    assert make_request(catalog, role=title).request.role
