"""The writing standard for questions, and the law: every question, probe and anchor of a bank file, filled
with every industry's words, goes through `jdwriter check`'s own rules. A sentence that touches a protected
trait (婚育, 年龄, 户籍, 民族, 宗教, 健康, 外貌…) or asks about a candidate's family is a problem with file:line,
exactly like a catalogue problem. `catalog check` runs this on extensions; the tests run it on the bank."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..catalog.lint import FILLER
from ..catalog.model import PLACEHOLDER, Catalog
from ..files.yamlio import Locator
from .bank import ANCHOR_SCORES, BAND_NAMES, BankFile

# Questions about a candidate's own family are not covered by a check rule (a JD rarely asks them); an
# interviewer does. {users} may be 新手父母 or 学员和家长: these words are looked for before filling.
FAMILY_WORDS = ("家人", "家里", "家庭", "配偶", "男朋友", "女朋友", "子女", "孩子", "父母", "老家", "结婚")
ASK_LENGTH = (12, 90)


def texts(bank: BankFile) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(key path, sentence) for every ask, probe and anchor of a bank file."""
    for duty_id, bands in bank.questions.items():
        for band in BAND_NAMES:
            for index, question in enumerate(getattr(bands, band)):
                loc = ("questions", duty_id, band, index)
                yield (*loc, "ask"), question.ask
                for n, probe in enumerate(question.probes):
                    yield (*loc, "probes", n), probe
                for score in ANCHOR_SCORES:
                    yield (*loc, "anchors", score), question.anchors[score]


def fillings(catalog: Catalog) -> list[dict[str, str]]:
    """The placeholder values of the general catalogue and of every industry, as the composer uses them."""
    general = dict(catalog.placeholders)
    return [general, *({**general, **industry.values} for industry in catalog.industries)]


def _fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def protected(sentences: list[str]) -> list[tuple[int, str, str]]:
    """(index, excerpt, message) for each sentence in which `jdwriter check` finds a compliance problem."""
    from ..check.engine import check_text
    from ..check.rules import COMPLIANCE

    if not sentences:
        return []
    report = check_text("\n".join(s.replace("\n", " ") for s in sentences))
    return [(f.line - 1, f.excerpt, f.message) for f in report.findings if f.category in COMPLIANCE]


def lint_bank(
    path: Path, bank: BankFile, catalog: Catalog, fills: list[dict[str, str]] | None = None
) -> list[str]:
    """Every problem of one file's questions: protected traits (with each of ``fills``, by default every
    industry's words), family, filler words, length of an ask."""
    items = list(texts(bank))
    found: dict[tuple[Any, ...], str] = {}
    for values in fillings(catalog) if fills is None else fills:
        filled = [_fill(text, values) for _, text in items]
        for index, excerpt, message in protected(filled):
            found.setdefault(items[index][0], f"涉及求职者的受保护信息：{message}（「{excerpt}」）")
    for loc, text in items:
        words = [w for w in FAMILY_WORDS if w in text]
        if words:
            found.setdefault(loc, f"问到了候选人的家庭（「{words[0]}」）：面试不问家庭情况")
        filler = [w for w in FILLER if w in text]
        if filler:
            found.setdefault(loc, f"有空话「{filler[0]}」，请写具体的动作、数字或结果")
        if loc[-1] == "ask" and not ASK_LENGTH[0] <= len(text) <= ASK_LENGTH[1]:
            found.setdefault(loc, f"问题 {len(text)} 字，应在 {ASK_LENGTH[0]}–{ASK_LENGTH[1]} 字之间")
    locator = Locator(path)
    out = []
    for loc, message in found.items():
        line = locator.line(loc)
        where = f"{path}:{line}" if line else str(path)
        out.append(f"{where}：{'.'.join(str(p) for p in loc)}：{message}")
    return out


def lint_files(paths: list[Path], catalog: Catalog) -> list[str]:
    """`catalog check` for questions: the files' questions merged with the built-in bank and checked against
    the catalogue (raises CatalogError, as the catalogue does), then each file's questions linted."""
    from .bank import load_bank, read_part

    load_bank(catalog, paths)
    return [problem for path in paths for problem in lint_bank(path, read_part(path), catalog)]
