"""Reading a JD for `jdwriter check`: .md, .txt, .html, .docx or stdin, with one clear error for anything else.

Files go through the one guarded reader (jdwriter.files.reader): bounded reads, and text decoded by BOM (UTF-8,
UTF-16 — Windows Notepad's "Unicode"), then UTF-8, then GB18030. Limits: text (.md, .txt, .html, stdin) up
to ``MAX_BYTES`` = 1 MB; a .docx file up to ``MAX_DOCX_BYTES`` = 20 MB (it may carry images), whose text must
again fit in 1 MB. A .docx is read as paragraphs (reported as 第 N 段); HTML with a real parser.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputFileError
from .layout import Layout, from_auto, from_docx

MAX_BYTES = 1_000_000
MAX_DOCX_BYTES = 20_000_000
_WHAT = "JD 文件"


def read_jd(path: str | Path) -> str:
    """The text of a JD file (.md, .txt, .html, .docx) or of stdin ("-"); for a .docx, its paragraphs joined
    by newlines. Raises InputFileError for anything else."""
    return read_layout(path).text if _is_docx(path) else _read_text(path)


def read_layout(path: str | Path) -> Layout:
    """A JD file or stdin ("-") as blocks with positions: lines, HTML blocks, or .docx paragraphs."""
    from ..files.paths import guard_input

    guard_input(path, "文件")
    if _is_docx(path):
        return _read_docx(Path(path))
    return from_auto(_read_text(path))


def is_docx(path: str | Path) -> bool:
    """Whether ``path`` is a .docx (by name, or by the zip signature of a regular file)."""
    return _is_docx(path)


def _is_docx(path: str | Path) -> bool:
    if str(path) == "-":
        return False
    p = Path(path)
    if p.suffix.lower() == ".docx":
        return True
    try:
        if not p.is_file():
            return False  # a device or FIFO is never opened here: the guarded reader refuses it
        with p.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # the guarded reader reports it


def _read_text(path: str | Path) -> str:
    return read_raw(path)[1]


def read_raw(path: str | Path) -> tuple[bytes, str]:
    """The bytes of a text JD (a file or stdin, "-") and its text (BOM removed). `jdwriter fix` keeps the
    bytes, so a JD it does not change goes back byte for byte."""
    from ..files.reader import read_bytes

    if str(path) == "-":
        raw, name = sys.stdin.buffer.read(MAX_BYTES + 1), "标准输入"
    else:
        from ..files.paths import guard_input, shown

        p = Path(path)
        guard_input(p, "文件")
        name = f"「{shown(p)}」"
        if p.is_dir():
            raise InputFileError(f"{name}是一个目录，请给出一个 .md、.txt、.html 或 .docx 文件。")
        if not p.exists():
            raise InputFileError(f"找不到文件{name}，请检查路径；也可以用 - 从标准输入读取。")
        raw = read_bytes(p, _WHAT, MAX_BYTES + 1)
    return raw, _decode(raw, name)


def _decode(raw: bytes, name: str) -> str:
    from ..files.reader import decode

    if len(raw) > MAX_BYTES:
        raise InputFileError(
            f"{name}超过 {MAX_BYTES // 1_000_000} MB 上限；一份 JD 通常只有几 KB，请确认给的是 JD 文件。"
        )
    if raw.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise InputFileError(f"{name}是 PDF 或旧版 .doc 文件，不能直接检查；请另存为 .docx 或 .txt。")
    try:
        text = decode(raw, name)
    except InputFileError as exc:
        if "二进制" in exc.message:
            raise InputFileError(f"{name}是二进制文件，不是文本；请给出 .md、.txt 或 .docx 文件。") from None
        raise InputFileError(
            f"{name}不是可读的文本（既不是 UTF-8 也不是 GBK 编码）；请给出 .md、.txt 或 .docx 文件。"
        ) from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputFileError(f"{name}是空的，没有可检查的内容。")
    return text


def _read_docx(path: Path) -> Layout:
    from ..files.reader import read_bytes

    name = f"「{path}」"
    read_bytes(path, _WHAT, MAX_DOCX_BYTES)  # exists, regular, within the limit: one clear error otherwise
    try:
        layout = from_docx(path)
    except InputFileError:
        raise  # the office guard's own message (a bomb, an entity declaration) says more than ours
    except Exception as exc:  # python-docx raises many kinds (zip, XML, KeyError) for a broken file
        raise InputFileError(
            f"{name}不是有效的 .docx 文件（{type(exc).__name__}），请用 Word 或 WPS 重新保存后再试。"
        ) from exc
    if len(layout.text) > MAX_BYTES:
        raise InputFileError(f"{name}的文字超过 {MAX_BYTES // 1_000_000} MB 上限，请确认给的是 JD 文件。")
    if not layout.text.strip():
        raise InputFileError(f"{name}是空的，没有可检查的内容。")
    return layout
