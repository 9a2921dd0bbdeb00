"""What the head of a title is, where the catalogue's names alone would mislead.

- A venue (游戏厅, 电竞馆) is one word: its 游戏 or 电竞 is not the game or esports direction.
- A sports event (篮球赛事, 马拉松赛事) is not esports: its 赛事 does not name that direction.
- An app store (应用宝, 应用市场) names no job by itself: its 市场 is not 市场运营; alone before 运营 it is refused.
- A department named after a role (产品运营部-, 用户运营中心-) is where the job sits, not the job, when the
  title names another role.
- A function word standing right before a level word names its role without 运营 (招商专员 → 招商运营).
- A side of the market (B端, C端) qualifies a job and never names it.
- A product that stands for its field (原神, 王者荣耀 → 游戏) names the field's direction when the title
  names none (版本运营实习生-原神 is game operations), and turns a direction into the field's own kind of it
  when there is one (社区运营（蛋仔派对） is 游戏社区运营).
- A reach channel (短信, Push, 触达) turns 渠道运营 into CRM reach work (用户运营), not acquisition.
- An employer's name (招商信诺, 平安) is not read for the job: its 招商 is no 招商运营. A name that holds a
  platform the catalogue writes for (快手电商, 小红书电商) still says the platform.
- A direction word written apart from a function role (品类-数据运营) may name, with it, a direction written for
  that role (品类数据运营 is 电商数据运营).
- A domain with a direction of its own (AI → AI产品运营) is that direction for a role it is written for.
- Two directions written together may be another job (游戏 + 商业化 is in-game payment, not ad monetisation).
- A role whose name only says a scope (生态运营) gives way to a direction the title names that is not written
  for it: 电竞生态运营 is esports work, not developer relations.
- An e-commerce platform's name right before a function word (淘宝推广, 京东活动运营) is that work in a store on
  the platform: the store role, with the function's direction beside the platform's.

The words live in data/domains.yaml (venues, sports, app_stores, role_heads, sides, reach, platform_functions,
domain_directions, weak_roles, direction_pairs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..catalog.vocabulary import TitleWords
from ..errors import UserError
from ..text import normalise
from .lexicon import lexicon
from .names import _index
from .parts import domain_words
from .spans import Span

if TYPE_CHECKING:
    from ..catalog.model import Catalog
    from .match import TitleMatch
    from .parts import Domain

# what follows a role's name when it names a department: 产品运营部, 用户运营中心, 内容运营组
_DEPARTMENT = ("部", "中心", "组", "团队", "小组", "事业部", "业务部", "工作室", "线")


def product_spans(seen: str, table: list[tuple[str, str]]) -> list[Span]:
    """The direction a product's field names (原神 → 游戏 → game_ops), placed on the product's name: for a
    title that names no direction. ``table`` is (direction word, direction id), as for the title itself."""
    words = dict(table)
    for field, names in lexicon().product_fields.items():
        for name in names:
            at = seen.find(name)
            if at >= 0 and field in words:
                return [(at, at + len(name), words[field])]
    return []


def mask_venues(folded: str) -> str:
    """``folded`` as it is read for roles and directions (same length): each venue word blanked, so 游戏厅 is
    not read as 游戏, and other spellings in their usual form (电商营运专员 is 电商运营专员)."""
    for word in sorted(lexicon().venues, key=len, reverse=True):
        folded = folded.replace(word, " " * len(word))
    folded = _mask_sports_events(folded)
    for word in sorted(lexicon().app_stores.words, key=len, reverse=True):
        folded = folded.replace(word, " " * len(word))  # 应用市场: not 市场运营
    for word, reading in lexicon().spellings.items():
        folded = folded.replace(word, reading)
    return folded


def outside_domains(folded: str, spans: list[Span]) -> list[Span]:
    """The spans that do not begin inside a domain word and run past it: 农产品运营 is operations for farm
    produce, not 产品运营."""
    names = [(at, at + len(w)) for w, _ in domain_words() for at in _starts(folded, w)]
    return [x for x in spans if not any(s < x[0] < e < x[1] for s, e in names)]


def without_employers(printed: str, folded: str, table: list[tuple[str, str]]) -> str:
    """``printed`` without the employers' names that hold no direction word of ``table`` (招商信诺运营专员 →
    运营专员), for scoring the roles by keyword; ``printed`` and ``folded`` align character by character."""
    cut = [False] * len(folded)
    for name in (n for n in lexicon().employers if n in folded):  # few are in a title: test those alone
        if any(word in name for word, _ in table):
            continue  # 快手电商: the platform is the job's
        for at in _starts(folded, name):
            cut[at : at + len(name)] = [True] * len(name)
    return "".join(c for c, gone in zip(printed, cut, strict=True) if not gone) or printed


def _starts(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _mask_sports_events(folded: str) -> str:
    """篮球赛事运营: a sports event, so its 赛事 is not the esports direction; 体育游戏赛事运营 still is."""
    sports = lexicon().sports
    if not any(w in folded for w in sports.words) or any(w in folded for w in sports.unless):
        return folded
    for word in sorted(sports.events, key=len, reverse=True):
        folded = folded.replace(word, " " * len(word))
    return folded


def refuse_app_store(main: str, printed: str) -> None:
    """应用宝运营经理, 应用市场运营: no role named beside an app store, so neither the store's own distribution work
    (developers, charts, featured slots) nor a developer's store channel can be told apart; the catalogue has no
    app-distribution job. Refused, naming the closest jobs."""
    stores = lexicon().app_stores
    if not stores.near or not any(w in main for w in stores.words):
        return
    near = stores.near
    shown = printed[:40]
    raise UserError(
        f"「{shown}」是应用商店或应用分发平台的运营，没有写明做哪一块：jdwriter 还没有应用分发这一方向"
        f"（开发者合作、榜单与推荐位、首发），最接近的是：{'、'.join(near)}。如果是其中一种，请用 --role 指定它，"
        f"再用 --title 写原来的职位名称（例如 --role {near[0]} --title {shown}）。"
    )


def without_departments(folded: str, spans: list[Span], others: list[Span]) -> list[Span]:
    """产品运营部-用户运营专员: a role written as a department's name is dropped when the title names
    another role or direction outside departments."""
    kept = [x for x in spans if not folded.startswith(_DEPARTMENT, x[1])]
    if not kept and not [x for x in others if not folded.startswith(_DEPARTMENT, x[1])]:
        return spans
    return kept


def head_spans(folded: str, taken: list[tuple[int, int]], catalog: Catalog, words: TitleWords) -> list[Span]:
    """招商专员, 招商经理（AI教育）: a role's function word followed by a level word or 岗, or ending the title
    proper (招商), names the role."""
    levels = sorted({*(w for w, _ in words.level_words), *lexicon().level_tails, "岗"}, key=len, reverse=True)
    found: list[Span] = []
    for word, name in lexicon().role_heads.items():
        key = normalise(word)
        role = _index(catalog.roles).get(normalise(name))
        start = 0
        while role and (at := folded.find(key, start)) >= 0:
            end = at + len(key)
            free = not any(at < e and s < end for s, e in taken)
            alone = not folded[end:].strip() or folded[end] in "(（-—/|"  # 招商, 餐饮招商（双休）
            if free and (folded.startswith(tuple(levels), end) or alone):
                found.append((at, end, role))
            start = end
    return found


def strip_sides(tail: str) -> str:
    """产品运营-B端: the side of the market is blanked from a tail before it is read for a role."""
    for word in sorted(lexicon().sides, key=len, reverse=True):
        tail = tail.replace(word, " ")
    return tail


def reach_role(match: TitleMatch, folded: str, catalog: Catalog) -> TitleMatch:
    """触达渠道运营（短信方向）, Push运营: reach channels are CRM work, written as the reach role."""
    reach = lexicon().reach
    if not reach.role or not any(w in folded for w in reach.words) or any(w in folded for w in reach.unless):
        return match
    index = _index(catalog.roles)
    over = {index.get(name) for name in reach.over}
    role = index.get(normalise(reach.role))
    if not role or match.role not in over or match.directions:
        return match
    said = next(w for w in reach.words if w in folded)
    name = catalog.role_by_id[role].name
    return replace(
        match, role=role, note=f"按「{name}」生成（依据：「{said}」是触达用户的渠道，属于用户触达工作）"
    )


def joined_directions(
    match: TitleMatch,
    folded: str,
    spans: list[Span],
    role_spans: list[Span],
    catalog: Catalog,
    direction_words: Callable[[Catalog], list[tuple[str, str]]],
) -> TitleMatch:
    """品类-数据运营: a function role (one whose JD other directions do not write, 数据运营) written apart from
    a direction word before it, when the two together name a direction written for the role (品类数据运营 is
    电商数据运营), reads as that direction; the word alone (品类运营) would only be the title's context."""
    role = catalog.role_by_id.get(match.role)
    if role is None or role.direction_blocks:
        return match
    index = dict(direction_words(catalog))
    out = list(match.directions)
    for start, end, direction in spans:
        if direction not in out or role.id in catalog.direction_by_id[direction].roles:
            continue
        for at, stop, named in role_spans:
            joined = index.get(normalise(folded[start:end] + folded[at:stop])) if named == role.id else None
            if at >= end and joined and role.id in catalog.direction_by_id[joined].roles:
                out[out.index(direction)] = joined
                break
    return replace(match, directions=tuple(dict.fromkeys(out)))


def platform_function(
    match: TitleMatch, folded: str, catalog: Catalog, table: list[tuple[str, str]]
) -> TitleMatch:
    """淘宝推广, 天猫推广专员, 京东活动运营: the platform's store work in that function (站内推广, 大促活动), not
    an app's marketing or events; ``table`` is (direction word, direction id), as for the title itself."""
    known = lexicon().platform_functions
    for platform in (d for d in match.directions if d in known.platforms):
        words = [normalise(w) for w, d in table if d == platform]
        for function, direction in known.words.items():
            # 淘宝推广, 淘宝店铺运营推广: the store and 运营 may stand between the platform and the function
            near = (re.search(re.escape(w) + f"(?:店铺|网店|店)?(?:运营)?{function}", folded) for w in words)
            if direction in catalog.direction_by_id and any(near):
                own = catalog.direction_by_id[platform].roles
                role = match.role if match.role in own else own[0]
                directions = tuple(dict.fromkeys((*match.directions, direction)))
                return replace(match, role=role, directions=directions)
    return match


def domain_direction(match: TitleMatch, entry: str | None, catalog: Catalog) -> TitleMatch | None:
    """AI高级产品运营经理: a domain (ai) that has a direction of its own (AI产品运营), with a role that direction is
    written for and no other direction named, is that direction and no longer a topic; None when it is not."""
    direction = lexicon().domain_directions.get(entry or "")
    known = catalog.direction_by_id.get(direction or "")
    if known is None or match.directions:
        return None
    # 体育游戏版本运营: the role's work inside the direction's domain, when a note is written for that
    notes = catalog.notes_by_direction.get(known.id, [])
    if match.role in known.roles or any(not n.roles or match.role in n.roles for n in notes):
        return replace(match, directions=(known.id,))
    return None


def kind_direction(match: TitleMatch, kind: str | None, catalog: Catalog) -> TitleMatch:
    """搞笑品类运营, 视频拓展运营（搞笑品类）: a direction written for another kind of domain (品类 is merchandise)
    beside a domain of this kind (搞笑, a content vertical) gives way to the direction for this kind, written
    by its first role (data/domains.yaml kind_directions)."""
    own = lexicon().kind_directions.get(kind or "")
    directions = [catalog.direction_by_id[d] for d in match.directions if d in catalog.direction_by_id]
    other = [d for d in directions if d.topic_kinds and kind not in d.topic_kinds]
    if own not in catalog.direction_by_id or not other:
        return match
    roles = catalog.direction_by_id[own].roles
    if match.role not in roles and _named(match, catalog):
        return match  # 健康品类招商运营: a role the title names that does no content work keeps 品类 as goods
    if any(w in normalise(match.title or "") for w in lexicon().goods_context):
        return match  # 医药-B2C-电商健康品类招商: the store or merchant context says 品类 is goods
    kept = tuple(dict.fromkeys(own if d in other else d.id for d in directions))
    named = match.role in roles and _named(match, catalog)  # 搞笑品类电商运营 keeps the store's job
    return replace(match, directions=kept, role=match.role if named else roles[0])


def weak_role(match: TitleMatch, catalog: Catalog) -> TitleMatch:
    """电竞生态运营（赛事管理）: 生态运营 only says a scope; the esports direction, not written for it, names the
    job, so the direction's first role writes it."""
    index = _index(catalog.roles)
    weak = {index.get(normalise(name)) for name in lexicon().weak_roles}
    directions = [catalog.direction_by_id[d] for d in match.directions if d in catalog.direction_by_id]
    if not directions or any(match.role in d.roles for d in directions):
        return match
    # 跨境电商平台运营, 私域营销助理: a role that gives way to the direction's own kind of job
    yields = {
        index.get(normalise(name)): {index.get(normalise(x)) for x in to}
        for name, to in lexicon().yielding_roles.items()
    }
    if match.role in weak or directions[0].roles[0] in yields.get(match.role, set()):
        return replace(match, role=directions[0].roles[0])
    return match


def field_directions(
    match: TitleMatch, seen: str, catalog: Catalog, table: list[tuple[str, str]]
) -> TitleMatch:
    """高级社区运营（蛋仔派对）: the product's field joined to a named direction names the field's own kind of it
    (游戏 + 社区运营 = 游戏社区运营, written for players and maps, not an app's UGC)."""
    index = {normalise(w): d for w, d in table}
    role = catalog.role_by_id.get(match.role)

    def joined(field: str, direction: str) -> str:
        kind = index.get(normalise(field + catalog.direction_by_id[direction].name))
        if kind is None and role and index.get(field) == direction:
            # 原神内容运营: the field's own direction (游戏运营) joined to the role (游戏 + 内容运营 = 游戏内容运营)
            kind = index.get(normalise(field + role.name))
        return kind or direction

    for field, names in lexicon().product_fields.items():
        if match.directions and any(name in seen for name in names):
            out = [joined(field, d) for d in match.directions]
            return replace(match, directions=tuple(dict.fromkeys(out)))
    return match


def paired_directions(match: TitleMatch, catalog: Catalog) -> TitleMatch:
    """魂斗罗手游商业化运营: 游戏 and 商业化 together are in-game payment (礼包, 通行证), the game operator's work,
    not an app's ad monetisation; the pair becomes the one direction, written by its role."""
    kept = lexicon().kept_directions
    for first, second, joined in lexicon().direction_pairs:
        if {first, second} <= set(match.directions[:2]) and joined in catalog.direction_by_id:
            rest = [
                d for d in match.directions if d not in (first, second, joined) or d in kept and d != joined
            ]
            roles = catalog.direction_by_id[joined].roles
            role = match.role if match.role in roles and _named(match, catalog) else roles[0]
            return replace(match, role=role, directions=(joined, *rest))
    for role_id, direction, joined in lexicon().role_directions:  # 游戏运营 内容运营方向: the game's content
        if match.role == role_id and direction in match.directions[:2] and _named(match, catalog):
            swapped = tuple(joined if d == direction else d for d in match.directions)
            return replace(match, directions=tuple(dict.fromkeys(swapped)))
    return match


def _named(match: TitleMatch, catalog: Catalog) -> bool:
    """Whether the title wrote its role (游戏海外用户运营), rather than the lead direction giving it."""
    role = catalog.role_by_id[match.role]
    title = normalise(match.title or "")
    return any(normalise(w) in title for w in (role.name, *role.aliases))


def refined(
    match: TitleMatch, folded: str, seen: str, catalog: Catalog, table: list[tuple[str, str]]
) -> TitleMatch:
    """The directions and role a title named, read together: a platform before a function (淘宝推广), a product's
    field with a direction (蛋仔派对 社区运营), a pair that is another job (游戏 商业化), a scope role (生态运营)."""
    match = platform_function(match, folded, catalog, table)
    match = paired_directions(field_directions(match, seen, catalog, table), catalog)
    # 腾讯云生态产品运营: a product's field does not outrank the role (云生态 is the cloud's partners)
    named = any(word in seen for word, _ in table)
    return weak_role(match, catalog) if named else match


def by_domain_class(match: TitleMatch, domain: Domain | None, folded: str, catalog: Catalog) -> TitleMatch:
    """The domain's class read with the role: a content vertical beside 品类 is content (kind_direction), and
    服饰产品运营, 美妆产品运营: 产品 after a merchandise category is the goods, so the job is category (商品)
    operations, not an app's product operations (round 46: 服饰产品运营-数据分析 graded WRONG JOB)."""
    match = kind_direction(match, domain.kind if domain else None, catalog)
    goods = lexicon().goods_roles.get(match.role or "")
    if not domain or domain.kind != "category" or not goods or normalise(domain.word) + "产品" not in folded:
        return match
    role, direction = goods
    return replace(
        match,
        role=role,
        directions=(direction,) if direction in catalog.direction_by_id else match.directions,
    )
