"""What a typed title resolves to (TitleMatch), and the shortcut every exact role name takes.

`new --role 用户运营` is the commonest request: it is answered here, from the catalogue's name index, without
importing the title reader (titles.py and the lexicon, noise and parts modules beside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import normalise
from .names import _index

if TYPE_CHECKING:
    from ..catalog.model import Catalog


@dataclass(frozen=True)
class TitleMatch:
    """What a typed title resolved to. ``title`` is what to print (None: the level's own pattern, for a
    bare role name); ``note`` explains a guess, for stderr; ``left_out`` the words not understood."""

    role: str
    level: str | None = None
    directions: tuple[str, ...] = ()
    topic: str | None = None
    industry: str | None = None
    title: str | None = None
    note: str | None = None
    topic_kind: str | None = None
    domain: str | None = None  # the lexicon entry the topic belongs to (护肤 → 美妆), for its domain notes
    left_out: tuple[str, ...] = ()
    language: str | None = None  # a working language the title names (日语, 日本站 → 日语)
    qualifiers: tuple[str, ...] = ()  # words in brackets or after a dash (会员 in 产品运营（会员方向）)
    # other roles the title names (社群 in 社群内容运营, 数据分析 in 产品运营与数据分析)
    also: tuple[str, ...] = ()
    # a role named as an alternative beside the title's own (社群运营/活动运营): one of its lines is written
    beside: tuple[str, ...] = ()


def exact_role(text: str, catalog: Catalog) -> TitleMatch | None:
    """A role's own name or alias, as typed (spaces folded); None for anything else."""
    raw = " ".join(text.split())
    exact = _index(catalog.roles).get(normalise(raw))
    if not exact:
        return None
    return TitleMatch(exact, title=raw if normalise(raw) != exact else None)
