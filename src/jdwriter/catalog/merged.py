"""The merged, validated catalogue (:class:`Catalog`) and its look-up tables: entries by id, the practices
a text names, other directions' platforms. Built by model.load_catalog; pure data, no file is read here."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from .entries import (
    LEVEL_IDS,
    Direction,
    DomainNote,
    Duty,
    Industry,
    Level,
    Model,
    Practice,
    Role,
    Slot,
    ToolKind,
)


class Catalog(Model):
    """The merged, validated catalogue. Build it with :func:`load_catalog`."""

    placeholders: dict[str, str]
    practices: dict[str, Practice] = Field(default_factory=dict)
    slots: dict[str, Slot] = Field(default_factory=dict)
    tool_kinds: dict[str, ToolKind] = Field(default_factory=dict)
    levels: list[Level]
    industries: list[Industry]
    duties: list[Duty]
    roles: list[Role]
    directions: list[Direction] = Field(default_factory=list)
    domain_notes: list[DomainNote] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)

    @cached_property
    def level_by_id(self) -> dict[str, Level]:
        return {x.id: x for x in self.levels}

    @cached_property
    def duty_by_id(self) -> dict[str, Duty]:
        return {x.id: x for x in self.duties}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {x.id: x for x in self.roles}

    @cached_property
    def direction_by_id(self) -> dict[str, Direction]:
        return {x.id: x for x in self.directions}

    @cached_property
    def notes_by_domain(self) -> dict[str, list[DomainNote]]:
        """Domain notes by the lexicon name they are written for; those for named roles first."""
        return self._notes_by("domain")

    @cached_property
    def notes_by_direction(self) -> dict[str, list[DomainNote]]:
        """Notes written for a direction as the domain of another role's job; those for named roles first."""
        return self._notes_by("direction")

    @cached_property
    def notes_by_language(self) -> dict[str, list[DomainNote]]:
        """Notes written for a working language the title names (日语, 日本站)."""
        return self._notes_by("language")

    @cached_property
    def focus_notes(self) -> list[DomainNote]:
        """Notes written for what a direction's job works on (补贴 in 补贴策略运营); those for named roles first."""
        return sorted((x for x in self.domain_notes if x.focus), key=lambda x: not x.roles)

    def _notes_by(self, subject: str) -> dict[str, list[DomainNote]]:
        out: dict[str, list[DomainNote]] = {}
        for note in sorted(self.domain_notes, key=lambda x: not x.roles):
            key = getattr(note, subject)
            if key is not None:
                out.setdefault(key, []).append(note)
        return out

    @cached_property
    def industry_by_id(self) -> dict[str, Industry]:
        return {x.id: x for x in self.industries}

    @cached_property
    def practice_words(self) -> tuple[tuple[str, str], ...]:
        """(case-folded word, practice id) for every practice word, longest first."""
        pairs = [(w.casefold(), pid) for pid, p in self.practices.items() for w in p.words]
        return tuple(sorted(pairs, key=lambda x: -len(x[0])))

    @cached_property
    def practice_memo(self) -> dict[str, frozenset[str]]:
        """practices_in() results by text, worked out once per catalogue."""
        return {}

    def practices_in(self, text: str) -> frozenset[str]:
        """The practices a composed line names (直播 → live, 生意参谋 → taobao)."""
        found = self.practice_memo.get(text)
        if found is None:
            folded = text.casefold()
            found = frozenset(pid for word, pid in self.practice_words if word in folded)
            if len(self.practice_memo) < 65_536:
                self.practice_memo[text] = found
        return found

    @cached_property
    def tool_kind(self) -> dict[str, str]:
        """Tool name (case-folded) → the id of its kind in tool_kinds."""
        return {t.casefold(): kid for kid, k in self.tool_kinds.items() for t in k.tools}

    def without_families(self, tools: list[str]) -> list[str]:
        """CRM、Salesforce、纷享销客 → Salesforce、纷享销客: a category name gives way to a product of it."""
        families = {g.casefold(): set(p) for k in self.tool_kinds.values() for g, p in k.families.items()}
        return [t for t in tools if not families.get(t.casefold(), set()) & set(tools)]

    def asks_for(self, tool: str) -> bool:
        """A requirement may name this tool: its kind is not one every employer picks for itself (TAPD, 飞书)."""
        kind = self.tool_kind.get(tool.casefold())
        return kind is None or self.tool_kinds[kind].asked

    def takes_tool(self, frame: str, takes: tuple[str, ...], tool: str) -> bool:
        """A tool sentence can name this tool: its kind is one the sentence takes (all when it lists none)
        and the sentence says nothing the kind cannot do. A tool of no declared kind goes only where any may."""
        kind = self.tool_kind.get(tool.casefold())
        if kind is None:
            return not takes
        if takes and kind not in takes:
            return False
        return not any(word in frame for word in self.tool_kinds[kind].cannot)

    def level_rank(self, level_id: str) -> int:
        return LEVEL_IDS.index(level_id)

    @cached_property
    def platform_memo(self) -> dict[tuple[str, ...], list[str]]:
        """foreign_platforms() results by direction ids, worked out once per catalogue."""
        return {}

    def foreign_platforms(self, direction_ids: tuple[str, ...]) -> list[str]:
        """Platform names (case-folded) that belong to other directions than these: a 外卖运营 JD does not ask
        for 天猫 or 生意参谋. A name inside one of these directions' own names or tools stays (抖音 for 抖店)."""
        found = self.platform_memo.get(direction_ids)
        if found is None:
            found = self.platform_memo[direction_ids] = self._foreign_platforms(direction_ids)
        return found

    def _foreign_platforms(self, direction_ids: tuple[str, ...]) -> list[str]:
        mine = [
            w.casefold()
            for d in self.directions
            if d.id in direction_ids
            for w in (d.name, *d.keywords, *d.platforms, *d.tools)
        ]
        return [
            word
            for d in self.directions
            if d.id not in direction_ids
            for word in (w.casefold() for w in d.platforms)
            if not any(word in own for own in mine)
        ]
