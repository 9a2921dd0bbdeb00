"""Build small .docx files from raw body XML, for tests of what the .docx reader sees and what fix keeps."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def with_body(path: Path, body: str, *, header: str | None = None) -> Path:
    """A .docx whose document body is ``body`` (XML inside w:body, w: prefix bound), optionally with a header
    part holding ``header`` paragraphs."""
    document = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = "HEADER-PLACEHOLDER"
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                end = text.index("<w:sectPr", start)
                data = (text[:start] + body + text[end:]).encode("utf-8")
            elif header is not None and info.filename.startswith("word/header"):
                data = data.decode("utf-8").replace("HEADER-PLACEHOLDER", header).encode("utf-8")
            target.writestr(info, data)
    path.write_bytes(out.getvalue())
    return path


def p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def with_chunk(path: Path, html: str) -> Path:
    """A .docx whose body ends with an altChunk of ``html`` (Word shows it as part of the body)."""
    document = docx.Document()
    document.add_paragraph("任职要求：")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    rel = (
        '<Relationship Id="rIdChunk" Target="chunk.html" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
                text = data.decode("utf-8")
                if info.filename == "word/document.xml":
                    at = text.rindex("<w:sectPr")
                    text = text[:at] + '<w:altChunk r:id="rIdChunk"/>' + text[at:]
                elif info.filename.endswith(".rels"):
                    text = text.replace("</Relationships>", rel + "</Relationships>")
                else:
                    override = '<Override PartName="/word/chunk.html" ContentType="text/html"/>'
                    text = text.replace("</Types>", override + "</Types>")
                data = text.encode("utf-8")
            target.writestr(info, data)
        target.writestr("word/chunk.html", html)
    path.write_bytes(out.getvalue())
    return path
