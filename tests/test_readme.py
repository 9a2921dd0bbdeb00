"""The README shows real output: its `jdwriter new` example is what the command prints today."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from jdwriter.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_new_example_is_real_output(runner):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ (jdwriter new [^\n]*--no-input)\n(.*?)```", text, flags=re.S)
    assert block, "the README shows a `jdwriter new … --no-input` example"
    args = shlex.split(block.group(1))[1:]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout == block.group(2)


# --- every other example ---------------------------------------------------------------------------------------
# Code blocks are examples. Skipped on purpose: `pip install` (the packaging tests build and install the
# wheel), the benchmark table (timings of one machine), and the YAML blocks (a format description and an
# editor comment, not commands).

ELIDED = ("……", "…")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def pattern(expected: str) -> re.Pattern[str]:
    """Expected output as a regex: a line of only …… stands for any lines, …… inside a line for any text."""
    parts = []
    for line in expected.splitlines():
        if line.strip() in ELIDED:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            pieces = re.split("|".join(ELIDED), line)
            parts.append(r"[^\n]*?".join(re.escape(p) for p in pieces) + r"\n")
    return re.compile("".join(parts))


def jdwriter(runner, command: str, cwd: Path):
    """Run one `jdwriter …` shell command in cwd: `> file` and `| head -N` as a shell would."""
    command, _, redirect = command.partition(" > ")
    command, _, pipe = command.partition(" | ")
    args = shlex.split(command.split("#")[0] if " #" in command else command)
    assert args[0] == "jdwriter", command
    result = runner.invoke(app, args[1:], env={"COLUMNS": "250"})
    output = result.output
    if redirect:
        (cwd / redirect.split("#")[0].strip()).write_text(result.stdout, encoding="utf-8")
    if pipe:
        lines = int(re.fullmatch(r"head -(\d+)", pipe.strip()).group(1))
        output = "".join(output.splitlines(keepends=True)[:lines])
    return result, output


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_console_examples_show_real_output(runner, workdir):
    """Each `$ command` with the output shown under it: files shown with cat are written first."""
    checked = 0
    for block in blocks("console"):
        steps = re.findall(r"^\$ (.+)\n((?:(?!\$ ).*\n)*)", block, flags=re.M)
        status = 0
        for command, expected in steps:
            if command.startswith("cat "):
                (workdir / command[4:]).write_text(expected, encoding="utf-8")
                continue
            if command.startswith("ls "):
                assert sorted(expected.split()) == sorted(p.name for p in (workdir / command[3:]).iterdir())
                continue
            if command == "echo $?":
                assert expected.strip() == str(status)
                continue
            result, output = jdwriter(runner, command, workdir)
            status = result.exit_code
            if "--format json" in command and "--no-input" in command:
                continue  # an abridged picture of the JSON: test_json_example_names_the_real_keys
            assert pattern(expected).fullmatch(output), f"{command}\n--- README\n{expected}--- real\n{output}"
            checked += 1
    assert checked >= 4


def test_json_example_names_the_real_keys(runner):
    block = next(b for b in blocks("console") if "--format json" in b)
    command = re.search(r"^\$ (.+)$", block, flags=re.M).group(1)
    real = json.loads(runner.invoke(app, shlex.split(command)[1:]).stdout)
    shown = block.split("\n", 1)[1]
    assert re.findall(r'^  "(\w+)":', shown, flags=re.M) == list(real)
    for key in ("title", "role", "level", "industry", "directions", "topic", "emphasis", "meta"):
        line = re.search(rf'^  "{key}": (.*?),?$', shown, flags=re.M).group(1)
        assert json.loads(line) == real[key], key
    section_keys = re.findall(r'"(\w+)":', re.search(r'"sections": \[(\{.*?\})', shown).group(1))
    assert all(sorted(section_keys) == sorted(s) for s in real["sections"])
    text = README.read_text(encoding="utf-8")
    assert all(f"`{key}`" in text for s in real["sections"] for key in s)  # ordered and prose explained


def test_bash_examples_run(runner, workdir):
    """Every jdwriter command in the bash blocks exits 0, in order, with redirects written like a shell."""
    ran = 0
    for block in blocks("bash"):
        for line in block.splitlines():
            line = line.split(" # ")[0].strip()
            for command in (c.strip() for c in line.split("&&")):
                if not command.startswith("jdwriter "):
                    continue  # comments, pip install, export
                result, _ = jdwriter(runner, command, workdir)
                assert result.exit_code == 0, f"{command}\n{result.output}"
                ran += 1
    assert ran >= 12
    assert (workdir / "用户运营经理.docx").read_bytes()[:2] == b"PK"
    assert (workdir / "jd.html").exists() and (workdir / "my-templates" / "jd.md.j2").exists()
    assert (workdir / "用户运营.md").read_text(encoding="utf-8").startswith("# 用户运营\n")
    assert json.loads((workdir / "jdwriter-catalog.schema.json").read_text(encoding="utf-8"))


def test_python_example_runs(workdir, capsys):
    from jdwriter import generate

    (workdir / "jd.md").write_text(generate("用户运营"), encoding="utf-8")
    exec(blocks("python")[0], {})
    assert capsys.readouterr().out.startswith("# 高级用户运营经理")


def test_readme_names_only_files_that_exist():
    root = README.parent
    text = README.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:\.?[\w-]+/)+[\w.-]*|[A-Z][A-Z-]+(?:\.md)?|\w+\.(?:py|yaml|j2))`", text))
    named |= set(re.findall(r"\]\(([^)#]+)\)", text))
    named |= set(re.findall(r"\b([A-Z]{3,}[A-Z-]*(?:\.md)?)\b", text)) & {
        "FIELD-NOTES",
        "LICENSE",
        "CHANGELOG",
    }
    assert named, "the README names files"
    package = root / "src" / "jdwriter"
    stages = [
        d for d in package.iterdir() if (d / "__init__.py").is_file()
    ]  # a row names its package's files
    places = (root, package, *stages, root / "benchmarks", root / "templates")  # as the text says
    missing = sorted(n for n in named if not any((place / n).exists() for place in places))
    assert missing == [], missing


# --- every count the README states is the live catalogue's ------------------------------------------------

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER = r"(\d+|[一二两三四五六七八九十]{1,3})"
_CLAIMS = {
    "roles": [rf"{_NUMBER} ?个(?:运营)?岗位", rf"{_NUMBER} roles\b"],
    "duties": [rf"{_NUMBER} ?个职责块", rf"{_NUMBER} duty blocks\b"],
    "directions": [rf"{_NUMBER} ?个(?:市场)?方向", rf"{_NUMBER} (?:market )?directions\b"],
    "industries": [rf"{_NUMBER} ?个行业", rf"{_NUMBER} industries\b"],
    "levels": [rf"{_NUMBER} ?个级别(?!段)", rf"固定{_NUMBER}级", rf"{_NUMBER} levels\b"],
}


def _value(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN[text]
    tens, _, ones = text.partition("十")
    return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)


def readme_counts() -> dict[str, list[int]]:
    text = README.read_text(encoding="utf-8")
    return {
        kind: [_value(m.group(1)) for pattern in patterns for m in re.finditer(pattern, text)]
        for kind, patterns in _CLAIMS.items()
    }


def test_every_count_in_the_readme_is_the_catalogues():
    from jdwriter.api import get_catalog

    catalog = get_catalog()
    live = {
        "roles": len(catalog.roles),
        "duties": len(catalog.duties),
        "directions": len(catalog.directions),
        "industries": len(catalog.industries),
        "levels": len(catalog.levels),
    }
    stated = readme_counts()
    assert stated["roles"] and stated["duties"] and stated["directions"] and stated["levels"]
    for kind, counts in stated.items():
        assert all(count == live[kind] for count in counts), (
            f"README says {counts} {kind}; the catalogue has {live[kind]}"
        )


def test_the_readme_names_every_industry_and_level():
    from jdwriter.api import get_catalog

    catalog = get_catalog()
    text = README.read_text(encoding="utf-8")
    industry_line = next(line for line in text.splitlines() if line.startswith("- `--industry`"))
    assert all(i.name in industry_line for i in catalog.industries)
    assert "、".join(level.name for level in catalog.levels) in text


def test_readme_count_parser_reads_what_people_write():
    assert _value("14") == 14 and _value("五") == 5 and _value("十四") == 14 and _value("二十") == 20
