"""The writing standard: what every catalogue line and every composed JD must meet.

One set of rules, two users:

- the JD measures (:func:`opening`, :func:`similarity`, :func:`terms_in`, :func:`jd_problems`) are what
  compose uses to choose phrasings and what the tests assert over every role, level and industry;
- :func:`lint_file` checks every line of a catalogue file (the built-in one, an extension, directions) and
  returns findings with file:line and a reason in Chinese. ``jdwriter catalog check`` runs it.

Neither imports jieba, typer or rich: compose calls the measures on every ``jdwriter new``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .frames import beyond_problem, frame_problems, skill_problem, tool_frame_findings

if TYPE_CHECKING:
    from .model import Catalog

FILLER = ("不断提升", "各种", "等等", "相关工作", "领导交办", "其他任务", "吃苦耐劳", "抗压")
DUTY_LENGTH = (20, 60)
REQUIREMENT_LENGTH = (10, 60)
TRAILING = ("。", "；", "，", ";", ",", "、")
NEAR = 0.3  # character-pair overlap above which two items say the same thing in other words
# Words that ask for having led a team: a JD's requirements say it once (the level's own line), not again in
# the skill sentence and a direction's line (管理过 3 人以上的团队 + 在X方面带过团队 + 带过投放团队).
TEAM = ("带过", "带领过", "管理过", "带团队", "团队管理")
MAX_ECHO = 2  # a tool or metric may be named in at most this many items of one JD
METRICS = ("GMV", "ROI", "DAU", "MAU", "NPS", "LTV", "ARPU", "CTR", "UV", "SQL", "A/B", "KOC", "KOL", "ASO")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Stand-in wording that prints as it is when the title names no genre or category (玩过所应聘品类的多款游戏):
# a line must read whole without the title's word, or say it through {topic}.
STAND_IN = ("所应聘", "该品类", "相应品类", "某某", "XX")


# ---- measures on composed text ----


def opening(text: str) -> str:
    """The verb an item opens with: every verb of the level palettes has two characters."""
    return text[:2]


@lru_cache(maxsize=16_384)  # a batch compares the same catalogue sentences again and again
def _pairs(text: str) -> frozenset[str]:
    return frozenset({text[i : i + 2] for i in range(len(text) - 1)} - {opening(text)})


def similarity(a: str, b: str) -> float:
    """Share of character pairs two items have in common (Jaccard), opening verbs left out."""
    pa, pb = _pairs(a), _pairs(b)
    union = pa | pb
    return len(pa & pb) / len(union) if union else 0.0


def terms_in(text: str, terms: Iterable[str]) -> set[str]:
    """The tools and metrics named in one item (case-insensitive)."""
    found = _terms_in(text, terms if isinstance(terms, tuple) else tuple(terms))
    return set(found)


@lru_cache(maxsize=16_384)
def _terms_in(text: str, terms: tuple[str, ...]) -> frozenset[str]:
    # 135编辑器 and 135 编辑器 are one editor (round 39: named twice)
    folded = text.casefold().replace(" ", "")
    return frozenset(t for t, f in _folded(terms) if f in folded)


@lru_cache(maxsize=16)
def _folded(terms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((t, t.casefold().replace(" ", "")) for t in terms)


def longest_run(openings: list[str]) -> int:
    """The most consecutive items opening with the same verb."""
    best = run = 0
    for i, verb in enumerate(openings):
        run = run + 1 if i and verb == openings[i - 1] else 1
        best = max(best, run)
    return best


def jd_problems(duties: list[str], items: list[str], terms: Iterable[str]) -> list[str]:
    """What keeps one JD from reading like a person wrote it; empty when it meets the standard.

    ``duties`` are its 岗位职责 in order; ``items`` every listed item (duties, requirements, bonus)."""
    out: list[str] = []
    verbs = [opening(x) for x in duties]
    if longest_run(verbs) >= 3:
        out.append("连续三条及以上职责用同一个动词开头")
    top = Counter(verbs).most_common(1)
    if top and top[0][1] * 2 > len(verbs):
        out.append(f"「{top[0][0]}」开头的职责超过一半")
    counts = Counter(t for item in items for t in terms_in(item, terms))
    out += [f"「{t}」出现在 {n} 条里" for t, n in sorted(counts.items()) if n > MAX_ECHO]
    for i, a in enumerate(items):
        out += [f"两条意思重复：「{a}」「{b}」" for b in items[i + 1 :] if similarity(a, b) > NEAR]
    return out


# ---- catalogue lint ----


@dataclass(frozen=True)
class Finding:
    """One line of a catalogue file that misses the writing standard."""

    path: str
    line: int | None
    key: str
    text: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}：{self.key}：「{self.text}」{self.reason}"


class _Linter:
    """Walks one file's raw data; every finding is located through the file's YAML nodes."""

    def __init__(self, path: Path, catalog: Catalog) -> None:
        from ..files.yamlio import Locator

        self.path = path
        self.locator = Locator(path)
        self.catalog = catalog
        base = dict(catalog.placeholders)
        self.value_sets: list[tuple[str, Mapping[str, str]]] = [("通用", base)]
        self.value_sets += [(i.name, {**base, **i.values}) for i in catalog.industries]
        self.findings: list[Finding] = []

    def add(self, loc: tuple[Any, ...], text: str, reason: str) -> None:
        key = ".".join(str(p) for p in loc)
        self.findings.append(Finding(str(self.path), self.locator.line(loc), key, text, reason))

    def words(self, loc: tuple[Any, ...], text: str) -> None:
        """Filler words and trailing punctuation: for every line, whatever section it is in."""
        for word in FILLER:
            if word in text:
                self.add(loc, text, f"含有空话「{word}」，请换成具体的对象、动作或数字")
        if text.rstrip().endswith(TRAILING):
            self.add(loc, text, f"结尾多了标点「{text.rstrip()[-1]}」，条目末尾不加标点")
        stand_in = next((w for w in STAND_IN if w in text), None)
        if stand_in:
            self.add(
                loc,
                text,
                f"「{stand_in}」是占位说法，职位名称没写品类时会原样印出来：请写一句不靠它也读得通的话",
            )
        self.slots(loc, text)

    def skill(self, loc: tuple[Any, ...], text: str) -> None:
        self.words(loc, text)
        reason = skill_problem(text)
        if reason:
            self.add(loc, text, reason)

    def beyond(self, loc: tuple[Any, ...], text: str, level_id: str) -> None:
        reason = beyond_problem(self.catalog, level_id, text)
        if reason:
            self.add(loc, text, reason)

    def slots(self, loc: tuple[Any, ...], text: str) -> None:
        """Each placeholder read with every industry's value: a modifier its form does not take is named
        with the value that reads worst after it (核心 + 学员和家长)."""
        for match in _PLACEHOLDER.finditer(text):
            slot = self.catalog.slots.get(match.group(1))
            after = _PLACEHOLDER.sub("", text[match.end() :])[:2]
            echo = [
                v[match.group(1)]
                for _, v in self.value_sets
                if len(after) == 2 and after in v.get(match.group(1), "")
            ]
            if echo:  # 合作方 + 合作政策 reads 「合作方合作政策」
                self.add(
                    loc, text, f"{{{match.group(1)}}} 填入「{echo[0]}」后紧跟「{after}」，同一个词说了两遍"
                )
            before = text[: match.start()]
            modifier = next((m for m in (slot.not_after if slot else []) if before.endswith(m)), None)
            if slot and modifier:
                values = {v.get(match.group(1), "") for _, v in self.value_sets}
                worst = max(values, key=len)
                self.add(
                    loc,
                    text,
                    f"「{modifier}」后面接 {{{match.group(1)}}}（{slot.form}）读不通：填入行业取值后是「{modifier}{worst}」",
                )

    def values(self, loc: tuple[Any, ...], values: Mapping[str, Any]) -> None:
        """A value that does not have the form its slot declares (a single noun that is a phrase)."""
        for key, value in values.items():
            slot = self.catalog.slots.get(key)
            if not slot or not isinstance(value, str):
                continue
            if slot.max_length and len(value) > slot.max_length:
                reason = f"{{{key}}} 要填{slot.form}，最多 {slot.max_length} 个字"
                self.add((*loc, key), value, reason)
            for char in slot.not_in_value:
                if char in value:
                    self.add((*loc, key), value, f"{{{key}}} 要填{slot.form}，取值里不能有「{char}」")

    def length(self, loc: tuple[Any, ...], text: str, bounds: tuple[int, int]) -> None:
        """Length with every industry's placeholder values filled in: a line must fit in all of them."""
        low, high = bounds
        outside = []
        for name, values in self.value_sets:
            size = len(_PLACEHOLDER.sub(lambda m, v=values: v.get(m.group(1), m.group(0)), text))  # type: ignore[misc]
            if not low <= size <= high:
                outside.append(f"「{name}」{size} 字")
        if outside:
            self.add(loc, text, f"填入行业取值后长度超出 {low}–{high} 字：{'、'.join(outside)}")

    def voice(self, loc: tuple[Any, ...], text: str, level_id: str) -> None:
        level = self.catalog.level_by_id.get(level_id)
        if level and level.verbs and opening(text) not in level.verbs:
            palette = "、".join(level.verbs)
            self.add(
                loc, text, f"{level.name}的条目应以这些动词之一开头：{palette}；现在是「{opening(text)}」"
            )

    def variety(self, loc: tuple[Any, ...], text: str, seen: dict[str, int], index: int) -> None:
        """The phrasings of one block at one level open with different verbs, so compose can vary them."""
        verb = opening(text)
        if verb in seen:
            self.add(loc, text, f"与第 {seen[verb] + 1} 种说法同样以「{verb}」开头，几种说法应换用不同的动词")
        else:
            seen[verb] = index

    def duty(self, index: int, duty: Mapping[str, Any]) -> None:
        for level_id, lines in (duty.get("lines") or {}).items():
            main = list(lines.get("main") or [])
            base: tuple[Any, ...] = ("duties", index, "lines", level_id)
            if len(main) < 2:
                text = main[0] if main else ""
                self.add(
                    (*base, "main"), text, "只有一种说法：至少写两种、各用不同的动词开头，--seed 才换得出措辞"
                )
            seen: dict[str, int] = {}
            for kind, texts in (("main", main), ("more", list(lines.get("more") or []))):
                for j, text in enumerate(texts):
                    loc = (*base, kind, j)
                    self.words(loc, text)
                    self.length(loc, text, DUTY_LENGTH)
                    self.voice(loc, text, level_id)
                    self.beyond(loc, text, level_id)
                    if kind == "main":
                        self.variety(loc, text, seen, j)
        for j, text in enumerate(duty.get("skills") or []):
            self.skill(("duties", index, "skills", j), text)
        for j, text in enumerate(duty.get("bonus") or []):
            self.words(("duties", index, "bonus", j), text)

    def role(self, index: int, role: Mapping[str, Any]) -> None:
        reqs = role.get("requirements")
        loc: tuple[Any, ...] = ("roles", index, "requirements")
        if isinstance(reqs, list):
            self.add(
                loc,
                "、".join(map(str, reqs))[:30],
                "任职要求没有按 junior/senior/lead 分档，专员和总监会读到同样的要求",
            )
            bands: dict[str, list[str]] = {"junior": reqs}
        else:
            bands = dict(reqs or {})
        for band, texts in bands.items():
            for j, text in enumerate(texts):
                self.words((*loc, band, j), text)
                self.length((*loc, band, j), text, REQUIREMENT_LENGTH)
        for j, text in enumerate(bands.get("lead") or []):
            if text in (bands.get("junior") or []):
                self.add((*loc, "lead", j), text, "与 junior 档的要求相同，总监和专员的要求应各写各的")
        for j, text in enumerate(role.get("bonus") or []):
            self.words(("roles", index, "bonus", j), text)

    def frame(self, loc: tuple[Any, ...], text: str) -> None:
        """A skill or tool sentence must read with any skill or list of tools put in it."""
        for reason in frame_problems(text):
            self.add(loc, text, reason)

    def level(self, index: int, level: Mapping[str, Any]) -> None:
        for field in ("skill_line", "tool_line"):
            value = level.get(field)
            texts = [value] if isinstance(value, str) else list(value or [])
            texts = [str(x.get("text") or "") if isinstance(x, dict) else x for x in texts]
            if len(texts) == 1:
                self.add(
                    ("levels", index, field), texts[0] if texts else "", "只有一种说法：各岗位会用同一个句式"
                )
            for j, text in enumerate(texts):
                where = (
                    ("levels", index, field, j) if not isinstance(value, str) else ("levels", index, field)
                )
                self.words(where, text)
                self.frame(where, text)
                self.beyond(where, text, str(level.get("id")))
        if "experience" in level:
            self.words(("levels", index, "experience"), level["experience"])
        for field in ("requirements", "bonus"):
            for j, text in enumerate(level.get(field) or []):
                self.words(("levels", index, field, j), text)
                self.beyond(("levels", index, field, j), text, str(level.get("id")))


def _direction(linter: _Linter, index: int, direction: Mapping[str, Any]) -> None:
    """A direction's skills, requirement lines and bonus: the same standard as a role's."""
    for j, text in enumerate(direction.get("skills") or []):
        linter.skill(("directions", index, "skills", j), text)
    reqs = direction.get("requirements")
    for band, texts in reqs.items() if isinstance(reqs, dict) else []:
        for j, text in enumerate(texts or []):
            linter.words(("directions", index, "requirements", band, j), text)
    for j, text in enumerate(direction.get("bonus") or []):
        linter.words(("directions", index, "bonus", j), text)


NOTE_BANDS = {"junior": ("specialist",), "senior": ("senior",), "lead": ("manager", "director")}


def _domain_note(linter: _Linter, index: int, note: Mapping[str, Any]) -> None:
    """A domain note's lines, to a block's standard; a band opens in its levels' voice (junior: 专员's)."""
    duties = note.get("duties")
    for band, texts in duties.items() if isinstance(duties, dict) else []:
        for j, text in enumerate(texts or []):
            linter.words(loc := ("domain_notes", index, "duties", band, j), text)
            linter.length(loc, text, DUTY_LENGTH)
            if not any(
                opening(text) in linter.catalog.level_by_id[x].verbs for x in NOTE_BANDS.get(band, ())
            ):
                linter.voice(loc, text, NOTE_BANDS.get(band, ("",))[0])
    for j, text in enumerate(note.get("requirements") or []):
        linter.words(at := ("domain_notes", index, "requirements", j), text)
        linter.length(at, text, REQUIREMENT_LENGTH)


def lint_file(path: Path, catalog: Catalog) -> list[Finding]:
    """Every line of one catalogue file against the writing standard. ``catalog`` is the merged catalogue
    the file is used with: it gives the level palettes and every industry's placeholder values."""
    from .model import read_catalog_data

    data = read_catalog_data(path)
    linter = _Linter(path, catalog)
    if not isinstance(data, dict):
        return []
    for loc, text, reason in tool_frame_findings(data, catalog):
        linter.add(loc, text, reason)
    for index, level in enumerate(data.get("levels") or []):
        linter.level(index, level)
    for index, duty in enumerate(data.get("duties") or []):
        linter.duty(index, duty)
    for index, role in enumerate(data.get("roles") or []):
        linter.role(index, role)
    for index, direction in enumerate(data.get("directions") or []):
        if isinstance(direction, dict):
            _direction(linter, index, direction)
    for index, note in enumerate(x if isinstance(x, dict) else {} for x in data.get("domain_notes") or []):
        _domain_note(linter, index, note)
    if isinstance(data.get("placeholders"), dict):
        linter.values(("placeholders",), data["placeholders"])
    for index, industry in enumerate(data.get("industries") or []):
        for j, text in enumerate(industry.get("bonus") or []):
            linter.words(("industries", index, "bonus", j), text)
        if isinstance(industry.get("values"), dict):
            linter.values(("industries", index, "values"), industry["values"])
    return linter.findings


def lint_files(paths: Iterable[Path], catalog: Catalog) -> list[Finding]:
    """:func:`lint_file` for each file, in order."""
    return [f for path in paths for f in lint_file(path, catalog)]
