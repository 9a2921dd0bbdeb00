"""Measure `jdwriter fix` on real text (issue 23): real job-board lines planted in old JDs of every text layout,
and real posts.

    python tests/fix_eval.py          # figures for tune, holdout and all

tests/corpus/fix_lines.tsv holds real lines (kind disc: discriminatory, lawful: a look-alike or an ordinary
line), each with the section it stood in, its source and its split (tune / holdout). Each line is planted in
its natural section of a JD written in three layouts: a numbered Markdown list followed by a closing paragraph,
inline items on one line (1、…；2、…；3、…), and a board .txt in GBK with CRLF. Then, for each:

- a discriminatory line keeps every clause in which check found nothing, character for character ("lawful
  clauses survive"), unless fix left the line for a person;
- a lawful line is never changed;
- every list reads 1..n afterwards.
"""

from __future__ import annotations

import csv
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jdwriter.check.engine import check_text
from jdwriter.check.rules import COMPLIANCE

CORPUS = Path(__file__).parent / "corpus"
OWN_MARKER = re.compile(
    r"^\s*(?:[-—–*•]+\s*|[（(]\s*\d{1,2}\s*[)）]\s*|\d{1,2}\s*(?:[、．)），]|\.(?!\d))\s*)"
)
SECTIONS = {"任职要求": "requirements", "岗位职责": "duties", "福利待遇": "benefits", "公司介绍": "company"}
# A clause that only signs off the requirement before it goes with it (此岗位不适合女性，请慎投).
SIGN_OFFS = {"请慎投", "慎投", "勿扰", "请勿打扰", "谢谢", "谢谢合作", "免谈", "请勿投递"}


@dataclass
class Line:
    text: str
    section: str
    kind: str
    source: str
    split: str

    @property
    def body(self) -> str:
        """The line without its own item number: the JD it is planted in numbers it."""
        return OWN_MARKER.sub("", self.text, count=1).strip()


def lines() -> list[Line]:
    with (CORPUS / "fix_lines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Line(r["line"], r["section"], r["kind"], r["source"], r["split"]) for r in rows]


# --- the layouts -------------------------------------------------------------------------------------------

DUTIES = ["负责社群日常运营与用户答疑", "策划线上活动并跟踪转化数据", "每周输出运营复盘报告"]
REQUIREMENTS = ["本科及以上学历", "熟悉小红书、抖音平台规则", "有 2 年以上内容运营经验"]
BENEFITS = ["五险一金", "带薪年假", "节日福利"]
CLOSING = "欢迎投递，期待你的加入。"


def _lists(line: Line) -> dict[str, list[str]]:
    """The JD's lists, with the line planted as item 2 of its natural section (其他 and 公司介绍: none)."""
    out = {"duties": list(DUTIES), "requirements": list(REQUIREMENTS), "benefits": list(BENEFITS)}
    kind = SECTIONS.get(line.section)
    if kind in out:
        out[kind].insert(1, line.body)
    return out


def _intro(line: Line) -> str:
    return "我们是一家做社区电商的公司，团队 60 人。" + (line.body if line.section == "公司介绍" else "")


def _other(line: Line) -> list[str]:
    return [line.body] if line.section not in SECTIONS else []


def markdown(line: Line) -> str:
    """Numbered lists, each followed by a paragraph; a closing line at the end."""
    lists = _lists(line)
    out = ["# 内容运营专员", "", "## 公司介绍", _intro(line), "", "## 岗位职责"]
    out += [f"{n}. {x}" for n, x in enumerate(lists["duties"], 1)]
    out += ["", "## 任职要求"]
    out += [f"{n}. {x}" for n, x in enumerate(lists["requirements"], 1)]
    out += ["", "符合以上条件者优先安排面试。", "", "## 福利待遇"]
    out += [f"{n}. {x}" for n, x in enumerate(lists["benefits"], 1)]
    out += ["", *_other(line), CLOSING, ""]
    return "\n".join(out)


def inline(line: Line) -> str:
    """Every list on one line: 任职要求：1、…；2、…；3、…。"""

    def row(items: list[str]) -> str:
        return "；".join(f"{n}、{x.rstrip('；;。.，,')}" for n, x in enumerate(items, 1)) + "。"

    lists = _lists(line)
    out = ["内容运营专员", "公司介绍：" + _intro(line), "岗位职责：" + row(lists["duties"])]
    out += ["任职要求：" + row(lists["requirements"]), "福利待遇：" + row(lists["benefits"])]
    out += [*_other(line), CLOSING, ""]
    return "\n".join(out)


def board(line: Line) -> str:
    """Board text as saved on Windows: 【】 headings, 1、 items, a closing line, CRLF (written in GBK)."""
    lists = _lists(line)
    out = ["内容运营专员", "【公司介绍】", _intro(line), "【岗位职责】"]
    out += [f"{n}、{x}" for n, x in enumerate(lists["duties"], 1)]
    out += ["【任职要求】"]
    out += [f"{n}、{x}" for n, x in enumerate(lists["requirements"], 1)]
    out += ["【福利待遇】"]
    out += [f"{n}、{x}" for n, x in enumerate(lists["benefits"], 1)]
    out += [*_other(line), CLOSING, ""]
    return "\r\n".join(out)


LAYOUTS = {"md": markdown, "inline": inline, "gbk": board}


# --- one JD through fix ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    before: list[str]
    after: list[str | None]
    left: bool  # a finding was left for a person


def fix_jd(text: str, layout: str) -> Outcome:
    """Fix one JD; the gbk layout goes through a real GBK file and fix_path, the others through fix_text."""
    from jdwriter.fix.engine import repair
    from jdwriter.fix.files import fix_path

    parts = re.split(r"\r\n|\r|\n", text)
    done = repair(parts)
    if layout == "gbk":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "old.txt"
            path.write_bytes(text.encode("gb18030"))
            fixed = fix_path(path)
            expected = "\r\n".join(x for x in done.lines if x is not None)
            assert fixed.data in (text.encode("gb18030"), expected.encode("gb18030")), (
                "GBK file and lines disagree"
            )
    return Outcome(parts, done.lines, bool(done.remaining))


def spans(text: str, number: int) -> list[tuple[int, int]]:
    """The compliance spans check finds on line ``number`` (1-based) of ``text``."""
    return [
        (f.column - 1, f.column - 1 + len(f.excerpt))
        for f in check_text(text).findings
        if f.category in COMPLIANCE and f.line == number and f.scope == "line"
    ]


def lost_clauses(text: str, outcome: Outcome, number: int) -> list[str]:
    """The clauses of line ``number`` in which check found nothing and which are not in the fixed line
    character for character (sign-offs and contact-only clauses excepted: they go with their clause)."""
    from jdwriter.fix.clause import _contact_only, body_start, split

    before = outcome.before[number - 1]
    after = outcome.after[number - 1] or ""
    flagged = spans(text, number)
    cut = body_start(before)
    lost = []
    for clause in split(before[cut:]):
        a, b = clause.start + cut, clause.end + cut
        said = _INLINE_MARK.sub("", clause.text.strip())  # an inline item number may be renumbered
        if not said or any(s < b and e > a for s, e in flagged):
            continue
        if said in SIGN_OFFS or (_contact_only(said) and any(True for _ in flagged)):
            continue
        if said not in after:
            lost.append(said)
    return lost


_INLINE_MARK = re.compile(r"^\d{1,2}\s*[、.]")
_NUMBERED = re.compile(r"^\s*(?:[-*+]\s+)?[（(]?\s*(\d{1,2})\s*(?=[、)）]|[.．](?!\d))")
_INLINE = re.compile(r"(?:^|(?<=[;；。:：\s]))(\d{1,2})、")


def lists_read_on(lines: list[str | None]) -> bool:
    """Every numbered list reads 1..n: the numbered lines between two headings, and the inline items of each
    line."""
    from jdwriter.check.layout import heading, normalise

    run: list[int] = []
    runs = [run]
    for line in lines:
        if line is None:
            continue
        if heading(normalise(line)[0]) is not None:
            run = []
            runs.append(run)
        found = _NUMBERED.match(line)
        if found:
            run.append(int(found.group(1)))
        inline_numbers = [int(m.group(1)) for m in _INLINE.finditer(line)]
        if len(inline_numbers) >= 2 and inline_numbers != list(range(1, len(inline_numbers) + 1)):
            return False
    return all(r == list(range(1, len(r) + 1)) for r in runs if r)


def _items_keep_numbers(lines: list[str | None]) -> bool:
    """In the inline layout every item still carries its number: as many numbers on a list's line as items
    with words left (the template's items, and the planted one if anything of it stayed)."""
    template = DUTIES + REQUIREMENTS + BENEFITS
    for line in lines[2:5]:  # the three list lines of the inline layout
        if not line:
            continue
        rest = line.split("：", 1)[1]
        for x in template:  # a template item whole, with its number (2、带薪年假；), its first time only
            rest = re.sub(rf"(?:^|(?<=[；。\s]))\d{{1,2}}、{re.escape(x)}(?:[；。]|$)", "", rest, count=1)
        numbers = len(re.findall(r"(?:^|(?<=[；;。\s]))\d{1,2}、", rest))
        planted = bool(re.search(r"[\u4e00-\u9fffA-Za-z]", re.sub(r"\d{1,2}、", "", rest)))
        if numbers != planted:
            return False
    return True


# --- the figures -------------------------------------------------------------------------------------------


@dataclass
class Score:
    disc: int = 0  # discriminatory lines × layouts
    survived: int = 0  # … whose lawful clauses all survived
    lawful: int = 0  # lawful lines × layouts
    untouched: int = 0  # … that fix left as they were
    lists: int = 0  # JDs whose lists read 1..n after fix
    jds: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def survival(self) -> float:
        return self.survived / self.disc if self.disc else 1.0

    @property
    def changed_lawful(self) -> int:
        return self.lawful - self.untouched


def score(split: str | None = None, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> Score:
    out = Score()
    for line in lines():
        if split and line.split != split:
            continue
        for name in layouts:
            text = LAYOUTS[name](line)
            outcome = fix_jd(text, name)
            number = next(n for n, x in enumerate(outcome.before, 1) if line.body.rstrip("；;。.，,") in x)
            out.jds += 1
            if lists_read_on(outcome.after) and (name != "inline" or _items_keep_numbers(outcome.after)):
                out.lists += 1
            else:
                out.problems.append(f"{name} 编号 {line.text}")
            if line.kind == "disc":
                out.disc += 1
                lost = lost_clauses(text, outcome, number)
                if lost:
                    out.problems.append(f"{name} 丢了 {lost}: {line.text}")
                else:
                    out.survived += 1
            else:
                out.lawful += 1
                if outcome.after[number - 1] == outcome.before[number - 1]:
                    out.untouched += 1
                else:
                    out.problems.append(f"{name} 改了合法行: {line.text} → {outcome.after[number - 1]}")
    return out


def posts() -> list[tuple[Path, str]]:
    """(file, split) of the real old posts (tests/corpus/old_posts, every third held out), and of the posts of
    the check corpus (tests/corpus/posts: real and written ones, all tune)."""
    with (CORPUS / "old_posts" / "SOURCES.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    old = [
        (CORPUS / "old_posts" / r["file"], "holdout" if n % 3 == 2 else "tune") for n, r in enumerate(rows)
    ]
    with (CORPUS / "posts" / "posts.tsv").open(encoding="utf-8", newline="") as handle:
        checked = [CORPUS / "posts" / r["file"] for r in csv.DictReader(handle, delimiter="\t")]
    return old + [(path, "tune") for path in checked]


def post_problems(split: str | None = None) -> list[str]:
    """Posts through fix: lawful clauses kept, lists 1..n."""
    problems = []
    for path, where in posts():
        if split and where != split:
            continue
        text = path.read_text(encoding="utf-8")
        outcome = fix_jd(text, "md")
        if not lists_read_on(outcome.after) and lists_read_on(outcome.before):
            problems.append(f"{path.name}: 编号")
        for n, (a, b) in enumerate(zip(outcome.before, outcome.after, strict=True), 1):
            if a != b:
                problems += [f"{path.name}:{n} 丢了「{c}」" for c in lost_clauses(text, outcome, n)]
    return problems


if __name__ == "__main__":
    import sys

    for split in ("tune", "holdout", None):
        s = score(split)
        print(
            f"{split or 'all':8} lawful clauses survive {s.survived}/{s.disc} = {s.survival:.1%}   "
            f"lawful lines changed {s.changed_lawful}/{s.lawful}   lists 1..n {s.lists}/{s.jds}"
        )
        if "-v" in sys.argv and split == "tune":  # tune on tune only: holdout details stay unseen
            for p in s.problems:
                print("  ", p)
    for split in ("tune", "holdout"):
        found = post_problems(split)
        print(f"posts {split}: {len(found)} problems")
        if "-v" in sys.argv and split == "tune":
            for p in found:
                print("  ", p)
