"""Checks of one submission as a whole: who sent it, for which fiscal year, and
whether its own total rows add up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from oplan_xl.check.resolve import Resolver
from oplan_xl.check.rows import budget_satang, satang_part
from oplan_xl.core.cells import a1
from oplan_xl.core.findings import ERROR, Finding, finding
from oplan_xl.core.layout import DEPARTMENT_SHEET
from oplan_xl.core.model import Department, Settings, format_baht
from oplan_xl.core.normalise import clean_text, is_blank, parse_int
from oplan_xl.read.columns import SATANG_PART
from oplan_xl.read.submission import Submission, Table


def resolve_department(submission: Submission,
                       resolve: Resolver) -> tuple[Department, list[Finding]]:
    """The department that sent a file: by its หน่วยงาน sheet, else its file name."""
    # The หน่วยงาน sheet first, then the file name; each exactly, else as a department's
    # name followed by the organisation's (with a warning at the cell saying so).
    for hint, sheet, cell in ((submission.department_name, DEPARTMENT_SHEET,
                               submission.department_cell),
                              (submission.path.stem, "", "")):
        if not hint:
            continue
        found = resolve.department(hint)
        if found is not None:
            return found, []
        found = resolve.department_with_suffix(hint)
        if found is not None:
            row = int(re.sub(r"\D", "", cell)) if cell else None
            return found, [finding("name-variant", submission.name, sheet, row,
                                   DEPARTMENT_SHEET, cell, hint, standard=found.name)]
    hint = submission.department_name or submission.path.stem
    if not submission.kind:  # never opened: its own finding says why, nothing to add
        return Department(0, hint, submission.path.stem), []
    unknown = finding("unknown-department", submission.name, value=hint)
    return Department(0, hint, submission.path.stem), [unknown]


def check_empty_form(submission: Submission) -> Iterator[Finding]:
    """A form sent back as it was given (the template's headers, not one row in any of
    the tables read, and none left unread): said at the first table's header, so
    that "no problem" never stands for a department that sent nothing in earnest.
    It still counts as the department's file (no ``department-no-submission``): a
    department may truly have no project this year."""
    tables = [table for table in (submission.projects, submission.equipment)
              if table is not None]
    if not tables or any(table.rows for table in tables):
        return
    if any(item.severity == ERROR for item in submission.findings):
        return  # a table not read (a sheet refused, a header not found) says so itself
    header = tables[0].header
    column = min(header.columns.values(), default=0)
    yield finding("no-data-rows", submission.name, tables[0].sheet, header.row + 1, "",
                  a1(header.row, column))


def check_fiscal_year(submission: Submission, settings: Settings) -> Iterator[Finding]:
    """The year on the หน่วยงาน sheet, in titles or header labels, against the plan's."""
    if submission.fiscal_year is not None:
        value, cell = submission.fiscal_year
        year = parse_int(value)
        if year is not None and year != settings.fiscal_year:
            yield finding("fiscal-year-mismatch", submission.name, "หน่วยงาน", int(cell[1:]),
                          "ปีงบประมาณ", cell, clean_text(value), year=settings.fiscal_year)
    for stated in submission.stated_years:
        if stated.year != settings.fiscal_year:
            yield finding("fiscal-year-mismatch", submission.name, stated.sheet,
                          int(re.sub(r"\D", "", stated.cell)), "", stated.cell, stated.year,
                          year=settings.fiscal_year)


def check_totals(table: Table, satang_by_row: dict[int, int]) -> Iterator[Finding]:
    """A total row whose figure is neither the sum of the rows since the previous
    total row nor the sum of all rows above it.  (Totals are never counted.)"""
    previous = 0
    for total in table.totals:
        value = total.values.get("budget", "")
        if is_blank(value):
            previous = total.origin.row
            continue
        above = [row for row in satang_by_row if row < total.origin.row]
        section = sum(satang for row, satang in satang_by_row.items()
                      if previous < row < total.origin.row)
        everything = sum(satang_by_row[row] for row in above)
        figure, problem = budget_satang(value)
        figure += satang_part(total.values.get(SATANG_PART, "")) or 0
        if problem in (None, "budget-not-positive") and figure in (section, everything):
            previous = total.origin.row
            continue
        yield finding("total-row-mismatch", total.origin.file, total.origin.sheet,
                      total.origin.row, table.label("budget"), total.cells.get("budget", ""),
                      clean_text(value), expected=format_baht(section))
        previous = total.origin.row
