"""Safe YAML reading with clear Chinese errors, and key-path → line lookup for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputFileError, os_reason

try:  # libyaml is ~8x faster; the pure-Python SafeLoader is the fallback.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 5 * 1024 * 1024


def check_input_file(path: Path, what: str, max_bytes: int) -> int:
    """Raise one clear InputFileError for a missing, directory, unreadable or oversized input; else its size."""
    try:
        if not path.exists():
            raise InputFileError(f"找不到{what}「{path}」，请检查路径是否正确。")
        if path.is_dir():
            raise InputFileError(f"{what}「{path}」是一个目录，请给出文件路径。")
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(f"无法读取{what}「{path}」：{os_reason(exc)}。") from exc
    if size > max_bytes:
        raise InputFileError(f"{what}「{path}」太大（{size // 1024} KB），上限是 {max_bytes // 1024} KB。")
    return size


def read_text(path: Path, what: str, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file a user gave us, or raise one clear InputFileError."""
    check_input_file(path, what, max_bytes)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"无法读取{what}「{path}」：{os_reason(exc)}。") from exc
    if b"\x00" in raw:
        raise InputFileError(f"{what}「{path}」不是文本文件（含有二进制内容）。")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{what}「{path}」不是 UTF-8 编码，请另存为 UTF-8 后再试。") from exc


def parse_yaml(text: str, source: str, what: str) -> Any:
    """Parse YAML with a safe loader only: tags such as !!python/object are refused, never run."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or "格式错误"
        if "could not determine a constructor" in problem or "tag" in (problem or ""):
            reason = "含有不允许的 YAML 标签（出于安全考虑，只接受普通数据）"
        else:
            reason = f"YAML 语法错误（{problem}）"
        raise InputFileError(f"{what}「{where}」{reason}。") from exc
    except yaml.YAMLError as exc:
        raise InputFileError(f"{what}「{source}」无法解析：{exc}。") from exc


def read_yaml(path: Path, what: str) -> Any:
    return parse_yaml(read_text(path, what), str(path), what)


def locate(path: Path, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of a key path inside a YAML file, or None. Only called when reporting errors."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if getattr(k, "value", None) == str(key)), None)
            if found is None:
                break
            key_node = next(k for k, v in node.value if v is found)
            node, line = found, key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line
