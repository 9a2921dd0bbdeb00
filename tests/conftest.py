"""Shared fixtures. Every test runs with HOME and the working directory in its own folder, and without any
JDWRITER_CATALOG from the developer's shell, so no test touches or depends on the real machine."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    from jdwriter.catalog import load_catalog

    return load_catalog([FIXTURES / "mini.yaml"], builtin=False)


@pytest.fixture(scope="session")
def catalog():
    from jdwriter.api import get_catalog

    return get_catalog()


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()
