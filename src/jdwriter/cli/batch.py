"""`jdwriter batch`: command-line wrapper (kept thin; the logic lives in the batch package)."""

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import CatalogOption, TemplatesOption, catalog_paths, examples, handled, say

if TYPE_CHECKING:
    from ..batch.run import RowResult

OnRow = Callable[["RowResult", int, int], None]

EXAMPLES = examples(
    ("表格里每行一份 Markdown，写入「输出」目录", "jdwriter batch 岗位.csv -o 输出"),
    ("同时要 Word 和纯文本，4 个进程并行", "jdwriter batch 岗位.xlsx -o 输出 -f docx,txt -j 4"),
    ("用完整版模板，覆盖上次生成的文件", "jdwriter batch 岗位.csv -o 输出 -t 完整版 --force"),
    ("上次中途取消了：只补写还没生成的", "jdwriter batch 岗位.csv -o 输出 --resume"),
)


@handled
def batch(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="表格",
            help="岗位表格：.csv、.xlsx、.yaml/.yml 或 .json。表头可用中文或英文：岗位、职位名称（岗位名称）、级别（岗位级别）、侧重（重点方向）、行业、工作地点、薪资、招聘人数、公司；表头可以在前 10 行的任一行，上面的标题行会跳过。",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="目录",
            help="输出目录，不存在时创建（上级目录须已存在，或加 --parents）。",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="输出格式，多个用逗号分隔：md、txt、json、html、docx。")
    ] = "md",
    template: Annotated[
        str, typer.Option("--template", "-t", help="模板：standard（标准版）或 full（完整版）。")
    ] = "standard",
    force: Annotated[bool, typer.Option("--force", help="覆盖输出目录里已存在的同名文件。")] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="接着上次的运行：按输出目录里的 manifest.json，保留已生成且未改动的文件，只写其余的。",
        ),
    ] = False,
    parents: Annotated[bool, typer.Option("--parents", help="输出目录的上级目录不存在时一并创建。")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="生成 docx 时并行的进程数。")] = 1,
    seed: Annotated[
        int | None, typer.Option("--seed", help="换一组措辞：同一个数字总是给出同样的结果。")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="CSV/YAML/JSON 的编码；默认自动识别 UTF-8（含 BOM）和 GBK。"),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help=".xlsx 的工作表名称；默认第一个工作表。")
    ] = None,
    catalog: CatalogOption = None,
    templates: TemplatesOption = None,
    kit: Annotated[
        bool,
        typer.Option("--kit", help="每行另写一份面试题与评分表（NNN-职位名称-面试.扩展名），列入 manifest。"),
    ] = False,
) -> None:
    """按表格批量生成职位描述：每行一份，坏行不影响其他行，结果清单写入输出目录的 manifest.json 和 manifest.csv。"""
    from ..api import get_catalog
    from ..batch.run import BatchInterrupted, BatchOptions, read_rows, run_batch, summary_line
    from ..batch.sheets import unused_headers
    from ..files.paths import guard_folder, guard_input
    from ..formats import parse_formats, resolve_template

    guard_input(source, "表格")
    guard_folder(  # usable and encodable before any row is read
        output, "输出目录", create_parents=parents, hint="请检查路径，或加 --parents 连同上级目录一起创建"
    )
    formats = parse_formats(fmt)
    template = resolve_template(template)
    notes: list[str] = []
    rows = read_rows(source, encoding=encoding, sheet=sheet, notes=notes)
    for note in notes:
        say(note, style="yellow")
    unused = unused_headers(rows)
    if unused:
        say(f"这些列不用于生成 JD，已原样写入 manifest：{'、'.join(unused[:10])}")
    cat = get_catalog(catalog_paths(catalog))
    options = BatchOptions(
        outdir=output,
        formats=formats,
        template=template,
        force=force,
        jobs=jobs,
        seed=seed,
        templates=templates,
        source=str(source),
        parents=parents,
        kit=kit,
        resume=resume,
    )
    with _progress() as on_row:
        try:
            report = run_batch(rows, cat, options, on_row)
        except BatchInterrupted as exc:
            say(
                f"已取消：{summary_line(exc.report)}；已完成的行见 {output / 'manifest.json'}，"
                "加 --resume 再运行一次可接着写。",
                style="yellow",
            )
            raise typer.Exit(130) from None
    say(summary_line(report), style="red" if report.exit_code else "green")
    raise typer.Exit(report.exit_code)


@contextmanager
def _progress() -> Iterator[OnRow]:
    """A Rich progress bar when stderr is a terminal; otherwise one plain line per failed row."""
    if not sys.stderr.isatty():

        def plain(result: "RowResult", done: int, total: int) -> None:
            if result.status == "failed":
                say(f"{result.label}失败：{result.reason}")

        yield plain
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from ..safe_text import visible

    # No auto-refresh thread: worker processes for --jobs are forked while the bar is shown.
    progress = Progress(
        TextColumn("生成 JD"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    task = progress.add_task("batch", total=None)
    last = 0.0

    def bar(result: "RowResult", done: int, total: int) -> None:
        nonlocal last
        if result.status == "failed":
            progress.console.print(
                Text(visible(f"{result.label}失败：{result.reason}"), style="red")
            )  # Text: no markup; visible: no ESC from a cell
        now = time.monotonic()
        refresh = done == total or now - last > 0.1
        progress.update(task, completed=done, total=total, refresh=refresh)
        if refresh:
            last = now

    with progress:
        yield bar
