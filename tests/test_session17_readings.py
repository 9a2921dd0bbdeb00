"""Session 17 (round 55): an industry job names its industry, an expert is not asked a specialist's basics, and a
job code with a number glued to the title (WXG10-211企业微信…) is not printed."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose


def _jd(catalog, title: str):
    return compose(make_request(catalog, role=title).request, catalog)


def _text(catalog, title: str) -> str:
    return " ".join(x for s in _jd(catalog, title).sections for x in s.items)


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("医疗行业运营", "医疗行业"),  # round 55: 「跟进本行业重点商户」 read as a placeholder left in
        ("美妆行业运营", "美妆行业"),
        ("行业运营实习生", "本行业"),  # no industry named: the general wording
    ],
)
def test_an_industry_job_names_the_industry_it_names(catalog, title, said):
    text = _text(catalog, title)
    assert said in text
    assert "本领域行业" not in text


@pytest.mark.parametrize("level", ["实习生", "专员", "主管", "经理", "总监"])
def test_an_industry_line_never_reads_as_a_placeholder(catalog, level):
    for title in (f"医疗行业运营{level}", f"腾讯云医疗行业运营{level}", f"行业运营{level}"):
        text = _text(catalog, title)
        assert "本领域" not in text
        assert "{" not in text


@pytest.mark.parametrize("title", ["运营分析专家", "蚂蚁金服-数据化运营管理专家-杭州"])
def test_an_expert_is_not_asked_a_specialists_basics(catalog, title):
    text = _text(catalog, title)
    for basic in ("自己搭过看板", "梳理过数据表", "从手工制作改为自动更新", "去掉无人使用的指标"):
        assert basic not in text
    requirements = next(s.items for s in _jd(catalog, title).sections if s.heading == "任职要求")
    assert sum("SQL" in x for x in requirements) == 1  # round 55: two SQL lines, the second a specialist's


def test_a_specialist_keeps_the_basics_an_expert_drops(catalog):
    text = _text(catalog, "数据运营主管")
    assert any(
        w in text for w in ("从手工制作改为自动更新", "自己搭过看板", "梳理过数据表", "SQL 取数和清洗")
    )


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("WXG10-211企业微信产品运营经理（数据/增长，广州）", "企业微信产品运营经理（数据-增长）"),
        ("CSIG22-1688运营", "1688运营"),  # 1688 is a platform, not a code
    ],
)
def test_a_job_code_with_a_number_is_not_printed(catalog, title, printed):
    assert _jd(catalog, title).title == printed


def test_wecom_is_a_product_not_a_word_left_out(catalog):
    reading = make_request(catalog, role="WXG10-211企业微信产品运营经理（数据/增长，广州）")
    assert not any("企业" in n for n in reading.notes)


def _section(catalog, title: str, heading: str) -> list[str]:
    return next((s.items for s in _jd(catalog, title).sections if s.heading == heading), [])


@pytest.mark.parametrize(
    "title", ["出行运营总监", "运营总监", "电商运营总监", "数据运营总监", "招商运营总监"]
)
def test_requirements_say_annual_targets_and_budget_once(catalog, title):
    requirements = _section(catalog, title, "任职要求")
    # round 55: three times; the level's own line (有年度目标制定与预算管理经验) says what the level is and stays
    assert sum(any(w in x for w in ("年度目标", "预算")) for x in requirements) <= 2
    assert sum("复盘" in x for x in requirements) <= 1
    assert len(requirements) >= 4


@pytest.mark.parametrize("title", ["平台运营经理", "商家运营经理", "生态运营高级经理", "客服运营经理"])
def test_the_bonus_says_from_scratch_once(catalog, title):
    assert sum("从零" in x for x in _section(catalog, title, "加分项")) <= 1


def test_capitals_opening_the_title_are_a_team_code_left_out(catalog):
    reading = make_request(catalog, role="SL产品运营经理（数据分析）")  # round 55: refused over 「SL」
    assert reading.request.role == "product_ops"
    assert any("SL" in n for n in reading.notes)


@pytest.mark.parametrize("title", ["abc产品运营", "Sl产品运营", "乘车码产品运营经理"])
def test_other_unknown_words_glued_before_product_operations_are_still_refused(catalog, title):
    from jdwriter.errors import UserError

    with pytest.raises(UserError):
        make_request(catalog, role=title)


def test_content_expansion_is_bringing_in_creators(catalog):
    # round 55: 内容拓展 (finding and signing creators) was written as editorial planning, WRONG JOB
    reading = make_request(catalog, role="内容拓展高级运营").request
    assert "creators" in reading.directions


def test_a_general_operations_manager_hears_users_and_leaves_data_quality_to_the_data_team(catalog):
    # round 55: 运营经理 had seven lines, most of them metrics, alerts and reviews, one a report audit
    text = _text(catalog, "运营经理")
    assert "反馈机制" in text
    assert "数据质量核查" not in text


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("运营实习生（偏数据和活动）", "熟悉活动从上线准备到结束收尾"),  # round 55: too much for a student
        ("运营实习生（偏数据和活动）", "能按模板配置活动规则"),  # a duty, not a requirement
        ("内容运营短期劳务实习生", "每篇内容发出后会看阅读"),  # an intern does not publish
        ("数据分析运营-日语", "一页结论版"),  # a report format, not a duty
        ("29912-内容运营leader （深圳总部）", "异常预警当天推给负责人"),  # the leader is the 负责人
        ("运营经理（用户运营方向）", "标签平台"),  # platforms are built by data and product teams
    ],
)
def test_round_55_lines_graded_off_are_gone(catalog, title, line):
    assert line not in _text(catalog, title)


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("新媒体运营专员-人人律智能大数据科技公司", "新媒体运营专员"),  # round 55: the employer's legal name
        ("阿维塔-新媒体运营实习生(代发布）", "阿维塔-新媒体运营实习生"),  # posted on another's behalf
        ("人工智能运营优化-广西分公司-南宁", "人工智能运营优化"),
    ],
)
def test_an_employers_legal_name_and_a_posting_note_are_not_printed(catalog, title, printed):
    assert _jd(catalog, title).title == printed


@pytest.mark.parametrize("title", ["新媒体运营、微信推广专员", "微信推广专员"])
def test_wechat_promotion_is_official_account_work(catalog, title):
    # round 55: 微信推广 was left unread, and the JD never named the 公众号
    reading = make_request(catalog, role=title).request
    assert reading.role == "new_media_ops"
    assert "wechat_official" in reading.directions


def test_a_service_manager_says_cross_team_complaint_handling_once(catalog):
    text = _text(catalog, "31504-高级服务运营经理")  # round 55: 客诉协同机制 and 反馈处理的跨部门协同 both
    assert "客诉协同机制" in text
    assert "反馈处理的跨部门协同" not in text


@pytest.mark.parametrize("title", ["运营质控岗", "数据运营沟通管理岗"])
def test_a_post_word_does_not_hide_the_unknown_word_before_it(catalog, title):
    from jdwriter.errors import UserError

    with pytest.raises(UserError):  # round 56: written as general operations with the job's own word left out
        make_request(catalog, role=title)


@pytest.mark.parametrize("title", ["数据运营岗", "运营岗", "新媒体运营岗位", "用户运营管理岗"])
def test_a_known_job_ending_in_a_post_word_is_written(catalog, title):
    assert make_request(catalog, role=title).request.role


def test_a_bracket_of_unknown_words_joined_is_the_job(catalog):
    from jdwriter.errors import UserError

    with pytest.raises(UserError):  # round 56: a fleet job written as general operations, WRONG JOB
        make_request(catalog, role="运营管理（车辆和驾驶员管理）")


@pytest.mark.parametrize("title", ["运营总监（梧州区域）", "运营专员/助理（管理+14薪+包住+晋升空间）"])
def test_a_place_or_board_tags_in_brackets_are_still_left_out(catalog, title):
    assert make_request(catalog, role=title).request.role == "business_ops"


def test_an_alias_is_not_read_across_a_slash(catalog):
    # round 56: 网店客服/运营助理 read as 客服运营 (客服 + 运营 across the slash), a platform's service operations
    assert make_request(catalog, role="网店客服/运营助理（双休）").request.role != "service_ops"
    assert make_request(catalog, role="客服运营").request.role == "service_ops"


def test_an_online_internship_asks_no_days_on_site(catalog):
    assert "到岗" not in _text(catalog, "在线实习-社群运营实习生")  # round 56
    assert "到岗" in _text(catalog, "社群运营实习生")


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("2021校招-数据运营专员", "数据运营专员（2021校招）"),  # round 56: the board's drive printed first
        ("2025届校招-用户运营", "用户运营（2025届校招）"),
    ],
)
def test_a_campus_drive_is_printed_after_the_job(catalog, title, printed):
    assert _jd(catalog, title).title == printed


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("电商运营助理/专员", "跟着教程练一两次"),  # round 57: 「上手生意参谋、千牛快」, BAD
        ("华东合作发展部/渠道运营实习生", "跟着教程练一两次"),  # 「上手 CRM、SQL 快」, BAD
        ("产品运营实习生-原神", "在产品与服务上的定价"),  # a placeholder's stand-in, BAD
    ],
)
def test_round_57_bad_lines_are_gone(catalog, title, line):
    assert line not in _text(catalog, title)


def test_round_58_an_intern_does_not_collect_public_data_twice(catalog):
    # round 58: 「收集同行公开的营收和经营数据」 beside 「收集行业公开数据」, BAD three times
    assert "收集同行公开的营收" not in _text(catalog, "数据运营实习生（经营分析）")
    assert _jd(catalog, "数据分析 数据运营 双休 正式[福田区]").title == "数据分析 数据运营"
