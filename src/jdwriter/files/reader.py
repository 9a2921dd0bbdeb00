"""The one reader for every file a user gives us: company files, catalogue extensions, batch sheets, JDs to
check and templates.

Every read is bounded: the file is opened, fstat-ed (regular files only: /dev/zero, a FIFO or a directory is
refused) and read up to its limit plus one byte, so a lying size or a device can never fill memory. Text is
decoded in one order: a BOM decides (UTF-8, UTF-16), otherwise UTF-8 and then GB18030 (a superset of GBK,
which is what Excel and Notepad write on Chinese Windows).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from ..errors import InputFileError, UserError, os_reason

MB = 1024 * 1024


def read_bytes(path: Path, what: str, limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit``; one clear InputFileError for anything else."""
    from .paths import check_name, shown, stat_problem

    name = f"{what}「{shown(path)}」"
    try:
        check_name(path, what)
    except UserError as exc:
        raise InputFileError(exc.message) from None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise InputFileError(f"{name}是一个目录，请给出文件路径。") from None
    except (FileNotFoundError, NotADirectoryError, OSError) as exc:
        if exc.errno in (errno.ENOENT, errno.ELOOP, errno.ENOTDIR, errno.ENAMETOOLONG):
            raise InputFileError(stat_problem(path, what, exc).message) from None
        raise InputFileError(f"无法读取{name}：{os_reason(exc)}。") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(f"{name}是一个目录，请给出文件路径。")
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{name}不是普通文件（可能是设备或管道），请给出一个文件。")
        if info.st_size > limit:
            raise InputFileError(f"{name}太大（{_size(info.st_size)}），上限是 {_size(limit)}。")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputFileError(f"无法读取{name}：{os_reason(exc)}。") from exc
    finally:
        os.close(fd)
    if total > limit:
        raise InputFileError(f"{name}太大，上限是 {_size(limit)}。")
    return b"".join(chunks)


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Text from bytes: a given encoding, else BOM (UTF-8, UTF-16), else UTF-8, else GB18030."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UserError(
                f"不认识的编码「{encoding[:30]}」，常用的有 utf-8、utf-8-sig、gbk、gb18030。"
            ) from None
        try:
            return raw.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputFileError(
                f"{name}不是 {encoding} 编码，请换一个编码或去掉它让程序自动识别。"
            ) from None
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]  # Windows Notepad's "Unicode", Excel's "Unicode 文本"
    elif b"\x00" in raw:
        raise InputFileError(f"{name}不是文本文件（含有二进制内容）。")
    else:
        candidates = ["utf-8", "gb18030"]
    for candidate in candidates:
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        if _binary(text):
            raise InputFileError(f"{name}不是文本文件（含有二进制内容）。")
        return text
    raise InputFileError(f"{name}不是可读的文本（无法识别编码）；请另存为 UTF-8 后再试。")


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc, without \t \n \v \f \r


def _binary(text: str) -> bool:
    """NUL anywhere, or more control characters than a text file would hold (1 in 100)."""
    limit = max(2, len(text) // 100)
    if "\x00" in text:
        return True
    controls = 0
    for _ in _CONTROL.finditer(text):
        controls += 1
        if controls > limit:
            return True
    return False


def read_text(path: Path, what: str, limit: int = 5 * MB, encoding: str | None = None) -> str:
    """A text file a user gave us, bounded and decoded."""
    return decode(read_bytes(path, what, limit), f"{what}「{path}」", encoding)


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{max(1, n // 1024)} KB"
