"""岗位职责: the directions' blocks first, then emphasised blocks with their extra items, the role's blocks
(those a direction pulls forward first) and the level's own blocks, arranged for variety."""

from __future__ import annotations

from ..catalog.lint import longest_run, opening
from ..catalog.model import Duty
from ..errors import UserError
from .arrange import arrange_slots
from .bonus import bonus
from .job import Job, unique_duties
from .named import beside_lines, hired_blocks
from .requirements import own

MAX_DUTIES = 7
MAX_LEAD = 3  # direction (and topic) blocks at the top: the role's own duties keep at least two places
SPARE_BLOCKS = 2
MIN_BLOCKS = 4  # distinct blocks a JD draws on, so its interview kit has enough questions
CORE_DUTIES = 2  # a JD with no direction: the role's first blocks, then the rest for variety
MIN_ITEMS = 5  # a direction whose own lines come short takes the role's blocks up to this many duties


def lead(job: Job) -> list[Duty]:
    """The directions' own blocks; applies() leaves out one the job cannot do. The title's domain enters the
    duties only through a line written for it (data/domain_notes.yaml), never through a block whose lines
    take any topic word (panels marked 「策划围绕汽车的专题内容」 and 「维护汽车的关键词和标签表」 slot-filled)."""
    catalog = job.catalog
    # round-robin over the directions, so 淘宝天猫京东运营 leads with each platform's first block
    owned = [[catalog.duty_by_id[x] for x in d.duties if x in catalog.duty_by_id] for d in job.leading]
    blocks = [b[i] for i in range(max(map(len, owned), default=0)) for b in owned if i < len(b)]
    return [b for b in unique_duties(blocks) if job.applies(b)][:MAX_LEAD]


def lead_options(job: Job, duty: Duty) -> list[str]:
    """A direction block's phrasings that say the direction word the title used (直播, 亚马逊), seeded
    pick first, so the JD names the job it is for; arrange() may take another of them for variety.
    When the title names the platform another way (bilibili for B站), the line says it the title's way."""
    owners = [d for d in job.directions if duty.id in d.duties]
    said = [w for d in owners for w in job.title_words(d)]
    stems = [d.name.removesuffix("运营") for d in owners]
    wanted = [w.casefold() for w in [*said, *stems]]
    lines = duty.lines[job.lines_level]  # type: ignore[index]
    for variants in (lines.main, lines.more):
        filled = job.keep(job.fill(x, duty.topic_kinds) for x in job.solid(variants))
        saying = [x for x in filled if any(w in x.casefold() for w in wanted)]
        if saying:
            start = job.index(len(saying), duty.id, "main")
            first = [_in_title_words(job, x, said, stems) for x in saying[start:] + saying[:start]]
            # the other phrasings only when no arrangement keeps variety with these
            return first + [x for x in job.options(duty) if x not in saying]
    return job.options(duty)


def _in_title_words(job: Job, line: str, said: list[str], stems: list[str]) -> str:
    """The line with the direction's word in the title's spelling, only where the two name one platform
    (bilibili for B站): a title word that is a field, not a name (人工智能, AIGC for AI产品), would turn
    「AI产品内置的提示词模板」 into 「人工智能内置的提示词模板」, so the line keeps its own word."""
    if said and not any(w.casefold() in line.casefold() for w in said):
        stem = next((x for x in stems if x in line), None)
        word = max(said, key=len)
        same = job.catalog.practices_in(word)
        if stem and same and same == job.catalog.practices_in(stem):
            return line.replace(stem, word, 1)
    return line


def duties(job: Job) -> tuple[list[str], list[Duty]]:
    """The duty items and the blocks they come from (requirements, bonus and KPIs read the blocks)."""
    catalog, level = job.catalog, job.level
    leading, skip = _leading(job)
    reserved = [catalog.duty_by_id[d] for d in level.extra_duties if d not in skip]
    reserved += [d for d in hired_blocks(job) if d.id not in skip and d not in reserved]
    beside = [(d, lines) for d, lines in beside_lines(job) if d.id not in skip and d not in reserved]
    regular, backup = role_blocks(job, bool(leading), skip)
    pulled = _pulled(job)
    narrowed = regular if leading else regular[: len([x for x in regular if x.id in pulled]) + CORE_DUTIES]
    target = level.duty_count + (1 if job.emphasis else 0)
    domain_lines, _ = job.domain_lines  # written for the title's domain: one of them takes a place
    language_lines, _ = job.language_lines  # 日语: one duty in the language takes another
    extra = min(1, len(domain_lines)) + min(1, len(language_lines))
    slots_free = min(MAX_DUTIES, target) - len(reserved) - len(beside) - extra
    if len(job.emphasis) > slots_free:
        raise UserError(f"侧重最多选 {slots_free} 项，现在选了 {len(job.emphasis)} 项。")
    leading = leading[: max(0, slots_free - len(job.emphasis) - min(2, len(regular)))]
    # Extra items of emphasised blocks, taken round-robin, leaving room for at least two role duties.
    extras: dict[str, list[str]] = {d.id: [] for d in job.emphasis}
    room = max(0, slots_free - len(leading) - len(job.emphasis) - min(2, len(regular)))
    queue = [(d.id, x) for i in range(2) for d in job.emphasis for x in job.more(d)[i : i + 1]]
    for duty_id, text in queue[:room]:
        extras[duty_id].append(text)
    slots: list[list[str]] = []
    owners: list[Duty] = []

    def add(duty: Duty, options: list[str]) -> None:
        slots.append(options)
        owners.append(duty)

    for duty in leading:
        add(duty, lead_options(job, duty))
    for duty in job.emphasis:
        add(duty, job.options(duty))
        for x in extras[duty.id]:
            add(duty, [x])
    first = len(slots)
    for duty in narrowed:
        if len(slots) >= slots_free:
            break
        add(duty, job.options(duty))
    rest = regular[len(narrowed) :]
    while rest and len(slots) < slots_free and len(unique_duties(owners)) < MIN_BLOCKS:
        add(rest[0], job.options(rest.pop(0)))  # enough blocks for an interview kit
    for duty in leading:  # the direction's further items come before the role's other blocks
        for x in job.more(duty)[: max(0, slots_free - len(slots))]:
            add(duty, [x])
    for duty in rest:
        if len(slots) >= slots_free:
            break
        add(duty, job.options(duty))
    for duty in regular:  # a role with few blocks borrows their extra items to fill its slots
        for x in job.more(duty)[: max(0, slots_free - len(slots))]:
            add(duty, [x])
    for duty in backup:
        if len(slots) >= MIN_ITEMS:
            break
        add(duty, job.options(duty))
    spare = list(range(first, len(slots)))
    # Up to two more of the role's blocks stand by, in case one above has no phrasing that fits the rest.
    standby = [d for d in regular if d not in owners][:SPARE_BLOCKS] if spare else []
    for duty in standby:
        spare.append(len(slots))
        add(duty, job.options(duty))
    for duty in reserved:
        add(duty, job.options(duty))
    for duty, lines in beside:  # 社群运营/活动运营: one line of the community work
        add(duty, lines)
    named = [*own(job), *bonus(job, unique_duties(d for d in owners if d not in standby))]
    taken = arrange_slots(slots, job.terms(), named, spare=spare, skips=len(standby))
    texts = [text for _, text in taken]
    at = sum(1 for i, _ in taken if owners[i] in leading)  # after the direction's lines, before the role's
    at = 0 if job.focus_note is not None else at  # 补贴策略运营: what the job works on comes first
    with_domain = _placed(texts, domain_lines, at)
    # the language's line after the subject's (阿联酋商家策略: 商家 first, then English with local partners)
    texts = _placed(with_domain, language_lines, at + len(with_domain) - len(texts))
    return texts, unique_duties(owners[i] for i, _ in taken)


def role_blocks(job: Job, directed: bool, skip: set[str]) -> tuple[list[Duty], list[Duty]]:
    """The role's blocks a JD draws on, and those that only stand by. A direction's JD (``directed``) is the
    direction's work: of the role's blocks it takes those its head direction pulls forward; the role's
    others only make up a JD the direction's own lines leave shorter than MIN_ITEMS (panels marked more
    than half of them wrong for the job). A JD with no direction takes the role's blocks in order."""
    pulled = _pulled(job)
    rest = [x for x in job.role.duties if x not in pulled]
    usable = [
        d
        for d in unique_duties(job.catalog.duty_by_id[x] for x in [*pulled, *rest])
        if d.id not in skip and d.id not in job.level.extra_duties and job.applies(d)
    ]
    if not directed:
        return usable, []
    return [d for d in usable if d.id in pulled], [d for d in usable if d.id not in pulled]


def standby(job: Job) -> list[Duty]:
    """The role's blocks a direction's JD leaves out: an interview kit may ask about them when the JD's
    own blocks are too few for a kit."""
    leading, skip = _leading(job)
    return role_blocks(job, bool(leading), skip)[1]


def _leading(job: Job) -> tuple[list[Duty], set[str]]:
    """The direction blocks that lead the duties (those the user emphasised aside) and the blocks the role's
    list leaves out: emphasised, leading and the directions' skips."""
    emphasised = {d.id for d in job.emphasis}
    leading = [d for d in lead(job) if d.id not in emphasised]
    return leading, emphasised | {d.id for d in leading} | _skipped(job)


def _pulled(job: Job) -> list[str]:
    """The role's blocks the title's head direction pulls forward (a second direction brings its own)."""
    return [x for d in job.leading[:1] for x in d.emphasis]


def _skipped(job: Job) -> set[str]:
    """The role's blocks the title's directions leave out. A direction's skip list is written for its own
    roles; one that only says the domain (游戏 in 游戏产品运营) takes none of the role's blocks away."""
    return {x for d in job.directions if d not in job.domains for x in d.skip}


def _placed(texts: list[str], options: list[str], at: int) -> list[str]:
    """One of ``options`` put in at ``at`` or the first later place where the duties still open with varied
    verbs (no three in a row alike, none opening more than half); the first option at ``at`` otherwise."""
    tries = [texts[:i] + [x] + texts[i:] for x in options for i in range(at, len(texts) + 1)]

    def varied(items: list[str]) -> bool:
        verbs = [opening(y) for y in items]
        return longest_run(verbs) < 3 and max(verbs.count(v) for v in verbs) * 2 <= len(verbs)

    return next((x for x in tries if varied(x)), tries[0] if tries else texts)
