"""Shared fixtures. Every test runs with HOME and the working directory in its own folder, and without any
JDWRITER_CATALOG from the developer's shell, so no test touches or depends on the real machine."""

from __future__ import annotations

import os
import site
from pathlib import Path

import pytest

# Tests give their child processes a HOME of their own. Python finds the user's site-packages through HOME, and
# on a machine where pip put a dependency there (openpyxl already installed with --user, say) a child would lose
# it; the children keep the site-packages this interpreter has.
os.environ.setdefault("PYTHONUSERBASE", site.getuserbase())

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)  # a command that writes by default (the wizard) writes here, not into the repo
    monkeypatch.delenv("JDWRITER_CATALOG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="session")
def mini_catalog():
    from jdwriter.catalog.model import load_catalog

    return load_catalog([FIXTURES / "mini.yaml"], builtin=False)


@pytest.fixture(scope="session")
def catalog():
    from jdwriter.api import get_catalog

    return get_catalog()


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


def _build_each_app_once() -> None:
    """Typer's CliRunner rebuilds the whole click command tree from the app's signatures on every invoke
    (about 30 ms: every command's type hints evaluated again), which was a third of the suite. A real run
    builds it once per process; here each app is built once per test process and reused. Click commands keep
    no state between invocations, so each invoke still parses, runs and exits exactly as `jdwriter` does."""
    import typer.testing

    build = getattr(typer.testing, "_get_command", None)
    if build is None:  # pragma: no cover - a Typer that builds differently: slower, still correct
        return
    built: dict[int, tuple[object, object]] = {}

    def once(app: object) -> object:
        hit = built.get(id(app))
        if hit is None or hit[0] is not app:
            hit = built[id(app)] = (app, build(app))
        return hit[1]

    typer.testing._get_command = once


_build_each_app_once()
