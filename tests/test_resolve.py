"""What people type → catalogue ids: job-board titles, level words, emphasis words, refusals."""

from __future__ import annotations

import json

import pytest

from jdwriter.errors import UnknownNameError, UserError
from jdwriter.resolve import resolve_emphasis, resolve_role, segment

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
]


@pytest.mark.parametrize(("title", "role", "level"), TITLES)
def test_titles_map_to_role_and_level(catalog, title, role, level):
    match = resolve_role(title, catalog)
    assert (match.role, match.level) == (role, level)


@pytest.mark.parametrize("title", ["前端开发工程师", "会计", "Java 后端", "司机", "   "])
def test_non_operations_titles_are_refused_with_the_roles_we_cover(catalog, title):
    with pytest.raises(UserError) as info:
        resolve_role(title, catalog)
    if title.strip():
        assert "用户运营" in info.value.message and "平台运营" in info.value.message


def test_a_guess_is_never_silent(catalog):
    match = resolve_role("会员增长运营", catalog)
    assert match.role == "user_ops"
    assert match.note and "用户运营" in match.note and "会员" in match.note


def test_the_cli_says_which_role_it_understood_and_how_to_choose(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "--role", "会员增长运营", "--no-input"])
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


def test_cli_explicit_level_beats_the_title(runner):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "-r", "用户运营经理", "-l", "专员", "--no-input", "--format", "json"])
    assert json.loads(result.stdout)["level"]["id"] == "specialist"


def test_emphasis_selects_blocks_and_puts_them_first(runner, catalog):
    from jdwriter.cli import app

    result = runner.invoke(app, ["new", "-r", "用户运营", "-e", "数据分析，活动策划", "--no-input", "--format", "json"])
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
    out = subprocess.run([sys.executable, "-m", "jdwriter", "new", "-r", "私域运营主管", "-e", "重点是拉新", "--no-input"],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert list(tmp_path.iterdir()) == []
    assert "jieba" not in out.stderr.lower() and "Building prefix dict" not in out.stderr
    assert out.stdout.startswith("# 高级社群运营")


@pytest.mark.parametrize(("typed", "expected"), [("用护运营", "用户运营"), ("userops", "用户运营"), ("社郡运营", "社群运营")])
def test_typos_get_suggestions_not_a_silent_guess(catalog, typed, expected):
    with pytest.raises(UnknownNameError) as info:
        resolve_role(typed, catalog)
    assert expected in info.value.suggestions
