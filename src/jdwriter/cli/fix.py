"""`jdwriter fix`: command-line wrapper (thin; the logic lives in the fix package).

Output: the fixed text to stdout, or to -o (a .docx needs -o; several inputs make -o a directory in which each
file keeps its name). The change report goes to stderr. With --format json the report is data on stdout; when
no -o is given, each file's entry also carries the fixed text under "text" (nothing else is printed). Every
target is checked before anything is read or written, the inputs are all read and fixed before the first
write, and an input is never overwritten, even with --force.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import examples, handled, say

if TYPE_CHECKING:
    from ..fix.engine import Fixed

FORMATS = ("text", "json")

EXAMPLES = examples(
    ("修改一份 JD，写到新文件（原文件不动）", "jdwriter fix old.md -o new.md"),
    ("Word 文件必须用 -o 指定新文件", "jdwriter fix old.docx -o new.docx"),
    ("只看会改什么，不写任何文件", "jdwriter fix old.md --dry-run"),
    ("以 diff 形式查看改动（不写文件）", "jdwriter fix old.md --diff"),
    ("多个文件：-o 是目录，文件名不变", "jdwriter fix *.md *.docx -o 修改后"),
)


@handled
def fix(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="文件…",
            help="要修改的 JD：.md、.txt、.html 或 .docx；写 - 或用管道输入则从标准输入读取。",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="写到这个文件；有多个输入时是目录（不存在会创建），文件名不变。"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="覆盖已存在的输出文件（输入文件永远不会被覆盖）。")
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="报告格式：text（写在标准错误上）或 json（写在标准输出上；没有 -o 时含修改后的全文）。",
        ),
    ] = "text",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示会做哪些修改，不写任何文件。")] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="把改动以统一 diff 格式（---、+++、@@）输出到标准输出，不写任何文件；Word 文件比较段落文字。",
        ),
    ] = False,
) -> None:
    """删去或改写 JD 里违法、违规的招聘要求，其余内容一字不动。还有需要人工处理的内容时退出码为 1。"""
    from ..check.input import is_docx
    from ..errors import UserError
    from ..fix.files import fix_path

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise UserError(f"报告格式只能是 text 或 json，收到的是「{fmt[:20]}」。")
    if not files:
        if _stdin_is_terminal():
            raise UserError(
                "缺少要修改的文件：例如 jdwriter fix old.md -o new.md；也可以用 - 从标准输入读取。"
            )
        files = ["-"]
    if diff and (output is not None or fmt == "json"):
        raise UserError("--diff 只在屏幕上显示改动、不写文件，不能和 -o 或 --format json 一起用。")
    dry_run = dry_run or diff
    _guard_paths(files, output, force, dry_run)
    targets = _targets(files, output, dry_run)
    for name, target in zip(files, targets, strict=True):
        if target is None and is_docx(name) and not dry_run:
            raise UserError(f"「{name}」是 Word 文件，修改结果必须写到文件：请加 -o，例如 -o new.docx。")
    results = [fix_path(name) for name in files]  # every input read and fixed before the first write
    if fmt == "json":
        entries = []
        for result, target in zip(results, targets, strict=True):
            entry = result.to_dict(with_text=target is None and not dry_run)
            entry["target"] = None if target is None or dry_run else str(target)
            entries.append(entry)
        data = {"files": entries, "clean": all(not r.remaining for r in results)}
        import json

        sys.stdout.write(_visible(json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    else:
        for result in results:
            _report(result)
    if diff:
        from ..fix.diff import unified

        sys.stdout.write("".join(_visible(unified(r)) for r in results))
        say("（--diff：没有写入任何文件。）")
    elif not dry_run:
        _write(results, targets, force, fmt)
    elif fmt == "text":
        say("（--dry-run：没有写入任何文件。）")
    if any(r.remaining for r in results):
        raise typer.Exit(1)


def _guard_paths(files: list[str], output: Path | None, force: bool, dry_run: bool) -> None:
    """Every path through the one guard (files.paths) before anything is read or written."""
    from ..files.paths import guard_folder, guard_input, guard_output

    for name in files:
        guard_input(name, "文件")
    if output is not None and not dry_run:
        if len(files) > 1:
            guard_folder(output, "输出目录")
        else:
            guard_output(output, force=True)  # an existing file is refused later, after the same-file check


def _targets(files: list[str], output: Path | None, dry_run: bool) -> list[Path | None]:
    """Where each input goes, refused before any work: a missing -o with several inputs, an output that is
    an input, two inputs with one name."""
    from ..errors import UserError

    if len(files) == 1:
        targets: list[Path | None] = [output]
    elif output is None:
        if not dry_run:
            raise UserError("有多个输入文件时，请用 -o 指定输出目录，例如 -o 修改后。")
        targets = [None] * len(files)
    else:
        if "-" in files:
            raise UserError("有多个输入时不能用 - 读取标准输入，请给出文件。")
        if output.exists() and not output.is_dir():
            raise UserError(f"有多个输入时 -o 是目录，但「{output}」是一个文件。")
        targets = [output / Path(name).name for name in files]
        names = [t.name for t in targets if t]
        twice = next((n for n in names if names.count(n) > 1), None)
        if twice:
            raise UserError(f"有两个输入文件都叫「{twice}」，写到同一个目录会互相覆盖；请分开运行。")
    for name, target in zip(files, targets, strict=True):
        if target is not None and name != "-" and _same(Path(name), target):
            raise UserError(f"不会修改输入文件「{name}」：请用 -o 指定另一个文件。")
    return targets


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.exists() and a.samefile(b))
    except OSError:
        return False


def _write(results: "list[Fixed]", targets: list[Path | None], force: bool, fmt: str) -> None:
    from ..files.writer import atomic_write, check_target

    for target in targets:  # refuse before writing anything
        if target is not None and target.parent.is_dir():
            check_target(target, force)
    for result, target in zip(results, targets, strict=True):
        if target is None:
            if fmt == "text":
                _stdout(result.data)
            continue
        if len(targets) > 1:
            target.parent.mkdir(exist_ok=True)  # -o names a directory of our own, as batch -o does
        atomic_write(target, result.data, force=force)
        if fmt == "text":
            say(f"已写入 {target}")


def _stdout(data: bytes) -> None:
    """The fixed file as it is (BOM, encoding, line endings); on a terminal, control characters are shown."""
    if sys.stdout.isatty():
        sys.stdout.write(_visible(data.decode("utf-8", errors="replace")))
    else:
        sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _visible(text: str) -> str:
    from ..safe_text import visible

    return visible(text)


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is None or sys.stdin.isatty()
    except (AttributeError, ValueError):
        return True


def _report(result: "Fixed") -> None:
    """One entry per changed line: where, what (labels once), before → after, each legal basis once; then one
    entry per line left for a person, with the reason in plain words; then a summary that counts lines."""
    from ..check.cap import PER_DOCUMENT
    from ..check.rules import rules
    from ..safe_text import visible_line

    table = rules()
    source = visible_line(result.source)
    for change in result.changes[:PER_DOCUMENT]:
        where = f"第 {change.line} {change.unit}"
        rule_ids = list(dict.fromkeys(change.rules))
        if not rule_ids:
            say(f"{source} {where} 重新编号")
        else:
            titles = "、".join(dict.fromkeys(table[r].title for r in rule_ids))
            action = "已删除" if change.after is None else "已修改"
            say(f"{source} {where} {action} {titles} ({', '.join(rule_ids)})")
        say(f"    - {visible_line(change.before.strip())}")
        if change.after is not None:
            say(f"    + {visible_line(change.after.strip())}")
        for basis in dict.fromkeys(table[r].basis for r in rule_ids if table[r].basis):
            say(f"  依据：{basis}")
        say("")
    if len(result.changes) > PER_DOCUMENT:  # a hostile file must not become hours of terminal output
        say(
            f"{source} 另有 {len(result.changes) - PER_DOCUMENT} 行的修改未逐条列出（--format json 列出全部）。"
        )
        say("")
    left: dict[int, list[Any]] = {}
    for finding in result.remaining:
        left.setdefault(finding.line, []).append(finding)
    for line, findings in list(left.items())[:PER_DOCUMENT]:
        unit = findings[0].unit
        rule_ids = list(dict.fromkeys(f.rule for f in findings))
        titles = "、".join(dict.fromkeys(table[r].title for r in rule_ids))
        say(f"{source} 第 {line} {unit} 需要人工处理 {titles} ({', '.join(rule_ids)})", style="yellow")
        quoted = "、".join(dict.fromkeys(f"「{visible_line(f.excerpt)}」" for f in findings))
        say(f"    {quoted}已原样保留：{result.reason(line).text}。")
        for suggestion in dict.fromkeys(f.suggestion for f in findings):
            say(f"    建议：{visible_line(suggestion)}")
        for basis in dict.fromkeys(table[r].basis for r in rule_ids if table[r].basis):
            say(f"  依据：{basis}")
        say("")
    if len(left) > PER_DOCUMENT:
        say(
            f"{source} 另有 {len(left) - PER_DOCUMENT} 行需要人工处理，未逐条列出（--format json 列出全部）。"
        )
        say("")
    message, style = _summary(result, source, len(left))
    say(message, style=style)


def _summary(result: "Fixed", source: str, left: int) -> tuple[str, str | None]:
    """The last line: lines changed, removed and only renumbered, and lines left for a person."""
    changed = len(result.changes)
    removed = sum(1 for c in result.changes if c.after is None)
    renumbered = sum(1 for c in result.changes if not c.rules)
    parts = [f"删除 {removed} {result.unit}"] if removed else []
    parts += [f"只改编号 {renumbered} {result.unit}"] if renumbered else []
    detail = f"（其中{'、'.join(parts)}）" if parts else ""
    if not result.changes and not left:
        return f"{source}：没有需要修改的违法或违规内容，原样输出。", None
    if left and not changed:
        return f"{source}：没有能自动修改的内容；还有 {left} {result.unit}需要人工处理。", "yellow"
    if left:
        return (
            f"{source}：修改 {changed} {result.unit}{detail}；还有 {left} {result.unit}需要人工处理。",
            "yellow",
        )
    return f"{source}：修改 {changed} {result.unit}{detail}，已没有违法或违规内容。", "green"
