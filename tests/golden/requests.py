"""A fixed set of requests whose outputs are kept in tests/golden/outputs.json (a SHA-256 per output).

The outputs change only when a commit means them to: the restructure into stage packages was checked
against outputs made before it. Regenerate with `python -m tests.golden.requests` after a deliberate change.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
OUTPUTS = HERE / "outputs.json"

ROLES = ["用户运营", "内容运营", "活动运营", "电商运营", "新媒体运营", "社群运营", "平台运营", "数据运营"]
LEVELS = ["实习生", "专员", "主管", "经理", "总监"]
TITLES = [
    "资深直播用户运营（美妆）",
    "亚马逊运营经理",
    "抖音运营",
    "私域社群运营（母婴）",
    "TikTok Shop Operations Manager",
    "跨境电商运营主管",
    "外卖运营",
    "游戏运营",
    "小红书种草运营",
    "B站UP主运营",
]
CHECK_TEXTS = [
    "岗位职责：\n1、负责用户增长\n任职要求：\n1、限男性，35岁以下\n2、统招本科，985/211优先\n3、已婚已育优先\n",
    "# 运营\n\n## 任职要求\n\n1. 形象好气质佳\n2. 本地户籍\n3. 联系微信：abc123\n",
]


def _digest(data: str | bytes) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def outputs() -> dict[str, str]:
    """Every output of the fixed set, by a readable key."""
    from jdwriter import check_text, generate

    out: dict[str, str] = {}
    for role in ROLES:
        for level in LEVELS:
            out[f"{role}/{level}/md"] = _digest(generate(role, level=level))
    for i, title in enumerate(TITLES):
        for fmt in ("md", "txt", "json", "html", "docx"):
            out[f"{title}/{fmt}"] = _digest(generate(title, format=fmt, industry="电商" if i % 2 else None))
    out["full/md"] = _digest(generate("用户运营", level="经理", template="full"))
    for i, text in enumerate(CHECK_TEXTS):
        result: Any = check_text(text)
        rows = [
            [f.category, f.severity, f.message, f.suggestion, getattr(f, "line", None)]
            for f in result.findings
        ]
        out[f"check/{i}"] = _digest(json.dumps(rows, ensure_ascii=False))
    return out


if __name__ == "__main__":
    OUTPUTS.write_text(json.dumps(outputs(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
