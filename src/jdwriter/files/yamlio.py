"""Safe YAML reading with clear Chinese errors, and key-path → line lookup for error messages.

Only safe loaders are used (C libyaml when present), so tags such as !!python/object are refused, never run.
Anchors and aliases are allowed, but the expanded data is walked once with a budget, so a few hundred bytes
of nested aliases (a "billion laughs") are refused instead of exhausting memory later.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputFileError
from .reader import read_bytes
from .reader import read_text as read_user_text

if TYPE_CHECKING:
    from types import ModuleType

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 500_000  # scalars, lists and mappings after alias expansion; the built-in catalogue has ~12k
MAX_DEPTH = 60

_PROBLEMS = {
    "did not find expected ',' or ']'": "方括号列表没有闭合（缺少 ] 或逗号）",
    "did not find expected ',' or '}'": "花括号映射没有闭合（缺少 } 或逗号）",
    "did not find expected key": "缩进不一致，或者某一行少了「键: 值」里的冒号",
    "mapping values are not allowed here": "这里不能出现冒号（值里有冒号时请给整个值加引号）",
    "found character '\\t' that cannot start any token": "用了制表符缩进，YAML 只接受空格缩进",
    "could not find expected ':'": "少了「键: 值」里的冒号",
    "found unexpected end of stream": "文件在引号或括号闭合之前就结束了",
    "did not find expected '-' indicator": "列表项的缩进不一致",
    "found undefined alias": "引用了未定义的锚点（*名字）",
    "expected <document start>, but found '<block mapping start>'": "缩进不一致",
    "found duplicate anchor": "锚点（&名字）重复定义",
    "found unknown escape character": "双引号里有无效的转义字符（\\ 后面的字符不对）",
    "found unexpected ':'": "这里不能出现冒号（值里有冒号时请给整个值加引号）",
}


@lru_cache(maxsize=1)
def _yaml() -> tuple[ModuleType, type[Any]]:
    """PyYAML and its safe loader, imported on first use: a wheel reads its built-in data from the JSON
    copies, so `jdwriter new` never pays for importing PyYAML (~20 ms)."""
    import yaml

    try:  # libyaml is ~8x faster; the pure-Python SafeLoader is the fallback.
        return yaml, yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml, yaml.SafeLoader


def parse_yaml(text: str, source: str, what: str) -> Any:
    """Parse YAML with a safe loader; any syntax problem becomes one Chinese InputFileError with the line
    where the problem starts (an unclosed [ is reported where it opened, not at the end of the file)."""
    yaml, loader = _yaml()
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or ""
        if "constructor" in problem or "tag" in problem:
            raise InputFileError(
                f"{what}「{_where(source, exc.problem_mark)}」含有不允许的 YAML 标签（出于安全考虑，只接受普通数据）。"
            ) from None
        mark = exc.context_mark if problem.startswith("did not find expected ','") else exc.problem_mark
        mark = mark or exc.problem_mark or exc.context_mark
        reason = _PROBLEMS.get(problem, "格式不正确")
        raise InputFileError(f"{what}「{_where(source, mark)}」YAML 语法错误：{reason}。") from None
    except yaml.YAMLError:
        raise InputFileError(f"{what}「{source}」不是有效的 YAML，无法解析。") from None
    except RecursionError:
        raise InputFileError(f"{what}「{source}」嵌套层级太深，无法解析。") from None
    except ValueError:  # int() of a 5,000-digit number: Python refuses to convert it
        raise InputFileError(f"{what}「{source}」含有超长的数字，无法解析。") from None
    check_size(data, f"{what}「{source}」")
    return data


def check_size(data: Any, name: str) -> None:
    """Refuse parsed data that expands past MAX_NODES nodes or MAX_DEPTH levels once aliases are counted
    as often as they repeat. An alias is one shared object, so each object's expanded size and depth are
    worked out once (bottom-up, by identity): a billion-node alias bomb costs as little as it is long, and
    an alias that contains itself is refused as endless."""
    too_big = f"{name}展开后的内容过大（可能含有层层嵌套的锚点引用），已拒绝读取。"
    measured: dict[
        int, tuple[int, int]
    ] = {}  # id → (nodes, depth below it); every object stays alive in data
    open_: set[int] = set()  # started, not finished: meeting one again means a cycle
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, finished = stack.pop()
        key = id(value)
        children = _children(value)
        if finished:
            open_.discard(key)
            nodes, depth = 1, 0
            for child in children:
                below = measured.get(id(child), (1, 0)) if isinstance(child, (dict, list)) else (1, 0)
                nodes += below[0]
                depth = max(depth, below[1] + 1)
            if nodes > MAX_NODES:
                raise InputFileError(too_big)
            if depth > MAX_DEPTH:
                raise InputFileError(f"{name}嵌套层级太深（超过 {MAX_DEPTH} 层），已拒绝读取。")
            measured[key] = (nodes, depth)
        elif isinstance(value, (dict, list)) and key not in measured:
            if key in open_:
                raise InputFileError(too_big)  # an alias inside itself: endless
            open_.add(key)
            stack.append((value, True))
            stack.extend((child, False) for child in children if isinstance(child, (dict, list)))


def _children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value.values(), *(k for k in value if not isinstance(k, str))]
    return value if isinstance(value, list) else []


def _where(source: str, mark: Any) -> str:
    return f"{source}:{mark.line + 1}:{mark.column + 1}" if mark is not None else source


def read_yaml(path: Path, what: str) -> Any:
    return parse_yaml(read_user_text(path, what, MAX_BYTES), str(path), what)


def read_data(path: Path, what: str) -> Any:
    """A YAML data file. A wheel ships NAME.json beside each built-in NAME.yaml (hatch_build.py), used only
    when its recorded checksum matches the YAML: parsing JSON costs ~1 ms, YAML ~20 ms. The YAML stays the
    source of truth, and a stale or broken copy is ignored, never fatal."""
    shipped = read_shipped(path, what)
    return read_yaml(path, what) if shipped is None else shipped


def checksum(raw: bytes) -> str:
    """Size and CRC-32 of a built-in file's bytes, as the wheel's copy records them (hatch_build.py)."""
    import zlib

    return f"{len(raw)}:{zlib.crc32(raw):08x}"


def read_shipped(path: Path, what: str) -> Any:
    """The data of the copy a wheel ships beside a built-in YAML file (hatch_build.py: validated at build time
    and dumped by its model), when its size and CRC-32 match the YAML; None otherwise (a source checkout, a stale
    or broken copy). It is the one input the catalogue may construct its models from without validating again.
    The check finds a copy left behind by an edit, not a forgery (whoever can write the copy can write the code
    beside it), so CRC-32 is enough, and it is several times cheaper than SHA-256 on the ~1 MB of data."""
    cache = path.with_suffix(".json")
    if cache.is_file():
        try:  # both reads bounded and regular-files-only, like every user file
            blob = json.loads(read_bytes(cache, what, 4 * MAX_BYTES))
            if (
                blob.get("checksum") == checksum(read_bytes(path, what, MAX_BYTES))
                and blob.get("validated") is True
            ):
                return blob["data"]
        except (InputFileError, ValueError, AttributeError, RecursionError):
            pass
    return None


class Locator:
    """Key path → 1-based line in one YAML file. The file is composed once (C loader), however many
    problems are then located in it."""

    def __init__(self, path: Path) -> None:
        try:
            info = path.stat()
            self.root = _compose(path, info.st_mtime_ns, info.st_size)
        except OSError:
            self.root = None

    def line(self, loc: tuple[Any, ...]) -> int | None:
        node = self.root
        if node is None:
            return None
        yaml = _yaml()[0]
        line: int | None = node.start_mark.line + 1
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(key)), None)
                if pair is None:
                    break
                node, line = pair[1], pair[0].start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line


@lru_cache(maxsize=16)
def _compose(path: Path, mtime: int, size: int) -> Any:  # mtime and size: a changed file is composed again
    yaml, loader = _yaml()
    try:
        return yaml.compose(read_user_text(path, "目录文件", MAX_BYTES), Loader=loader)
    except (InputFileError, yaml.YAMLError, RecursionError):
        return None


def locate(path: Path, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of a key path inside a YAML file, or None. Only called when reporting errors."""
    return Locator(path).line(loc)
