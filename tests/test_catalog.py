"""The built-in catalogue keeps its promises: every combination composes, levels and roles really differ,
and the writing standard holds for every sentence."""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from jdwriter.catalog.model import LEVEL_IDS, PLACEHOLDER
from jdwriter.compose.writer import compose
from jdwriter.models import Request

ROLE_NAMES = [
    "平台运营",
    "用户运营",
    "内容运营",
    "活动运营",
    "数据运营",
    "社群运营",
    "渠道运营",
    "市场运营",
    "新媒体运营",
    "电商运营",
    "产品运营",
    "项目运营",
    "业务运营",
    "商务运营",
    "网站运营",
    "客户成功运营",
    "行业运营",
    "招商运营",
    "媒介运营",
    "生态运营",
    "服务运营",
]
PALETTES = {
    "intern": ("协助", "整理", "收集", "跟进", "参与", "记录", "统计"),
    "specialist": ("执行", "跟进", "维护", "输出", "策划", "撰写", "监控", "对接", "完成", "上架"),
    "senior": ("负责", "搭建", "优化", "推动", "设计", "牵头"),
    "manager": ("主导", "统筹", "搭建", "带领", "规划", "建立", "推动"),
    "director": ("制定", "决策", "规划", "把控", "审定", "确立"),
}
FILLER = ("不断提升", "各种", "等等", "相关工作", "领导交办", "其他任务", "吃苦耐劳", "抗压")
ROOT = Path(__file__).resolve().parents[1]


def items(jd, section_id):
    section = jd.section(section_id)
    return section.items if section else []


def all_texts(catalog):
    """Every catalogue sentence with every industry's placeholder values (and the generic ones) filled in."""
    value_sets = [catalog.placeholders] + [{**catalog.placeholders, **i.values} for i in catalog.industries]
    for duty in catalog.duties:
        for level, lines in duty.lines.items():
            for kind, texts in (("main", lines.main), ("more", lines.more)):
                for text in texts:
                    for values in value_sets:
                        yield duty.id, level, kind, PLACEHOLDER.sub(lambda m, v=values: v[m.group(1)], text)


def test_the_roles_and_enough_blocks(catalog):
    assert [r.name for r in catalog.roles] == ROLE_NAMES
    assert len(catalog.duties) >= 45
    assert [lv.name for lv in catalog.levels] == ["实习生", "专员", "主管", "经理", "总监"]
    names = {i.name for i in catalog.industries}
    assert len(names) >= 6 and {"电商", "教育", "社交", "母婴", "科技"} <= names


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_level_and_industry_composes_within_bounds(catalog, role):
    role_id = next(r.id for r in catalog.roles if r.name == role)
    for level, industry in itertools.product(LEVEL_IDS, [None, *(i.id for i in catalog.industries)]):
        jd = compose(Request(role=role_id, level=level, industry=industry), catalog)
        duties, reqs = items(jd, "duties"), items(jd, "requirements")
        assert 5 <= len(duties) <= 7 and 4 <= len(reqs) <= 7, (role, level, industry)
        every = duties + reqs + items(jd, "bonus")
        assert len(every) == len(set(every)), (role, level, industry)
        length = sum(len(x) for x in every)
        assert 250 <= length <= 900, (role, level, industry, length)
        assert not any(marker in x for x in every for marker in ("{", "}", "XX", "待定", "None"))


def test_roles_are_not_relabelled_copies(catalog):
    sets = {
        r.id: set(items(compose(Request(role=r.id, level="specialist"), catalog), "duties"))
        for r in catalog.roles
    }
    shares = []
    for a, b in itertools.combinations(sets, 2):
        share = len(sets[a] & sets[b]) / min(len(sets[a]), len(sets[b]))
        assert share <= 0.5, (a, b, share)
        shares.append(share)
    assert statistics.mean(shares) <= 0.15


def test_levels_differ_for_every_role(catalog):
    for role in catalog.roles:
        texts = [
            tuple(items(compose(Request(role=role.id, level=lv), catalog), "duties")) for lv in LEVEL_IDS
        ]
        assert len(set(texts)) == len(LEVEL_IDS), role.id


def test_industry_changes_the_jd(catalog):
    shop = compose(Request(role="user_ops", industry="ecommerce"), catalog)
    school = compose(Request(role="user_ops", industry="education"), catalog)
    assert shop.model_dump()["sections"] != school.model_dump()["sections"]


def test_every_block_is_reachable(catalog):
    reachable = (
        {d for r in catalog.roles for d in (*r.duties, *(r.sided.duties if r.sided else ()))}
        | {d for lv in catalog.levels for d in lv.extra_duties}
        | {d for lv in catalog.levels for h in (lv.team_lead, lv.expert, lv.graduate) if h for d in h.duties}
        | {d for x in catalog.directions for d in x.duties}
        | {"topic_focus"}
    )
    assert {d.id for d in catalog.duties} <= reachable
    assert all(d.keywords or d.aliases for d in catalog.duties)  # and reachable by --emphasis words


def test_levels_carry_the_palettes(catalog):
    assert {lv.id: tuple(lv.verbs) for lv in catalog.levels} == PALETTES


def test_every_item_opens_with_a_verb_of_its_level(catalog):
    wrong = [(d, lv, t) for d, lv, _, t in all_texts(catalog) if not t.startswith(PALETTES[lv])]
    assert wrong == []


def test_the_variants_of_a_block_open_differently(catalog):
    """Within a level, a block's main phrasings open with different verbs: compose has a real choice."""
    same = [
        (duty.id, level, [x[:2] for x in lines.main])
        for duty in catalog.duties
        for level, lines in duty.lines.items()
        if len({x[:2] for x in lines.main}) < len(lines.main)
    ]
    assert same == []


def test_every_sentence_meets_the_writing_standard(catalog):
    problems = []
    for duty, level, _, text in all_texts(catalog):
        if not 20 <= len(text) <= 60:
            problems.append((duty, level, "length", text))
        if any(word in text for word in FILLER) or text.endswith(("。", "；", "，")):
            problems.append((duty, level, "filler", text))
    assert problems == []


def test_enough_variants_for_seed(catalog):
    for duty in catalog.duties:
        for level, lines in duty.lines.items():
            assert len(lines.main) >= 2, (duty.id, level)


def test_no_sentence_is_written_twice(catalog):
    seen: dict[str, str] = {}
    for duty in catalog.duties:
        for lines in duty.lines.values():
            for text in [*lines.main, *lines.more]:
                assert text not in seen, (duty.id, seen.get(text))
                seen[text] = duty.id


def test_catalogue_words_are_all_ours():
    """The reference articles are facts only: the seed-overlap tool must find nothing shared."""
    tool = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
    if not tool.exists():
        pytest.skip("../shared is not beside this clone")
    result = subprocess.run([sys.executable, str(tool)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_requirement_discriminates(catalog):
    banned = re.compile(r"男|女|岁|婚|户籍|户口|籍贯|民族|身高|颜值|形象|985|211|双一流|名校")
    texts = [lv.experience for lv in catalog.levels] + [x for lv in catalog.levels for x in lv.requirements]
    texts += [x for lv in catalog.levels for x in (*lv.skill_line, *lv.tool_line)]
    texts += [x for r in catalog.roles for x in (*r.requirements.junior, *r.requirements.senior)]
    texts += [x for r in catalog.roles for x in (*r.requirements.lead, *r.bonus)]
    texts += [x for d in catalog.duties for x in (*d.skills, *d.bonus)] + [
        x for i in catalog.industries for x in i.bonus
    ]
    assert [t for t in texts if banned.search(t)] == []


def test_a_stale_preparsed_copy_is_ignored(tmp_path):
    import json

    from jdwriter.catalog.model import read_catalog_data
    from jdwriter.files.yamlio import checksum

    source = tmp_path / "ext.yaml"
    source.write_text("roles: []\n", encoding="utf-8")
    cache = tmp_path / "ext.json"
    cache.write_text(json.dumps({"checksum": "0:00000000", "data": {"roles": "stale"}}), encoding="utf-8")
    assert read_catalog_data(source) == {"roles": []}
    digest = checksum(source.read_bytes())
    cache.write_text(json.dumps({"checksum": digest, "data": {"roles": ["fresh"]}}), encoding="utf-8")
    assert read_catalog_data(source) == {"roles": []}, "a copy the build hook did not validate is ignored"
    blob = {"checksum": digest, "validated": True, "data": {"roles": ["fresh"]}}
    cache.write_text(json.dumps(blob), encoding="utf-8")
    assert read_catalog_data(source) == {"roles": ["fresh"]}
    cache.write_text("{broken", encoding="utf-8")
    assert read_catalog_data(source) == {"roles": []}


def test_no_jd_says_the_same_thing_twice_in_other_words(catalog):
    """Two duty items of one JD may share words, but not most of their character pairs."""
    verbs = {v for palette in PALETTES.values() for v in palette}

    def pairs(text):
        return {text[i : i + 2] for i in range(len(text) - 1)} - verbs

    worst = (0.0, "", "")
    for role, level, seed in itertools.product(catalog.roles, LEVEL_IDS, (None, 1, 2, 3)):
        duties = items(compose(Request(role=role.id, level=level, seed=seed), catalog), "duties")
        for a, b in itertools.combinations(duties, 2):
            overlap = len(pairs(a) & pairs(b)) / len(pairs(a) | pairs(b))
            worst = max(worst, (overlap, a, b))
    assert worst[0] <= 0.3, worst


def test_interns_are_not_asked_for_experience_only_seniors_have(catalog):
    for role in catalog.roles:
        intern = items(compose(Request(role=role.id, level="intern"), catalog), "bonus")
        specialist = items(compose(Request(role=role.id, level="specialist"), catalog), "bonus")
        assert intern and set(intern) <= set(catalog.level_by_id["intern"].bonus), role.id
        assert not set(specialist) & set(intern), role.id


def test_the_shipped_catalogue_is_built_exactly_as_validation_builds_it(monkeypatch):
    """A wheel ships each built-in file validated and dumped by its model (hatch_build.py) and constructs the
    models from that dump without validating again (catalog/built.py): the result must equal what validation
    gives, for the catalogue, the vocabulary, the title lexicon and scope, and the question bank."""
    import importlib.util

    from jdwriter.catalog import built, model
    from jdwriter.construct import construct
    from jdwriter.files import yamlio
    from jdwriter.resources import data_dir

    spec = importlib.util.spec_from_file_location("hatch_build", Path(__file__).parents[1] / "hatch_build.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    root = Path(__file__).parents[1]
    dumps = {}
    for name, target in hook.DATA_FILES.items():
        path = data_dir() / f"{name}.yaml"
        raw = yamlio.read_yaml(path, "x")
        dumps[path] = hook.validated(root, name, raw)
        module, _, cls_name = target.partition(":")
        cls = getattr(importlib.import_module(module), cls_name)
        assert construct(cls, dumps[path]) == cls.model_validate(raw), name
    monkeypatch.setattr(yamlio, "read_shipped", lambda path, what: dumps.get(path))
    model._builtin_part.cache_clear()
    try:
        trusted = model.load_catalog()
        built.trust_shipped(False)
        checked = model.load_catalog()
    finally:
        built.trust_shipped(True)
        model._builtin_part.cache_clear()
    assert trusted == checked
    assert trusted.role_by_id.keys() == checked.role_by_id.keys()
