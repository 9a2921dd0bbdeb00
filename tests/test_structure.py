"""The house by stage (README「架构」): a few loose modules, the rest in stage packages, and rooms, not halls.

Sizes are counted in source lines: a module at most 400, a function body at most 80 (from its first statement
to its last line, so a Typer command's long option list is its signature, not its body), a class at most 200.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "jdwriter"
MAX_MODULE, MAX_FUNCTION, MAX_CLASS = 400, 80, 200


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_a_dozen_loose_modules_at_most_and_stage_packages_beside_cli():
    loose = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert len(loose) <= 12, loose
    assert len(set(packages) - {"cli"}) >= 4, packages
    prefixes = [name.split("_")[0] for name in loose]
    assert len(prefixes) == len(set(prefixes)), f"loose modules sharing a prefix want a package: {loose}"
    assert not set(prefixes) & set(packages), "a loose module named like a package belongs in it"


def test_every_package_says_what_it_owns():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, (
            f"{init.relative_to(PACKAGE)} needs a docstring: what it owns and imports"
        )


def test_rooms_not_halls():
    too_big = []
    for path in modules():
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE)
        if source.count("\n") > MAX_MODULE:
            too_big.append(f"{name}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                body = (node.end_lineno or 0) - node.body[0].lineno + 1
                if body > MAX_FUNCTION:
                    too_big.append(f"{name}:{node.lineno} {node.name}() body {body} lines")
            elif isinstance(node, ast.ClassDef):
                length = (node.end_lineno or 0) - node.lineno + 1
                if length > MAX_CLASS:
                    too_big.append(f"{name}:{node.lineno} class {node.name} {length} lines")
    assert too_big == []
