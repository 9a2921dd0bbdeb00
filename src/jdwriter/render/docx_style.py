"""The Word page and typography every jdwriter document shares: the JD (render/docx.py) and the interview kit
(kit/docx.py) open the same styled base, so both print alike.

python-docx's default template is an English one: its styles name *theme* fonts (``w:eastAsiaTheme`` …), its
East Asian language is en-US and its theme font language ja-JP, so Chinese text comes out in a Japanese
theme font (ＭＳ ゴシック in LibreOffice). A theme attribute beats an explicit font name, so we remove every
theme font attribute, then declare the font ourselves on the defaults and on each style we use, and mark the
East Asian language as zh-CN (which also makes a font fallback pick Simplified Chinese glyphs).

Styling the template costs more than filling it, and batch runs render hundreds of documents: the styled
base is built once per process and kept as bytes; each document opens its own copy from those bytes.

``import docx`` happens only in these modules (it costs ~64 ms), so Markdown output never pays for it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle


# 微软雅黑 is what Chinese companies send Word files in. Where it is missing, the fontTable entry below
# (charset GB2312, sans-serif) and the zh-CN language steer the substitute to a Simplified Chinese sans font.
FONT = "微软雅黑"
FONT_ALT_NAME = "Microsoft YaHei"
EAST_ASIA_LANG = "zh-CN"
BODY_PT = 10.5  # 五号, the standard Chinese body size
TEXT_COLOR = "262626"
MUTED_COLOR = "595959"
RULE_COLOR = "BFBFBF"

_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# The children of w:pPr that the schema (CT_PPrBase) puts after w:pBdr, in order.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Identical input gives identical bytes: file times and dates come from SOURCE_DATE_EPOCH
# (https://reproducible-builds.org/specs/source-date-epoch/) when it is set, otherwise from this fixed date.
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>jdwriter</Application><DocSecurity>0</DocSecurity></Properties>"
)


def document_date() -> datetime:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set and valid, otherwise FIXED_DATE."""
    import os

    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        # zip stores times from 1980 to 2107
        return max(
            datetime.fromtimestamp(min(int(value), 4_354_819_199), UTC), datetime(1980, 1, 1, tzinfo=UTC)
        )
    return FIXED_DATE


def fixed_zip_times(data: bytes) -> bytes:
    """python-docx stamps every zip entry with the current time; rewrite the archive with document_date()."""
    import zipfile

    stamp = document_date().timetuple()[:6]
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item))
    return out.getvalue()


def set_properties(doc: DocxDocument, *, title: str, subject: str, keywords: list[str], author: str) -> None:
    """File → Properties: the template says python-docx and 2013; say what this file is instead (fixed
    dates, so the same input gives the same bytes)."""
    props = doc.core_properties
    now = document_date()
    props.title = xml_safe(title)
    props.subject = subject
    props.keywords = xml_safe("、".join(x for x in keywords if x))
    props.author = xml_safe(author)
    props.last_modified_by = "jdwriter"
    props.language = EAST_ASIA_LANG
    props.comments = "由 jdwriter 生成"
    props.created = now
    props.modified = now
    props.revision = 1


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML cannot hold (lxml refuses them, e.g. from a pasted name)."""
    return _NOT_XML.sub("", text)


def add_paragraph(doc: DocxDocument, text: str, style_id: str | None = None) -> Any:
    """Append a paragraph in the style with id ``style_id`` (None: Normal).

    Setting the id directly, instead of ``add_paragraph(style="List Number")``, matters for batch runs:
    python-docx resolves a style name by scanning every style in the document for each paragraph.
    """
    paragraph = doc.add_paragraph(xml_safe(text))
    if style_id is not None:
        paragraph._p.style = style_id
    return paragraph


def new_numbering(doc: DocxDocument, style_name: str) -> int:
    """A new w:num for the list definition behind ``style_name``, restarting at 1. Returns its numId."""
    numbering = doc.part.numbering_part.element
    num = numbering.add_num(abstract_num_id(doc, style_name))
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def abstract_num_id(doc: DocxDocument, style_name: str) -> int:
    """The abstractNum a list style points at (style → numId → abstractNumId)."""
    num_id = doc.styles[style_name].element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    return int(numbering.num_having_numId(num_id).abstractNumId.val)


@cache
def styled_base() -> bytes:
    """The empty, fully styled document, built once per process."""
    from docx import Document

    doc = Document()
    styles = doc.styles.element
    _drop_table_styles(styles)
    for rfonts in styles.iter(f"{{{_W}}}rFonts"):
        _strip_theme(rfonts)
    _set_defaults(doc)
    _style_text(doc)
    _style_lists(doc)
    _set_page(doc)
    _drop_template_leftovers(doc)
    _declare_font(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _drop_table_styles(styles: Any) -> None:
    """Remove the template's 98 unused table styles: 300 KB of the 344 KB styles.xml, parsed on every open.

    Word keeps its built-in table styles itself and adds one back to a file when someone applies it.
    """
    keep = {"TableNormal", "TableGrid"}
    for style in styles.findall(f"{{{_W}}}style"):
        if style.get(f"{{{_W}}}type") == "table" and style.get(f"{{{_W}}}styleId") not in keep:
            styles.remove(style)


def _strip_theme(rfonts: Any) -> None:
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(f"{{{_W}}}{attr}", None)


def set_fonts(rpr: Any) -> None:
    """Explicit ascii/hAnsi/eastAsia/cs fonts on an w:rPr, with no theme attribute left to override them."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    _strip_theme(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    rfonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), EAST_ASIA_LANG)
    lang.set(qn("w:bidi"), "ar-SA")


def _set_defaults(doc: DocxDocument) -> None:
    """docDefaults and settings: our font, zh-CN, and no 10 pt after every paragraph."""
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    _set_lang(rpr)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        defaults.remove(ppr_default)  # spacing comes from the styles below
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), EAST_ASIA_LANG)  # the template says ja-JP


def _style(
    doc: DocxDocument,
    name: str,
    *,
    size: float,
    bold: bool = False,
    color: str = TEXT_COLOR,
    before: float = 0,
    after: float = 0,
    line: float = 1.0,
) -> ParagraphStyle:
    """Reset a paragraph style's character formatting and set its spacing; returns the style."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style = cast("ParagraphStyle", doc.styles[name])
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)  # drops theme colours, italics, letter spacing the English template adds
    set_fonts(rpr)
    _set_lang(rpr)
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor.from_string(color)
    rpr.find(qn("w:sz")).addnext(rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(int(size * 2))}))
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line
    return style


def _style_text(doc: DocxDocument) -> None:
    """Normal, Title, the meta line (Subtitle) and the section headings."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    normal = _style(doc, "Normal", size=BODY_PT, after=6, line=1.4)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = _style(doc, "Title", size=20, bold=True, color="000000", after=6, line=1.2)
    _remove(title.element.pPr, "w:pBdr")  # the template's blue underline
    subtitle = _style(doc, "Subtitle", size=BODY_PT, color=MUTED_COLOR, after=12, line=1.3)
    _remove(subtitle.element.pPr, "w:numPr")  # the template numbers its Subtitle (ilvl 1)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    bottom_rule(subtitle.element.get_or_add_pPr(), size=6, space=8)
    for name, size, before in (("Heading 1", 14, 14), ("Heading 2", 12, 12)):
        heading = _style(doc, name, size=size, bold=True, color="000000", before=before, after=6, line=1.2)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for char_style in ("TitleChar", "SubtitleChar", "Heading1Char", "Heading2Char"):
        # Word shows a linked character style's font when text is selected; keep it in step with ours.
        element = doc.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{char_style}']")
        if element is not None and element.rPr is not None:
            set_fonts(element.rPr)


def _style_lists(doc: DocxDocument) -> None:
    """List Number and List Bullet: body size and spacing, and a hanging indent of two Chinese characters."""
    from docx.oxml.ns import qn

    for name in ("List Number", "List Bullet"):
        _style(doc, name, size=BODY_PT, after=2, line=1.4)
        numbering = doc.part.numbering_part.element
        abstract_id = abstract_num_id(doc, name)
        abstract = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
        lvl = abstract.find(qn("w:lvl"))
        ppr = lvl.find(qn("w:pPr"))
        indent = str(int(BODY_PT * 20 * 2))  # twips: two body characters
        ppr.find(qn("w:ind")).attrib.update({qn("w:left"): indent, qn("w:hanging"): indent})
        ppr.find(qn("w:tabs")).find(qn("w:tab")).set(qn("w:pos"), indent)


def bottom_rule(ppr: Any, *, size: int, space: int) -> None:
    """A thin grey line under a paragraph (w:pBdr/w:bottom); size in eighths of a point."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _remove(ppr, "w:pBdr")
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", str(space)), ("color", RULE_COLOR)):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    # Children of w:pPr have a fixed schema order (Word calls a file corrupt otherwise): insert w:pBdr before
    # whichever of its successors is present.
    ppr.insert_element_before(border, *_AFTER_PBDR)


def _remove(parent: Any, tag: str) -> None:
    from docx.oxml.ns import qn

    if parent is None:
        return
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def _set_page(doc: DocxDocument) -> None:
    """A4 with the margins Chinese Word uses by default (2.54 cm top/bottom, 3.18 cm left/right)."""
    from docx.shared import Cm, Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.18)
    section.header_distance = section.footer_distance = Cm(1.5)


def _drop_template_leftovers(doc: DocxDocument) -> None:
    """Parts of the English template that would contradict our styles or show the wrong preview."""
    # stylesWithEffects.xml is a second copy of the styles (with theme fonts) that Word 2010 may read.
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]
    # app.xml names the application that wrote the file: the template says "Microsoft Macintosh Word".
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")
    # The thumbnail is a picture of the blank template; file browsers would show it as the preview.
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def _declare_font(doc: DocxDocument) -> None:
    """A fontTable entry for our font: its English name, and that it is a Simplified Chinese sans-serif.

    Word on a non-Chinese system and LibreOffice use this to find the font or a close substitute.
    """
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    part = next(
        (rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/fontTable")), None
    )
    if part is None:
        return
    root = parse_xml(part.blob)
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), FONT)
    for tag, value in (
        ("altName", FONT_ALT_NAME),
        ("panose1", "020B0503020204020204"),
        ("charset", "86"),  # GB2312
        ("family", "swiss"),
        ("pitch", "variable"),
    ):
        child = OxmlElement(f"w:{tag}")
        child.set(qn("w:val"), value)
        entry.append(child)
    root.insert(0, entry)
    # fontTable.xml is a plain blob part in python-docx (no XML object to edit), so replace its bytes.
    part._blob = serialize_part_xml(root)
