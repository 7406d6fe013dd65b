"""The department input workbook written by ``oplan template`` (oplan_xl.write.template).

Exact cells, validations and protection; the reader gets back exactly what is
typed into a template; the reference workbook in workbook_templates/ has not
drifted from what the code writes; the dropdowns survive LibreOffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from oplan_xl.api import check, write_templates
from oplan_xl.core.errors import UsageError
from oplan_xl.core.layout import (
    DEPARTMENT_ITEMS,
    EQUIPMENT_COLUMNS,
    FUND_SOURCES,
    MONTH_KEYS,
    project_columns,
)
from oplan_xl.core.model import MONTHS
from oplan_xl.core.settings_layout import default_settings
from oplan_xl.read.header import find_header
from oplan_xl.read.workbook import open_workbook, read_grid
from oplan_xl.write import template
from oplan_xl.write.rowheight import row_height
from oplan_xl.write.template import (
    ACCEPTED_MARKS,
    EQUIPMENT_ROWS,
    FIRST_DATA_ROW,
    LISTS_SHEET,
    MARK,
    PROJECT_ROWS,
    REFERENCE_FILE,
    write_template,
)

from ..builders import equipment, fill_template, make_plan, project

LAST_PROJECT_ROW = FIRST_DATA_ROW + PROJECT_ROWS - 1
LAST_EQUIPMENT_ROW = FIRST_DATA_ROW + EQUIPMENT_ROWS - 1


@pytest.fixture(scope="module")
def settings():
    return default_settings("องค์การบริหารส่วนตำบลทดสอบระบบ", 2568)


@pytest.fixture(scope="module")
def works(settings, tmp_path_factory):
    """The template of กองช่าง, written once and opened with openpyxl."""
    path = tmp_path_factory.mktemp("template") / "works.xlsx"
    write_template(settings, settings.departments[2], path)
    return path


@pytest.fixture(scope="module")
def wb(works):
    return openpyxl.load_workbook(works)


def _validations(ws) -> dict[str, object]:
    """sqref → data validation."""
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


# --- Sheets and cells ---------------------------------------------------------------


def test_sheets_in_order_with_the_list_sheet_hidden(wb):
    assert wb.sheetnames == ["คำแนะนำ", "โครงการ", "ครุภัณฑ์", "หน่วยงาน", LISTS_SHEET]
    assert [ws.sheet_state for ws in wb] == ["visible"] * 4 + ["hidden"]
    assert wb.active.title == "คำแนะนำ"
    assert [ws.title for ws in wb if ws.sheet_view.tabSelected] == ["คำแนะนำ"]


def test_department_sheet_is_what_the_reader_expects(wb):
    ws = wb["หน่วยงาน"]
    assert [ws.cell(1, c).value for c in (1, 2)] == ["รายการ", "ค่า"]
    assert [ws.cell(r, 1).value for r in range(2, 6)] == list(DEPARTMENT_ITEMS)
    assert (ws["B2"].value, ws["B3"].value) == ("กองช่าง", 2568)
    assert (ws["B4"].value, ws["B5"].value) == (None, None)
    # pre-filled items are locked, the two the department fills in are not
    assert [ws[f"B{r}"].protection.locked for r in range(2, 6)] == [True, True, False, False]
    assert ws["B5"].number_format == "@"  # a phone number keeps its leading 0


def test_project_sheet_header_title_and_data_rows(wb):
    ws = wb["โครงการ"]
    columns = project_columns()
    assert [c.value for c in ws[2]] == [c.label for c in columns]
    assert ws["A1"].value == "โครงการ/กิจกรรม ที่จะดำเนินการ ปีงบประมาณ พ.ศ. 2568 — กองช่าง"
    assert (ws["H1"].value, ws["K1"].value) == ("พ.ศ. 2567", "พ.ศ. 2568")
    assert {str(r) for r in ws.merged_cells.ranges} == {"H1:J1", "K1:S1"}
    assert [ws.cell(2, c).value for c in range(8, 20)] == list(MONTHS)
    assert ws.freeze_panes == "A3"
    assert ws.max_row == LAST_PROJECT_ROW and ws.max_column == len(columns)
    for col in range(1, len(columns) + 1):
        header, first, last = ws.cell(2, col), ws.cell(3, col), ws.cell(LAST_PROJECT_ROW, col)
        assert header.protection.locked and header.font.b
        for cell in (first, last):
            assert cell.value is None and not cell.protection.locked
            assert cell.font.name == "TH SarabunPSK" and cell.font.sz == 16
            assert cell.alignment.wrap_text
    assert ws["E3"].number_format == "#,##0.00"
    assert ws["H3"].alignment.horizontal == "center"
    # below the prepared rows nothing is unlocked: rows are added by inserting
    assert ws.cell(LAST_PROJECT_ROW + 1, 1).protection.locked


def test_column_widths(wb):
    ws = wb["โครงการ"]
    widths = {c.key: ws.column_dimensions[get_column_letter(i + 1)].width
              for i, c in enumerate(project_columns())}
    assert widths["activity"] == 40 and widths["strategy"] == 30
    assert all(widths[key] == 5.5 for key in MONTH_KEYS)
    assert all(width >= 13 for key, width in widths.items() if key not in MONTH_KEYS)


def test_equipment_sheet(wb):
    ws = wb["ครุภัณฑ์"]
    assert [c.value for c in ws[2]] == [c.label for c in EQUIPMENT_COLUMNS]
    assert ws.max_row == LAST_EQUIPMENT_ROW
    assert not ws.cell(LAST_EQUIPMENT_ROW, 1).protection.locked
    assert ws.freeze_panes == "A3"


def test_every_cell_uses_the_government_font(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "TH SarabunPSK", (ws.title, cell.coordinate)


# --- Dropdowns, messages, checks ---------------------------------------------------


def test_list_sheet_and_defined_names_feed_the_dropdowns(wb, settings):
    lists = wb[LISTS_SHEET]

    def values(name):
        ref = wb.defined_names[name].attr_text
        sheet, cells = ref.split("!")
        assert sheet == f"'{LISTS_SHEET}'"
        return [cell.value for (cell,) in lists[cells.replace("$", "")]]

    assert values("strategies") == [f"{s.number} {s.name}" for s in settings.strategies]
    assert values("strategies")[0] == "1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
    assert values("programmes") == [p.name for p in settings.programmes]
    assert values("equipment_types") == [t.name for t in settings.equipment_types]
    assert values("fund_sources") == list(FUND_SOURCES)
    assert values("marks") == [MARK]
    assert values("departments") == [d.name for d in settings.departments]


def test_data_validations_of_the_project_sheet(wb):
    dvs = _validations(wb["โครงการ"])

    def dv(letter):
        return dvs[f"{letter}3:{letter}{LAST_PROJECT_ROW}"]

    for letter, source, style in (("A", "strategies", "warning"), ("B", "programmes", "stop"),
                                  ("T", "fund_sources", "warning")):
        assert (dv(letter).type, dv(letter).formula1, dv(letter).errorStyle) == (
            "list", source, style)
        assert dv(letter).showErrorMessage
    budget = dv("E")
    assert (budget.type, budget.operator, budget.formula1) == ("decimal", "greaterThan", "0")
    assert budget.errorStyle == "warning" and budget.showErrorMessage and budget.error
    for index in range(12):
        letter = get_column_letter(8 + index)
        month = dv(letter)
        assert (month.type, month.formula1, month.showErrorMessage) == ("list", "marks", False)
        assert MONTHS[index] in month.promptTitle
    for letter in "CDFGUV":  # free text: a message, no check
        assert dv(letter).type is None and dv(letter).prompt


def test_every_header_and_data_cell_has_an_input_message(wb):
    for title, width, last in (("โครงการ", 22, LAST_PROJECT_ROW),
                               ("ครุภัณฑ์", 20, LAST_EQUIPMENT_ROW)):
        ws = wb[title]
        covered = {}
        for dv in ws.data_validations.dataValidation:
            for cell_range in dv.sqref.ranges:
                for (row, col) in ((r, c) for r in (cell_range.min_row, cell_range.max_row)
                                   for c in range(cell_range.min_col, cell_range.max_col + 1)):
                    covered[(row, col)] = dv
        for col in range(1, width + 1):
            for row in (2, FIRST_DATA_ROW, last):
                dv = covered[(row, col)]
                assert dv.showInputMessage and dv.prompt and dv.promptTitle, (title, row, col)
            assert covered[(2, col)].type is None  # no dropdown arrow on a header


def test_validation_texts_fit_excel_limits(wb):
    for ws in wb:
        for dv in ws.data_validations.dataValidation:
            assert len(dv.promptTitle or "") <= 32 and len(dv.prompt or "") <= 255
            assert len(dv.errorTitle or "") <= 32 and len(dv.error or "") <= 225


def test_equipment_and_department_dropdowns(wb, settings, tmp_path):
    dvs = _validations(wb["ครุภัณฑ์"])
    last = LAST_EQUIPMENT_ROW
    assert dvs[f"A3:A{last}"].formula1 == "programmes"
    assert dvs[f"C3:C{last}"].formula1 == "equipment_types"
    assert dvs[f"E3:E{last}"].type == "decimal"
    # a blank template: the department is chosen from a dropdown, and unlocked
    path = write_template(settings, None, tmp_path / "blank.xlsx")
    ws = openpyxl.load_workbook(path)["หน่วยงาน"]
    assert ws["B2"].value is None and not ws["B2"].protection.locked
    assert _validations(ws)["B2"].formula1 == "departments"


def test_2548_edition_approach_dropdown_depends_on_the_strategy(tmp_path):
    settings = default_settings("อบต.ทดสอบ", 2558)
    assert settings.by_approach
    path = write_template(settings, settings.departments[0], tmp_path / "palad.xlsx")
    wb = openpyxl.load_workbook(path)
    # no ผด.02/1 in this edition: equipment is entered as projects
    assert "ครุภัณฑ์" not in wb.sheetnames
    ws = wb["โครงการ"]
    assert ws["B2"].value == "แนวทาง"
    dv = _validations(ws)[f"B3:B{LAST_PROJECT_ROW}"]
    assert dv.type == "list" and dv.errorStyle == "warning"
    assert dv.formula1 == 'INDIRECT("approaches_"&LEFT($A3,FIND(" ",$A3&" ")-1))'
    lists = wb[LISTS_SHEET]
    for strategy in settings.strategies:
        ref = wb.defined_names[f"approaches_{strategy.number}"].attr_text.split("!")[1]
        titles = [cell.value for (cell,) in lists[ref.replace("$", "")]]
        expected = [a.title for a in settings.approaches if a.strategy == strategy.number]
        assert titles == expected and titles[0].startswith(f"{strategy.number}.1 ")


def test_a_strategy_added_to_plan_xlsx_appears_in_the_next_templates(tmp_path):
    plan_dir = make_plan(tmp_path)
    settings_book = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    settings_book["ยุทธศาสตร์"].append([7, "ยุทธศาสตร์การพัฒนาด้านเมืองอัจฉริยะ"])
    settings_book.save(plan_dir / "plan.xlsx")
    (path,) = write_templates(plan_dir, "works")
    wb = openpyxl.load_workbook(path)
    assert wb.defined_names["strategies"].attr_text == f"'{LISTS_SHEET}'!$A$2:$A$8"
    assert wb[LISTS_SHEET]["A8"].value == "7 ยุทธศาสตร์การพัฒนาด้านเมืองอัจฉริยะ"


# --- Protection and print ----------------------------------------------------------------


def test_protection(wb):
    assert wb.security.lockStructure
    for ws in wb:
        protection = ws.protection
        assert protection.sheet and protection.password is None, ws.title
        # columns can never be inserted or deleted: the reader needs the header whole
        assert protection.insertColumns and protection.deleteColumns
        assert not protection.formatColumns  # widening a column is fine
    for title in ("โครงการ", "ครุภัณฑ์"):
        protection = wb[title].protection
        assert not protection.insertRows and not protection.deleteRows


def test_print_setup(wb):
    for ws in wb:
        if ws.sheet_state != "visible":
            continue
        setup = ws.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # 9: A4
        assert ws.sheet_format.defaultRowHeight == row_height(1, 16)  # one 16 pt line
    for title in ("คำแนะนำ", "โครงการ", "ครุภัณฑ์"):
        ws = wb[title]
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert wb["โครงการ"].print_title_rows == "$1:$2"


# --- Instructions -------------------------------------------------------------------------


def _text(ws) -> str:
    return "\n".join(str(cell.value) for row in ws.iter_rows() for cell in row
                     if cell.value is not None)


def test_instructions_cover_columns_months_donts_and_contact(wb, settings, tmp_path):
    ws = wb["คำแนะนำ"]
    text = _text(ws)
    assert "กองช่าง องค์การบริหารส่วนตำบลทดสอบระบบ" in text
    column_b = {ws.cell(row, 2).value for row in range(1, ws.max_row + 1)}
    for column in (*project_columns(), *EQUIPMENT_COLUMNS):
        if column.key not in MONTH_KEYS:
            assert column.label in column_b
    for phrase in ("Merge", "แทรก ลบ หรือย้ายคอลัมน์", "เปลี่ยนชื่อหัวตาราง", "รูปภาพ",
                   "พ.ศ. 2567", "1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
                   "ไม่มีรหัสผ่าน", "ต้องกรอก", "ตัวอย่าง"):
        assert phrase in text, phrase
    assert all(mark in text for mark in ACCEPTED_MARKS)
    assert "ติดต่องานวิเคราะห์นโยบายและแผน (ผู้จัดทำแผนการดำเนินงาน) " in text
    # the planning unit of the settings, when set, is whom to contact
    settings = default_settings("อบต.ทดสอบ", 2568)
    settings.responsible_unit = "งานนโยบายและแผน สำนักปลัด"
    path = write_template(settings, settings.departments[0], tmp_path / "p.xlsx")
    assert "ติดต่องานนโยบายและแผน สำนักปลัด อบต.ทดสอบ" in _text(
        openpyxl.load_workbook(path)["คำแนะนำ"])


def test_no_sheet_but_the_input_tables_looks_like_a_table(works, tmp_path):
    """The reader looks on every sheet when a table is missing: ours must not match."""
    old = template.write_template(default_settings("อบต.ทดสอบ", 2558), None,
                                  tmp_path / "2548.xlsx")
    for path in (works, old):
        workbook = open_workbook(path)
        for name in ("คำแนะนำ", "หน่วยงาน", LISTS_SHEET):
            grid = read_grid(workbook, name)
            for columns in (project_columns(), project_columns("แนวทาง"), EQUIPMENT_COLUMNS):
                assert find_header(grid, columns) is None, (path.name, name)


# --- Reading filled templates back --------------------------------------------------------

TYPED_PROJECTS = [
    # a budget with satang, the strategy as the dropdown writes it
    project(strategy="1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", name="ก่อสร้างถนน หมู่ที่ 1",
            budget=12345.67, months=(1, 2, 3), fund_source=FUND_SOURCES[0],
            dev_plan_ref="หน้า 12 ลำดับ 3", note="ทดสอบ"),
    # Thai digits in the strategy cell
    project(strategy="๓ ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิตและสังคม", group="แผนงานสาธารณสุข",
            name="รณรงค์ป้องกันไข้เลือดออก", budget="๑๒,๕๐๐.๕๐", months=(), place="ทุกหมู่บ้าน",
            responsible="กองสาธารณสุขและสิ่งแวดล้อม / กองช่าง"),
    project(strategy="๒", group="แผนงานการเกษตร", name="ส่งเสริมการปลูกผักปลอดสารพิษ",
            budget=30000, months=()),
]
# each accepted mark in its own month of row 2, and the number 1 in row 3
for index, mark in enumerate(ACCEPTED_MARKS):
    TYPED_PROJECTS[1][MONTH_KEYS[index]] = mark
TYPED_PROJECTS[2][MONTH_KEYS[11]] = 1
TYPED_EQUIPMENT = [equipment(budget=11000.5, months=(2, 3)),
                   equipment(equipment_type="ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์",
                             target="เครื่องพิมพ์ 1 เครื่อง", budget=8900, months=(12,),
                             category="ค่าครุภัณฑ์", note="ทดแทนเครื่องเดิม")]


def _expected_projects():
    def months(row):
        return tuple(key in row for key in MONTH_KEYS)
    return [
        (1, "แผนงานเคหะและชุมชน", "ก่อสร้างถนน หมู่ที่ 1", "ถนนคอนกรีต กว้าง 4 เมตร", 1234567,
         "หมู่ที่ 1", "กองช่าง", months(TYPED_PROJECTS[0]), FUND_SOURCES[0], "หน้า 12 ลำดับ 3",
         "ทดสอบ"),
        (3, "แผนงานสาธารณสุข", "รณรงค์ป้องกันไข้เลือดออก", "ถนนคอนกรีต กว้าง 4 เมตร", 1250050,
         "ทุกหมู่บ้าน", "กองสาธารณสุขและสิ่งแวดล้อม / กองช่าง",
         tuple(index < len(ACCEPTED_MARKS) for index in range(12)), "", "", ""),
        (2, "แผนงานการเกษตร", "ส่งเสริมการปลูกผักปลอดสารพิษ", "ถนนคอนกรีต กว้าง 4 เมตร",
         3000000, "หมู่ที่ 1", "กองช่าง", (False,) * 11 + (True,), "", "", ""),
    ]


def _read_back(report):
    projects = [(p.strategy.number, p.group.name, p.name, p.activity, p.budget_satang, p.place,
                 p.responsible, p.months, p.fund_source, p.dev_plan_ref, p.note)
                for p in report.projects]
    items = [(e.programme.name, e.category, e.equipment_type.name, e.target, e.budget_satang,
              e.place, e.responsible, e.months, e.note) for e in report.equipment]
    return projects, items


EXPECTED_EQUIPMENT = [
    ("แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์สำนักงาน", "ตู้เหล็ก 2 บาน จำนวน 2 ตู้",
     1100050, "ที่ทำการ", "กองช่าง", tuple(i in (1, 2) for i in range(12)), ""),
    ("แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์",
     "เครื่องพิมพ์ 1 เครื่อง", 890000, "ที่ทำการ", "กองช่าง", (False,) * 11 + (True,),
     "ทดแทนเครื่องเดิม"),
]


def _only_missing_departments(report, file_name):
    codes = {(f.code, f.file) for f in report.findings}
    assert codes <= {("department-no-submission", "")}, report.findings
    tally = next(t for t in report.files if t.file == file_name)
    return tally


@pytest.fixture
def filled_plan(tmp_path):
    """A plan whose กองช่าง filled in its template and sent it back."""
    plan_dir = make_plan(tmp_path)
    (path,) = write_templates(plan_dir, "works")
    fill_template(path, TYPED_PROJECTS, TYPED_EQUIPMENT,
                  out=plan_dir / "submissions" / "แผนกองช่าง.xlsx")
    return plan_dir


def test_filled_template_reads_back_exactly(filled_plan):
    report = check(filled_plan)
    assert _read_back(report) == (_expected_projects(), EXPECTED_EQUIPMENT)
    tally = _only_missing_departments(report, "แผนกองช่าง.xlsx")
    assert tally.department == "กองช่าง"  # from the หน่วยงาน sheet, not the file name
    assert (tally.rows_read, tally.rows_planned, tally.rows_rejected) == (5, 5, 0)
    assert [p.origin.row for p in report.projects] == [3, 4, 5]


def test_untouched_template_has_no_rows(tmp_path):
    """The 300 + 100 formatted empty rows are blank to the reader; the blank form
    sent back is said as such (issue 15), at its header."""
    plan_dir = make_plan(tmp_path)
    (path,) = write_templates(plan_dir, "works")
    shutil.copyfile(path, plan_dir / "submissions" / path.name)
    report = check(plan_dir)
    blank = [(f.code, f.cell) for f in report.findings if f.file == "works.xlsx"]
    assert blank == [("no-data-rows", "A2")]
    report.findings = [f for f in report.findings if f.file != "works.xlsx"]
    tally = _only_missing_departments(report, "works.xlsx")
    assert (tally.rows_read, tally.satang_read) == (0, 0)


def test_reference_template_filled_in_reads_back(tmp_path):
    """The blank workbook from workbook_templates/ with the department chosen."""
    plan_dir = make_plan(tmp_path)
    fill_template(template.reference_dir() / REFERENCE_FILE, TYPED_PROJECTS[:1],
                  department="กองช่าง", out=plan_dir / "submissions" / "ของเรา.xlsx")
    settings_book = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    settings_book["ข้อมูลทั่วไป"]["B5"] = template.REFERENCE_YEAR
    assert settings_book["ข้อมูลทั่วไป"]["A5"].value == "ปีงบประมาณ (พ.ศ.)"
    settings_book.save(plan_dir / "plan.xlsx")
    report = check(plan_dir)
    assert _read_back(report)[0] == _expected_projects()[:1]
    _only_missing_departments(report, "ของเรา.xlsx")


# --- write_templates ------------------------------------------------------------------------


def test_write_templates_names_files_after_codes(tmp_path):
    plan_dir = make_plan(tmp_path)
    paths = write_templates(plan_dir)
    assert [p.name for p in paths] == ["palad.xlsx", "finance.xlsx", "works.xlsx",
                                       "education.xlsx", "health.xlsx", "welfare.xlsx"]
    assert all(p.parent == plan_dir / "templates" for p in paths)
    assert not list((plan_dir / "templates").glob(".*"))  # no temporary file left
    # by code or by name, tolerant of case and spaces
    assert write_templates(plan_dir, " WORKS ") == [plan_dir / "templates" / "works.xlsx"]
    assert write_templates(plan_dir, "กองคลัง") == [plan_dir / "templates" / "finance.xlsx"]
    with pytest.raises(UsageError) as caught:
        write_templates(plan_dir, "roads")
    assert caught.value.key == "template-unknown-department"
    assert "works" in caught.value.message("th") and "roads" in caught.value.message("en")


def test_file_name_of_an_awkward_code():
    from oplan_xl.core.model import Department

    assert template.template_file_name(Department(1, "กองช่าง", "กอง/ช่าง:1")) == \
        "กอง-ช่าง-1.xlsx"


def test_same_settings_give_byte_identical_files(settings, tmp_path):
    first = write_template(settings, settings.departments[0], tmp_path / "a.xlsx")
    second = write_template(settings, settings.departments[0], tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()


# --- The reference workbook in workbook_templates/ -------------------------------------------


def signature(path: Path) -> dict:
    """What a person and the reader see in a workbook, as comparable data.

    Compared: sheets (order, state, tab colour), defined names, workbook
    protection; per sheet every cell that exists (value, font, fill, number
    format, alignment, border, lock), merges, column widths, row heights, freeze
    panes, sheet protection, data validations (all their fields), print setup.
    Ignored: document properties and zip layout (fixed anyway), the theme, the
    order of XML attributes, how styles are stored (named or not).
    """
    wb = openpyxl.load_workbook(path)
    result: dict = {
        "sheets": [(ws.title, ws.sheet_state, ws.sheet_properties.tabColor and
                    ws.sheet_properties.tabColor.rgb) for ws in wb],
        "names": {name: d.attr_text for name, d in wb.defined_names.items()},
        "lockStructure": bool(wb.security and wb.security.lockStructure),
        "active": wb.active.title,
    }
    for ws in wb:
        prefix = ws.title
        for row in ws.iter_rows():
            for cell in row:
                result[f"{prefix}!{cell.coordinate}"] = (
                    cell.value, cell.font.name, cell.font.sz, cell.font.b,
                    cell.fill.fgColor.rgb if cell.fill.fill_type else None, cell.number_format,
                    cell.alignment.horizontal, cell.alignment.vertical, cell.alignment.wrap_text,
                    cell.border.left.style, cell.protection.locked)
        result[f"{prefix} merges"] = sorted(str(r) for r in ws.merged_cells.ranges)
        result[f"{prefix} widths"] = {k: d.width for k, d in ws.column_dimensions.items()}
        result[f"{prefix} heights"] = {k: d.height for k, d in ws.row_dimensions.items()
                                       if d.height}
        result[f"{prefix} view"] = (ws.freeze_panes, ws.sheet_view.showGridLines,
                                    ws.sheet_view.tabSelected, ws.sheet_format.defaultRowHeight)
        p = ws.protection
        result[f"{prefix} protection"] = {name: getattr(p, name) for name in (
            "sheet", "password", "formatCells", "formatColumns", "formatRows", "insertColumns",
            "insertRows", "deleteColumns", "deleteRows", "selectLockedCells",
            "selectUnlockedCells", "sort", "autoFilter", "objects")}
        result[f"{prefix} validations"] = sorted(
            (str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle,
             bool(dv.showErrorMessage), bool(dv.showInputMessage), bool(dv.allow_blank),
             dv.promptTitle, dv.prompt, dv.errorTitle, dv.error)
            for dv in ws.data_validations.dataValidation)
        s = ws.page_setup
        result[f"{prefix} print"] = (
            s.orientation, s.paperSize, s.fitToWidth, s.fitToHeight,
            ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage,
            ws.print_title_rows, ws.oddFooter.center.text, ws.page_margins.left,
            ws.page_margins.top)
    return result


def _differences(found: dict, expected: dict) -> list[str]:
    keys = sorted(set(found) | set(expected))
    return [f"{key}: reference {expected.get(key)!r} != code {found.get(key)!r}"
            for key in keys if found.get(key) != expected.get(key)]


def test_reference_workbook_has_not_drifted(tmp_path):
    """workbook_templates/ must be what the code writes today.

    When this fails after an intended change, run
    ``python -m oplan_xl.write.template --regenerate``, look at the result and commit it.
    """
    reference = template.reference_dir() / REFERENCE_FILE
    assert reference.is_file(), "run: python -m oplan_xl.write.template --regenerate"
    fresh = template.write_reference(tmp_path)
    differences = _differences(signature(fresh), signature(reference))
    assert not differences, ("workbook_templates/ drifted; regenerate with `python -m "
                             "oplan_xl.write.template --regenerate`:\n"
                             + "\n".join(differences[:20]))


def test_signature_sees_a_changed_cell_validation_and_protection(tmp_path):
    path = template.write_reference(tmp_path)
    before = signature(path)
    wb = openpyxl.load_workbook(path)
    wb["โครงการ"]["C2"] = "ชื่อโครงการ"
    wb["ครุภัณฑ์"].data_validations.dataValidation.pop()
    wb["หน่วยงาน"].protection.sheet = False
    wb.save(path)
    differences = _differences(signature(path), before)
    assert [d.split(":")[0] for d in differences] == [
        "ครุภัณฑ์ validations", "หน่วยงาน protection", "โครงการ!C2"]


def test_regenerate_command(tmp_path):
    assert template.main(["--regenerate", "--out", str(tmp_path)]) == 0
    assert (tmp_path / REFERENCE_FILE).read_bytes() == template.write_reference(
        tmp_path / "again").read_bytes()


# --- LibreOffice ----------------------------------------------------------------------------


def _soffice(args: list[str], tmp_path: Path) -> None:
    """Run LibreOffice headless with a private profile, so parallel runs never clash."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot check that the dropdowns "
                    "survive LibreOffice")
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                             "--norestore", *args], capture_output=True, timeout=180,
                            env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr


def _typed_validations(path: Path) -> dict:
    """(sheet, cell range) → (type, list source) for every validation that checks something."""
    wb = openpyxl.load_workbook(path)
    found = {}
    for ws in wb:
        for dv in ws.data_validations.dataValidation:
            if dv.type:
                for cell_range in dv.sqref.ranges:
                    found[(ws.title, str(cell_range))] = (dv.type, dv.formula1, dv.errorStyle
                                                          if dv.showErrorMessage else None)
    return found


def test_dropdowns_and_rows_survive_libreoffice(filled_plan, tmp_path):
    """Open-and-save in LibreOffice keeps the validations, and the file still reads back."""
    submission = filled_plan / "submissions" / "แผนกองช่าง.xlsx"
    old = write_template(default_settings("อบต.ทดสอบ", 2558), None, tmp_path / "old.xlsx")
    out = tmp_path / "lo"
    _soffice(["--convert-to", "xlsx", "--outdir", str(out), str(submission), str(old)],
             tmp_path)
    # 2561: A B E T and 12 months on โครงการ, A C E and 12 months on ครุภัณฑ์;
    # 2548 blank: the 16 of โครงการ and the department dropdown
    for original, count in ((submission, 31), (old, 17)):
        before, after = _typed_validations(original), _typed_validations(out / original.name)
        assert len(before) == count
        assert after == before
    # LibreOffice's copy of the filled workbook gives the same rows
    shutil.move(out / submission.name, submission)
    report = check(filled_plan)
    assert _read_back(report) == (_expected_projects(), EXPECTED_EQUIPMENT)


def test_libreoffice_resolves_the_dependent_approach_list(tmp_path):
    """LibreOffice evaluates the แนวทาง dropdown's INDIRECT over our defined names."""
    settings = default_settings("อบต.ทดสอบ", 2558)
    path = write_template(settings, None, tmp_path / "old.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["โครงการ"]
    formula = _validations(ws)[f"B3:B{LAST_PROJECT_ROW}"].formula1
    for row, strategy in ((3, "3 " + settings.strategies[2].name), (4, "5")):
        ws.cell(row, 1, strategy)
        # the dropdown's own source, relative to row 3, evaluated in cells
        here = formula.replace("$A3", f"$A{row}")
        ws.cell(row, 30, f"=ROWS({here})")
        ws.cell(row, 31, f"=INDEX({here},1)")
    wb.active = wb.sheetnames.index("โครงการ")
    wb.save(path)
    _soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
              "false,false,-1", "--outdir", str(tmp_path / "csv"), str(path)], tmp_path)
    (csv_path,) = (tmp_path / "csv").glob("*โครงการ*.csv")
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    cells = [row.split(",")[29:31] for row in rows[2:4]]
    assert cells == [["2", "3.1 ส่งเสริมสุขภาพและป้องกันโรค"],
                     ["1", "5.1 อนุรักษ์ทรัพยากรธรรมชาติและจัดการขยะ"]]


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_filled_template_saved_as_xls_or_ods_reads_back(filled_plan, tmp_path, suffix):
    """Departments with an old Excel save as .xls; LibreOffice users as .ods."""
    submission = filled_plan / "submissions" / "แผนกองช่าง.xlsx"
    _soffice(["--convert-to", suffix, "--outdir", str(tmp_path / "lo"), str(submission)],
             tmp_path)
    submission.unlink()
    shutil.move(tmp_path / "lo" / f"แผนกองช่าง.{suffix}", submission.with_suffix(f".{suffix}"))
    report = check(filled_plan)
    assert _read_back(report) == (_expected_projects(), EXPECTED_EQUIPMENT)
    _only_missing_departments(report, f"แผนกองช่าง.{suffix}")
