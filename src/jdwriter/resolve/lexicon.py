"""The title lexicon (data/domains.yaml) and the scope (data/scope.yaml), loaded and validated once.

The lexicon says what each word of a job title is besides roles, directions and levels: a domain (with its
class), an employer, a product, a department, a place, a plain word, a qualifier or board noise. The scope lists
the kinds of job that carry the word 运营 but are not what jdwriter writes. Neither is loaded for an exact role
name (`new --role 用户运营`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, field_validator, model_validator

from ..catalog.model import LevelId, Model
from ..text import normalise

DomainClass = Literal["category", "vertical", "genre", "industry"]
CLASSES: tuple[DomainClass, ...] = ("category", "vertical", "genre", "industry")


def _words(values: list[str]) -> list[str]:
    return [normalise(v) for v in values if v.strip()]


class _WordLists(Model):
    """A section whose every list is title words, normalised as the title is."""

    @field_validator("*")
    @classmethod
    def _normalised(cls, value: Any) -> Any:
        return _words(value) if isinstance(value, list) else value


class Noise(_WordLists):
    benefits: list[str] = Field(default_factory=list, description="福利和工作条件（六险一金、双休、包住）")
    urgent: list[str] = Field(default_factory=list, description="招揽词（急招、热招）")
    leading: list[str] = Field(default_factory=list, description="标题开头的招聘前缀（招聘、诚招）")
    boards: list[str] = Field(
        default_factory=list, description="招聘网站的名字（实习僧）：标题末尾的网站后缀"
    )
    blurbs: list[str] = Field(
        default_factory=list,
        description="介绍公司的词（500强、知名）：标题末尾用空格隔开、带这些词的一段是公司介绍，打印时去掉",
    )
    tags: list[str] = Field(
        default_factory=list,
        description="招聘网站贴在标题首尾的英文标签（Hot!、NEW）：只在标题开头或末尾、前后不挨着英文字母时去掉",
    )


class Reach(_WordLists):
    role: str = Field(default="", description="触达渠道的运营按这个岗位写（用户运营）")
    words: list[str] = Field(default_factory=list, description="用户触达的渠道（短信、Push）")
    over: list[str] = Field(default_factory=list, description="改写这些岗位（渠道运营、运营）")
    unless: list[str] = Field(default_factory=list, description="出现这些词时不改（短信通道运营）")


class PlatformFunctions(Model):
    platforms: list[str] = Field(default_factory=list, description="电商平台的方向 id（taobao、jd_mall）")
    words: dict[str, str] = Field(
        default_factory=dict, description="紧跟在平台名后面的职能词 → 方向 id（推广: ecommerce_ads）"
    )


class Sports(_WordLists):
    words: list[str] = Field(default_factory=list, description="体育项目和体育赛事的词（篮球、马拉松）")
    events: list[str] = Field(
        default_factory=list, description="体育标题里这些词不是电竞方向（篮球赛事 的「赛事」）"
    )
    unless: list[str] = Field(default_factory=list, description="出现这些词时仍是电竞或游戏（体育游戏赛事）")


class AppStores(Model):
    words: list[str] = Field(default_factory=list, description="应用商店和应用分发平台（应用宝、应用市场）")
    near: list[str] = Field(default_factory=list, description="拒绝时列出的最接近的岗位或方向")

    @field_validator("words")
    @classmethod
    def _normalised(cls, values: list[str]) -> list[str]:
        return _words(values)


class Lexicon(Model):
    version: int = 1
    domains: dict[DomainClass, list[str | dict[str, list[str]]]] = Field(
        description="领域，按类：词，或 词: [别名…]"
    )
    employers: list[str] = Field(default_factory=list, description="公司名")
    goods_context: list[str] = Field(
        default_factory=list,
        description="说明「品类」是商品的词（电商、B2C、招商）：有它们时内容垂类不换走品类运营",
    )
    goods_roles: dict[str, tuple[str, str]] = Field(
        default_factory=dict,
        description="商品品类后面写「产品」时改按哪个岗位和方向写（product_ops: [ecommerce_ops, category]）",
    )
    lean_marks: list[str] = Field(
        default_factory=list, description="括号里跟在一个词后面、说明它是工作方向的字（融资方向、安全板块）"
    )
    products: list[str] = Field(default_factory=list, description="产品或业务名")
    product_fields: dict[str, list[str]] = Field(
        default_factory=dict,
        description="说明了所在领域的产品名 → 领域的方向词（原神、王者荣耀 → 游戏）：标题没写方向时按它读",
    )
    implied_domains: dict[str, list[str]] = Field(
        default_factory=dict,
        description="领域名 → 说明了这个领域的公司或产品名（音乐: [qq音乐]）：标题没写领域时按它写领域的条目",
    )
    unit_suffixes: list[str] = Field(default_factory=list, description="部门、机构名的结尾")
    places: list[str] = Field(default_factory=list, description="地名词")
    place_suffixes: list[str] = Field(default_factory=list, description="地名的结尾字")
    plain: list[str] = Field(default_factory=list, description="不构成主题的普通词")
    qualifiers: list[str] = Field(default_factory=list, description="市场常用的限定语")
    media: list[str] = Field(default_factory=list, description="本身就是内容形式的垂类（漫画、小说）")
    vertical_markers: list[str] = Field(
        default_factory=list, description="垂类后面表示内容频道的词（领域、频道）"
    )
    noise: Noise = Field(default_factory=Noise)
    level_tails: dict[str, LevelId] = Field(default_factory=dict, description="只在末尾表示级别的字")
    venues: list[str] = Field(default_factory=list, description="线下娱乐场所（游戏厅、网吧）")
    reach: Reach = Field(default_factory=Reach)
    sports: Sports = Field(default_factory=Sports)
    platform_functions: PlatformFunctions = Field(default_factory=PlatformFunctions)
    kind_directions: dict[str, str] = Field(
        default_factory=dict,
        description="领域的类别 → 为它写的方向：标题的方向是为另一类领域写的（品类之于商品），而领域是这一类"
        "（搞笑是内容垂类）时，换成这个方向（搞笑品类运营 是内容垂类的运营）",
    )
    role_directions: list[tuple[str, str, str]] = Field(
        default_factory=list,
        description="[岗位, 方向, 换成的方向]：职位名称写了这个岗位、又读出这个方向时，是另一个方向的工作"
        "（游戏运营 内容运营方向 = 游戏内容运营）",
    )
    direction_pairs: list[tuple[str, str, str]] = Field(
        default_factory=list,
        description="[方向, 方向, 合起来的方向]：两个方向写在一起时是另一份工作（游戏 + 商业化 = 游戏内付费，按游戏运营写）",
    )
    kept_directions: list[str] = Field(
        default_factory=list,
        description="说工作在哪里、又排除做法的方向 id（overseas）：标题写了它就一直保留，不受方向个数上限限制",
    )
    weak_roles: list[str] = Field(
        default_factory=list,
        description="只说了范围的岗位名（生态运营）：标题写了一个不为它写的方向时按方向的岗位写（电竞生态运营 是赛事运营）",
    )
    yielding_roles: dict[str, list[str]] = Field(
        default_factory=dict,
        description="岗位名 → 它让给的岗位：方向的第一个岗位是其中之一、又不为这个岗位写时按方向的岗位写"
        "（跨境电商平台运营 是店铺运营，私域营销 是私域运营）",
    )
    domain_directions: dict[str, str] = Field(
        default_factory=dict,
        description="领域 → 方向 id（ai: ai_product）：标题没写方向、岗位又是这个方向写的岗位时，按方向写，不再当主题",
    )
    app_stores: AppStores = Field(default_factory=AppStores)
    sides: list[str] = Field(default_factory=list, description="市场的一侧（B端、C端）：不说明岗位")
    spellings: dict[str, str] = Field(
        default_factory=dict, description="另一种写法 → 识别时的写法（营运 → 运营），两者等长"
    )
    languages: dict[str, list[str]] = Field(
        default_factory=dict,
        description="工作语言 → 标题里说明它的词（日语: [日语, 日文, 日本站]）；写了它的标题按这门语言写要求",
    )
    role_heads: dict[str, str] = Field(
        default_factory=dict, description="直接接级别词时说明岗位的职能词 → 岗位名（招商 → 招商运营）"
    )
    abroad: dict[str, str] = Field(
        default_factory=dict,
        description="岗位 id → 方向 id：标题只写了岗位和一门外语时按这个方向写（英文电商专员 是跨境电商运营）",
    )

    @field_validator(
        "employers",
        "products",
        "unit_suffixes",
        "places",
        "place_suffixes",
        "plain",
        "qualifiers",
        "venues",
        "sides",
    )
    @classmethod
    def _normalised(cls, values: list[str]) -> list[str]:
        return _words(values)

    @field_validator("product_fields", "languages", "implied_domains")
    @classmethod
    def _fields_normalised(cls, values: dict[str, list[str]]) -> dict[str, list[str]]:
        return {normalise(k): _words(v) for k, v in values.items()}

    @field_validator("spellings")
    @classmethod
    def _same_length(cls, values: dict[str, str]) -> dict[str, str]:
        for word, reading in values.items():
            if len(normalise(word)) != len(normalise(reading)):
                raise ValueError(f"「{word}」和「{reading}」长度不同：另一种写法必须和识别时的写法一样长")
        return {normalise(w): normalise(r) for w, r in values.items()}

    @model_validator(mode="after")
    def _one_class_each(self) -> Lexicon:
        seen: dict[str, str] = {}
        for kind, word, _ in self.domain_words():
            if seen.setdefault(word, kind) != kind or word in self.employers or word in self.products:
                raise ValueError(f"「{word}」属于不止一类（领域的每个词只能属于一类，也不能是公司或产品名）")
        names = {name for _, _, name in self.domain_words()}
        for name, named in self.implied_domains.items():
            if name not in names or set(named) - {*self.employers, *self.products}:
                raise ValueError(f"implied_domains 的「{name}」要是领域名，它的词要是公司或产品名")
        return self

    def domain_words(self) -> list[tuple[DomainClass, str, str]]:
        """(class, normalised word or alias, the entry's own name) for every domain word."""
        out: list[tuple[DomainClass, str, str]] = []
        for kind, entries in self.domains.items():
            for entry in entries:
                pairs = [(entry, [])] if isinstance(entry, str) else list(entry.items())
                for name, aliases in pairs:
                    out += [(kind, normalise(w), name) for w in (name, *aliases) if w.strip()]
        return out


class ScopeKind(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: str = Field(min_length=2, description="拒绝时的说法，例如 资本运营（投融资）类职位")
    short: str = Field(min_length=2, description="简称，用在范围说明里，例如 资本运营")
    words: list[str] = Field(default_factory=list, description="出现就属于这一类的词")
    alone: list[str] = Field(default_factory=list, description="标题没有写明岗位或方向时属于这一类的词")
    heads: list[str] = Field(default_factory=list, description="职位名称以这些词结尾时属于这一类")
    unless: list[str] = Field(default_factory=list, description="出现这些词时不属于这一类")
    proper: list[str] = Field(
        default_factory=list, description="出现在职位名称正文、标题又没有写明岗位（方向不算）时属于这一类的词"
    )
    venues: bool = Field(default=False, description="职位词典里的线下娱乐场所也算 alone 的词")
    unknown_ends: list[str] = Field(
        default_factory=list, description="没有写明岗位或方向时，没认出的词以这些字结尾就属于这一类"
    )

    @field_validator("words", "alone", "heads", "unless", "proper", "unknown_ends")
    @classmethod
    def _normalised(cls, values: list[str]) -> list[str]:
        return _words(values)


class Scope(Model):
    version: int = 1
    kinds: list[ScopeKind] = Field(min_length=1)


def _data(name: str) -> Path:
    from ..resources import data_dir

    return data_dir() / name


@cache
def lexicon() -> Lexicon:
    """data/domains.yaml, validated; a broken file gives file:line:key-path, not a traceback."""
    return _load(_data("domains.yaml"), Lexicon, "职位词典")


@cache
def scope() -> Scope:
    """data/scope.yaml, validated."""
    return _load(_data("scope.yaml"), Scope, "范围文件")


M = TypeVar("M", bound=Model)


def _load(path: Path, model: type[M], what: str) -> M:
    from ..catalog.built import load_builtin

    return load_builtin(model, path, what)


def check_files() -> None:
    """Validate both files, so `jdwriter catalog check` and the tests see a broken one (a shipped copy too)."""
    from ..catalog.built import trust_shipped, trusting

    was = trusting()
    trust_shipped(False)
    try:
        _load(_data("domains.yaml"), Lexicon, "职位词典")
        _load(_data("scope.yaml"), Scope, "范围文件")
    finally:
        trust_shipped(was)
