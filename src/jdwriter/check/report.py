"""What `jdwriter check` reports: a Finding (one problem, where it is, why, how to fix it), the Report of one
check with its verdict, and Doc, the blocks of a JD with their normalised text, which turns a span of a
normalised line into a Finding with positions in the original."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .layout import Block, span_back
from .rules import Rule, rules

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what it is, why it matters and how to fix it.

    ``line`` is the line (or, for .docx, paragraph: ``unit`` 段) and ``column`` the 1-based column in it;
    ``offset``/``end`` are offsets into the original text (the HTML source for HTML), so a fixer can edit
    exactly this span. ``weight`` is the legal weight of the basis: law, regulation, rule, notice, platform."""

    rule: str
    category: str
    severity: str
    line: int
    excerpt: str
    message: str
    suggestion: str
    basis: str | None
    column: int = 1
    scope: str = "line"  # "document" for findings about the whole JD (a missing section, its length)
    context: str = field(default="", repr=False, compare=False)  # the whole line, for the text report
    unit: str = "行"
    offset: int = 0
    end: int = 0
    weight: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["context"]
        return data


@dataclass
class Report:
    """The findings of one check, with counts. ``strict`` makes warnings fail too."""

    findings: list[Finding]
    stats: dict[str, Any]
    strict: bool = False

    @property
    def failed(self) -> bool:
        bad = {"error", "warning"} if self.strict else {"error"}
        return any(f.severity in bad for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def verdict(self) -> tuple[str, str]:
        """(level, sentence) for the summary, worded by the legal weight of what was found: 违法 only for
        laws and administrative regulations, 不符合…规定 for departmental rules and notices, 平台规则 for
        job-board rules. Level is error, warning or ok."""
        errors = [f for f in self.findings if f.severity == "error"]
        weights = {f.weight for f in errors}
        if weights & {"law", "regulation"}:
            return "error", "含有违法的招聘要求，发布前必须修改。"
        if weights & {"rule", "notice"}:
            names = "、".join(
                dict.fromkeys(
                    rules()[f.rule].authority or "" for f in errors if f.weight in ("rule", "notice")
                )
            )
            return "error", f"含有不符合{names}的招聘要求，发布前应当修改。"
        if errors:
            return (
                "error",
                "含有违反招聘平台发布规则的内容（不涉及违法），发布前需要修改，否则可能被平台下架。",
            )
        if any(f.severity == "warning" for f in self.findings):
            return "warning", "没有违法内容；警告项建议修改。"
        return "ok", "未发现违法内容或需要修改的问题。"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: {"findings": [...], "stats": {...}}."""
        return {"findings": [f.to_dict() for f in self.findings], "stats": self.stats}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


@dataclass
class Doc:
    """The blocks of a JD with their normalised text and the map back to the original."""

    blocks: list[Block]
    unit: str
    lines: list[str]  # normalised (folded, spaces next to numbers removed)
    index: list[list[int]]  # index[n][i]: where character i of lines[n] came from in blocks[n].text

    def finding(
        self,
        rule: Rule,
        line: int,
        start: int,
        end: int,
        *,
        severity: str | None = None,
        message: str | None = None,
        suggestion: str | None = None,
        scope: str = "line",
    ) -> Finding:
        """A finding for the span [start, end) of normalised line ``line`` (1-based)."""
        block = self.blocks[line - 1]
        start, end = span_back(self.index[line - 1], start, end)
        raw = block.text[start:end]
        start += len(raw) - len(raw.lstrip())
        excerpt = raw.strip()[:80]
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=severity or rule.severity,
            line=block.number,
            excerpt=excerpt,
            message=message or rule.message.format(excerpt=excerpt),
            suggestion=suggestion or rule.suggestion,
            basis=rule.basis,
            column=start + 1,
            scope=scope,
            context=block.text,
            unit=self.unit + (f"（{block.place}）" if block.place else ""),  # 第 3 段（页眉）
            offset=block.source_offset(start),
            end=block.source_offset(start + len(excerpt)),
            weight=rule.weight,
        )
