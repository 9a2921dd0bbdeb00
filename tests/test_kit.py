"""`jdwriter kit`: the interview kit for the job `new` writes — structure, levels, directions, formats."""

from __future__ import annotations

import json

import pytest

from jdwriter.cli import app

ROLES = (
    "用户运营",
    "内容运营",
    "活动运营",
    "数据运营",
    "社群运营",
    "渠道运营",
    "市场运营",
    "新媒体运营",
    "电商运营",
    "产品运营",
)
LEVELS = ("专员", "经理", "总监")


def run(runner, *args):
    return runner.invoke(app, list(args))


def kit_json(runner, *args) -> dict:
    result = run(runner, "kit", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def asks(kit: dict) -> list[str]:
    return [q["ask"] for c in kit["competencies"] for q in c["questions"]]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_level_gets_a_complete_kit(runner, role):
    for level in LEVELS:
        kit = kit_json(runner, "--role", role, "--level", level)
        competencies = kit["competencies"]
        assert 4 <= len(competencies) <= 6, (role, level)
        assert sum(c["weight"] for c in competencies) == 100
        assert [r["weight"] for r in kit["scorecard"]] == [c["weight"] for c in competencies]
        for c in competencies:
            assert c["name"] and c["definition"], c
            assert 2 <= len(c["questions"]) <= 3, (role, level, c["name"])
            kinds = {q["kind"] for q in c["questions"]}
            assert "behavioural" in kinds, (role, level, c["name"])
            for q in c["questions"]:
                anchors = q["anchors"]
                assert sorted(anchors) == ["1", "3", "5"]
                assert len(set(anchors.values())) == 3 and all(anchors.values())
                assert 1 <= len(q["probes"]) <= 3 and all(q["probes"])
                assert "{" not in q["ask"] + "".join(q["probes"]) + "".join(anchors.values())
        assert kit["recommendation_scale"] == ["强烈推荐", "推荐", "不推荐", "强烈不推荐"]
        assert kit["weighted_total"]["formula"].startswith("加权总分")


@pytest.mark.parametrize("level", ["实习生", "专员"])
def test_execution_levels_get_a_work_sample(runner, level):
    for role in ROLES[:5]:
        kit = kit_json(runner, "--role", role, "--level", level)
        kinds = [q["kind"] for c in kit["competencies"] for q in c["questions"]]
        assert "work_sample" in kinds, role


def test_lead_levels_get_no_work_sample_and_test_management(runner):
    kit = kit_json(runner, "--role", "用户运营", "--level", "总监")
    assert all(q["kind"] != "work_sample" for c in kit["competencies"] for q in c["questions"])
    assert "team_management" in [c["id"] for c in kit["competencies"]]  # the level's own block stays


def test_specialist_and_director_kits_share_at_most_30_percent(runner):
    specialist = asks(kit_json(runner, "--role", "用户运营", "--level", "专员"))
    director = asks(kit_json(runner, "--role", "用户运营", "--level", "总监"))
    shared = set(specialist) & set(director)
    assert len(shared) <= 0.3 * min(len(specialist), len(director)), shared


def test_every_competency_is_covered_in_two_rounds_by_different_interviewers(runner):
    for level in ("实习生", "专员", "主管", "经理", "总监"):
        kit = kit_json(runner, "--role", "活动运营", "--level", level)
        plan = kit["plan"]
        assert 2 <= len(plan) <= 3
        round_of = {q["id"]: q["round"] for c in kit["competencies"] for q in c["questions"]}
        assert sorted(round_of) == sorted(x for r in plan for x in r["questions"])
        for c in kit["competencies"]:
            rounds = {round_of[q["id"]] for q in c["questions"]}
            assert len(rounds) >= 2, (level, c["name"])
            assert len({plan[n - 1]["interviewer"] for n in rounds}) >= 2
            assert all(c["name"] in plan[n - 1]["covers"] for n in rounds)


@pytest.mark.parametrize(
    ("title", "direction"),
    [("抖音运营", "douyin"), ("亚马逊运营经理", "amazon"), ("私域社群运营（母婴）", "private_traffic")],
)
def test_direction_kits_speak_of_their_platform(runner, catalog, title, direction):
    found = catalog.direction_by_id[direction]
    words = [found.name.removesuffix("运营"), *found.keywords, *found.platforms, *found.tools]
    kit = kit_json(runner, "--title", title)
    assert kit["directions"] == [found.name]
    first = kit["competencies"][0]
    assert first["id"] in found.duties, first["name"]  # the direction's own block leads
    assert first["weight"] == max(c["weight"] for c in kit["competencies"])
    speaking = [q for q in asks(kit) if any(w.casefold() in q.casefold() for w in words)]
    assert len(speaking) >= 2, (title, asks(kit))


def test_industry_fills_placeholders_the_way_duties_read(runner):
    kit = kit_json(runner, "--title", "私域社群运营（母婴）")
    assert kit["industry"] == "母婴"
    texts = [q["ask"] for c in kit["competencies"] for q in c["questions"]]
    texts += [c["definition"] for c in kit["competencies"]]
    texts += [
        a for c in kit["competencies"] for q in c["questions"] for a in [*q["probes"], *q["anchors"].values()]
    ]
    assert not [t for t in texts if "{" in t or "}" in t]


def test_kit_reads_the_title_as_new_does(runner):
    kit = kit_json(runner, "--title", "高级用户运营经理")
    assert kit["title"] == "高级用户运营经理" and kit["level"] == "经理"
    result = run(runner, "kit", "--title", "前台接待")
    assert result.exit_code == 2 and "错误" in result.output
    result = run(runner, "kit")
    assert result.exit_code == 2 and "--role" in result.output


def test_markdown_kit_has_scorecard_notes_and_a_formula(runner, tmp_path):
    target = tmp_path / "kit.md"
    result = run(runner, "kit", "--role", "用户运营", "--level", "经理", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    scorecard = text.split("## 评分表", 1)[1].split("\n## ", 1)[0]
    assert "| 考察维度 | 权重 | 得分（1–5） | 证据记录 |" in scorecard
    assert "加权总分 = (" in scorecard and "强烈不推荐" in scorecard
    notes = text.split("## 面试官须知", 1)[1]
    assert "婚育" in notes and "妇女权益保障法" in notes and "第四十三条" in notes
    for topic in ("年龄", "籍贯", "民族", "宗教", "健康", "外貌", "家庭"):
        assert topic in notes
    assert "先独立打分" in notes
    again = run(runner, "kit", "--role", "用户运营", "-o", str(target))
    assert again.exit_code == 2 and "--force" in again.output  # -o rules as `new`


def test_docx_kit_opens_with_the_scorecard_table(runner, tmp_path):
    import docx
    from docx.shared import Mm

    target = tmp_path / "kit.docx"
    assert run(runner, "kit", "--role", "数据运营", "--level", "总监", "-o", str(target)).exit_code == 0
    document = docx.Document(str(target))
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["考察维度", "权重", "得分（1–5）", "证据记录"]
    kit = kit_json(runner, "--role", "数据运营", "--level", "总监")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [(r[0], r[1]) for r in rows] == [(c["name"], f"{c['weight']}%") for c in kit["competencies"]]
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    from jdwriter.render.docx_style import FONT

    assert (
        document.styles["Normal"].element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == FONT
    )
    body = "\n".join(p.text for p in document.paragraphs)
    assert "加权总分 = (" in body and "妇女权益保障法" in body


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_text_formats_hold_the_same_kit(runner, fmt):
    result = run(runner, "kit", "--role", "社群运营", "--format", fmt)
    assert result.exit_code == 0, result.output
    kit = kit_json(runner, "--role", "社群运营")
    for c in kit["competencies"]:
        assert c["name"] in result.stdout
    assert "面试官须知" in result.stdout and "强烈推荐" in result.stdout
    if fmt == "html":
        assert "<table>" in result.stdout and "<script" not in result.stdout


def test_scores_fill_the_scorecard_and_compute_the_weighted_total(runner):
    kit = kit_json(runner, "--role", "用户运营", "--level", "经理")
    scores = [5, 4, 3, 2, 1, 4, 3][: len(kit["competencies"])]
    filled = kit_json(runner, "--role", "用户运营", "--level", "经理", "--scores", ",".join(map(str, scores)))
    expected = sum(c["weight"] * s for c, s in zip(kit["competencies"], scores, strict=True)) / 100
    assert filled["weighted_total"]["value"] == round(expected, 2)
    assert [r["score"] for r in filled["scorecard"]] == scores
    assert kit["weighted_total"]["value"] is None  # a blank scorecard has no total yet
    md = run(runner, "kit", "--role", "用户运营", "--level", "经理", "--scores", "，".join(map(str, scores)))
    assert f"÷ 100 = {round(expected, 2)}（满分 5 分）" in md.stdout
    for bad in ("4,3", "4,3,5,4,3,9", "好,3"):
        result = run(runner, "kit", "--role", "用户运营", "--level", "经理", "--scores", bad)
        assert result.exit_code == 2 and ("--scores" in result.output or "1–5" in result.output), bad


def test_templates_export_stays_the_jd_templates(runner, tmp_path):
    """--templates customises the JD only; exporting the kit's templates would suggest otherwise."""
    folder = tmp_path / "tpl"
    assert run(runner, "templates", "export", str(folder)).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["jd.html.j2", "jd.md.j2", "jd.txt.j2"]


def test_emphasis_leads_the_kit_and_weighs_more(runner):
    kit = kit_json(runner, "--role", "用户运营", "--level", "经理", "--emphasis", "会员")
    first = kit["competencies"][0]
    assert first["id"] == "membership"
    assert all(first["weight"] > c["weight"] for c in kit["competencies"][1:])
    assert sum(c["weight"] for c in kit["competencies"]) == 100


@pytest.mark.parametrize("level", ["专员", "主管", "总监"])
def test_each_round_has_time_for_its_questions(runner, level):
    """A round lasts at least 10 minutes of opening and close plus 8 per question and 12 per work sample."""
    kit = kit_json(runner, "--role", "活动运营", "--level", level)
    kinds = {q["id"]: q["kind"] for c in kit["competencies"] for q in c["questions"]}
    for round_ in kit["plan"]:
        needed = 10 + sum(12 if kinds[q] == "work_sample" else 8 for q in round_["questions"])
        assert round_["minutes"] >= needed, round_
