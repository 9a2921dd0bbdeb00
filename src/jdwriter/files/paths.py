"""The one guard for every path a user gives us, in every command: each problem a file system can have with
a name becomes one Chinese sentence (a UserError, exit 2) before anything is read or written.

    guard_input(path, "JD 文件")          # exists, no loop, no dangling link, a name the system takes
    guard_output(path, force)             # absent or a regular file; its folder usable; never a FIFO or device
    guard_folder(path, "输出目录")         # absent (and its parent usable) or a folder

Checked: undecodable bytes in a name (a str with surrogates from a non-UTF-8 file name), a name part over
NAME_MAX or a path over PATH_MAX bytes, symlink loops, dangling symlinks, a file used as a folder, a missing
folder, and a target that is a FIFO, device, socket or directory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import InputFileError, OutputExistsError, UserError, os_reason

NAME_MAX = 255  # bytes of one name part (ext4, APFS, NTFS in UTF-16 units)
PATH_MAX = 4096  # bytes of a whole path (Linux)


def shown(path: Path | str, limit: int = 80) -> str:
    """A path as a message may quote it: undecodable bytes as \\x escapes, controls escaped, long names cut."""
    from ..safe_text import visible_line

    text = os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")
    text = visible_line(text)
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-(limit // 2) :]


def check_name(path: Path | str, what: str) -> None:
    """A name the file system and our messages can take: UTF-8 encodable, parts ≤ NAME_MAX, whole ≤ PATH_MAX."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(
            f"{what}「{shown(text)}」的名字里有无法识别的字节（不是 UTF-8 编码）；请把它改成只含普通文字的名字。"
        ) from None
    raw = os.fsencode(text)
    if len(raw) > PATH_MAX:
        raise UserError(
            f"{what}「{shown(text)}」太长（{len(raw)} 字节，上限 {PATH_MAX}）；请换一个短一些的路径。"
        )
    for part in Path(text).parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX:
            raise UserError(
                f"{what}「{shown(text)}」里有一段名字太长（{size} 字节，上限 {NAME_MAX}）；请换一个短一些的名字。"
            )


def stat_problem(path: Path, what: str, exc: OSError) -> UserError:
    """One sentence for an OSError from stat() on a user path."""
    name = f"{what}「{shown(path)}」"
    if exc.errno == errno.ELOOP:
        return UserError(f"{name}是一个循环的符号链接（链接最终指回自己）；请给出真实的文件路径。")
    if exc.errno == errno.ENOTDIR:
        return UserError(f"{name}的路径里有一段是文件而不是目录；请检查路径。")
    if exc.errno == errno.ENAMETOOLONG:
        return UserError(f"{name}的名字太长；请换一个短一些的名字。")
    if exc.errno == errno.ENOENT:
        if os.path.lexists(path):
            return UserError(f"{name}是一个符号链接，但它指向的文件不存在；请给出真实的文件路径。")
        return UserError(f"找不到{name}，请检查路径是否正确。")
    return UserError(f"无法使用{name}：{os_reason(exc)}。")


def guard_input(path: Path | str, what: str, *, missing_ok: bool = False) -> None:
    """An input path that exists and can be looked at ("-" is stdin and always passes). ``missing_ok``
    leaves a plain missing path to the caller, whose message may say more (how to make one)."""
    if str(path) == "-":
        return
    try:
        check_name(path, what)
        os.stat(path)
    except UserError as exc:
        raise InputFileError(exc.message) from None
    except OSError as exc:
        if missing_ok and exc.errno == errno.ENOENT and not os.path.lexists(path):
            return
        raise InputFileError(stat_problem(Path(path), what, exc).message) from None
    except ValueError:  # an embedded NUL
        raise InputFileError(f"{what}「{shown(path)}」的名字里有不能用的字符。") from None


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def guard_folder(path: Path, what: str, *, create_parents: bool = False, hint: str = "") -> None:
    """A folder we will write into (batch -o, fix -o with several inputs): a folder, or absent with a usable
    parent (unless ``create_parents``). ``hint`` ends the message for a missing parent."""
    check_name(path, what)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno != errno.ENOENT or os.path.lexists(path):
            raise stat_problem(path, what, exc) from None
        if not create_parents:
            _usable_folder(_folder_of(path), f"{what}的上级目录", hint)
        return
    if not stat.S_ISDIR(info.st_mode):
        raise UserError(f"{what}「{shown(path)}」是一个文件，这里需要一个目录（不存在时会自动创建）。")


def _usable_folder(folder: Path, what: str, hint: str = "") -> None:
    try:
        info = os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.lexists(folder):
            advice = hint or "请先创建它或换一个路径"
            raise UserError(f"{what}「{shown(folder)}」不存在，{advice}。") from None
        raise stat_problem(folder, what, exc) from None
    if not stat.S_ISDIR(info.st_mode):
        raise UserError(f"{what}「{shown(folder)}」不是目录（路径里有一段是文件）；请检查路径。")


_SYSTEM = ("/proc/", "/dev/", "/sys/")


def _special(path: Path) -> bool:
    """Whether ``path`` or a link on the way to its file lies in /proc, /dev or /sys: a /proc/self/fd link
    resolves to whatever stdout is at the time, so its target's type says nothing about the next run."""
    current = os.path.abspath(path)
    for _ in range(40):
        if current.startswith(_SYSTEM) and not current.startswith("/dev/shm/"):  # shm: ordinary files
            return True
        try:
            target = os.readlink(current)
        except OSError:
            return False
        current = os.path.abspath(os.path.join(os.path.dirname(current), target))
    return True


def guard_output(path: Path, force: bool, what: str = "输出文件") -> None:
    """An output file: its folder exists; the name is free, or (with ``force``) a regular file or a link to
    one. A FIFO, device, socket or directory is refused with or without --force: writing would replace it."""
    check_name(path, what)
    name = f"{what}「{shown(path)}」"
    _usable_folder(_folder_of(path), "输出目录")
    try:
        here = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise stat_problem(path, what, exc) from None
    mode = here.st_mode
    if _special(path):
        raise UserError(f"{name}指向 /proc 或 /dev 下的系统文件，不会写入它；请换一个普通文件名。")
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise stat_problem(path, what, exc) from None
            mode = stat.S_IFREG  # a dangling link: replacing the link itself harms nothing
    if stat.S_ISDIR(mode):
        raise UserError(f"{name}是一个目录，请在目录后面加上文件名（如 {shown(path / 'jd.md')}）。")
    if not stat.S_ISREG(mode):
        raise UserError(f"{name}不是普通文件（是管道、设备或套接字），不会写入它；请换一个文件名。")
    if not force:
        raise OutputExistsError(f"文件「{shown(path)}」已存在，未做改动；如需覆盖请加 --force。")
