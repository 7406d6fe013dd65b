"""Float noise, department spellings and month headers typed as dates (issue 14,
classes 3, 7 and 8), from the fixtures of tests/data/trust_values.py in .xlsx and,
through LibreOffice, .xls and .ods: each read as a person reads it."""

from __future__ import annotations

import pytest

from oplan_xl.api import check

from ..builders import DATA, plan_with

APRIL = tuple(month == 3 for month in range(12))


def _outcome(tmp_path, name):
    report = check(plan_with(tmp_path, name))
    findings = sorted((f.sheet, f.cell, f.code, f.value) for f in report.findings
                      if f.code != "department-no-submission")
    return report, findings


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_a_formulas_float_noise_is_the_amount_the_cell_shows(tmp_path, suffix):
    report, findings = _outcome(tmp_path, f"trust-values-float-noise.{suffix}")
    assert [p.budget_satang for p in report.projects] == [1_481_340, 30, 1_481_472, 490,
                                                           11_000]
    assert {p.origin.row for p in report.projects} == {2, 3, 4, 5, 6}
    # A third decimal someone typed is still an error, at its cell.
    assert [f for f in findings if f[2] != "formula-cell"] == [
        ("โครงการ", "E7", "budget-too-many-decimals", "1234.567")]
    formulas = [f for f in findings if f[2] == "formula-cell"]
    if suffix != "xls":  # calamine does not show an .xls's formulas
        # The value a finding quotes is the one the cell shows, not the float's noise.
        assert [f[3] for f in formulas] == ["14813.4", "0.3", "14814.72", "4.9", "110"]
    total = report.total()
    assert (total.rows_read, total.rows_planned, total.rows_rejected) == (6, 5, 1)


@pytest.mark.parametrize("name, written, warned", [
    ("suffix-abt.xlsx", "กองช่าง อบต.", True),
    ("suffix-abt.xls", "กองช่าง อบต.", True),
    ("suffix-abt.ods", "กองช่าง อบต.", True),
    ("suffix-org.xlsx", "กองช่าง องค์การบริหารส่วนตำบลทดสอบระบบ", True),
    ("suffix-short-org.xlsx", "กองช่าง อบต.ทดสอบระบบ", True),
    # Spaces never change a name: read as กองช่าง with nothing to say.
    ("double-space.xlsx", "", False),
    ("no-break-space.xlsx", "", False),
    ("no-break-space.xls", "", False),
    ("no-break-space.ods", "", False),
    ("trailing-spaces.xlsx", "", False),
])
def test_a_department_written_with_a_suffix_or_odd_spaces_is_that_department(
        tmp_path, name, written, warned):
    report, findings = _outcome(tmp_path, f"trust-values-department-{name}")
    assert [(p.department, p.budget_satang, p.months) for p in report.projects] == [
        ("กองช่าง", 10_000_000, APRIL)]
    assert not any(f[2] == "unknown-department" for f in findings)
    assert not any(f.code == "department-no-submission" and "กองช่าง" in f.message("th")
                   for f in report.findings)
    assert findings == ([("หน่วยงาน", "B2", "name-variant", written)] if warned else [])


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_month_headers_typed_as_dates_are_their_months(tmp_path, suffix):
    report, findings = _outcome(tmp_path, f"trust-values-date-months.{suffix}")
    assert findings == []
    assert [(p.origin.row, p.budget_satang, p.months) for p in report.projects] == [
        (2, 10_000_000, tuple(m == 0 for m in range(12))),
        (3, 20_000_000, tuple(m == 5 for m in range(12)))]


def test_date_headers_of_another_year_say_so_at_the_header(tmp_path):
    """ต.ค.-66 … ก.ย.-67 is fiscal year 2567: the file's rows wait for the right year."""
    report, findings = _outcome(tmp_path, "trust-values-date-months-other-year.xlsx")
    assert report.projects == []
    assert findings == [("โครงการ", "S1", "fiscal-year-mismatch", "2567")]


def test_every_fixture_of_this_module_is_tested():
    names = {p.name for p in DATA.glob("trust-values-*")}
    assert len(names) == 17
