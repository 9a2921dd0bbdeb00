"""The printed title, once board noise is gone (noise.py): what removing it left behind is tidied (doubled
separators, empty brackets, decoration), and what the ad prefers of a candidate or a city glued on goes."""

from __future__ import annotations

import re

from ..catalog.vocabulary import vocabulary
from .marks import BRACKET, cjk

# symbols boards use as decoration (❤, ★, emoji): never part of a job's name
_DECORATION = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f300-\U0001faff]")


def tidy(title: str) -> str:
    """What removing noise leaves behind: 净水设备、、免费班车 → 净水设备、免费班车; （、…） and （） go; no ❤."""
    title = _DECORATION.sub("", title)
    title = re.sub(r"(?<![\w.])\d+(?:\.\d+)?%\s*", "", title)  # 5%（提成）: a commission rate left by salary
    # 熟悉AI作图优先, 有电商经历优先, 只招有经验: what the ad prefers of a candidate is not the job's name
    title = _without_preferences(_without_leading_city(title))
    title = re.sub(r"([、，,/+\-—])(?:\s*[、，,/+\-—])+", r"\1", title)
    title = re.sub(r"([（(【])\s*[、，,/+\-—_|]+\s*", r"\1", title)
    title = re.sub(r"\s*[、，,/+|｜]+\s*([)）】])", r"\1", title)
    title = re.sub(r"[（(【][\s、，,/+|｜\-—_]*[)）】]", "", title)
    title = re.sub(
        r"^\s*聘(?![用请任])", "", title
    )  # 年15-25W+聘新媒体运营经理: the 聘 the salary stood before
    title = _undoubled(_latin_joined(title))  # AI 产品运营; 游戏运营游戏运营专员
    return " ".join(title.split()).strip(" -—_|·,，/+＋、")


_GLUED_PREFERENCE = re.compile(r"有[^（()）/,，、+]*?者优先")  # glued to the job: 运营有经验者优先
_PREFERENCE = re.compile(
    r"[^\s（()）/,，、+]*(?:(?:有|熟悉|懂|会|擅长)[^\s（()）/,，、+]*|经验|经历)优先|只招有经验"
)


def _latin_joined(title: str) -> str:
    """AI 产品运营 is AI产品运营: no space between a Latin word and the Chinese after it. (Loops, not regular
    expressions: a CJK range costs about a millisecond to compile, on every run.)"""
    out: list[str] = []
    for i, char in enumerate(title):
        if char == " " and out and out[-1].isascii() and out[-1].isalpha():
            rest = title[i:].lstrip(" ")
            if rest and cjk(rest[0]):
                continue
        out.append(char)
    return "".join(out)


def _undoubled(title: str) -> str:
    """游戏运营游戏运营专员: a board's keyword written twice at the front is written once."""
    for n in range(10, 2, -1):
        head = title[:n]
        if len(head) == n and all(map(cjk, head)) and title[n : 2 * n] == head:
            return title[n:]
    return title


def _without_leading_city(title: str) -> str:
    """深圳游戏运营…, 长春招商经理: a city glued to the front of the job is where, not what (kept when little
    of a job would be left); so is one after the closing bracket at its end (…（QQ系广告）深圳)."""
    cities = [c for c in vocabulary().title.cities if len(c) >= 2]
    end = next(
        (c for c in cities if title.endswith(c) and title[: -len(c)].rstrip().endswith(("）", ")"))), ""
    )
    title = title[: -len(end)].rstrip() if end else title
    city = next((c for c in cities if title.startswith(c)), "")
    rest = title[len(city) :]
    return rest if city and len(rest) >= 4 and cjk(rest[0]) else title


def _without_preferences(title: str) -> str:
    """熟悉AI作图优先, （有电商经历优先）, 只招有经验: what the ad prefers of a candidate is not the job's name
    (kept when nothing of a job would be left)."""
    glued = _GLUED_PREFERENCE.sub("", title).strip()  # 淘宝店铺运营有高提点经验者优先 (round 35)
    title = glued if glued and BRACKET.sub("", glued).strip() else title
    shorter = _PREFERENCE.sub("", title).strip()  # the brackets it empties go with the others below
    return shorter if BRACKET.sub("", shorter).strip() else title
