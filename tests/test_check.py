"""`jdwriter check`: compliance rules (both sides of every category), quality rules, input kinds, exit codes,
our own output, and a property test that no text crashes the checker."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jdwriter.check.engine import check_text
from jdwriter.check.input import MAX_BYTES, read_jd
from jdwriter.check.rules import COMPLIANCE, rules
from jdwriter.cli import app
from jdwriter.errors import InputFileError, JdwriterError
from jdwriter.models import Company

from . import fuzz

HEADINGS = {
    "req": "任职要求",
    "duty": "岗位职责",
    "perk": "福利待遇",
    "about": "公司介绍",
    "mixed": "职位描述",
    "contact": "联系方式",
}

# Phrasings that must be reported with this category. Each line goes under 任职要求 unless it starts with a
# section key (duty:, perk:, about:, mixed:, contact:).
FLAGGED = {
    "gender": [
        "男性",
        "限男性",
        "仅招女生",
        "女士优先",
        "男士优先",
        "性别：男",
        "男，25岁以上",
        "只招男的",
        "要求男性",
        "适合男生",
        "限女",
        "duty:招聘女主播，能适应夜班",
        "男性为主",
        # a lone 男/女 in brackets after a title, or right before a job title at the start of a clause
        "行政前台（女）",
        "mixed:招聘前台文员1名（女）",
        "女客服，打字快",
        "mixed:招男销售",
        "男女不限，男性优先",
        "由于工作性质，本岗位不适合女性",
    ],
    "marital": [
        "已婚已育优先",
        "未婚",
        "需说明婚育情况",
        "已婚者优先",
        "宝妈优先",
        "婚姻状况：已婚",
        "近两年无生育计划",
        "有孩子者勿扰",
        "单身优先",
        "已生育",
        "近期有生育打算者勿扰",
        "有生育经历者优先",
        "单身，能长期出差",
    ],
    "age": [
        "35岁以下",
        "年龄不超过35周岁",
        "年龄在22到30之间",
        "18-35岁",
        "25至35周岁",
        "90后优先",
        "限95后",
        "00后",
        "年龄：25-35",
        "28岁左右",
        "年轻人优先",
        "年龄25岁-35岁",
        "40岁以上勿扰",
        "duty:35岁以下，能出差",
        # 年轻 describes the person wanted; a hiring verb makes 00后主播 the job, not an audience
        "年轻有活力",
        "年纪轻，学习能力强",
        "大龄勿扰",
        "mixed:招聘00后主播，会跳舞优先",
        "限35岁以下人士",
        "1995年以后出生",
        "九零后优先",
        "perk:年龄18-30岁，包吃包住",
    ],
    "origin": [
        "本地户口",
        "限本市户籍",
        "外地人勿扰",
        "籍贯：湖南",
        "湖南籍优先",
        "东北人勿扰",
        "本地人优先",
        "需上海户口",
        "外地勿扰",
        "本地优先",
        "限本地",
        "只要本地的",
        "外地户籍不考虑",
        "需为本地常住人口",
    ],
    "ethnicity": [
        "汉族",
        "限汉族",
        "无宗教信仰",
        "民族：汉",
        "不招少数民族",
        "信仰基督教者勿扰",
        "要求汉族",
        "回族勿扰",
    ],
    "health": [
        "乙肝携带者不予录用",
        "病原携带者勿扰",
        "无传染病",
        "身体无残疾",
        "身体健全",
        "四肢健全",
        "无乙肝",
        "HIV阴性",
        "无重大疾病史",
        "无慢性病",
        "无重大疾病",
        "身体健康，无传染性疾病",
        "无精神疾病史",
        # 患者 names an audience (乙肝患者社群), but a refusal right after makes it the candidate
        "乙肝患者勿扰",
    ],
    "appearance": [
        "身高165cm以上",
        "颜值高",
        "五官端正",
        "形象气质佳",
        "体重50kg以下",
        "身材匀称",
        "长相甜美",
        "女生身高160以上",
        "外貌出众",
        "无纹身",
        "面容姣好",
        "形象端庄",
        "长得好看",
        "五官精致",
        "女生165以上",
        "年轻漂亮",
    ],
    "school": [
        "985/211院校毕业",
        "双一流高校",
        "名校毕业优先",
        "统招一本及以上",
        "QS前100",
        "全日制本科",
        "第一学历须为985",
        "名牌大学",
        "国内TOP50高校毕业",
        "本科学历（自考、成人教育勿扰）",
        "海归优先",
        "不接受专升本",
        "有985高校学习经历",
    ],
    "hype": [
        "月入过万轻松",
        "躺赚",
        "日结高薪无需经验",
        "轻松月入2万",
        "日赚500",
        "perk:高薪日结，零门槛",
        "perk:年入百万不是梦",
        "perk:月薪过万不是梦",
        "perk:躺着也能赚钱",
        "perk:收入轻松破万",
        "perk:月入5位数",
        "perk:一个月赚2-3万很轻松",
    ],
    "contact": [
        "QQ号：12345678",
        "微信号：hr_wang01",
        "手机：13812345678",
        "perk:简历发至 hr@example.com",
        "电话 138-1234-5678",
        "vx: abc12345",
        "about:联系电话：021-12345678",
        "加ＱＱ　９８７６５４３２１",
        "V：abc123456",
        "有意者加微：hr_zhang88",
        "Q：12345678",
        "contact:电话：021 6123 4567",
        "about:简历投递：hr@example.com",
    ],
}
# The same words where they describe users, customers, products, benefits, the company's own staff, the subject
# matter of knowledge or past work, or say explicitly "no limit".
LOOK_ALIKES = {
    "gender": [
        "duty:负责女性用户社区的运营",
        "熟悉女性用户的消费心理",
        "duty:策划面向男性用户的活动",
        "duty:负责女装类目运营",
        "男女不限",
        "性别不限",
        "duty:负责男士护肤品的推广",
        "联系人：王女士",
        "有女性向游戏运营经验",
        "perk:女性员工享有三八节半天假",
        "有服务女性客户经验者优先",
        "了解男性护理产品的卖点",
        "有男性向手游运营经验",
        "有女子健身房运营经验",
        "about:团队成员以女性为主",
        "perk:女性员工每月享1天生理假",
        "duty:对接女主播和男主播的排班",
        "有孵化女主播的经验",
        "duty:策划仅限女性用户参与的活动",
        "contact:联系人：人事部李先生",
    ],
    "marital": [
        "perk:带薪产假、育儿假、婚假",
        "duty:策划面向新手父母的育儿内容",
        "duty:运营宝妈社群",
        "熟悉宝妈用户的决策路径",
        "有母婴用品运营经验",
        "perk:生育津贴和生育保险",
        "婚育不限",
        "熟悉婚育政策，能解答员工咨询",
        "perk:已婚员工享受婚育礼金",
        "duty:招募宝妈团长，搭建社区团购网络",
    ],
    "age": [
        "duty:针对18-35岁用户制定拉新方案",
        "熟悉90后、00后用户的喜好",
        "年龄不限",
        "年满18周岁",
        "duty:面向0-3岁宝宝的辅食推广",
        "duty:分析用户年龄分布",
        "duty:覆盖25-40岁的职场女性用户",
        "3年以上用户运营经验",
        "about:团队平均年龄28岁",
        "duty:负责35岁以上高净值客户的维护",
        "熟悉Z世代和00后的网络语言",
        "about:我们是一支90后为主的年轻团队",
        "about:团队平均年龄28岁左右",
        "perk:35岁以上员工每年增加体检项目",
        "能适应年轻用户的表达方式",
        "perk:加入年轻有活力的团队",
        "duty:为35岁以上职场人士设计转型课程",
        "duty:统计员工年龄、学历结构",
    ],
    "origin": [
        "不限户籍",
        "户籍不限",
        "perk:可协助办理上海户口",
        "duty:负责本地生活业务的商户拓展",
        "工作地点：上海",
        "duty:运营本地用户社群",
        "perk:提供北京户口指标",
        "熟悉户籍政策",
        "能接受外地出差",
        "需适应本地出差",
        "perk:外地员工可申请公司宿舍",
        "入职需提供身份证、户口本复印件",
        "熟悉本地餐饮商户资源",
    ],
    "ethnicity": [
        "duty:负责民族品牌的营销",
        "少数民族同等条件下优先",
        "perk:提供清真餐",
        "民族不限",
        "about:尊重员工的宗教信仰",
        "duty:面向少数民族地区用户推广",
        "有宗教类图书编辑经验者优先",
        "有少数民族地区工作经历者优先",
        "工作地点：广西壮族自治区南宁市",
        "about:公司位于宁夏回族自治区银川市",
    ],
    "health": [
        "perk:每年免费体检",
        "身体健康，能适应出差",
        "duty:建立健全用户反馈机制",
        "残疾人优先",
        "欢迎残障人士申请",
        "duty:负责乙肝疫苗科普内容",
        "按规定办理健康证",
        "了解乙肝、艾滋病等传染病知识",
        "持有残疾证者优先",
        "有残疾人就业服务经验",
        "perk:补充医疗保险覆盖重大疾病",
        "身体健康，能适应倒班",
    ],
    "appearance": [
        "duty:维护品牌形象",
        "duty:负责高颜值包装商品的推广",
        "duty:运营身材管理课程",
        "有美妆博主资源",
        "duty:对接美女主播和达人",
        "有颜值类账号运营经验",
        "有产品外形设计经验",
        "对减肥、塑形等身材管理赛道有了解",
        "能写出漂亮的活动文案",
        "着装得体，仪表整洁",
        "perk:提供形象设计课程",
    ],
    "school": [
        "专业不限",
        "本科及以上学历",
        "学校不限",
        "duty:负责985、211高校的校园推广",
        "不限院校",
        "写过一本运营手册",
        "about:已服务985家企业",
        "有211个商户的拓展经验",
        "熟悉全日制与非全日制用工的法律规定",
        "有985、211高校合作经验优先",
        "学信网可查的本科学历",
    ],
    "hype": [
        "perk:轻松愉快的工作氛围",
        "perk:绩效奖金上不封顶",
        "duty:佣金按日结算",
        "perk:具有竞争力的薪酬",
        "perk:提成日结，多劳多得",
        "perk:月薪8-12K，季度奖金另计",
        "duty:帮助用户轻松管理账单",
    ],
    "contact": [
        "duty:运营微信公众号和视频号",
        "熟悉QQ、微信、微博等平台",
        "duty:负责企业微信私域运营",
        "duty:维护QQ群和微信群",
        "熟悉微信生态",
        "duty:维护微信 100000+ 私域好友",
        "duty:管理QQ群12个，共计20000人",
    ],
}


def jd(line: str) -> str:
    """One item under the section its prefix names (任职要求 by default)."""
    key, sep, rest = line.partition(":")
    section, text = (HEADINGS[key], rest) if sep and key in HEADINGS else ("任职要求", line)
    return f"# 运营专员\n\n## {section}\n\n1. {text}\n"


def compliance(text: str) -> list:
    return [f for f in check_text(text).findings if f.category in COMPLIANCE]


@pytest.mark.parametrize(("category", "line"), [(c, x) for c, xs in FLAGGED.items() for x in xs])
def test_violations_are_reported_with_their_category(category, line):
    found = [f for f in compliance(jd(line)) if f.category == category]
    assert found, f"{line!r} should be reported as {category}"
    finding = found[0]
    assert finding.line == 5
    assert finding.excerpt and finding.excerpt in jd(line).splitlines()[4]
    assert finding.severity == ("warning" if category in ("appearance", "school", "hype") else "error")
    assert finding.basis and finding.suggestion and finding.message


@pytest.mark.parametrize(("category", "line"), [(c, x) for c, xs in LOOK_ALIKES.items() for x in xs])
def test_look_alike_contexts_are_not_reported(category, line):
    assert compliance(jd(line)) == [], line


def test_the_section_decides_what_a_word_means():
    assert not compliance("## 福利待遇\n- 三八节女性员工放半天假\n")
    assert not compliance("## 公司介绍\n团队里女性占六成\n")
    assert [f.category for f in compliance("## 任职要求\n1. 女性员工\n")] == ["gender"]
    assert not compliance("## 岗位职责\n1. 运营女性健康内容频道，男性用户占比低\n")
    assert [f.category for f in compliance("## 岗位职责\n1. 运营内容频道，限男性\n")] == ["gender"]


def test_a_description_without_subsections_reads_duty_clauses_as_duties():
    """Boss直聘-style 职位描述 mixes duties and requirements: 负责… describes the work, the rest is a requirement."""
    text = (
        "职位描述\n1、负责女装类目运营，服务18-30岁女性用户\n2、统计员工年龄、学历结构\n"
        "3、为00后大学生策划校园活动\n4、负责直播带货，22-35岁，女性优先\n"
    )
    assert {(f.line, f.category) for f in compliance(text)} == {(5, "age"), (5, "gender")}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("①95后", "age"),
        ("★年轻漂亮", "appearance"),
        ("1、女，大专以上学历", "gender"),
        ("（1）男，45岁以下", "gender"),
        ("1.95后优先", "age"),
        ("- 单身", "marital"),
        ("2、211及以上院校毕业", "school"),
    ],
)
def test_item_markers_are_no_context(text, category):
    """The number or bullet in front of an item must not shield what follows it (①95后 once read as 195后)."""
    assert category in {f.category for f in compliance(f"## 任职要求\n{text}\n")}


def test_a_title_names_a_gender_only_in_brackets():
    assert [f.category for f in compliance("行政前台（女）\n")] == ["gender"]
    assert not compliance("女装运营（天猫店）\n")


def test_excerpt_takes_in_the_requirement_words_around_the_trigger():
    excerpts = {f.excerpt for f in compliance(jd("女士优先，外地人勿扰，限本市户籍"))}
    assert excerpts == {"女士优先", "外地人勿扰", "限本市户籍"}


def test_every_finding_carries_the_fields_and_legal_findings_a_basis():
    text = jd("男性，35岁以下，本地户口，形象气质佳，微信：hr_zhang2024") + "2. 负责相关工作\n"
    report = check_text(text)
    assert {f.category for f in report.findings} >= {
        "gender",
        "age",
        "origin",
        "appearance",
        "contact",
        "quality",
    }
    for finding in report.to_dict()["findings"]:
        assert {
            "rule",
            "category",
            "severity",
            "line",
            "excerpt",
            "message",
            "suggestion",
            "basis",
        } <= finding.keys()
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert finding["excerpt"] and finding["message"]
        if finding["category"] in COMPLIANCE:
            assert finding["basis"]
        else:
            assert finding["basis"] is None


def test_rule_table_covers_exactly_the_ten_categories():
    table = rules()
    assert [r.category for r in table.values() if r.category not in ("quality", "posting")] == list(
        COMPLIANCE
    )
    assert {r.id for r in table.values() if r.category == "quality"} == {
        "structure",
        "duplicate",
        "length",
        "vague",
        "must-have-overload",
    }
    assert all(r.severity in ("error", "warning") for r in table.values())


# --- quality rules ---------------------------------------------------------------------------------------

DUTIES = [
    "搭建社群分层运营体系，按生命周期设计触达节奏",
    "策划每月两场社群主题活动并完成复盘",
    "维护核心用户关系，建立分级权益",
    "搭建社群数据看板，按周分析活跃与转化",
]
REQUIREMENTS = [
    "3 年以上社群运营经验",
    "熟悉企业微信和 SCRM 工具",
    "会用 Excel 做数据分析",
    "表达清楚，有同理心",
]


def make(duties: list[str] = DUTIES, requirements: list[str] | None = REQUIREMENTS, pad: int = 0) -> str:
    lines = ["# 社群运营主管", "", "## 岗位职责", *(f"{i}. {d}" for i, d in enumerate(duties, 1))]
    if requirements is not None:
        lines += ["", "## 任职要求", *(f"{i}. {r}" for i, r in enumerate(requirements, 1))]
    lines += ["", "## 公司介绍", "我们做社区产品。" + "我们重视用户体验，长期投入内容和服务。" * pad]
    return "\n".join(lines) + "\n"


def rule_ids(text: str, severity: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text).findings if severity is None or f.severity == severity]


def test_two_identical_duties_and_no_requirements():
    report = check_text(make(duties=[DUTIES[0], DUTIES[0], DUTIES[1]], requirements=None))
    by_rule = {f.rule: f for f in report.findings}
    assert "structure" in by_rule and "任职要求" in by_rule["structure"].message
    assert by_rule["duplicate"].line == 5 and "第 4 行" in by_rule["duplicate"].message
    assert report.exit_code == 0 and check_text(make(requirements=None), strict=True).exit_code == 1


def test_near_duplicates_are_found_by_word_overlap_not_exact_text():
    near = ["负责社群的日常运营和活跃度提升", "负责社群日常运营与活跃度提升", "策划社群活动并复盘"]
    assert "duplicate" in rule_ids(make(duties=near))
    assert "duplicate" not in rule_ids(make())


def test_section_item_counts():
    assert "structure" in rule_ids(make(duties=DUTIES[:2]))
    many = [
        f"第{i}项：负责{x}"
        for i, x in enumerate(
            ("拉新", "促活", "留存", "转化", "内容", "活动", "社群", "数据", "渠道", "品牌", "直播")
        )
    ]
    assert "structure" in rule_ids(make(duties=many))
    assert "structure" not in rule_ids(make(pad=20))


def test_filler_items_are_vague():
    found = [
        f
        for f in check_text(make(duties=[*DUTIES, "完成领导交办的其他任务", "负责相关工作"])).findings
        if f.rule == "vague"
    ]
    assert [f.excerpt for f in found] == ["完成领导交办的其他任务", "负责相关工作"]
    assert "vague" not in rule_ids(make(duties=[*DUTIES, "负责用户增长相关工作"]))


def test_more_than_seven_must_haves():
    musts = [f"熟悉{x}" for x in ("SQL", "Excel", "Tableau", "神策", "企业微信", "SCRM", "抖音", "小红书")]
    assert "must-have-overload" in rule_ids(make(requirements=musts))
    with_nice = musts[:7] + ["有直播经验者优先", "做过私域项目优先"]
    assert "must-have-overload" not in rule_ids(make(requirements=with_nice))


def test_length_too_short_too_long_and_just_right():
    assert "length" in rule_ids(make(), "warning")
    assert "length" in rule_ids(make(pad=150), "warning")
    assert "length" not in rule_ids(make(pad=20))


def test_inline_numbered_items_are_counted():
    text = make() + "任职要求：1、本科及以上学历；2、有1年以上新媒体运营经验；3、会剪辑短视频。\n"
    assert check_text(text).stats["sections"]["requirements"] == 3


# --- input kinds and exit codes --------------------------------------------------------------------------

BAD = jd("男性，35岁以下")


def run(runner, *args, **kwargs):
    return runner.invoke(app, ["check", *args], **kwargs)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_text_files(runner, tmp_path, suffix):
    path = tmp_path / f"jd{suffix}"
    path.write_text(BAD, encoding="utf-8")
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert "第 5 行" in result.stdout and "男性" in result.stdout and "就业促进法" in result.stdout


def test_gbk_text_and_crlf_line_numbers(tmp_path):
    path = tmp_path / "jd.txt"
    path.write_bytes(BAD.replace("\n", "\r\n").encode("gbk"))
    findings = check_text(read_jd(path)).findings
    assert {f.line for f in findings if f.category == "gender"} == {5}


def test_docx_paragraphs_and_tables(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("用户运营专员", 0)
    document.add_heading("岗位职责", 1)
    for duty in DUTIES:
        document.add_paragraph(duty, style="List Number")
    document.add_heading("任职要求", 1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "年龄"
    table.cell(0, 1).text = "35岁以下，限本市户籍"
    path = tmp_path / "jd.docx"
    document.save(str(path))
    result = run(runner, str(path), "--format", "json")
    assert result.exit_code == 1
    found = {f["category"]: f for f in json.loads(result.stdout)["findings"]}
    assert {"age", "origin"} <= found.keys()
    assert found["age"]["excerpt"].endswith("35岁以下")
    assert found["age"]["unit"] == "段" and found["age"]["line"] == 8  # a table row is one paragraph


def test_a_merged_table_cell_is_read_once(runner, tmp_path):
    """A cell merged across two rows appears in both rows of python-docx's grid: it is one paragraph."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))
    merged.text = "岗位职责"
    table.cell(0, 1).text = "负责社群日常运营，策划线上活动"
    table.cell(1, 1).text = "分析用户数据，输出周报"
    path = tmp_path / "jd.docx"
    document.save(str(path))
    from jdwriter.check.layout import from_docx

    texts = [b.text for b in from_docx(path).blocks]
    assert texts.count("岗位职责") == 1 and "负责社群日常运营，策划线上活动" in texts
    assert "分析用户数据，输出周报" in texts


def test_stdin(runner):
    result = run(runner, "-", "--format", "json", input=BAD)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "stats", "cap"} and data["stats"]["errors"] >= 2


def test_exit_codes_and_strict(runner, tmp_path):
    clean, warned = tmp_path / "clean.md", tmp_path / "warned.md"
    clean.write_text(make(pad=20), encoding="utf-8")
    warned.write_text(make(pad=20, duties=[*DUTIES, "负责相关工作"]), encoding="utf-8")
    assert run(runner, str(clean)).exit_code == 0
    assert run(runner, str(clean), "--strict").exit_code == 0
    assert run(runner, str(warned)).exit_code == 0
    assert run(runner, str(warned), "--strict").exit_code == 1


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("missing", None, "找不到"),
        ("dir", "DIR", "目录"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        ("empty.md", b"", "空的"),
        ("blank.txt", " \n\n\t\n", "空的"),
        ("huge.txt", b"a" * (MAX_BYTES + 1), "1 MB"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 100, ".docx"),
        ("broken.docx", b"PK\x03\x04 not really a zip", ".docx"),
        ("latin1.txt", "caf\xe9 ".encode("latin-1") * 3 + b"\x81\xff", "UTF-8"),
    ],
)
def test_input_that_cannot_be_checked_exits_2(runner, tmp_path, name, content, needle):
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run(runner, str(path))
    assert result.exit_code == 2, result.output
    assert needle in result.stderr and re.search(r"[\u4e00-\u9fff]", result.stderr)
    assert result.stdout == "" and isinstance(result.exception, SystemExit), repr(result.exception)
    with pytest.raises(InputFileError):
        read_jd(path)


def test_dev_null_and_empty_stdin_count_as_empty(runner):
    if Path("/dev/null").exists():
        assert run(runner, "/dev/null").exit_code == 2
    result = run(runner, "-", input="")
    assert result.exit_code == 2 and "空的" in result.stderr


def test_no_file_and_bad_format(runner):
    assert run(runner).exit_code == 2
    result = run(runner, "--format", "xml", "-", input=BAD)
    assert result.exit_code == 2 and "text" in result.stderr


def test_list_rules_needs_no_file(runner):
    result = run(runner, "--list-rules", "--format", "json")
    assert result.exit_code == 0
    listed = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(COMPLIANCE) | {
        "structure",
        "duplicate",
        "length",
        "vague",
        "must-have-overload",
        "posting",
    } == set(listed)
    assert listed["age"]["basis"] and listed["vague"]["basis"] is None
    text = run(runner, "--list-rules")
    assert text.exit_code == 0 and "gender" in text.stdout and "性别限制" in text.stdout


def test_text_report_shows_line_excerpt_reason_suggestion_and_basis(runner):
    result = run(runner, "-", input=jd("外地人勿扰"))
    out = result.stdout
    assert "第 5 行" in out and "外地人勿扰" in out and "^^^^^" in out
    assert "建议：" in out and "依据：" in out and "《就业促进法》第三十一条" in out


# --- our own output is always clean ----------------------------------------------------------------------

COMPANY = Company(
    name="示例科技",
    intro="我们是一家做社区产品的公司。",
    location="上海",
    salary="15-25K",
    benefits=["五险一金", "带薪年假、产假和育儿假", "年度体检", "可协助办理落户"],
)


def test_every_builtin_role_level_and_template_checks_clean(catalog):
    from jdwriter.api import generate_jd
    from jdwriter.render.render import render

    for role in catalog.roles:
        for level in catalog.levels:
            for template, company in (("standard", None), ("full", None), ("full", COMPANY)):
                text = render(generate_jd(role.id, level=level.id, template=template, company=company), "md")
                bad = [
                    (f.rule, f.severity, f.excerpt) for f in check_text(str(text)).findings
                ]  # not even an info
                assert not bad, f"{role.name} {level.name} {template}: {bad}"


def test_every_builtin_role_in_every_industry_checks_clean(catalog):
    from jdwriter.api import generate_jd
    from jdwriter.render.render import render

    for role in catalog.roles:
        for industry in catalog.industries:
            text = render(generate_jd(role.id, level="manager", industry=industry.id), "txt")
            bad = [(f.rule, f.excerpt) for f in check_text(str(text)).findings if f.severity != "info"]
            assert not bad, f"{role.name} {industry.name}: {bad}"


def test_every_catalogue_sentence_in_every_industry_is_lawful(catalog):
    """All phrasing variants (what --seed picks from), not only the default ones, in the section each lands in."""
    fill = re.compile(r"\{([a-z_]+)\}")
    duties, requirements = set(), set()
    for values in [catalog.placeholders, *({**catalog.placeholders, **i.values} for i in catalog.industries)]:

        def filled(texts: list[str], values: dict[str, str] = values) -> set[str]:
            return {fill.sub(lambda m: values.get(m.group(1), m.group(0)), t) for t in texts}

        for duty in catalog.duties:
            duties |= filled([x for lines in duty.lines.values() for x in (*lines.main, *lines.more)])
            requirements |= filled([*duty.skills, *duty.tools, *duty.bonus])
        for role in catalog.roles:
            duties |= filled([role.summary])
            bands = role.requirements
            requirements |= filled([*bands.junior, *bands.senior, *bands.lead, *role.bonus])
    for level in catalog.levels:
        requirements |= {level.experience, *level.skill_line, *level.tool_line, *level.requirements}
    requirements |= {b for i in catalog.industries for b in i.bonus}
    text = "## 岗位职责\n" + "\n".join(f"- {x}" for x in sorted(duties))
    text += "\n## 任职要求\n" + "\n".join(f"- {x}" for x in sorted(requirements))
    bad = [
        (f.rule, f.context)
        for f in check_text(text).findings
        if f.category in COMPLIANCE or f.rule == "vague"
    ]
    assert not bad


def test_the_mini_fixture_has_no_compliance_findings(mini_catalog):
    """The fixture's placeholder items (…的补充事项一 / …二) really are near-duplicates, so only the legal side
    is asserted here; the full clean check runs on the built-in catalogue above."""
    from jdwriter.api import make_request
    from jdwriter.compose.writer import compose
    from jdwriter.render.render import render

    for role in mini_catalog.roles:
        for level in mini_catalog.levels:
            for template in ("standard", "full"):
                request = make_request(
                    mini_catalog,
                    role=role.id,
                    level=level.id,
                    template=template,
                    company=COMPANY if template == "full" else None,
                ).request
                text = str(render(compose(request, mini_catalog), "md"))
                assert compliance(text) == [], (role.id, level.id, template)


def test_new_full_piped_into_check(runner):
    made = runner.invoke(
        app, ["new", "--role", "用户运营", "--level", "经理", "--template", "full", "--no-input"]
    )
    assert made.exit_code == 0
    result = run(runner, "-", "--strict", input=made.stdout)
    assert result.exit_code == 0, result.stdout


# --- cost and robustness ---------------------------------------------------------------------------------


def test_check_loads_neither_the_default_dictionary_nor_docx_for_text(tmp_path):
    path = tmp_path / "jd.md"
    path.write_text(BAD, encoding="utf-8")
    code = (
        "import sys, jdwriter.cli\n"
        "lazy = [m for m in ('jdwriter.check.engine', 'jieba', 'docx') if m in sys.modules]\n"
        "from jdwriter.check.engine import check_text\nfrom jdwriter.check.input import read_jd\n"
        f"check_text(read_jd({str(path)!r}))\n"
        "import jieba\n"
        "print(lazy, 'docx' in sys.modules, jieba.dt.initialized)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["[]", "False", "False"]


JDISH = [
    "## 任职要求",
    "## 岗位职责",
    "## 福利待遇",
    "1. ",
    "- ",
    "男性",
    "女",
    "35岁",
    "以下",
    "90后",
    "用户",
    "不限",
    "，",
    "、",
    "\n",
    "微信：",
    "138",
    "户籍",
    "985",
    "日结",
    "高薪",
    "残疾",
    "欢迎",
    "年龄",
    "身高",
    "cm",
    "已婚",
    "民族",
    "负责相关工作",
    "的",
    "\r\n",
    "　",
]


def jdish(rng) -> str:
    return fuzz.one_of(rng, lambda r: fuzz.text(r, 300), lambda r: fuzz.pieces(r, JDISH, 40))


def test_any_text_gives_findings_or_a_clear_error():
    for text in fuzz.examples("check_text", jdish, 300):
        try:
            report = check_text(text)
        except JdwriterError as exc:
            assert exc.message, text
            continue
        lines = re.split(r"\r\n|\r|\n", text)
        for finding in report.findings:
            assert 1 <= finding.line <= len(lines), text
            assert finding.excerpt in lines[finding.line - 1], text
        json.loads(report.to_json())
