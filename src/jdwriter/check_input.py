"""Reading a JD for `jdwriter check`: .md, .txt, .docx or stdin, with one clear error for anything else.

Limits: text (.md, .txt, stdin) up to ``MAX_BYTES`` = 1 MB; a .docx file up to ``MAX_DOCX_BYTES`` = 20 MB (it
may carry images), whose text must again fit in 1 MB. In a .docx, "line" means paragraph number (table cells
follow in document order). Text is tried as UTF-8 and then GB18030, since JDs copied on Chinese Windows are
often GBK.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from .errors import InputFileError, os_reason

MAX_BYTES = 1_000_000
MAX_DOCX_BYTES = 20_000_000


def read_jd(path: str | Path) -> str:
    """The text of a JD file (.md, .txt, .docx) or of stdin ("-"). Raises InputFileError for anything else."""
    if str(path) == "-":
        return _decode(sys.stdin.buffer.read(MAX_BYTES + 1), "标准输入")
    p = Path(path)
    name = f"「{p}」"
    try:
        if not p.exists():
            raise InputFileError(f"找不到文件{name}，请检查路径；也可以用 - 从标准输入读取。")
        if p.is_dir():
            raise InputFileError(f"{name}是一个目录，请给出一个 .md、.txt 或 .docx 文件。")
        with p.open("rb") as handle:  # bounded: /dev/zero or a huge file must not fill memory
            head = handle.read(8)
            if p.suffix.lower() == ".docx" or head.startswith(b"PK\x03\x04"):
                return _read_docx(p, name)
            raw = head + handle.read(MAX_BYTES + 1 - len(head))
    except OSError as exc:
        raise InputFileError(f"无法读取{name}：{os_reason(exc)}。") from exc
    return _decode(raw, name)


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise InputFileError(
            f"{name}超过 {MAX_BYTES // 1_000_000} MB 上限；一份 JD 通常只有几 KB，请确认给的是 JD 文件。"
        )
    if raw.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise InputFileError(f"{name}是 PDF 或旧版 .doc 文件，不能直接检查；请另存为 .docx 或 .txt。")
    if b"\x00" in raw:
        raise InputFileError(f"{name}是二进制文件，不是文本；请给出 .md、.txt 或 .docx 文件。")
    for encoding in ("utf-8-sig", "gb18030"):  # JDs copied on Chinese Windows are often GBK
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
        if controls > max(2, len(text) // 100):
            break
        if not text.strip():
            raise InputFileError(f"{name}是空的，没有可检查的内容。")
        return text
    raise InputFileError(
        f"{name}不是可读的文本（既不是 UTF-8 也不是 GBK 编码）；请给出 .md、.txt 或 .docx 文件。"
    )


def _read_docx(path: Path, name: str) -> str:
    if path.stat().st_size > MAX_DOCX_BYTES:
        raise InputFileError(f"{name}超过 {MAX_DOCX_BYTES // 1_000_000} MB 上限，请确认给的是 JD 文件。")
    import docx  # only .docx input pays for python-docx
    from docx.table import Table

    from .office import open_office

    data = open_office(path, "文件", ".docx")  # zip bombs, entity declarations, /dev/zero behind a symlink
    try:
        document = docx.Document(data)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                seen: set[int] = set()
                for row in block.rows:
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # a merged cell shows up once per grid column
                            seen.add(id(cell._tc))
                            lines += cell.text.splitlines()
            else:
                lines.append(block.text)
    except Exception as exc:  # python-docx raises many kinds (zip, XML, KeyError) for a broken file
        raise InputFileError(
            f"{name}不是有效的 .docx 文件（{type(exc).__name__}），请用 Word 或 WPS 重新保存后再试。"
        ) from exc
    return _decode("\n".join(lines).encode("utf-8"), name)
