"""The files people open: DOCX read back with python-docx, HTML parsed with html.parser, plain text for job boards.

Rendering tests compose JDs from tests/fixtures/mini.yaml (a catalogue that stays put); the CLI tests run the
real command with the built-in catalogue.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest

from jdwriter.api import make_request
from jdwriter.cli import app
from jdwriter.compose.writer import compose
from jdwriter.errors import UserError
from jdwriter.models import Company, JobDescription, Ref, Section
from jdwriter.render.render import TXT_MAX_CHARS, render

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THEME_ATTRIBUTE = re.compile(r"\bw:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=")
HOSTILE = "<script>alert(1)</script>"
COMPANY = Company(
    name="示例科技有限公司",
    location="上海·徐汇",
    salary="20-30K·14薪",
    headcount=2,
    intro="我们做本地生活服务，团队 200 人。",
    benefits=["五险一金", "带薪年假 15 天"],
)


def make_jd(catalog, *, level="经理", template="standard", company=None) -> JobDescription:
    request = make_request(catalog, role="用户运营", level=level, template=template, company=company).request
    return compose(request, catalog)


def hostile_jd() -> JobDescription:
    """Every field a user or a catalogue can fill, with markup, ampersands, quotes and a control character."""
    return JobDescription(
        title='运营经理 <b>急招</b> & "高薪"',
        role=Ref(id="ops", name="运营"),
        level=Ref(id="manager", name="经理"),
        industry=None,
        emphasis=[],
        summary="",
        meta={"company": HOSTILE, "location": "A&B <大厦>\x07", "headcount": 3},
        sections=[
            Section(
                id="duties",
                heading="岗位职责 <i>",
                items=["负责 <img src=x onerror=alert(1)> 的运营", "a & b"],
            ),
            Section(id="bonus", heading="加分项", items=["熟悉 C# 与 **Markdown**"], ordered=False),
            Section(id="company", heading="公司介绍", items=["</p><p>我们 & 你"], ordered=False, prose=True),
        ],
    )


def open_docx(data: bytes):
    return docx.Document(BytesIO(data))


def docx_xml(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {
            n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels"))
        }


def body(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


# --- DOCX -----------------------------------------------------------------------------------------------------


def test_docx_has_a_title_heading_styles_and_real_lists(mini_catalog):
    jd = make_jd(mini_catalog)
    paragraphs = body(open_docx(render(jd, "docx")))
    assert paragraphs[0] == ("Title", jd.title)
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [s.heading for s in jd.sections] and {"岗位职责", "任职要求"} <= set(headings)
    for section in jd.sections:
        start = paragraphs.index(("Heading 1", section.heading)) + 1
        block = paragraphs[start : start + len(section.items)]
        expected_style = "List Number" if section.ordered else "List Bullet"
        # The items are the list paragraphs themselves: no typed "1." in the text.
        assert block == [(expected_style, item) for item in section.items]


def test_every_numbered_list_starts_at_one(mini_catalog):
    data = render(make_jd(mini_catalog), "docx")
    document = open_docx(data)
    numbering = document.part.numbering_part.element
    lists: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name == "List Number":
            num_id = paragraph._p.pPr.numPr.numId.val
            lists.setdefault(num_id, []).append(paragraph.text)
    assert len(lists) == 2, "岗位职责 and 任职要求 are separate lists"
    for num_id in lists:
        num = numbering.num_having_numId(num_id)
        starts = [o.find(f"{W}startOverride").get(f"{W}val") for o in num.findall(f"{W}lvlOverride")]
        assert starts == ["1"]


def test_docx_declares_a_chinese_font_and_no_theme_font(mini_catalog):
    from jdwriter.render.docx import FONT

    data = render(make_jd(mini_catalog, company=COMPANY, template="full"), "docx")
    document = open_docx(data)
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Number", "List Bullet"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(f"{W}eastAsia") == FONT, name
        assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == FONT, name
    defaults = document.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == FONT
    for part, xml in docx_xml(data).items():
        assert not THEME_ATTRIBUTE.search(xml), f"{part} still names a theme font"
    assert "stylesWithEffects" not in "".join(docx_xml(data))


def test_docx_east_asian_language_is_simplified_chinese(mini_catalog):
    data = render(make_jd(mini_catalog), "docx")
    document = open_docx(data)
    defaults = document.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr")
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    for name in ("Normal", "Title", "Heading 1", "List Number", "List Bullet"):
        assert document.styles[name].element.rPr.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN", name
    settings = docx_xml(data)["word/settings.xml"]
    assert 'w:eastAsia="ja-JP"' not in settings and 'w:eastAsia="zh-CN"' in settings
    assert document.core_properties.language == "zh-CN"


def test_docx_is_a4_with_a_readable_body_size(mini_catalog):
    document = open_docx(render(make_jd(mini_catalog), "docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert min(section.left_margin.cm, section.top_margin.cm) >= 2
    body_pt = document.styles["Normal"].font.size.pt
    assert 10 <= body_pt <= 12
    assert document.styles["Title"].font.size.pt > document.styles["Heading 1"].font.size.pt > body_pt


def test_docx_meta_line_holds_company_facts_and_breaks_between_items(mini_catalog):
    jd = make_jd(mini_catalog, company=COMPANY)
    paragraphs = open_docx(render(jd, "docx")).paragraphs
    meta = paragraphs[1]
    assert meta.style.name == "Subtitle"
    for value in ("示例科技有限公司", "上海·徐汇", "20-30K·14薪", "2 人"):
        assert value in meta.text
    for line in meta.text.split("\n"):  # a line break never falls inside 招聘人数：2 人
        for item in line.split(" ｜ "):
            assert re.fullmatch(r"(公司|工作地点|薪资|招聘人数)：.+", item), item
    bare = open_docx(render(make_jd(mini_catalog), "docx")).paragraphs
    assert bare[1].style.name == "Heading 1"  # no empty meta line when nothing was given


def test_docx_full_template_has_every_section_and_file_properties(mini_catalog):
    jd = make_jd(mini_catalog, company=COMPANY, template="full")
    document = open_docx(render(jd, "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert {"岗位概述", "岗位职责", "任职要求", "公司介绍", "福利待遇"} <= set(headings)
    assert ("Normal", COMPANY.intro) in body(document)
    assert sum(p.style.name.startswith("List") for p in document.paragraphs) >= 9
    props = document.core_properties
    assert props.title == jd.title and props.author == COMPANY.name
    assert props.created.year >= 2024


def test_docx_keeps_hostile_text_as_text(mini_catalog):
    jd = hostile_jd()
    document = open_docx(render(jd, "docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert jd.title in text and HOSTILE in text and "A&B <大厦>" in text and "\x07" not in text
    assert "负责 <img src=x onerror=alert(1)> 的运营" in text


def test_consecutive_docx_renders_do_not_share_content(mini_catalog):
    first = make_jd(mini_catalog, level="经理", company=COMPANY)
    second = make_jd(mini_catalog, level="专员")
    render(first, "docx")
    text = "\n".join(p.text for p in open_docx(render(second, "docx")).paragraphs)
    assert second.title in text and first.title not in text and COMPANY.name not in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_sees_the_declared_font_not_a_japanese_one(mini_catalog, tmp_path):
    from jdwriter.render.docx import FONT

    source = tmp_path / "jd.docx"
    source.write_bytes(render(make_jd(mini_catalog, company=COMPANY, template="full"), "docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "fodt",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    flat = (tmp_path / "jd.fodt").read_text(encoding="utf-8")
    asian_fonts = set(re.findall(r'style:font-name-asian="([^"]+)"', flat))
    assert any(name.startswith(FONT) for name in asian_fonts)
    assert not any(
        re.search(r"[\u3040-\u30ff\uff21-\uff5a]|Mincho|Gothic|明朝", name) for name in asian_fonts
    )
    assert 'style:country-asian="JP"' not in flat and 'style:country-asian="CN"' in flat


# --- HTML -----------------------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Collects what a browser would build: elements with attributes, and the text inside each element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.css = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append(tag)
            self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.texts[self.stack[-1]][-1] += data
            if self.stack[-1] == "style":
                self.css += data

    def all(self, tag: str) -> list[str]:
        return [t.strip() for t in self.texts.get(tag, [])]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_html_is_a_chinese_utf8_page_with_headings_and_lists(mini_catalog):
    jd = make_jd(mini_catalog, company=COMPANY, template="full")
    html = render(jd, "html")
    assert html.lstrip().lower().startswith("<!doctype html>")
    page = parse(html)
    assert ("html", {"lang": "zh-CN"}) in page.tags
    assert any(tag == "meta" and (attrs.get("charset") or "").lower() == "utf-8" for tag, attrs in page.tags)
    assert page.all("h1") == [jd.title]
    assert page.all("h2") == [s.heading for s in jd.sections]
    lists = [s for s in jd.sections if not s.prose]
    assert len(page.all("ol")) == sum(s.ordered for s in lists)
    assert len(page.all("ul")) == sum(not s.ordered for s in lists)
    assert page.all("li") == [item for s in lists for item in s.items]
    assert COMPANY.intro in page.all("p")


def test_html_is_self_contained_with_print_css_and_a_chinese_font_stack(mini_catalog):
    page = parse(render(make_jd(mini_catalog), "html"))
    assert not [t for t, a in page.tags if t in ("script", "link", "img", "iframe")]
    assert not any("http" in (v or "") for _, attrs in page.tags for v in attrs.values())
    css = page.css
    assert "@import" not in css and "url(" not in css
    assert re.search(r"@media print", css) and re.search(r"@page\s*{[^}]*size:\s*A4", css)
    families = re.search(r"font-family:([^;]+);", css).group(1)
    assert re.search(r"[\u4e00-\u9fff]|YaHei|PingFang|CJK SC|Hei", families) and families.strip().endswith(
        "sans-serif"
    )


def test_html_escapes_everything_user_given():
    jd = hostile_jd()
    html = render(jd, "html")
    page = parse(html)
    assert not [t for t, _ in page.tags if t in ("script", "img", "b", "i")]
    assert HOSTILE in " ".join(page.all("dd"))
    assert page.all("h1") == [jd.title] and jd.title in page.all("title")[0]
    assert page.all("h2")[0] == "岗位职责 <i>"
    assert "负责 <img src=x onerror=alert(1)> 的运营" in page.all("li")
    assert page.all("p") == ["</p><p>我们 & 你"]


# --- txt ------------------------------------------------------------------------------------------------------


def test_txt_reads_well_on_job_boards(mini_catalog):
    jd = make_jd(mini_catalog, company=COMPANY, template="full")
    text = render(jd, "txt")
    assert "#" not in text and "**" not in text and not re.search(r"^\s*[-*] ", text, flags=re.MULTILINE)
    assert "\n\n\n" not in text
    assert text.splitlines()[0] == jd.title
    for section in jd.sections:
        block = text.split(f"【{section.heading}】\n", 1)[1].split("\n\n", 1)[0].splitlines()
        if section.prose:
            assert block == section.items
        else:
            assert block == [f"{n}. {item}" for n, item in enumerate(section.items, 1)]
    assert len(text) <= TXT_MAX_CHARS


def test_txt_over_the_board_limit_is_refused_with_a_way_out(mini_catalog):
    long_intro = (
        "我们是一家认真做本地生活服务的公司。" * 110
    )  # about 1,900 characters, within the model's limit
    jd = make_jd(mini_catalog, company=Company(name="示例科技", intro=long_intro), template="full")
    with pytest.raises(UserError) as caught:
        render(jd, "txt")
    message = caught.value.message
    assert str(TXT_MAX_CHARS) in message and "--template standard" in message
    assert render(jd, "md")  # the other formats have no such limit


# --- the command ----------------------------------------------------------------------------------------------


def run(runner, *args):
    return runner.invoke(app, ["new", "--role", "用户运营", "--no-input", *args])


def test_manager_docx_from_the_command_line(runner, tmp_path):
    from jdwriter.render.docx import FONT

    target = tmp_path / "a.docx"
    result = run(runner, "--level", "经理", "-o", str(target))
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    paragraphs = body(open_docx(data))
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert "岗位职责" in headings and "任职要求" in headings
    assert sum(style in ("List Number", "List Bullet") for style, _ in paragraphs) >= 9
    styles = docx_xml(data)["word/styles.xml"]
    assert f'w:eastAsia="{FONT}"' in styles and 'w:eastAsia="zh-CN"' in styles
    assert not any(THEME_ATTRIBUTE.search(xml) for xml in docx_xml(data).values())


def test_html_from_the_command_line_escapes_a_hostile_company_name(runner, tmp_path):
    target = tmp_path / "a.html"
    result = run(runner, "--company-name", HOSTILE, "-o", str(target))
    assert result.exit_code == 0, result.output
    page = parse(target.read_text(encoding="utf-8"))
    assert ("html", {"lang": "zh-CN"}) in page.tags and page.all("h1") and page.all("ol")
    assert not [t for t, _ in page.tags if t == "script"]
    assert HOSTILE in " ".join(page.all("dd"))


def test_txt_from_the_command_line_has_no_markdown(runner):
    result = run(runner, "--level", "经理", "--format", "txt")
    assert result.exit_code == 0, result.output
    assert "#" not in result.stdout and "**" not in result.stdout and "【岗位职责】" in result.stdout


def looks_like(path: Path) -> str:
    """Which format a written file actually is."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        docx.Document(BytesIO(data))
        return "docx"
    text = data.decode("utf-8")
    if text.lstrip().lower().startswith("<!doctype html>"):
        return "html"
    if text.startswith("{"):
        json.loads(text)
        return "json"
    return "md" if text.startswith("# ") else "txt"


@pytest.mark.parametrize(
    ("name", "flags", "expected"),
    [
        ("jd.md", [], "md"),
        ("jd.markdown", [], "md"),
        ("jd.txt", [], "txt"),
        ("jd.json", [], "json"),
        ("jd.html", [], "html"),
        ("jd.htm", [], "html"),
        ("jd.docx", [], "docx"),
        ("JD.DOCX", [], "docx"),
        ("jd.md", ["-f", "MD"], "md"),
        ("jd", ["--format", "html"], "html"),  # no suffix: --format decides
    ],
)
def test_format_follows_the_suffix_unless_given(runner, tmp_path, name, flags, expected):
    target = tmp_path / name
    result = run(runner, "-o", str(target), *flags)
    assert result.exit_code == 0, result.output
    assert looks_like(target) == expected


@pytest.mark.parametrize(
    ("name", "flags"),
    [("a.pdf", []), ("a.doc", []), ("b.md", ["--format", "docx"]), ("c.txt", ["-f", "html"])],
)
def test_a_suffix_we_cannot_write_or_that_disagrees_is_refused(runner, tmp_path, name, flags):
    target = tmp_path / name
    result = run(runner, "-o", str(target), *flags)
    assert result.exit_code == 2 and not target.exists()
    assert "扩展名" in result.stderr


# --- reproducible DOCX ----------------------------------------------------------------------------------------


def test_two_runs_of_new_write_identical_docx_bytes(runner, tmp_path, monkeypatch):
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    args = ["new", "-r", "用户运营", "-l", "经理", "-i", "电商", "--no-input"]
    assert runner.invoke(app, [*args, "-o", str(first)]).exit_code == 0
    later = time.time() + 3 * 3600  # the second run an afternoon later
    monkeypatch.setattr(time, "time", lambda: later)
    assert runner.invoke(app, [*args, "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_docx_dates_come_from_source_date_epoch_or_a_fixed_date(mini_catalog, monkeypatch):
    from jdwriter.render.docx import FIXED_DATE

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fixed = render(make_jd(mini_catalog), "docx")
    assert open_docx(fixed).core_properties.created.date() == FIXED_DATE.date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    data = render(make_jd(mini_catalog), "docx")
    assert open_docx(data).core_properties.created.isoformat().startswith("2023-11-14T22:13:20")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_docx_names_jdwriter_as_the_application(mini_catalog):
    app_xml = docx_xml(render(make_jd(mini_catalog), "docx"))["docProps/app.xml"]
    assert "<Application>jdwriter</Application>" in app_xml and "Microsoft" not in app_xml
