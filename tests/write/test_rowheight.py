"""Row heights from the font's metrics (write.rowheight), exact for known texts."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from oplan_xl.write import fontmetrics, rowheight
from oplan_xl.write.conventions import openpyxl_default_font, xlsxwriter_workbook
from oplan_xl.write.rowheight import (
    Heights,
    cell_height,
    fit_openpyxl_sheet,
    line_count,
    row_height,
    text_width,
    xlsxwriter_width,
)


def test_line_height_is_laksamans_typo_metrics_the_taller_font():
    # Laksaman (LibreOffice's TH SarabunPSK): (1279 + 376) / 1000 em; TH SarabunPSK in
    # Excel: (850 + 447) / 1000.  The larger, plus 2 pt, rounded up to whole pixels.
    assert fontmetrics.LINE_EM == 1.655
    assert row_height(1, 16) == 28.5  # 26.48 + 2 → 38 pixels
    assert row_height(2, 16) == 55.5
    assert row_height(1, 14) == 25.5
    assert row_height(3, 18) == 91.5


def test_xlsxwriter_stores_widths_with_five_pixels_of_padding():
    assert xlsxwriter_width(8.43) == 64 / 7
    assert xlsxwriter_width(10) == 75 / 7
    assert xlsxwriter_width(0.5) == 6 / 7
    assert xlsxwriter_width(0) == 0


def test_thai_marks_above_and_below_the_line_take_no_width():
    assert text_width("ก่") == text_width("กี้") == text_width("ก") == 153
    assert text_width("กุ") == text_width("ก")
    assert text_width("กำ") > text_width("ก")  # sara am has a width of its own


def test_widths_are_the_digit_of_the_default_font_per_point():
    # A digit of 14 pt Laksaman is one column unit: 2000 quanta per unit, per 14 pt.
    assert text_width("0") == 143
    assert text_width("0" * 10) == 1430
    assert text_width("กกกก", bold=True) > text_width("กกกก")
    assert text_width("漢") == fontmetrics.DEFAULT_REGULAR  # not listed: the widest


def test_digits_fill_a_column_up_to_its_margin():
    width = xlsxwriter_width(10)  # 10.71 units, 9.7 for text: LibreOffice fits 10 digits
    assert line_count("0" * 9, width, 14) == 1
    assert line_count("0" * 10, width, 14) == 2
    # Broken inside a run without spaces, each line is taken as 600 quanta shorter:
    # 6 digits, so 19 digits take 4 lines where letter by letter they would take 3.
    assert line_count("0" * 19, width, 14) == 4


def test_lines_break_at_spaces_and_line_breaks():
    width = xlsxwriter_width(20)
    half = "กขคงจฉชซ"  # 8 letters: about 10 units at 16 pt
    assert line_count(half, width, 16) == 1
    assert line_count(f"{half} {half}", width, 16) == 2
    assert line_count(f"{half}\n{half}\n{half}", width, 16) == 3
    assert line_count("", width, 16) == 1


def test_a_long_thai_run_without_spaces_leaves_room_for_a_word_per_line():
    width = xlsxwriter_width(44)
    run = "กข" * 32 + "ก"  # 65 letters of 153 quanta
    capacity = (width - rowheight.MARGIN) / rowheight.SPREAD * fontmetrics.SCALE / 16
    assert 2 * (capacity - rowheight.WORD_SLACK) < text_width(run) < 2 * capacity
    assert line_count(run, width, 16) == 3  # two lines letter by letter, not word by word


def test_a_cell_not_wrapped_is_one_line_a_paragraph():
    assert cell_height("ข้อความยาวมาก " * 20, 10, 16, wrap=False) == row_height(1, 16)
    assert cell_height("ก\nข", 10, 16, wrap=False) == row_height(2, 16)


def test_heights_keeps_the_tallest_text_of_each_row_merged_widths_added():
    heights = Heights(14)
    heights.column(0, 1, xlsxwriter_width(10))
    text = "กขคงจฉชซ กขคงจฉชซ"
    heights.text(1, 0, text, 14)
    heights.text(2, 0, text, 14, last_col=1)  # across two columns: one line
    heights.text(2, 1, "ก", 18)
    assert heights.rows() == [(1, row_height(2, 14)), (2, row_height(1, 18))]
    assert heights.rows(every=True)[1] == (2, row_height(1, 18))


def test_openpyxl_sheets_grow_rows_to_their_text_never_shrink(tmp_path):
    book = openpyxl.Workbook()
    openpyxl_default_font(book)
    ws = book.active
    ws.column_dimensions["A"].width = 10
    ws["A1"] = "สั้น"
    ws["A2"] = "กขคงจ กขคงจ"  # 721 quanta each, 1248 to a line at 14 pt
    ws["A2"].alignment = openpyxl.styles.Alignment(wrap_text=True)
    ws["A3"] = "สูงไว้แล้ว"
    ws.row_dimensions[3].height = 80
    fit_openpyxl_sheet(ws, 14)
    assert ws.row_dimensions[1].height == row_height(1, 14)
    assert ws.row_dimensions[2].height == row_height(2, 14)
    assert ws.row_dimensions[3].height == 80
    # a width set by letter counts before the sheet is saved (no min and max yet)
    ws.column_dimensions["B"].width = 60
    ws["B4"] = "กขคงจ " * 8  # one line at 60, five at the default width
    ws["B4"].alignment = openpyxl.styles.Alignment(wrap_text=True)
    fit_openpyxl_sheet(ws, 14)
    assert ws.row_dimensions[4].height == row_height(1, 14)
    book.save(tmp_path / "b.xlsx")
    styles = zipfile.ZipFile(tmp_path / "b.xlsx").read("xl/styles.xml").decode()
    assert "Calibri" not in styles and '<name val="TH SarabunPSK"' in styles


def test_xlsxwriter_workbooks_default_to_the_thai_font(tmp_path):
    book = xlsxwriter_workbook(tmp_path / "a.xlsx")
    book.add_worksheet("x").write_string(0, 0, "ก")
    book.close()
    styles = zipfile.ZipFile(tmp_path / "a.xlsx").read("xl/styles.xml").decode()
    assert "Calibri" not in styles
    assert '<font><sz val="14"/><color theme="1"/><name val="TH SarabunPSK"/>' in styles


@pytest.mark.parametrize("size", [14, 16, 18])
def test_more_lines_are_taller_by_one_line_each(size):
    assert row_height(4, size) - row_height(1, size) == pytest.approx(
        3 * fontmetrics.LINE_EM * size, abs=0.75)
