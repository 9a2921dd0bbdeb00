"""Issue 23 on real text: real job-board lines planted in old JDs of every text layout (numbered list and
closing paragraph, inline 1、2、3、, GBK board text) and real old posts. After fix every clause in which check
found nothing is still there character for character, lawful lines in their natural sections are never
changed, and every list reads 1..n. Measured on the held-out part; the tune part is what rules were tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import fix_eval


def test_the_corpus_is_real_varied_and_held_out():
    lines = fix_eval.lines()
    assert {x.split for x in lines} == {"tune", "holdout"} and {x.kind for x in lines} == {"disc", "lawful"}
    assert all(x.source.strip() for x in lines)
    sources = {x.source.split(":")[0] for x in lines}
    assert len(sources) >= 3, sources
    assert {x.section for x in lines} >= {"任职要求", "岗位职责", "福利待遇", "公司介绍"}
    posts = fix_eval.posts()
    assert len(posts) >= 60 and {s for _, s in posts} == {"tune", "holdout"}


@pytest.mark.parametrize("layout", list(fix_eval.LAYOUTS))
def test_held_out_lines_keep_their_lawful_clauses_and_lists_read_on(layout):
    score = fix_eval.score("holdout", (layout,))
    assert score.disc >= 40 and score.lawful >= 60
    assert score.survival >= 0.95, score.problems
    assert score.changed_lawful <= 1, score.problems
    assert score.lists == score.jds, score.problems


def test_tune_lines_in_every_layout():
    score = fix_eval.score("tune")
    assert score.survival >= 0.95 and score.changed_lawful <= 1 and score.lists == score.jds, score.problems


def test_real_old_posts_keep_every_clause_without_a_finding():
    assert fix_eval.post_problems() == []


def test_the_property_can_fail():
    """The measure sees a lost clause and a list that skips: it is not blind."""
    text = "## 任职要求\n1. 本科\n2. 男性，有经验\n3. 会写作\n"
    lines = text.split("\n")
    outcome = fix_eval.Outcome(lines, [lines[0], lines[1], None, "3. 会写作", ""], False)
    assert fix_eval.lost_clauses(text, outcome, 3) == ["有经验"]
    assert not fix_eval.lists_read_on(outcome.after)
    assert fix_eval.lists_read_on(["## 任职要求", "1. 本科", "2. 会写作", "", "欢迎投递。"])
