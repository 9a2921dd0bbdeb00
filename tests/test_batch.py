"""`jdwriter batch`: sheets in, one JD per row out, bad rows reported, nothing lost or overwritten."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from jdwriter.batch import run as batch_mod
from jdwriter.batch.run import BatchInterrupted, BatchOptions, parse_row, read_rows, run_batch, safe_name
from jdwriter.cli import app
from jdwriter.errors import InputFileError, UserError

ZH = ["岗位", "级别", "侧重", "行业", "职位名称", "工作地点", "薪资", "招聘人数", "公司"]
EN = ["role", "level", "emphasis", "industry", "title", "location", "salary", "headcount", "company"]
GOOD = [
    ["用户运营", "经理", "拉新、数据分析", "电商", "", "上海", "15-25K", "2", "示例科技"],
    ["渠道运营", "专员", "", "", "", "", "", "", ""],
    ["用户运营", "主管", "", "", "会员增长运营", "杭州", "", "1", ""],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig", header: list[str] = ZH) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(runner, *args: str):
    return runner.invoke(app, ["batch", *args])


def manifest(outdir: Path) -> dict:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --- reading every kind of input ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings_are_detected_without_flags(tmp_path, encoding):
    rows = read_rows(write_csv(tmp_path / "jobs.csv", GOOD, encoding))
    assert [r.number for r in rows] == [2, 3, 4]  # numbered as Excel shows them: header is row 1
    assert rows[0].fields["role"] == "用户运营" and rows[0].fields["emphasis"] == "拉新、数据分析"
    assert rows[2].fields["title"] == "会员增长运营"


def test_encoding_flag_overrides_detection(tmp_path):
    path = write_csv(tmp_path / "jobs.csv", GOOD, "gbk")
    assert read_rows(path, encoding="gb18030")[0].fields["location"] == "上海"
    with pytest.raises(InputFileError, match="utf-8"):
        read_rows(path, encoding="utf-8")
    with pytest.raises(UserError, match="编码"):
        read_rows(path, encoding="klingon")


def test_english_and_chinese_headers_read_the_same(tmp_path):
    zh = read_rows(write_csv(tmp_path / "zh.csv", GOOD))
    en = read_rows(
        write_csv(tmp_path / "en.csv", GOOD, header=[h.upper() if i % 2 else h for i, h in enumerate(EN)])
    )
    assert [r.fields for r in zh] == [r.fields for r in en]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "yaml"])
def test_rows_past_the_cap_are_cut_with_a_note(tmp_path, monkeypatch, kind):
    """At most MAX_ROWS data rows are read from any sheet or list, and a note says so (the cap is 10,000;
    lowered here so the test stays small)."""
    from openpyxl import Workbook

    from jdwriter.batch import sheets as batch_io

    monkeypatch.setattr(batch_io, "MAX_ROWS", 5)
    rows = [["用户运营", "专员"] for _ in range(8)]
    path = tmp_path / f"jobs.{kind}"
    if kind == "csv":
        write_csv(path, rows, header=["岗位", "级别"])
    elif kind == "xlsx":
        book = Workbook()
        for values in [["岗位", "级别"], *rows]:
            book.active.append(values)
        book.save(path)
    else:
        path.write_text("".join(f"- 岗位: {r}\n  级别: {lv}\n" for r, lv in rows), encoding="utf-8")
    notes: list[str] = []
    assert len(batch_io.read_rows(path, notes=notes)) == 5
    assert notes and "只处理了前 5" in notes[0], notes


def test_xlsx_first_sheet_or_named_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active.append(["岗位"])
    book.active.append(["渠道运营"])
    jobs = book.create_sheet("岗位表")
    jobs.append(ZH)
    jobs.append(
        ["用户运营", "经理", None, None, None, "深圳", 15000, 3, None]
    )  # numbers as Excel stores them
    path = tmp_path / "jobs.xlsx"
    book.save(path)
    assert read_rows(path)[0].fields["role"] == "渠道运营"
    row = read_rows(path, sheet="岗位表")[0]
    kwargs = parse_row(row.data)
    assert row.number == 2 and kwargs["company"].salary == "15000" and kwargs["company"].headcount == 3
    with pytest.raises(InputFileError, match="岗位表"):
        read_rows(path, sheet="不存在")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_yaml_and_json_lists(tmp_path, suffix):
    items = [
        {"岗位": "用户运营", "侧重": ["拉新", "数据分析"], "招聘人数": 2},
        {"role": "渠道运营", "level": "经理"},
    ]
    path = tmp_path / f"jobs{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(
            "- 岗位: 用户运营\n  侧重: [拉新, 数据分析]\n  招聘人数: 2\n- role: 渠道运营\n  level: 经理\n",
            encoding="utf-8",
        )
    rows = read_rows(path)
    assert [r.number for r in rows] == [1, 2]
    assert parse_row(rows[0].data)["emphasis"] == ["拉新", "数据分析"]
    assert parse_row(rows[1].data)["level"] == "经理"


# --- one row → request ------------------------------------------------------------------------------------


def test_parse_row_splits_emphasis_and_reads_counts():
    kwargs = parse_row(
        {"岗位": " 用户运营 ", "侧重": "拉新，数据分析;活动策划、 复盘", "招聘人数": "３人", "级别": ""}
    )
    assert kwargs["role"] == "用户运营" and kwargs["level"] is None
    assert kwargs["emphasis"] == ["拉新", "数据分析", "活动策划", "复盘"]
    assert kwargs["company"].headcount == 3
    assert parse_row({"role": "用户运营", "headcount": 4.0})["company"].headcount == 4


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ({"岗位": ""}, "岗位"),
        ({"岗位": "用户运营", "招聘人数": "很多"}, "招聘人数"),
        ({"岗位": "用户运营", "招聘人数": 0}, "招聘人数"),
        ({"岗位": "用户运营", "role": "渠道运营"}, "两次"),
        ({"岗位": "用户运营", "级别": {"a": 1}}, "级别"),
        ({"岗位": True}, "岗位"),
        ({"岗位": "用户运营", "职位名称": "长" * 500}, "太长"),
    ],
)
def test_parse_row_raises_user_error_naming_the_field(row, needle):
    with pytest.raises(UserError, match=needle):
        parse_row(row, "第 9 行")


# --- the CLI, end to end -------------------------------------------------------------------------------------


def test_200_rows_with_10_bad_ones(runner, tmp_path):
    bad = {
        7: ["厨师", "", ""],
        23: ["用户运营", "神仙", ""],
        42: ["用户运营", "", "很多"],
        77: ["渠道运营", "", "-1"],
    }
    bad |= {n: ["厨师", "", ""] for n in (90, 101, 130, 150, 170, 199)}
    rows = [bad.get(n, [("用户运营", "渠道运营")[n % 2], "专员", str(n % 3 + 1)]) for n in range(2, 202)]
    sheet = write_csv(tmp_path / "jobs.csv", rows, header=["岗位", "级别", "招聘人数"])
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert len(list(out.glob("*.md"))) == 190
    data = manifest(out)
    failed = {r["row"]: r["reason"] for r in data["rows"] if r["status"] == "failed"}
    assert sorted(failed) == sorted(bad)
    assert "神仙" in failed[23] and "招聘人数" in failed[42] and "运营岗位" in failed[7]
    assert len(data["rows"]) == 200 and data["complete"] is True
    assert "成功 190 条，失败 10 条" in result.stderr and "第 23 行" in result.stderr
    with_bom = (out / "manifest.csv").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf") and len(with_bom.decode("utf-8-sig").splitlines()) == 201

    before = snapshot(out)
    again = run(runner, str(sheet), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert snapshot(out) == before
    assert run(runner, str(sheet), "-o", str(out), "--force").exit_code == 1


def test_existing_target_refuses_before_writing_anything(runner, tmp_path):
    sheet = write_csv(tmp_path / "jobs.csv", GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / "003-渠道运营专员.md").write_text("别人的文件", encoding="utf-8")
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 2 and "003-渠道运营专员.md" in result.stderr
    assert [p.name for p in out.iterdir()] == ["003-渠道运营专员.md"]
    assert (out / "003-渠道运营专员.md").read_text(encoding="utf-8") == "别人的文件"


def test_all_good_rows_exit_0_and_blank_rows_are_skipped(runner, tmp_path):
    sheet = write_csv(tmp_path / "jobs.csv", [GOOD[0], [""] * 9, GOOD[1], [""] * 9])
    out = tmp_path / "new" / "out"  # created, parents included (--parents)
    result = run(runner, str(sheet), "-o", str(out), "--template", "full", "--parents")
    assert result.exit_code == 0, result.output
    rows = manifest(out)["rows"]
    assert [(r["row"], r["status"]) for r in rows] == [
        (2, "ok"),
        (3, "skipped"),
        (4, "ok"),
    ]  # trailing blank dropped
    first = (out / rows[0]["files"][0]).read_text(encoding="utf-8")
    assert first.startswith("# 用户运营经理") and "示例科技" in first and "上海" in first


def test_md_and_docx_for_every_row(runner, tmp_path):
    sheet = write_csv(tmp_path / "jobs.csv", GOOD)
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out), "--format", "md,docx", "--jobs", "2")
    assert result.exit_code == 0, result.output
    for row in manifest(out)["rows"]:
        assert [Path(f).suffix for f in row["files"]] == [".md", ".docx"]
        assert zipfile.is_zipfile(out / row["files"][1])


@pytest.mark.parametrize(
    "title", ["../../x", "/tmp/x", "a/b\\c:d*?", ".hidden", "tab\there\x07bell\x1b", "长" * 99, "..", "   "]
)
def test_titles_cannot_leave_outdir(runner, tmp_path, title):
    sheet = write_csv(tmp_path / "jobs.csv", [["用户运营", "", "", "", title, "", "", "", ""]])
    out = tmp_path / "deep" / "out"
    result = run(runner, str(sheet), "-o", str(out), "--parents")
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "jobs.csv"]
    assert {p.parent for p in written} == {out}
    names = manifest(out)["rows"][0]["files"]
    assert len(names) == 1 and names[0].startswith("002-") and len(names[0]) <= 70
    assert not any(c in names[0] for c in '/\\:*?"<>|\t\x00')


def test_safe_name_keeps_readable_titles():
    assert safe_name("用户运营经理") == "用户运营经理"
    assert safe_name("渠道专员（华东）") == "渠道专员（华东）"
    assert not safe_name("../../etc/passwd").startswith(".")
    assert safe_name("a\x00b\u202ec\nd") == "a_b_c_d"  # NUL, a bidi override, a line break


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("missing.csv", None, "找不到"),
        ("empty.csv", b"", "空"),
        ("header.csv", "岗位,级别\r\n".encode(), "只有表头"),
        ("scalar.yaml", "用户运营\n".encode(), "列表"),
        ("binary.csv", b"\x89PNG\r\n\x00\x00\x00", "二进制"),
        ("nul.csv", "\ufeff岗位\r\n用户\x00运营\r\n".encode(), "二进制"),
        ("old.xls", b"\xd0\xcf\x11\xe0", ".xlsx"),
    ],
)
def test_input_problems_exit_2_and_write_nothing(runner, tmp_path, name, content, needle):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = run(runner, str(path), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert not out.exists()


def test_manifest_csv_never_holds_a_formula(runner, tmp_path):
    sheet = write_csv(tmp_path / "jobs.csv", [['=HYPERLINK("http://x")', "", "", "", "", "", "", "", ""]])
    out = tmp_path / "out"
    assert run(runner, str(sheet), "-o", str(out)).exit_code == 1
    cells = list(csv.reader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8-sig"))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for line in cells for cell in line)


# --- Ctrl-C ----------------------------------------------------------------------------------------------------


def test_interrupt_leaves_complete_files_and_a_manifest(tmp_path, monkeypatch, mini_catalog):
    sheet = write_csv(tmp_path / "jobs.csv", [GOOD[1]] * 5)
    real = batch_mod.compose
    calls = []

    def flaky(request, catalog):
        calls.append(request)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(request, catalog)

    monkeypatch.setattr(batch_mod, "compose", flaky)
    out = tmp_path / "out"
    with pytest.raises(BatchInterrupted) as caught:
        run_batch(read_rows(sheet), mini_catalog, BatchOptions(outdir=out, formats=("md", "json")))
    assert isinstance(caught.value, KeyboardInterrupt)
    data = manifest(out)
    assert data["complete"] is False
    assert [r["status"] for r in data["rows"]] == ["ok", "ok", "unfinished", "unfinished", "unfinished"]
    listed = {f for r in data["rows"] for f in r["files"]}
    on_disk = {p.name for p in out.iterdir()} - {"manifest.json", "manifest.csv"}
    assert on_disk == listed and len(listed) == 4  # two rows × md+json; no temp files left
    for name in listed:
        if name.endswith(".json"):
            json.loads((out / name).read_text(encoding="utf-8"))


def test_an_interrupt_masked_by_a_library_is_still_an_interrupt(tmp_path, monkeypatch, mini_catalog):
    """Ctrl-C inside zipfile's writer (a docx being saved) surfaces as ValueError("Can't close the ZIP
    file…") raised while handling the KeyboardInterrupt: still a cancelled run, not an internal error."""
    sheet = write_csv(tmp_path / "jobs.csv", [GOOD[1]] * 3)
    real = batch_mod.compose
    calls = []

    def flaky(request, catalog):
        calls.append(request)
        if len(calls) == 2:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                raise ValueError("Can't close the ZIP file while there is an open writing handle") from None
        return real(request, catalog)

    monkeypatch.setattr(batch_mod, "compose", flaky)
    out = tmp_path / "out"
    with pytest.raises(BatchInterrupted):
        run_batch(read_rows(sheet), mini_catalog, BatchOptions(outdir=out, formats=("md",)))
    assert [r["status"] for r in manifest(out)["rows"]] == ["ok", "unfinished", "unfinished"]


def test_interrupt_exits_130_from_the_cli(runner, tmp_path, monkeypatch):
    def stop(request, catalog):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_mod, "compose", stop)
    sheet = write_csv(tmp_path / "jobs.csv", GOOD)
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 130 and "manifest.json" in result.stderr
    assert {r["status"] for r in manifest(out)["rows"]} == {"unfinished"}
    csv_text = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "未处理" in csv_text and "unfinished" not in csv_text


def test_a_guessed_role_is_explained_in_the_manifest(runner, tmp_path):
    sheet = write_csv(tmp_path / "jobs.csv", [["拉新运营", "专员", "", "", "", "", "", "", ""]])
    out = tmp_path / "out"
    assert run(runner, str(sheet), "-o", str(out)).exit_code == 0
    note = manifest(out)["rows"][0]["note"]
    assert "按「用户运营」生成" in note and "「岗位」一栏" in note and "--role" not in note


def test_extra_columns_are_kept_in_the_manifest(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位,级别,部门,备注\n用户运营,经理,增长部,急招\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = manifest(out)
    assert data["rows"][0]["columns"] == {"部门": "增长部", "备注": "急招"}
    csv_text = (out / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "增长部" in csv_text and "成功" in csv_text
    assert not any(word in csv_text.split("\n", 1)[1] for word in ("ok", "failed", "skipped"))


def test_common_header_words_and_a_city_reach_the_jd(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "岗位名称,职级,人数,城市\n社群运营,经理,若干,杭州\n高级用户运营,,2.0,上海\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = [p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))]
    assert "杭州" in texts[0] and "若干" in texts[0] and "上海" in texts[1] and "2 人" in texts[1]


def test_a_sheet_with_only_titles_writes_one_jd_per_row(runner, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("职位名称\n高级社群运营经理\n内容运营专员\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(runner, str(sheet), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.md"))) == 2
