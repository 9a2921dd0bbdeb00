"""Know what you don't know: every title gets the JD for its own job, or an honest refusal (issue 22, 1–4).

A title is read into understood parts only (role, direction, level, qualifier, a domain from data/domains.yaml,
employer or product, board noise); a word not understood never becomes the topic. Out-of-scope kinds of job are
refused with the kind named; a head that is not understood is refused with the closest jobs.
"""

from __future__ import annotations

import csv
import itertools
import json

import pytest

from jdwriter.api import make_request
from jdwriter.cli import app
from jdwriter.compose.writer import compose
from jdwriter.errors import CatalogError, UserError
from jdwriter.render.render import render_text
from jdwriter.resolve.lexicon import Lexicon, lexicon, scope
from jdwriter.resolve.titles import resolve_title

OUT_OF_SCOPE = [
    ("资本运营经理", "资本运营"),
    ("资产运营总监", "资产运营"),
    ("计划运营高级经理", "计划与工程"),
    ("食品公司运营总经理", "企业经营"),
    ("生产运营副总监", "生产"),
    ("产品运营部数据分析师", "分析"),
    ("跨境市场分析员", "分析"),  # a direction, no role: the head is the job (panel round 19)
    ("商家营销&激励产品", "产品经理"),
    ("抖音Python", "另一类职位"),  # a programming language and no 运营: a developer
    ("刷脸支付.无感支付.招城市经理人.互联网运营", "加盟"),
    ("门店运营经理", "门店"),
    ("招商主管（商业）", "商业地产"),
    # engineering titles of a product team, with no 工程师 or 开发 in them
    ("服务端方向负责人-抖音", "研发"),
    ("客户端Leader-抖音搜索", "研发"),
    ("数据科学家-电商商家与运营", "研发"),
    ("数据仓库Leader-抖音电商", "研发"),
    ("直播客户端", "研发"),
    ("天猫-Node.js开发专家-运营&商家平台", "研发"),
    ("首席运营官COO", "企业经营"),
    ("Forward Deployed Engineer-火山引擎", "研发"),
    ("iOS-抖音", "研发"),  # the board code the printed title drops is the job
    ("PHP高级工程师+网站运营", "研发"),
    ("展会招商专员", "会展"),
    ("科技招商", "招商引资"),
    ("抖音业务安全负责人-安全与风控", "网络安全"),
    ("质量管理专家", "另一类职位"),
    ("酒店运营", "酒店"),
    ("养殖基地运营", "生产"),
    ("基金运营专员", "基金"),
    ("保理运营经理", "保理"),
    ("运维工程师", "运维"),
    ("东站运营", "交通"),
    ("员工福利运营", "人力资源"),
    ("王者荣耀高级政府关系运营", "政府关系"),  # round 38: written as game version ops
    (
        "网络运营与支撑类",
        "运维",
    ),  # a carrier's network operations and support (round 39: written as data ops)
    ("电商技术总监", "另一类职位"),
    ("医院运营", "医疗机构"),
    ("众创空间运营经理", "资产运营"),  # round 35: an incubator is a property's business, not a venue
    ("骑手运营", "物流"),
    ("电商设计助理", "另一类职位"),
    ("医药招商经理", "加盟招商"),
    # panel round 23: a province-level agent is franchise sales; a BI post is an analyst's; freight is logistics
    ("四川省抖音省级代理", "加盟招商"),
    ("饿了么-城市运营BI", "分析"),
    ("网络货运营销经理", "货运"),
    ("淘宝打包员/理货员（电商运营方向）", "物流"),  # the brackets do not make a packer an operator
    ("高德-数据挖掘专家-产品运营中心", "分析"),
    ("运营指导", "门店"),  # coaching stores and franchisees on site (round 25)
    ("户外产品线开发/运营", "商品开发"),  # developing goods (选品, 打样), not operations (round 26)
    ("阿里零售通事业部-营销&运营中心-智能设备产品专家", "另一类职位"),
    ("算力服务运营岗（人工智能应用方向）", "机房运维"),  # renting out compute is cloud operations (round 28)
    ("乡村运营师(团队)", "乡村经营"),  # round 29: a village's economy, written as internet data operations
    ("乡村运营职业经理人(乡村CEO)", "乡村经营"),  # had been called traditional-industry management
    ("文旅项目运营岗", "场馆"),  # a tourism site run on the ground (round 29)
]


@pytest.mark.parametrize(("title", "kind"), OUT_OF_SCOPE)
def test_out_of_scope_titles_are_refused_naming_the_kind_of_job(runner, title, kind):
    result = runner.invoke(app, ["new", "--role", title, "--no-input"])
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert kind in result.stderr and title in result.stderr and "Traceback" not in result.output


def _have(catalog, ids):
    missing = [i for i in ids if i not in catalog.role_by_id and i not in catalog.direction_by_id]
    if missing:
        pytest.skip(f"catalogue entries not there yet: {missing}")


OWN_JOB = [
    # title, role, direction, levels allowed, topic, topic kind
    ("网站运营", "website_ops", None, {"specialist"}, None, None),
    # a scope role word before a store's platform is store work, not the platform's own (panel round 19)
    ("阿里巴巴国际站平台运营", "ecommerce_ops", "b2b_export", {"specialist"}, None, None),
    ("跨境电商平台运营", "ecommerce_ops", "cross_border", {"specialist"}, None, None),
    ("直播平台运营", "platform_ops", "live_streaming", {"specialist"}, None, None),
    ("私域营销助理", "community_ops", "private_traffic", {"specialist"}, None, None),
    # 会员运营 on its own is a loyalty programme (积分、等级、复购); paid membership says so (panel round 20)
    ("会员运营专员", "user_ops", None, {"specialist"}, None, None),
    ("付费会员运营", "user_ops", "membership_paid", {"specialist"}, None, None),
    # a seller's ads on a marketplace are store promotion, not app ad monetisation or feed buying (round 20)
    ("亚马逊广告运营", "ecommerce_ops", "amazon", {"specialist"}, None, None),
    ("亚马逊站内广告投放", "ecommerce_ops", "amazon", {"specialist"}, None, None),
    # a store's data on a marketplace is e-commerce data, not app tracking and experiments (round 21)
    ("亚马逊数据分析", "data_ops", "ecommerce_data", {"specialist"}, None, None),
    ("电商投手", "marketing_ops", "paid_growth", {"specialist"}, None, None),  # a media buyer (round 21)
    ("资深投放素材策划", "marketing_ops", "paid_growth", {"senior"}, None, None),
    # round 22: a leading bracket reads as a front word; 商品卡 is 抖店's; a store's 客服及运营 is the store's
    ("（电商）推广专员", "ecommerce_ops", "ecommerce_ads", {"specialist"}, None, None),
    ("商品卡运营（抖音）", "ecommerce_ops", "douyin_ecommerce", {"specialist"}, None, None),
    ("淘宝客服及运营", "ecommerce_ops", "taobao", {"specialist"}, None, None),
    ("抖音店铺运营助理", "ecommerce_ops", "douyin_ecommerce", {"specialist"}, None, None),
    ("区域存储产品运营经理", "product_ops", "cloud_product", {"manager"}, None, None),
    ("网站运营专员", "website_ops", None, {"specialist"}, None, None),
    ("网站运营经理", "website_ops", None, {"manager"}, None, None),
    ("商城运营", "ecommerce_ops", "own_mall", {"specialist"}, None, None),
    ("商城运营经理", "ecommerce_ops", "own_mall", {"manager"}, None, None),
    ("互联网运营总监", "business_ops", None, {"director"}, None, None),
    ("媒介运营总监", "media_ops", None, {"director"}, None, None),
    ("SaaS客户成功运营", "customer_success", None, {"specialist"}, "SaaS", "industry"),
    ("KA客户运营", "customer_success", "key_accounts", {"specialist"}, None, None),
    ("B端客户运营", "customer_success", None, {"specialist"}, None, None),
    ("微信支付餐饮行业运营经理", "industry_ops", None, {"manager"}, "餐饮", "industry"),
    ("招商运营总", "merchant_recruiting", None, {"director"}, None, None),
    ("数据运营专家", "data_ops", None, {"senior", "manager"}, None, None),
    ("用户运营负责人", "user_ops", None, {"manager", "director"}, None, None),
    ("医美机构运营", "business_ops", None, {"specialist"}, "医美", "industry"),
    # on the boards, 阿里巴巴运营 runs a supplier's store on Alibaba's B2B sites (panel r16: WRONG JOB as generic)
    ("阿里巴巴运营", "ecommerce_ops", "b2b_export", {"specialist"}, None, None),
    ("生态运营", "ecosystem_ops", None, {"specialist"}, None, None),
    ("开发者运营", "ecosystem_ops", None, {"specialist"}, None, None),
    ("服务运营", "service_ops", None, {"specialist"}, None, None),
    ("开发者社区运营", "ecosystem_ops", None, {"specialist"}, None, None),
    ("版本运营实习生-原神", "activity_ops", "game_ops", {"intern"}, None, None),
    ("王者荣耀用户运营经理", "user_ops", "game_ops", {"manager"}, None, None),
    ("互联网医院运营", "business_ops", None, {"specialist"}, "互联网医院", "industry"),
    ("游戏运营-数据分析", "data_ops", "game_ops", {"specialist"}, None, None),
    ("天猫运营（数据方向）", "ecommerce_ops", "taobao", {"specialist"}, None, None),
    ("账号矩阵运营兼数据整理实习生", "new_media_ops", None, {"intern"}, None, None),
    ("用户运营兼活动策划", "user_ops", None, {"specialist"}, None, None),
    ("高级数据运营专员", "data_ops", None, {"senior"}, None, None),
    ("资深运营专员", "business_ops", None, {"senior"}, None, None),
    ("京东运营专员/电子商务运营专员", "ecommerce_ops", "jd_mall", {"specialist"}, None, None),
    ("经营分析实习生", "data_ops", None, {"intern"}, None, None),
    ("电商广告优化师", "marketing_ops", "paid_growth", {"specialist"}, None, None),
    # a store's in-platform promotion, not an app's marketing; B2B export on 阿里国际站, not B2C cross-border
    ("电商推广专员", "ecommerce_ops", "ecommerce_ads", {"specialist"}, None, None),
    ("电商营销专员", "ecommerce_ops", "ecommerce_ads", {"specialist"}, None, None),
    ("天猫推广专员", "ecommerce_ops", "ecommerce_ads", {"specialist"}, None, None),
    ("京东活动运营", "ecommerce_ops", "activity_promo", {"specialist"}, None, None),
    ("阿里国际站运营", "ecommerce_ops", "b2b_export", {"specialist"}, None, None),
    ("阿里巴巴国际站运营主管", "ecommerce_ops", "b2b_export", {"senior"}, None, None),
    # a long-video platform's series and a micro-drama app are jobs of their own, not a UGC vertical's creators
    ("电视剧运营专员", "content_ops", "long_video", {"specialist"}, None, None),
    ("综艺运营", "content_ops", "long_video", {"specialist"}, None, None),
    ("短剧运营主管", "content_ops", "mini_drama", {"senior"}, None, None),
    ("招商部总监", "merchant_recruiting", None, {"director"}, None, None),
    ("B2C运营总监", "ecommerce_ops", None, {"director"}, None, None),
    ("AI高级产品运营经理", "product_ops", "ai_product", {"manager"}, None, None),
    # influencer placement is media work, not in-feed ad buying; a store's 运营推广 is its in-platform promotion
    ("KOL投放实习生", "media_ops", "kol_placement", {"intern"}, None, None),
    ("达人投放专员", "media_ops", "kol_placement", {"specialist"}, None, None),
    ("淘宝店铺运营推广", "ecommerce_ops", "ecommerce_ads", {"specialist"}, None, None),
    # a game's name turns a direction into the game's own kind of it
    ("王者荣耀社区运营", "community_ops", "game_community", {"specialist"}, None, None),
    ("原神内容运营", "content_ops", "game_content", {"specialist"}, None, None),
    # a game's 商业化 is in-game payment, not ad monetisation (panel r17: 梦幻西游 商业化 written with eCPM)
    ("游戏商业化运营", "activity_ops", "game_ops", {"specialist"}, None, None),
    # panel round 23: a live-streaming project is the live room's work, not a PMO's; a game account on a
    # content platform is that platform's account; 视频推广 is short video; VIP is not IP licensing
    ("直播项目高级运营", "new_media_ops", "live_streaming", {"senior"}, None, None),
    ("小红书游戏账号运营", "new_media_ops", "xiaohongshu", {"specialist"}, None, None),
    ("中级视频推广运营", "marketing_ops", "short_video", {"specialist"}, None, None),
    ("海外产品推广运营实习生", "marketing_ops", "overseas", {"intern"}, None, None),  # 推广 is marketing
    # the e-commerce live room's control desk and the BD for selling creators are jobs of their own
    ("直播中控", "ecommerce_ops", "live_control", {"specialist"}, None, None),
    ("中控专员", "ecommerce_ops", "live_control", {"specialist"}, None, None),
    ("达人商务", "partnership_ops", "talent_bd", {"specialist"}, None, None),
    ("抖音达播商务（家纺）", "partnership_ops", "talent_bd", {"specialist"}, "家纺", "category"),
    ("小红书电商运营", "ecommerce_ops", "xiaohongshu_ecommerce", {"specialist"}, None, None),
    ("线索运营", "marketing_ops", "leads_ops", {"specialist"}, None, None),
    # panel round 24: 招商 alone recruits merchants; 社会化媒体 is social media; 小红书媒介 places creators
    ("招商", "merchant_recruiting", None, {"specialist"}, None, None),
    # the back office of a platform, and a game's high-paying players, are jobs of their own (round 23)
    ("互联网后台运营", "platform_ops", "backoffice", {"specialist"}, None, None),
    ("游戏客户运营专员", "user_ops", "game_vip", {"specialist"}, None, None),
    ("手游VIP运营", "user_ops", "game_vip", {"specialist"}, None, None),
    # a chatbot's knowledge base and intents are trained by 智能客服运营, not run as human service (round 24)
    ("IOT事业部-智能客服运营专员（外包）", "service_ops", "smart_service", {"specialist"}, None, None),
    ("AI客服运营专员", "service_ops", "smart_service", {"specialist"}, None, None),
    # risk operations on a marketplace stop fraud and coupon abuse; in a live room or for minors it is content
    ("电商风控专员", "platform_ops", "biz_risk", {"specialist"}, None, None),
    ("交易风控运营", "platform_ops", "biz_risk", {"specialist"}, None, None),
    ("直播风控", "platform_ops", "risk_safety", {"specialist"}, None, None),
    # organic accounts on Facebook, Instagram, YouTube: overseas social media, not 海外运营's growth (round 24)
    ("海外新媒体运营", "new_media_ops", "overseas_social", {"specialist"}, None, None),
    ("YouTube运营", "new_media_ops", "youtube", {"specialist"}, None, None),
    # round 26: 新媒体策划 plans new media, not events; a seller on 唯品会 runs a store; a store job in English
    # sells abroad
    ("新媒体策划经理", "new_media_ops", None, {"manager"}, None, None),
    ("唯品会运营", "ecommerce_ops", None, {"specialist"}, None, None),
    ("英文电商专员", "ecommerce_ops", "cross_border", {"specialist"}, None, None),
    # round 27: a website's content is the website's; a KOL's operations are placement
    ("官网内容运营", "website_ops", None, {"specialist"}, None, None),
    # a wholesale store on 1688, and a first-party vendor to Amazon, are jobs of their own
    ("1688运营", "ecommerce_ops", "alibaba_1688", {"specialist"}, None, None),
    ("诚信通运营", "ecommerce_ops", "alibaba_1688", {"specialist"}, None, None),
    ("亚马逊VC运营专员", "ecommerce_ops", "amazon_vc", {"specialist"}, None, None),
    ("AI产品KOL运营", "media_ops", "kol_placement", {"specialist"}, "AI", "industry"),
    ("电商运营（日语）", "ecommerce_ops", "cross_border", {"specialist"}, None, None),
    ("高级/资深风控运营（未成年方向）", "platform_ops", "risk_safety", {"senior"}, None, None),
    ("社会化媒体运营专员", "new_media_ops", None, {"specialist"}, None, None),
    ("小红书媒介投放", "media_ops", "kol_placement", {"specialist"}, None, None),
    # a game's operations abroad are the game's live ops, overseas; a role the title writes stays
    ("游戏海外运营", "activity_ops", "game_ops", {"specialist"}, None, None),
    ("游戏海外用户运营", "user_ops", "game_ops", {"specialist"}, None, None),
    ("独立站运营/可优秀小白-无经验", "ecommerce_ops", "dtc_site", {"specialist"}, None, None),
]


@pytest.mark.parametrize(("title", "role", "direction", "levels", "topic", "kind"), OWN_JOB)
def test_real_operations_titles_are_written_for_their_own_job(
    catalog, title, role, direction, levels, topic, kind
):
    """The right role, direction and level; never the content-vertical template; no junk topic."""
    _have(catalog, [role, *([direction] if direction else [])])
    resolved = make_request(catalog, role=title)
    request = resolved.request
    assert request.role == role and request.level in levels, request
    assert direction is None or direction in request.directions
    assert "vertical" not in request.directions
    assert (request.topic, request.topic_kind) == (topic, kind)
    jd = compose(request, catalog)
    assert render_text(jd, "md").startswith(f"# {title}\n")


def test_an_industry_operations_job_speaks_of_merchants(catalog):
    _have(catalog, ["industry_ops"])
    jd = render_text(compose(make_request(catalog, role="微信支付餐饮行业运营经理").request, catalog), "md")
    assert "商户" in jd or "商家" in jd


@pytest.mark.parametrize(
    "title", ["资本运营经理", "计划运营经理", "酒业运营副总", "销售运营助理", "阿里巴巴运营"]
)
def test_unknown_x_operations_never_falls_back_to_the_content_vertical(catalog, title):
    """The old fallback made 资本 a content vertical 「把资本做成站内有分量的垂类」: refuse, or write without it."""
    try:
        request = make_request(catalog, role=title).request
    except UserError:
        return
    assert "vertical" not in request.directions and request.role != "content_ops"
    text = render_text(compose(request, catalog), "md").split("\n", 1)[1]
    assert "垂类" not in text


def test_a_head_not_understood_is_refused_with_the_closest_jobs(runner):
    result = runner.invoke(app, ["new", "--role", "火星旅行运营", "--no-input"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "「火星旅行」" in result.stderr and "--role" in result.stderr and "--title" in result.stderr
    assert "最接近" in result.stderr


def test_a_modifier_not_understood_is_left_out_and_said_on_stderr(runner):
    result = runner.invoke(app, ["new", "--role", "火星旅行用户运营", "--no-input"])
    assert result.exit_code == 0, result.output
    head, body = result.stdout.split("\n", 1)
    assert head == "# 火星旅行用户运营" and "火星" not in body and "旅行" not in body
    assert "「火星旅行」" in result.stderr and "没有识别" in result.stderr


def test_the_batch_manifest_names_the_words_left_out(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("职位名称,职级\n火星旅行用户运营,\n运营总监,实习生\n", encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "md"])
    rows = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["rows"]
    assert "火星旅行" in json.dumps(rows[0], ensure_ascii=False)
    second = json.dumps(rows[1], ensure_ascii=False)
    assert rows[1]["status"] == "failed" and "总监" in second and "实习生" in second


NOISY = [
    ("数据运营支持+双休+数据分析+8-13k", "数据运营支持"),
    ("运营专员（公司已经创立10年，跨过完整的生命周期）", "运营专员"),  # the company's pitch (round 20)
    ("轻松 新媒体运营", "新媒体运营"),
    ("电商运营助理 包住宿", "电商运营助理"),  # not 电商运营助理 宿 (round 22)
    ("年15-25W+聘新媒体运营经理", "新媒体运营经理"),  # round 23: the 聘 and the rate salary leaves
    ("1.1万+5%提成聘直播运营", "直播运营"),
    # panel round 24: a pay package's 13-15薪, a bracket left with a separator, a board's doubled keyword
    ("亚马逊运营助理（双休｜总包13-15薪）-五险一金", "亚马逊运营助理"),
    ("跨境电商运营（周末双休-宝安区）", "跨境电商运营"),
    ("游戏运营游戏运营专员（可培养）-五险一金", "游戏运营专员（可培养）"),
    # round 26: what the ad prefers of a candidate
    ("TEMU全托管运营 只招有经验 熟悉AI作图优先", "TEMU全托管运营"),
    ("渠道运营专员/主管（有电商经历优先）", "渠道运营专员/主管"),
    ("深圳游戏运营与策划与项目管理-双休", "游戏运营与策划与项目管理"),  # round 27: the city glued in front
    ("跨境电商运营（地铁3号线 5险1金）", "跨境电商运营（地铁3号线）"),
    ("【全职居家办公-月休6天-商务/招商团队长】", "【全职居家办公-商务/招商团队长】"),  # round 28
    ("抖音后台审核【稳4.5K+/五险一金】", "抖音后台审核"),  # round 29: 【稳 +】 was left
    ("电商运营稳定8K", "电商运营"),
    ("新媒体运营（六险1金）", "新媒体运营"),  # 1金 was left
    ("运营管培生（20-22届）", "运营管培生（20-22届）"),  # a range of years is one qualifier, not 20 and 22届
    ("运营专员（做六休一）", "运营专员"),
    ("新媒体运营【月入】", "新媒体运营"),
    ("内容运营 shangyuan000680", "内容运营"),
    ("新媒体运营 13K+入职五险一金", "新媒体运营"),
    ("电商运营（六险一金/包住）", "电商运营"),
    ("直播运营 6000-8000元/月", "直播运营"),
    ("抖音运营（15薪）", "抖音运营"),
    ("招聘用户运营（偏数据统计）", "用户运营（偏数据统计）"),
    ("急招 社群运营-双休-五险一金", "社群运营"),
    ("运营数据分析专家-北京(J190619004)", "运营数据分析专家"),
    ("资深用户运营（电商）", "资深用户运营（电商）"),
    ("淘宝运营（可兼职）", "淘宝运营（可兼职）"),
    ("大数据运营专员（五险+应届生优先）", "大数据运营专员（应届生优先）"),
    ("运营数据分析助理（高薪+高福利）", "运营数据分析助理"),
    ("抖音运营助理经理-Swisse7570", "抖音运营助理经理"),
    ("电商运营专员(职位编号：8820171227b)", "电商运营专员"),
    ("自媒体运营主管（地铁直达）", "自媒体运营主管"),
    ("WXG02-211 微信小游戏平台运营经理(深圳)", "微信小游戏平台运营经理"),
    ("网约车平台公司（3）-数据运营实习生", "网约车平台公司-数据运营实习生"),
    # what removing noise leaves (、、, a lone 起, a ❤) goes too
    ("运营管理/数据分析❤8K起", "运营管理/数据分析"),
    ("招商专员（净水设备、高薪高福利、免费班车接送）", "招商专员（净水设备）"),
    ("电商运营 无责底薪4000+提成", "电商运营"),
    # a board's department code or ordinal after the job
    ("内容运营实习生 - 传媒事业群014", "内容运营实习生"),
    ("高级社区运营（蛋仔派对） - 运营中心204", "高级社区运营（蛋仔派对）"),
    ("私域运营（第五）-正职", "私域运营"),
]


@pytest.mark.parametrize(("raw", "printed"), NOISY)
def test_board_noise_leaves_the_printed_title_and_the_text(catalog, raw, printed):
    request = make_request(catalog, role=raw).request
    # no noise becomes the topic (小游戏 in 微信小游戏平台运营经理 is a game genre of the lexicon)
    assert request.title == printed and (request.topic is None or request.topic_kind == "genre")
    text = render_text(compose(request, catalog), "md")
    for noise in ("险一金", "双休", "包住", "13k", "8-13k", "6000", "15薪"):
        assert noise not in text.casefold()
    assert "招聘" not in text.splitlines()[0]  # a lead's 「团队的招聘与配置」 is the job, not board noise


def test_a_recruiting_operations_job_keeps_its_name(catalog):
    """招聘运营 is a job (and an HR one): the leading 招聘 is not board noise there."""
    with pytest.raises(UserError, match="人力资源"):
        make_request(catalog, role="招聘运营专员")


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("招商运营总", "director"),
        ("用户运营副总", "director"),  # 酒业运营副总 is a liquor company's, refused (test_r3_reading)
        ("招商运营部长", "manager"),
        ("数据运营专家", "senior"),
        ("运营负责人", "director"),
        ("运营总监助理", "specialist"),  # an assistant to a director
        ("运营VP", "director"),
        ("客户成功经理", "senior"),  # a CSM holds accounts; it is not the function's head (round 24)
        ("运营经理（总监）", "director"),  # brackets holding only a level say the level (round 28)
        ("跨境电商运营助理（实习生）", "intern"),
        ("新媒体运营团队长", "senior"),  # round 28: 商务/招商团队长 was read as a specialist
        ("商务/招商团队长", "senior"),
    ],
)
def test_level_words_the_market_uses(catalog, title, level):
    assert resolve_title(title, catalog).level == level


def test_a_title_level_and_an_explicit_level_that_disagree_raise(catalog):
    with pytest.raises(UserError) as info:
        make_request(catalog, role="运营总监", level="实习生")
    assert "总监" in info.value.message and "实习生" in info.value.message
    with pytest.raises(UserError):
        make_request(catalog, role="用户运营", title="用户运营负责人", level="专员")
    assert make_request(catalog, role="运营总监", level="总监").request.level == "director"
    assert make_request(catalog, role="用户运营", level="实习生").request.level == "intern"


def test_every_topic_is_a_domain_of_the_lexicon(catalog):
    """On every corpus title, a topic is a lexicon word with its class, or there is none."""
    from .titles_corpus import rows

    words = {word: kind for kind, word, _ in lexicon().domain_words()}
    for row in rows():
        try:
            request = make_request(catalog, role=row.title).request
        except UserError:
            continue
        if request.topic is not None:
            assert words.get(request.topic.casefold()) == request.topic_kind, (row.title, request.topic)


def test_the_lexicon_keeps_domains_apart_from_other_words(catalog):
    from jdwriter.catalog.vocabulary import vocabulary

    lex = lexicon()
    domains = {word for _, word, _ in lex.domain_words()}
    others = {*lex.employers, *lex.products, *lex.places, *lex.plain, *lex.noise.benefits, *lex.noise.urgent}
    others |= set(vocabulary().title.cities)
    assert domains & others == set()
    assert {k.id for k in scope().kinds} >= {
        "capital",
        "assets",
        "planning",
        "production",
        "store",
        "finance",
    }


def test_no_domain_is_shadowed_by_a_role_or_direction_word(catalog):
    """A domain word that is also a role or direction word would never be read as a domain."""
    from jdwriter.text import normalise

    named = {
        normalise(w)
        for entry in (*catalog.roles, *catalog.directions)
        for w in (entry.name, *entry.aliases, *entry.keywords)
    }
    assert {word for _, word, _ in lexicon().domain_words()} & named == set()


def test_a_word_in_two_classes_is_a_catalogue_error(tmp_path, monkeypatch):
    from jdwriter.resolve import lexicon as module

    bad = tmp_path / "domains.yaml"
    bad.write_text("version: 1\ndomains:\n  category: [美妆]\n  vertical: [美妆]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="不止一类"):
        module._load(bad, Lexicon, "职位词典")


def test_an_exact_role_name_loads_no_lexicon_and_a_direction_title_no_jieba():
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from jdwriter.api import get_catalog, make_request\n"
        "from jdwriter.resolve import lexicon\n"
        "make_request(get_catalog(), role='用户运营', level='经理')\n"
        "print(lexicon.lexicon.cache_info().currsize, 'jieba' in sys.modules)\n"
        "make_request(get_catalog(), role='资深直播用户运营（美妆）')\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"], (
        out.stdout + out.stderr
    )  # a direction title: no jieba


def test_labelled_tune_titles_from_new_boards(catalog):
    """Titles from job boards this project had not used (tests/corpus/titles_boards.tsv, tune split, labelled by
    reading them): refused when the label says so, otherwise the labelled role, level and no junk topic."""
    from pathlib import Path

    path = Path(__file__).parent / "corpus" / "titles_boards.tsv"
    with path.open(encoding="utf-8") as handle:
        labelled = list(csv.DictReader(handle, delimiter="\t"))
    wrong = []
    for row in labelled:
        try:
            request = make_request(catalog, role=row["title"]).request
        except UserError:
            if row["role"] != "REFUSE":
                wrong.append((row["title"], "refused"))
            continue
        got = (request.role, request.level, request.topic or "")
        want = (row["role"], row["level"], row["topic"])
        if got != want:
            wrong.append((row["title"], got, want))
    assert wrong == []


NOISE = [
    ("", " 8-13K"),
    ("", "+双休+五险一金"),
    ("【急招】", "（13K+入职六险一金）"),
    ("招聘", " 6000-8000元/月 包住"),
    ("", "-上海-15薪"),
]


def test_board_noise_changes_nothing_but_the_printed_title(catalog):
    """Every corpus title with board noise around it reads as the title itself, and prints without the noise."""
    from .titles_corpus import rows

    changed = []
    for row in rows():
        try:
            plain = make_request(catalog, role=row.title).request
        except UserError:
            continue
        if plain.title and ("+" in plain.title or plain.title.startswith("招聘")):
            continue
        for before, after in NOISE:
            if before == "招聘" and row.title.startswith("运营"):
                continue  # 招聘运营专员 is a recruiting job: the board's 招聘 cannot be told apart there
            try:
                noisy = make_request(catalog, role=f"{before}{row.title}{after}").request
            except UserError as exc:
                changed.append((row.title, before, after, exc.message))
                continue
            if (noisy.role, noisy.level, noisy.directions, noisy.topic, noisy.title) != (
                plain.role,
                plain.level,
                plain.directions,
                plain.topic,
                plain.title,
            ):
                changed.append((row.title, before, after, noisy.title))
    assert changed == []


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("游戏运营数据分析助理", "data_ops"),  # head-final: data work in a game
        ("游戏运营-数据分析方向", "data_ops"),  # a qualifier saying what the work leans to
        ("数据分析专员（海外运营）", "data_ops"),  # the job is before the brackets
        ("海外市场运营专员", "marketing_ops"),  # a role written inside a direction's name
        ("海外社媒运营（英语）", "new_media_ops"),  # a role keyword right after a direction
        ("拼多多运营主管（农产品方向）", "ecommerce_ops"),  # 农产品 is a subject, not 产品运营
        ("抖音运营经理（家居品牌）", "new_media_ops"),  # a subject in brackets names no role
        ("零售运营部数据分析岗", "data_ops"),  # 运营部 is a department, not the head
    ],
)
def test_the_head_of_the_title_decides_the_role(catalog, title, role):
    assert make_request(catalog, role=title).request.role == role


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("运营产品经理", "产品经理"),
        ("腾讯营销-AI智能运营产品经理", "产品经理"),
        ("财务经理（运营数据分析方向）", "财务"),
        ("数据中心项目交付专员", "IT"),
    ],
)
def test_another_job_behind_the_word_operations_is_refused(catalog, title, kind):
    with pytest.raises(UserError, match=kind):
        make_request(catalog, role=title)


def test_the_list_of_roles_says_what_jdwriter_writes_and_refuses(runner):
    result = runner.invoke(app, ["list", "roles"])
    text = "".join(result.stdout.split())
    assert result.exit_code == 0 and "客户/商家" in text and "不写" in text
    assert all("".join(kind.short.split()) in text for kind in scope().kinds)


def test_board_noise_leaves_titles_from_sheets_and_title_flags(runner, tmp_path, catalog):
    """A sheet's title column names the job and is printed clean; a --title beside --role is printed as typed
    (its city stays) but salary, benefits and 急招 still go."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "职位名称\n数据运营支持+双休+数据分析+8-13k\n招聘用户运营（六险一金）\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    titles = sorted(json.loads(p.read_text(encoding="utf-8"))["title"] for p in out.glob("0*.json"))
    assert titles == ["数据运营支持", "用户运营"]
    request = make_request(catalog, role="用户运营", title="【急招】用户运营专员（北京）8-13K 双休").request
    assert request.title == "用户运营专员（北京）"


def test_a_direction_that_only_says_the_domain_brings_no_tools(catalog):
    """海外 in a project job is where, not what: no 海外运营 social-media tools in its requirements."""
    jd = compose(make_request(catalog, role="海外项目运营助理").request, catalog)
    text = " ".join(jd.section("requirements").items)
    assert "Meta Business Suite" not in text and "Crowdin" not in text


@pytest.mark.parametrize("title", ["新媒体运营专员", "招商运营专员", "内容编辑"])
def test_metric_alerting_and_moderation_stay_with_their_functions(catalog, title):
    try:
        request = make_request(catalog, role=title).request
    except UserError:
        pytest.skip(f"{title} is not written")
    text = render_text(compose(request, catalog), "md")
    assert "核心指标波动超过" not in text
    if request.role != "content_ops":
        assert "违规账号" not in text


def test_an_expert_is_asked_for_more_years_than_a_supervisor(catalog):
    """专家 reads as the 主管 level, but the panel found 「3–5 年」 too little for one: the level's expert line."""
    expert = compose(make_request(catalog, role="数据运营专家").request, catalog)
    lead = compose(make_request(catalog, role="数据运营主管").request, catalog)
    assert expert.level.id == lead.level.id == "senior"
    assert "5 年以上" in expert.section("requirements").items[0]
    assert "3–5 年" in lead.section("requirements").items[0]


def test_metric_alerts_and_moderation_appear_only_in_the_roles_that_declare_them(catalog):
    """The panel found 「核心指标波动超过 10%…当天查明原因」 in editor, 招商 and 投放 JDs and 「处理举报、申诉和
    违规账号」 in a new-media editor's: each goes only to the roles whose practices name it."""
    from jdwriter.models import Request

    said: dict[str, set[str]] = {"metric_alerting": set(), "moderation": set()}
    for role in catalog.roles:
        for seed, title in itertools.product(
            range(6), (None, f"平台{role.name}")
        ):  # 平台内容运营: creators, reports
            jd = compose(Request(role=role.id, level="specialist", seed=seed, title=title), catalog)
            text = " ".join(jd.section("duties").items)
            for practice, word in (("metric_alerting", "核心指标波动超过"), ("moderation", "违规账号")):
                if word in text:
                    said[practice].add(role.id)
    for practice, roles in said.items():
        assert roles, practice  # some role does write it
        assert all(practice in catalog.role_by_id[r].practices for r in roles), (practice, roles)


@pytest.mark.parametrize(("title", "absent"), [("游戏VIP运营", "ip_licensing"), ("VIP运营", "ip_licensing")])
def test_a_latin_word_does_not_match_inside_a_longer_latin_word(catalog, title, absent):
    """VIP运营 is not IP运营: a catalogue word's Latin edge may not run on into more Latin letters."""
    assert absent not in make_request(catalog, role=title).request.directions


def test_a_space_between_a_latin_word_and_chinese_does_not_hide_a_direction(catalog):
    resolved = make_request(catalog, role="AI 产品运营（智能机器人方向）")
    assert resolved.request.directions[:1] == ("ai_product",)


@pytest.mark.parametrize("title", ["17759-腾讯视频PC客户端游戏中心运营", "QQ客户端会员运营"])
def test_a_client_app_before_the_job_is_the_product_not_an_engineering_title(catalog, title):
    """客户端 names where the business runs when an operations job follows it (round 37: refused as 研发)."""
    make_request(catalog, role=title)  # raises UserError if refused


def test_a_store_title_with_operations_before_goods_is_no_telecom_carrier(catalog):
    """商品专员（天猫运营商品向）: 运营商品 is 运营 + 商品, not 运营商 (round 39: refused as a carrier's job)."""
    assert make_request(catalog, role="商品专员（天猫运营商品向）").request.role == "ecommerce_ops"
