"""What departments really do to their sheets (SPEC §4): each habit reads correctly
or gives a precise finding.  One fixture per habit in tests/data/."""

import pytest

from oplan_xl.api import check
from oplan_xl.read.submission import read_submission

from ..builders import DATA, plan_with, positions

F = "habit-{}.xlsx".format


def months(*numbers):
    """The months tuple for 1-based fiscal months."""
    return tuple(index + 1 in numbers for index in range(12))


def planned(report):
    return [(p.origin.row, p.budget_satang) for p in report.projects]


def test_title_rows_above_the_header(tmp_path):
    report = check(plan_with(tmp_path, F("title-rows")))
    assert positions(report) == []
    assert planned(report) == [(5, 10000000), (6, 20000000)]


def test_moved_and_inserted_columns(tmp_path):
    report = check(plan_with(tmp_path, F("moved-columns")))
    assert positions(report) == []
    assert planned(report) == [(2, 10000000), (3, 20000000)]
    assert report.projects[0].cells["budget"] == "C2"
    assert report.projects[0].cells["strategy"] == "F2"


@pytest.mark.parametrize("name", ["two-row-header", "header-band-without-years"])
def test_header_over_several_rows(tmp_path, name):
    """Labels merged down, ระยะเวลาดำเนินการ over the months, พ.ศ. labels between."""
    report = check(plan_with(tmp_path, F(name)))
    assert positions(report) == []
    first = 5 if name == "two-row-header" else 4
    assert [p.origin.row for p in report.projects] == [first, first + 1, first + 2]
    assert all(p.months == months(4) for p in report.projects)
    assert report.total().rows_read == 3


def test_header_year_labels_are_read(tmp_path):
    submission = read_submission(DATA / F("two-row-header"))
    assert sorted((y.year, y.cell) for y in submission.stated_years) == [
        (2568, "A1"), (2568, "K3")]  # the title, and the later of พ.ศ. 2567 / พ.ศ. 2568


def test_header_synonyms_spacing_and_month_labels_with_years(tmp_path):
    report = check(plan_with(tmp_path, F("header-synonyms")))
    assert positions(report) == []
    assert planned(report) == [(2, 10000000), (3, 20000000)]


def test_column_numbers_row_under_the_header(tmp_path):
    report = check(plan_with(tmp_path, F("column-numbers-row")))
    assert positions(report) == []
    assert [p.origin.row for p in report.projects] == [3, 4]


def test_blank_rows_and_numbered_empty_rows(tmp_path):
    report = check(plan_with(tmp_path, F("blank-rows-and-numbered-empty-rows")))
    assert positions(report) == []
    assert planned(report) == [(2, 10000000), (4, 20000000), (7, 30000000)]


def test_total_row_is_recognised_not_counted(tmp_path):
    report = check(plan_with(tmp_path, F("total-row")))
    assert positions(report) == []  # its figure (=SUM, 600,000) agrees; no formula warning
    total = report.total()
    assert (total.rows_read, total.total_rows, total.satang_read) == (3, 1, 60000000)


def test_merged_strategy_and_programme_cells_count_for_every_row(tmp_path):
    report = check(plan_with(tmp_path, F("merged-strategy")))
    assert positions(report) == []
    assert [(p.strategy.number, p.group.name) for p in report.projects] == [
        (1, "แผนงานเคหะและชุมชน"), (1, "แผนงานเคหะและชุมชน"),
        (1, "แผนงานการเกษตร"), (1, "แผนงานการเกษตร")]
    assert report.projects[3].cells["strategy"] == "A2"  # the merged cell's own address


def test_budgets_typed_as_text(tmp_path):
    report = check(plan_with(tmp_path, F("budget-as-text")))
    assert positions(report) == []
    assert [p.budget_satang for p in report.projects] == [
        150000000, 150000000, 15000000, 1234550, 200000, 100025]


def test_month_marks_of_any_kind(tmp_path):
    report = check(plan_with(tmp_path, F("month-marks")))
    assert positions(report) == []
    assert [p.months for p in report.projects] == [months(n) for n in range(1, 10)]


def test_month_marked_by_fill_colour_alone(tmp_path):
    report = check(plan_with(tmp_path, F("month-fill")))
    assert positions(report) == [
        ("habit-month-fill.xlsx", "H4", "no-month"),       # template tint on all months
        ("habit-month-fill.xlsx", "H5", "no-month"),       # the whole row highlighted
        # ✓ in ต.ค., พ.ย., the tint on all months: read by its marks, the tint said
        ("habit-month-fill.xlsx", "J3", "month-tint-not-counted"),
        ("habit-month-fill.xlsx", "K2", "month-marked-by-fill"),
    ]
    assert [(p.origin.row, p.months) for p in report.projects] == [
        (2, months(4, 5, 6)), (3, months(1, 2))]


def test_thai_digits_anywhere(tmp_path):
    report = check(plan_with(tmp_path, F("thai-digits")))
    assert positions(report) == []
    (row,) = report.projects
    assert (row.strategy.number, row.budget_satang, row.months) == (2, 1200050, months(4, 5))


def test_sara_am_zero_width_and_no_break_spaces(tmp_path):
    report = check(plan_with(tmp_path, F("thai-text-normalisation")))
    assert positions(report) == []
    assert [p.name for p in report.projects] == ["โครงการจัดทำแผนที่ภาษี", "ซ่อมแซมท่อระบายน้ำ"]
    assert report.projects[0].activity == "สำรวจ และจัดทำ ข้อมูล"
    assert report.projects[0].group.name == "แผนงานเคหะและชุมชน"


def test_continuation_rows_are_appended_with_a_warning(tmp_path):
    report = check(plan_with(tmp_path, F("continuation-rows")))
    assert positions(report) == [
        ("habit-continuation-rows.xlsx", "D3", "continuation-row"),
        ("habit-continuation-rows.xlsx", "D4", "continuation-row"),
        ("habit-continuation-rows.xlsx", "D7", "continuation-row"),
    ]
    assert [p.origin.row for p in report.projects] == [2, 5, 6]
    assert report.projects[0].activity == (
        "1. ปรับพื้นที่และบดอัด 2. เทคอนกรีตหนา 0.15 เมตร 3. ติดตั้งป้ายโครงการ")
    assert report.projects[2].activity == "ขุดลอกคลองส่งน้ำ ยาว 1,200 เมตร"
    assert report.projects[2].budget_satang == 30000000  # merged over rows 6-7, counted once
    total = report.total()
    assert (total.rows_read, total.continuation_rows) == (3, 3)


def test_formula_cells_use_the_cached_value_and_are_reported(tmp_path):
    report = check(plan_with(tmp_path, F("formulas")))
    assert positions(report) == [("habit-formulas.xlsx", "E2", "formula-cell"),
                                 ("habit-formulas.xlsx", "E3", "formula-cell")]
    assert [p.budget_satang for p in report.projects] == [25000000, 50000000, 30000000]
    formula = next(f for f in report.findings if f.cell == "E3")
    assert dict(formula.params)["formula"] == "=E2*2" and formula.value == "500000"


def test_macro_workbook_is_read_for_its_values(tmp_path):
    report = check(plan_with(tmp_path, "habit-macro-workbook.xlsm"))
    assert positions(report) == []
    assert planned(report) == [(2, 10000000), (3, 20000000)]


MIXED = {
    # title, header over rows 2-4 with years, strategy merged over rows 5-7, a formula
    # in E6, months by colour alone in row 7, a continuation row 8, a total row 9
    "habit-libreoffice-resaved.xlsx": [("D8", "continuation-row"), ("E6", "formula-cell"),
                                       ("N7", "month-marked-by-fill")],
    "habit-saved-as-ods.ods": [("D8", "continuation-row"), ("E6", "formula-cell"),
                               ("N7", "month-marked-by-fill")],
    # .xls: calamine exposes neither formulas nor fills for the binary format
    "habit-saved-as-xls.xls": [("D8", "continuation-row"), ("H7", "no-month")],
}


@pytest.mark.parametrize("name", sorted(MIXED))
def test_xlsx_xls_and_ods_read_alike(tmp_path, name):
    report = check(plan_with(tmp_path, name))
    assert [(cell, code) for _, cell, code in positions(report)] == MIXED[name]
    rows = [(p.origin.row, p.strategy.number, p.budget_satang, p.months)
            for p in report.projects]
    expected = [(5, 1, 10000000, months(4)), (6, 1, 20000000, months(4)),
                (7, 1, 30000000, months(7, 8))]
    if name.endswith(".xls"):
        assert rows == expected[:2]  # row 7, marked by colour only, is rejected
    else:
        assert rows == expected
        assert report.projects[-1].activity.endswith("และติดตั้งไฟส่องสว่าง")
    total = report.total()
    assert (total.rows_read, total.total_rows, total.continuation_rows,
            total.satang_read) == (3, 1, 1, 60000000)


def test_subtotal_rows_per_strategy_and_a_grand_total(tmp_path):
    report = check(plan_with(tmp_path, F("subtotal-rows")))
    assert positions(report) == []  # 300,000 + 300,000 and 600,000 all agree
    assert planned(report) == [(2, 10000000), (3, 20000000), (6, 30000000)]
    assert report.total().total_rows == 3


def test_equipment_merged_continued_and_totalled(tmp_path):
    report = check(plan_with(tmp_path, F("equipment-merged-and-continued")))
    assert positions(report) == [
        ("habit-equipment-merged-and-continued.xlsx", "D4", "continuation-row")]
    assert [(e.origin.row, e.programme.name, e.equipment_type.name, e.budget_satang)
            for e in report.equipment] == [
        (2, "แผนงานบริหารงานทั่วไป", "ครุภัณฑ์สำนักงาน", 550000),
        (3, "แผนงานบริหารงานทั่วไป", "ครุภัณฑ์สำนักงาน", 1100000)]
    assert report.equipment[1].target == "ตู้เหล็ก 2 บาน จำนวน 2 ตู้ พร้อมกุญแจและชั้นวาง"


def test_month_labels_with_years_imply_the_fiscal_year():
    from oplan_xl.core.layout import project_columns
    from oplan_xl.read.header import find_header

    columns = project_columns()
    labels = [c.label for c in columns]
    first = [c.key for c in columns].index("m01")
    labels[first:first + 3] = ["ต.ค. 67", "พ.ย. 67", "ธ.ค. 67"]  # only these carry a year
    header = find_header([labels], columns)
    assert {year for year, *_ in header.years} == {2568}


# --- a signature block or a note typed under the table ---

SIGNATURE_BLOCK = [
    {},  # a blank row before the block
    {"group": "ลงชื่อ ....................... ผู้รายงาน"},
    {"name": "(นางสาวสมใจ  ใจดี)"},
    {"activity": "ตำแหน่ง นักวิเคราะห์นโยบายและแผน"},  # the continued column
    {"m05": "หมายเหตุ: ข้อมูล ณ วันที่ 30 ก.ย. 2567", "m09": "........................"},
]


def _with_rows(tmp_path, rows):
    from ..builders import make_plan, write_submission

    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", rows, department="กองช่าง")
    return plan_dir


def _notes(report):
    return [(f.row, f.cell, f.severity, f.value) for f in report.findings
            if f.code == "note-row"]


def test_signature_block_under_the_table_is_noted_not_planned(tmp_path):
    from ..builders import project

    plan_dir = _with_rows(tmp_path, [project(), project(name="ขุดลอกคลอง", budget=50000),
                                     *SIGNATURE_BLOCK])
    report = check(plan_dir)
    assert report.ok
    assert planned(report) == [(2, 10000000), (3, 5000000)]
    assert _notes(report) == [
        (5, "B5", "warning", "ลงชื่อ ....................... ผู้รายงาน"),
        (6, "C6", "warning", "(นางสาวสมใจ ใจดี)"),
        (7, "D7", "warning", "ตำแหน่ง นักวิเคราะห์นโยบายและแผน"),
        (8, "L8", "warning", "หมายเหตุ: ข้อมูล ณ วันที่ 30 ก.ย. 2567 ........................")]
    assert [f.code for f in report.findings if f.file] == ["note-row"] * 4
    assert report.projects[1].activity == "ถนนคอนกรีต กว้าง 4 เมตร"  # nothing appended
    (tally,) = report.files
    assert (tally.rows_read, tally.rows_planned, tally.rows_rejected, tally.note_rows,
            tally.continuation_rows, tally.total_rows) == (2, 2, 0, 4, 0, 0)
    assert tally.balanced and report.to_dict()["reconciliation"]["total"]["note_rows"] == 4
    table = read_submission(plan_dir / "submissions" / "works.xlsx").projects
    assert [raw.origin.row for raw in table.notes] == [5, 6, 7, 8]
    assert [raw.origin.row for raw in table.rows] == [2, 3]
    message = next(f for f in report.findings if f.code == "note-row")
    assert "ไม่ได้นำเข้าแผน" in message.message("th") and "not taken" in message.message("en")


def test_signature_like_rows_with_a_project_under_them_stay_data(tmp_path):
    from ..builders import project

    report = check(_with_rows(tmp_path, [project(), *SIGNATURE_BLOCK,
                                         project(name="ขุดลอกคลอง", budget=50000)]))
    assert _notes(report) == []
    assert planned(report) == [(2, 10000000), (8, 5000000)]
    # as before: the activity-only row is a continuation, the others are rejected rows
    assert ("works.xlsx", "D6", "continuation-row") in positions(report)
    assert sorted((f.cell, f.code) for f in report.findings if f.file) == [  # as before
        ("A4", "required-empty"), ("A5", "required-empty"), ("A7", "required-empty"),
        ("B4", "unknown-programme"), ("B5", "required-empty"), ("B7", "required-empty"),
        ("C4", "required-empty"), ("C7", "required-empty"), ("D4", "required-empty"),
        ("D6", "continuation-row"), ("D7", "required-empty"), ("E4", "required-empty"),
        ("E5", "required-empty"), ("E7", "required-empty"), ("F4", "required-empty"),
        ("F5", "required-empty"), ("F7", "required-empty"), ("H4", "no-month"),
        ("H5", "no-month"),
        # not as before: row 7's note and dotted line in month cells are not marks
        ("L7", "month-unreadable"), ("P7", "month-unreadable")]
    (tally,) = report.files
    assert (tally.rows_read, tally.rows_rejected, tally.continuation_rows, tally.note_rows) \
        == (5, 3, 1, 0)


def test_trailing_signature_row_with_a_number_stays_data(tmp_path):
    from ..builders import project

    report = check(_with_rows(tmp_path, [project(), {"name": "ลงชื่อ ........ ผู้รายงาน",
                                                     "budget": 5000}]))
    assert _notes(report) == []
    assert {f.row for f in report.errors} == {3}
    assert report.total().rows_read == 2 and report.total().rows_rejected == 1
    # a figure typed as text, or a month marked, is data too
    for extra in ({"budget": "5,000"}, {"m01": "✓"}):
        report = check(_with_rows(tmp_path / str(len(extra)) / next(iter(extra)),
                                  [project(), {"name": "(นายสมชาย ใจดี)", **extra}]))
        assert _notes(report) == [] and report.total().rows_read == 2


def test_build_with_a_signature_block_needs_no_force(tmp_path):
    from click.testing import CliRunner

    from oplan_xl.cli import main

    from ..builders import project

    plan_dir = _with_rows(tmp_path, [project(), *SIGNATURE_BLOCK])
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(plan_dir)])
    assert result.exit_code == 0, result.output
    assert "4 note rows" in result.output and "note-row" in result.output
    assert (plan_dir / "output" / "pd02.xlsx").is_file()


@pytest.mark.parametrize("typed_year", [2024, 1967])  # a Thai-calendar Excel; "Oct-67" typed
def test_month_headers_typed_as_dates(tmp_path, typed_year):
    """Month header cells that are dates (shown as ต.ค.-67): each is its month, the
    year is the Buddhist year the person reads, and every row is planned as typed."""
    import datetime as dt

    import openpyxl

    from ..builders import make_plan, project, write_submission

    plan_dir = make_plan(tmp_path)  # FY 2568: ต.ค. 67 … ก.ย. 68
    path = write_submission(plan_dir / "submissions" / "works.xlsx",
                            [project(months=(1, 2, 3)), project(name="ขุดลอกคลอง", months=(12,))],
                            [], department="กองช่าง")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["โครงการ"]
    for cell in sheet[1]:
        if cell.value in ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.",
                          "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."):
            index = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.",
                     "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.").index(cell.value)
            month = (index + 9) % 12 + 1
            year = typed_year + (1 if month < 10 else 0)
            cell.value = dt.datetime(year, month, 1)
            cell.number_format = "mmm-yy"
    workbook.save(path)
    report = check(plan_dir)
    assert [f.code for f in report.findings if f.file == "works.xlsx"] == []
    assert [p.months for p in report.projects] == [months(1, 2, 3), months(12)]
    table = read_submission(path, "แผนงาน").projects
    assert table.label("m01") == "ต.ค. 67" and table.label("m12") == "ก.ย. 68"


def _second_budget_column(tmp_path, label: str, hide: str | None = None):
    """A plan whose กองช่าง file has this year's budget in E (100,000 and 50,000) and
    another column labelled *label* at the end (130,000 and 80,000); *hide* hides
    ``"E"`` or the ``"extra"`` one.  Returns (plan folder, the extra column's letter)."""
    import openpyxl

    from ..builders import make_plan, project, write_submission

    plan_dir = make_plan(tmp_path)
    path = write_submission(plan_dir / "submissions" / "works.xlsx",
                            [project(budget=100000), project(name="ขุดลอกคลอง", budget=50000)],
                            [], department="กองช่าง")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["โครงการ"]
    extra = sheet.max_column + 1
    letter = openpyxl.utils.get_column_letter(extra)
    sheet.cell(1, extra, label)
    sheet.cell(2, extra, 130000)
    sheet.cell(3, extra, 80000)
    if hide:
        sheet.column_dimensions["E" if hide == "E" else letter].hidden = True
    workbook.save(path)
    return plan_dir, letter


@pytest.mark.parametrize("second_label", ["งบประมาณ", "งบประมาณ (บาท)", "จำนวนเงิน"])
def test_two_columns_for_one_field_are_reported_not_the_first_taken(tmp_path, second_label):
    """A second budget column (last year's, kept beside this year's): which one holds the
    figure is not certain, so it is an error naming both columns, never the first."""
    plan_dir, letter = _second_budget_column(tmp_path, second_label)
    report = check(plan_dir)
    ambiguous = [(f.sheet, f.cell, f.code, f.message("en")) for f in report.findings
                 if f.code == "column-ambiguous"]
    assert [a[:3] for a in ambiguous] == [("โครงการ", "E1", "column-ambiguous")]
    assert f"(E, {letter})" in ambiguous[0][3]
    assert report.projects == []  # neither figure is planned as if it were certain
    total = report.total()
    assert (total.rows_read, total.rows_rejected) == (2, 2)


@pytest.mark.parametrize("hide", ["E", "extra"])
def test_of_two_budget_columns_the_visible_one_is_read_with_a_warning(tmp_path, hide):
    """Last year's budget kept in a hidden column, before or after this year's: the
    figures planned are the visible column's, and a warning names both columns."""
    plan_dir, letter = _second_budget_column(tmp_path, "งบประมาณ", hide)
    report = check(plan_dir)
    chosen = letter if hide == "E" else "E"
    warnings = [(f.cell, f.code, f.message("en")) for f in report.findings
                if f.file == "works.xlsx"]
    assert [w[:2] for w in warnings] == [(f"{chosen}1", "column-hidden-not-read")]
    assert f"column {chosen}, the visible one" in warnings[0][2]
    label = "งบประมาณ" if hide == "E" else "งบประมาณ (บาท)"  # E's is งบประมาณ (บาท)
    assert f'names "{label}" in' in warnings[0][2]  # the label of the column read
    expected = [13000000, 8000000] if hide == "E" else [10000000, 5000000]
    assert [p.budget_satang for p in report.projects] == expected
