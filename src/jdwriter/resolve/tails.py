"""Head-final reading of a title's tail: what follows the last role or direction in the title proper may name
the job (游戏运营数据分析 is data work in a game), unless a separator sets it aside as a qualifier. Owns nothing
but these readings; imports the catalogue's words and the resolve helpers below titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog.vocabulary import TitleWords
from ..text import normalise
from .heads import strip_sides
from .names import _cached
from .noise import BRACKET, DASH_TAIL
from .parts import domain_words
from .qualifiers import level_in

if TYPE_CHECKING:
    from ..catalog.model import Catalog


def joined_tail(tail: str, words: TitleWords, after: str = "") -> str:
    """用户运营_AI产品, 用户运营 电商: what an underscore or a space sets after the last role is a qualifier, as after
    a dash, unless it carries the level (直播运营 数据分析专员 is data work). 社区运营策划: a planner's word right
    after a job ending in 运营 (``after``) is that job's planner, not another job."""
    if tail[:1] in "_ " and not tail.rstrip().endswith(tuple(w for w, _ in words.level_words)):
        return ""
    bare = tail
    for word, _ in words.level_words:
        bare = bare.replace(word, "")
    if after.endswith(words.generic) and bare.strip() in words.role_suffixes:
        return ""
    return tail


def dashed_head(folded: str, main_end: int, catalog: Catalog, words: TitleWords) -> str | None:
    """用户增长运营-数据分析实习生: a dashed tail that carries the level, after a title proper that carries
    none, is the job itself (data work in user growth), not a qualifier of it."""
    tail = DASH_TAIL.search(folded)
    if not tail or tail.start() != main_end or level_in(folded[:main_end]):
        return None
    job = BRACKET.sub("", tail.group(1)).strip()  # 供给运营-数据分析实习生（到餐方向）
    if not job.endswith(tuple(w for w, _ in words.level_words)):
        return None
    return head_role(job, catalog, words)


def head_role(tail: str, catalog: Catalog, words: TitleWords) -> str | None:
    """Titles are head-final: 游戏运营数据分析 is data work in a game, 数据分析专员（海外运营） data work overseas.
    What follows the last role or direction in the title proper (or the whole title proper, when all of them
    are in brackets) names the role when a role's keywords are there, and one role has the most of them."""
    for word in sorted((w for w, _ in words.level_words), key=len, reverse=True):
        tail = tail.replace(word, "")
    for word, _ in domain_words():  # 农产品 is a subject, not 产品运营
        tail = tail.replace(word, " ")
    tail = strip_sides(tail).strip(" -—_|·").removesuffix(words.generic)  # 海外社媒运营: 社媒 names the role
    if len(tail.strip()) < 2 or words.generic in tail or any(c in tail for c in "/、,，&"):
        return None  # 网站运营推广/平台数据分析: alternatives, not one head
    hits: dict[str, int] = {}
    for word, role in _role_keywords(catalog):
        if word in tail:
            hits[role] = hits.get(role, 0) + 1
            tail = tail.replace(word, " ")
    ranked = sorted(hits.items(), key=lambda x: -x[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _role_keywords(catalog: Catalog) -> list[tuple[str, str]]:
    def build() -> list[tuple[str, str]]:
        pairs = {normalise(w): r.id for r in catalog.roles for w in r.keywords if len(w) > 1}
        return sorted(pairs.items(), key=lambda x: -len(x[0]))

    return _cached(catalog, "title: role keywords", build)
