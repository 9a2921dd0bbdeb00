"""Cross-reference checks over a merged catalogue: level order, placeholders, names said twice, blocks
that a role, level or direction names but nobody wrote."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .entries import LEVEL_IDS, PLACEHOLDER, SECTIONS
from .merged import Catalog


def check_references(catalog: Catalog) -> list[tuple[tuple[str, str], tuple[Any, ...], str]]:
    """Cross-reference checks. Each problem is ((section, id), key path inside the entry, message)."""
    out: list[tuple[tuple[str, str], tuple[Any, ...], str]] = []
    if [lv.id for lv in catalog.levels] != list(LEVEL_IDS):
        got = "、".join(lv.id for lv in catalog.levels) or "无"
        first = catalog.levels[0].id if catalog.levels else None
        out.append((("levels", first or ""), (), f"级别必须依次是 {'、'.join(LEVEL_IDS)}，现在是 {got}"))
    known = set(catalog.placeholders)
    for section in SECTIONS:
        seen: dict[str, str] = {}
        for entry in getattr(catalog, section):
            for word in [entry.name, *entry.aliases]:
                other = seen.setdefault(word.casefold(), entry.id)
                if other != entry.id:
                    out.append(
                        ((section, entry.id), (), f"名称或别名「{word}」同时属于 {other} 和 {entry.id}")
                    )
            for text in _texts(entry):
                for name in PLACEHOLDER.findall(text):
                    if name not in known and not (
                        section == "levels" and name in ("role", "skills", "tools")
                    ):
                        out.append(
                            (
                                (section, entry.id),
                                (),
                                f"未定义的占位符 {{{name}}}，可用的有：{'、'.join(sorted(known))}",
                            )
                        )
    for name in catalog.slots:
        if name not in known:
            out.append((("levels", ""), (), f"slots 里的 {name} 不是已定义的占位符"))
    for role in catalog.roles:
        for key in role.values:
            if key not in known:
                out.append((("roles", role.id), ("values", key), f"岗位 {role.id} 给了未定义的占位符 {key}"))
    for industry in catalog.industries:
        for key in industry.values:
            if key not in known:
                out.append((("industries", industry.id), (), f"行业 {industry.id} 给了未定义的占位符 {key}"))
    out += _note_references(catalog)
    out += _level_references(catalog)
    for duty in catalog.duties:
        start = catalog.level_rank(duty.min_level) if duty.min_level else 0
        missing = [lv for lv in LEVEL_IDS[start:] if lv not in duty.lines]
        if missing:
            out.append(
                (("duties", duty.id), (), f"职责块 {duty.id} 缺少这些级别的条目：{'、'.join(missing)}")
            )
    for role in catalog.roles:
        for index, duty_id in enumerate(role.duties):
            if duty_id not in catalog.duty_by_id:
                near = _near(duty_id, list(catalog.duty_by_id))
                message = f"岗位 {role.id} 引用了不存在的职责块 {duty_id}{near}"
                out.append((("roles", role.id), ("duties", index), message))
        if len(set(role.duties)) != len(role.duties):
            out.append((("roles", role.id), (), f"岗位 {role.id} 的职责块有重复"))
        for key, side in (("sided", role.sided), ("second_side", role.second_side)):
            for index, duty_id in enumerate(side.duties if side else []):
                if duty_id not in catalog.duty_by_id:
                    message = f"岗位 {role.id} 的平台一侧引用了不存在的职责块 {duty_id}"
                    out.append((("roles", role.id), (key, "duties", index), message))
    out += _practice_references(catalog)
    # each field a direction refers from: the table its ids belong to, and what to call one
    tables: dict[str, tuple[dict[str, Any], str]] = {
        "roles": (catalog.role_by_id, "岗位"),
        "duties": (catalog.duty_by_id, "职责块"),
        "emphasis": (catalog.duty_by_id, "职责块"),
        "skip": (catalog.duty_by_id, "职责块"),
        "gives_way_to": (catalog.direction_by_id, "方向"),
    }
    for direction in catalog.directions:
        for field, (table, kind) in tables.items():
            for index, ref in enumerate(getattr(direction, field)):
                if ref not in table:
                    message = f"方向 {direction.id} 引用了不存在的{kind} {ref}{_near(ref, list(table))}"
                    out.append((("directions", direction.id), (field, index), message))
    return out


def _practice_references(catalog: Catalog) -> list[tuple[tuple[str, str], tuple[Any, ...], str]]:
    """Every practice a role, direction or block names is in the practices table."""
    out: list[tuple[tuple[str, str], tuple[Any, ...], str]] = []
    known = list(catalog.practices)
    entries: list[tuple[str, Any, str]] = [
        *(("roles", r, "practices") for r in catalog.roles),
        *(("industries", i, "practices") for i in catalog.industries),
        *(("directions", d, "practices") for d in catalog.directions),
        *(("directions", d, "rules_out") for d in catalog.directions),
        *(("directions", d, "lead_practices") for d in catalog.directions),
        *(("duties", d, "needs") for d in catalog.duties),
    ]
    for section, entry, field in entries:
        for index, ref in enumerate(getattr(entry, field) or ()):
            if ref not in catalog.practices:
                message = f"{entry.id} 用到了做法词表里没有的做法 {ref}{_near(ref, known)}"
                out.append(((section, entry.id), (field, index), message))
    return out


def _near(value: str, names: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, names, n=3, cutoff=0.5)
    return f"（相近的有：{'、'.join(close)}）" if close else ""


def _texts(entry: BaseModel) -> list[str]:
    """Every string inside a model, for placeholder checks."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(entry)
    return out


def _level_references(catalog: Catalog) -> list[tuple[tuple[str, str], tuple[Any, ...], str]]:
    """A level's own blocks and those of the kinds of hire it names (组长) exist."""
    out: list[tuple[tuple[str, str], tuple[Any, ...], str]] = []
    for level in catalog.levels:
        hires = (level.team_lead, level.expert, level.graduate, level.part_time)
        for duty_id in [*level.extra_duties, *(d for h in hires if h for d in h.duties)]:
            if duty_id not in catalog.duty_by_id:
                out.append((("levels", level.id), (), f"级别 {level.id} 引用了不存在的职责块 {duty_id}"))
    return out


def _note_references(catalog: Catalog) -> list[tuple[tuple[str, str], tuple[Any, ...], str]]:
    """Domain notes name roles and directions that exist."""
    out: list[tuple[tuple[str, str], tuple[Any, ...], str]] = []
    for note in catalog.domain_notes:
        for index, role_id in enumerate(note.roles):
            if role_id not in catalog.role_by_id:
                out.append(
                    (
                        ("domain_notes", note.id),
                        ("roles", index),
                        f"领域条目 {note.id} 引用了不存在的岗位 {role_id}",
                    )
                )
        if note.within is not None and note.within not in catalog.direction_by_id:
            out.append(
                (
                    ("domain_notes", note.id),
                    ("within",),
                    f"领域条目 {note.id} 引用了不存在的方向 {note.within}",
                )
            )
        if note.direction is not None and note.direction not in catalog.direction_by_id:
            out.append(
                (
                    ("domain_notes", note.id),
                    ("direction",),
                    f"领域条目 {note.id} 引用了不存在的方向 {note.direction}",
                )
            )
    return out
