"""The interview kit as a Word document: the JD's page and typography (docx_style), the competencies and
the scorecard as a real Word table with weight and score columns, first after the title, questions under Heading 2."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING, Any

from ..render.docx_style import (
    add_paragraph,
    fixed_zip_times,
    set_properties,
    styled_base,
    xml_safe,
)
from .model import Kit, kit_meta

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

SCORECARD_HEADER = ("考察维度", "权重", "得分（1–5）", "证据记录")
SCORECARD_WIDTHS_CM = (3.6, 1.6, 2.2, 7.2)  # the 14.6 cm text block of an A4 page


def render_kit_docx(kit: Kit) -> bytes:
    """Title and meta line, 评分表 (the one table, first, to fill in), 考察维度, 面试安排, 面试题, 面试官须知."""
    from docx import Document

    doc = Document(BytesIO(styled_base()))
    add_paragraph(doc, f"{kit.title} 面试题与评分表", "Title")
    add_paragraph(doc, " ｜ ".join(f"{k}：{v}" for k, v in kit_meta(kit)), "Subtitle")  # ruled below
    for note in kit.prep_notes:
        add_paragraph(doc, f"出题说明：{note}")
    _scorecard(doc, kit)
    add_paragraph(doc, "考察维度", "Heading1")
    for c in kit.competencies:
        add_paragraph(
            doc, f"{c.name}（权重 {c.weight}%）：{c.definition}；考核指标：{c.measure}", "ListBullet"
        )
    add_paragraph(doc, "面试安排", "Heading1")
    for r in kit.plan:
        covers, ids = "、".join(r.covers), "、".join(r.questions)
        text = f"第{r.number}轮 {r.name}（{r.interviewer}，{r.minutes} 分钟）：考察 {covers}；题目 {ids}"
        add_paragraph(doc, text, "ListBullet")
    add_paragraph(doc, "面试题", "Heading1")
    for number, c in enumerate(kit.competencies, 1):
        add_paragraph(doc, f"{number}. {c.name}（权重 {c.weight}%）", "Heading2")
        for q in c.questions:
            _question(doc, q.id, q.kind_name, q.round, q.ask)
            for probe in q.probes:
                add_paragraph(doc, f"追问：{probe}", "ListBullet")
            for score in (1, 3, 5):
                add_paragraph(doc, f"{score} 分：{q.anchors[score]}", "ListBullet")
    add_paragraph(doc, "面试官须知", "Heading1")
    for n in kit.interviewer_notes:
        add_paragraph(doc, f"{n.topic}：{n.rule}。依据：{n.basis}", "ListBullet")
    add_paragraph(doc, f"记录与评分：{kit.how_to}。", "ListBullet")
    _set_properties(doc, kit)
    out = BytesIO()
    doc.save(out)
    return fixed_zip_times(out.getvalue())


def _question(doc: DocxDocument, qid: str, kind: str, round_number: int, ask: str) -> None:
    paragraph = add_paragraph(doc, "")
    paragraph.add_run(xml_safe(f"{qid} {kind}")).bold = True
    paragraph.add_run(xml_safe(f"（第{round_number}轮）：{ask}"))


def _scorecard(doc: DocxDocument, kit: Kit) -> None:
    add_paragraph(doc, "评分表", "Heading1")
    rows = [
        (r.competency, f"{r.weight}%", "" if r.score is None else str(r.score), r.evidence)
        for r in kit.scorecard
    ]
    _table(doc, SCORECARD_HEADER, rows, SCORECARD_WIDTHS_CM)
    total = kit.weighted_total
    value = "______" if total.value is None else str(total.value)
    add_paragraph(doc, f"{total.formula} = {value}（满分 {total.max} 分）")
    scale = "　".join(f"□ {x}" for x in kit.recommendation_scale)
    add_paragraph(doc, f"综合推荐（四选一，不设中立）：{scale}")


def _table(
    doc: DocxDocument, header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...]
) -> Any:
    """A bordered table (Table Grid) with a bold header row that repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Cm(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = 0
            paragraph.paragraph_format.alignment = 0  # left: justified short cells spread their characters
            paragraph.add_run(xml_safe(value)).bold = r == 0
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    add_paragraph(doc, "")  # Word joins two tables that touch; a paragraph keeps them apart
    return table


def _set_properties(doc: DocxDocument, kit: Kit) -> None:
    keywords = [kit.role, kit.level, kit.industry or ""]
    set_properties(
        doc, title=f"{kit.title} 面试题与评分表", subject="面试题与评分表", keywords=keywords, author=""
    )
