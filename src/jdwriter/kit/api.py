"""Entry points for kits: the same request path as a JD (api.make_request), then build and render.

``make_kit("用户运营", level="经理")`` gives the Kit model; :func:`kit_files` gives what `new --kit` and
`batch --kit` write beside a JD.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..catalog.model import Catalog, builtin_catalog_paths
from ..models import Request
from .bank import Bank, load_bank
from .build import build_kit
from .model import Kit

KIT_SUFFIX = "-面试"  # 用户运营经理.md → 用户运营经理-面试.md
KIT_KEY = "kit:"  # batch target keys: "md" is the JD, "kit:md" its kit


def is_kit(fmt: str) -> bool:
    """Whether a batch target key names a kit (kit:md) rather than the JD (md)."""
    return fmt.startswith(KIT_KEY)


_BANKS: dict[int, tuple[Catalog, Bank]] = {}


def bank_for(catalog: Catalog) -> Bank:
    """The question bank for a loaded catalogue: the built-in questions and those of its extension files
    (catalog.sources), loaded and checked once per catalogue."""
    hit = _BANKS.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        builtin = {str(p) for p in builtin_catalog_paths()}
        extra = [Path(s) for s in catalog.sources if s not in builtin]
        if len(_BANKS) > 8:
            _BANKS.clear()
        hit = _BANKS[id(catalog)] = (catalog, load_bank(catalog, extra))
    return hit[1]


def kit_for(request: Request, catalog: Catalog) -> Kit:
    """The kit for a resolved request (the one `new` composes its JD from)."""
    return build_kit(request, catalog, bank_for(catalog))


def make_kit(
    role: str,
    *,
    level: str | None = None,
    emphasis: Iterable[str] = (),
    industry: str | None = None,
    seed: int | None = None,
    catalogs: Sequence[Path] = (),
    title: str | None = None,
) -> Kit:
    """Resolve what was typed exactly as `new` does (same title reading, same refusals) and build the kit."""
    from ..api import get_catalog, make_request

    catalog = get_catalog(catalogs)
    resolved = make_request(
        catalog, role=role, title=title, level=level, emphasis=emphasis, industry=industry, seed=seed
    )
    return kit_for(resolved.request, catalog)


def kit_path(jd_path: Path) -> Path:
    """Where the kit goes beside a JD file: 用户运营经理.md → 用户运营经理-面试.md."""
    return jd_path.with_name(f"{jd_path.stem}{KIT_SUFFIX}{jd_path.suffix}")


def kit_targets(targets: dict[str, Path]) -> dict[str, Path]:
    """The kit files beside one batch row's JD files: {"kit:md": 007-用户运营经理-面试.md, …}."""
    return {KIT_KEY + fmt: kit_path(path) for fmt, path in targets.items() if not fmt.startswith(KIT_KEY)}


def kit_payloads(request: Request, catalog: Catalog, formats: Iterable[str]) -> dict[str, str | bytes]:
    """One batch row's kits, rendered, keyed as :func:`kit_targets`. Batch calls this once per row; a
    UserError (too few questions for the job) fails the row like any other problem with it."""
    from .render import render_kit

    kit = kit_for(request, catalog)
    return {KIT_KEY + fmt: render_kit(kit, fmt) for fmt in formats}
