"""The question bank: its format is validated like the catalogue's (file:line, key path), extensions add
questions for their own blocks, and `catalog schema` / `catalog example` describe questions."""

from __future__ import annotations

import json

import pytest

from jdwriter.catalog.model import load_catalog
from jdwriter.cli import app
from jdwriter.errors import CatalogError
from jdwriter.kit.bank import load_bank

GOOD = """
      - kind: behavioural
        ask: 讲一次你做拉新活动的经历：目标、渠道和结果分别是什么？
        probes: [哪个渠道的成本最高？]
        anchors: {1: 说不出渠道和数据, 3: 讲清渠道、成本和转化, 5: 比较几个渠道并给出取舍}
      - kind: situational
        ask: 如果拉新成本翻倍而预算不变，你会先砍哪个渠道？
        probes: [砍完以后怎么看效果？]
        anchors: {1: 各渠道平均削减, 3: 按获客成本排序削减, 5: 按留存后的回收周期削减}
"""


def ext(tmp_path, junior: str = GOOD, block: str = "user_growth", name: str = "ext.yaml"):
    path = tmp_path / name
    body = f"questions:\n  {block}:\n    junior:{junior}    senior:{GOOD}    lead:{GOOD}"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "line", "key", "needle"),
    [
        (("kind: behavioural", "kind: behavioral"), 4, "questions.user_growth.junior.0.kind", "behavioural"),
        (
            ("anchors: {1: 说不出", "anchors: {2: 说不出"),
            7,
            "questions.user_growth.junior.0.anchors",
            "1、3、5",
        ),
        (("probes: [哪个渠道的成本最高？]", "probes: []"), 6, "questions.user_growth.junior.0.probes", "1–3"),
        (
            ("        ask: 讲一次", "        aks: 讲一次"),
            5,
            "questions.user_growth.junior.0.aks",
            "不认识的字段",
        ),
        (
            ("5: 比较几个渠道并给出取舍", "5: 讲清渠道、成本和转化"),
            7,
            "questions.user_growth.junior.0.anchors",
            "各不相同",
        ),
    ],
)
def test_format_errors_name_file_line_and_key_path(tmp_path, catalog, change, line, key, needle):
    path = ext(tmp_path, GOOD.replace(*change, 1))
    with pytest.raises(CatalogError) as info:
        load_bank(catalog, [path])
    message = info.value.message
    assert f"{path}:{line}：{key}" in message and needle in message, message


def test_unknown_block_and_placeholder_are_named(tmp_path, catalog):
    path = ext(tmp_path, block="user_grwth")
    with pytest.raises(CatalogError) as info:
        load_bank(catalog, [path])
    assert f"{path}:2：questions.user_grwth" in info.value.message and "user_growth" in info.value.message
    path = ext(tmp_path, GOOD.replace("目标、渠道", "{audience}、渠道"), name="b.yaml")
    with pytest.raises(CatalogError) as info:
        load_bank(catalog, [path])
    assert "{audience}" in info.value.message and "questions.user_growth.junior.0" in info.value.message


def test_an_extension_replaces_a_blocks_questions_in_the_kit(runner, tmp_path):
    path = ext(tmp_path)
    result = runner.invoke(app, ["kit", "-r", "用户运营", "-f", "json", "--catalog", str(path)])
    assert result.exit_code == 0, result.output
    growth = next(c for c in json.loads(result.stdout)["competencies"] if c["id"] == "user_growth")
    assert growth["questions"][0]["ask"] == "讲一次你做拉新活动的经历：目标、渠道和结果分别是什么？"
    plain = json.loads(runner.invoke(app, ["kit", "-r", "用户运营", "-f", "json"]).stdout)
    assert next(c for c in plain["competencies"] if c["id"] == "user_growth") != growth


def test_the_example_extension_checks_and_gives_its_role_a_kit(runner, tmp_path):
    example = runner.invoke(app, ["catalog", "example"]).stdout
    assert "questions:" in example
    path = tmp_path / "ext.yaml"
    path.write_text(example, encoding="utf-8")
    checked = runner.invoke(app, ["catalog", "check", str(path)])
    assert checked.exit_code == 0, checked.output
    result = runner.invoke(
        app, ["kit", "-r", "品牌自播运营", "-l", "经理", "-f", "json", "--catalog", str(path)]
    )
    assert result.exit_code == 0, result.output
    ids = [c["id"] for c in json.loads(result.stdout)["competencies"]]
    assert ids[:2] == ["live_session", "live_review"]
    load_catalog([path])  # the catalogue loader accepts the questions key


def test_schema_describes_questions(runner):
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(runner.invoke(app, ["catalog", "schema"]).stdout)
    assert "questions" in schema["properties"]
    example = yaml.safe_load(runner.invoke(app, ["catalog", "example"]).stdout)
    jsonschema.validate(example, schema)
    bad = {"questions": {"user_growth": {"junior": [{"kind": "behavioural", "ask": "x", "prob": []}]}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_a_job_with_too_few_questions_is_refused_not_padded(runner, tmp_path):
    path = tmp_path / "ext.yaml"
    path.write_text(
        """duties:
  - id: pet_care
    name: 宠物护理内容
    lines:
      intern: {main: [协助整理宠物护理内容的素材清单，按周更新选题表格, 收集宠物主人提出的护理问题，整理成每周问答表格]}
      specialist: {main: [撰写宠物护理科普内容，每周发布两篇并跟踪阅读和收藏数据, 执行宠物护理内容的排期发布，跟踪每篇的互动率和收藏率]}
      senior: {main: [负责宠物护理内容栏目的规划，对栏目阅读量和互动率负责, 优化宠物护理内容的选题结构，把栏目互动率提到目标值]}
      manager: {main: [主导宠物护理内容的年度规划，统筹作者资源和发布节奏, 统筹宠物护理内容团队的选题和审核，保证每月的产出目标]}
      director: {main: [制定宠物护理内容的年度战略和预算，决定栏目的取舍, 决策宠物护理内容在各平台的布局，按季度审视投入产出]}
roles:
  - id: pet_ops
    name: 宠物内容运营
    summary: 为宠物主人写出有用的护理内容。
    duties: [pet_care, content_planning, content_review]
    requirements: {junior: [熟悉宠物护理常识], senior: [负责过内容栏目], lead: [带过内容团队]}
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["kit", "-r", "宠物内容运营", "--catalog", str(path)])
    assert result.exit_code == 2
    assert "pet_care" in result.output and "questions" in result.output


def test_a_direction_kit_without_its_own_questions_is_refused(runner, tmp_path):
    one = GOOD.split("      - kind: situational")[0]  # one question per band: too few to ask
    path = tmp_path / "ext.yaml"
    path.write_text(
        "questions:\n"
        + "".join(
            f"  {block}:\n    junior:{one}    senior:{one}    lead:{one}"
            for block in ("douyin_account", "douyin_search")  # both of the direction's own blocks
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["kit", "--title", "抖音运营", "--catalog", str(path)])
    assert result.exit_code == 2, result.output
    assert "douyin_account" in result.output and "方向" in result.output
