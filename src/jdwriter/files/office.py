"""The guard in front of openpyxl and python-docx: an Office file is a zip of XML parts, and neither library
bounds what it inflates or parses.

:func:`open_office` reads the file through the one guarded reader (regular files only, bounded), then,
before any library sees it:

- checks the zip directory: number of entries, each part's and the total uncompressed size, and the
  compression ratio of large parts;
- inflates every part once, counting bytes as they come (a directory can lie about sizes), and refuses any
  XML part with a DOCTYPE or ENTITY declaration (real Office files never have one; entity expansion is how a
  13 KB file becomes gigabytes) or in an encoding other than UTF-8, where such a declaration could hide;
- turns every zip and XML error into one Chinese InputFileError.

The caller gets the checked bytes in memory, so the libraries parse exactly what was checked.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from ..errors import InputFileError
from ..safe_text import visible_line
from .reader import MB, read_bytes

MAX_FILE = 20 * MB  # the file itself, compressed
MAX_ENTRIES = 1000
MAX_PART = 32 * MB  # one part, inflated; a 10,000-row sheet of short cells is a few MB
MAX_TOTAL = 100 * MB  # every part, inflated
MAX_RATIO = 100  # inflated / compressed, for parts over RATIO_FLOOR; ordinary XML stays well under 30
RATIO_FLOOR = 1 * MB
CHUNK = 1 * MB

_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_FOREIGN = (b"\xff\xfe", b"\xfe\xff", b"\x00<", b"<\x00", b"\x4c\x6f\xa7\x94", b"\x00\x00\xfe\xff")
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def open_office(path: Path, what: str, kind: str) -> io.BytesIO:
    """The checked bytes of an .xlsx or .docx file, ready for openpyxl or python-docx.

    ``what`` names the file in messages (输入文件, 文件); ``kind`` is the format people know (.xlsx, .docx).
    Raises InputFileError for anything that is not a small, ordinary Office file."""
    raw = read_bytes(path, what, MAX_FILE)
    check_zip(raw, f"{what}「{path}」", kind)
    return io.BytesIO(raw)


def check_zip(raw: bytes, name: str, kind: str) -> None:
    """Refuse a zip whose directory or contents are out of bounds; see the module docstring."""
    redo = (
        f"请用 Excel 或 WPS 重新另存为 {kind} 后再试"
        if kind == ".xlsx"
        else "请用 Word 或 WPS 重新保存后再试"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            _check_directory(infos, name, redo)
            total = 0
            for info in infos:
                total += _check_part(archive, info, name, redo)
                if total > MAX_TOTAL:
                    raise InputFileError(
                        f"{name}解压后超过 {MAX_TOTAL // MB} MB，不像是普通的 {kind} 文件，已拒绝读取。"
                    )
    except InputFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputFileError(f"{name}不是有效的 {kind} 文件（压缩数据已损坏），{redo}。") from exc
    except NotImplementedError as exc:
        raise InputFileError(f"{name}使用了不支持的压缩方式，{redo}。") from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise InputFileError(f"{name}已加密或受密码保护，请先在 Office 里取消密码后再试。") from exc
    except (OSError, MemoryError) as exc:
        raise InputFileError(f"{name}无法读取（{type(exc).__name__}），{redo}。") from exc


def _check_directory(infos: list[zipfile.ZipInfo], name: str, redo: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise InputFileError(f"{name}里有 {len(infos)} 个部件，超过 {MAX_ENTRIES} 个的上限，已拒绝读取。")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputFileError(f"{name}已加密或受密码保护，请先在 Office 里取消密码后再试。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputFileError(f"{name}使用了不支持的压缩方式，{redo}。")
        if info.file_size > MAX_PART:
            raise InputFileError(
                f"{name}里的部件「{_part(info)}」解压后有 {info.file_size // MB} MB，"
                f"超过 {MAX_PART // MB} MB 的上限，已拒绝读取（可能是压缩炸弹）。"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputFileError(
                f"{name}里的部件「{_part(info)}」压缩比异常（超过 {MAX_RATIO} 倍），已拒绝读取（可能是压缩炸弹）。"
            )
        total += info.file_size
    if total > MAX_TOTAL:
        raise InputFileError(f"{name}解压后超过 {MAX_TOTAL // MB} MB，已拒绝读取（可能是压缩炸弹）。")


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, redo: str) -> int:
    """Inflate one part in chunks, counting; scan XML for declarations. Returns the bytes inflated."""
    count = 0
    tail = b""
    xml: bool | None = None
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            count += len(chunk)
            if count > min(MAX_PART, info.file_size):
                raise InputFileError(
                    f"{name}里的部件「{_part(info)}」解压后比目录里写的大，已拒绝读取（文件可能被篡改）。"
                )
            if xml is None:
                xml = _is_xml(chunk, info, name)
            if xml is not False:
                window = tail + chunk
                if any(d in window for d in _DECLARATIONS):
                    raise InputFileError(
                        f"{name}里的部件「{_part(info)}」含有 DOCTYPE 或 ENTITY 声明，正常的 Office 文件不会有，"
                        "出于安全考虑已拒绝读取。"
                    )
                tail = window[-16:]
    return count


def _is_xml(head: bytes, info: zipfile.ZipInfo, name: str) -> bool | None:
    """Whether a part is XML we must scan (None: only whitespace so far). XML in another encoding (UTF-16,
    EBCDIC) is refused, since a declaration in it would not show up as bytes; Office writes UTF-8 only."""
    if head.startswith(_FOREIGN):
        raise InputFileError(
            f"{name}里的部件「{_part(info)}」不是 UTF-8 编码的 XML，正常的 Office 文件不会这样，已拒绝读取。"
        )
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        return None
    if not text.startswith(b"<"):
        return False  # images and other binary parts
    declared = _ENCODING.match(text)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise InputFileError(
            f"{name}里的部件「{_part(info)}」不是 UTF-8 编码的 XML，正常的 Office 文件不会这样，已拒绝读取。"
        )
    return True


def _part(info: zipfile.ZipInfo) -> str:
    return visible_line(info.filename[:80])
