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

from .test_domain_notes import BANDS


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


def test_a_team_lead_gets_one_line_of_leading_a_small_team(catalog):
    """Rounds 58–59: 运营组长, 产品运营组长 and 活动运营主管 had no line of leading people; a 资深 or 专家 at the same
    level is an individual expert and gets none."""
    lines = {x for band in catalog.duty_by_id["team_lead"].lines.values() for x in (*band.main, *band.more)}
    for title in ("运营组长", "新媒体运营组长", "SNG06-动漫产品运营组长（深圳）", "活动运营主管"):
        duties = compose(make_request(catalog, role=title).request, catalog).section("duties").items
        assert len(set(duties) & lines) == 1 and len(duties) == 6, title
    for title in ("资深新媒体运营", "数据运营专家", "新媒体运营专员/主管"):
        plain = compose(make_request(catalog, role=title).request, catalog).section("duties").items
        assert not set(plain) & lines, title


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("上市公司高薪招聘数据运营五险一金", "数据运营"),  # round 59: printed 「上市公司 招聘数据运营」
        ("上市公司招聘数据运营", "数据运营"),
        ("运营数据分析03", "运营数据分析"),  # round 59: the board's 03 printed
        ("业务运营专员102", "业务运营专员"),
        ("大促运营双11", "大促运营双11"),  # a date, not a code
    ],
)
def test_board_words_and_numbers_leave_the_printed_title(catalog, raw, printed):
    assert make_request(catalog, role=raw).request.title == printed


def test_selling_medicines_online_is_a_store_job_with_its_rules(catalog):
    """Round 59: 药品运营专员（线上） was written as an online hospital's appointments and consultations."""
    request = make_request(catalog, role="药品运营专员（线上）").request
    assert request.role == "ecommerce_ops" and request.domain == "药品"
    text = " ".join(x for s in compose(request, catalog).sections for x in s.items)
    assert "批准文号" in text and "挂号" not in text and "问诊" not in text


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("大药房运营主管", "门店"),  # a pharmacy's shops
        ("儿童健身房运营店长", "门店"),  # round 59: was 「产品经理、销售、客服…」
        ("运营素材设计实习生", "设计"),  # round 59: was 「不认识」
        ("资产托管部数据运营岗（实习生）", "金融"),
        ("WXG12-数据合规产品运营经理（广州）", "合规"),  # round 59: WRONG JOB as growth product operations
        ("仓储运营经理（车辆/重资产）", "仓储"),  # round 59: was 「资产运营」 from the lone 资产
        ("车辆运营销售代表-东风蓝卡", "销售"),  # the head (销售代表) names the job before 车辆运营 does
        ("OMG093-企业文化运营经理（北京）", "人力资源"),
    ],
)
def test_round_59_refusals_name_the_kind_of_job(catalog, title, kind):
    with pytest.raises(UserError) as refused:
        make_request(catalog, role=title)
    assert kind in str(refused.value)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("多媒体运营", "new_media_ops"),  # round 59: WRONG JOB as media buying
        ("大药房天猫 拼多多医药电商运营", "ecommerce_ops"),
        ("天猫/京东/运营/店长", "ecommerce_ops"),  # an online store's 店长 is its operator
    ],
)
def test_round_59_jobs_are_written_as_their_own(catalog, title, role):
    assert make_request(catalog, role=title).request.role == role


@pytest.mark.parametrize(
    ("title", "role", "direction"),
    [
        ("AI 算法运营", "business_ops", "strategy_ops"),  # round 60: refused as 研发
        (
            "TME-全民K歌在线歌房运营",
            "new_media_ops",
            "live_streaming",
        ),  # round 60: 「在线歌房」 not understood
        ("公考面试题库运营实习生", "content_ops", None),  # round 60: 「题库」 not understood
        ("电商渠道运营", "ecommerce_ops", None),  # round 60 WRONG JOB: written as app acquisition channels
        ("22989-数据库产品运营经理", "product_ops", "cloud_product"),  # round 60: no database or cloud
        ("时尚图像数据运营实习生（线下到岗）", None, "llm_data"),  # round 60 WRONG JOB: generic reporting
    ],
)
def test_round_60_jobs_are_written_as_their_own(catalog, title, role, direction):
    request = make_request(catalog, role=title).request
    assert role is None or request.role == role
    assert direction is None or direction in request.directions


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("25667-渠道培训运营经理", "培训与赋能"),  # round 60 WRONG JOB: channel deals and paid acquisition
        ("培训助理实习生（数据运营）", "培训与赋能"),
        ("机器学习-互联网运营中心-北京(001377)", "研发"),  # round 60 WRONG JOB: daily reports
    ],
)
def test_round_60_refusals_name_the_kind_of_job(catalog, title, kind):
    with pytest.raises(UserError) as refused:
        make_request(catalog, role=title)
    assert kind in str(refused.value)


def test_a_department_after_the_employer_is_still_not_the_job(catalog):
    assert make_request(catalog, role="华泰人寿总公司-运营部-数据分析").request.role == "data_ops"


@pytest.mark.parametrize(
    ("title", "alone", "beside"),
    [
        # the second job was not written (a known gap since round 56)
        ("社群运营/活动运营", "活动运营", "community_ops"),
        ("电子商务专员/网站运营专员", "网站运营专员", "ecommerce_ops"),
        ("市场推广/新媒体运营实习生", "新媒体运营实习生", "marketing_ops"),  # round 59: nothing for 市场推广
    ],
)
def test_a_job_named_beside_the_title_s_own_gets_one_line(catalog, title, alone, beside):
    request = make_request(catalog, role=title).request
    assert request.beside == (beside,) and request.role != beside
    duties = compose(request, catalog).section("duties").items
    plain = compose(make_request(catalog, role=alone).request, catalog).section("duties").items
    assert len(duties) == len(plain) and len(set(duties) - set(plain)) == 1, duties


def test_one_job_written_two_ways_gets_no_second_job(catalog):
    for title in ("数据运营专员/数据分析专员", "新媒体运营/网络运营", "用户运营专员"):
        assert make_request(catalog, role=title).request.beside == ()


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("供应链金融业务运营", "金融"),  # round 61 WRONG JOB: consumer-finance campaigns
        ("财务共享中心运营分析岗", "财务"),  # round 61: a generic data analyst
        ("酒店运营会计（JW万豪五星级酒店）", "财务"),  # round 61: 「产品经理、销售…」
    ],
)
def test_round_61_refusals_name_the_kind_of_job(catalog, title, kind):
    with pytest.raises(UserError) as refused:
        make_request(catalog, role=title)
    assert kind in str(refused.value)


def test_a_tool_in_the_title_is_a_skill_not_an_unknown_job(catalog):
    """Round 61: Python数据运营实习生 was refused for the word Python."""
    request = make_request(catalog, role="Python数据运营实习生(西安)").request
    assert request.role == "data_ops" and request.level == "intern"


def test_a_partnership_lean_brings_partnership_work(catalog):
    """Round 61 WRONG JOB: 产品运营（对外合作方向） had no line of partnership."""
    jd = compose(make_request(catalog, role="SNG16-全民K歌产品运营（对外合作方向）（北京）").request, catalog)
    block = catalog.duty_by_id["partner_management"]
    lines = {x for band in block.lines.values() for x in (*band.main, *band.more)}
    assert set(jd.section("duties").items) & lines


@pytest.mark.parametrize("title", ["欧美运营经理 (MJ000263)", "21229-欧美代理游戏运营（上海）"])
def test_a_western_market_is_abroad_and_in_english(catalog, title):
    """Round 61: 欧美运营经理 had no market and no English; 欧美代理游戏运营 was asked for 版号 and 防沉迷."""
    request = make_request(catalog, role=title).request
    assert "overseas" in request.directions and request.language == "英语"
    text = " ".join(x for s in compose(request, catalog).sections for x in s.items)
    assert "英语" in text and "版号" not in text


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("社区运营专员/均薪10k/月休8天/七险一金", "社区运营专员"),  # round 62: printed 「…/均薪 休8天」
        ("公司急招数据运营专员", "数据运营专员"),  # round 62: refused for 「公司」
    ],
)
def test_round_62_board_words_leave_the_title(catalog, raw, printed):
    assert make_request(catalog, role=raw).request.title == printed


def test_a_city_lead_is_a_manager_and_settlement_is_finance(catalog):
    """Round 62 WRONG JOB: 社群运营城市负责人 was written as the national director; 运营结算 as channel work."""
    assert make_request(catalog, role="社群运营城市负责人-合肥").request.level == "manager"
    assert make_request(catalog, role="社群运营负责人").request.level == "director"
    with pytest.raises(UserError, match="财务"):
        make_request(catalog, role="运营结算")


@pytest.mark.parametrize("title", ["支付运营主管（数据方向）", "WXG06-211 境外支付高级产品运营（深圳）"])
def test_payments_jobs_speak_of_merchants_not_of_yields(catalog, title):
    """Round 63: two payments JDs carried wealth-management compliance (收益展示、利率)."""
    request = make_request(catalog, role=title).request
    assert request.domain == "支付"
    text = " ".join(x for s in compose(request, catalog).sections for x in s.items)
    assert "商户" in text and "收益" not in text and "利率" not in text


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("GM运营", "activity_ops"),  # round 63: refused for 「GM」
        ("德勤咨询汽车商业数字化数据运营实习生", "data_ops"),  # round 63: refused for 「数字化」
    ],
)
def test_round_63_titles_are_read(catalog, raw, role):
    assert make_request(catalog, role=raw).request.role == role


def test_round_63_board_pay_and_finance_work(catalog):
    from jdwriter.resolve.noise import clean_title

    assert (
        clean_title("运营专员客服/五险一金/保底4000+双休") == "运营专员客服"
    )  # round 63: printed 「…/ 4000」
    with pytest.raises(UserError, match="客服"):  # and it is a support job, as the panel read it
        make_request(catalog, role="运营专员客服/五险一金/保底4000+双休")
    with pytest.raises(UserError, match="财务"):
        make_request(catalog, role="财务数据分析运营专家")  # round 63 WRONG JOB: a growth analyst


@pytest.mark.parametrize(
    ("title", "role", "level"),
    [
        ("XN-移动客户端产品运营经理(深圳)", "product_ops", "manager"),  # round 64: refused as 研发
        ("23486-证券产品运营（北京）", "product_ops", "specialist"),  # round 64: 「证券」 not understood
        (
            "15614-次世代射击游戏运营经理（上海）",
            "activity_ops",
            "manager",
        ),  # round 64: 「次世代」 not understood
        ("13540-数据运营高级经理/总监", "data_ops", "manager"),  # round 64: 高级经理 read as two levels
    ],
)
def test_round_64_jobs_are_written(catalog, title, role, level):
    request = make_request(catalog, role=title).request
    assert (request.role, request.level) == (role, level)


def test_stacked_levels_and_brokerage_back_offices_are_still_refused(catalog):
    with pytest.raises(UserError, match="好几个级别"):
        make_request(catalog, role="产品经理产品总监产品专员运营")
    with pytest.raises(UserError, match="金融"):
        make_request(catalog, role="证券运营专员")


def test_a_live_room_for_key_accounts_is_live_streaming_work(catalog):
    """Round 64: 大客户直播运营实习生 was asked about SaaS buying committees and renewals."""
    request = make_request(catalog, role="大客户直播运营实习生").request
    assert request.directions == ("live_streaming",)
    text = " ".join(x for s in compose(request, catalog).sections for x in s.items)
    assert "采购决策" not in text and "续约" not in text and "直播" in text
