"""Read a job title the way the market writes it: 资深直播用户运营（电商）, SNG04-QQ浏览器内容运营, 招商运营总.

A title resolves to a role, the market directions it names (直播, 游戏, 亚马逊…), a level, a domain from the
lexicon (data/domains.yaml: 美妆, 足球, SLG, 医美) as the topic, and the title to print: the user's own, with
board noise (codes, salary, benefits, urgency words, a leading 招聘, extra +tags, city brackets) removed and every
qualifier kept. Titles of other kinds of job, or out of scope (data/scope.yaml), are refused with the kind named.
When the head of the title (what the job is) is not understood, the title is refused; when only a modifier is not
understood, the JD is written without it and ``left_out`` names it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..catalog.vocabulary import TitleWords, vocabulary
from ..errors import UserError
from ..text import normalise
from .english import from_english, without_gloss
from .heads import (
    by_domain_class,
    domain_direction,
    head_spans,
    joined_directions,
    mask_venues,
    outside_domains,
    product_spans,
    reach_role,
    refined,
    refuse_app_store,
    without_departments,
    without_employers,
)
from .lexicon import lexicon
from .match import TitleMatch, exact_role
from .names import MAX_TITLE, _cached, _index
from .noise import BRACKET, clean_title, fold, proper_end
from .parts import PREFIX_CUT, Domain, Parts, domain_names, employer_prefix, read_parts, title_topic
from .qualifiers import (
    abroad,
    also_named,
    beside_roles,
    left_out,
    names_industry,
    title_industry,
    title_language,
    title_level,
    title_qualifiers,
    without_business_tail,
    word_first,
)
from .roles import bare_role, resolve_role
from .scope import Naming, refuse_not_ops, refuse_out_of_scope, refuse_stacked_levels, without_levels
from .spans import Span, before_side_duty, by_rank, find_spans, head_rank, overlaps
from .tails import dashed_head, head_role, joined_tail
from .unknown import (
    left_out_note,
    refuse_duty_head,
    refuse_named_subject,
    refuse_unknown_after,
    refuse_unknown_at,
    refuse_unknown_lean,
)

if TYPE_CHECKING:
    from ..catalog.model import Catalog

__all__ = ["TitleMatch", "clean_title", "fold", "from_english", "left_out_note", "resolve_title"]

MAX_DIRECTIONS = 2
# 新媒体运营-B站/抖音/快手: a title that lists platforms keeps each one it names, up to this many, when every
# direction it names is a platform's (one that declares ``platforms``)
MAX_PLATFORM_DIRECTIONS = 4
# A domain alone before 运营 (美妆运营, 足球运营, SLG运营, 医美运营): the job its class points to
DOMAIN_JOBS = {
    "category": ("ecommerce_ops", None),
    "vertical": (None, "vertical"),
    "genre": (None, "game_ops"),
}
_FOCUS = re.compile(r"方向|向$|^偏|侧重|为主")  # a qualifier that says what the work leans to
DOMAIN_SAYS = {"category": "商品品类", "vertical": "内容垂类", "genre": "游戏品类", "industry": "行业"}


def resolve_title(text: str, catalog: Catalog) -> TitleMatch:
    """A role name, a direction name or a free job title → TitleMatch. Raises UserError to refuse.
    An English title (Community Operations Manager) is read through its Chinese words and keeps its own
    wording as the printed title."""
    raw = " ".join(text.split())
    exact = exact_role(raw, catalog)
    if exact:
        return exact
    if not raw:
        raise UserError(f"岗位不能为空，可选：{'、'.join(r.name for r in catalog.roles)}。")
    limit = MAX_TITLE * 2 if raw.isascii() else MAX_TITLE  # an English title takes about twice the characters
    if len(raw) > limit:
        raise UserError(
            f"职位名称太长（{len(raw)} 个字符，上限 {limit}）；请写职位名称，例如 高级用户运营经理。"
        )
    gloss = without_gloss(raw)
    if gloss is not None:
        return replace(resolve_title(gloss, catalog), title=clean_title(raw))
    chinese = from_english(raw) if re.search("[A-Za-z]{2}", raw) else None
    if chinese is not None:
        return replace(resolve_title(chinese, catalog), title=clean_title(raw), left_out=())
    return _read(raw, catalog)


def _kept_directions(directions: tuple[str, ...], catalog: Catalog) -> tuple[str, ...]:
    """The first MAX_DIRECTIONS directions; all that a title names, up to MAX_PLATFORM_DIRECTIONS, when
    each is a platform's (淘宝天猫京东运营 is a job on three platforms, not on the first two)."""
    if all(catalog.direction_by_id[d].platforms for d in directions):
        return directions[:MAX_PLATFORM_DIRECTIONS]
    kept = directions[:MAX_DIRECTIONS]
    return kept + tuple(d for d in directions[MAX_DIRECTIONS:] if d in lexicon().kept_directions)


def _read(raw: str, catalog: Catalog) -> TitleMatch:
    """The title as written; or, when a lone word in closing brackets names a direction of its own with
    the rest (内容运营实习生（游戏） is 游戏内容运营实习生, not 游戏运营), as that spelling reads."""
    match = _as_written(raw, catalog)
    reordered = word_first(match.title or raw, catalog, _direction_words(catalog))
    if not reordered:
        return match
    try:
        other = _as_written(reordered, catalog)
    except UserError:
        return match
    gained = [d for d in other.directions if d not in match.directions]
    if gained and other.topic in (None, match.topic) and other.industry in (None, match.industry):
        return replace(other, title=match.title)
    return match


def _as_written(raw: str, catalog: Catalog) -> TitleMatch:
    words = vocabulary().title
    printed = clean_title(raw)
    # iOS-抖音, PHP高级工程师+网站运营: a job word the printed title lost as a code or a side tag
    refuse_not_ops(fold(raw), " ".join(raw.split()), words)
    exact = _index(catalog.roles).get(normalise(printed))
    if exact:  # 用户增长运营 8-13K reads as 用户增长运营
        return TitleMatch(exact, title=printed if normalise(printed) != exact else None)
    folded = fold(printed)
    main_end = proper_end(folded)
    main = folded[:main_end]
    refuse_stacked_levels(main, printed, words)  # 产品经理产品总监产品专员…: board keyword stuffing
    _refuse_other_job(main, printed[:main_end], catalog, words)
    seen = mask_venues(folded)  # 游戏厅 is a venue, not the game direction
    spans = find_spans(seen, _direction_words(catalog)) or product_spans(seen, _direction_words(catalog))
    spans = outside_domains(folded, spans)  # 农产品运营 names no 产品
    taken = [(s, e) for s, e, _ in spans]
    role_spans = [x for x in find_spans(seen, _role_words(catalog)) if not overlaps(x, taken)]
    role_spans = outside_domains(folded, role_spans)
    role_spans = without_departments(folded, role_spans, spans)  # 产品运营部-用户运营专员
    covered = taken + [(s, e) for s, e, _ in role_spans]
    heads = head_spans(folded, covered, catalog, words)  # 招商专员: a role, but not a word of 运营 for scope
    prefix = employer_prefix(folded, covered)  # 华泰人寿总公司-运营部-数据分析: the employer is not the job
    if prefix:  # 评价产品组-用户运营实习生: the title proper is what follows the department
        main_end = prefix + proper_end(folded[prefix:])
        main = folded[:main_end]
    parts = read_parts(printed, folded, covered, catalog, words)
    refuse_out_of_scope(
        folded[prefix:],
        main[prefix:],
        printed,
        named=Naming(
            bool(spans or role_spans), bool(role_spans or heads), tuple(w for _, w in parts.unknown)
        ),
        level_words=list(_level_words(words)),
        employer=folded[:prefix],
    )
    _vet_before_brackets(printed, folded, covered, catalog, words)
    role_spans += heads
    directions = tuple(dict.fromkeys(d for _, _, d in by_rank(spans, main_end)))
    level = title_level(folded, main_end, fold(raw))
    match = TitleMatch(
        "",
        level,
        _kept_directions(directions, catalog),
        industry=title_industry(folded, catalog),
        title=printed,
    )
    if role_spans or directions:
        if words.generic not in folded[main_end:]:  # 母婴商城买手（商品运营）: the brackets say the job
            refuse_unknown_after(
                printed, folded[:main_end], covered, parts, catalog, list(_level_words(words))
            )
        match = replace(match, role=_named_role(folded, main_end, spans, role_spans, catalog, words))
        match = joined_directions(match, folded, spans, role_spans, catalog, _direction_words)
        match = without_business_tail(match, folded, spans, role_spans, catalog)
        match = refined(match, folded, seen, catalog, _direction_words(catalog))
    else:
        match = _generic_head(match, raw, printed, folded, main_end, parts, catalog)
    match = reach_role(match, folded, catalog)
    match, domain = _with_domain(match, parts.domain, catalog)
    match = by_domain_class(match, domain, folded, catalog)  # 搞笑品类运营 is content; 服饰产品运营 is goods
    topic, kind, name = title_topic(domain, folded)
    match = replace(
        match,
        topic=topic,
        topic_kind=kind,
        domain=name,
        left_out=left_out([w for _, w in parts.unknown], match.directions, catalog),
        language=title_language(folded),
        qualifiers=title_qualifiers(printed, _direction_words(catalog), _role_words(catalog)),
        also=(also := also_named(folded, role_spans, match.role, catalog)),  # 社群内容运营: 社群 too
        beside=beside_roles(folded, main_end, role_spans, match.role, also),
    )
    return abroad(match, catalog)


def _with_domain(
    match: TitleMatch, domain: Domain | None, catalog: Catalog
) -> tuple[TitleMatch, Domain | None]:
    """The match and the domain left as its topic: none when the industry already says it (私域社群运营（母婴）);
    a domain with a direction of its own (AI产品运营) is that direction, and a genre brings the game direction
    and stays the topic (卡牌游戏活动运营: its notes are that game's own)."""
    if domain and match.industry and names_industry(domain.word, match.industry, catalog):
        return match, None
    directed = domain_direction(
        match, domain_names().get(normalise(domain.word)) if domain else None, catalog
    )
    if directed:
        return directed, domain if domain and domain.kind == "genre" else None
    return match, domain


def _refuse_other_job(main: str, proper: str, catalog: Catalog, words: TitleWords) -> None:
    """带货主播（运营部）: a title proper naming another job and no 运营 is that job: refused, naming what it is
    like."""
    if words.generic not in main and any(job in main for job in words.other_jobs):
        resolve_role(proper, catalog)


def _vet_before_brackets(
    printed: str, folded: str, covered: list[tuple[int, int]], catalog: Catalog, words: TitleWords
) -> None:
    """财务经理（运营数据分析方向）: when every role or direction is in brackets, the job is what stands before
    them; refused when that is another kind of job (an employer prefix such as 口碑-… is not vetted)."""
    inside = [m.span() for m in BRACKET.finditer(folded)]
    outside = any(not any(a <= s and e <= b for a, b in inside) for s, e in covered)  # 母婴（高级）商家运营
    if not covered or not inside or inside[0][0] == 0 or outside:
        return
    before = printed[: inside[0][0]].strip()
    if fold(before).endswith(tuple(words.schemes)) or normalise(before) in lexicon().employers:
        return  # 24届橙星管培生（产品运营）: a trainee scheme; the brackets say the job
    if words.generic not in fold(before) and not PREFIX_CUT.search(before):
        resolve_role(before, catalog)


def _named_role(
    folded: str,
    main_end: int,
    spans: list[Span],
    role_spans: list[Span],
    catalog: Catalog,
    words: TitleWords,
) -> str:
    """The role of a title that names a role or a direction. Head-final: what follows the last of them in the
    title proper may name the role (游戏运营数据分析); a role written inside a direction's name counts
    (海外市场运营); a qualifier may name it when only a direction is named (游戏运营-数据分析方向)."""
    main_end = before_side_duty(folded, main_end, [(s, e) for s, e, _ in [*spans, *role_spans]])
    head = max((e for _, e, _ in [*spans, *role_spans] if e <= main_end), default=0)
    named = (
        folded[:head] if any(e == head for _, e, _ in role_spans) else ""
    )  # 社区运营策划, not 海外运营策划
    # 供给运营-数据分析实习生: a dashed tail that carries the level is the job, whatever precedes the dash
    role = dashed_head(folded, main_end, catalog, words) or head_role(
        joined_tail(folded[head:main_end], words, named), catalog, words
    )
    if role_spans:
        return role or max(role_spans, key=lambda x: head_rank(x, main_end))[2]
    directions = by_rank(spans, main_end)
    covered = [(s, e) for s, e, _ in spans]
    aside = "".join(" " if overlaps((i, i + 1), covered) else c for i, c in enumerate(folded))[main_end:]
    aside = " ".join(
        q
        for q in re.split(r"[（(【\[）)】\]\-—]", aside)
        if _FOCUS.search(q) or q.strip() in words.bare_functions
    )  # （数据分析方向）, -数据分析
    first = catalog.direction_by_id[directions[0][2]]
    leaning = head_role(aside, catalog, words)
    # 天猫运营（数据方向） is store work that leans to data, not a data job: a qualifier names the role only
    # when the direction is written for it (游戏运营（数据分析方向） is data work in a game)
    return (
        role
        or _role_inside(folded, first.id, catalog)
        or (leaning if leaning in first.roles else None)
        or first.roles[0]
    )


def _role_inside(folded: str, direction: str, catalog: Catalog) -> str | None:
    """A role name written inside a direction's own name (海外市场运营, 游戏活动运营), when the direction lists it."""
    roles = catalog.direction_by_id[direction].roles
    found = [r for _, _, r in find_spans(folded, _role_words(catalog)) if r in roles]
    return found[-1] if found else None


def _generic_head(
    match: TitleMatch, raw: str, printed: str, folded: str, main_end: int, parts: Parts, catalog: Catalog
) -> TitleMatch:
    """No role or direction named: what stands before 运营 decides. A word not understood there is the job
    itself, unknown: refused. A domain there points to a job by its class (美妆运营 → 电商运营, with a note).
    Otherwise the words score the roles, or the title is generic operations."""
    words = vocabulary().title
    refuse_app_store(folded[:main_end], printed)  # 应用宝运营经理: which app-store job is not said
    head = _head_at(folded, main_end, words.generic)
    if head > 0:
        refuse_unknown_at(printed, head, parts, catalog)
    domain = parts.domain
    rest = folded[head + len(words.generic) : main_end]
    for level_word in _level_words(words):
        rest = rest.replace(level_word, "")
    if domain is not None and head > 0 and domain.start + len(domain.word) == head and not rest.strip():
        return _domain_job(replace(match, role=_index(catalog.roles).get(words.generic, "")), domain, catalog)
    if words.generic not in folded and any(job in folded for job in words.other_jobs):
        resolve_role(raw, catalog)  # refuses other professions, naming the role they resemble
    found = resolve_role(without_employers(printed, folded, _direction_words(catalog)), catalog)
    # a word not understood at the end is the job: 招商信诺自建项目/百万大单 (no 运营), 运营研究者 (after 运营; but in
    # 运营体系-数据分析岗 the dashed tail says what the job is)
    end = len(without_levels(folded[:main_end], list(_level_words(words))))
    if head < 0 or end > head + len(words.generic) and main_end == len(folded):
        refuse_unknown_at(printed, end, parts, catalog)
    generic = _index(catalog.roles).get(words.generic)
    # 创意运营: a task's word, not a job jdwriter writes; 供应商运营专员（数据分析）: a lean in brackets does not make
    # a job of a title proper that names none (read alone only when brackets or a dashed tail follow it)
    if head > 0 and (
        found.role == generic
        or main_end < len(folded)
        and bare_role(printed[:main_end], found.role, catalog) == generic
    ):
        refuse_duty_head(printed, folded[:head], generic or "", catalog)
    if found.unnamed and head > 0 and domain is None:
        refuse_named_subject(
            printed, folded[:head], catalog
        )  # 专区运营: a subject with no job written for it
    if found.role == generic and domain is None:  # 运营经理（安全）: the job is in brackets
        refuse_unknown_lean(printed, head, main_end, parts, catalog)
    match = replace(match, role=found.role, note=found.note, level=match.level or found.level)
    if found.role == generic and domain is not None:
        return _domain_job(match, domain, catalog)
    return match


def _head_at(folded: str, main_end: int, generic: str) -> int:
    """Where the last 运营 of the title proper stands that is not a department's (零售运营部数据分析岗); -1."""
    at = folded.rfind(generic, 0, main_end)
    while at >= 0 and any(folded.startswith(u, at) for u in lexicon().unit_suffixes):
        at = folded.rfind(generic, 0, at)
    return at


def _domain_job(match: TitleMatch, domain: Domain, catalog: Catalog) -> TitleMatch:
    """美妆运营, 足球运营, SLG运营, 医美机构运营: the class of the domain points to the job."""
    role, direction = DOMAIN_JOBS.get(domain.kind, (None, None))
    if domain.kind == "vertical" and not domain.content:
        direction = None  # 足球运营, 汽车运营: a subject, not content work; generic operations about it
    if direction and direction in catalog.direction_by_id:
        match = replace(match, directions=(direction,), role=catalog.direction_by_id[direction].roles[0])
    elif role and role in catalog.role_by_id:
        match = replace(match, role=role)
    name = catalog.role_by_id[match.role].name
    if match.directions:
        name = catalog.direction_by_id[match.directions[0]].name
    says = DOMAIN_SAYS[domain.kind]
    how = "" if match.directions or role else "，按通用的运营职责来写"
    return replace(
        match, note=f"按「{name}」生成（依据：「{domain.word}」是{says}，标题没有写明具体岗位{how}）"
    )


def _direction_words(catalog: Catalog) -> list[tuple[str, str]]:
    def build() -> list[tuple[str, str]]:
        pairs = {
            normalise(w): d.id
            for d in catalog.directions
            for w in (d.name, *d.aliases, *d.keywords)
            if w.strip()
        }
        return sorted(pairs.items(), key=lambda x: -len(x[0]))

    return _cached(catalog, "title: direction words", build)


def _role_words(catalog: Catalog) -> list[tuple[str, str]]:
    def build() -> list[tuple[str, str]]:
        generic = vocabulary().title.generic
        pairs = {
            normalise(w): r.id for r in catalog.roles for w in (r.name, *r.aliases) if normalise(w) != generic
        }
        return sorted(pairs.items(), key=lambda x: -len(x[0]))

    return _cached(catalog, "title: role words", build)


def _level_words(words: TitleWords) -> tuple[str, ...]:
    return (*(w for w, _ in words.level_words), *lexicon().level_tails, *words.post_words)
