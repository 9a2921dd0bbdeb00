"""Which note of data/domain_notes.yaml a job takes: the note for the title's domain (金融), for what the title's
direction works on (补贴 in 补贴策略运营), for a direction that is only the job's domain (游戏 in 游戏产品运营), or
for the working language (日语); and which practices a word of the title rules out (图文 drops 直播). Pure functions
of catalogue entries; no I/O."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog.model import Catalog, Direction, DomainNote
from ..text import normalise


def pick_note(notes: list[DomainNote], role: str) -> DomainNote | None:
    """The first note written for this role, or for every role."""
    return next((x for x in notes if not x.roles or role in x.roles), None)


def subject_note(
    catalog: Catalog,
    role: str,
    domain: str | None,
    title: str,
    directions: Iterable[Direction],
    domains: Iterable[Direction],
    allowed: frozenset[str],
) -> tuple[DomainNote | None, frozenset[str]]:
    """The note for the job's subject and the practices its lines may name: the title's domain's; else the note
    for what a direction of the title works on (补贴 in 补贴策略运营); else that of a direction that is only the
    job's domain (游戏 in 游戏产品运营)."""
    note = pick_note(catalog.notes_by_domain.get(domain or "", []), role) or _focus(
        catalog, role, title, directions
    )
    for direction in [] if note else domains:
        # 游戏产品运营: the game direction is the domain of a product job; its note may name the
        # direction's own platforms and formats, not the ways of its own function (付费点, 版号)
        note = pick_note(catalog.notes_by_direction.get(direction.id, []), role)
        if note:
            own = declared_practices(catalog, direction.practices, direction.duties)
            # 腾讯广告KA运营: a word of the title still rules its practices out (no 续约和增购)
            allowed = allowed | (own - set(direction.lead_practices) - dropped_by_title(catalog, title))
            break
    return note, allowed


def _focus(catalog: Catalog, role: str, title: str, directions: Iterable[Direction]) -> DomainNote | None:
    folded = normalise(title)
    ids = {d.id for d in directions}
    notes = [
        x for x in catalog.focus_notes if x.within in ids and any(normalise(w) in folded for w in x.focus)
    ]
    return pick_note(notes, role)


def declared_practices(catalog: Catalog, practices: list[str] | None, duties: list[str]) -> set[str]:
    """A role's or direction's practices. One that declares none (an extension written before practices
    existed, or without them) may speak of whatever its own duty blocks speak of, so its own lines stay."""
    if practices is not None:
        return set(practices)
    blocks = [catalog.duty_by_id[d] for d in duties if d in catalog.duty_by_id]
    texts = [x for b in blocks for lines in b.lines.values() if lines for x in (*lines.main, *lines.more)]
    return {p for b in blocks for p in b.needs} | {p for x in texts for p in catalog.practices_in(x)}


def dropped_by_title(catalog: Catalog, title: str | None) -> frozenset[str]:
    """抖音图文运营: a title naming another form of the work (图文) and not the practice itself (直播, 短视频)
    rules that practice out, whatever its role and directions call for."""
    folded = (title or "").casefold()
    if not folded:
        return frozenset()
    named = catalog.practices_in(folded)
    return frozenset(
        pid
        for pid, p in catalog.practices.items()
        if pid not in named and any(w.casefold() in folded for w in p.dropped_by)
    )
