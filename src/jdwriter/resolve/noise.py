"""Board noise in a job title: what goes from the printed title and never reaches the text.

Department codes (SNG04-), salary (8-13k, 13K+, 6000-8000元, 15薪), benefits (六险一金, 双休, 包住), urgency words
(急招), a leading 招聘 (but not 招聘运营), tags joined with + (数据运营支持+双休+数据分析), and cities in brackets or
in a dashed tail. Qualifiers the market uses stay: 资深用户运营（电商）, 淘宝运营（可兼职）, 【2021届】内容运营.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..catalog.vocabulary import TitleWords, vocabulary
from ..text import HAN
from .lexicon import lexicon
from .marks import BRACKET, DASH_TAIL, LazyPattern, has_digit
from .tidy import tidy

__all__ = ["BRACKET", "DASH_TAIL", "clean_title", "fold", "proper_end", "strip_board_noise"]

CODE = re.compile(
    r"^\s*(?:[A-Za-z]{2,6}\d{1,3}\s*[-_]\s*(?!618|1111|1688)\d{2,4}(?="
    + HAN
    + r")|(?:[A-Za-z]{2,6}\d{0,3}|[A-Za-z]\d{1,3}|\d{3,6})\s*[-_|｜—]|(?!618\s|1111\s|1688\s)\d{3,6}\s|\d{5,6}(?="
    + HAN
    + r"))"
    r"\s*(?=\S)"
)  # SNG04-  22989-  TEG|  PCG-  211 (what is left of WXG02-211 )  WXG10-211企业微信  22989腾讯云… (five digits or more glued on)
_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"[kK千wW万]"
_PER = r"(?:\s*[/每]\s*(?:月|年|天|时|小时))?(?:起|以上|左右)?"
SALARY = LazyPattern(
    "|".join(
        (
            rf"{_NUM}\s*{_UNIT}?\s*[-~～—至到]\s*{_NUM}\s*(?:{_UNIT}元?|元){_PER}(?:\s*[·*×xX]\s*\d{{1,2}}\s*薪)?",
            rf"(?<!\d)\d{{4,6}}\s*[-~～—至到]\s*\d{{4,6}}(?!\d)(?:\s*元)?{_PER}",
            rf"(?:(?:稳定?|保底)\s*)?(?<![A-Za-z\d]){_NUM}\s*{_UNIT}元?\+?{_PER}(?![A-Za-z])",  # 稳4.5K+
            rf"(?<!\d){_NUM}\s*元{_PER}",
            r"(?:保底|月入)\s*\d{3,6}\s*元?\s*(?:\+|起|以上|左右)?",  # 保底4000+ (round 63)
            r"(?:高|无责)?(?:月薪|年薪|底薪|薪资|薪酬|时薪|日薪|均薪)\s*[:：]?\s*[\d.kKwW万千\-~～至到元]*(?:起|以上|左右)?",
            r"(?:总包|年包)?\s*(?<!\d)(?:\d{1,2}\s*[-~～—至到]\s*)?\d{1,2}\s*薪",  # 总包13-15薪
            r"月?休\s*\d{1,2}\s*天|做\s*[五六]\s*休\s*[一二]",  # 月休6天, 做六休一; 10k/月休8天 (round 62)
            r"(?:^|(?<=[\s\-—_|/+＋(（\[【,，、]))\d{4,6}\+?(?=$|[\s\-—_|/+＋)）\]】,，、])",  # 6000+, 15579-
        )
    )
)
_TAGS = re.compile(r"\s*[+＋]\s*")
# once salary ranges (8~13k) are gone, a ~ joins tags as + does: 新媒体文案~包住~带薪年假
_TILDE = re.compile(r"\s*[~～]+\s*")
# J190619004, MJ000129, DPL02, 编号：SZRE024, 00641; and a headcount (2人)
_CODE_PART = LazyPattern(r"(?:编号[:：]?\s*)?(?=[a-z\d]{4,}$)[a-z]{0,5}\d{2,}[a-z\d]*|\d+\s*[人名]")
_UNIT_CODE = LazyPattern(r".{0,8}(?:事业群|事业部|中心|部|工作室|技术部)\d{2,}")
# 运营专员-S2-0013, 抖音运营-Swisse7570: a requisition code at the end (letters and four or more digits); two or
# three digits glued to the last word (运营数据分析03, 业务运营专员102; round 59), not a 双11 or a sequel's 3
_CODE_END = LazyPattern(
    r"(?:\s*[-_]+\s*[A-Za-z]*\d{4,}|(?<![A-Za-z])\s*[A-Za-z]{1,5}\d{4,}|\s+[a-z]{4,}\d{4,}|(?<="
    + HAN
    + r")\d{4,}|(?<="
    + HAN
    + r")(?<!双)\d{2,3})$"
)


def fold(text: str) -> str:
    """Full-width → half-width and lower case, one character for one, so positions stay those of ``text``."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char).casefold()
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


@cache
def _benefits() -> re.Pattern[str]:
    """Benefit words, longest first, with the 入职/入职即缴 that precedes them (13K+入职五险一金)."""
    words = sorted(lexicon().noise.benefits, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:入职(?:即|就)?(?:缴纳|缴|交|购买|买)?)?(?:{alternatives})", re.IGNORECASE)


def _without_benefits(text: str, repl: str = " ") -> str:
    """``text`` with its benefit words replaced; the pattern is compiled only for a text that has one."""
    folded = text.casefold()
    has = any(w in folded for w in lexicon().noise.benefits)
    return _benefits().sub(repl, text) if has else text


def _paid(text: str) -> bool:
    """Whether ``text`` may state a salary: each form (8-13k, 月薪, 15薪, 做六休一) has a digit, 薪 or 休."""
    return has_digit(text) or "薪" in text or "休" in text


def _without_salary(text: str) -> str:
    return SALARY.sub(" ", text) if _paid(text) else text


def _noise_part(part: str, words: TitleWords) -> bool:
    """A bracket part, dashed tail or +tag that says nothing about the job: a city, salary, benefit, 急招."""
    key = fold(part).strip()
    noise = lexicon().noise
    return (
        not key
        or key.isdigit()  # （3）: a board's count or number, not a qualifier
        or key in words.cities
        or any(key.removeprefix(m).strip() in words.cities for m in words.city_marks)  # —base北京
        or key in words.urgent
        or key in noise.urgent
        or (key.endswith("市") and len(key) <= 4)
        or _district(key)  # [雁塔区], [进贤县]: the board's district tag
        or _paid(key)
        and SALARY.fullmatch(key) is not None
        or has_digit(key)
        and _CODE_PART.fullmatch(key) is not None
        or has_digit(key)
        and _UNIT_CODE.fullmatch(key) is not None  # 传媒事业群014, 运营中心204: a department code
        or re.fullmatch(r"第[一二三四五六七八九十\d]{1,3}", key) is not None  # （第五）: a board's ordinal
        or _without_benefits(key, "").strip(" ,，、/") == ""
        or (
            key.endswith(tuple(words.employer_marks)) and "运营" not in key
        )  # -人人律智能大数据科技公司: the employer's name
    )


# a district or county (雁塔区, 滨海新区, 进贤县); 社区, 专区, 分区 and the like name a part of a product
_DISTRICT = LazyPattern(HAN + r"{2,4}(?<![社专分园战赛版学商营大垂])(?:新区|区|县|镇|街道)")


@cache
def _zones() -> frozenset[str]:
    return frozenset(word for _, word, _ in lexicon().domain_words())


def _district(key: str) -> bool:
    """雁塔区, 滨海新区, 进贤县; not a site's zone named for a subject (汽车区, 知识区, 数码区)."""
    found = _DISTRICT.fullmatch(key) if key.endswith(("区", "县", "镇", "街道")) else None
    return found is not None and key.removesuffix("区") not in _zones() and key[:2] not in _zones()


def _area_tag(folded: str) -> bool:
    """望京, 蔡屋围, 朝外: the short place a board puts in square brackets after a title; not a known subject or
    a word of the job (an area tag never says 运营, 方向 or a domain)."""
    hints = vocabulary().title.ops_hints
    return (
        re.fullmatch(HAN + "{2,5}", folded) is not None
        and not any(h in folded for h in hints)
        and not any(w in folded for w in _job_words())
    )


@cache
def _job_words() -> frozenset[str]:
    """Words of two or more characters that say something about a job: domains and the lexicon's plain words."""
    words = {*_zones(), *lexicon().plain}
    return frozenset(w for w in words if len(w) >= 2)


def _parts(inner: str) -> list[str]:
    inner = _YEARS.sub(lambda m: m.group(0).replace("-", "～"), inner)  # （20-22届）: one range of years
    parts = re.split(r"[-—/、,，:：\s]+", inner.strip())
    return [p.strip("+＋") for p in parts if p and p.strip("-—:：+＋·|")]


_YEARS = re.compile(r"\d{2,4}\s*-\s*\d{2,4}\s*届")


def _kept(inner: str, words: TitleWords) -> list[str]:
    """The parts of a bracket or dashed tail that say something about the job."""
    return [p for p in _parts(inner) if not _noise_part(p, words)]


def _bracket(whole: str, inner: str, words: TitleWords) -> str:
    """（北京） goes, （漫画） stays, （猫耳-北京） becomes （猫耳）, （双休） goes."""
    kept = _kept(inner, words)
    folded = fold(inner)
    if whole.startswith("[") and _area_tag(folded):
        return ""  # 用户运营[望京]: a board's area tag in square brackets
    if not kept or (  # （公司已经创立10年，跨过完整的生命周期）: the company's pitch, not the job
        any(b in folded for b in lexicon().noise.blurbs) and not any(h in folded for h in words.ops_hints)
    ):
        return ""
    # （社群+数据分析） stays; （五险+应届生优先） loses its benefit and its +
    if len(kept) == len(_parts(inner)):
        return whole if inner == inner.strip(" +＋") else whole[0] + inner.strip(" +＋") + whole[-1]
    return whole[0] + "-".join(kept) + whole[-1]


def _main_tag(title: str) -> str:
    """数据运营支持+双休+数据分析 → 数据运营支持: of the +-joined tags, the one that names the job. A + inside
    brackets (运营专员（社群+数据分析）) joins qualifiers, not tags."""
    outside = BRACKET.sub(lambda m: "\0" * len(m.group(0)), title)
    cuts = [m.span() for m in _TAGS.finditer(outside)]
    if not cuts:
        return title
    bounds = [0, *(x for span in cuts for x in span), len(title)]
    tags = [title[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    tags = [t for t in tags if t.strip()]
    if not tags:
        return title
    hints = vocabulary().title.ops_hints
    main = next((i for i, t in enumerate(tags) if any(h in fold(t) for h in hints)), 0)
    # 数据分析+产品运营: a function joined before the job is half of it, not a board tag
    first = main - 1 if main and fold(tags[main - 1]).strip() in vocabulary().title.bare_functions else main
    return "+".join(t.strip() for t in tags[first : main + 1])


@cache
def _campus() -> re.Pattern[str]:
    """2021校招-数据运营专员 → 数据运营专员（2021校招）: the recruiting drive a board puts first goes after the job."""
    drives = "|".join(re.escape(w) for w in vocabulary().title.campus_drives) or "(?!)"
    return re.compile(rf"^\s*(\d{{2,4}}\s*届?\s*(?:{drives}))\s*[-—_|:：]\s*(?=\S)(.+?)\s*$")


def _leading(title: str) -> str:
    """招聘用户运营 → 用户运营, 招聘数据分析师 → 数据分析师, 招聘运营数据分析专员 → 运营数据分析专员; 招聘运营(专员)
    and 招聘专员, 招聘顾问 (recruiting jobs) stay as they are."""
    for word in sorted(lexicon().noise.leading, key=len, reverse=True):
        if not fold(title).startswith(word):
            continue
        rest = title[len(word) :].lstrip(" :：-—|")
        after = rest[2:] if rest.startswith("运营") else rest  # 招聘运营专员（数据分析）: the board's 招聘
        for level in sorted((w for w, _ in vocabulary().title.level_words), key=len, reverse=True):
            after = after.replace(level, "")
        return rest if after.strip(" -—_|·").removeprefix("顾问").removeprefix("官") else title
    return title


_WRAP = {"(": ")", "[": "]"}  # a scraper's ASCII brackets; a board's 【…】 is a tag, read by _leading_tag


def _unwrapped(title: str) -> str:
    """( [ 新媒体运营 ] ) → 新媒体运营: a scraper's brackets around the whole title (round 34)."""
    text = title.strip()
    while (
        len(text) > 2
        and _WRAP.get(text[0]) == text[-1]
        and not any(c in text[1:-1] for c in (text[0], text[-1]))
    ):
        text = text[1:-1].strip()
    return text


def _trailing(title: str) -> str:
    """Telegram 运营专员招聘 → Telegram 运营专员: a board's 招聘 after the job (its level or 运营) goes."""
    ends = (*(w for w, _ in vocabulary().title.level_words), vocabulary().title.generic)
    for word in lexicon().noise.leading:
        rest = title[: len(title) - len(word)].rstrip(" -—_|·")
        if fold(title).endswith(word) and fold(rest).endswith(ends):
            return rest
    return title


_SEP = " -—_|｜·"
# a character the board could not encode: O?O商城运营 loses the Latin word it broke, 用户?运营 the mark
_GARBLED = re.compile("[A-Za-z0-9]*[?？\ufffd]+[A-Za-z0-9]*")


def _board_suffix(title: str) -> str:
    """媒介数据实习生实习招聘-某公司实习生招聘-实习僧 → 媒介数据实习生: the board's name, the employer's
    招聘 segment before it and the 招聘 after the job go; 用户运营实习招聘-…-实习僧 keeps 用户运营实习."""
    key = fold(title).rstrip(_SEP)
    board = next((b for b in lexicon().noise.boards if key.endswith(b) and len(key) > len(b)), None)
    if board is None or key[-len(board) - 1] not in _SEP:
        return title
    rest = title[: len(key) - len(board)].rstrip(_SEP)
    cut = max(rest.rfind(c) for c in _SEP.strip()) if rest.endswith("招聘") else -1  # -NIO 蔚来实习生招聘
    if cut > 0:
        rest = rest[:cut].rstrip(_SEP)  # -群邑实习生招聘
    rest = rest.removesuffix("招聘")
    if rest.endswith("实习") and "实习" in rest[:-2]:
        rest = rest[:-2]  # 实习生实习 → 实习生
    return rest.strip(_SEP) or title


def _leading_tag(title: str) -> str:
    """【转正实习】物流运营岗 → 物流运营岗: a leading bracket that carries a board tag (a benefit or an urgency
    word) goes whole, not word by word (it printed 【 实习】); 【2021届】内容运营 keeps its bracket."""
    words = vocabulary().title
    urgent = (*lexicon().noise.urgent, *words.urgent)
    while True:
        text = title.lstrip()
        lead = next((w for w in lexicon().noise.leading if fold(text).startswith(w)), "")
        text = (
            text[len(lead) :].lstrip() if BRACKET.match(text[len(lead) :].lstrip()) else text
        )  # 招聘【转正实习】
        if not (found := BRACKET.match(text)):
            break
        inner = fold(found.group(1))
        employer = inner.strip() in lexicon().employers  # 【美团】数据运营岗
        tag = (
            _without_benefits(inner, "") != inner
            or any(w in inner for w in urgent)
            or employer
            or not _kept(inner, words)
        )
        rest = text[found.end() :].strip()
        if not tag or not rest:
            break
        title = rest  # 【急招】【转正实习】内容运营实习生
    return title


def strip_board_noise(text: str) -> str:
    """A title typed beside --role: printed as typed, but salary, benefits, urgency words, a leading 招聘 and
    extra +tags still go (codes and cities stay: the person wrote them on purpose)."""
    title = _leading_tag(_board_suffix(_GARBLED.sub("", " ".join(text.split()))))
    title = _without_benefits(_TILDE.sub("+", _without_salary(title)))
    for word in sorted(vocabulary().title.urgent, key=len, reverse=True):
        title = title.replace(word, "")
    title = BRACKET.sub(lambda m: m.group(0) if m.group(1).strip(" +＋,，、/") else "", title)
    title = _main_tag(title)
    title = " ".join(_leading(_without_tags(title.strip(" -—_|·,，/+＋"))).split())
    return title.strip(" -—_|·,，/+＋") or " ".join(text.split())


def clean_title(text: str) -> str:
    """The title to print: codes, salary, benefits, urgency words, a leading 招聘, extra +tags and city brackets
    go; every qualifier stays."""
    words = vocabulary().title
    title = _leading_tag(_board_suffix(_GARBLED.sub("", _unwrapped(" ".join(text.split())))))
    title = _without_benefits(_TILDE.sub("+", _without_salary(CODE.sub("", title, count=1))))
    title = BRACKET.sub(lambda m: _bracket(m.group(0), m.group(1), words), title)
    title = _main_tag(title)
    while (tail := DASH_TAIL.search(title)) and tail.start() > 0 and not _kept(tail.group(1), words):
        title = title[: tail.start()]  # 小红书运营-上海-急
    # 上市公司招聘数据运营: the board's longer company words go wherever they stand (名企 may be a word's part)
    for word in sorted(
        {*words.urgent, *(w for w in lexicon().noise.urgent if len(w) >= 4)}, key=len, reverse=True
    ):
        title = title.replace(word, "")
    title = CODE.sub("", _leading(_trailing(title.strip(" -—_|·,，/+＋"))), count=1)  # 招聘15579-…
    title = " ".join(_without_blurb(_without_tags(title)).split())
    title = _CODE_END.sub("", title) if has_digit(title) else title
    title = title.strip(" -—_|·,，/+＋.。!！丨｜")
    title = re.sub(r"\s+([，,、])", r"\1", title)  # 运营数据分析员 ，接受应届生
    return tidy(_campus().sub(r"\2（\1）", title, count=1)) or " ".join(text.split())


@cache
def _end_tags() -> re.Pattern[str]:
    """A board's English tag at either end of the title (…经理Hot!, NEW - 内容运营), never inside a word."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().noise.tags, key=len, reverse=True))
    tail = rf"(?<![A-Za-z])(?:{words})[!！]*\s*$"
    head = rf"^\s*(?:{words})(?:[!！]+|(?=[\s\-—_|｜·:：]))"
    return re.compile(f"{tail}|{head}", re.IGNORECASE) if words else re.compile(r"(?!)")


def _without_tags(title: str) -> str:
    if not any(char.isascii() and char.isalpha() for char in title):  # tags are English (Hot!, NEW)
        return title.strip(" -—_|·:：") or title  # what the loop below does when no tag is found
    while (stripped := _end_tags().sub("", title, count=1).strip(" -—_|·:：")) != title and stripped:
        title = stripped
    return title


def _without_blurb(title: str) -> str:
    """内容运营 知名世界500强通讯企业 → 内容运营: a space-separated tail that describes the company goes; so does
    such a head, and the board's 招聘 it leaves in front (上市公司高薪招聘数据运营 → 数据运营; round 59)."""
    parts = title.split()
    hints = vocabulary().title.ops_hints
    blurbs = lexicon().noise.blurbs

    def blurb(part: str) -> bool:
        return any(b in fold(part) for b in blurbs) and not any(h in fold(part) for h in hints)

    while len(parts) > 1 and blurb(parts[-1]):
        parts.pop()
    if len(parts) > 1 and blurb(parts[0]):
        return _leading(" ".join(parts[1:]))
    return " ".join(parts)


def proper_end(folded: str) -> int:
    """Where the title proper ends and brackets or a dashed qualifier begin."""
    cut = [m.start() for m in (BRACKET.search(folded), DASH_TAIL.search(folded)) if m and m.start() > 0]
    return min(cut) if cut else len(folded)
