"""Hostile files: what others send HR (agency spreadsheets, old Word JDs, a colleague's templates), built at
run time by the helpers below, never committed as binaries.

The resource-heavy cases run in one child process under RLIMIT_AS = 400 MB with a per-case time limit, so
a regression fails instead of swapping; each case has its exact exit code and the words its message must
contain (so a MemoryError mapped to exit 2 cannot pass for a refusal). The cheap ones run in-process.
Bombs are written as raw deflate streams (one compressed megabyte of spaces, repeated), so building a
300 MB bomb takes milliseconds.
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Any

import pytest

MB = 1024 * 1024
Part = tuple[bytes, int, int]  # raw deflate data, CRC-32, inflated size


# --- building zips by hand ------------------------------------------------------------------------------


def _deflate(data: bytes, final: bool = True) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def plain(data: bytes) -> Part:
    return _deflate(data), zlib.crc32(data), len(data)


@functools.lru_cache(maxsize=1)
def _spaces_block() -> bytes:
    return _deflate(b" " * MB, final=False)  # a full flush ends on a byte boundary: blocks can be repeated


@functools.lru_cache(maxsize=4)
def _spaces_crc(megabytes: int) -> int:
    crc, block = 0, b" " * MB
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    return crc


def padded(megabytes: int, tail: bytes) -> Part:
    """``megabytes`` MB of spaces, then ``tail``: a valid deflate stream with a correct CRC, built from one
    compressed megabyte repeated (XML may start with whitespace when it has no declaration)."""
    data = _spaces_block() * megabytes + _deflate(tail)
    return data, zlib.crc32(tail, _spaces_crc(megabytes)), megabytes * MB + len(tail)


def write_zip(path: Path, parts: dict[str, Part], *, method: int = 8, flags: int = 0) -> Path:
    """A zip with the given parts (raw deflate); ``method`` and ``flags`` apply to every entry."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, (data, crc, size) in parts.items():
        raw = name.encode()
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(data), size, len(raw), 0
            )
        )
        out.write(raw + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw
        )
    start, body = out.tell(), central.getvalue()
    out.write(body + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(body), start, 0))
    path.write_bytes(out.getvalue())
    return path


@functools.lru_cache(maxsize=1)
def _xlsx_parts() -> dict[str, bytes]:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["岗位", "级别"])
    book.active.append(["用户运营", "专员"])
    buffer = io.BytesIO()
    book.save(buffer)
    import zipfile

    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@functools.lru_cache(maxsize=1)
def _docx_parts() -> dict[str, bytes]:
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("负责用户增长")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xlsx(path: Path, **replace: Part) -> Path:
    """The small valid workbook, with some parts replaced (keys use / written as __, dots as _)."""
    parts = {name: plain(data) for name, data in _xlsx_parts().items()}
    parts.update({key.replace("__", "/").replace("_xml", ".xml"): part for key, part in replace.items()})
    return write_zip(path, parts)


def sheet_xml(rows: str, doctype: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return f'{doctype}<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def no_declaration(xml: bytes) -> bytes:
    return xml.split(b"?>", 1)[1].lstrip() if xml.startswith(b"<?xml") else xml


LOL = (
    '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + "]>"
)


def build_corpus(tmp: Path) -> dict[str, Path]:
    """Every hostile file of the heavy cases, by name."""
    files: dict[str, Path] = {}
    header = f'<row r="1">{cell("A1", "岗位")}{cell("B1", "级别")}</row>'
    files["entity_bomb"] = xlsx(
        tmp / "entity.xlsx",
        xl__worksheets__sheet1_xml=plain(sheet_xml(header + f'<row r="2">{cell("A2", "&i;")}</row>', LOL)),
    )
    padding = b"<?xml version='1.0'?>" + LOL.encode()
    sheet = sheet_xml(f'<row r="2">{cell("A2", "&i;")}</row>')
    full = padding + b" " * (8 * MB) + sheet  # 8 MiB of spaces, then the entity reference
    body = _deflate(padding, final=False) + _spaces_block() * 8 + _deflate(sheet)
    files["padding_bomb"] = xlsx(
        tmp / "padding.xlsx", xl__worksheets__sheet1_xml=(body, zlib.crc32(full), len(full))
    )
    xfd = header + "".join(
        f'<row r="{n}">' + (cell(f"A{n}", "用户运营") if n < 5 else "") + cell(f"XFD{n}", "x") + "</row>"
        for n in range(
            2, 2_003
        )  # 2,000 rows × 16,384 columns: gigabytes if anything reads the cells unbounded
    )
    files["xfd_rows"] = xlsx(tmp / "xfd.xlsx", xl__worksheets__sheet1_xml=plain(sheet_xml(xfd)))
    theme = no_declaration(_xlsx_parts()["xl/theme/theme1.xml"])
    files["theme_bomb"] = xlsx(tmp / "theme.xlsx", xl__theme__theme1_xml=padded(300, theme))
    files["sheet_bomb"] = xlsx(
        tmp / "sheet.xlsx", xl__worksheets__sheet1_xml=padded(300, no_declaration(sheet_xml(header)))
    )
    parts = {name: plain(data) for name, data in _docx_parts().items()}
    parts["word/document.xml"] = padded(300, no_declaration(_docx_parts()["word/document.xml"]))
    files["docx_bomb"] = write_zip(tmp / "bomb.docx", parts)
    (tmp / "zero.docx").symlink_to("/dev/zero")
    files["zero_docx"] = tmp / "zero.docx"
    alias = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    alias += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(8)]
    files["alias_bomb"] = tmp / "alias.yaml"
    files["alias_bomb"].write_text(
        "- 岗位: 用户运营\n  招聘人数: &top\n"
        + "".join(f"    - {line}\n" for line in alias)
        + "  备注: *top\n",
        encoding="utf-8",
    )
    tpl = tmp / "tpl"
    for name, source in {"power": "{{ 10**(10**9) }}", "repeat": "{{ 'x' * 10**9 }}"}.items():
        (tpl / name).mkdir(parents=True)
        (tpl / name / "jd.md.j2").write_text(source, encoding="utf-8")
    return files


# --- the heavy cases, in one child under a memory cap ----------------------------------------------------

LIMIT_AS = 400 * MB
CASE_SECONDS = 20
NEW = ["new", "--no-input", "-r", "用户运营"]
HEAVY: dict[str, tuple[list[str], int, str]] = {
    # name: (arguments, exit code, words the message must contain)
    "xlsx entity bomb": (["batch", "{entity_bomb}", "-o", "{out}"], 2, "DOCTYPE"),
    "xlsx padding bomb": (["batch", "{padding_bomb}", "-o", "{out}"], 2, "压缩比异常"),
    "xlsx rows reaching XFD": (["batch", "{xfd_rows}", "-o", "{out}"], 0, "第 101 列起的内容已忽略"),
    "xlsx theme inflates to 300 MB": (["batch", "{theme_bomb}", "-o", "{out}"], 2, "theme1.xml"),
    "xlsx sheet inflates to 300 MB": (["batch", "{sheet_bomb}", "-o", "{out}"], 2, "sheet1.xml"),
    "docx document.xml inflates to 300 MB": (["check", "{docx_bomb}"], 2, "document.xml"),
    "docx symlink to /dev/zero": (["check", "{zero_docx}"], 2, "不是普通文件"),
    "--company /dev/zero": ([*NEW, "--company", "/dev/zero"], 2, "不是普通文件"),
    "--catalog /dev/zero": ([*NEW, "--catalog", "/dev/zero"], 2, "不是普通文件"),
    "JDWRITER_CATALOG=/dev/urandom": (["list", "roles"], 2, "不是普通文件"),
    "YAML alias bomb in a batch cell": (["batch", "{alias_bomb}", "-o", "{out}"], 2, "锚点"),
    "template 10**(10**9)": ([*NEW, "--templates", "{tpl}/power"], 2, "乘方超出限制"),
    "template 'x'*10**9": ([*NEW, "--templates", "{tpl}/repeat"], 2, "重复文字或列表超出限制"),
}

CHILD = textwrap.dedent(
    """
    import faulthandler, json, os, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from typer.testing import CliRunner
    from jdwriter.cli import app
    cases = json.loads(sys.stdin.read())
    results = {{}}
    for name, (args, env) in cases.items():
        faulthandler.dump_traceback_later({seconds}, exit=True)  # a hang names its case, then fails
        print("case:", name, file=sys.stderr, flush=True)
        start = time.monotonic()
        result = CliRunner().invoke(app, args, env=env)
        faulthandler.cancel_dump_traceback_later()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        output = result.output
        crash = repr(result.exception) if result.exception and not isinstance(result.exception, SystemExit) else ""
        results[name] = [result.exit_code, output, crash, round(time.monotonic() - start, 3), peak]
    print(json.dumps(results))
    """
)


@pytest.fixture(scope="session")
def heavy_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Any]]:
    return run_heavy(tmp_path_factory.mktemp("hostile"))


def run_heavy(tmp: Path) -> dict[str, list[Any]]:
    """Every heavy case in one child under the memory cap: name → [exit code, output, crash, seconds,
    peak RSS in MB so far]."""
    files = {k: str(v) for k, v in build_corpus(tmp).items()}
    cases = {}
    for index, (name, (args, _, _)) in enumerate(HEAVY.items()):
        names = {**files, "out": str(tmp / f"out{index}"), "tpl": str(tmp / "tpl")}
        env = {"JDWRITER_CATALOG": "/dev/urandom" if "JDWRITER_CATALOG" in name else ""}
        cases[name] = ([a.format(**names) for a in args], env)
    child = subprocess.run(
        [sys.executable, "-c", CHILD.format(limit=LIMIT_AS, seconds=CASE_SECONDS)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=CASE_SECONDS * 3,
        cwd=tmp,
        env={**os.environ, "HOME": str(tmp), "COLUMNS": "200"},
    )
    assert child.returncode == 0, child.stderr[-3000:]
    return json.loads(child.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(HEAVY))
def test_hostile_file_is_bounded(name: str, heavy_results: dict[str, list[Any]]) -> None:
    code, output, crash, seconds, peak_mb = heavy_results[name]
    _, expected, words = HEAVY[name]
    assert not crash, crash
    assert "内存不足" not in output, output  # an escaped exception is `crash` (result.exception)
    assert code == expected, output
    assert words in output, output
    assert seconds < CASE_SECONDS and peak_mb < LIMIT_AS // MB


# --- cheap cases, in-process ---------------------------------------------------------------------------


def invoke(runner: Any, *args: str, env: dict[str, str] | None = None) -> Any:
    from jdwriter.cli import app

    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_corrupt_deflate_stream(runner, tmp_path):
    data, crc, size = plain(sheet_xml(f'<row r="1">{cell("A1", "岗位")}</row>' * 50))
    broken = data[:20] + bytes(b ^ 0x55 for b in data[20:60]) + data[60:]
    path = xlsx(tmp_path / "corrupt.xlsx", xl__worksheets__sheet1_xml=(broken, crc, size))
    result = invoke(runner, "batch", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "压缩数据已损坏" in result.output, result.output


@pytest.mark.parametrize(
    ("options", "words"), [({"flags": 1}, "已加密"), ({"method": 99}, "不支持的压缩方式")]
)
def test_encrypted_or_unknown_compression(runner, tmp_path, options, words):
    path = write_zip(tmp_path / "odd.xlsx", {n: plain(d) for n, d in _xlsx_parts().items()}, **options)
    result = invoke(runner, "batch", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and words in result.output, result.output


def test_xml_in_another_encoding_is_refused(runner, tmp_path):
    parts = {n: plain(d) for n, d in _docx_parts().items()}
    parts["word/document.xml"] = plain(_docx_parts()["word/document.xml"].decode().encode("utf-16"))
    result = invoke(runner, "check", str(write_zip(tmp_path / "u16.docx", parts)))
    assert result.exit_code == 2 and "UTF-8" in result.output, result.output


def test_a_good_docx_still_reads(runner, tmp_path):
    path = write_zip(tmp_path / "ok.docx", {n: plain(d) for n, d in _docx_parts().items()})
    assert invoke(runner, "check", str(path)).exit_code in (0, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 10_000 + "]" * 10_000, "嵌套"),
        ('[{"岗位": "用户运营", "招聘人数": ' + "9" * 5000 + "}]", "超长的数字"),
        ('[{"岗位": "用户运营", "x": ' + "[" * 100 + "]" * 100 + "}]", "嵌套层级太深"),
    ],
    ids=["nested 10,000 deep", "5,000-digit number", "nested 100 deep"],
)
def test_hostile_json(runner, tmp_path, text, words):
    path = tmp_path / "rows.json"
    path.write_text(text, encoding="utf-8")
    result = invoke(runner, "batch", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and words in result.output, result.output


def test_huge_number_in_yaml(runner, tmp_path):
    path = tmp_path / "company.yaml"
    path.write_text("name: " + "9" * 5000 + "\n", encoding="utf-8")
    result = invoke(runner, *NEW, "--company", str(path))
    assert result.exit_code == 2 and "超长的数字" in result.output, result.output


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{% include 'jd.md.j2' %}", "嵌套或递归太深"),
        ("{% extends 'jd.md.j2' %}", "嵌套或递归太深"),
        ("{% for i in range(10**9) %}{% endfor %}", "超出限制"),
        ("{{ 10**400 | filesizeformat }}", "运行出错"),
        ("{{ 'x' | center(10**9) }}", "超出限制"),
        ("{% set a = 'x' * 1000000 %}{{ (a ~ a) | length }}", "拼接超出限制"),
        ("{{ 1 / 0 }}", "运行出错"),
        ("{% if %}", "语法错误"),
    ],
)
def test_template_limits(runner, tmp_path, source, words):
    (tmp_path / "jd.md.j2").write_text(source, encoding="utf-8")
    result = invoke(runner, *NEW, "--templates", str(tmp_path))
    assert result.exit_code == 2 and words in result.output, result.output


def test_template_symlink_out_of_the_folder(runner, tmp_path):
    (tmp_path / "jd.md.j2").symlink_to("/etc/passwd")
    result = invoke(runner, *NEW, "--templates", str(tmp_path))
    assert result.exit_code == 2 and "之外" in result.output, result.output
    assert "root:" not in result.output


def test_template_include_of_a_symlink(runner, tmp_path):
    (tmp_path / "secret.j2").symlink_to("/etc/passwd")
    (tmp_path / "jd.md.j2").write_text("{% include 'secret.j2' %}", encoding="utf-8")
    result = invoke(runner, *NEW, "--templates", str(tmp_path))
    assert result.exit_code == 2 and "root:" not in result.output, result.output


ESC = "\x1b]0;pwned\x07\x1b[2J\x9b"


def _no_controls(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\x9b"), repr(text[:300])


def test_escapes_from_a_sheet_never_reach_the_terminal_or_manifest(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    filler = "".join(f",第 {n} 行的备注说明文字\n" for n in range(60))  # not "binary": few controls
    sheet.write_text(f"岗位,备注\n用户运营,{ESC}\n宇宙{ESC}飞船驾驶,x\n{filler}", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "batch", str(sheet), "-o", str(out))
    assert result.exit_code == 1, result.output
    _no_controls(result.output)
    for name in ("manifest.csv", "manifest.json"):
        _no_controls((out / name).read_text(encoding="utf-8"))
    assert "\\u001b" in (out / "manifest.csv").read_text(encoding="utf-8")


def test_escapes_in_a_jd_never_reach_the_terminal(runner, tmp_path):
    jd = tmp_path / "jd.md"
    jd.write_text(
        f"## 任职要求\n1. 形象气质佳{ESC}，男性优先\n" + "2. 熟悉用户运营的常见方法和工具\n" * 40,
        encoding="utf-8",
    )
    for fmt in ("text", "json"):
        result = invoke(runner, "check", str(jd), "--format", fmt)
        assert result.exit_code == 1, result.output
        _no_controls(result.output)
    json.loads(invoke(runner, "check", str(jd), "--format", "json").stdout)


def test_escapes_from_a_company_file_never_reach_stdout(runner, tmp_path):
    company = tmp_path / "company.yaml"
    company.write_text('name: "示例\\e]0;pwned\\a\\x9b科技"\n', encoding="utf-8")  # YAML escapes
    for fmt in ("md", "json"):
        result = invoke(runner, *NEW, "--company", str(company), "-f", fmt)
        assert result.exit_code == 0, result.output
        _no_controls(result.output)


def test_a_second_batch_into_a_busy_folder_is_refused(runner, tmp_path):
    from jdwriter.batch.run import folder_lock

    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with folder_lock(out):
        result = invoke(runner, "batch", str(sheet), "-o", str(out))
        assert sorted(p.name for p in out.iterdir()) == [".jdwriter.lock"], "nothing written"
    assert result.exit_code == 2 and "正在被另一个" in result.output and str(out) in result.output
    assert invoke(runner, "batch", str(sheet), "-o", str(out)).exit_code == 0
    assert not (out / ".jdwriter.lock").exists()


def test_stale_temp_files_are_removed_on_the_next_run(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".001-用户运营专员.md.k2j4h5g6.jdwriter.tmp"
    stale.write_text("half", encoding="utf-8")
    theirs = out / ".notes.tmp"
    theirs.write_text("not ours", encoding="utf-8")
    assert invoke(runner, "batch", str(sheet), "-o", str(out)).exit_code == 0
    assert not stale.exists() and theirs.exists()


def test_a_write_failure_names_the_file_and_leaves_a_manifest(runner, tmp_path, monkeypatch):
    import jdwriter.batch.run as batch
    from jdwriter.errors import WriteError

    real = batch.atomic_write

    def failing(path: Path, data: Any, force: bool = False) -> None:
        if path.suffix == ".docx" and path.name.startswith("003"):
            raise WriteError(f"无法写入「{path}」：磁盘空间不足。")
        real(path, data, force)

    monkeypatch.setattr(batch, "atomic_write", failing)
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n内容运营\n活动运营\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(runner, "batch", str(sheet), "-o", str(out), "-f", "md,docx")
    assert result.exit_code == 1 and "003-" in result.output and "磁盘空间不足" in result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    status = [(r["status"], r["files"]) for r in manifest["rows"]]
    assert status[0][0] == "ok" and len(status[0][1]) == 2
    assert status[1][0] == "failed" and [f[-3:] for f in status[1][1]] == [".md"], "says what was written"
    assert status[2] == ("unfinished", [])
    on_disk = {p.name for p in out.iterdir() if not p.name.startswith("manifest")}
    assert on_disk == {f for _, files in status for f in files}


def test_options_seed_and_jobs_are_in_the_manifest(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位\n用户运营\n", encoding="utf-8")
    out = tmp_path / "out"
    invoke(runner, "batch", str(sheet), "-o", str(out), "--seed", "7", "--jobs", "64", "-f", "md,docx")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["seed"], manifest["jobs"], manifest["formats"]) == (7, 1, ["md", "docx"])


def test_jobs_are_capped(tmp_path):
    from jdwriter.batch.run import BatchOptions, effective_jobs

    options = BatchOptions(outdir=tmp_path, formats=("md", "docx"), jobs=64)
    assert effective_jobs(options, 40) <= (os.cpu_count() or 1)
    assert effective_jobs(options, 1) == 1
    assert effective_jobs(BatchOptions(outdir=tmp_path, jobs=64), 40) == 1, "no docx, no workers"


def test_force_over_a_symlink_does_not_borrow_its_mode(runner, tmp_path):
    target = tmp_path / "shared.md"
    target.write_text("theirs", encoding="utf-8")
    target.chmod(0o666)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    old = os.umask(0o022)
    try:
        result = invoke(runner, *NEW, "-o", str(link), "--force")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert not link.is_symlink() and stat.S_IMODE(link.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "theirs"


def test_an_internal_error_is_one_chinese_line(runner, monkeypatch):
    import jdwriter.api

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom\x1b[2J")

    monkeypatch.setattr(jdwriter.api, "get_catalog", broken)
    result = invoke(runner, "list", "roles")
    assert result.exit_code == 70
    assert "内部错误，请附上这条信息报告：RuntimeError: boom" in result.output
    _no_controls(result.output)
    debug = runner.invoke(__import__("jdwriter.cli").cli.app, ["list", "roles"], env={"JDWRITER_DEBUG": "1"})
    assert debug.exit_code == 70 and "Traceback" in debug.output
