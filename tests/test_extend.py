"""Bring your own catalogue and templates: merging, exact error locations, the schema, and the sandbox."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from jdwriter.catalog.model import load_catalog
from jdwriter.cli import app
from jdwriter.errors import CatalogError, InputFileError

EXTRA_ROLE = """
roles:
  - id: pet_ops
    name: 宠物社区运营
    summary: 把宠物主人聚成一个彼此信任的社区。
    duties: [data_reporting, data_analysis, {third}]
    requirements: [熟悉主流直播平台的规则]
"""


def write(tmp_path: Path, text: str, name: str = "ext.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_example_checks_lists_and_generates(runner, tmp_path):
    example = runner.invoke(app, ["catalog", "example"])
    assert example.exit_code == 0
    ext = write(tmp_path, example.stdout)
    assert runner.invoke(app, ["catalog", "check", str(ext)]).exit_code == 0
    roles = json.loads(runner.invoke(app, ["list", "roles", "--json", "--catalog", str(ext)]).stdout)
    builtin = json.loads(runner.invoke(app, ["list", "roles", "--json"]).stdout)
    assert [r["id"] for r in roles[: len(builtin)]] == [r["id"] for r in builtin]
    new_roles = [r["name"] for r in roles[len(builtin) :]]
    assert len(new_roles) == 1
    result = runner.invoke(app, ["new", "--role", new_roles[0], "--catalog", str(ext), "--no-input"])
    assert result.exit_code == 0 and result.stdout.startswith(f"# {new_roles[0]}")
    directions = json.loads(
        runner.invoke(app, ["list", "directions", "--json", "--catalog", str(ext)]).stdout
    )
    assert directions[-1]["name"] == "珠宝直播运营"
    jd = runner.invoke(app, ["new", "--role", "翡翠直播运营主管", "--catalog", str(ext), "--no-input"])
    assert jd.exit_code == 0 and jd.stdout.startswith("# 翡翠直播运营主管") and "珠宝" in jd.stdout


def test_environment_variable_adds_catalogues(runner, tmp_path, monkeypatch):
    ext = write(tmp_path, EXTRA_ROLE.format(third="market_research"))
    monkeypatch.setenv("JDWRITER_CATALOG", os.pathsep.join([str(ext)]))
    result = runner.invoke(app, ["new", "--role", "宠物社区运营", "--no-input", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["role"]["id"] == "pet_ops"  # only the extension has this role


def test_same_id_overrides_the_builtin(tmp_path):
    ext = write(
        tmp_path,
        """
roles:
  - id: user_ops
    name: 用户运营
    summary: 我们自己的用户运营概述。
    duties: [user_growth, membership, data_analysis]
    requirements: [熟悉我们的会员体系]
""",
    )
    catalog = load_catalog([ext])
    role = catalog.role_by_id["user_ops"]
    assert role.summary == "我们自己的用户运营概述。" and len(catalog.roles) == 21


def test_unknown_duty_names_the_file_line_and_ids(runner, tmp_path):
    ext = write(tmp_path, EXTRA_ROLE.format(third="xyz_block"))
    result = runner.invoke(app, ["catalog", "check", str(ext)])
    assert result.exit_code == 2
    assert f"{ext}:6" in result.stderr and "xyz_block" in result.stderr and "pet_ops" in result.stderr
    again = runner.invoke(app, ["new", "--role", "用户运营", "--catalog", str(ext), "--no-input"])
    assert again.exit_code == 2 and "xyz_block" in again.stderr


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (
            "roles:\n  - id: a_role\n    name: 甲\n    summary: [不是文字]\n    duties: [user_growth, membership, crm]\n"
            "    requirements: [x]\n",
            [":4", "roles.0.summary", "应为文字"],
        ),
        (
            "roles:\n  - id: a_role\n    name: 甲\n    duties: [user_growth, membership, crm]\n    requirements: [x]\n",
            [":2", "summary", "缺少必填字段"],
        ),
        ("duties:\n  - id: Bad-Id\n    name: 乙\n    lines: {}\n", [":2", "duties.0.id", "小写"]),
        (
            "roles:\n  - id: a_role\n    name: 甲\n    summary: 概述\n    duties: [user_growth, membership, crm]\n"
            "    requirements: [x]\n  - id: a_role\n    name: 丙\n    summary: 概述\n    duties: [user_growth, crm, membership]\n"
            "    requirements: [y]\n",
            [":7", "重复"],
        ),
        ("roles:\n  - id: a_role\n    nam: 甲\n", ["roles.0.nam", "不认识的字段"]),
    ],
)
def test_each_validation_error_has_its_location(tmp_path, text, needles):
    ext = write(tmp_path, text)
    with pytest.raises(CatalogError) as info:
        load_catalog([ext])
    message = info.value.message
    assert str(ext) in message
    for needle in needles:
        assert needle in message, message


def test_every_problem_is_listed_at_once(tmp_path):
    ext = write(tmp_path, EXTRA_ROLE.format(third="xyz_block").replace("data_analysis", "abc_block"))
    with pytest.raises(CatalogError) as info:
        load_catalog([ext])
    assert len(info.value.problems) == 2


def test_yaml_syntax_error_names_line_and_column(runner, tmp_path):
    ext = write(tmp_path, "roles:\n  - id: a\n    name: [甲\n")
    with pytest.raises(InputFileError) as info:
        load_catalog([ext])
    assert f"{ext}:4:1" in info.value.message or f"{ext}:3:" in info.value.message
    result = runner.invoke(app, ["list", "roles", "--catalog", str(ext)])
    assert result.exit_code == 2 and str(ext) in result.stderr


def test_schema_is_json_schema_and_the_example_validates(runner):
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(runner.invoke(app, ["catalog", "schema"]).stdout)
    assert schema["type"] == "object" and "roles" in schema["properties"]
    example = yaml.safe_load(runner.invoke(app, ["catalog", "example"]).stdout)
    jsonschema.validate(example, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"roles": [{"id": "x", "nam": "typo"}]}, schema)


def test_exported_templates_are_used_and_fall_back(runner, tmp_path):
    folder = tmp_path / "tpl"
    assert runner.invoke(app, ["templates", "export", str(folder)]).exit_code == 0
    exported = sorted(p.name for p in folder.iterdir())
    assert "jd.md.j2" in exported
    (folder / "jd.md.j2").write_text("【我们的版式】{{ jd.title }}\n", encoding="utf-8")
    (folder / "jd.txt.j2").unlink()
    md = runner.invoke(app, ["new", "-r", "用户运营", "--templates", str(folder), "--no-input"])
    assert md.stdout == "【我们的版式】用户运营\n"
    txt = runner.invoke(
        app, ["new", "-r", "用户运营", "--templates", str(folder), "--format", "txt", "--no-input"]
    )
    assert txt.exit_code == 0 and "【岗位职责】" in txt.stdout  # the built-in txt template
    again = runner.invoke(app, ["templates", "export", str(folder)])
    assert again.exit_code == 2 and (folder / "jd.md.j2").read_text(encoding="utf-8").startswith(
        "【我们的版式】"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ jd.__class__.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    ],
)
def test_sandbox_refuses_python_internals(runner, tmp_path, body):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "jd.md.j2").write_text(f"# 标题\n{body}\n", encoding="utf-8")
    out = tmp_path / "jd.md"
    result = runner.invoke(
        app, ["new", "-r", "用户运营", "--templates", str(folder), "-o", str(out), "--no-input"]
    )
    assert result.exit_code == 2 and "不允许" in result.stderr
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert not out.exists()


def test_undefined_variable_names_itself_the_file_and_line(runner, tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "jd.md.j2").write_text("# {{ jd.title }}\n\n{{ company_slogan }}\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "-r", "用户运营", "--templates", str(folder), "--no-input"])
    assert result.exit_code == 2
    assert "company_slogan" in result.stderr and "jd.md.j2" in result.stderr and "第 3 行" in result.stderr


def test_missing_template_dir_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(
        app, ["new", "-r", "用户运营", "--templates", str(tmp_path / "nope"), "--no-input"]
    )
    assert result.exit_code == 2 and "templates export" in result.stderr


@pytest.mark.parametrize("level", ["专员", "经理"])
def test_an_extension_role_without_practices_keeps_its_own_blocks(runner, level):
    """The example's 品牌自播运营 declares no practices: its own live-streaming blocks still lead its JD."""
    example = Path(__file__).parents[1] / "data" / "example_extension.yaml"
    result = runner.invoke(
        app, ["new", "-r", "品牌自播运营", "-l", level, "--catalog", str(example), "--no-input"]
    )
    assert result.exit_code == 0, result.output
    duties = result.stdout.split("## 任职要求")[0]
    assert duties.count("直播") >= 2, duties
