import hashlib

import openpyxl

from oplan_xl.api import build
from oplan_xl.core.settings_layout import SETTINGS_FILE_ROLE

from ..builders import equipment, make_plan, project, write_submission


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _build(tmp_path, projects, equipment_rows=()):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", projects, equipment_rows,
                     department="กองช่าง")
    result = build(plan_dir)
    assert result.built
    return plan_dir, result


def test_pd02_numbering_restarts_per_group_and_group_sums(tmp_path):
    _, result = _build(tmp_path, [
        project(name="a1", budget=100), project(name="a2", budget=200.5),
        project(group="แผนงานอุตสาหกรรมและการโยธา", name="b1", budget=300),
        project(strategy="3", group="แผนงานสาธารณสุข", name="c1", budget=400),
    ])
    ws = openpyxl.load_workbook(result.outputs["pd02"], data_only=True).active
    rows = [tuple(c for c in row[:4]) for row in ws.iter_rows(min_row=8, values_only=True)]
    assert rows == [
        ("1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", None, None, None),
        ("1.1 แผนงานเคหะและชุมชน", None, None, None),
        (1, "a1", "ถนนคอนกรีต กว้าง 4 เมตร", 100),
        (2, "a2", "ถนนคอนกรีต กว้าง 4 เมตร", 200.5),
        (2, None, None, 300.5),
        ("1.2 แผนงานอุตสาหกรรมและการโยธา", None, None, None),
        (1, "b1", "ถนนคอนกรีต กว้าง 4 เมตร", 300),
        (1, None, None, 300),
        ("3. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิตและสังคม", None, None, None),
        ("3.1 แผนงานสาธารณสุข", None, None, None),
        (1, "c1", "ถนนคอนกรีต กว้าง 4 เมตร", 400),
        (1, None, None, 400),
    ]
    assert ws["A12"].number_format == '"รวม "#,##0" โครงการ"'
    formulas = openpyxl.load_workbook(result.outputs["pd02"]).active
    assert (formulas["A12"].value, formulas["D12"].value) == ("=COUNT(A10:A11)", "=SUM(D10:D11)")
    assert ws["A1"].value is None and ws["R1"].value == "แบบ ผด.02"
    assert (ws["G6"].value, ws["J6"].value) == ("พ.ศ. 2567", "พ.ศ. 2568")
    assert [ws.cell(7, c).value for c in range(7, 19)][:4] == ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค."]


def test_month_bars_one_merged_range_per_run(tmp_path):
    _, result = _build(tmp_path, [project(months=(1, 2, 7, 8, 9))])
    ws = openpyxl.load_workbook(result.outputs["pd02"]).active
    merged = {str(r) for r in ws.merged_cells.ranges if r.min_row == 10}
    assert merged == {"G10:H10", "M10:O10"}
    assert ws["G10"].fill.fgColor.rgb.endswith("5B9BD5")
    assert ws["I10"].fill.fgColor.rgb in (None, "00000000")


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    nasty = ["=1+2", "+66 81 234 5678", "-ทดสอบ", "@SUM(A1)", "=HYPERLINK(\"http://x\")"]
    _, result = _build(tmp_path, [project(name=text, activity=text, place=text)
                                  for text in nasty])
    ws = openpyxl.load_workbook(result.outputs["pd02"]).active
    names = [row[1] for row in ws.iter_rows(min_row=10, values_only=True) if row[1]]
    assert names == nasty
    project_rows = [row for row in ws.iter_rows(min_row=10) if isinstance(row[0].value, int)]
    assert len(project_rows) == len(nasty)
    for row in project_rows:
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def test_builds_are_byte_identical(tmp_path):
    plan_dir, first = _build(tmp_path, [project()], [equipment()])
    hashes = {name: _sha(path) for name, path in first.outputs.items()}
    second = build(plan_dir)
    assert {name: _sha(path) for name, path in second.outputs.items()} == hashes
    assert sorted(hashes) == ["pd01", "pd02", "pd02-1", "preview"]
    assert not [p for p in (plan_dir / "output").iterdir() if p.name.startswith(".")]
    import os
    import stat

    mask = os.umask(0)
    os.umask(mask)
    for path in first.outputs.values():  # readable by others, like any saved file
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_2548_edition_groups_by_approach_and_has_no_pd02_1(tmp_path):
    plan_dir = make_plan(tmp_path, year=2559)
    write_submission(plan_dir / "submissions" / "works.xlsx", [
        project(group="1.2", name="a"), project(group="1.1 ก่อสร้างและปรับปรุงถนน", name="b"),
        project(group="2.1", name="c")], group_label="แนวทาง", department="กองช่าง",
        year=2559)
    result = build(plan_dir)
    codes = [(f.cell, f.code) for f in result.report.errors]
    assert codes == [("B4", "unknown-approach")]  # 2.1 is not under strategy 1
    result = build(plan_dir, force=True)
    assert sorted(result.outputs) == ["pd01", "pd02", "preview"]
    ws = openpyxl.load_workbook(result.outputs["pd02"]).active
    assert ws["A2"].value == "บัญชีโครงการ/กิจกรรม/งบประมาณ"
    pd01 = openpyxl.load_workbook(result.outputs["pd01"]).active
    labels = [row[0] for row in pd01.iter_rows(min_row=7, max_row=9, values_only=True)]
    assert labels == ["1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
                      "1.1 ก่อสร้างและปรับปรุงถนน สะพาน และทางระบายน้ำ",
                      "1.2 ขยายเขตไฟฟ้าและประปา"]
    assert pd01["A6"].value == "ยุทธศาสตร์/แนวทาง"


def test_provenance_sheet_lists_files_and_rows(tmp_path):
    plan_dir, result = _build(tmp_path, [project(name="a"), project(name="b", budget=5.5)],
                              [equipment()])
    source = plan_dir / "submissions" / "works.xlsx"
    for form in ("pd01", "pd02", "pd02-1"):
        workbook = openpyxl.load_workbook(result.outputs[form])
        assert workbook.sheetnames[0].startswith("แบบ ผด.")
        ws = workbook["ที่มา"]
        settings = plan_dir / "plan.xlsx"  # the strategies and departments came from it
        assert [c.value for c in ws[4]][:4] == ["plan.xlsx", SETTINGS_FILE_ROLE, _sha(settings),
                                                settings.stat().st_size]
        assert [c.value for c in ws[5]] == ["works.xlsx", "กองช่าง", _sha(source),
                                            source.stat().st_size, 3, 3, 0]
    rows = list(openpyxl.load_workbook(result.outputs["pd02"])["ที่มา"].iter_rows(
        min_row=8, max_col=6, values_only=True))
    assert rows == [("1.1/1", "a", 100000, "works.xlsx", "โครงการ", 2),
                    ("1.1/2", "b", 5.5, "works.xlsx", "โครงการ", 3)]


def test_locked_output_gives_a_clear_message_and_keeps_the_old_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from oplan_xl.cli import main
    from oplan_xl.write import atomic

    plan_dir, first = _build(tmp_path, [project()])
    before = _sha(first.outputs["pd01"])

    def locked(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    result = CliRunner().invoke(main, ["build", str(plan_dir)])
    assert result.exit_code == 1
    assert "ปิดไฟล์แล้วสั่งใหม่" in result.output and "pd01.xlsx" in result.output
    assert _sha(first.outputs["pd01"]) == before
    # no temporary file left behind
    assert sorted(p.name for p in (plan_dir / "output").iterdir()) == \
        ["data", "findings.xlsx", "pd01.xlsx", "pd02-1.xlsx", "pd02.xlsx", "preview.html"]
    assert sorted(p.name for p in (plan_dir / "output" / "data").iterdir()) == \
        ["equipment.csv", "plan.json", "projects.csv"]


def test_outputs_open_in_excel_are_named_together_before_anything_is_written(
        tmp_path, monkeypatch):
    """On Windows a workbook shown in Excel cannot be replaced: every such output is
    named in one message, and none of the forms is touched."""
    from click.testing import CliRunner

    from oplan_xl.cli import main
    from oplan_xl.write import atomic

    plan_dir, first = _build(tmp_path, [project()])
    output = plan_dir / "output"
    before = {p.relative_to(output).as_posix(): _sha(p) for p in output.rglob("*")
              if p.is_file()}
    held = {"pd01.xlsx", "preview.html"}
    monkeypatch.setattr(atomic, "_in_use", lambda target: target.name in held)
    write_submission(plan_dir / "submissions" / "works.xlsx", [project(budget=777)], (),
                     department="กองช่าง")
    result = CliRunner().invoke(main, ["build", str(plan_dir), "--lang", "en"])
    assert result.exit_code == 1
    assert "pd01.xlsx, preview.html" in result.output and "close them all" in result.output
    after = {p.relative_to(output).as_posix(): _sha(p) for p in output.rglob("*")
             if p.is_file()}
    forms = set(before) - {"findings.xlsx"}
    assert {name: after[name] for name in forms} == {name: before[name] for name in forms}
    assert sorted(after) == sorted(before)  # no temporary file left


def test_a_file_merely_open_for_reading_or_missing_is_not_held(tmp_path):
    from oplan_xl.write import atomic

    target = tmp_path / "pd01.xlsx"
    assert atomic._in_use(target) is False
    target.write_bytes(b"x")
    with target.open("rb"):  # a viewer, or another oplan run reading it
        assert atomic._in_use(target) is False
