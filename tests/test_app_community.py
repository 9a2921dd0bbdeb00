"""社区运营 is the in-product community (posts, topics, UGC creators, moderators), not WeChat groups.

The panel graded 社区运营 JDs as the wrong job: they read 建群、群规、入群欢迎语 and 群内推送, which is
社群运营's work. 社区运营 and its board spellings are the direction app_community; 社群运营 stays the
WeChat-group role, 游戏社区运营 the game direction and 开发者社区运营 生态运营. The titles below are invented."""

from __future__ import annotations

import json

import pytest

from jdwriter.cli import app

from .cli_json import body, directions, new

LEVELS = ["实习生", "专员", "主管", "经理", "总监"]
TITLES = [
    "社区运营",
    "社区运营经理",
    "内容社区运营实习生",
    "UGC社区运营主管",
    "社区内容运营",
    "论坛运营",
    "社区氛围运营专员",
    "社区生态运营总监",
    "站内社区运营",
]
# 社群运营's WeChat-group and private-domain lines: none belongs in an in-product community JD
GROUP_WORDS = [
    "社群",
    "建群",
    "群规",
    "群内",
    "入群",
    "欢迎语",
    "微信群",
    "企业微信",
    "企微",
    "私域",
    "朋友圈",
]
COMMUNITY_WORDS = ["社区", "帖", "话题", "版主", "违规", "举报", "创作者"]


@pytest.mark.parametrize("title", TITLES)
def test_community_titles_get_the_in_product_community_job(runner, title):
    jd = new(runner, title)
    assert directions(jd) == ["app_community"], directions(jd)
    lines = [x for s in jd["sections"] for x in s["items"]]
    # 论坛运营: the experience line names the role (社群运营), as for every alias title
    if "社区" not in title:
        lines = [x for x in lines if "年社群运营" not in x]
    text = "\n".join(lines)
    assert not [w for w in GROUP_WORDS if w in text], text
    duties = next(s["items"] for s in jd["sections"] if s["id"] == "duties")
    assert len([x for x in duties if any(w in x for w in COMMUNITY_WORDS)]) >= 3, duties


def test_a_plain_community_title_defaults_to_the_community_role(runner):
    jd = new(runner, "社区运营经理")
    assert jd["role"]["id"] == "community_ops" and jd["level"]["id"] == "manager"


@pytest.mark.parametrize(
    ("title", "role", "direction"),
    [
        ("社群运营", "community_ops", None),
        ("社群运营主管", "community_ops", None),
        ("游戏社区运营", "community_ops", "game_community"),
        ("开发者社区运营", "ecosystem_ops", None),
        ("社区团购运营", "ecommerce_ops", "community_group_buying"),
    ],
)
def test_the_neighbouring_community_jobs_keep_their_own_reading(runner, title, role, direction):
    jd = new(runner, title)
    assert jd["role"]["id"] == role and (directions(jd)[:1] or [None])[0] == direction, jd["directions"]
    assert "app_community" not in directions(jd)


def test_wechat_group_work_is_still_written_for_the_group_role(runner):
    text = body(new(runner, "社群运营"))
    assert any(w in text for w in ["社群", "群规", "入群"]), text


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_reads_its_own_level_and_gets_a_kit(runner, level):
    """Each level leads with the direction's own blocks, and the interview kit asks about them first."""
    from jdwriter.api import get_catalog

    jd = new(runner, f"社区运营{level}")
    assert directions(jd) == ["app_community"] and jd["level"]["name"] == level
    result = runner.invoke(app, ["kit", "--title", f"社区运营{level}", "--format", "json"])
    assert result.exit_code == 0, result.output
    kit = json.loads(result.stdout)
    own = set(get_catalog().direction_by_id["app_community"].duties)
    assert kit["competencies"][0]["id"] in own
    asked = "\n".join(q["ask"] for c in kit["competencies"] for q in c["questions"])
    assert not [w for w in GROUP_WORDS if w in asked], asked
