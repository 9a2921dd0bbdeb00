"""A title that says what the job leans to, in brackets or after a dash (产品运营（会员方向）, 平台运营专家——数据分析
方向), gets duties that lean that way; a platform or role word in the brackets is read as before and pulls in no
block of its own (round 34's NEEDS WORK: 「despite the 会员方向 title」, 「数据分析方向几乎没写」)."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.compose.writer import compose
from jdwriter.resolve.titles import resolve_title


def _duties(catalog, title: str) -> list[str]:
    jd = compose(make_request(catalog, role=title).request, catalog)
    section = jd.section("duties")
    assert section is not None
    return section.items


def _count(lines: list[str], *words: str) -> int:
    return sum(any(w in line for w in words) for line in lines)


@pytest.mark.parametrize(
    ("title", "plain", "words"),
    [
        ("产品运营（会员方向）", "产品运营", ("会员", "积分")),
        ("平台运营专家——数据分析方向", "平台运营专家", ("分析框架", "同期群", "专题分析", "归因")),
        ("高级产品运营主管（数据分析）", "高级产品运营主管", ("分析框架", "同期群", "专题分析", "归因")),
        ("用户运营（留存方向）", "用户运营", ("流失", "留存", "召回")),
    ],
)
def test_a_leaning_in_brackets_or_after_a_dash_leads_the_duties(catalog, title, plain, words):
    leaning, bare = _duties(catalog, title), _duties(catalog, plain)
    assert _count(leaning, *words) >= 2, leaning
    assert _count(leaning, *words) > _count(bare, *words), (leaning, bare)
    assert _count(leaning[:3], *words) >= 1, leaning  # it leads, not trails


def test_the_leaning_words_are_read_without_their_marks(catalog):
    assert resolve_title("平台运营专家——数据分析方向", catalog).qualifiers == ("数据分析",)
    assert resolve_title("产品运营（偏会员）", catalog).qualifiers == ("会员",)


@pytest.mark.parametrize("title", ["直播运营主管（抖音）", "跨境电商运营（速卖通）", "内容风控运营（直播）"])
def test_a_platform_or_role_word_in_brackets_is_no_leaning(catalog, title):
    assert resolve_title(title, catalog).qualifiers == ()


def test_what_a_moderator_watches_is_not_what_the_job_does(catalog):
    """内容风控运营（直播）: 直播 is the content reviewed; no streaming script or host talk track is written."""
    lines = _duties(catalog, "内容风控运营（直播）")
    assert not _count(lines, "直播脚本", "话术", "主播"), lines


def _jd_text(catalog, title: str) -> str:
    jd = compose(make_request(catalog, role=title).request, catalog)
    return "\n".join(x for s in jd.sections for x in s.items)


@pytest.mark.parametrize("title", ["网络运营/网站推广/SEO/sem+双休+绩效+五险", "SEO运营专员", "SEO优化运营"])
def test_a_website_seo_job_writes_no_app_store_work(catalog, title):
    """SEO is a website's search traffic; App metadata and store rankings are ASO (rounds 35 and 36)."""
    text = _jd_text(catalog, title)
    assert "TDK" in text or "关键词" in text, text
    for word in ("App 元数据", "应用商店", "Apple Search Ads", "七麦"):
        assert word not in text, (word, text)


def test_an_app_store_job_writes_no_website_seo(catalog):
    text = _jd_text(catalog, "ASO运营")
    assert "App 元数据" in text or "应用商店" in text, text
    for word in ("TDK", "robots", "外链"):
        assert word not in text, (word, text)


@pytest.mark.parametrize("title", ["商品运营", "商品运营专员", "高级商品运营（淘系）"])
def test_merchandise_operations_speaks_of_assortment_prices_and_suppliers(catalog, title):
    """商品运营 decides what to sell at what price from whom (round 36: 缺定价、库存、SKU结构、动销)."""
    lines = _duties(catalog, title)
    assert _count(lines, "价格", "供应商", "动销", "汰换", "毛利") >= 2, lines


@pytest.mark.parametrize("title", ["运营经理", "移动互联网运营经理", "运营助理专员", "线上运营经理"])
def test_a_generic_operations_job_is_no_bizops_process_office(catalog, title):
    """A title that names no function is general operations: 人效, 流程改进 and 经营会 are BizOps work, graded OFF
    for 运营经理 and 移动互联网运营经理 in rounds 32–36."""
    text = _jd_text(catalog, title)
    for word in ("人效", "流程改进", "流程优化", "经营会"):
        assert word not in text, (word, text)


@pytest.mark.parametrize("title", ["业务运营经理", "BizOps经理", "业务运营专员"])
def test_a_title_that_says_bizops_keeps_its_process_and_review_work(catalog, title):
    text = _jd_text(catalog, title)
    assert "流程" in text and ("经营会" in text or "人效" in text or "复盘" in text), text


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("社群内容运营经理", ("社群",)),  # round 37: 「社群」完全缺失
        ("产品运营与数据分析实习生", ("新功能", "走查", "需求")),  # round 37: only the data half
        ("用户运营和活动运营专员", ("拉新", "新客", "留存", "召回", "分层")),
    ],
)
def test_a_second_job_joined_to_the_title_gets_its_own_lines(catalog, title, words):
    lines = _duties(catalog, title)
    assert _count(lines, *words) >= 1, lines


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("天猫/平台运营助理", ("资源位", "合作方", "入驻")),  # a store's platform work, not a platform's
        ("电商数据运营", ("装修", "上架", "选品")),  # a data job analyses the store, it does not run it
        ("QQ渠道电商运营", ("渠道招募", "签约")),
    ],
)
def test_names_side_by_side_or_before_a_function_are_context_not_a_second_job(catalog, title, words):
    lines = _duties(catalog, title)
    assert not _count(lines, *words), lines


def test_a_tool_written_with_or_without_a_space_is_asked_for_once(catalog):
    """Round 39 (BAD): 「熟练使用公众号后台、135编辑器、新榜」 and then 「熟悉秀米或 135 编辑器排版」."""
    jd = compose(make_request(catalog, role="新媒体编辑/微信运营专员").request, catalog)
    section = jd.section("requirements")
    assert section is not None
    assert sum("135" in x for x in section.items) <= 1, section.items


@pytest.mark.parametrize("title", ["高德-广告运营专员-账户优化方向", "广告运营专员（账户优化方向）"])
def test_a_lean_after_a_dash_names_the_direction_as_brackets_do(catalog, title):
    """Round 38: 高德-广告运营专员-账户优化方向 was written as selling ad space, not optimising advertisers' accounts."""
    assert resolve_title(title, catalog).directions == ("paid_growth",)


def _all(catalog, title: str) -> str:
    jd = compose(make_request(catalog, role=title).request, catalog)
    return "\n".join(x for s in jd.sections for x in s.items)


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("用户运营（活动运营方向）", ("活动方案",)),  # round 40: two activity lines of six
        ("游戏运营（社群方向）", ("社群", "群规")),
        ("商业化渠道运营实习生（数据向）", ("分析", "周报", "报表")),
    ],
)
def test_a_lean_that_names_another_role_brings_that_roles_work(catalog, title, words):
    assert _count(_duties(catalog, title)[:4], *words) >= 1, _duties(catalog, title)


def test_a_function_joined_before_the_job_stays_in_the_title_and_the_duties(catalog):
    """Round 40: 数据分析+产品运营 printed as 产品运营 with no analysis duty."""
    request = make_request(catalog, role="数据分析+产品运营（棋牌+休闲手游）").request
    assert request.title.startswith("数据分析+产品运营"), request.title
    assert _count(_duties(catalog, "数据分析+产品运营（棋牌+休闲手游）"), "SQL", "分析") >= 2


@pytest.mark.parametrize(
    "title", ["创作者运营—活动方向", "UP主内容运营(数码/泛知识/泛娱乐）", "创作者运营专员"]
)
def test_creator_operations_writes_no_brand_deals_or_moderation_unless_the_title_says_so(catalog, title):
    """Round 40: 商单匹配 and 审核时效 were OFF in three creator JDs."""
    text = _all(catalog, title)
    assert "商单" not in text and "审核时效" not in text, text


def test_creator_commerce_is_its_own_direction(catalog):
    assert "商单" in _all(catalog, "创作者商业化运营")


def test_broadcast_software_is_not_said_to_make_documents(catalog):
    for level in ("专员", "主管"):
        text = _all(catalog, f"直播赛事运营{level}")
        assert not ("OBS" in text and "文档" in text.split("OBS")[1].split("\n")[0]), text


def test_a_graduate_year_asks_for_no_years_of_work(catalog):
    """Round 40: 创作工具内容运营【2021届】 was asked for 1–3 years of content work (创作工具 is refused since
    session 16: an unknown word glued before 内容运营)."""
    assert "应届" in _all(catalog, "内容运营【2021届】")


@pytest.mark.parametrize("title", ["口碑-商业数据分析专家（运营）-杭州、上海", "数据运营专家"])
def test_an_expert_is_not_asked_for_a_specialists_bar(catalog, title):
    """Round 40: a five-year expert was asked to have 「独立做过一个专题分析」 and to 「用 Excel 拆开指标」."""
    text = _all(catalog, title)
    assert "独立做过一个专题分析" not in text and "拆开自己负责的指标" not in text, text


@pytest.mark.parametrize(
    ("title", "words"),
    [("电商实习天猫客服运营助理应届", ("投诉", "工单", "话术")), ("售后运营（电商）", ("客诉", "投诉"))],
)
def test_a_role_block_the_title_names_leads_even_beside_a_direction(catalog, title, words):
    """Round 40: 天猫客服运营助理 was written as a promotion assistant with no line of customer service."""
    assert _count(_duties(catalog, title), *words) >= 2, _duties(catalog, title)


@pytest.mark.parametrize("title", ["数据运营助理", "运营助理（应届）"])
def test_a_graduate_hire_gets_an_assistants_duties(catalog, title):
    """Round 41: 数据运营助理 (应届) was given 「输出专题数据分析…给出可执行的建议」 and 「撰写实验方案」."""
    duties = _duties(catalog, title)
    assert not any(x.startswith(("输出专题数据分析", "撰写实验方案")) for x in duties), duties
    assert _count(duties, "协助", "整理", "记录", "参与", "跟进", "收集", "统计") >= 4, duties
