"""The .docx reader beyond the body's paragraphs (issue 27): embedded HTML, and the reasons fix gives."""

from __future__ import annotations

from jdwriter.cli import app
from tests.docx_xml import p, r, with_body, with_chunk


def test_html_embedded_with_altchunk_is_checked_and_left_for_a_person(runner, tmp_path):
    path = with_chunk(tmp_path / "jd.docx", "<html><body><ul><li>1. 限男性</li></ul></body></html>")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1 and "（嵌入内容）" in result.stdout
    fixed = runner.invoke(app, ["fix", str(path), "-o", str(tmp_path / "out.docx")])
    assert fixed.exit_code == 1 and "嵌入的其他文件" in fixed.stderr


def test_a_soft_line_break_is_left_with_the_words_issue_23_uses(runner, tmp_path):
    body = p(r("任职要求：")) + p("<w:r><w:t>1. 本科</w:t><w:br/><w:t>限男性</w:t></w:r>")
    fixed = runner.invoke(
        app, ["fix", str(with_body(tmp_path / "jd.docx", body)), "-o", str(tmp_path / "o.docx")]
    )
    assert fixed.exit_code == 1 and "这一条跨了两行" in fixed.stderr


def test_an_ordinary_table_row_is_left_with_the_words_issue_23_uses(runner, tmp_path):
    cells = "".join(f"<w:tc>{p(r(text))}</w:tc>" for text in ("性别", "限男性", "备注：本科"))
    body = (
        p(r("任职要求："))
        + f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )
    fixed = runner.invoke(
        app, ["fix", str(with_body(tmp_path / "jd.docx", body)), "-o", str(tmp_path / "o.docx")]
    )
    assert fixed.exit_code == 1 and "这一条在表格里且格式复杂" in fixed.stderr


def test_a_table_inside_a_table_cell_is_read(runner, tmp_path):
    inner = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>" + p(r("限男性")) + "</w:tc></w:tr></w:tbl>"
    )
    outer = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
        + p(r("要求"))
        + inner
        + "</w:tc></w:tr></w:tbl>"
    )
    result = runner.invoke(app, ["check", str(with_body(tmp_path / "jd.docx", p(r("任职要求：")) + outer))])
    assert result.exit_code == 1 and "性别" in result.stdout


def test_tables_nested_beyond_reason_are_refused(runner, tmp_path):
    table = p(r("限男性"))
    for _ in range(12):
        table = (
            f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{table}{p(r('x'))}</w:tc></w:tr></w:tbl>"
        )
    result = runner.invoke(app, ["check", str(with_body(tmp_path / "jd.docx", table))])
    assert result.exit_code == 2 and "嵌套" in result.stderr


def test_a_document_without_a_body_is_one_chinese_line_in_check_and_fix(runner, tmp_path):
    import io
    import re
    import zipfile

    path = with_body(tmp_path / "jd.docx", p(r("x")))
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(rb"<w:body>.*</w:body>", b"", data, flags=re.S)
            target.writestr(info, data)
    path.write_bytes(out.getvalue())
    for args in (["check", str(path)], ["fix", str(path), "-o", str(tmp_path / "o.docx")]):
        result = runner.invoke(app, args)
        assert (
            result.exit_code == 2 and result.stderr.startswith("错误：") and "Traceback" not in result.output
        )


def test_every_reason_the_reader_gives_is_the_fixers_own_sentence():
    """A .docx line left for a person says why in fix.reasons.Refusal's words, once (no second wording)."""
    from jdwriter.check import docx_text
    from jdwriter.fix.reasons import Refusal

    reasons = [
        v
        for v in vars(docx_text).values()
        if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], str) and v[1].isupper()
    ]
    assert len(reasons) >= 8
    for sentence, key in reasons:
        assert Refusal[key].text == sentence, key
