"""`jdwriter catalog check|schema|example` and `jdwriter templates export`: bring your own catalogue and templates."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import GROUP_SETTINGS, handled, say

catalog_app = typer.Typer(help="校验、导出自己的职责目录扩展。", **GROUP_SETTINGS)
templates_app = typer.Typer(help="导出内置模板，改成自己的版式。", **GROUP_SETTINGS)


@catalog_app.command("check")
@handled
def catalog_check(
    files: Annotated[
        list[Path], typer.Argument(metavar="文件", help="要校验的目录扩展文件（YAML），可给多个。")
    ],
) -> None:
    """校验目录扩展：先查结构（与内置目录合并后），再按写作标准逐行检查（级别动词、20–60 字、空话、
    句末标点、多种说法）；面试题（questions）逐句用 check 的规则检查，不得涉及婚育、年龄、户籍等。所有问题一次列出，附文件、行号和原因；有问题时退出码为 1。"""
    from ..catalog.built import trust_shipped
    from ..catalog.lint import lint_files
    from ..catalog.model import load_catalog
    from ..kit.lint import lint_files as lint_questions
    from ..resolve.lexicon import check_files

    trust_shipped(False)  # `catalog check` validates the built-in files too, even a wheel's shipped copies
    check_files()  # the built-in title lexicon and scope (data/domains.yaml, data/scope.yaml)
    catalog = load_catalog(files)
    findings = [
        *map(str, lint_files(files, catalog)),
        *lint_questions(files, catalog),
    ]  # duties, then questions
    if findings:
        for finding in findings:
            say(finding, style="red")
        say(f"写作标准检查发现 {len(findings)} 处问题，请按上面的提示修改。", style="red")
        raise typer.Exit(1)
    say(
        f"校验通过：{', '.join(str(f) for f in files)}（合并后共 {len(catalog.roles)} 个岗位、{len(catalog.duties)} 个职责块）",
        style="green",
    )


@catalog_app.command("schema")
@handled
def catalog_schema() -> None:
    """输出目录文件格式的 JSON Schema，可交给编辑器的 YAML 插件做补全和校验。"""
    import json

    from ..catalog.model import catalog_schema as schema
    from ..kit.bank import with_questions

    sys.stdout.write(json.dumps(with_questions(schema()), ensure_ascii=False, indent=2) + "\n")


@catalog_app.command("example")
@handled
def catalog_example() -> None:
    """输出一份带注释的目录扩展示例（一个新岗位、两个新职责块和它们的面试题），复制后按需修改。"""
    from ..resources import data_dir

    sys.stdout.write((data_dir() / "example_extension.yaml").read_text(encoding="utf-8"))


@templates_app.command("export")
@handled
def templates_export(
    directory: Annotated[Path, typer.Argument(help="导出到这个目录（不存在时会创建）。")],
    force: Annotated[bool, typer.Option("--force", help="覆盖目录里已有的同名模板。")] = False,
) -> None:
    """把内置模板复制到目录里；修改后用 --templates 目录 使用。"""
    from ..render.render import export_templates

    written = export_templates(directory, force=force)
    say(f"已导出 {len(written)} 个模板到 {directory}：{'、'.join(p.name for p in written)}")
    say(f"修改后这样使用：jdwriter new --role 用户运营 --templates {directory}")
