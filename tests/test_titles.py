"""Market titles: each JD is written for the job the title names (issue: directions, qualifiers, topics)."""

from __future__ import annotations

import json

import pytest

from jdwriter.api import make_request
from jdwriter.cli import app
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.render.render import render_text
from jdwriter.resolve.titles import clean_title, resolve_title

from .titles_corpus import measure, report

DONE_WHEN = (
    "抖音运营 小红书运营 亚马逊运营 外卖运营 团购运营 SEO运营 视频号运营 拼多多运营 跨境电商运营 私域运营 游戏运营 "
    "直播带货运营 知识付费运营 社区团购运营 AI产品运营 主播运营 海外运营 淘宝运营 快手运营 公众号运营 独立站运营 "
    "TikTok运营 B站运营 微博运营"
).split()


@pytest.mark.parametrize("split", ["train", "holdout"])
def test_corpus_titles_keep_their_title_direction_and_qualifiers(split):
    score = measure(split)
    summary = report(score) + "\n" + "\n".join(score.misses[:20])
    assert score.ratio(score.kept_title, score.total) >= 0.95, summary
    assert score.ratio(score.direction_named, score.with_direction) >= 0.90, summary
    assert score.ratio(score.qualifier_kept, score.with_qualifier) >= 0.90, summary
    assert score.ratio(score.generic, score.total) <= 0.05, summary
    assert score.refused_ok == score.refusals, summary


@pytest.mark.parametrize("title", DONE_WHEN)
def test_market_titles_print_their_own_title_and_name_the_job(runner, title):
    result = runner.invoke(app, ["new", "--role", title, "--no-input"])
    assert result.exit_code == 0, result.output
    head, body = result.stdout.split("\n", 1)
    assert head == f"# {title}"
    word = title.removesuffix("运营")
    assert word.casefold() in body.casefold(), body
    assert "通用" not in result.stderr and "按「" not in result.stderr


@pytest.mark.parametrize(
    ("args", "title", "role"),
    [
        (["--role", "用户运营", "--level", "主管"], "用户运营主管", "user_ops"),
        (["--role", "资深用户运营"], "资深用户运营", "user_ops"),
        (["--role", "高级用户运营经理"], "高级用户运营经理", "user_ops"),
        (["--title", "社群运营（兼职）"], "社群运营（兼职）", "community_ops"),
        (["--role", "用户运营", "--title", "会员增长负责人（北京）"], "会员增长负责人（北京）", "user_ops"),
        (["--role", "SNG04-QQ浏览器内容运营（深圳）"], "QQ浏览器内容运营", "content_ops"),
    ],
)
def test_titles_print_as_typed(runner, args, title, role):
    result = runner.invoke(app, ["new", *args, "--no-input", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == title and data["role"]["id"] == role


@pytest.mark.parametrize(
    ("title", "role", "directions", "topic"),
    [
        ("直播用户运营", "user_ops", {"live_streaming"}, None),
        ("游戏活动运营", "activity_ops", {"game_ops"}, None),
        ("游戏主播运营", "content_ops", {"streamer_guild", "game_ops"}, None),
        ("健身垂类运营", "content_ops", {"vertical"}, "健身"),
        ("内容运营（电影）", "content_ops", set(), "电影"),
        ("IP运营（动画）", "partnership_ops", {"ip_licensing"}, "动画"),
        ("短视频运营（微信视频号）", "new_media_ops", {"short_video", "wechat_channels"}, None),
    ],
)
def test_role_direction_and_topic_are_all_kept(catalog, title, role, directions, topic):
    match = resolve_title(title, catalog)
    assert (match.role, set(match.directions), match.topic) == (role, directions, topic)
    request = make_request(catalog, role=title).request
    assert request.topic == topic and (request.topic_kind is None) == (topic is None)
    text = render_text(compose(request, catalog), "md")
    assert text.startswith(f"# {title}\n")


@pytest.mark.parametrize(
    "title",
    [
        "运营设计师",
        "平面设计（运营）",
        "后台开发（运营平台）",
        "运营开发工程师",
        "技术运营",
        "安全运营",
        "IDC运营专员",
        "商务合作经理（运营商方向）",
        "带货主播（运营部）",
    ],
)
def test_jobs_that_only_contain_the_word_are_refused(runner, title):
    result = runner.invoke(app, ["new", "--role", title, "--no-input"])
    assert result.exit_code == 2 and "不是 jdwriter 覆盖的运营岗位" in result.stderr
    assert result.stdout == ""


def test_content_safety_is_an_operations_job(catalog):
    assert resolve_title("内容安全运营", catalog).directions == ("risk_safety",)


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("SNG04-QQ浏览器内容运营（深圳）", "QQ浏览器内容运营"),
        ("【急招】淘宝运营（可兼职）", "淘宝运营（可兼职）"),
        ("小红书运营-上海-急", "小红书运营"),
        ("平台内容运营（猫耳-北京）", "平台内容运营（猫耳）"),
        ("游戏运营 - 单机主机游戏", "游戏运营 - 单机主机游戏"),
        ("【2021届】内容运营", "【2021届】内容运营"),
        ("Telegram 运营专员招聘", "Telegram运营专员"),  # round 33: a board's 招聘 after the job
    ],
)
def test_clean_title_drops_codes_cities_and_urgency_only(raw, printed):
    assert clean_title(raw) == printed


def test_generic_is_only_for_titles_that_name_nothing(catalog):
    assert resolve_title("运营专员", catalog).role == "business_ops"
    # a subject alone names no content work: generic operations about it, said on stderr, no vertical JD
    汽车 = resolve_title("汽车运营", catalog)
    assert (汽车.topic, 汽车.topic_kind, 汽车.directions) == ("汽车", "vertical", ()) and 汽车.note
    # a content medium, or a channel word after the subject, is content work on it
    for title in ("漫画运营", "汽车频道运营", "摄影领域运营"):
        assert resolve_title(title, catalog).directions == ("vertical",), title


def test_batch_titles_follow_the_same_path(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("职位名称\n直播用户运营\n亚马逊运营（兼职）\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(sheet), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    titles = sorted(json.loads(p.read_text(encoding="utf-8"))["title"] for p in out.glob("0*.json"))
    assert titles == ["亚马逊运营（兼职）", "直播用户运营"]


def test_unknown_direction_in_a_request_is_a_clear_error(catalog):
    from jdwriter.models import Request

    with pytest.raises(UserError, match="方向"):
        compose(Request(role="user_ops", directions=("nope",)), catalog)


def test_every_direction_level_and_template_checks_clean(catalog):
    """Each direction × level × template is within the writing standard and draws no finding at all."""
    from jdwriter.check.engine import check_text
    from jdwriter.models import Request

    problems = []
    for direction in catalog.directions:
        for level in ("intern", "specialist", "senior", "manager", "director"):
            for template in ("standard", "full"):
                request = Request(
                    role=direction.roles[0], level=level, directions=(direction.id,), template=template
                )
                jd = compose(request, catalog)
                duties, requirements = jd.sections[0 if template == "standard" else 1].items, None
                requirements = next(s.items for s in jd.sections if s.id == "requirements")
                if not (5 <= len(duties) <= 8 and 4 <= len(requirements) <= 7):
                    problems.append((direction.id, level, template, "size", len(duties), len(requirements)))
                findings = check_text(render_text(jd, "md")).findings
                if findings:
                    problems.append((direction.id, level, template, [(f.rule, f.excerpt) for f in findings]))
    assert problems == []


@pytest.mark.parametrize(
    ("title", "experience"),
    [
        ("外卖运营主管", "3–5 年外卖运营经验"),  # the direction, not the 电商运营 it sits under
        ("跨境电商运营主管", "3–5 年跨境电商运营经验"),  # though 电商运营 is written inside it
        ("直播用户运营", "1–3 年用户运营"),  # the title names the role on its own
        ("TikTokShop运营专员", "1–3 年 TikTok Shop 运营"),  # spaces and case aside, spaced like the catalogue
        ("B站运营经理", "5 年以上 B站运营经验"),  # B站 stays whole
    ],
)
def test_the_experience_line_names_the_job_in_the_title(runner, title, experience):
    result = runner.invoke(app, ["new", "--role", title, "--no-input"])
    assert result.exit_code == 0 and experience in result.stdout, result.stdout


def test_no_skill_is_listed_twice_in_other_words(catalog):
    """A direction's skill and a block's longer form of it (海外效果广告 / 海外效果广告优化) are one skill: the
    requirements list it once, in every direction × level."""
    from jdwriter.models import Request

    skills = {x for d in catalog.directions for x in d.skills} | {x for d in catalog.duties for x in d.skills}
    pairs = [(a, b) for a in skills for b in skills if a != b and a in b]
    twice = []
    for direction in catalog.directions:
        for level in ("intern", "specialist", "senior", "manager", "director"):
            jd = compose(Request(role=direction.roles[0], level=level, directions=(direction.id,)), catalog)
            for item in next(s.items for s in jd.sections if s.id == "requirements"):
                # the shorter one stands on its own besides inside the longer one
                twice += [(direction.id, level, a, b) for a, b in pairs if 0 < item.count(b) < item.count(a)]
    assert twice == []


@pytest.mark.parametrize(
    ("title", "role", "level", "direction"),
    [
        ("Community Operations Manager", "community_ops", "manager", None),
        ("Senior Content Operations Specialist (Gaming)", "content_ops", "senior", "game_content"),
        ("E-commerce Operations Intern", "ecommerce_ops", "intern", None),
        ("TikTok Shop Operations Manager", "ecommerce_ops", "manager", "tiktok_shop"),
        ("Live Ops Manager", None, "manager", "game_ops"),  # games' live operations, not live streaming
        ("Head of Operations", "business_ops", "director", None),
        ("Social Media Executive", "new_media_ops", "specialist", None),
        ("Operations Manager (Shanghai)", "business_ops", "manager", None),
        # 64 characters: English titles may be twice as long as Chinese ones
        (
            "Senior Community Operations Manager, E-commerce & Live Streaming",
            "community_ops",
            "manager",
            "live_streaming",
        ),
    ],
)
def test_english_titles_are_read_through_their_chinese_words(runner, title, role, level, direction):
    """Foreign and bilingual companies post English titles; the JD keeps the title as written (a city in
    brackets aside) and is written for the job it names."""
    result = runner.invoke(app, ["new", "--role", title, "--no-input", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == title.removesuffix(" (Shanghai)") and data["level"]["id"] == level
    assert role is None or data["role"]["id"] == role
    assert direction is None or direction in [d["id"] for d in data["directions"]]
    assert data.get("topic") is None, data.get("topic")


@pytest.mark.parametrize("title", ["Product Manager", "Marketing Manager", "Software Engineer"])
def test_english_titles_of_other_jobs_are_refused(runner, title):
    result = runner.invoke(app, ["new", "--role", title, "--no-input"])
    assert result.exit_code == 2 and "不是 jdwriter 覆盖的运营岗位" in result.stderr and result.stdout == ""


def test_a_platform_job_borrows_no_role_line_about_another_platform(catalog):
    """外卖运营 sits under 电商运营, whose first requirement names 天猫、京东或抖店: a direction JD takes only
    role lines that name no other direction's platform (its own lines name its own platform)."""
    import re

    from jdwriter.models import Request

    fill = re.compile(r"\{([a-z_]+)\}")
    problems = []
    for direction in catalog.directions:
        foreign = catalog.foreign_platforms((direction.id,))
        for role_id in direction.roles:
            role = catalog.role_by_id[role_id]
            borrowed = {
                fill.sub(lambda m: catalog.placeholders.get(m.group(1), m.group(0)), x)
                for band in (role.requirements.junior, role.requirements.senior, role.requirements.lead)
                for x in band
            }
            for level in ("intern", "specialist", "senior", "manager", "director"):
                jd = compose(Request(role=role_id, level=level, directions=(direction.id,)), catalog)
                items = next(s.items for s in jd.sections if s.id == "requirements")
                problems += [
                    (direction.id, role_id, level, x)
                    for x in items
                    if x in borrowed and any(p in x.casefold() for p in foreign)
                ]
    assert problems == []
    jd = render_text(
        compose(Request(role="ecommerce_ops", level="specialist", directions=("food_delivery",)), catalog),
        "md",
    )
    assert "饿了么" in jd and not any(p in jd for p in ("天猫", "京东", "抖店", "生意参谋"))
    for level in ("specialist", "manager"):  # the tool line borrows no Taobao tool for a 京东 job
        request = Request(role="ecommerce_ops", level=level, directions=("jd_mall",))
        jd = render_text(compose(request, catalog), "md")
        assert "京东" in jd and "生意参谋" not in jd and "千牛" not in jd, jd


def test_directions_meet_the_writing_standard_in_every_industry(catalog):
    """Directions follow the roles' standard: varied openings, no echoed tool or metric, no repeats,
    250–900 characters of items."""
    from jdwriter.catalog.lint import METRICS, jd_problems
    from jdwriter.models import Request

    terms = list(dict.fromkeys([*METRICS, *(t for d in catalog.duties for t in d.tools)]))
    problems = []
    industries = [x.id for x in catalog.industries]
    for number, direction in enumerate(catalog.directions):
        for rank, level in enumerate(("intern", "specialist", "senior", "manager", "director")):
            # no industry, and one industry in rotation: every industry meets every level and many directions
            for industry in [None, industries[(number + rank) % len(industries)]]:
                request = Request(
                    role=direction.roles[0], level=level, directions=(direction.id,), industry=industry
                )
                jd = compose(request, catalog)
                duties = jd.sections[0].items
                items = [*duties, *(x for s in jd.sections[1:] for x in s.items)]
                found = jd_problems(duties, items, terms)
                if not 250 <= sum(len(x) for x in items) <= 900:
                    found.append("length")
                if found:
                    problems.append((direction.id, level, industry, found))
    assert problems == []


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("字节跳动-直播运营（上海）", None),  # the employer before the job is no topic
        # a product is never the topic; one that says its domain brings the domain (音乐), not its own name
        ("腾讯-PCG16-QQ音乐内容运营（深圳）", "音乐"),
        ("腾讯-PCG16-QQ浏览器内容运营（深圳）", None),
        ("网易游戏-《蛋仔派对》活动运营", None),  # a game's own name
        ("携程-酒店商家运营", "酒店"),  # an industry of the lexicon
        ("高级内容运营（汽车区）", "汽车"),
        ("元气森林-电商运营（天猫旗舰店）", None),
    ],
)
def test_employer_prefixes_and_codes_are_no_topic(catalog, title, topic):
    assert resolve_title(title, catalog).topic == topic
