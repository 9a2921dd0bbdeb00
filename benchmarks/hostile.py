"""Hostile inputs of issue 27, each against its own bound: seconds and peak memory of one fresh process.

Each row's ratio is the measured time over the issue's limit for it (5 s, 10 s or 20 s), so a ratio above
1.0 misses the target; peak RSS (the limit is 400 MB) and output size (99,000 lines: 20 MB) are checked too
and a miss is marked in the row's name. Run: python benchmarks/hostile.py
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import jdwriter_cmd, report, scratch

MB = 1024 * 1024


def measure_one(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, bytes on stdout) of one run; exit 0, 1 or 2 are all answers."""
    out = scratch() / "hostile.out"
    start = time.perf_counter()
    with out.open("wb") as sink:
        child = subprocess.Popen(args, stdout=sink, stderr=subprocess.DEVNULL, cwd=scratch())
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        raise SystemExit(f"{' '.join(args[-3:])}: exit {code}")
    return seconds, usage.ru_maxrss / 1024, out.stat().st_size


def _docx(body: str) -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body + text[text.index("<w:sectPr", start) :]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _table(cell: str, rows: str = "") -> str:
    first = f"<w:tr><w:tc><w:tcPr>{cell}</w:tcPr>{_p('任职要求')}</w:tc><w:tc>{_p('1. 限男性')}</w:tc></w:tr>"
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    return f"<w:tbl>{grid}{first}{rows}</w:tbl>"


def files() -> dict[str, Path]:
    folder = scratch()
    line = ("负责用户增长，限男性，" * 2000)[:20_000]
    continued = "".join(
        f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{_p('')}</w:tc><w:tc>{_p(f'{i}. 本科')}</w:tc></w:tr>"
        for i in range(2, 3001)
    )
    texts = {
        "line.md": "任职要求：\n" + line + "\n",
        "inline.md": "任职要求：\n" + "".join(f"{i}、负责 " for i in range(1, 3001)) + "\n",
        "td.html": "<html><body><table><tr>" + "<td>x</td>" * 20_000 + "</tr></table></body></html>",
        "a.html": "<html><body><p>限男性</p>" + "<a " * 20_000 + "</body></html>",
        "many.md": "任职要求：\n" + "限男性\n" * 99_000,
    }
    docs = {
        "para.docx": _p("任职要求：") + _p(line),
        "vmerge_first.docx": _table("<w:vMerge/>"),
        "span_abc.docx": _table('<w:gridSpan w:val="abc"/>'),
        "span_huge.docx": _table('<w:gridSpan w:val="2000000000"/>'),
        "vmerge_3000.docx": _table('<w:vMerge w:val="restart"/>', continued),
    }
    out = {}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        out[name] = folder / name
    for name, body in docs.items():
        (folder / name).write_bytes(_docx(body))
        out[name] = folder / name
    return out


def measure() -> list[tuple[str, float, float, float]]:
    cmd = jdwriter_cmd()
    paths = files()
    out = str(scratch() / "fixed.docx")
    cases: list[tuple[str, list[str], float]] = [
        ("check: one 20,000-character line", ["check", str(paths["line.md"])], 5),
        ("check: 3,000 inline items on one line", ["check", str(paths["inline.md"])], 5),
        ("check: html with 20,000 <td>", ["check", str(paths["td.html"])], 5),
        ("check: html with 20,000 '<a '", ["check", str(paths["a.html"])], 5),
        ("fix: a 20,000-character docx paragraph", ["fix", str(paths["para.docx"]), "-o", out, "--force"], 5),
        ("check: 99,000 lines of 限男性", ["check", str(paths["many.md"])], 20),
        ("check -f json: 99,000 lines of 限男性", ["check", str(paths["many.md"]), "-f", "json"], 20),
    ]
    for name in ("vmerge_first", "span_abc", "span_huge", "vmerge_3000"):
        path = str(paths[f"{name}.docx"])
        cases.append((f"check: table {name}", ["check", path], 10))
        cases.append((f"fix: table {name}", ["fix", path, "-o", out, "--force"], 10))
    rows = []
    for name, args, limit in cases:
        seconds, peak, size = measure_one([*cmd, *args])
        misses = (["over 400 MB"] if peak > 400 else []) + (
            [f"{size // MB} MB out"] if size > 20 * MB else []
        )
        label = f"{name} ({peak:.0f} MB)" + ("  <-- " + ", ".join(misses) if misses else "")
        rows.append((label, seconds, seconds / limit, 1.0))
    return rows


if __name__ == "__main__":
    report(measure())
