"""Which column holds which field (issue 14, classes 1, 2 and 8): decided by evidence
and said in a warning, or an error naming the columns; never silently the first.

Fixtures: tests/data/trust_columns.py.  project(1) is 100,000 baht, project(2)
200,000, project(3) 300,000; last year's columns hold other figures, so a wrong
column shows in the satang.
"""

import pytest

from oplan_xl.api import check
from oplan_xl.read.columns import SATANG_PART
from oplan_xl.read.submission import read_submission

from ..builders import DATA, plan_with, positions

BAHT = 100  # satang


def _outcome(tmp_path, name):
    """(budgets of the planned projects in satang, (cell, code) of the file's findings)."""
    report = check(plan_with(tmp_path, name))
    found = [(cell, code) for file, cell, code in positions(report) if file == name]
    return [p.budget_satang for p in report.projects], found, report


# --- class 1: two candidate columns for one field -----------------------------


@pytest.mark.parametrize("name, chosen, other", [
    ("trust-columns-hidden-last-year-left.xlsx", "F1", "E"),
    ("trust-columns-hidden-last-year-right.xlsx", "E1", "W"),
    ("trust-columns-hidden-synonym.xlsx", "E1", "W"),  # จำนวนเงิน hidden beside งบประมาณ
])
def test_the_visible_column_is_read_over_a_hidden_one(tmp_path, name, chosen, other):
    budgets, found, report = _outcome(tmp_path, name)
    assert budgets == [100_000 * BAHT, 200_000 * BAHT]
    assert found == [(chosen, "column-hidden-not-read")]
    (warning,) = [f for f in report.findings if f.code == "column-hidden-not-read"]
    assert f"not the hidden {other}" in warning.message("en")


@pytest.mark.parametrize("name, chosen, other", [
    ("trust-columns-two-years.xlsx", "E1", 'F "งบประมาณ ปี 2567"'),
    ("trust-columns-two-years-last-first.xlsx", "F1", 'E "งบประมาณ ปี 2567"'),
    ("trust-columns-short-years.xlsx", "F1", 'E "งบ 67"'),
    ("trust-columns-synonym-years.xlsx", "E1", 'F "จำนวนเงิน (บาท) พ.ศ. 2567"'),
    ("trust-columns-last-year-labelled.xlsx", "E1", 'F "งบประมาณ ปี 2567"'),
    ("trust-columns-two-years.xls", "E1", 'F "งบประมาณ ปี 2567"'),
    ("trust-columns-two-years.ods", "E1", 'F "งบประมาณ ปี 2567"'),
])
def test_the_column_naming_this_year_is_read_over_another_years(tmp_path, name, chosen,
                                                                other):
    budgets, found, report = _outcome(tmp_path, name)
    assert budgets == [100_000 * BAHT, 200_000 * BAHT]  # last year's: 130,000 and 80,000
    assert found == [(chosen, "column-other-year-not-read")]
    (warning,) = [f for f in report.findings if f.code == "column-other-year-not-read"]
    assert f"column {chosen[0]} was read, not {other}" in warning.message("en")
    assert "2568" in warning.message("th")
    # Years labelling budget columns are not the file's stated year: no mismatch.
    assert "fiscal-year-mismatch" not in [code for _, code in found]


def test_the_only_budget_column_labelled_with_another_year_is_read_and_said(tmp_path):
    budgets, found, report = _outcome(tmp_path, "trust-columns-one-column-last-year.xlsx")
    assert budgets == [100_000 * BAHT, 200_000 * BAHT]
    assert found == [("E1", "column-names-other-year")]
    assert report.findings[0].message("en").startswith(
        'Column "งบประมาณ ปี 2567" names the year 2567, not fiscal year 2568')


@pytest.mark.parametrize("name, columns", [
    ("trust-columns-synonyms-ambiguous.xlsx", "E, F"),  # งบประมาณ and จำนวนเงิน, no year
    ("trust-columns-years-neither.xlsx", "E, F"),  # ปี 2569 and ปี 2567, the plan 2568
    ("trust-columns-split-sources.xlsx", "E, F"),  # เงินรายได้ | เงินอุดหนุน under งบประมาณ
    ("trust-columns-hidden-this-year.xlsx", "E, F"),  # ปี 2568 hidden, ปี 2567 visible
])
def test_without_evidence_neither_column_is_read(tmp_path, name, columns):
    budgets, found, report = _outcome(tmp_path, name)
    assert budgets == []
    assert found == [("E1", "column-ambiguous")]
    (error,) = [f for f in report.findings if f.code == "column-ambiguous"]
    assert f"({columns})" in error.message("en")
    assert "หัวตารางที่พบ: ยุทธศาสตร์, แผนงาน, โครงการ" in error.message("th")
    total = report.total()
    assert (total.rows_read, total.rows_rejected) == (2, 2)


def test_the_plans_year_decides_when_the_file_states_none(tmp_path):
    """The หน่วยงาน sheet gives no year and no title does: read alone, which column
    is this year's is not known (an error); checked in a 2568 plan, it is."""
    name = "trust-columns-no-year.xlsx"
    alone = read_submission(DATA / name)
    assert [f.code for f in alone.findings] == ["column-ambiguous"]
    assert read_submission(DATA / name, fiscal_year=2568).findings[0].code == \
        "column-other-year-not-read"
    budgets, found, _ = _outcome(tmp_path, name)
    assert budgets == [100_000 * BAHT, 200_000 * BAHT]
    assert found == [("E1", "column-other-year-not-read")]


@pytest.mark.parametrize("name, cell", [
    ("trust-columns-date-months.xlsx", "F1"),  # months typed as dates: ต.ค.-67 … ก.ย.-68
    ("trust-columns-title-year.xlsx", "F2"),  # a title: ประจำปีงบประมาณ พ.ศ. 2568
])
def test_the_year_the_sheet_states_decides_without_the_plans(tmp_path, name, cell):
    submission = read_submission(DATA / name)
    table = submission.projects
    assert [(f.code, f.cell) for f in submission.findings] == \
        [("column-other-year-not-read", cell)]
    assert table.label("budget") == "งบ 68" and table.label("m01") == "ต.ค. 67"
    assert [raw.values["budget"] for raw in table.rows] == [100000, 200000]
    budgets, found, _ = _outcome(tmp_path, name)
    assert budgets == [100_000 * BAHT, 200_000 * BAHT]
    assert found == [(cell, "column-other-year-not-read")]


def test_equipment_columns_are_settled_alike(tmp_path):
    report = check(plan_with(tmp_path, "trust-columns-equipment-years.xlsx"))
    assert [e.budget_satang for e in report.equipment] == [5_500 * BAHT, 11_000 * BAHT]
    assert [(f.sheet, f.cell, f.code) for f in report.findings
            if f.code != "department-no-submission"] == \
        [("ครุภัณฑ์", "F1", "column-hidden-not-read")]


@pytest.mark.parametrize("name", ["trust-columns-hidden-last-year-left.xls",
                                  "trust-columns-hidden-last-year-left.ods"])
def test_a_hidden_column_in_xls_and_ods_is_never_silently_read(tmp_path, name):
    """Where the reader knows the hidden columns of the format, the visible one is read
    with a warning; where it does not, an error names both: never a figure guessed."""
    budgets, found, _ = _outcome(tmp_path, name)
    assert (budgets, found) in (
        ([100_000 * BAHT, 200_000 * BAHT], [("F1", "column-hidden-not-read")]),
        ([], [("E1", "column-ambiguous")]))


# --- class 2: a value spread over columns ---------------------------------------


@pytest.mark.parametrize("name, budgets", [
    ("trust-columns-baht-satang-merged.xlsx", [100_000_50, 200_000_00]),
    ("trust-columns-baht-satang-merged.xls", [100_000_50, 200_000_00]),
    ("trust-columns-baht-satang-merged.ods", [100_000_50, 200_000_00]),
    ("trust-columns-baht-satang-unmerged.xlsx", [100_000_25, 200_000_00]),
    ("trust-columns-satang-beside.xlsx", [100_000_75, 200_000_00, 300_000_05]),
])
def test_baht_and_satang_columns_are_read_whole(tmp_path, name, budgets):
    planned, found, report = _outcome(tmp_path, name)
    assert planned == budgets
    assert found == []
    assert report.total().satang_read == sum(budgets)


def test_the_sub_header_row_is_header_not_a_row(tmp_path):
    submission = read_submission(DATA / "trust-columns-baht-satang-merged.xlsx")
    table = submission.projects
    assert table.header.end == 1  # บาท | สตางค์ in row 2
    assert [raw.origin.row for raw in table.rows] == [3, 4]
    assert table.header.columns["budget"] == 4 and table.header.columns[SATANG_PART] == 5
    assert table.rows[0].cells[SATANG_PART] == "F3"


@pytest.mark.parametrize("name", ["trust-columns-satang-invalid.xlsx",
                                  "trust-columns-satang-invalid.xls",
                                  "trust-columns-satang-invalid.ods"])
def test_a_satang_cell_out_of_range_is_an_error_at_its_cell(tmp_path, name):
    """150, 12.5 and ห้าสิบ: none is a whole number of satang from 0 to 99."""
    planned, found, report = _outcome(tmp_path, name)
    assert planned == []
    assert found == [("F2", "budget-satang-invalid"), ("F3", "budget-satang-invalid"),
                     ("F4", "budget-satang-invalid")]
    assert report.findings[0].column == "สตางค์"
    assert report.total().rows_rejected == 3


@pytest.mark.parametrize("name, budgets", [
    ("trust-columns-year-band.xlsx", [300_000 * BAHT, 400_000 * BAHT]),  # ปี 2567 | ปี 2568
    ("trust-columns-year-band-numbers.xlsx", [100_000 * BAHT, 200_000 * BAHT]),  # 2568 | 2567
])
def test_a_budget_split_into_years_gives_the_plan_years_column(tmp_path, name, budgets):
    planned, found, report = _outcome(tmp_path, name)
    assert planned == budgets
    (warning,) = [f for f in report.findings if f.code == "column-other-year-not-read"]
    assert found == [(warning.cell, "column-other-year-not-read")]
    assert "2567" in warning.message("en")


def test_numbers_in_a_column_no_label_names_are_reported_once(tmp_path):
    """ราคาต่อหน่วย (F) and an unlabelled column (H) hold numbers: one warning each at
    the header; ตัวชี้วัด (G), text only, needs none."""
    planned, found, report = _outcome(tmp_path, "trust-columns-unknown-numbers.xlsx")
    assert planned == [100_000 * BAHT, 200_000 * BAHT, 300_000 * BAHT]
    assert found == [("F1", "column-not-read"), ("H1", "column-not-read")]
    messages = [f.message("en") for f in report.findings if f.code == "column-not-read"]
    assert 'Column F ("ราคาต่อหน่วย")' in messages[0] and "in 2 rows" in messages[0]
    assert 'Column H ("-")' in messages[1]


def test_row_numbers_are_not_reported(tmp_path):
    planned, found, _ = _outcome(tmp_path, "trust-columns-row-numbers.xlsx")
    assert planned == [100_000 * BAHT, 200_000 * BAHT, 300_000 * BAHT]
    assert found == []


# --- class 8: header messages say what was found --------------------------------


def test_a_missing_column_lists_the_labels_found(tmp_path):
    _, found, report = _outcome(tmp_path, "trust-columns-missing-place.xlsx")
    assert found == [("A1", "missing-column")]
    message = report.findings[0].message("th")
    assert 'ไม่พบคอลัมน์ "สถานที่ดำเนินการ"' in message
    assert "หัวตารางที่พบ: ที่, ยุทธศาสตร์, แผนงาน" in message and "พื้นที่ดำเนินการ" in message
