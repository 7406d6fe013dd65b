"""No row is ever silently dropped (SPEC §4): for every fixture, every non-empty
row under a header is a planned row's origin, a rejected row with an error
finding at that row (or a finding that rejects the whole file or table), a
recognised total row, a heading row (1. ยุทธศาสตร์… of a printed ผด.02), a
continuation row or a note row with its finding — and the reconciliation counts
say the same."""

import io
import re

import pytest
import python_calamine

from oplan_xl.api import check
from oplan_xl.core.model import Origin
from oplan_xl.read.submission import read_submission

from ..builders import fixture_names, plan_with

#: Errors that reject every row of a file (or of a table: missing-column, column-ambiguous).
WHOLE_FILE = {"fiscal-year-mismatch", "duplicate-file", "missing-column", "column-ambiguous"}


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not re.sub(r"[\s\u200b]", "", cell))


def _non_empty_rows(path, table) -> list[int]:
    """Excel rows under the header holding anything: a value in a column the header
    names, or anything but a bare row number elsewhere.  Read straight from
    calamine, not through the reader."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    grid = book.get_sheet_by_name(table.sheet).to_python(skip_empty_area=False)
    read = set(table.header.columns.values())
    rows = []
    for index in range(table.header.end + 1, len(grid)):
        for position, cell in enumerate(grid[index]):
            if _blank(cell):
                continue
            bare_number = isinstance(cell, (int, float)) or str(cell).strip().isdigit()
            if position in read or not bare_number:
                rows.append(index + 1)
                break
    return rows


@pytest.mark.parametrize("name", fixture_names())
def test_no_row_of_any_fixture_disappears(tmp_path, name):
    year = 2560 if "approach" in name else 2568
    plan_dir = plan_with(tmp_path, name, year=year)
    report = check(plan_dir)
    (tally,) = report.files
    assert tally.balanced
    path = plan_dir / "submissions" / name
    submission = read_submission(path, "แนวทาง" if year == 2560 else "แผนงาน")
    if not submission.tables():
        assert report.errors, "an unreadable file must say why"
        assert tally.rows_read == 0
        return
    planned = {row.origin for row in report.projects + report.equipment}
    errors_at = {(f.sheet, f.row) for f in report.errors}
    whole_file = any(f.code in WHOLE_FILE for f in report.errors)
    continuation_findings = {(f.sheet, f.row) for f in report.findings
                             if f.code == "continuation-row"}
    note_findings = {(f.sheet, f.row) for f in report.findings if f.code == "note-row"}
    seen = 0
    for table in submission.tables():
        totals = {row.origin.row for row in table.totals}
        continuations = {row.origin.row for row in table.continuations}
        notes = {row.origin.row for row in table.notes}
        headings = {row.origin.row for row in table.headings}
        rows = _non_empty_rows(path, table)
        seen += len(rows)
        for row in rows:
            if Origin(name, table.sheet, row) in planned or row in totals or row in headings:
                continue
            if row in continuations:
                assert (table.sheet, row) in continuation_findings
                continue
            if row in notes:
                assert (table.sheet, row) in note_findings
                continue
            assert (table.sheet, row) in errors_at or whole_file, \
                f"{table.sheet} row {row} is neither planned nor reported"
    assert seen == tally.rows_read + tally.total_rows + tally.continuation_rows \
        + tally.note_rows + tally.heading_rows
    assert tally.rows_planned == len(planned)
