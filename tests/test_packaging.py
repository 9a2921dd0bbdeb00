"""The wheel carries its data and templates: an installed copy works from any directory, without the clone."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built the way pip builds it (pip wheel --no-build-isolation calls this same PEP 517 hook
    of hatchling in the source tree), without pip's own start-up."""
    pytest.importorskip("hatchling", reason="the wheel is built with hatchling (pip install '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    tmpdir = tmp_path_factory.mktemp("build-tmp")
    subprocess.run(
        [sys.executable, "-c", "import sys, hatchling.build as b; b.build_wheel(sys.argv[1])", str(out)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(tmpdir)},
    )
    LEFT_IN_TMPDIR.extend(p.name for p in tmpdir.iterdir())
    return next(out.glob("jdwriter-*.whl"))


LEFT_IN_TMPDIR: list[str] = []


def test_building_the_wheel_leaves_nothing_in_tmpdir(wheel: Path) -> None:
    assert LEFT_IN_TMPDIR == []


def test_wheel_declares_the_mit_licence_and_ships_it(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT" in archive.read(metadata).decode("utf-8")
    licence = next(n for n in archive.namelist() if n.endswith("/LICENSE") and ".dist-info/" in n)
    text = archive.read(licence).decode("utf-8")
    assert text.startswith("MIT License") and "jdwriter contributors" in text


def test_wheel_ships_catalogue_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "jdwriter/data/duties.yaml" in names
    assert (
        "jdwriter/data/duties.json" in names
    )  # the pre-parsed catalogue that spares each run the YAML parse
    assert "jdwriter/templates/jd.md.j2" in names
    assert "jdwriter/cli/__init__.py" in names


def _python(probe: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -c probe`` in a fresh process; it must succeed."""
    return subprocess.run(
        [sys.executable, "-c", probe], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )


def test_installed_wheel_runs_outside_the_clone(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    # A pure-Python wheel installs by unpacking into site-packages; here into a folder put on PYTHONPATH.
    zipfile.ZipFile(wheel).extractall(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import jdwriter.resources as r\n"
        "import jdwriter.catalog.model as c\n"
        "import jdwriter.files.yamlio as y\n"
        "calls = []\n"
        "original = y.read_yaml\n"
        "y.read_yaml = lambda *a, **k: calls.append(a) or original(*a, **k)\n"
        "from jdwriter.catalog.vocabulary import vocabulary\n"
        "vocabulary()\n"
        "import sys\n"
        "roles = len(c.load_catalog().roles)\n"
        "print(r.data_dir(), r.templates_dir(), roles, len(calls), 'yaml' in sys.modules)\n"
    )
    data, templates, roles, yaml_parses, yaml_imported = _python(probe, elsewhere, env).stdout.split()
    assert Path(data).is_relative_to(target) and Path(templates).is_relative_to(target), (data, templates)
    assert roles == "21" and yaml_parses == "0" and yaml_imported == "False"  # PyYAML is never imported
    result = subprocess.run(
        [sys.executable, "-m", "jdwriter", "new", "--role", "用户运营", "--no-input"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# 用户运营")


FLOOR = """
import typer
from rich.console import Console

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    Console().print(f"Hello {name}")


app()
"""
NEVER = ("openpyxl", "docx", "jieba", "yaml", "lxml")  # nothing the built-in path of new or --help uses


def _imported(args: list[str], env: dict[str, str], cwd: Path) -> set[str]:
    """Every module a fresh process imports (python -X importtime writes one line per module to stderr)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return {
        line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")
    }


def test_new_and_help_import_only_what_they_use(wheel: Path, tmp_path: Path) -> None:
    """`new --role 用户运营` and `--help` from an installed wheel: no Excel, Word, YAML or jieba module, and no
    pydantic module beyond those Typer itself imports to run a command (typer 0.29 imports pydantic for its
    parameter types; --help, which runs no command, imports none). The catalogue's validators are not built."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    floor = tmp_path / "floor.py"
    floor.write_text(FLOOR, encoding="utf-8")
    floor_run = _imported([str(floor)], env, tmp_path)
    floor_help = _imported([str(floor), "--help"], env, tmp_path)
    probe = (
        "import sys\n"
        "sys.argv = ['jdwriter', 'new', '--role', '用户运营', '--no-input']\n"
        "from jdwriter.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "from jdwriter.catalog.entries import CatalogFile, Duty\n"
        "print('BUILT', CatalogFile.__pydantic_complete__, Duty.__pydantic_complete__, file=sys.stderr)\n"
    )
    new = _imported(["-c", probe], env, tmp_path)
    help_ = _imported(["-m", "jdwriter", "--help"], env, tmp_path)
    for name, modules, reference in (("new", new, floor_run), ("--help", help_, floor_help)):
        heavy = sorted(m for m in modules if m.split(".")[0] in NEVER)
        assert heavy == [], f"{name} imports {heavy[:5]}"
        extra = sorted(m for m in modules - reference if m.split(".")[0] in ("pydantic", "pydantic_core"))
        assert extra == [], f"{name} imports pydantic modules the Typer+Rich floor does not: {extra[:5]}"
    assert not any(m.startswith("pydantic") for m in help_)
    built = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert "BUILT False False" in built.stderr, built.stderr[-500:]


def test_installed_templates_run_from_their_compiled_code(wheel: Path, tmp_path: Path) -> None:
    """The wheel ships each built-in template compiled (render/precompiled.py): the installed `new` renders
    from that code without compiling, with the same output as a compile, and a changed template (the
    shipped code then no longer matches its text) is compiled as before."""
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    names = zipfile.ZipFile(wheel).namelist()
    shipped = [n for n in names if n.startswith("jdwriter/render/compiled/t_")]
    assert len(shipped) == len(list((ROOT / "templates").glob("*.j2")))
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import jinja2.environment as e\n"
        "compiles = []\n"
        "original = e.Environment.compile\n"
        "e.Environment.compile = lambda self, *a, **k: compiles.append(a) or original(self, *a, **k)\n"
        "from jdwriter import generate\n"
        "text = ''.join(str(generate('直播运营', level='经理', format=f)) for f in ('md', 'html', 'txt'))\n"
        "print(len(compiles), file=__import__('sys').stderr)\n"
        "print(text)\n"
    )
    run = _python(probe, tmp_path, env)
    assert run.stderr.split()[0] == "0"  # no template was compiled at run time
    source_tree = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    plain = _python(probe, tmp_path, source_tree)  # the source tree: no compiled code, compiled at run time
    assert plain.stderr.split()[0] == "3"
    assert run.stdout == plain.stdout
    md = target / "jdwriter" / "templates" / "jd.md.j2"
    md.write_text(
        md.read_text(encoding="utf-8").replace("## {{ section.heading }}", "### {{ section.heading }}"),
        encoding="utf-8",
    )
    edited = _python(probe, tmp_path, env)
    assert edited.stderr.split()[0] == "1" and "### 岗位职责" in edited.stdout
