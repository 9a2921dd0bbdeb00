"""`jdwriter new` and `jdwriter list` as a user runs them: output, exit codes and error messages."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from jdwriter import generate_jd
from jdwriter.cli import app


def run(runner, *args, **kwargs):
    return runner.invoke(app, list(args), **kwargs)


def numbered(markdown: str, heading: str) -> list[str]:
    """The numbered items under a `## heading` of our Markdown."""
    block = markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\d+\. (.+)$", block, flags=re.M)


def test_new_prints_a_markdown_jd(runner):
    result = run(runner, "new", "--role", "用户运营", "--no-input")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# 用户运营\n")  # the title as typed
    assert 5 <= len(numbered(text, "岗位职责")) <= 8
    assert 4 <= len(numbered(text, "任职要求")) <= 7
    assert result.stderr == ""


def test_new_is_byte_identical_across_runs(runner):
    outputs = {run(runner, "new", "--role", "用户运营", "--no-input").stdout for _ in range(2)}
    assert len(outputs) == 1
    seeded = run(runner, "new", "--role", "用户运营", "--no-input", "--seed", "7").stdout
    assert seeded != outputs.pop()


def test_levels_scale_verbs_years_and_team_items(runner):
    manager = run(runner, "new", "--role", "用户运营", "--level", "经理", "--no-input").stdout
    specialist = run(runner, "new", "--role", "用户运营", "--level", "专员", "--no-input").stdout
    m_duties, s_duties = numbered(manager, "岗位职责"), numbered(specialist, "岗位职责")
    assert all(x.startswith(("主导", "统筹", "搭建", "带领", "规划", "建立")) for x in m_duties)
    assert all(
        x.startswith(("执行", "跟进", "维护", "输出", "策划", "撰写", "监控", "对接")) for x in s_duties
    )
    assert "5 年以上" in manager and "1–3 年" in specialist
    assert any("组内" in x for x in m_duties) and not any("组内" in x for x in s_duties)


def test_a_manager_is_asked_for_a_team_once():
    """Many employers' 经理 is a senior individual lead (panel: six team lines in one Tencent 产品运营经理
    JD): the requirements ask for a team once, the bonus not at all; a 总监 still leads a team."""
    team = re.compile("带团队|带领团队|团队管理|人以上的团队|组建|带过|管理过.{0,12}团队")
    for role in ("产品运营", "内容运营", "行业运营", "商务运营", "用户运营"):
        jd = generate_jd(role, level="经理")
        asks = [
            x for s in jd.sections if s.id in ("requirements", "bonus") for x in s.items if team.search(x)
        ]
        assert len(asks) == 1, asks
        assert [s for s in jd.sections if s.id == "requirements"][0].items[0].count("团队") == 0
        director = generate_jd(role, level="总监")
        assert sum(bool(team.search(x)) for s in director.sections for x in s.items) >= 2


@pytest.mark.parametrize("flag", ["主管", "高级", "资深", "senior"])
def test_level_aliases(runner, flag):
    result = run(runner, "new", "--role", "用户运营", "--level", flag, "--no-input")
    assert result.stdout.startswith("# 用户运营主管\n")


def test_json_has_the_documented_keys(runner):
    result = run(runner, "new", "--role", "用户运营", "--industry", "电商", "--no-input", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {
        "title",
        "role",
        "level",
        "industry",
        "directions",
        "topic",
        "emphasis",
        "summary",
        "meta",
        "sections",
    }
    assert data["role"] == {"id": "user_ops", "name": "用户运营"}
    assert data["level"]["name"] == "专员" and data["industry"]["name"] == "电商"
    ids = [s["id"] for s in data["sections"]]
    assert "duties" in ids and "requirements" in ids
    assert all(set(s) >= {"id", "heading", "items"} for s in data["sections"])
    plain = json.loads(run(runner, "new", "--role", "用户运营", "--no-input", "--format", "json").stdout)
    assert plain["industry"] is None and plain["meta"] == {}


def test_emphasis_accepts_names_aliases_and_comma_lists(runner):
    result = run(
        runner, "new", "-r", "用户运营", "-e", "数据分析，活动策划", "--format", "json", "--no-input"
    )
    data = json.loads(result.stdout)
    assert len(data["emphasis"]) == 2
    repeated = run(
        runner, "new", "-r", "用户运营", "-e", "数据分析", "-e", "活动策划", "--format", "json", "--no-input"
    )
    assert json.loads(repeated.stdout)["emphasis"] == data["emphasis"]


def test_company_fields_go_in_the_meta_line(runner, tmp_path):
    company = tmp_path / "company.yaml"
    company.write_text(
        "name: 示例科技\nintro: 我们做本地生活服务。\nbenefits: [六险一金, 带薪年假]\n", encoding="utf-8"
    )
    result = run(
        runner,
        "new",
        "-r",
        "用户运营",
        "--company",
        str(company),
        "--location",
        "杭州",
        "--headcount",
        "2",
        "--template",
        "full",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    assert "示例科技" in result.stdout and "杭州" in result.stdout and "2 人" in result.stdout
    assert "## 公司介绍" in result.stdout and "## 福利待遇" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--role", "厨师长"], "用户运营"),
        (["--role", "用户运营", "--level", "大师"], "经理"),
        (["--role", "用户运营", "--industry", "航天"], "电商"),
        (["--role", "用户运营", "--emphasis", "量子纠缠"], "职责侧重"),
        (["--role", "用户运营", "--format", "pdf"], "docx"),
        (["--role", "用户运营", "--template", "fancy"], "standard"),
        (["--role", "用户运营", "--company", "/nonexistent/company.yaml"], "找不到"),
        (["--role", "用户运营", "--seed", "-3"], "--seed"),
    ],
)
def test_bad_input_exits_2_with_one_chinese_line(runner, args, needle):
    result = run(runner, "new", *args, "--no-input")
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    assert re.search(r"[\u4e00-\u9fff]", result.stderr)


def test_bad_company_yaml_and_python_tags_are_refused(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    result = run(runner, "new", "-r", "用户运营", "--company", str(broken), "--no-input")
    assert result.exit_code == 2 and "broken.yaml:" in result.stderr
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"name: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    result = run(runner, "new", "-r", "用户运营", "--company", str(evil), "--no-input")
    assert result.exit_code == 2 and not marker.exists()


def test_missing_role_without_a_terminal_names_the_flag(runner):
    result = run(runner, "new")
    assert result.exit_code == 2 and "--role" in result.stderr
    result = run(runner, "new", "--no-input")
    assert result.exit_code == 2 and "--role" in result.stderr


def test_output_file_is_not_overwritten_without_force(runner, tmp_path):
    target = tmp_path / "jd.md"
    target.write_text("我自己写的", encoding="utf-8")
    result = run(runner, "new", "-r", "用户运营", "-o", str(target), "--no-input")
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "我自己写的"
    result = run(runner, "new", "-r", "用户运营", "-o", str(target), "--force", "--no-input")
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# 用户运营")
    assert [p.name for p in tmp_path.iterdir()] == ["jd.md"]


def test_output_format_follows_the_suffix(runner, tmp_path):
    target = tmp_path / "jd.json"
    assert run(runner, "new", "-r", "用户运营", "-o", str(target), "--no-input").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "用户运营"


@pytest.mark.parametrize("kind", ["roles", "duties", "levels", "industries", "templates", "岗位"])
def test_list_json_parses_with_id_name_aliases(runner, kind):
    result = run(runner, "list", kind, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all({"id", "name", "aliases"} <= set(r) for r in rows)


def test_list_levels_in_order_and_table_for_people(runner):
    rows = json.loads(run(runner, "list", "levels", "--json").stdout)
    assert [r["name"] for r in rows] == ["实习生", "专员", "主管", "经理", "总监"]
    table = run(runner, "list", "roles")
    assert table.exit_code == 0 and "用户运营" in table.stdout


def test_list_unknown_kind(runner):
    result = run(runner, "list", "colours")
    assert result.exit_code == 2 and "roles" in result.stderr


def test_version_and_module_entry_point():
    out = subprocess.run(
        [sys.executable, "-m", "jdwriter", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("jdwriter ")
    out = subprocess.run(
        [sys.executable, "-m", "jdwriter", "new", "-r", "用户运营", "--no-input"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and out.stdout.startswith("# ")


def test_help_is_chinese(runner):
    result = run(runner, "new", "--help")
    assert result.exit_code == 0
    assert (
        "岗位" in result.stdout
        and "显示帮助并退出" in result.stdout
        and "Show this message" not in result.stdout
    )


def test_exact_names_do_not_import_jieba_or_docx():
    code = (
        "import sys\n"
        "from jdwriter.cli import main\n"
        "sys.argv = ['jdwriter', 'new', '--role', '用户运营', '--level', '经理', '-e', '拉新', '--no-input']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'docx', 'openpyxl')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["new", "-r", "用户运营", "--headcount", "abc"], "应为正整数"),
        (["batch", "jobs.csv", "-o", "out", "--jobs", "x"], "应为整数"),
        (["new", "--frobnicate"], "没有这个选项"),
        (["new", "--role"], "需要一个值"),
        (["new", "-r", "用户运营", "extra"], "多余的参数"),
        (["no-such-command"], "没有这个命令"),
        (["nwe"], "没有这个命令：nwe，你是不是想用 new？"),
        (["new", "--force=yes", "-r", "用户运营"], "不需要值"),
    ],
)
def test_usage_errors_are_in_chinese(runner, args, needle):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert not re.search(r"Invalid value|No such|Missing|Got unexpected|requires an argument", result.stderr)


def test_user_supplied_text_is_checked_like_any_jd(runner, tmp_path):
    company = tmp_path / "company.yaml"
    company.write_text("name: 示例科技\nbenefits: [六险一金, 限本地户口]\n", encoding="utf-8")
    result = run(
        runner, "new", "-r", "用户运营", "--company", str(company), "--template", "full", "--no-input"
    )
    assert result.exit_code == 0
    assert "户籍" in result.stderr and "提醒" in result.stderr
    clean = run(runner, "new", "-r", "用户运营", "--company-name", "示例科技", "--no-input")
    assert clean.stderr == ""


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


@pytest.mark.parametrize("kind", ["roles", "duties", "levels", "industries", "templates"])
def test_list_reads_placeholders_as_general_values(runner, catalog, kind):
    table = run(runner, "list", kind)
    assert table.exit_code == 0 and not re.search(r"[{}]", table.stdout), table.stdout
    rows = json.loads(run(runner, "list", kind, "--json").stdout)
    assert not [s for s in _strings(rows) if re.search(r"[{}]", s)]
    if kind == "roles":
        user_ops = next(r for r in rows if r["id"] == "user_ops")
        assert catalog.placeholders["users"] in user_ops["summary"]


def test_list_templates_names_them_in_chinese(runner):
    table = run(runner, "list", "templates").stdout
    assert "标准版" in table and "完整版" in table


def test_company_files_accept_the_shapes_sheets_accept(runner, tmp_path):
    """Name in any case, a numeric salary, 若干 and a GBK-encoded file: the one input model and reader."""
    english = tmp_path / "c1.yaml"
    english.write_text("Name: 示例科技\nsalary: 15000\nheadcount: 若干\n", encoding="utf-8")
    result = run(
        runner, "new", "--role", "用户运营", "--company", str(english), "--no-input", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["meta"] == {
        "company": "示例科技",
        "salary": "15000",
        "headcount": "若干",
    }
    gbk = tmp_path / "c2.yaml"
    gbk.write_bytes("公司名称: 示例科技\n工作地点: 杭州\n招聘人数: 2.0\n".encode("gbk"))
    result = run(runner, "new", "--role", "用户运营", "--company", str(gbk), "--no-input")
    assert result.exit_code == 0, result.output
    assert "**工作地点**：杭州" in result.stdout and "2 人" in result.stdout


def test_headcount_flag_takes_若干(runner):
    result = run(runner, "new", "--role", "用户运营", "--headcount", "若干", "--no-input")
    assert result.exit_code == 0 and "若干" in result.stdout


@pytest.mark.parametrize(
    ("typed", "shown"), [("两个", "2 人"), ("三名", "3 人"), ("十二", "12 人"), ("2人", "2 人")]
)
def test_headcount_in_chinese_numerals_is_understood(runner, typed, shown):
    result = run(runner, "new", "--role", "用户运营", "--headcount", typed, "--no-input")
    assert result.exit_code == 0, result.output
    assert f"**招聘人数**：{shown}" in result.stdout


def test_a_bad_headcount_is_reported_in_the_headcount_flag(runner):
    result = run(runner, "new", "--role", "用户运营", "--headcount", "好多", "--no-input")
    assert result.exit_code == 2
    assert "--headcount「好多」" in result.stderr and "公司信息" not in result.stderr


def test_too_long_company_text_gives_the_limit(runner, tmp_path):
    company = tmp_path / "company.yaml"
    company.write_text("公司介绍: " + "好" * 2100 + "\n", encoding="utf-8")
    result = run(runner, "new", "--role", "用户运营", "--company", str(company), "--no-input")
    assert result.exit_code == 2
    assert "公司介绍" in result.stderr and "内容太长" in result.stderr
    assert "2100" in result.stderr and "上限 2000" in result.stderr
