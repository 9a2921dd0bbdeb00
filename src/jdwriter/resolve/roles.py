"""Free job titles → a role, by role names and keywords (jieba, imported lazily, with a small domain
dictionary built from the catalogue). A guess carries a note; anything that names no role is refused."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NoReturn

from ..catalog.vocabulary import TitleWords, vocabulary
from ..errors import UnknownNameError, UserError
from ..text import WORD_WEIGHT, normalise, segment
from .names import BRACKETS, MAX_TITLE, SEPARATORS, _cached, _duty_vocabulary, _index

if TYPE_CHECKING:
    from ..catalog.model import Catalog

ROLE_WEIGHT = 50_000


def _w() -> TitleWords:
    return vocabulary().title


@lru_cache(maxsize=1)
def _other_fields() -> str:
    """Latin words must stand alone (it is not the it in tiktok)."""
    words = [
        re.escape(w) if not w.isascii() else rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in _w().other_fields
    ]
    return "|".join(words)  # the longest real job-board titles are ~30 characters


@dataclass(frozen=True)
class RoleMatch:
    """What a typed title resolved to. ``note`` explains a guess, for stderr; None for an exact match."""

    role: str
    level: str | None = None
    note: str | None = None
    unnamed: bool = False  # no word of the title named a role: generic operations as a fallback


@dataclass(frozen=True)
class Title:
    """A cleaned job title: ``core`` without level words and noise, ``aside`` the bracketed hints."""

    raw: str
    text: str
    core: str
    aside: str
    level: str | None


def resolve_role(text: str, catalog: Catalog) -> RoleMatch:
    """A role name, alias or a free job title such as 高级用户运营经理（会员方向）.

    A title that names a role once level words, noise and brackets are gone maps without a note; anything
    else is a guess and carries a note saying what it was based on, or is refused with the covered roles.
    """
    exact = _index(catalog.roles).get(normalise(text))
    if exact:
        return RoleMatch(exact)
    if not text.strip():
        raise UserError(f"岗位不能为空，可选：{'、'.join(r.name for r in catalog.roles)}。")
    if len(text) > MAX_TITLE:
        raise UserError(
            f"岗位名称太长（{len(text)} 个字符，上限 {MAX_TITLE}）；请写职位名称，例如 高级用户运营经理。"
        )
    cleaned = normalise(text)[:200]
    main = re.sub(BRACKETS, "", cleaned)
    aside = "".join(
        re.findall(BRACKETS, cleaned)
    )  # 「（会员方向）」「（实习）」: a hint, never the title itself
    parts = [p for p in re.split(SEPARATORS, main) if p]
    level = _level_in(main) or _level_in(aside)
    generic = None
    for part in parts:
        core = _strip_words(part)
        found = _index(catalog.roles).get(core) if core else None
        if found and core != _w().generic:
            return RoleMatch(found, level)
        generic = generic or found
    core = _strip_words("".join(parts))
    title = Title(raw=text.strip()[:40], text=main, core=core, aside=_strip_words(aside), level=level)
    if generic:
        return _specific_or_generic(title, generic, catalog)
    return _free_text_role(title, catalog)


def _level_in(text: str) -> str | None:
    for word, level in _w().level_words:
        if word in text:
            return level
    return None


def _strip_words(text: str) -> str:
    for word, _ in _w().level_words:
        text = text.replace(word, "")
    for word in _w().noise:
        text = text.replace(word, "")
    return text


def _specific_or_generic(title: Title, generic: str, catalog: Catalog) -> RoleMatch:
    """运营-用户增长方向, 运营（抖音方向）: the plain word 运营 matched, but the rest may name a role. The parts
    are read apart: 网店客服/运营助理 does not say 客服运营 (round 56, a store's customer service as service ops)."""
    scores = _score_roles(_strip_words(re.sub(SEPARATORS, "|", title.text)) + title.aside, catalog)
    score, _, best, why = scores[0]
    _refuse_other_field(title, catalog, -score)
    if -score >= 4 and best != generic:
        return RoleMatch(best, title.level, _note(best, why, scores, catalog))
    return RoleMatch(generic, title.level)


def _free_text_role(title: Title, catalog: Catalog) -> RoleMatch:
    """Score a free title against every role; map it with a note, or refuse it with the covered roles."""
    core = title.core
    scores = _score_roles(core, catalog)
    if scores[0][0] == 0 and title.aside:
        scores = _score_roles(core + title.aside, catalog)
    score, _, best, why = scores[0]
    _refuse_other_field(title, catalog, -score)
    if _w().generic not in title.text and any(job in title.text for job in _w().other_jobs):
        near = [
            catalog.role_by_id[r].name for s, _, r, _ in scores[:2] if s == score != 0
        ]  # 产品策划: 活动 or 产品
        _refuse(title, catalog, "是另一类职位，", near)
    if score == 0:
        typo = _near_role_name(core, catalog)
        generic = _index(catalog.roles).get(_w().generic)
        if typo:  # 用护运营 is a typo, but 酒店运营 looks just as close to 网店运营: let the person choose
            shown = [*typo, catalog.role_by_id[generic].name] if generic and _w().generic in core else typo
            raise UnknownNameError("岗位", title.raw, shown, f"jdwriter 支持：{_covered(catalog)}")
        if generic and _w().generic in core:
            name = catalog.role_by_id[generic].name
            note = f"按「{name}」生成（目录里没有「{title.raw}」这一专门岗位，按通用的运营职责来写）"
            return RoleMatch(generic, title.level, note, unnamed=True)
        _refuse(title, catalog)
    if not (-score >= 4 or any(h in core + title.aside for h in _w().ops_hints)):
        _refuse(title, catalog)  # only a duty word (主播, 选题) and nothing saying it is an operations job
    return RoleMatch(best, title.level, _note(best, why, scores, catalog))


def _refuse_other_field(title: Title, catalog: Catalog, score: int) -> None:
    """供应链运营, 运营（物流方向）, HR运营 — unless the title also names a role (HR SaaS 用户运营)."""
    other_field = re.search(_other_fields(), title.text + title.aside)
    if other_field and score < 10:
        _refuse(title, catalog, f"属于{other_field.group().upper()}方向，")


def _covered(catalog: Catalog) -> str:
    return "、".join(r.name for r in catalog.roles)


def _refuse(title: Title, catalog: Catalog, why: str = "", near: Sequence[str] = ()) -> NoReturn:
    if near:
        raise UserError(
            f"「{title.raw}」{why}不是 jdwriter 覆盖的运营岗位；如果要招的是运营，请改用「{'」或「'.join(near)}」"
            f"（jdwriter 支持：{_covered(catalog)}）。"
        )
    raise UserError(
        f"「{title.raw}」{why}不是 jdwriter 覆盖的运营岗位，请改用其中之一：{_covered(catalog)}。"
    )


def _note(best: str, why: list[str], scores: list[tuple[int, int, str, list[str]]], catalog: Catalog) -> str:
    name = catalog.role_by_id[best].name
    reason = "、".join(dict.fromkeys(_role_evidence(catalog)[1].get(w, w) for w in why))
    runner = scores[1] if len(scores) > 1 else (0, 0, best, [])
    close = runner[0] != 0 and runner[0] - scores[0][0] <= 2
    extra = f"（也可能是「{catalog.role_by_id[runner[2]].name}」）" if close else ""
    return f"按「{name}」生成（依据：{reason}）{extra}"  # each caller says how to ask for another role


STEM_BONUS = 2  # breaks a tie, or a duty word's lead; never a keyword's (4) or a name's (10)


def role_stems(catalog: Catalog) -> dict[str, str]:
    """Role id → its name without 运营 (新媒体运营 → 新媒体); none for generic operations itself."""

    def build() -> dict[str, str]:
        generic = _index(catalog.roles).get(_w().generic)
        return {r.id: normalise(r.name).removesuffix(_w().generic) for r in catalog.roles if r.id != generic}

    return _cached(catalog, "title: role stems", build)


def _score_roles(text: str, catalog: Catalog) -> list[tuple[int, int, str, list[str]]]:
    """(-score, order, role id, words that counted), best first. A role's name or alias counts 10, a keyword
    4 (also inside a longer catalogue word: 私域 in 私域流量), a word of one of its first four duty blocks 1."""
    evidence = _role_evidence(catalog)[0]
    tokens = segment(text, _role_vocabulary(catalog)) if text else []
    stems = role_stems(catalog)
    scores = []
    for order, (role_id, names, keywords, duty_words) in enumerate(evidence):
        score, why = 0, []
        # 新媒体策划经理, 电商投手: of two roles the words score alike, the one whose own name the title says
        said = STEM_BONUS if stems.get(role_id) and stems[role_id] in text else 0
        for token in tokens:
            if token == _w().generic:
                continue
            weight = 10 if token in names else 4 if token in keywords else 0
            if not weight and len(token) > 1 and any(k in token for k in keywords):
                weight = 4
            if not weight and token in duty_words and len(token) > 1:
                weight = 1
            if weight:
                score += weight
                why.append(token)
        scores.append((-(score + said if score else 0), order, role_id, why))
    scores.sort()
    return scores


Evidence = tuple[list[tuple[str, set[str], set[str], set[str]]], dict[str, str]]


def _role_evidence(catalog: Catalog) -> Evidence:
    """Per role (id, names, keywords, words of its first duty blocks and of its side's), normalised, and each normalised word
    → its spelling in the catalogue (notes show 「TikTok Shop」, not tiktokshop)."""

    def build() -> Evidence:
        roles: list[tuple[str, set[str], set[str], set[str]]] = []
        spelling: dict[str, str] = {}
        for role in catalog.roles:
            # 流程 names BizOps's side: a side's first blocks are the role's evidence too
            ids = [*role.duties[:4], *(x for side in role.sides for x in side.duties[:4])]
            duties = [catalog.duty_by_id[d] for d in dict.fromkeys(ids) if d in catalog.duty_by_id]
            duty_words = [w for d in duties for w in (d.name, *d.aliases, *d.keywords)]
            words = [[role.name, *role.aliases], role.keywords, duty_words]
            for word in (w for group in words for w in group):
                spelling.setdefault(normalise(word), word)
            names, keywords, duty_set = ({normalise(w) for w in group} for group in words)
            roles.append((role.id, names - {_w().generic}, keywords, duty_set))
        return roles, spelling

    return _cached(catalog, "evidence", build)


def _near_role_name(text: str, catalog: Catalog) -> list[str]:
    """Role names one slip away from ``text`` (用护运营 → 用户运营, userops → 用户运营)."""
    out = []
    for role in catalog.roles:
        words = {normalise(w) for w in (role.name, role.id, role.id.replace("_", ""), *role.aliases)} - {
            _w().generic
        }
        if any(_one_slip(text, w) for w in words):
            out.append(role.name)
    return out


def _one_slip(a: str, b: str) -> bool:
    """At most one character changed, missing or extra: 用护运营 is a slip of 用户运营, while 门店运营 is two
    edits from 店铺运营 (a similarity ratio of 0.75 called both of them typos)."""
    a, b = sorted((a, b), key=len)
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _role_vocabulary(catalog: Catalog) -> tuple[tuple[str, int], ...]:
    def build() -> tuple[tuple[str, int], ...]:
        words = [(normalise(w), ROLE_WEIGHT) for r in catalog.roles for w in (r.name, *r.aliases)]
        words += [(normalise(w), WORD_WEIGHT) for r in catalog.roles for w in r.keywords]
        return tuple(words) + _duty_vocabulary(catalog)

    return _cached(catalog, "role words", build)


def bare_role(proper: str, found: str, catalog: Catalog) -> str:
    """The role the title proper names without its brackets or dashed tail; ``found`` when it is the whole
    title or cannot be read alone (齐家网-深圳-运营专员)."""
    try:
        return resolve_role(proper, catalog).role if proper.strip() else found
    except UserError:
        return found
