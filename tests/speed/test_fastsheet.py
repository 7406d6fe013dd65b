"""The fast worksheet writes exactly the bytes XlsxWriter's own worksheet writes.

``oplan_xl.speed.fastsheet`` overrides private XlsxWriter methods, so these
tests are what allows a version into ``CHECKED_VERSIONS``: every form of every
golden case, and a sheet of odd cells, written with both classes, must give
byte-identical files.  (The class is forced here, whatever the version.)
"""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from oplan_xl.speed import fastsheet
from oplan_xl.speed.fastsheet import FastWorksheet, merge_blanks, write_row

from ..golden.cases import CASES, build_case


def _bytes(outputs) -> dict[str, bytes]:
    return {form: path.read_bytes() for form, path in outputs.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_forms_are_byte_identical_with_xlsxwriters_own_worksheet(case, tmp_path, monkeypatch):
    asked: list[type] = []  # the forms' sheets do come from fastsheet
    monkeypatch.setattr(fastsheet, "worksheet_class",
                        lambda: asked.append(FastWorksheet) or FastWorksheet)
    fast = _bytes(build_case(case, tmp_path / "fast"))
    assert asked
    monkeypatch.setattr(fastsheet, "worksheet_class", lambda: Worksheet)
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
    write_row(ws, 0, 0, [("a & <b> \"c\"", bold), (1.5, plain), (None, plain),
                           (None, None), (7, None), ("x" * 20000, plain),
                           ("", bold), (-0.0, plain), (2**60, plain)])
    for row in range(1, 60):
        write_row(ws, row, row % 5, [(f"แถว {row}", plain), (row * 1.1, bold), (None, bold)])
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
    write_row(ws, 46, 0, [(None, plain)] * 6 + [("text", plain), (None, bold)])
    merge_blanks(ws, 46, 1, 3, plain)  # blanks already written: bookkeeping only
    merge_blanks(ws, 46, 5, 7, plain)  # over a text cell and another format
    # Rows written in one call, then changed: written over, written beside, written
    # twice; rows with a height (row 50) or a format (row 40) of their own.
    write_row(ws, 80, 0, [("over", plain), (1, plain), (None, bold)])
    ws.write_string(80, 1, "written over")
    write_row(ws, 81, 0, [("beside", plain), (2, plain)])
    ws.write_number(81, 5, 5, bold)
    write_row(ws, 82, 0, [("twice", plain)])
    write_row(ws, 82, 1, [("again", plain), (None, bold)])
    write_row(ws, 50, 0, [("tall", plain), (3.25, bold)])
    write_row(ws, 90, 2, [(None, plain), ("a blank without format", plain), (None, None)])
    # Blank cells after the values, as the month cells are written; merged after.
    write_row(ws, 95, 0, [("months", plain), (12, bold)], (plain, bold, bold, plain))
    merge_blanks(ws, 95, 3, 4, bold)
    write_row(ws, 96, 1, [], (bold,) * 3)
    merge_blanks(ws, 96, 1, 3, bold)
    write_row(ws, 97, 0, [("no format", plain)], (plain, None))
    write_row(ws, 98, 0, [("written over", plain)], (plain, plain))
    ws.write_blank(98, 2, None, bold)
    # Shared strings XlsxWriter changes or tags: whitespace, control characters and
    # their look-alikes, non-characters, markup.
    odd = [" leading", "trailing ", "line\n", "\tTab", "bell\x07", "_x0041_", "a_x00e9_b",
           "\ufffe\uffff", "<r>not rich</r>", "x > y & z", "\u00a0nbsp", "ไทย\u200b",
           "plain", "_x004_", "quote \"q\""]
    for offset, text in enumerate(odd):
        write_row(ws, 100 + offset, 0, [(text, plain), (offset, plain)])
    write_row(ws, 1_048_575, 16_383, [("last cell", plain)])
    write_row(ws, 1_048_576, 0, [("out of bounds", plain)])
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
    monkeypatch.setattr(xlsxwriter, "__version__", "3.2.5")  # row properties elsewhere
    assert fastsheet.worksheet_class() is Worksheet


@pytest.mark.parametrize("worksheet_class", [FastWorksheet, Worksheet])
def test_overlapping_merges_are_refused_alike(tmp_path, worksheet_class):
    from xlsxwriter.exceptions import OverlappingRange

    workbook = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    plain = workbook.add_format({"border": 1})
    ws = workbook.add_worksheet(worksheet_class=worksheet_class)
    write_row(ws, 0, 0, [(None, plain)] * 4)
    merge_blanks(ws, 0, 0, 2, plain)
    with pytest.raises(OverlappingRange):
        merge_blanks(ws, 0, 2, 3, plain)
    workbook.close()
