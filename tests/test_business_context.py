"""What a title says about the business around the job (issue 22, panel round 14).

- A title that opens with 电商 before another function (电商用户运营, 电商客服运营) is written for the e-commerce
  industry; 电商运营 is the role itself.
- A business unit's name says what the business is (互娱 → games, 腾讯云 → cloud, 社交广告 → the ad platform) when
  the title names no direction.
- A 经理 is asked for a team once: another block's line that leads a team gives way in the duties.
"""

from __future__ import annotations

import re

import pytest

from jdwriter import generate, generate_jd

TEAM = re.compile("带团队|带领.{0,12}团队|管理过.{0,12}团队|人以上的团队")


@pytest.mark.parametrize("title", ["电商用户运营", "22989-电商内容运营专员", "电商客服运营"])
def test_a_title_opening_with_e_commerce_is_written_for_that_industry(title):
    jd = generate_jd(title)
    assert jd.industry is not None and jd.industry.name == "电商"


@pytest.mark.parametrize("title", ["电商运营", "电商运营专员", "用户运营", "内容运营（电商）"])
def test_the_e_commerce_role_itself_or_a_bracket_keeps_its_reading(title):
    jd = generate_jd(title)
    assert (jd.industry.name if jd.industry else None) == ("电商" if "（" in title else None)


@pytest.mark.parametrize(
    ("title", "direction", "says"),
    [
        ("HY6-互娱高级产品运营经理（深圳）", "game_ops", "玩"),
        ("25669-腾讯云合作运营经理（深圳）", "cloud_product", "云"),
        ("SA-腾讯社交广告渠道合作产品运营经理（微信广告 深圳）", "ad_product", "广告"),
    ],
)
def test_a_business_unit_names_the_business(title, direction, says):
    jd = generate_jd(title)
    assert direction in [d.id for d in jd.directions]
    body = generate(title).split("\n", 1)[1]
    assert says in body


def test_a_business_unit_is_not_reported_as_left_out(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "HY6-互娱高级产品运营经理（深圳）", "--no-input"])
    assert result.exit_code == 0 and "互娱" not in result.stderr


@pytest.mark.parametrize("role", ["商务运营", "渠道运营", "用户运营", "电商运营", "社群运营", "行业运营"])
def test_a_manager_duty_list_leads_a_team_at_most_once(role):
    jd = generate_jd(role, level="经理")
    duties = next(s for s in jd.sections if s.id == "duties").items
    assert sum(bool(TEAM.search(x)) for x in duties) <= 1, duties


@pytest.mark.parametrize(("title", "says"), [("积分运营专员", "积分"), ("活动策划运营", "玩法")])
def test_a_block_the_title_names_leads_the_duties(title, says):
    """积分运营专员 is user operations about points: the points block leads, not invitations and win-back."""
    duties = next(s for s in generate_jd(title).sections if s.id == "duties").items
    assert any(says in x for x in duties[:2]), duties


def test_a_named_block_with_no_phrasing_for_the_job_is_not_forced():
    """用户运营经理（数据分析方向）: the analysis block's 经理 lines are a data team's service work (各业务线的分析需求),
    which a user-operations manager does not do; the title does not force them in."""
    text = generate("用户运营经理（数据分析方向）")
    assert "分析需求" not in text and "分析课题" not in text


def test_a_scope_role_gives_way_to_the_direction_the_title_names():
    """电竞生态运营（赛事管理） is esports work: no developer community, API docs or DevRel."""
    jd = generate_jd("电竞生态运营（赛事管理）")
    assert jd.role.id != "ecosystem_ops" and [d.id for d in jd.directions] == ["esports"]
    text = generate("电竞生态运营（赛事管理）")
    assert "开发者" not in text and "接口文档" not in text


def test_the_experience_line_names_a_field_not_a_level():
    """商户策略运营专家: 5 年以上策略运营经验, not 策略运营专家经验."""
    text = generate("商户策略运营专家-数据方向")
    assert "专家经验" not in text and "5 年以上" in text


def test_english_is_asked_for_once():
    requirements = next(
        s for s in generate_jd("高级产品运营（海外工具类）").sections if s.id == "requirements"
    )
    assert sum(("英语" in x or "英文" in x) for x in requirements.items) == 1, requirements.items


def test_a_senior_individual_title_asks_for_five_years():
    assert "5 年以上" in generate("资深产品运营") and "3–5 年" not in generate("资深产品运营")


def test_content_operations_is_editorial_unless_the_title_says_the_platform_side():
    """内容运营 is mostly a brand's or a medium's editorial job (panel: a generic 内容运营专员 was handed signed
    creators and community reports); 平台内容运营 and 内容生态运营 run creator supply and review."""
    editorial = generate("内容运营专员")
    assert "创作者" not in editorial and "举报" not in editorial
    for title in ("平台内容运营", "内容生态运营经理"):
        duties = next(s for s in generate_jd(title).sections if s.id == "duties").items
        assert any("创作者" in x for x in duties) and any("审核" in x or "举报" in x for x in duties), duties
    assert generate_jd("新媒体内容运营实习生").role.id == "new_media_ops"


def test_requirements_name_no_collaboration_tool_each_employer_picks():
    """TAPD, 飞书 and ProcessOn are each employer's own choice (panel: a Tencent JD asked for 飞书): the tool
    requirement names the job's tools, never the office suite."""
    from jdwriter import load_catalog
    from jdwriter.compose.writer import compose
    from jdwriter.models import Request

    catalog = load_catalog()
    office = [t for t in catalog.tool_kinds["office"].tools]
    for role in catalog.roles:
        for level in ("intern", "specialist", "senior"):
            requirements = compose(Request(role=role.id, level=level), catalog).section("requirements").items
            assert not [t for t in office for x in requirements if t in x], (role.id, level)


def test_a_task_word_before_operations_is_refused_naming_who_does_it(runner):
    """创意运营: 创意 names the ad-creative task, which generic operations does not do: refused, naming 投放运营,
    instead of a generic operations JD (panel r16: WRONG JOB)."""
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "创意运营", "--no-input"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "「创意」" in result.stderr and "投放运营" in result.stderr and "--title" in result.stderr
    assert runner.invoke(app, ["new", "--role", "LOFTER摄影领域运营", "--no-input"]).exit_code == 0


@pytest.mark.parametrize("title", ["MCN运营", "创作者运营专员", "垂类运营", "剧集运营"])
def test_platform_side_content_jobs_get_no_newsroom_error_checks(title):
    """The editorial quality block (差错清单, 事实核查) is a brand's or a medium's; MCN, creator and platform content
    JDs skip it (panel r16: 差错清单 in MCN and UGC JDs)."""
    assert "差错" not in generate(title)


def test_a_games_monetisation_is_in_game_payment_not_ads():
    text = generate("魂斗罗手游商业化运营")
    assert "eCPM" not in text and "穿山甲" not in text and "填充率" not in text


@pytest.mark.parametrize(
    ("title", "absent"),
    [
        ("内容安全运营", ("首页资源位", "履约")),  # moderation is not platform scheduling or after-sales
        ("商家运营支持", ("首页资源位",)),  # merchant support is not resource-slot scheduling
    ],
)
def test_a_direction_drops_the_role_blocks_that_are_another_job(title, absent):
    text = generate(title)
    assert not [w for w in absent if w in text]


@pytest.mark.parametrize(("title", "domain"), [("歌单内容运营", "音乐"), ("考研产品运营", "教育")])
def test_product_words_name_their_domain(title, domain):
    from jdwriter.api import get_catalog, make_request

    assert make_request(get_catalog(), role=title).request.domain == domain
