"""Issue 14, classes 4 and 9: which sheet holds which table (told by the whole of its
header, never half of it), and a printed ผด.02 pasted in (strategy and programme
from its heading rows).  Fixtures: tests/data/trust_sheets.py."""

import pytest

from oplan_xl.api import check
from oplan_xl.core.findings import finding
from oplan_xl.read.headings import heading_of
from oplan_xl.read.submission import read_submission

from ..builders import DATA, plan_with

F = "trust-sheets-{}".format


def months(*numbers):
    return tuple(index + 1 in numbers for index in range(12))


def findings(report):
    """(code, sheet, row, cell) of the file's findings, in report order."""
    return [(f.code, f.sheet, f.row, f.cell) for f in report.findings if f.file]


def projects(report):
    return [(p.origin.sheet, p.origin.row, p.strategy.number, p.group.name, p.budget_satang,
             p.months) for p in report.projects]


def equipment(report):
    return [(e.origin.sheet, e.origin.row, e.budget_satang) for e in report.equipment]


def sheets_read(name):
    submission = read_submission(DATA / name)
    return (submission.projects and submission.projects.sheet,
            submission.equipment and submission.equipment.sheet)


HOUSING = "แผนงานเคหะและชุมชน"


# --- class 4: which sheet holds which table -------------------------------------


@pytest.mark.parametrize("name, read, warned", [
    ("renamed-copy.xlsx", ("โครงการ (2)", "ครุภัณฑ์ (2)"), ["โครงการ (2)", "ครุภัณฑ์ (2)"]),
    ("sheet1-sheet2.xlsx", ("Sheet1", "Sheet2"), ["Sheet1", "Sheet2"]),
    ("sheet1-sheet2.xls", ("Sheet1", "Sheet2"), ["Sheet1", "Sheet2"]),
    # equipment first, on Sheet1: its header names แผนงาน, งบประมาณ, สถานที่ (half the
    # project columns), and is still equipment
    ("equipment-first.xlsx", ("Sheet2", "Sheet1"), ["Sheet2", "Sheet1"]),
    ("names-swapped.xlsx", ("ครุภัณฑ์", "โครงการ"), ["ครุภัณฑ์", "โครงการ"]),
])
def test_renamed_and_moved_sheets_are_read_by_their_header(tmp_path, name, read, warned):
    assert sheets_read(F(name)) == read
    report = check(plan_with(tmp_path, F(name)))
    assert [(f.code, f.sheet) for f in report.findings if f.file] == \
        [("sheet-read-as", sheet) for sheet in warned]
    assert report.total().rows_rejected == 0


def test_the_warning_says_which_sheet_was_read_as_what(tmp_path):
    report = check(plan_with(tmp_path, F("names-swapped.xlsx")))
    projects_warning, equipment_warning = report.findings[:2]
    assert projects_warning.message() == (
        'อ่านแผ่นงาน "ครุภัณฑ์" เป็นตารางโครงการ (ดูจากหัวตาราง) — ตรวจว่าถูกต้อง '
        'แล้วเปลี่ยนชื่อแผ่นงานเป็น "โครงการ"')
    assert "read as the equipment table" in equipment_warning.message("en")
    assert (projects_warning.row, projects_warning.cell) == (1, "A1")
    assert projects(report) == [("ครุภัณฑ์", 2, 1, HOUSING, 30000000, months(4))]
    assert equipment(report) == [("โครงการ", 2, 1100000)]


def test_sheet1_sheet2_budgets(tmp_path):
    report = check(plan_with(tmp_path, F("sheet1-sheet2.xlsx")))
    assert projects(report) == [("Sheet1", 2, 1, HOUSING, 10000000, months(4)),
                                ("Sheet1", 3, 1, HOUSING, 25000050, months(4))]
    assert equipment(report) == [("Sheet2", 2, 550000), ("Sheet2", 3, 1100000)]


def test_equipment_before_projects_is_never_taken_for_projects(tmp_path):
    report = check(plan_with(tmp_path, F("equipment-first.xlsx")))
    assert equipment(report) == [("Sheet1", 2, 550000), ("Sheet1", 3, 1650000)]
    assert [row[:2] for row in projects(report)] == [("Sheet2", 2), ("Sheet2", 3)]


@pytest.mark.parametrize("name", ["two-project-sheets.xlsx", "two-project-sheets.ods"])
def test_a_second_project_sheet_is_reported_naming_the_one_read(tmp_path, name):
    report = check(plan_with(tmp_path, F(name)))
    assert findings(report) == [("sheet-not-read", "โครงการ (2)", 1, "A1")]
    (item,) = report.errors
    assert dict(item.params) == {"kind": "โครงการ", "kind_en": "project", "read": "โครงการ"}
    assert 'อ่านตารางโครงการจากแผ่นงาน "โครงการ" แล้ว' in item.message()
    assert projects(report) == [("โครงการ", 2, 1, HOUSING, 10000000, months(4)),
                                ("โครงการ", 3, 1, HOUSING, 20000000, months(4))]
    assert report.total().rows_read == 2  # the other sheet's rows are not counted


def test_an_empty_template_sheet_gives_way_to_the_filled_one(tmp_path):
    report = check(plan_with(tmp_path, F("empty-template-and-filled.xlsx")))
    assert findings(report) == [("sheet-read-as", "แผนปี 68", 2, "A2")]
    assert [(row[1], row[4]) for row in projects(report)] == \
        [(3, 10000000), (4, 20000000), (5, 30000000)]


@pytest.mark.parametrize("name", ["hidden-copy.xlsx", "hidden-copy.xls", "hidden-copy.ods"])
def test_a_hidden_second_table_is_reported(tmp_path, name):
    report = check(plan_with(tmp_path, F(name)))
    assert findings(report) == [("sheet-hidden-not-read", "โครงการ ปีก่อน", 1, "A1")]
    assert "ยกเลิกการซ่อน" in report.errors[0].message()
    assert [row[:2] for row in projects(report)] == [("โครงการ", 2)]


def test_a_table_only_on_a_hidden_sheet_is_read_with_a_warning(tmp_path):
    report = check(plan_with(tmp_path, F("hidden-only.xlsx")))
    assert findings(report) == [("sheet-hidden-read", "ข้อมูล", 1, "A1")]
    assert [row[:2] for row in projects(report)] == [("ข้อมูล", 2), ("ข้อมูล", 3)]
    assert equipment(report) == [("ครุภัณฑ์", 2, 550000)]


def test_a_header_of_shared_columns_only_is_not_guessed(tmp_path):
    report = check(plan_with(tmp_path, F("kind-unclear.xlsx")))
    assert findings(report) == [("table-kind-unclear", "สรุป", 1, "A1")]
    found = dict(report.errors[0].params)["found"]
    assert found.startswith("แผนงาน, งบประมาณ (บาท), สถานที่ดำเนินการ, หน่วยงานรับผิดชอบหลัก, ต.ค.")
    assert [row[:2] for row in projects(report)] == [("โครงการ", 2)]


def test_an_equipment_header_on_the_project_sheet_is_equipment(tmp_path):
    """ประเภท and หมวด outweigh รายละเอียด (a project label): equipment, its target
    column missing; never a project table."""
    report = check(plan_with(tmp_path, F("equipment-on-project-sheet.xlsx")))
    assert findings(report) == [("sheet-read-as", "โครงการ", 1, "A1"),
                                ("missing-column", "โครงการ", 1, "A1")]
    assert report.findings[1].column == "เป้าหมาย (ผลผลิตของครุภัณฑ์)"
    assert "รายละเอียด" in dict(report.findings[1].params)["found"]
    assert report.projects == [] and report.total().rows_rejected == 1


def test_no_header_says_what_the_closest_row_had(tmp_path):
    report = check(plan_with(tmp_path, "check-no-header.xlsx"))
    (item,) = report.errors
    assert (item.sheet, item.row, item.cell) == ("โครงการ", 1, "A1")
    assert dict(item.params)["found"] == "แถว 1: รายการที่จะทำ, เงิน, ที่ไหน"


# --- class 9: a printed ผด.02 pasted in ---------------------------------------------

#: The projects of the ผด.02 fixtures: (row offset from the first, strategy,
#: programme, satang, months).
PD02 = [(1, HOUSING, 31200000, months(4)), (1, HOUSING, 38000050, months(6, 7, 8)),
        (1, "แผนงานอุตสาหกรรมและการโยธา", 47800000, months(4)),
        (2, "แผนงานการเกษตร", 4500025, months(2, 3))]


def _pd02(report):
    return [row[2:] for row in projects(report)]


@pytest.mark.parametrize("name, rows, fills", [
    ("pd02-pasted.xlsx", [10, 11, 14, 18], True),
    ("pd02-pasted.ods", [10, 11, 14, 18], True),
    ("pd02-heading-in-b.xlsx", [10, 11, 14, 18], False),
    ("pd02-heading-in-b.xls", [10, 11, 14, 18], False),
    ("pd02-no-number-column.xlsx", [10, 11, 14, 18], False),
])
def test_a_pasted_pd02_takes_strategy_and_programme_from_its_heading_rows(
        tmp_path, name, rows, fills):
    report = check(plan_with(tmp_path, F(name)))
    assert _pd02(report) == PD02
    assert [row[1] for row in projects(report)] == rows
    heading_cell = "B8" if "in-b" in name else "A8"
    expected = [("strategy-from-heading-rows", "โครงการ", 8, heading_cell)]
    if fills:
        expected += [("month-marked-by-fill", "โครงการ", row, cell)
                     for row, cell in zip(rows, ("J10", "L11", "J14", "H18"), strict=True)]
    assert findings(report) == expected
    warning = report.findings[0]
    assert dict(warning.params)["columns"] == "ยุทธศาสตร์, แผนงาน"
    assert warning.value == "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
    tally = report.total()
    # 2 strategy + 3 programme heading rows, 3 รวม rows: neither read nor rejected
    assert (tally.rows_read, tally.rows_rejected, tally.heading_rows, tally.total_rows) == \
        (4, 0, 5, 3)
    assert report.projects[0].cells["strategy"] == heading_cell
    assert report.projects[0].cells["group"] == heading_cell.replace("8", "9")


def test_thai_digit_headings_on_a_renamed_sheet(tmp_path):
    report = check(plan_with(tmp_path, F("pd02-thai-digits-sheet1.xlsx")))
    assert _pd02(report) == PD02
    assert findings(report)[:2] == [("sheet-read-as", "Sheet1", 6, "A6"),
                                    ("strategy-from-heading-rows", "Sheet1", 8, "A8")]
    assert report.total().heading_rows == 5


def test_headings_by_name_without_numbers(tmp_path):
    report = check(plan_with(tmp_path, F("pd02-named-headings.xlsx")))
    assert _pd02(report) == [(2, "แผนงานการเกษตร", 4500025, months(2, 3))]
    assert findings(report) == [("strategy-from-heading-rows", "โครงการ", 8, "A8")]


def test_a_project_above_every_heading_is_an_error_at_its_row(tmp_path):
    report = check(plan_with(tmp_path, F("pd02-row-before-heading.xlsx")))
    assert _pd02(report) == PD02
    assert [f for f in findings(report) if f[0] != "month-marked-by-fill"] == [
        ("strategy-from-heading-rows", "โครงการ", 10, "A10"),
        ("no-heading-above", "โครงการ", 8, "B8")]
    tally = report.total()
    assert (tally.rows_read, tally.rows_rejected, tally.satang_rejected) == (5, 1, 2000000)


def test_strategy_headings_alone_leave_the_programme_missing(tmp_path):
    report = check(plan_with(tmp_path, F("pd02-strategy-only.xlsx")))
    codes = [f[:3] for f in findings(report) if f[0] != "month-marked-by-fill"]
    assert codes == [("missing-column", "โครงการ", 6),
                     ("strategy-from-heading-rows", "โครงการ", 8)]
    assert report.findings[0].column == "แผนงาน"
    tally = report.total()
    assert (tally.rows_read, tally.rows_planned, tally.heading_rows) == (4, 0, 2)


@pytest.mark.parametrize("text, expected", [
    ("1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", ("strategy", 1)),
    ("2 ด้านเศรษฐกิจ", ("strategy", 2)),
    ("ยุทธศาสตร์ที่ 3 การพัฒนาคน", ("strategy", 3)),
    ("ยุทธศาสตร์การพัฒนาด้านการศึกษา", ("strategy", None)),
    ("1.1 แผนงานเคหะและชุมชน", ("group", 1)),
    ("2.3. แนวทางการพัฒนาถนน", ("group", 2)),
    ("แผนงานการเกษตร", ("group", None)),
    ("2. ก่อสร้างถนนคอนกรีต", None),  # a numbered project, not a heading
    ("ก่อสร้างถนน", None),
    ("รวม 4 โครงการ", None),
])
def test_what_a_heading_row_says(text, expected):
    assert heading_of(text) == expected


def test_messages_of_the_new_codes_read_in_both_languages():
    item = finding("strategy-from-heading-rows", "f.xlsx", "โครงการ", 8, "", "A8",
                   "1. ยุทธศาสตร์…", columns="ยุทธศาสตร์, แผนงาน")
    assert "อ่าน ยุทธศาสตร์, แผนงาน ของแต่ละโครงการจากแถวหัวข้อ" in item.message()
    assert item.severity == "warning"
    assert finding("no-heading-above", columns="ยุทธศาสตร์").severity == "error"
