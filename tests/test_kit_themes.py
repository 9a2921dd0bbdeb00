"""A kit asks one question per theme (panel round 4: three budget-reallocation questions in one 品牌 director
kit, three "is this investment worth it" questions in a 产品运营总监 kit), and a 联名 competency asks about 联名."""

from __future__ import annotations

from jdwriter.kit.api import kit_for
from jdwriter.kit.guide import load_guide
from jdwriter.kit.select import same_theme
from jdwriter.models import Request


def _per_theme(kit) -> dict[str, int]:
    themes = load_guide().themes
    return {
        name: sum(any(w in q.ask for w in words) for q in kit.questions()) for name, words in themes.items()
    }


def test_director_kits_ask_each_theme_once(catalog):
    for request in (
        Request(role="marketing_ops", level="director", directions=("brand",)),
        Request(role="product_ops", level="director"),
    ):
        counts = _per_theme(kit_for(request, catalog))
        assert all(n <= 1 for n in counts.values()), (request.role, counts)


def test_collab_competency_asks_about_collab(catalog):
    kit = kit_for(Request(role="marketing_ops", level="director", directions=("brand",)), catalog)
    collab = next(c for c in kit.competencies if "联名" in c.name)
    assert all("联名" in q.ask for q in collab.questions)


def test_same_theme_reads_the_theme_words():
    themes = {"预算取舍": ["预算"]}
    assert same_theme("如果传播预算下调 40%", "如果明年的预算比今年少两成", themes)
    assert not same_theme("如果传播预算下调 40%", "讲一次你统一品牌调性的经历", themes)
