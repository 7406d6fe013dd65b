"""Rows a person hid, filtered out or struck through are still data (issue 14, class 6),
and a hidden column is known in every format (class 1): the same workbooks as .xlsx
and, through LibreOffice, as .ods and .xls, read alike."""

from __future__ import annotations

import io
import zipfile

import pytest

from oplan_xl.api import check
from oplan_xl.read.ods_content import parse_ods
from oplan_xl.read.submission import read_submission
from oplan_xl.read.visibility import ods_visibility, open_xls, xls_visibility, xlsx_visibility

from ..builders import DATA, plan_with

FORMATS = ("xlsx", "ods", "xls")
P, E = "โครงการ", "ครุภัณฑ์"
APRIL = tuple(month == 3 for month in range(12))  # the fixtures' projects: เม.ย. only


def _outcome(tmp_path, name):
    """(sheet, row, cell, code) of each finding, and (sheet, row, satang, months) of
    each planned row, and the tally's rows read, planned and rejected."""
    report = check(plan_with(tmp_path, name))
    findings = sorted((f.sheet, f.row, f.cell, f.code) for f in report.findings
                      if f.code != "department-no-submission")
    planned = [(P, p.origin.row, p.budget_satang, p.months) for p in report.projects] + \
              [(E, e.origin.row, e.budget_satang, e.months) for e in report.equipment]
    total = report.total()
    return findings, planned, (total.rows_read, total.rows_planned, total.rows_rejected)


def _projects(*rows, months=APRIL):
    return [(P, row, 10_000_000 * (row - 1), months) for row in rows]


@pytest.mark.parametrize("kind", FORMATS)
def test_hidden_rows_are_planned_with_a_warning_at_each(tmp_path, kind):
    findings, planned, tally = _outcome(tmp_path, f"trust-rowsvis-hidden-rows.{kind}")
    # The hidden total row (7) adds up the five projects: nothing to say about it.
    assert findings == [(E, 3, "D3", "row-hidden"), (P, 3, "C3", "row-hidden"),
                        (P, 5, "C5", "row-hidden")]
    assert planned == _projects(2, 3, 4, 5, 6) + [
        (E, 2, 550_000, tuple(m == 1 for m in range(12))),
        (E, 3, 1_100_000, tuple(m == 1 for m in range(12)))]
    assert tally == (7, 7, 0)


@pytest.mark.parametrize("kind", FORMATS)
def test_rows_a_filter_hides_are_planned_with_their_own_warning(tmp_path, kind):
    findings, planned, tally = _outcome(tmp_path, f"trust-rowsvis-filtered-rows.{kind}")
    assert findings == [(P, 3, "C3", "row-filtered-out"), (P, 5, "C5", "row-filtered-out")]
    assert planned == _projects(2, 3, 4, 5, 6)
    assert tally == (5, 5, 0)


@pytest.mark.parametrize("kind", FORMATS)
def test_struck_rows_are_planned_with_a_warning_at_the_name(tmp_path, kind):
    """Struck in every cell (3), in the name only (4), in most cells but not the name
    (5); an equipment's รายการ (D3)."""
    findings, planned, tally = _outcome(tmp_path, f"trust-rowsvis-struck-rows.{kind}")
    assert findings == [(E, 3, "D3", "row-struck-through"), (P, 3, "C3", "row-struck-through"),
                        (P, 4, "C4", "row-struck-through"), (P, 5, "C5", "row-struck-through")]
    assert planned[:5] == _projects(2, 3, 4, 5, 6)
    assert tally == (7, 7, 0)


@pytest.mark.parametrize("kind", FORMATS)
def test_a_struck_cell_is_read_as_it_stands_and_named(tmp_path, kind):
    """A struck budget, a struck month mark (ส.ค. of a row marked เม.ย. and ส.ค.), a
    struck activity: read, each with a warning at its cell; a struck empty cell: nothing."""
    name = f"trust-rowsvis-struck-cells.{kind}"
    findings, planned, tally = _outcome(tmp_path, name)
    assert findings == [(P, 2, "E2", "cell-struck-through"), (P, 3, "O3", "cell-struck-through"),
                        (P, 4, "D4", "cell-struck-through")]
    april_august = tuple(month in (3, 7) for month in range(12))
    assert planned == _projects(2) + _projects(3, months=april_august) + _projects(4, 5)
    assert tally == (4, 4, 0)
    budget = next(f for f in read_submission(DATA / name).findings if f.cell == "E2")
    assert "(100000)" in budget.message("en")  # the figure as a person sees it


@pytest.mark.parametrize("kind", FORMATS)
def test_a_row_hidden_and_struck_gets_both_a_total_row_neither(tmp_path, kind):
    findings, planned, tally = _outcome(tmp_path, f"trust-rowsvis-hidden-and-struck.{kind}")
    assert findings == [(P, 3, "C3", "row-hidden"), (P, 3, "C3", "row-struck-through")]
    assert planned == _projects(2, 3, 4)
    assert tally == (3, 3, 0)


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("where, read, hidden", [("before", "F", "E"), ("after", "E", "F")])
def test_last_years_budget_in_a_hidden_column_is_not_read(tmp_path, kind, where, read, hidden):
    name = f"trust-rowsvis-hidden-column-{where}.{kind}"
    report = check(plan_with(tmp_path, name))
    warnings = [(f.cell, f.code, f.message("en")) for f in report.findings if f.file == name]
    assert [w[:2] for w in warnings] == [(f"{read}1", "column-hidden-not-read")]
    assert f"column {read}, the visible one, was read, not the hidden {hidden}" in warnings[0][2]
    assert [p.budget_satang for p in report.projects] == [10_000_000, 20_000_000, 30_000_000]


# --- the readers, on what the fixtures do not show ------------------------------------


def _sheet(rows: str, tail: str = "") -> bytes:
    return (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>" + rows.encode() + b"</sheetData>" + tail.encode() + b"</worksheet>")


_STYLES = (b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<fonts count="3"><font><sz val="11"/></font><font><strike/></font>'
           b'<font><strike val="0"/></font></fonts>'
           b'<cellXfs count="3"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/></cellXfs>'
           b"</styleSheet>")


def test_xlsx_rows_without_their_number_are_counted():
    xml = _sheet('<row><c r="A1"/></row><row hidden="1"><c r="A2"/></row>'
                 '<row r="5" hidden="true"/><row ht="0" customHeight="1"/>')
    assert xlsx_visibility(xml, None, set()).hidden_rows == {1, 4, 5}


def test_xlsx_a_row_zero_high_is_hidden_a_row_ten_high_is_not():
    xml = _sheet('<row r="2" ht="0" customHeight="1"/><row r="3" ht="0.0"/>'
                 '<row r="4" ht="05"/><row r="5" ht="10"/>')
    assert xlsx_visibility(xml, None, set()).hidden_rows == {1, 2}


def test_xlsx_filtered_rows_are_the_hidden_ones_under_the_autofilter_header():
    xml = _sheet('<row r="2" hidden="1"/><row r="4" hidden="1"/><row r="9" hidden="1"/>',
                 '<autoFilter ref="A2:V8"/>')
    seen = xlsx_visibility(xml, None, set())
    assert (seen.hidden_rows, seen.filtered_rows) == ({1, 3, 8}, {3})


def test_xlsx_strike_off_is_not_struck_and_cells_need_their_format():
    xml = _sheet('<row r="3"><c r="B3" s="1" t="s"><v>0</v></c><c r="C3" s="2"><v>1</v></c>'
                 '<c r="D3" s="10"><v>1</v></c><c r="AB3" s="1"><v>1</v></c></row>')
    assert xlsx_visibility(xml, _STYLES, set()).struck == {2: 1 << 1 | 1 << 27}


def _ods(content: str, styles: str = "") -> bytes:
    namespaces = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
    return f"<office:document-content {namespaces}>{styles}{content}" \
           f"</office:document-content>".encode()


def test_ods_hidden_rows_repeated_to_the_sheet_end_are_cut_at_its_values():
    content = _ods(
        '<table:table table:name="S"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:visibility="collapse" table:number-columns-repeated="9999"/>'
        '<table:table-row><table:table-cell/></table:table-row>'
        '<table:table-row table:visibility="filter" table:number-rows-repeated="2">'
        "<table:table-cell/></table:table-row>"
        '<table:table-row table:visibility="collapse" table:number-rows-repeated="1048000">'
        "<table:table-cell/></table:table-row></table:table>")
    seen = ods_visibility(parse_ods(content, b"")["S"], 5, 4)
    assert (seen.hidden_rows, seen.filtered_rows, seen.hidden_columns) == \
        ({1, 2, 3, 4}, {1, 2}, {2, 3})


def test_ods_strike_is_inherited_from_a_parent_style_unless_switched_off():
    styles = ('<office:automatic-styles>'
              '<style:style style:name="a" style:family="table-cell">'
              '<style:text-properties style:text-line-through-style="solid"/></style:style>'
              '<style:style style:name="b" style:family="table-cell" '
              'style:parent-style-name="a"/>'
              '<style:style style:name="c" style:family="table-cell" '
              'style:parent-style-name="a"><style:text-properties '
              'style:text-line-through-style="none"/></style:style>'
              "</office:automatic-styles>")
    content = _ods(
        '<table:table table:name="S"><table:table-row>'
        '<table:table-cell table:style-name="b"/><table:table-cell table:style-name="c"/>'
        '<table:table-cell table:style-name="a" table:number-columns-repeated="2"/>'
        "</table:table-row></table:table>", styles)
    assert parse_ods(content, b"")["S"].struck == {0: 0b1101}


def test_an_xls_whose_formats_xlrd_cannot_read_has_nothing_hidden():
    data = (DATA / "trust-rowsvis-hidden-rows.xls").read_bytes()
    assert open_xls(data[:4096]) is None
    assert xls_visibility(None, "โครงการ").hidden_rows == set()
    assert xls_visibility(open_xls(data), "no such sheet").hidden_rows == set()
    assert xls_visibility(open_xls(data), "โครงการ").hidden_rows == {2, 4, 6}


def test_xlsx_fixture_keeps_what_the_ods_and_xls_are_compared_with():
    """The .xlsx source really hides and filters (so the .ods and .xls tests compare
    like with like)."""
    with zipfile.ZipFile(io.BytesIO((DATA / "trust-rowsvis-filtered-rows.xlsx").read_bytes())) \
            as archive:
        xml = archive.read("xl/worksheets/sheet2.xml")
    assert b'filterMode="1"' in xml and xml.count(b'hidden="1"') == 2
