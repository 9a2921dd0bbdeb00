"""The single exception tree of jdwriter.

Every error meant for a person carries one Chinese sentence (``message``) and the exit code the CLI uses.
The CLI catches :class:`JdwriterError` in one place; anything else is a real bug.
"""

from __future__ import annotations


class JdwriterError(Exception):
    """Base of every error jdwriter raises on purpose. ``exit_code`` 1 means a failure."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UserError(JdwriterError):
    """Bad input that the user can correct: exit 2."""

    exit_code = 2


class UnknownNameError(UserError):
    """A role, level, duty, industry, format or template name that is not in the catalogue."""

    def __init__(self, kind: str, value: str, suggestions: list[str], hint: str = "") -> None:
        self.kind = kind
        self.value = value
        self.suggestions = suggestions
        shown = value if len(value) <= 40 else value[:40] + "…"
        message = f"未知的{kind}「{shown}」"
        if suggestions:
            message += "，你是不是想用：" + "、".join(suggestions[:8])
        if hint:
            message += f"（{hint}）"
        super().__init__(message + "。")


MAX_PROBLEMS = 50


MAX_PROBLEMS = 50


class CatalogError(UserError):
    """The catalogue (built-in or user-supplied) is invalid. ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0]
        if len(problems) > 1:
            shown = "\n".join(f"  - {p}" for p in problems[:MAX_PROBLEMS])
            head = f"目录文件有 {len(problems)} 处问题：\n{shown}"
            if len(problems) > MAX_PROBLEMS:
                head += f"\n  …还有 {len(problems) - MAX_PROBLEMS} 处，请先修改上面这些。"
        super().__init__(head)


class InputFileError(UserError):
    """An input file is missing, unreadable, empty, binary or malformed."""


class OutputExistsError(UserError):
    """A target file exists and --force was not given."""


class WriteError(JdwriterError):
    """Writing an output file failed (permissions, disk full, a directory in the way)."""


class TemplateError(UserError):
    """A template is broken, refers to an undefined value, or tried to reach Python internals."""


_OS_REASONS = {
    "ENOENT": "路径不存在",
    "EACCES": "没有权限",
    "EPERM": "没有权限",
    "ENOSPC": "磁盘空间不足",
    "EROFS": "所在位置是只读的",
    "EISDIR": "这是一个目录",
    "ENOTDIR": "路径中有一段不是目录",
    "ENAMETOOLONG": "文件名太长",
    "EDQUOT": "磁盘配额已满",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an OSError, for messages people read."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name, exc.strerror or str(exc))
