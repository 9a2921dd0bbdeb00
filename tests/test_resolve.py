"""What people type → catalogue ids: job-board titles, level words, emphasis words, refusals."""

from __future__ import annotations

import json

import pytest

from jdwriter.errors import UnknownNameError, UserError
from jdwriter.resolve.names import normalise, resolve_emphasis, segment
from jdwriter.resolve.roles import resolve_role

from . import fuzz

TITLES = [
    ("用户运营", "user_ops", None),
    ("高级用户运营经理", "user_ops", "manager"),
    ("社区运营经理", "community_ops", "manager"),
    ("通道运营", "channel_ops", None),
    ("新媒体运营专员", "new_media_ops", "specialist"),
    ("私域运营", "community_ops", None),
    ("会员运营主管", "user_ops", "senior"),
    ("资深内容运营", "content_ops", "senior"),
    ("电商运营实习生", "ecommerce_ops", "intern"),
    ("活动策划运营（618大促方向）", "activity_ops", None),
    ("数据运营-增长方向", "data_ops", None),
    ("运营总监", "business_ops", "director"),
    ("运营专员", "business_ops", "specialist"),
    ("市场推广经理", "marketing_ops", "manager"),
    ("平台运营负责人", "platform_ops", "director"),
    ("商务运营 / 合作伙伴方向", "partnership_ops", None),
    ("产品运营岗", "product_ops", None),
    ("项目运营主管", "project_ops", "senior"),
    ("ＵＳＥＲ_OPS", "user_ops", None),
    # as they appear on job boards
    ("用户增长运营专家", "user_ops", "senior"),
    ("用户运营（实习）", "user_ops", "intern"),
    ("【急招】社群运营-企业微信", "community_ops", None),
    ("拉新运营", "user_ops", None),
    ("私域流量运营", "community_ops", None),
    ("视频号运营", "new_media_ops", None),
    ("直播运营", "new_media_ops", None),
    ("亚马逊运营助理", "ecommerce_ops", "specialist"),
    ("TikTok Shop运营", "ecommerce_ops", None),
    ("品牌运营", "marketing_ops", None),
    ("渠道经理", "channel_ops", "manager"),
    ("BD经理", "partnership_ops", "manager"),
    ("运营总经理", "business_ops", "director"),
    # the bare word 运营 names no role: what comes with it decides
    ("运营-用户增长方向", "user_ops", None),
    ("运营专员（小红书/抖音）", "new_media_ops", "specialist"),
    ("运营经理（带团队）", "business_ops", "manager"),
    ("游戏运营", "business_ops", None),
    ("HR SaaS 用户运营", "user_ops", None),
]


@pytest.mark.parametrize(("title", "role", "level"), TITLES)
def test_titles_map_to_role_and_level(catalog, title, role, level):
    match = resolve_role(title, catalog)
    assert (match.role, match.level) == (role, level)


@pytest.mark.parametrize(
    "title",
    [
        "前端开发工程师",
        "会计",
        "Java 后端",
        "司机",
        "   ",
        "供应链运营",
        "HR运营",
        "运营（物流方向）",
        "HRBP",
    ],
)
def test_non_operations_titles_are_refused_with_the_roles_we_cover(catalog, title):
    with pytest.raises(UserError) as info:
        resolve_role(title, catalog)
    if title.strip():
        assert "用户运营" in info.value.message and "平台运营" in info.value.message


@pytest.mark.parametrize(
    ("title", "meant"),
    [
        ("产品经理", "产品运营"),
        ("高级产品经理（用户增长）", "产品运营"),
        ("项目经理", "项目运营"),
        ("数据分析师", "数据运营"),
        ("电商客服", "电商运营"),
        ("新媒体设计师", "新媒体运营"),
        ("带货主播", "新媒体运营"),
        ("游戏策划", "活动运营"),
    ],
)
def test_other_jobs_sharing_a_word_with_a_role_are_refused_not_guessed(catalog, title, meant):
    """产品经理 is a different job from 产品运营: refuse, and name the role in case operations was meant."""
    with pytest.raises(UserError) as info:
        resolve_role(title, catalog)
    assert meant in info.value.message and "用户运营" in info.value.message


def test_a_guess_is_never_silent(catalog):
    match = resolve_role("会员增长运营", catalog)
    assert match.role == "user_ops"
    assert match.note and "用户运营" in match.note and "会员" in match.note


@pytest.mark.parametrize("title", ["高级用户运营经理", "上海-用户运营", "社群运营（小红书方向）", "运营助理"])
def test_a_title_that_names_a_role_needs_no_note(catalog, title):
    assert resolve_role(title, catalog).note is None


def test_a_title_with_no_known_direction_is_written_as_generic_operations_and_says_so(catalog):
    match = resolve_role("餐饮运营", catalog)
    assert match.role == "business_ops"
    assert match.note and "餐饮运营" in match.note and "业务运营" in match.note


def test_the_note_quotes_words_as_the_catalogue_spells_them(catalog):
    note = resolve_role("TikTok Shop运营", catalog).note
    assert note and "TikTok Shop" in note


def test_no_mapping_without_a_note_unless_the_title_names_the_role(catalog):
    """Never a silent guess: a mapping with no note means the title itself contains the role's name or alias."""
    alphabet = "用户社群私域电商数据产品经理运营高级总监实习（）-/ 抖音会员渠道增长游戏"
    for text in fuzz.examples("silent_guess", lambda r: fuzz.text(r, 16, alphabet), 300):
        try:
            match = resolve_role(text, catalog)
        except UserError:
            continue
        if match.note is None:
            role = catalog.role_by_id[match.role]
            assert any(normalise(w) in normalise(text) for w in (role.id, role.name, *role.aliases)), text


def test_the_cli_says_which_role_it_understood_and_how_to_choose(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "拉新运营", "--no-input"])
    assert result.exit_code == 0
    assert "按「用户运营」生成" in result.stderr and "--role" in result.stderr


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["拉新"], ["user_growth"]),
        (["复盘"], ["activity_review"]),
        (["私域"], ["private_domain"]),
        (["数据分析，活动策划"], ["data_analysis", "activity_planning"]),
        (["user_growth"], ["user_growth"]),
        (["重点是拉新和私域"], ["user_growth", "private_domain"]),
        (["重点是拉新和复盘"], ["user_growth", "activity_review"]),
        (["私域+社群"], ["private_domain", "community_management"]),
        (["数据驱动"], ["data_analysis"]),
        (["大促"], ["sales_promotion"]),
        (["双十一"], ["sales_promotion"]),
        (["直播带货"], ["short_video_live", "dyec_affiliate"]),
        (["内容种草"], ["kol_ops"]),
        (["投流"], ["paid_ads"]),
        (["提升转化"], ["conversion_optimization"]),
        (["新功能上线"], ["product_feature_ops"]),
    ],
)
def test_emphasis_words(catalog, words, expected):
    assert resolve_emphasis(words, catalog) == expected


def test_unknown_emphasis_suggests(catalog):
    with pytest.raises(UnknownNameError) as info:
        resolve_emphasis(["量子计算"], catalog)
    assert info.value.suggestions


def test_segment_uses_the_given_vocabulary():
    assert "用户运营" in segment("高级用户运营经理", [("用户运营", 50000), ("经理", 40000), ("高级", 40000)])


def test_cli_free_text_title(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "高级用户运营经理", "--no-input", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["role"]["name"] == "用户运营" and data["level"]["name"] == "经理"
    refused = runner.invoke(app, ["new", "--role", "前端开发工程师", "--no-input"])
    assert refused.exit_code == 2 and "用户运营" in refused.stderr


def test_a_title_and_a_level_that_disagree_are_refused_naming_both(runner):
    """运营总监 with --level 实习生 is never merged silently: exit 2, one sentence naming both levels."""
    from jdwriter.cli import app

    for args in (["-r", "用户运营经理", "-l", "专员"], ["-r", "运营总监", "-l", "实习生"]):
        result = runner.invoke(app, ["new", *args, "--no-input"])
        assert result.exit_code == 2 and result.stdout == "", result.output
        said, asked = ("经理", "专员") if "专员" in args else ("总监", "实习生")
        assert f"「{said}」" in result.stderr and f"「{asked}」" in result.stderr
    agree = runner.invoke(app, ["new", "-r", "用户运营经理", "-l", "经理", "--no-input", "--format", "json"])
    assert json.loads(agree.stdout)["level"]["id"] == "manager"


def test_emphasis_selects_blocks_and_puts_them_first(runner, catalog):
    from jdwriter.cli import app

    result = runner.invoke(
        app, ["new", "-r", "用户运营", "-e", "数据分析，活动策划", "--no-input", "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert data["emphasis"] == ["data_analysis", "activity_planning"]
    duties = data["sections"][0]["items"]
    plain = json.loads(runner.invoke(app, ["new", "-r", "用户运营", "--no-input", "--format", "json"]).stdout)
    assert duties[0] not in plain["sections"][0]["items"][:1]


def test_free_text_is_quiet_and_writes_no_jieba_cache(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "jdwriter", "new", "-r", "私域运营主管", "-e", "重点是拉新", "--no-input"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert list(tmp_path.iterdir()) == []
    assert "jieba" not in out.stderr.lower() and "Building prefix dict" not in out.stderr
    assert out.stdout.startswith("# 私域运营主管")


@pytest.mark.parametrize(
    ("typed", "expected"), [("用护运营", "用户运营"), ("userops", "用户运营"), ("社郡运营", "社群运营")]
)
def test_typos_get_suggestions_not_a_silent_guess(catalog, typed, expected):
    with pytest.raises(UnknownNameError) as info:
        resolve_role(typed, catalog)
    assert expected in info.value.suggestions


def test_a_real_job_that_looks_like_a_role_name_is_not_taken_for_a_typo(catalog):
    """门店运营 shares 店 and 运营 with 店铺运营 (电商运营), but it is a job of its own."""
    match = resolve_role("门店运营", catalog)
    assert match.role != "ecommerce_ops" and match.note


def test_when_a_slip_and_a_real_job_look_alike_the_person_chooses(catalog):
    """酒店运营 is one character from 网店运营: offer both the e-commerce role and generic operations."""
    with pytest.raises(UnknownNameError) as info:
        resolve_role("酒店运营", catalog)
    assert {"电商运营", "业务运营"} <= set(info.value.suggestions)


def test_cli_refuses_another_job_and_names_the_role_it_resembles(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "产品经理", "--no-input"])
    assert result.exit_code == 2 and "产品运营" in result.stderr and result.stdout == ""


def test_long_texts_are_cut_exactly_as_one_jieba_call():
    """segment() cuts long texts block by block (each distinct block once): the words must not change."""
    from jdwriter.text import LONG_TEXT, WORD_WEIGHT, _tokenizer, segment

    words = [("用户运营", 50000), ("社群", WORD_WEIGHT), ("活动", WORD_WEIGHT), ("执行", WORD_WEIGHT)]
    text = "".join(f"{i}、负责用户运营和社群活动的日常执行；Excel 与 SQL 2.5 倍\n" for i in range(1, 400))
    assert len(text) > LONG_TEXT
    assert segment(text, words) == _tokenizer(tuple(words)).lcut(text, HMM=False)


def test_cutting_at_cjk_edges_gives_jieba_words_for_checks_vocabulary():
    """segment() also cuts where CJK meets a letter or digit when no dictionary word crosses there; on
    check's own vocabulary (which holds 985院校, qq群, 0门槛) the words must equal one jieba call."""
    import random

    from jdwriter.check.rules import vocabulary
    from jdwriter.text import WORD_WEIGHT, _tokenizer, segment

    vocab = vocabulary()
    tk = _tokenizer(tuple((w, WORD_WEIGHT) if isinstance(w, str) else w for w in vocab))
    rnd = random.Random(7)
    chars = "用户运营985院校211高校qq群0门槛执行2a+.-_ 、，年龄35岁以下男女abcAB12"
    for _ in range(100):  # 40,000 random characters against one plain jieba call each
        text = "".join(rnd.choice(chars) for _ in range(400))
        assert segment(text, vocab) == tk.lcut(text, HMM=False), text
    page = "".join(f"{i}、负责用户增长和社群活动的日常执行" for i in range(1, 3000))
    assert segment(page, vocab) == tk.lcut(page, HMM=False)
