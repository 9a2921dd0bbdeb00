"""Which note of data/domain_notes.yaml a job takes, and its lines: the note for the title's domain (金融), for
what the title's direction works on (补贴 in 补贴策略运营), for a direction that is only the job's domain (游戏 in
游戏产品运营), or for the working language (日语). Pure functions of a Job; no I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog.model import Catalog, DomainNote
from ..text import normalise

if TYPE_CHECKING:
    from .job import Job


def pick_note(job: Job, notes: list[DomainNote]) -> DomainNote | None:
    """The first note written for this job's role, or for every role."""
    return next((x for x in notes if not x.roles or job.role.id in x.roles), None)


def focus_note(job: Job) -> DomainNote | None:
    """补贴策略运营: the note for what the title's direction works on, when the title names it and no domain
    of the title has a note of its own."""
    if pick_note(job, job.catalog.notes_by_domain.get(job.request.domain or "", [])):
        return None
    title = normalise(job.request.title or "")
    ids = {d.id for d in job.directions}
    notes = [
        x for x in job.catalog.focus_notes if x.within in ids and any(normalise(w) in title for w in x.focus)
    ]
    return pick_note(job, notes)


def subject_note(job: Job) -> tuple[DomainNote | None, frozenset[str]]:
    """The note for the job's subject and the practices its lines may name: the domain's, the focus's, or that
    of a direction that is only the job's domain."""
    allowed = job.allowed
    note = pick_note(job, job.catalog.notes_by_domain.get(job.request.domain or "", [])) or job.focus_note
    for direction in [] if note else job.domains:
        # 游戏产品运营: the game direction is the domain of a product job; its note may name the
        # direction's own platforms and formats, not the ways of its own function (付费点, 版号)
        note = pick_note(job, job.catalog.notes_by_direction.get(direction.id, []))
        if note:
            own = declared_practices(job.catalog, direction.practices, direction.duties)
            allowed = allowed | (own - set(direction.lead_practices))
            break
    return note, allowed


def note_lines(
    job: Job, note: DomainNote | None, allowed: frozenset[str] | None = None
) -> tuple[list[str], list[str]]:
    """A note's duties for the level's band and its first requirement, those that fit the job."""
    if note is None:
        return [], []
    duties = job.keep((job.fill(x) for x in job.solid(note.duties.lines(job.level.id))), allowed)
    return duties, job.keep((job.fill(x) for x in job.solid(note.requirements)), allowed)[:1]


def declared_practices(catalog: Catalog, practices: list[str] | None, duties: list[str]) -> set[str]:
    """A role's or direction's practices. One that declares none (an extension written before practices
    existed, or without them) may speak of whatever its own duty blocks speak of, so its own lines stay."""
    if practices is not None:
        return set(practices)
    blocks = [catalog.duty_by_id[d] for d in duties if d in catalog.duty_by_id]
    texts = [x for b in blocks for lines in b.lines.values() if lines for x in (*lines.main, *lines.more)]
    return {p for b in blocks for p in b.needs} | {p for x in texts for p in catalog.practices_in(x)}
