"""Render a JobDescription as a Word document (DOCX). The page, fonts and styles come from docx_style, which
the interview kit's Word output shares, so a JD and its kit print alike.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from ..models import JobDescription, Section, meta_items
from .docx_style import (
    FIXED_DATE,
    FONT,
    add_paragraph,
    bottom_rule,
    fixed_zip_times,
    new_numbering,
    set_properties,
    styled_base,
    xml_safe,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["FIXED_DATE", "FONT", "meta_lines", "render_docx", "xml_safe"]

META_SEPARATOR = " ｜ "
# The text block is 14.6 cm wide (A4 less 3.18 cm margins), 39 characters of body text; keep a margin for
# the substitute fonts of machines without 微软雅黑.
META_LINE_EM = 36.0


def render_docx(jd: JobDescription) -> bytes:
    """The JD as DOCX bytes: Title, a meta line, Heading 1 per section, real numbered and bulleted lists."""
    from docx import Document

    doc = Document(BytesIO(styled_base()))
    _add_header(doc, jd)
    for section in jd.sections:
        _add_section(doc, section)
    _set_properties(doc, jd)
    out = BytesIO()
    doc.save(out)
    return fixed_zip_times(out.getvalue())


def _add_header(doc: DocxDocument, jd: JobDescription) -> None:
    """The title, then company, location, salary and headcount on a muted line, closed by a thin rule."""
    from docx.shared import Pt

    title = add_paragraph(doc, jd.title, "Title")
    meta = [f"{label}：{value}" for label, value in meta_items(jd)]
    if (
        not meta
    ):  # the rule that closes the header block sits under the meta line; without one, under the title
        bottom_rule(title._p.get_or_add_pPr(), size=6, space=8)
        title.paragraph_format.space_after = Pt(12)
    else:
        paragraph = add_paragraph(doc, "", "Subtitle")
        lines = meta_lines(meta)
        for number, line in enumerate(lines, 1):
            run = paragraph.add_run(xml_safe(line))
            if number < len(lines):
                run.add_break()


def meta_lines(items: list[str], width: float = META_LINE_EM) -> list[str]:
    """Pack meta items into lines of at most ``width`` em, so a line breaks between items, never inside one.

    Word may break Chinese text between any two characters, which split 招聘人数 into 招 / 聘人数.
    Widths are estimated: a wide (CJK) character is 1 em, anything else about half.
    """
    lines: list[str] = []
    current = ""
    for item in items:
        candidate = f"{current}{META_SEPARATOR}{item}" if current else item
        if current and _em_width(candidate) > width:
            lines.append(current)
            candidate = item
        current = candidate
    if current:
        lines.append(current)
    return lines


def _em_width(text: str) -> float:
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _add_section(doc: DocxDocument, section: Section) -> None:
    """One heading and its body: prose as paragraphs, ordered items numbered from 1, others bulleted."""
    add_paragraph(doc, section.heading, "Heading1")
    if section.prose:
        for text in section.items:
            add_paragraph(doc, text)
        return
    if not section.ordered:
        for text in section.items:
            add_paragraph(doc, text, "ListBullet")
        return
    # All "List Number" paragraphs share one numbering instance, so 任职要求 would go on from 岗位职责's
    # last number; a fresh instance per list, restarting at 1, keeps each list numbered from 1.
    num_id = new_numbering(doc, "List Number")
    for text in section.items:
        num_pr = add_paragraph(doc, text, "ListNumber")._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


def _set_properties(doc: DocxDocument, jd: JobDescription) -> None:
    names = [jd.role.name, jd.level.name, jd.industry.name if jd.industry else ""]
    author = str(jd.meta.get("company", ""))
    set_properties(doc, title=jd.title, subject="职位描述", keywords=names, author=author)
