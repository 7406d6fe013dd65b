"""``oplan import`` (issue 16, deliverable 5): a plan's ผด.02 made by hand, or our
own, into standard department submissions, with exact outcomes."""

import hashlib
import io
import shutil

import pytest
import python_calamine
from click.testing import CliRunner

from oplan_xl.api import build, check, import_plan, init_plan, sample_plan_dir
from oplan_xl.cli import main
from oplan_xl.core.errors import UsageError
from oplan_xl.read.submission import read_submission

from ..builders import DATA

HANDMADE = ("trust-import-handmade.xlsx", "trust-import-handmade-marks.xlsx",
            "trust-import-handmade-marks.xls", "trust-import-handmade.ods")


def _plan(tmp_path, name="แผน"):
    plan_dir = tmp_path / name
    init_plan(plan_dir, "อบต.ทดสอบ", 2568, "เมืองทดสอบ", "ทดสอบ")
    return plan_dir


def _codes(findings, severity=None):
    return [(f.code, f.sheet, f.cell) for f in findings
            if severity is None or f.severity == severity]


# --- our own ผด.02 and ผด.02/1 back in: the same plan ---------------------------------


def _grand_total(pd01):
    """The count and baht of ผด.01's รวมทั้งสิ้น row, as cached in the file."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(pd01.read_bytes()))
    grid = book.get_sheet_by_index(0).to_python()
    (row,) = [row for row in grid if row and row[0] == "รวมทั้งสิ้น"]
    return row[1], round(row[3] * 100)


@pytest.fixture(scope="module")
def sample_and_reimport(tmp_path_factory):
    """The sample plan built; its pd02.xlsx and pd02-1.xlsx imported into a fresh plan
    with the same plan.xlsx, and that plan built."""
    root = tmp_path_factory.mktemp("roundtrip")
    original = root / "original"
    shutil.copytree(sample_plan_dir(), original)
    first = build(original)
    assert first.built and not first.report.errors
    again = root / "again"
    (again / "submissions").mkdir(parents=True)
    shutil.copyfile(original / "plan.xlsx", again / "plan.xlsx")
    sources = [original / "output" / "pd02.xlsx", original / "output" / "pd02-1.xlsx"]
    hashes = [hashlib.sha256(path.read_bytes()).hexdigest() for path in sources]
    imported = import_plan(again, sources)
    assert hashes == [hashlib.sha256(path.read_bytes()).hexdigest() for path in sources]
    return first, imported, build(again), original, again


def test_our_own_pd02_rebuilds_the_same_pd01_total_to_the_satang(sample_and_reimport):
    first, imported, second, original, again = sample_and_reimport
    assert second.built and not second.report.errors
    assert _grand_total(again / "output" / "pd01.xlsx") \
        == _grand_total(original / "output" / "pd01.xlsx") == (74, 2073295290)
    assert (second.plan.count, second.plan.satang, second.plan.equipment_count) \
        == (first.plan.count, first.plan.satang, first.plan.equipment_count)
    assert not imported.errors


def test_our_own_total_rows_are_told_by_their_shape(sample_and_reimport):
    """The รวม rows hold a number shown through ``"รวม "#,##0" โครงการ"``: total
    rows, not rows missing their name; heading rows of both forms are headings."""
    _, imported, *_ = sample_and_reimport
    tallies = [(t.file, t.rows_read, t.rows_planned, t.rows_rejected, t.satang_planned,
                t.total_rows, t.heading_rows) for t in imported.tallies]
    assert tallies == [("pd02.xlsx", 74, 74, 0, 2073295290, 17, 23),
                       ("pd02-1.xlsx", 15, 15, 0, 305778750, 12, 23)]
    assert "total-row-mismatch" not in {f.code for f in imported.findings}


def test_our_own_rows_go_to_their_units(sample_and_reimport):
    _, imported, second, _, again = sample_and_reimport
    files = [(f.path.name, f.known, f.projects, f.equipment) for f in imported.files]
    assert files == [("palad.xlsx", True, 14, 5), ("finance.xlsx", True, 5, 2),
                     ("works.xlsx", True, 16, 3), ("education.xlsx", True, 14, 3),
                     ("health.xlsx", True, 11, 1), ("welfare.xlsx", True, 11, 1),
                     ("อบจ.สมมุติ.xlsx", False, 1, 0),
                     ("สำนักงานเกษตรอำเภอเมืองตัวอย่าง.xlsx", False, 1, 0),
                     ("โรงพยาบาลส่งเสริมสุขภาพตำบลหนองสมมุติ.xlsx", False, 1, 0)]
    codes = {f.code for f in imported.findings if f.code.startswith("import-")}
    assert codes == {"import-unit-first-named", "import-unit-unknown"}
    # Read as any department's file: the หน่วยงาน sheet names the department.
    departments = {t.file: t.department for t in second.report.files}
    assert departments["works.xlsx"] == "กองช่าง"
    assert departments["อบจ.สมมุติ.xlsx"] == "อบจ.สมมุติ"
    unknown = sorted(f.file for f in second.report.findings if f.code == "unknown-department")
    assert unknown == sorted(name for name, known, *_ in files if not known)


# --- a ผด.02 made by hand ---------------------------------------------------------------


@pytest.mark.parametrize("name", HANDMADE)
def test_a_handmade_pd02_with_headings_totals_continuation_and_a_divider(tmp_path, name):
    plan_dir = _plan(tmp_path)
    result = import_plan(plan_dir, [DATA / name])
    (tally,) = result.tallies
    # 6 projects and 1 equipment item above the divider; the budget in words is not read.
    assert (tally.rows_read, tally.rows_planned, tally.rows_rejected) == (7, 6, 1)
    assert (tally.satang_read, tally.satang_planned, tally.satang_rejected) \
        == (80900075, 80900075, 0)
    assert (tally.total_rows, tally.heading_rows, tally.continuation_rows) == (3, 6, 1)
    assert result.later_rows == 4  # the divider, a heading, a project and its total
    assert _codes(result.errors) == [("budget-not-number", "ผด.02", "D11")]
    warnings = [code for code in _codes(result.findings, "warning")
                if code[0] != "month-marked-by-fill"]
    assert warnings == [
        ("continuation-row", "ผด.02", "C9"),
        ("strategy-from-heading-rows", "ผด.02", "A6"),
        ("import-edition-divider", "ผด.02", "A19"),
        ("import-unit-unknown", "ผด.02", "F16"),
        ("import-no-unit", "ผด.02", "F17")]
    divider = next(f for f in result.findings if f.code == "import-edition-divider")
    assert (divider.value, dict(divider.params)) == (
        "เพิ่มเติม ครั้งที่ 1/2568", {"taken": "8–17", "left": 4})
    files = [(f.path.name, f.department, f.known, f.projects, f.equipment, f.satang)
             for f in result.files]
    assert files == [
        ("palad.xlsx", "สำนักปลัด", True, 1, 1, 6700025),
        ("works.xlsx", "กองช่าง", True, 2, 0, 69200050),
        ("สำนักงานเกษตรอำเภอเมืองทดสอบ.xlsx", "สำนักงานเกษตรอำเภอเมืองทดสอบ", False, 1, 0,
         3000000),
        ("ไม่ระบุหน่วยงาน.xlsx", "ไม่ระบุหน่วยงาน", False, 1, 0, 2000000)]


def test_the_imported_files_are_standard_submissions_with_the_rows(tmp_path):
    plan_dir = _plan(tmp_path)
    import_plan(plan_dir, [DATA / "trust-import-handmade.xlsx"], department="palad")
    report = check(plan_dir)
    assert not report.errors
    projects = sorted((p.department, p.strategy.number, p.group.name, p.name, p.activity,
                       p.budget_satang, p.responsible,
                       tuple(i + 1 for i, m in enumerate(p.months) if m))
                      for p in report.projects)
    assert projects == [
        ("กองช่าง", 1, "แผนงานเคหะและชุมชน", "โครงการติดตั้งโคมไฟถนน หมู่ที่ 9",
         "โคมไฟ LED 20 ต้น", 38000050, "กองช่าง", (6, 7, 8)),
        ("กองช่าง", 1, "แผนงานเคหะและชุมชน", "โครงการวางท่อระบายน้ำ หมู่ที่ 2",
         "วางท่อ ค.ส.ล. ยาว 120 เมตร พร้อมบ่อพักทุกระยะ 10 เมตร", 31200000, "กองช่าง", (4,)),
        ("สำนักงานเกษตรอำเภอเมืองทดสอบ", 2, "แผนงานการเกษตร", "โครงการอบรมการแปรรูปผลผลิต",
         "อบรมกลุ่มแม่บ้าน 30 คน", 3000000, "สำนักงานเกษตรอำเภอเมืองทดสอบ", (5,)),
        # No unit of its own: the --department given, its cell left blank.
        ("สำนักปลัด", 2, "แผนงานการเกษตร", "โครงการตลาดนัดชุมชน", "จัดตลาดนัดเดือนละครั้ง",
         2000000, "สำนักปลัด", (7,)),
        ("สำนักปลัด", 2, "แผนงานการเกษตร", "โครงการส่งเสริมการปลูกผักปลอดสาร",
         "อบรมเกษตรกร 50 คน", 4500025, "สำนักปลัด", (2, 3))]
    (item,) = report.equipment
    assert (item.department, item.programme.name, item.equipment_type.name, item.target,
            item.budget_satang, item.months.index(True)) == (
        "สำนักปลัด", "แผนงานบริหารงานทั่วไป", "ครุภัณฑ์สำนักงาน", "ตู้เหล็ก 2 บาน จำนวน 4 ตู้",
        2200000, 1)
    # The template's own sheets, the หน่วยงาน sheet naming the department.
    submission = read_submission(plan_dir / "submissions" / "works.xlsx")
    assert (submission.department_name, submission.projects.sheet,
            submission.equipment.sheet) == ("กองช่าง", "โครงการ", "ครุภัณฑ์")


def test_an_unreadable_budget_is_an_error_and_its_row_is_not_imported(tmp_path):
    plan_dir = _plan(tmp_path)
    result = import_plan(plan_dir, [DATA / "trust-import-handmade.xlsx"])
    (error,) = result.errors
    assert (error.code, error.row, error.cell, error.value) == (
        "budget-not-number", 11, "D11", "สามแสนบาท")
    names = [p.name for p in check(plan_dir).projects]
    assert "โครงการซ่อมแซมศาลาประชาคม" not in names and len(names) == 5


# --- never overwrite, never touch the input ----------------------------------------------


def test_refuses_to_overwrite_a_submission_unless_told(tmp_path):
    plan_dir = _plan(tmp_path)
    source = tmp_path / "ผด02.xlsx"
    shutil.copyfile(DATA / "trust-import-handmade.xlsx", source)
    before = source.read_bytes()
    works = plan_dir / "submissions" / "works.xlsx"
    works.write_bytes(b"the department's own file")
    with pytest.raises(UsageError) as raised:
        import_plan(plan_dir, [source])
    assert raised.value.key == "import-would-overwrite"
    assert works.read_bytes() == b"the department's own file"
    assert sorted(p.name for p in (plan_dir / "submissions").iterdir()) == ["works.xlsx"]
    result = import_plan(plan_dir, [source], replace=True)
    assert works.read_bytes() != b"the department's own file"
    assert len(result.files) == 4
    assert source.read_bytes() == before


def test_says_when_other_submissions_are_there(tmp_path):
    plan_dir = _plan(tmp_path)
    (plan_dir / "submissions" / "health.xlsx").write_bytes(b"x")
    result = import_plan(plan_dir, [DATA / "trust-import-handmade.xlsx"])
    (item,) = [f for f in result.findings if f.code == "import-submissions-not-empty"]
    assert dict(item.params) == {"files": "health.xlsx"}


def test_refuses_a_file_inside_submissions_and_a_missing_one(tmp_path):
    plan_dir = _plan(tmp_path)
    inside = plan_dir / "submissions" / "ผด02.xlsx"
    shutil.copyfile(DATA / "trust-import-handmade.xlsx", inside)
    for files, key in (([inside], "import-source-in-submissions"),
                       ([tmp_path / "nowhere.xlsx"], "import-source-missing")):
        with pytest.raises(UsageError) as raised:
            import_plan(plan_dir, files)
        assert raised.value.key == key
    with pytest.raises(UsageError) as raised:
        import_plan(plan_dir, [DATA / "trust-import-handmade.xlsx"], department="roads")
    assert raised.value.key == "import-unknown-department"


# --- the command ----------------------------------------------------------------------


def test_the_command_prints_the_summary_thai_first(tmp_path):
    plan_dir = _plan(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(plan_dir),
                                  str(DATA / "trust-import-handmade.xlsx")])
    assert result.exit_code == 1, result.output  # one row not imported
    out = result.output
    assert "อ่าน trust-import-handmade.xlsx: 7 แถว 809,000.75 บาท = นำเข้า 6 แถว 809,000.75 บาท " \
           "+ ไม่ได้นำเข้า 1 แถว 0.00 บาท" in out
    assert "ไม่ได้นำเข้า 4 แถวของฉบับถัดไป" in out
    assert "ผด.02!D11" in out and "[budget-not-number]" in out
    assert "works.xlsx: กองช่าง — โครงการ 2 รายการ ครุภัณฑ์ 0 รายการ 692,000.50 บาท" in out
    assert (plan_dir / "output" / "import-findings.xlsx").is_file()
    again = runner.invoke(main, ["import", str(plan_dir),
                                 str(DATA / "trust-import-handmade.xlsx")])
    assert again.exit_code == 2 and "--replace" in again.output
    help_text = runner.invoke(main, ["--help"]).output
    commands = help_text[help_text.index("คำสั่ง / Commands"):].split()
    assert commands.index("template") < commands.index("import") < commands.index("check")


def test_the_command_in_english(tmp_path):
    plan_dir = _plan(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "en", "import", str(plan_dir),
                                       str(DATA / "trust-import-handmade.xlsx"),
                                       "--department", "palad"])
    assert "Read trust-import-handmade.xlsx: 7 rows 809,000.75 baht = imported 6 rows" \
        in result.output
    assert "Wrote" in result.output and "palad.xlsx" in result.output


# --- a few rows written here: what a printed plan adds, one at a time ----------------


def _sheet(path, rows, title="แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"):
    """A one-table ผด.02 with strategy and programme columns, *rows* under its header."""
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "ผด.02"
    ws.append([title])
    ws.append(["ที่", "ยุทธศาสตร์", "แผนงาน", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)",
               "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.",
               "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."])
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def _row(number, name, budget):
    return [number, "1", "แผนงานเคหะและชุมชน", name, "กว้าง 4 เมตร", budget, "หมู่ที่ 1", "กองช่าง",
            "✓"]


def test_a_numbers_only_row_is_a_total_row_and_said_when_it_is_not_the_sum(tmp_path):
    rows = [_row(1, "ถนนสาย ก", 1000), _row(2, "ถนนสาย ข", 2000.5),
            [2, None, None, None, None, 3000.5],  # รวม 2 โครงการ, by its number format
            _row(1, "ถนนสาย ค", 500), [1, None, None, None, None, 600]]  # not 500: said
    source = _sheet(tmp_path / "ผด02.xlsx", rows)
    result = import_plan(_plan(tmp_path), [source])
    (tally,) = result.tallies
    assert (tally.rows_read, tally.rows_planned, tally.total_rows) == (3, 3, 2)
    assert _codes(result.findings) == [("total-row-mismatch", "ผด.02", "F7")]


def test_a_title_naming_a_later_edition_is_said(tmp_path):
    source = _sheet(tmp_path / "ผด02.xlsx", [_row(1, "ถนนสาย ก", 1000)],
                    title="แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 เพิ่มเติม ครั้งที่ ๑/๒๕๖๘")
    result = import_plan(_plan(tmp_path), [source])
    assert _codes(result.findings) == [("import-edition-title", "ผด.02", "A1")]
    assert result.tallies[0].rows_planned == 1


@pytest.mark.parametrize("text", ["เพิ่มเติม ครั้งที่ 1/2568", "แผนการดำเนินงาน (ฉบับเปลี่ยนแปลง) ฉบับที่ 2",
                                  "แก้ไข 1/2568", "ทบทวน ครั้งที่ ๒"])
def test_edition_dividers_of_several_spellings(tmp_path, text):
    source = _sheet(tmp_path / "ผด02.xlsx", [_row(1, "ถนนสาย ก", 1000), [text],
                                             _row(1, "ถนนสาย ข", 2000)])
    result = import_plan(_plan(tmp_path), [source])
    assert _codes(result.findings) == [("import-edition-divider", "ผด.02", "A4")]
    assert (result.tallies[0].rows_read, result.later_rows) == (1, 2)


def test_a_project_about_corrections_is_no_divider(tmp_path):
    source = _sheet(tmp_path / "ผด02.xlsx", [_row(1, "โครงการแก้ไขปัญหาน้ำท่วม ครั้งที่ 2", 1000)])
    result = import_plan(_plan(tmp_path), [source])
    assert (result.tallies[0].rows_planned, result.later_rows) == (1, 0)


def test_a_long_unit_name_gives_a_file_name_any_system_takes(tmp_path):
    unit = "สำนักงาน" + "ทดสอบ" * 30
    row = _row(1, "ถนนสาย ก", 1000)
    row[7] = unit
    result = import_plan(_plan(tmp_path), [_sheet(tmp_path / "ผด02.xlsx", [row])])
    (written,) = result.files
    assert written.path.name == unit[:60] + ".xlsx" and written.path.is_file()
    assert written.department == unit
