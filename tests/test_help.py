"""Help pages as an HR user reads them in a narrow terminal: wrapped, not cut; Chinese, not Python; with
examples that really run."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from rich.cells import cell_len

from jdwriter.cli import app
from jdwriter.cli import batch as batch_cli
from jdwriter.cli import check as check_cli
from jdwriter.cli import new as new_cli
from jdwriter.cli.help_render import break_points, line_breaks

COMMANDS = {"new": new_cli.EXAMPLES, "batch": batch_cli.EXAMPLES, "check": check_cli.EXAMPLES}


def help_page(runner, args: list[str], width: int) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def example_commands(epilog: str) -> list[str]:
    return [line.strip() for line in epilog.splitlines() if line.strip().startswith("jdwriter ")]


KINSOKU = re.compile(r"^[│┃\s]*[，。、；：？！）」』》]|[│┃]\s*[，。、；：？！）」』》]")


@pytest.mark.parametrize("width", [40, 60, 80])
@pytest.mark.parametrize(
    "command", ["", *COMMANDS, "fix", "list", "catalog", "catalog check", "templates export"]
)
def test_help_wraps_without_cutting_or_python_types(runner, command, width):
    page = help_page(runner, command.split(), width)
    assert "…" not in page
    assert not re.search(r"<\w+(\[\w+\])?>|\b(TEXT|INTEGER|PATH|OPTIONS|ARGS|COMMAND)\b", page), page
    assert f"用法：jdwriter {command} [选项]".replace("  ", " ") in page
    assert max(cell_len(line) for line in page.splitlines()) <= width
    assert not [line for line in page.splitlines() if KINSOKU.search(line)], "no line starts with ，or 。"


def test_usage_lines_say_one_or_more_once(runner):
    usage = help_page(runner, ["fix"], 60).splitlines()[1]
    assert "[文件]..." in usage and "…" not in usage
    assert "[类别]" in help_page(runner, ["list"], 60).splitlines()[1]
    for command in ("", "new", "batch", "fix", "check", "list"):
        usage = help_page(runner, command.split(), 60).splitlines()[1]
        assert "[[" not in usage and "]]" not in usage and "…]" not in usage, usage


def test_option_names_are_never_cut_at_60_columns(runner):
    page = help_page(runner, [], 60)
    assert "--install-completion" in page and "--show-completion" in page


@pytest.mark.parametrize("kind", ["roles", "directions", "duties", "levels", "industries"])
@pytest.mark.parametrize("width", [50, 60])
def test_list_tables_wrap_at_word_and_cjk_boundaries(runner, kind, width):
    result = runner.invoke(app, ["list", kind], env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not [line for line in lines if KINSOKU.search(line)], "no cell line starts with ，or 。"
    assert "…" not in result.stdout
    words = set(re.findall(r"[A-Za-z]{2,}", " ".join(str(v) for v in _catalog_texts(kind))))
    cells = [c.strip() for line in lines for c in re.split(r"[│┃]", line)]
    pieces = {w for c in cells for w in re.findall(r"[A-Za-z]{2,}", c)}
    assert pieces <= words | {"id"}, f"a Latin word split across lines: {sorted(pieces - words)}"


def _catalog_texts(kind: str) -> list[object]:
    from jdwriter.api import get_catalog
    from jdwriter.catalog.listing import list_rows
    from jdwriter.resolve.scope import scope_note

    rows = list_rows(get_catalog(), kind)
    note = [scope_note()] if kind in ("roles", "directions") else []  # printed under the table
    return [v for row in rows for v in row.values()] + note


def test_list_alone_names_the_kinds_with_counts(runner):
    from jdwriter.api import get_catalog

    result = runner.invoke(app, ["list"], env={"COLUMNS": "60"})
    assert result.exit_code == 0
    catalog = get_catalog()
    counts = {"roles": len(catalog.roles), "duties": len(catalog.duties), "levels": len(catalog.levels)}
    for kind, count in counts.items():
        line = next(line for line in result.stdout.splitlines() if line.startswith(kind))
        assert re.search(rf"\b{count}\b", line), line
    assert "templates" in result.stdout and "…" not in result.stdout


@pytest.mark.parametrize("width", [40, 60, 80])
def test_every_word_of_an_option_help_survives_wrapping(runner, width):
    page = help_page(runner, ["new"], width)
    flat = re.sub(r"[│\s]", "", page)
    for words in ("实习生、专员、主管（高级/资深）、经理、总监", "本地生活", "md、txt、json、html、docx"):
        assert words in flat
    assert "md、txt、json、html、docx" in re.sub(r"[│\s]", "", help_page(runner, ["batch"], width))


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_that_stay_on_one_line_at_60_columns(runner, command):
    page = help_page(runner, [command], 60)
    assert "示例" in page
    commands = example_commands(COMMANDS[command])
    assert 2 <= len(commands) <= 4
    lines = [line.strip() for line in page.splitlines()]
    for example in commands:
        assert example in lines  # whole, so it can be copied


def test_root_usage_names_commands_in_chinese(runner):
    page = help_page(runner, [], 80)
    assert "用法：jdwriter [选项] 命令 [参数]" in page


def test_wrapping_keeps_file_names_and_punctuation_together():
    assert 8 not in break_points("写入用户运营经理.docx")  # not between 理 and .docx
    text = "输出格式：md、txt、json、html、docx；默认按 -o 的扩展名，否则 md。"
    cuts = line_breaks(text, 20)
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert all(cell_len(p.rstrip()) <= 20 for p in pieces)
    assert len(pieces) >= 3 and not any(
        p.lstrip()[0] in "，。、；）" for p in pieces[1:]
    )  # no line starts with a closing mark


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """The files the examples name, in the current directory."""
    from jdwriter.api import generate

    monkeypatch.chdir(tmp_path)
    (tmp_path / "岗位.csv").write_text("岗位,级别\n用户运营,经理\n内容运营,专员\n", encoding="utf-8")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["岗位", "级别"])
    book.active.append(["活动运营", "主管"])
    book.save(tmp_path / "岗位.xlsx")
    (tmp_path / "jd.md").write_text(generate("用户运营"), encoding="utf-8")
    (tmp_path / "用户运营经理.docx").write_bytes(generate("用户运营", level="经理", format="docx"))
    return tmp_path


def test_every_example_runs(runner, workdir):
    """The examples are real commands: each one does what its comment says, with exit 0."""
    ran = 0
    for epilog in COMMANDS.values():
        for example in example_commands(epilog):
            args = shlex.split(example)[1:]
            if args == ["new", "-o", "用户运营.md"]:
                continue  # the wizard needs a terminal; tests/test_wizard.py drives it
            if args[0] == "batch" and "--force" not in args:
                shutil.rmtree(workdir / "输出", ignore_errors=True)  # each example on its own
            stdin = (workdir / "jd.md").read_text(encoding="utf-8") if args[-1] == "-" else None
            result = runner.invoke(app, args, input=stdin)
            assert result.exit_code == 0, (example, result.output)
            ran += 1
    assert ran >= 7
    assert (workdir / "jd.docx").read_bytes()[:2] == b"PK"
    assert len(list((workdir / "输出").glob("*.md"))) == 2  # the last one: 岗位.csv, 完整版, --force


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_top_level_help_skips_building_the_commands_options_and_prints_the_same(flag, monkeypatch, capsys):
    """`jdwriter --help` lists commands by name and summary only, so main() builds no command's options for
    it: the page is the one Typer prints with every option built, and Typer is left as it was."""
    import typer.main
    from typer.testing import CliRunner

    from jdwriter.cli import main

    monkeypatch.setenv("COLUMNS", "90")
    built: list[str] = []
    original = typer.main.get_params_from_function
    monkeypatch.setattr(
        typer.main, "get_params_from_function", lambda f: built.append(f.__name__) or original(f)
    )
    full = CliRunner().invoke(app, [flag], prog_name="jdwriter")
    built.clear()
    monkeypatch.setattr("sys.argv", ["jdwriter", flag])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0
    assert built and set(built) == {"_root"}  # only the root's options were built
    assert capsys.readouterr().out == full.output
    assert typer.main.get_params_from_function is not original  # our spy is back, not left replaced
    assert typer.main.get_params_from_function.__name__ == "<lambda>"
