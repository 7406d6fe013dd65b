"""The fast worksheet writes exactly the bytes XlsxWriter's own worksheet writes.

``oplan_xl.forms.fastsheet`` overrides private XlsxWriter methods, so these
tests are what allows a version into ``CHECKED_VERSIONS``: every form of every
golden case, and a sheet of odd cells, written with both classes, must give
byte-identical files.  (The class is forced here, whatever the version.)
"""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from oplan_xl.forms import common, fastsheet
from oplan_xl.forms.fastsheet import FastWorksheet, merge_blanks, write_cells

from .golden.cases import CASES, build_case


def _bytes(outputs) -> dict[str, bytes]:
    return {form: path.read_bytes() for form, path in outputs.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_forms_are_byte_identical_with_xlsxwriters_own_worksheet(case, tmp_path, monkeypatch):
    monkeypatch.setattr(common, "worksheet_class", lambda: FastWorksheet)
    fast = _bytes(build_case(case, tmp_path / "fast"))
    monkeypatch.setattr(common, "worksheet_class", lambda: Worksheet)
    stock = _bytes(build_case(case, tmp_path / "stock"))
    assert sorted(fast) == sorted(stock)
    for form in fast:
        assert fast[form] == stock[form], f"{case}/{form}"


def _odd_sheet(path, worksheet_class) -> bytes:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    workbook.set_properties({"created": dt.datetime(2000, 1, 1)})
    bold = workbook.add_format({"bold": True, "border": 1})
    plain = workbook.add_format({"border": 1})
    ws = workbook.add_worksheet("ก", worksheet_class=worksheet_class)
    ws.set_column(3, 3, 20, bold)  # a column format for cells written without one
    ws.set_row(40, 30, plain)  # a row format, and rows with a height only
    ws.set_row(50, 45)
    write_cells(ws, 0, 0, [("a & <b> \"c\"", bold), (1.5, plain), (None, plain),
                           (None, None), (7, None), ("x" * 20000, plain),
                           ("", bold), (-0.0, plain), (2**60, plain)])
    for row in range(1, 60):
        write_cells(ws, row, row % 5, [(f"แถว {row}", plain), (row * 1.1, bold), (None, bold)])
    ws.write_string(40, 9, "on a formatted row")
    ws.write_number(41, 3, 3)  # takes the column format
    ws.write_formula(42, 1, "=SUM(B2:B40)", bold, 12.5)
    ws.write_formula(42, 2, "=IF(A1=0,0,ROUND(B1*100/A1, 2))", bold, 0)
    ws.write_formula(42, 3, "=XLOOKUP(1,A1:A3,B1:B3)", bold, 0)  # gets _xlfn.
    ws.write_formula(42, 4, '=IF(A1="FILTER(",UNIQUE(A1:A3),SUM(A1))', bold, 0)
    ws.write_formula(42, 5, "SUM(A1:A2)", bold, 0)  # no "="
    ws.write_array_formula(42, 6, 42, 6, "{=SUM(A1:A2*B1:B2)}", bold, 0)
    ws.write_comment(70, 2, "a comment on an empty row")
    ws.write_datetime(43, 6, dt.datetime(2024, 1, 2), workbook.add_format({"num_format": "d"}))
    ws.merge_range(44, 0, 45, 3, "merged", bold)
    write_cells(ws, 46, 0, [(None, plain)] * 6 + [("text", plain), (None, bold)])
    merge_blanks(ws, 46, 1, 3, plain)  # blanks already written: bookkeeping only
    merge_blanks(ws, 46, 5, 7, plain)  # over a text cell and another format
    write_cells(ws, 1_048_575, 16_383, [("last cell", plain)])
    write_cells(ws, 1_048_576, 0, [("out of bounds", plain)])
    workbook.close()
    return path.read_bytes()


def test_odd_cells_are_byte_identical(tmp_path):
    assert _odd_sheet(tmp_path / "fast.xlsx", FastWorksheet) == \
        _odd_sheet(tmp_path / "stock.xlsx", Worksheet)


def test_fast_class_only_for_checked_versions(monkeypatch):
    monkeypatch.setattr(xlsxwriter, "__version__", "3.3.1")
    assert fastsheet.worksheet_class() is FastWorksheet
    monkeypatch.setattr(xlsxwriter, "__version__", "4.0.0")
    assert fastsheet.worksheet_class() is Worksheet
    assert fastsheet.worksheet_class(force=True) is FastWorksheet


@pytest.mark.parametrize("worksheet_class", [FastWorksheet, Worksheet])
def test_overlapping_merges_are_refused_alike(tmp_path, worksheet_class):
    from xlsxwriter.exceptions import OverlappingRange

    workbook = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    plain = workbook.add_format({"border": 1})
    ws = workbook.add_worksheet(worksheet_class=worksheet_class)
    write_cells(ws, 0, 0, [(None, plain)] * 4)
    merge_blanks(ws, 0, 0, 2, plain)
    with pytest.raises(OverlappingRange):
        merge_blanks(ws, 0, 2, 3, plain)
    workbook.close()
