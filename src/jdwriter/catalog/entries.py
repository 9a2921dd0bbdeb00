"""The catalogue's entries as typed models: levels, duty blocks, roles, industries, directions, practices,
slots and tool kinds, and one file's shape (CatalogFile). Pure data: no file is read here (see model.py); the
merged catalogue with its look-up tables is in merged.py."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from .base import LEVEL_IDS, PLACEHOLDER, LevelId, Model, Named
from .pieces import BANDS, BandId, BandLines, Hire, Sided, TeamCap

__all__ = [
    "BANDS",
    "LEVEL_IDS",
    "PLACEHOLDER",
    "BandId",
    "BandLines",
    "Hire",
    "LevelId",
    "Model",
    "Named",
    "Sided",
    "TeamCap",
]


class Level(Named):
    """A seniority level. The five levels and their order are fixed."""

    title: str = Field(description="职位名称模板，{role} 处填岗位名，例如 高级{role}")
    verbs: list[str] = Field(
        default_factory=list,
        description="这一级别职责条目可用的开头动词（级别口吻）；同一职责块的几种说法应换用不同的动词",
    )
    experience: str = Field(description="经验与学历要求，可用 {role}")
    graduate: Hire | None = Field(
        default=None, description="职位名称写明校招、应届或管培时改用的经验要求（专员级别）"
    )
    expert: Hire | None = Field(
        default=None,
        description="职位名称写明专家时改用的经验要求（主管级别：资深的个人专家，不是带团队的经理）",
    )
    part_time: Hire | None = Field(
        default=None, description="职位名称写明兼职时改用的经验要求（不要求全职的工作年限）"
    )
    team_lead: Hire | None = Field(
        default=None, description="职位名称写明组长或主管时：带一个小组，加一块小组分工与带教"
    )
    skill_line: list[str] = Field(
        default_factory=list,
        description="技能要求的几种说法，{skills} 处填职责推出的一项技能；按岗位和 --seed 轮换。可以不写："
        "内置目录不写，因为把技能填进固定句式的句子，读的人一眼看得出是拼出来的（面试官评审时多判为不通）",
    )
    tool_line: list[str] = Field(
        default_factory=list,
        description="工具要求的几种说法，{tools} 处填职责推出的工具；按岗位和 --seed 轮换。"
        "一种说法可写成 {text: …, takes: [工具类别…]}，只接这几类工具（见 tool_kinds）；不写 takes 的接所有工具。"
        "经理、总监可以不写：他们的要求不落在会用哪个工具上",
    )
    tool_takes: list[list[str]] = Field(default_factory=list, description="由 tool_line 推出")
    scope: str = Field(description="岗位概述里说明这一级别的职责范围")
    requirements: list[str] = Field(
        default_factory=list, description="这一级别每个岗位都要写的任职要求，例如实习生的到岗时间"
    )
    duty_count: int = Field(ge=5, le=7, description="岗位职责条数")
    bonus: list[str] = Field(default_factory=list, description="这一级别的加分项")
    achievements: list[str] = Field(default_factory=list, description="加分项开头表明这一级别经历的词")
    beyond: list[str] = Field(
        default_factory=list,
        description="这一级别的 JD 不写的词：借来的要求、技能和加分项里出现它们就不选（实习生不写「熟练」，专员不写「管理过」）",
    )
    role_bonus: bool = Field(
        default=True, description="是否列出岗位和职责块的加分项；实习生不宜要求「操盘过百万级活动」之类的经历"
    )
    extra_duties: list[str] = Field(
        default_factory=list, description="这一级别额外加入的职责块，例如团队管理"
    )
    team: TeamCap | None = Field(default=None, description="任职要求和加分项里说带团队的条数上限；不写不限")

    @field_validator("skill_line", "tool_line", mode="before")
    @classmethod
    def _one_phrasing(cls, value: Any) -> Any:
        """Older catalogues give one sentence; it is the only phrasing."""
        return [value] if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _tool_frames(cls, data: Any) -> Any:
        """A tool phrasing written as {text, takes} gives its text to tool_line and its kinds to tool_takes."""
        if not isinstance(data, dict) or not isinstance(data.get("tool_line"), list):
            return data
        frames = data["tool_line"]
        if "tool_takes" in data and not any(isinstance(f, dict) for f in frames):
            return data  # already split (a validated copy read back): validating again changes nothing
        texts = [f.get("text", "") if isinstance(f, dict) else f for f in frames]
        takes = [list(f.get("takes") or []) if isinstance(f, dict) else [] for f in frames]
        return {**data, "tool_line": texts, "tool_takes": takes}

    def frames(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each tool phrasing with the tool kinds it takes (empty: every kind)."""
        takes = [*self.tool_takes, *([[]] * (len(self.tool_line) - len(self.tool_takes)))]
        return [(text, tuple(kinds)) for text, kinds in zip(self.tool_line, takes, strict=False)]


class LevelLines(Model):
    """What one duty block says at one level: the main item and items added when it is emphasised."""

    main: list[str] = Field(min_length=1, description="主条目的几种说法，--seed 在其中挑选")
    more: list[str] = Field(default_factory=list, description="被设为侧重时追加的条目")


TopicKind = Literal["category", "vertical", "genre", "industry"]


class Practice(Model):
    """A platform, tool family or way of working (直播, 私域, 淘宝) that a line may call for."""

    name: str = Field(min_length=1, description="中文名称")
    kind: Literal["platform", "practice"] = Field(
        description="platform：第三方平台和它的专属工具，职位写了方向时只留方向的平台；practice：活动形式和工作方法"
    )
    words: list[str] = Field(default_factory=list, description="条目里出现这些词就说明要用到这种做法")
    dropped_by: list[str] = Field(
        default_factory=list,
        description="职位名称写了这些词（抖音图文运营里的「图文」）、又没写这种做法自己的词时，JD 不写这种做法",
    )
    open: bool = Field(
        default=False,
        description="任何岗位都可以写（不用在 practices 里声明），只在职位名称写了 dropped_by 里的词时不写（小程序运营不写 Push）",
    )


class ToolKind(Model):
    """A kind of tool (数据工具, 排版编辑器, 投放后台…): a tool sentence says which kinds it can speak of."""

    name: str = Field(min_length=1, description="中文名称，例如 数据分析工具")
    tools: list[str] = Field(
        default_factory=list, description="属于这一类的工具名，与职责块和方向的 tools 写法一致"
    )
    cannot: list[str] = Field(
        default_factory=list, description="工具句里有这些词时不接这类工具（秀米盯不了指标）"
    )
    asked: bool = Field(
        default=True,
        description="任职要求的工具句是否点名这类工具；协作工具每家公司不同（TAPD、飞书、企业微信），写 false",
    )
    families: dict[str, list[str]] = Field(
        default_factory=dict,
        description="品类名 → 这一类的具体产品（CRM: [Salesforce, 纷享销客]）：同一句已经点了产品时不再写品类名",
    )


class Slot(Model):
    """The grammatical form a placeholder stands for, so the lint can read every industry's value in place."""

    form: str = Field(min_length=1, description="这个占位符要填的成分，例如 人群、单个名词、商品、动作")
    not_after: list[str] = Field(
        default_factory=list,
        description="不能直接写在这个占位符前面的修饰词（取值是「学员和家长」这样的短语时，「核心学员和家长」读不通）",
    )
    max_length: int | None = Field(default=None, ge=1, description="每个取值最多几个字")
    not_in_value: list[str] = Field(default_factory=list, description="取值里不能有的字，例如 和、与、、")
    needs_value: bool = Field(
        default=False,
        description="通用取值只是占位、读来像凑数：没有行业或岗位给出取值时，用到它的条目有别的说法就换，没有就不写",
    )
    general: dict[str, str] = Field(
        default_factory=dict,
        description="{topic} 没有可填的领域时，按句子写给的第一类领域用的通用说法，例如 category: 本品类",
    )


class Duty(Named):
    """A duty block: one area of work, phrased per level."""

    keywords: list[str] = Field(
        default_factory=list, description="日常说法，用于从 --emphasis 的自由文字识别"
    )
    min_level: LevelId | None = Field(default=None, description="最低适用级别，例如团队管理只从经理起")
    lines: dict[LevelId, LevelLines] = Field(description="按级别写的职责条目")
    skills: list[str] = Field(default_factory=list, description="这项职责要求的能力，进入任职要求")
    tools: list[str] = Field(default_factory=list, description="这项职责用到的工具，进入任职要求")
    kpi: str = Field(default="", description="考核指标")
    bonus: list[str] = Field(default_factory=list, description="加分项")
    needs: list[str] = Field(
        default_factory=list,
        description="整块都要用到的做法 id（见 practices），例如领域专题块要 content；条目里的做法词另外自动识别",
    )
    topic_kinds: list[TopicKind] = Field(
        default_factory=list,
        description="{topic} 能填哪类领域（category、vertical、genre、industry）；职位名称的领域不是这几类时填通用说法",
    )


class Role(Named):
    """A 运营 role: its summary, ordered duty blocks and its own requirements."""

    keywords: list[str] = Field(
        default_factory=list, description="能指向这个岗位的词，用于识别自由输入的职位名称"
    )
    summary: str = Field(min_length=1, description="岗位概述")
    duties: list[str] = Field(min_length=3, description="按顺序排列的职责块 id")
    requirements: BandLines = Field(
        description="这个岗位特有的任职要求，按 junior（实习生、专员）、senior（主管）、lead（经理、总监）分档书写"
    )
    bonus: list[str] = Field(default_factory=list, description="加分项")
    practices: list[str] | None = Field(
        default=None,
        description="这个岗位的 JD 可以写到的做法 id（平台、工具、活动形式，见 practices）；"
        "不写时取它自己的职责块写到的做法",
    )
    values: dict[str, str] = Field(
        default_factory=dict,
        description="这个岗位自己的占位符取值（招商运营的 {supply} 是 商家，客户成功运营的 {users} 是 企业客户），"
        "优先于行业的取值",
    )
    direction_blocks: bool = Field(
        default=True,
        description="职位名称里的方向能否把它的职责块排在前面；数据运营、招商运营这类以职能为主的岗位写 false："
        "游戏运营数据分析仍是数据岗，方向只带来要求、技能、工具和考核指标；没把这个岗位列进 roles 的方向什么也不带来。"
        "roles 第一个就是这个岗位的方向（电商数据运营之于数据运营）是这份职能的一种，它的职责块照样排在前面",
    )
    domain_notes: bool = Field(
        default=True, description="职位名称里的领域能否带来为它写的条目（一侧的 sided 可以关掉，见 Sided）"
    )
    sided: Sided | None = Field(
        default=None, description="职位名称写明平台一侧（平台内容运营）时加入并排在前面的职责块"
    )
    second_side: Sided | None = Field(
        default=None,
        description="另一侧，sided 的词没出现时再看它（行业运营：云和企业服务是一侧，广告平台是另一侧）",
    )

    @property
    def sides(self) -> list[Sided]:
        return [x for x in (self.sided, self.second_side) if x is not None]

    @model_validator(mode="before")
    @classmethod
    def _requirements_for_every_band(cls, data: Any) -> Any:
        """Older catalogues give one list; it then applies to every band (catalog check points this out)."""
        if isinstance(data, dict) and isinstance(data.get("requirements"), list):
            lines = data["requirements"]
            data = {**data, "requirements": {"junior": lines, "senior": lines, "lead": lines}}
        return data


class Industry(Named):
    """An industry changes examples and wording through placeholder values."""

    values: dict[str, str] = Field(default_factory=dict, description="占位符取值，覆盖 placeholders 的默认值")
    bonus: list[str] = Field(default_factory=list, description="这个行业的加分项")
    title_words: list[str] = Field(
        default_factory=list,
        description="职位名称以这些词开头、后面接另一个职能时按这个行业写（电商用户运营、电商客服运营）；"
        "不写时只有括号里的行业名（用户运营（电商））才算",
    )
    practices: list[str] = Field(
        default_factory=list,
        description="这个行业的 JD 另外可以写到的做法 id（电商：大促）；岗位自己不写这些，行业写明了才写",
    )


class Direction(Named):
    """A market direction on top of a role: 直播运营, 亚马逊运营, 外卖运营… Its blocks lead the duties and its
    skills, tools, requirements, bonus and KPI come first."""

    keywords: list[str] = Field(default_factory=list, description="职位名称里指向这个方向的词，如 直播、抖音")
    roles: list[str] = Field(
        min_length=1, description="可以搭配的岗位 id；第一个是职位名称里没写岗位时的默认岗位"
    )
    summary: str = Field(min_length=1, description="岗位概述里的一句，写出方向词")
    duties: list[str] = Field(min_length=1, description="这个方向自己的职责块 id，排在岗位职责最前面")
    emphasis: list[str] = Field(default_factory=list, description="提前的已有职责块 id")
    skip: list[str] = Field(
        default_factory=list, description="岗位里不适合这个方向的职责块 id，例如游戏运营不写电商大促"
    )
    skills: list[str] = Field(default_factory=list, description="这个方向要求的能力")
    tools: list[str] = Field(default_factory=list, description="这个方向常用的工具")
    platforms: list[str] = Field(
        default_factory=list,
        description="这个方向专属的平台和平台工具名（如 淘宝、天猫、生意参谋）：别的方向的 JD 借用岗位的任职要求时，"
        "不选写了这些名字的那几条",
    )
    requirements: BandLines = Field(description="按级别段写的任职要求：junior、senior、lead")
    bonus: list[str] = Field(default_factory=list, description="加分项")
    kpi: list[str] = Field(default_factory=list, description="考核指标")
    practices: list[str] | None = Field(
        default=None,
        description="这个方向的 JD 可以写到的做法 id（平台、工具、活动形式，见 practices）；"
        "不写时取它自己的职责块写到的做法",
    )
    topic_kinds: list[TopicKind] = Field(
        default_factory=list, description="概述和要求里的 {topic} 能填哪类领域；别的类填通用说法"
    )
    rules_out: list[str] = Field(
        default_factory=list,
        description="职位名称写了这个方向时，JD 一句也不能写到的做法 id（如 海外运营不写只在国内适用的版号、防沉迷）",
    )
    lead_practices: list[str] = Field(
        default_factory=list,
        description="只属于这个方向本身那份工作的做法 id：方向是标题的主方向、岗位是 roles 的第一个时才写"
        "（游戏运营的付费点与版号；游戏里的内容、数据、赛事岗位不写）",
    )
    gives_way_to: list[str] = Field(
        default_factory=list,
        description="标题还写了这些方向时，这个方向只说工作在哪里：不带职责块，只带要求、平台与限制"
        "（海外游戏投放优化师 写投放，不写海外社媒排期）",
    )


class DomainNote(Model):
    """Lines written for one domain of the title lexicon (data/domains.yaml): what the job does and must know
    because of its subject (金融: 营销合规; 图书: 选品与出版社). The domain enters a JD only through these.
    A note may instead be written for a direction, taken when the title pairs that direction with a role it is
    not written for (游戏产品运营, 直播商业化运营): the direction is then the domain of another role's job."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    domain: str | None = Field(
        default=None, min_length=1, description="职位词典 domains 里一项的名字（不是别名），例如 金融、图书"
    )
    direction: str | None = Field(
        default=None,
        description="或者写一个方向 id：职位名称把这个方向和一个它没写给的岗位放在一起（游戏产品运营、直播商业化运营）"
        "时，方向只是这份工作的领域，用这里的条目",
    )
    language: str | None = Field(
        default=None,
        description="或者写一门工作语言（日语、德语）：职位名称写了它（日语、日本站）时，用这里的条目，"
        "只提英语的要求不再写",
    )
    focus: list[str] = Field(
        default_factory=list,
        description="或者写职位名称里说明工作对象的词（补贴、配送、定价），和 within 一起：标题写了 within 这个方向、"
        "又写了其中一个词时，用这里的条目（补贴策略运营 写补贴，不只写「策略」）",
    )
    within: str | None = Field(default=None, description="focus 条目所属的方向 id（strategy_ops）")
    roles: list[str] = Field(default_factory=list, description="这些条目适合的岗位 id；不写就是所有岗位")
    duties: BandLines = Field(description="按级别段写的职责，每段第一条读得通、符合岗位做法的那条进 JD")
    requirements: list[str] = Field(min_length=1, description="对这个领域的了解，第一条合适的进任职要求")

    @model_validator(mode="after")
    def _one_subject(self) -> DomainNote:
        focused = bool(self.focus) and self.within is not None
        if [self.domain, self.direction, self.language].count(None) != (3 if focused else 2):
            raise ValueError("领域条目要写 domain、direction、language 或 focus 加 within，只写其中一种")
        if bool(self.focus) != (self.within is not None):
            raise ValueError("focus 和 within 要一起写")
        return self

    @property
    def name(self) -> str:
        return self.id  # several notes may serve one domain (one for data_ops, one for the rest)

    @property
    def aliases(self) -> list[str]:
        return []


class CatalogFile(Model):
    """The shape of one catalogue file. In an extension every key is optional."""

    version: int = 1
    placeholders: dict[str, str] = Field(default_factory=dict, description="占位符及其通用取值")
    practices: dict[str, Practice] = Field(
        default_factory=dict, description="做法词表：平台、工具和活动形式，岗位和方向写明自己用哪些"
    )
    slots: dict[str, Slot] = Field(
        default_factory=dict,
        description="占位符要填的成分：catalog check 把每个行业的取值放进每个位置检查读不读得通",
    )
    tool_kinds: dict[str, ToolKind] = Field(
        default_factory=dict, description="工具类别：每个工具属于哪一类，级别的工具句写明自己接哪几类"
    )
    levels: list[Level] = Field(default_factory=list)
    industries: list[Industry] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    directions: list[Direction] = Field(default_factory=list)
    domain_notes: list[DomainNote] = Field(
        default_factory=list, description="写给某个领域（行业、品类、垂类、游戏品类）的职责和要求"
    )
    questions: dict[str, Any] = Field(
        default_factory=dict, description="面试题，按职责块 id 写（jdwriter kit 用；结构由 kit/bank.py 校验）"
    )

    @field_validator("placeholders")
    @classmethod
    def _placeholder_keys(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not re.fullmatch(r"[a-z_]+", key):
                raise ValueError(f"占位符名「{key}」只能用小写字母和下划线")
        return value


SECTIONS = ("levels", "industries", "duties", "roles", "directions", "domain_notes")
