"""The compliance scan: how a trigger word in one line becomes a finding, or not.

The words come from check_rules (data/check_rules.yaml); see its docstring for the principles. Everything here
works on text folded by check_rules.fold. No jieba import here: tokens come in from check.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .rules import rules, scan_patterns, triggers, words

PUNCTUATION = frozenset(",.;:!?。，、；：！？()（）[]【】「」“”\"'《》<>-~—–…·*#|｜/\\ ")
WINDOW = 12  # how many words either side of a trigger the clause-wide rules look at
BREAKS = frozenset(",;。!?|｜\n\r")
# Section kinds that describe the job or the company: a trigger there needs a requirement word next to it.
DESCRIPTIVE = frozenset({"summary", "duties", "kpis", "company", "benefits"})
_BOUND = re.compile("以下|以内|之内|以上|之前|前|左右|上下|之间|不超过|不大于|不高于|未满|不满|小于|低于")
_SEPARATED = re.compile(r"\s*[/、及和或与&]\s*")
_RANGE = re.compile(r"\d\s*(?:-|~|～|—|–|至|到)\s*\d")
_LIMITS = frozenset(("限", "仅", "只", "仅限", "只限", "限于"))
_MARKED_TEXT = re.compile(
    "勿扰|免谈|谢绝|不考虑|不招|绕道|优先|^(?:限|仅限|只限|只要|只招|仅招|只收)|^年龄\\D{0,6}\\d|^(?:19|20)\\d\\d\\s*年"
)


# --- the scan ------------------------------------------------------------------------------------------


@dataclass
class Hit:
    """A trigger in one clause. ``first``/``last`` are token indices, ``start``/``end`` character offsets."""

    category: str
    start: int
    end: int
    first: int
    last: int
    text: str
    weak: bool


@dataclass
class Clause:
    """The tokens of one clause (a line cut at ，；。 and spaces) and the kind of section it stands in."""

    tokens: list[str]
    offsets: list[int]  # offsets[i] is where tokens[i] starts; one extra entry for the end
    section: str
    words: list[int] = field(init=False)  # indices of the tokens that are neither punctuation nor space

    def __post_init__(self) -> None:
        self.words = [i for i, t in enumerate(self.tokens) if not (t.isspace() or t in PUNCTUATION)]

    def before(self, hit: Hit, n: int = 3) -> list[str]:
        """The n words before the hit, nearest first."""
        end = bisect_left(self.words, hit.first)
        return [self.tokens[i] for i in reversed(self.words[max(0, end - n) : end])]

    def near(self, hit: Hit, n: int = WINDOW) -> set[str]:
        """The words within n of the hit on either side: the clause as far as context reaches. Bounded, so
        one clause of 25,000 triggers stays linear."""
        return {*self.before(hit, n), *self.after(hit, n)}

    def after(self, hit: Hit, n: int = 3) -> list[str]:
        start = bisect_right(self.words, hit.last)
        return [self.tokens[i] for i in self.words[start : start + n]]

    def hit(self, category: str, start: int, end: int, weak: bool, text: str) -> Hit:
        first = bisect_right(self.offsets, start) - 1
        last = bisect_left(self.offsets, end) - 1
        return Hit(category, start, end, first, max(first, last), text, weak)


def scan(line: str, tokens: list[str], section: str) -> list[tuple[str, int, int]]:
    """Compliance findings in one folded line: (category, start, end) with offsets into the line."""
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    whole = Clause(tokens, offsets, section)
    found: list[tuple[str, int, int]] = []
    # Contact details and pay promises are findings wherever they stand, spaces and all (138 1234 5678).
    everywhere = _pattern_hits(line, whole, always=True)
    hype = [h for h in everywhere if h.category == "hype"]
    found += [(h.category, h.start, h.end) for h in everywhere if h.category != "hype"]
    start = 0
    for index in range(len(tokens) + 1):
        if index < len(tokens) and tokens[index] not in BREAKS and not _space_break(tokens, index):
            continue
        if index > start:
            base = offsets[start]
            clause = Clause(tokens[start:index], [o - base for o in offsets[start : index + 1]], section)
            if (
                section in ("mixed", "preamble")
                and clause.words
                and clause.tokens[clause.words[0]] in words().duty_verbs
            ):
                clause.section = "duties"  # 职位描述 mixes duties and requirements: 负责… describes the work
            for hit in _clause_hits(line[base : offsets[index]], clause):
                if hit.category == "hype":
                    hype.append(replace(hit, start=hit.start + base, end=hit.end + base))
                elif _decide(hit, clause):
                    found.append((hit.category, *_widen(hit, clause, base)))
        start = index + 1
    # Hype words such as 日结 or 高薪 are fine alone; it is their pile-up that promises too much.
    if any(not h.weak for h in hype) or len(hype) >= 2:
        found += [("hype", h.start, h.end) for h in hype]
    return _merge(found, line)


def _space_break(tokens: list[str], index: int) -> bool:
    """A space ends a clause, except between two Latin words (female preferred, male only)."""
    if not tokens[index].isspace():
        return False
    before = tokens[index - 1] if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return not (
        before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha()
    )


def _pattern_hits(text: str, clause: Clause, *, always: bool) -> list[Hit]:
    hits: list[Hit] = []
    present = set(text)
    for category, pattern, weak, needs in scan_patterns(always):
        if needs is not None and needs.isdisjoint(present):
            continue  # the text holds no character this pattern could match without
        for m in pattern.finditer(text):
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            e = m.start() + len(m.group().rstrip())
            if e > s:
                hits.append(clause.hit(category, s, e, weak, text[s:e]))
    return hits


def _clause_hits(text: str, clause: Clause) -> list[Hit]:
    """Trigger words and patterns in one clause; a hit inside a longer one of its category (35岁 within
    18-35岁, 年龄 within 年龄：25-35) is dropped."""
    known = triggers()
    hits = [
        Hit(known[t][0], clause.offsets[i], clause.offsets[i + 1], i, i, t, known[t][1])
        for i, t in enumerate(clause.tokens)
        if t in known
    ]
    hits += _pattern_hits(text, clause, always=False)
    kept: list[Hit] = []
    reach: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.end > reach.get(hit.category, -1):
            kept.append(hit)
            reach[hit.category] = hit.end
    return kept


def _decide(hit: Hit, clause: Clause) -> bool:
    """Is this mention a requirement on the candidate? See the module docstring for the reasoning."""
    special = _SPECIAL.get(hit.category)
    verdict = special(hit, clause) if special else None
    if verdict is not None:
        return verdict
    if rules()[hit.category].always:
        return True
    w = words()
    before, after = clause.before(hit), clause.after(hit)
    limiting = _limiting(hit.text)
    # 欢迎35岁以下…加入: a bound or a range is a limit even after 欢迎; 年龄不限 stays open
    if w.openness.intersection(after if limiting else before + after):
        return False
    section = clause.section
    # …的小伙伴加入 asks for a kind of candidate; 加入年轻有活力的团队 describes the team they join
    near = clause.near(hit)
    joining = bool(w.joining.intersection(near)) and not w.team.intersection(clause.after(hit, 6))
    if section in DESCRIPTIVE and joining:
        section = "requirements"  # 公司介绍里的「欢迎35岁以下的小伙伴加入」is a requirement on the candidate
    if (
        not joining
        and _reaches(hit, clause, w.staff)
        and (section in ("company", "benefits") or w.perks.intersection(near))
    ):
        return False  # 35岁以上员工加体检项目, 女性员工享三八节半天假: the company's own staff
    limits = w.hiring if section in DESCRIPTIVE else w.hiring | _LIMITS  # 策划仅限女性用户参与的活动
    if (before and before[0] in limits) or w.refusals.intersection(after):
        return True  # 招聘00后主播, 限35岁以下人士, 乙肝患者勿扰: even 主播/人士/患者 is then the candidate
    if _serves(hit, clause, before) or _subject(hit, clause, after):
        return False
    if (
        not joining
        and w.describing.intersection(near)
        and (w.staff | w.team).intersection(near)
        and not w.hiring.intersection(before)
    ):
        return False  # 我们是一支90后为主的年轻团队, 团队成员以女性为主: the team as it is
    markers = w.markers
    if section == "company":
        markers = markers - w.describing  # 团队以90后为主, 平均年龄28岁左右: a description of the team
    # A bound inside the match (35岁以下, 165cm以上) or a refusal written into it (外地人勿扰) is as much
    # a requirement word as 限 or 优先; so is a label (年龄：18-30岁).
    marked = bool(
        markers.intersection(before[:2] + after[:2])
        or _MARKED_TEXT.search(hit.text)
        or (section != "company" and _BOUND.search(hit.text))
    )
    if section in DESCRIPTIVE:
        return marked
    return marked or not hit.weak or _plain(clause)


def _limiting(text: str) -> bool:
    """A bound (35岁以下) or a range (18-27岁) written into the match itself."""
    return bool(_BOUND.search(text) or _RANGE.search(text))


def _subject(hit: Hit, clause: Clause, after: list[str]) -> bool:
    """True when the mention is the subject matter of knowledge or past work, not a trait of the person:
    熟悉Z世代和00后的网络语言, 有女子健身房运营经验. A marker right after (了解行业的女性优先) keeps it a requirement."""
    w = words()
    if not after or after[0] in w.markers:
        return False
    if (w.knows | w.serves_before).intersection(clause.before(hit, WINDOW)):
        return True  # 熟悉…, 面向…: anywhere earlier in the clause
    following = clause.after(hit, 8)
    for word, then in pairwise(following):
        if word in w.markers:
            return False
        if word in w.work and then in w.experience:
            return True
    return False


def _reaches(hit: Hit, clause: Clause, targets: frozenset[str]) -> bool:
    """Is the noun the trigger qualifies one of ``targets``? Looks past connectors, descriptors, other
    triggers and numbers (25-35岁的职场女性**用户**), at most five words on."""
    w = words()
    skip = w.connectors | w.descriptors | triggers().keys()
    for word in clause.after(hit, 5):
        if word in targets:
            return True
        if word not in skip and not re.fullmatch(r"[\d\-~岁周后至到以上下]+", word):
            return False
    return False


def _plain(clause: Clause) -> bool:
    """A clause of nothing but traits (年轻漂亮, 长相甜美, 单身) describes the person wanted."""
    allowed = triggers().keys() | words().markers | words().plain
    return all(clause.tokens[i] in allowed for i in clause.words)


def _serves(hit: Hit, clause: Clause, before: list[str]) -> bool:
    """True when the mention describes users, customers or products (女性用户, 面向00后, 用户年龄)."""
    w = words()
    if w.serves_before.intersection(before) or (before and before[0] in w.serves):
        return True
    if len(before) > 1 and before[0] in ("为", "是", "以") and before[1] in w.serves:
        return True
    # 产品主要用户为25-40岁的宝妈: the users are the subject, the trigger says who they are
    earlier = clause.before(hit, WINDOW)
    for i, word in enumerate(earlier):
        if word in w.copulas and any(x in w.serves for x in earlier[i + 1 : i + 4]):
            return True
    return _reaches(hit, clause, w.serves)


def _gender(hit: Hit, clause: Clause) -> bool | None:
    markers = words().markers
    before, after = clause.before(hit, 2), clause.after(hit, 1)
    if hit.text in ("男", "女"):
        before = [b for b in before if not b.isdigit()]  # 1、女，18-28岁: the item number is no context
        # A lone 男/女 is a requirement only as a value (性别：男), after 限/仅, before 优先, in brackets after a
        # job title (行政前台（女）), or on its own.
        if before and (before[0] in markers or before[0] == "性别"):
            return True
        t = clause.tokens
        if hit.first > 0 and t[hit.first - 1] == ":" and (not after or after[0] in markers):
            return True  # 收银员：女 — the value of a label
        if after and after[0][:1].isdigit() and (not before or before[0] in markers):
            return True  # 女18-28岁, 要求男28岁以下: the first of a list of traits
        if (
            0 < hit.first
            and hit.last + 1 < len(t)
            and t[hit.first - 1] in "(【["
            and t[hit.last + 1] in ")】]"
        ):
            return True
        if (
            clause.section not in DESCRIPTIVE
            and after
            and after[0] in words().roles
            and markers.issuperset(before)
        ):
            rest = clause.after(hit, 2)[1:]
            return not rest or rest[0] in markers  # 女客服，打字快 / 男销售优先; not 能带女主播, 女主播团队
        return (not after or after[0] in markers) and (not before or before[0] in markers)
    if hit.text in ("先生", "女士", "小姐") and hit.first > 0:
        prev = clause.tokens[hit.first - 1]
        if len(prev) == 1 and "\u4e00" <= prev <= "\u9fff" and prev not in markers:
            return False  # 王女士: a contact person, not a requirement
    return None


def _age(hit: Hit, clause: Clause) -> bool | None:
    if any(t.startswith("平均") for t in clause.before(hit, 2)):
        return False  # 团队平均年龄28岁: a fact about the team
    if "岁" not in hit.text:
        return None
    numbers = [int(n) for n in re.findall(r"\d{1,2}", hit.text)]
    if numbers and max(numbers) < 16:
        return False  # 0-3岁宝宝: children are an audience, never a candidate
    lower = re.search(r"年满|满|以上|不低于|不小于|大于|超过", hit.text) and not re.search(
        r"以下|以内|之间|至|到|-|~", hit.text
    )
    if lower and len(numbers) == 1 and numbers[0] <= 18:
        return False  # 年满18周岁: the legal working age, not an age limit
    return None


def _origin(hit: Hit, clause: Clause) -> bool | None:
    near = clause.before(hit, 2) + clause.after(hit, 2)
    if "户" in hit.text and words().hukou_benefit.intersection(near + clause.before(hit, 6)):
        return False  # 可协助办理落户 / 提供户口指标: a benefit
    return None


def _ethnicity(hit: Hit, clause: Clause) -> bool | None:
    if hit.text == "少数民族" and {"优先", "照顾"}.intersection(clause.after(hit, 12)):
        return False  # §28 asks employers to give minority workers due consideration
    return None


def _health(hit: Hit, clause: Clause) -> bool | None:
    w = words()
    near = clause.before(hit, 2) + clause.after(hit, 2)
    if hit.text in w.disability:
        if w.disability_refused.intersection(near):
            return True
        if w.disability_welcome.intersection(near):
            return False  # 残疾人优先 / 欢迎残障人士: inclusion, which the law encourages
    return None


def _school(hit: Hit, clause: Clause) -> bool | None:
    w = words()
    if hit.text in ("一本", "二本"):
        near = clause.before(hit, 1) + clause.after(hit, 1)
        return bool(w.school_tier_context.intersection(near)) and not w.openness.intersection(
            clause.after(hit, 3)
        )
    return None


_SPECIAL: dict[str, Callable[[Hit, Clause], bool | None]] = {
    "gender": _gender,
    "age": _age,
    "origin": _origin,
    "ethnicity": _ethnicity,
    "health": _health,
    "school": _school,
}


def _widen(hit: Hit, clause: Clause, base: int) -> tuple[int, int]:
    """Take in a requirement word right next to the trigger, so the excerpt reads 限男性 or 女士优先."""
    from .layout import data

    widen = data().widen
    first, last = hit.first, hit.last
    if first > 0 and clause.tokens[first - 1] in widen.before:
        first -= 1
    if last + 1 < len(clause.tokens) and clause.tokens[last + 1] in widen.after:
        last += 1
    start = min(hit.start, clause.offsets[first])
    end = max(hit.end, clause.offsets[last + 1])
    return base + start, base + end


def _merge(found: Iterable[tuple[str, int, int]], line: str) -> list[tuple[str, int, int]]:
    """One finding per phrase: spans of the same category that touch (身高 + 165cm以上) or stand apart by
    a separator only (985/211, 985、211) are joined."""
    out: list[tuple[str, int, int]] = []
    for category, start, end in sorted(set(found), key=lambda f: (f[0], f[1], f[2])):
        if (
            out
            and out[-1][0] == category
            and (start <= out[-1][2] or _SEPARATED.fullmatch(line, out[-1][2], start))
        ):
            out[-1] = (category, out[-1][1], max(end, out[-1][2]))
        else:
            out.append((category, start, end))
    return sorted(out, key=lambda f: (f[1], f[0]))
