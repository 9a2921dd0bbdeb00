"""Build hook: ship a validated, pre-parsed copy of each built-in data file (data/*.yaml) in the wheel, and
each built-in template compiled to Python (jdwriter/render/precompiled.py says why and how it is matched).

Parsing the YAML costs ~20 ms on every run and validating it with pydantic ~20 ms more; the same data as JSON
loads in about a millisecond. Each file is validated here, at build time, with the model jdwriter reads it
with, and shipped as that model's dump (aliases, defaults and normalised values included), so at run time
jdwriter constructs the models from it without validating again (jdwriter/catalog/built.py). A file that
fails validation fails the build: a wheel never ships a catalogue that `catalog check` would refuse.

The YAML stays the only source: the JSON carries the SHA-256 of the YAML it came from, and jdwriter ignores
it unless the hash matches the YAML beside it (jdwriter/files/yamlio.py, read_shipped).

The JSON is written to a temporary folder that finalize() removes once the wheel holds it: a build leaves
nothing behind in TMPDIR.
"""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

import yaml
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# data file → the model jdwriter validates it with
DATA_FILES = {
    "duties": "jdwriter.catalog.entries:CatalogFile",
    "directions": "jdwriter.catalog.entries:CatalogFile",
    "domain_notes": "jdwriter.catalog.entries:CatalogFile",
    "vocabulary": "jdwriter.catalog.vocabulary:Vocabulary",
    "domains": "jdwriter.resolve.lexicon:Lexicon",
    "scope": "jdwriter.resolve.lexicon:Scope",
    "interview": "jdwriter.kit.bank:BankFile",  # the kit question bank
}


def validated(root: Path, name: str, data: Any) -> Any:
    """``data`` validated by its model and dumped as JSON-ready data (by alias, defaults included)."""
    sys.path.insert(0, str(root / "src"))
    try:
        module, _, cls = DATA_FILES[name].partition(":")
        model = getattr(importlib.import_module(module), cls)
        return model.model_validate(data or {}).model_dump(mode="json", by_alias=True)
    finally:
        sys.path.remove(str(root / "src"))


def compiled_templates(root: Path) -> dict[str, str]:
    """Each built-in template compiled by the environment jdwriter renders with: module file → source."""
    sys.path.insert(0, str(root / "src"))
    try:
        render = importlib.import_module("jdwriter.render.render")
        precompiled = importlib.import_module("jdwriter.render.precompiled")
        env = render.make_env(None)
        out = {}
        for path in sorted((root / "templates").glob("*.j2")):
            source = path.read_text(encoding="utf-8")
            code = precompiled.compile_source(env, path.name, source)
            out[f"{precompiled.key(source)}.py"] = f"# compiled from templates/{path.name}\n{code}\n"
        return out
    finally:
        sys.path.remove(str(root / "src"))


class CatalogCacheHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "catalog-cache"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._scratch = Path(tempfile.mkdtemp(prefix="jdwriter-build-"))
        root = Path(self.root)
        for name in DATA_FILES:
            source = root / "data" / f"{name}.yaml"
            raw = source.read_bytes()
            blob = {
                "checksum": f"{len(raw)}:{zlib.crc32(raw):08x}",  # files.yamlio.checksum
                "validated": True,
                "data": validated(root, name, yaml.safe_load(raw.decode("utf-8-sig"))),
            }
            out = self._scratch / f"{name}.json"
            out.write_text(json.dumps(blob, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            build_data["force_include"][str(out)] = f"jdwriter/data/{name}.json"
        for target, text in compiled_templates(root).items():
            out = self._scratch / target.replace("/", "_")
            out.write_text(text, encoding="utf-8")
            build_data["force_include"][str(out)] = f"jdwriter/render/compiled/{target}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
