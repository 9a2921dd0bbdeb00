"""`jdwriter new`: one JD from flags, or from the wizard in a terminal."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    CatalogOption,
    TemplatesOption,
    catalog_paths,
    emit,
    examples,
    handled,
    say,
    stdin_is_terminal,
)
from .kit import KitFlag, kit_beside, kit_target
from .options import (
    EmphasisOption,
    ForceOption,
    FormatOption,
    IndustryOption,
    LevelOption,
    OutputOption,
    RoleOption,
    SeedOption,
    TitleOption,
)

if TYPE_CHECKING:
    from ..api import Answers
    from ..catalog.model import Catalog
    from ..models import Company
    from .wizard import Posting

EXAMPLES = examples(
    ("经理级电商用户运营，存为 Word 文件", "jdwriter new -r 用户运营 -l 经理 -i 电商 -o jd.docx"),
    ("招聘网站上的职位名称，侧重拉新，纯文本打印到屏幕", "jdwriter new -r 高级社群运营 -e 拉新 -f txt"),
    ("在终端里逐项回答（只问没给的）", "jdwriter new -o 用户运营.md"),
)


@handled
def new(
    role: RoleOption = None,
    title: TitleOption = None,
    level: LevelOption = None,
    emphasis: EmphasisOption = None,
    industry: IndustryOption = None,
    company: Annotated[
        Path | None,
        typer.Option(
            "--company", help="公司信息 YAML 文件（name、intro、benefits、location、salary、headcount）。"
        ),
    ] = None,
    company_name: Annotated[str | None, typer.Option("--company-name", help="公司名称。")] = None,
    location: Annotated[str | None, typer.Option("--location", help="工作地点。")] = None,
    salary: Annotated[str | None, typer.Option("--salary", help="薪资范围，如 15-25K·14薪。")] = None,
    headcount: Annotated[str | None, typer.Option("--headcount", help="招聘人数，如 2 或 若干。")] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            "-t",
            help="模板：standard（标准版）或 full（完整版）。[默认：standard]",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    seed: SeedOption = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="不提问；缺少的信息直接报错。适合脚本。")
    ] = False,
    catalog: CatalogOption = None,
    templates: TemplatesOption = None,
    kit: KitFlag = False,
) -> None:
    """写一份职位描述。给出 --role 直接生成；在终端里不带 --role 运行会逐项询问（只问参数没给的）。"""
    from ..api import Answers, get_catalog, make_request, needs_review, review
    from ..compose.writer import compose
    from ..errors import UserError
    from ..files.company import load_company
    from ..formats import format_for, resolve_template
    from ..render.render import render

    interactive = role is None and title is None and not no_input and stdin_is_terminal()
    if role is None and title is None and not interactive:
        raise UserError(
            "缺少岗位：请用 --role 指定，例如 jdwriter new --role 用户运营（不带 --role 时需在终端里交互运行）。"
        )
    template_given = template is not None
    chosen = resolve_template("standard" if template is None else template)
    explicit_format = fmt is not None
    fmt = format_for(output, fmt)
    if output is not None:
        from ..files.writer import check_target

        check_target(output, force)  # before the first question: nobody answers five prompts to be refused
    if kit and (output is not None or not interactive):  # refused before the wizard's first question
        kit_target(output, force)
    paths = catalog_paths(catalog)
    cat = get_catalog(paths)
    info = load_company(company, name=company_name, location=location, salary=salary, headcount=headcount)
    if interactive:
        given = Answers(
            level=level,
            emphasis=tuple(emphasis) if emphasis else None,
            industry=industry,
            format=fmt if output is not None or explicit_format else None,
            output=output,
        )
        answers, posting = _ask(cat, given, chosen if template_given else None, chosen, info, company)
        role, level, industry = answers.role, answers.level, answers.industry
        emphasis = list(answers.emphasis or ())
        output, fmt = answers.output, answers.format or fmt
        chosen = posting.template or chosen
        info = load_company(
            company,
            name=posting.name or company_name,
            location=posting.location or location,
            salary=posting.salary or salary,
            headcount=posting.headcount or headcount,
        )
    resolved = make_request(
        cat,
        role=role,
        title=title,
        level=level,
        emphasis=emphasis or [],
        industry=industry,
        company=info,
        template=chosen,
        seed=seed,
    )
    for note in resolved.notes:
        say(f"{note}；如需其他岗位请用 --role 指定。", style="yellow")
    jd = compose(resolved.request, cat)
    if needs_review(info, paths):
        for message in review(jd):
            say(f"提醒：{message}", style="yellow")
    write_kit = kit_beside(resolved.request, cat, output, fmt, force) if kit else None
    emit(render(jd, fmt, templates), fmt, output, force)
    if write_kit is not None:
        write_kit()


def _ask(
    cat: "Catalog", given: "Answers", template: str | None, chosen: str, info: "Company", company: Path | None
) -> "tuple[Answers, Posting]":
    """The wizard: asks only what the flags left open (a company file counts as every company fact given)."""
    from ..api import make_request
    from ..compose.writer import title_for
    from .wizard import Posting, run_wizard

    def default_name(answers: "Answers") -> str:
        draft = make_request(cat, role=answers.role or "", level=answers.level, template=chosen)
        return title_for(draft.request, cat)

    facts = {
        k: "" if company else _text(getattr(info, k)) for k in ("name", "location", "salary", "headcount")
    }
    return run_wizard(cat, given, default_name, Posting(template=template, **facts))


def _text(value: object) -> str | None:
    """A company fact already given (by a flag) as the wizard's answer; None: still to be asked."""
    return None if value is None else str(value)
