"""`jdwriter check`: command-line wrapper (kept thin; the logic lives in check.py).

Imported at start-up by cli.py, so nothing heavy at module level: check.py, jieba and Rich load only when
the command runs.
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from .common import examples, handled, say

if TYPE_CHECKING:
    from rich.console import Console

    from ..check.engine import Finding, Report

LABELS = {"error": ("错误", "red"), "warning": ("警告", "yellow"), "info": ("提示", "cyan")}
WINDOW = 24  # terminal cells of context on each side of an excerpt; the whole line stays within 80


FORMATS = ("text", "json")

EXAMPLES = examples(
    ("检查一份 JD（.md、.txt 或 .docx）", "jdwriter check 用户运营经理.docx"),
    ("检查剪贴板里的文字：粘贴后按 Ctrl-D", "jdwriter check -"),
    ("给 CI 用：有警告也算不通过，输出 JSON", "jdwriter check jd.md --strict -f json"),
)


@handled
def check(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="文件",
            help="要检查的 JD：.md、.txt、.html 或 .docx 文件；写 - 或用管道输入则从标准输入读取。",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="报告格式：text（给人看）或 json（给脚本和 CI）。")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="有警告也算不通过（退出码 1），适合 CI。")] = False,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="列出全部检查规则后退出，不需要文件。")
    ] = False,
    posting: Annotated[
        bool,
        typer.Option(
            "--posting",
            help="按完整招聘信息检查：单位基本情况、招聘人数、招聘条件、工作内容、工作地点、基本劳动报酬是否写全。",
        ),
    ] = False,
) -> None:
    """检查任何 JD 的违法歧视性要求与质量问题。有违法内容（或 --strict 下有警告）时退出码为 1。"""
    from ..errors import UserError

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise UserError(f"报告格式只能是 text 或 json，收到的是「{fmt[:20]}」。")
    if list_rules:
        _print_rules(fmt)
        return
    import json

    from ..check.cap import PER_DOCUMENT, PER_RULE, capped
    from ..check.engine import Report, check_layout
    from ..check.input import read_layout
    from ..safe_text import visible, visible_line

    if file is None:
        if _stdin_is_terminal():
            raise UserError("缺少要检查的文件：例如 jdwriter check jd.md；也可以用 - 或管道从标准输入读取。")
        file = "-"  # cat jd.md | jdwriter check
    if file == "-" and _stdin_is_terminal():
        say("正在从标准输入读取 JD，粘贴完成后按 Ctrl-D（Windows 上按 Ctrl-Z 回车）。")
    report = check_layout(read_layout(file), strict=strict, posting=posting)
    shown, hidden = capped(report.findings)
    if fmt == "json":
        data = Report(shown, report.stats, report.strict).to_dict()
        data["cap"] = {"per_rule": PER_RULE, "per_document": PER_DOCUMENT, "not_shown": hidden}
        sys.stdout.write(visible(json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    else:
        _print_report(report, visible_line("标准输入" if file == "-" else file), shown, hidden)
    if report.failed:
        raise typer.Exit(1)


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is None or sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return True


def _console() -> "Console":
    """On a terminal, Rich wraps (with hanging indents, see _print_report); piped, nothing is hard-wrapped."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def _print_rules(fmt: str) -> None:
    import json

    from ..check.engine import list_rules

    rules = list_rules()
    if fmt == "json":
        sys.stdout.write(json.dumps(rules, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"检查规则（{len(rules)}）", show_lines=True)
    for header in ("id", "类别", "级别", "名称", "依据"):
        table.add_column(header, overflow="fold")
    for rule in rules:
        label, style = LABELS[rule["severity"]]
        table.add_row(
            rule["id"], rule["category"], f"[{style}]{label}[/]", rule["title"], rule["basis"] or "质量建议"
        )
    _console().print(table)


def _print_report(report: "Report", source: str, shown: "list[Finding]", hidden: dict[str, int]) -> None:
    """Each finding shown (at most PER_RULE a rule, PER_DOCUMENT in all; check.cap): where, how serious, the
    line with the excerpt marked, why, a better wording, the law; then 另有 N 处同类问题 per rule held back."""
    from rich.markup import escape
    from rich.padding import Padding

    from ..check.rules import rules
    from ..safe_text import visible

    titles = {r.id: r.title for r in rules().values()}
    console = _console()
    stats = report.stats

    def block(markup: str, indent: int = 2) -> None:
        # on a terminal a long message wraps under its own first character (a hanging indent)
        console.print(Padding(markup, (0, 0, 0, indent)) if console.is_terminal else " " * indent + markup)

    for finding in shown:
        label, style = LABELS[finding.severity]
        where = "全文" if finding.scope == "document" else f"第 {finding.line} {finding.unit}"
        title = titles.get(finding.rule, finding.rule)
        console.print(
            f"[bold]{escape(source)}[/] {where} [bold {style}]{label}[/] {title} [dim]({finding.rule})[/]"
        )
        if finding.scope != "document":
            _print_excerpt(console, finding, style)
        block(escape(visible(finding.message)))
        if finding.suggestion:
            block(f"[green]建议：[/]{escape(visible(finding.suggestion))}")
        if finding.basis:
            block(f"[dim]依据：{escape(finding.basis)}[/]")
        console.print()
    for rule, count in hidden.items():
        title = titles.get(rule, rule)
        console.print(f"[bold]{escape(source)}[/] 另有 {count} 处同类问题（{title}，{rule}）未逐条列出。")
    if hidden:
        console.print()
    counts = f"错误 {stats['errors']} · 警告 {stats['warnings']} · 提示 {stats['infos']}"
    level, sentence = report.verdict
    style = {"error": "bold red", "warning": "yellow", "ok": "green"}[level]
    extra = "（--strict：按不通过处理）" if level == "warning" and report.strict else ""
    console.print(f"{escape(source)}：{counts}。[{style}]{escape(sentence)}[/]{extra}")


def _print_excerpt(console: "Console", finding: "Finding", style: str) -> None:
    """The line around the excerpt, at most 80 columns (check.cap.excerpt_window: … where it was cut), with
    the excerpt highlighted and underlined by ^^^. Only a bounded window of the line is ever measured."""
    from rich.cells import cell_len
    from rich.text import Text

    from ..check.cap import excerpt_window
    from ..safe_text import visible_line

    start = max(0, finding.column - 1)
    head, body, tail = excerpt_window(finding.context, start, start + len(finding.excerpt), WINDOW)
    head, body, tail = visible_line(head), visible_line(body), visible_line(tail)  # ESC/BEL shown, never sent
    text = Text("    ")
    text.append(head)
    text.append(body, style=f"bold {style} reverse")
    text.append(tail)
    console.print(text, overflow="ellipsis", no_wrap=console.is_terminal)
    console.print(Text(" " * (4 + cell_len(head)) + "^" * max(1, cell_len(body)), style=style))
