"""jdwriter: specific, lawful Chinese job descriptions for 运营 roles.

    from jdwriter import generate, check_text
    print(generate("用户运营", level="经理", industry="电商"))
    findings = check_text(open("jd.md", encoding="utf-8").read())

Attributes are imported lazily, so ``import jdwriter`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["JdwriterError", "__version__", "check_text", "generate", "generate_jd", "load_catalog"]

_LAZY = {
    "generate": "jdwriter.api",
    "generate_jd": "jdwriter.api",
    "check_text": "jdwriter.check.engine",
    "load_catalog": "jdwriter.catalog.model",
    "JdwriterError": "jdwriter.errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jdwriter' has no attribute {name!r}")
