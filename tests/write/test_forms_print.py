"""What prints: the form alone (its data sheets hidden), landscape, one page wide."""

from __future__ import annotations

import openpyxl
import pytest

from oplan_xl.api import demo


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    plan = tmp_path_factory.mktemp("print") / "plan"
    demo(plan)
    return plan / "output"


@pytest.mark.parametrize("name, form, aside", [
    ("pd01.xlsx", "แบบ ผด.01", ["รายการโครงการ", "ที่มา"]),
    ("pd02.xlsx", "แบบ ผด.02", ["ที่มา"]),
    ("pd02-1.xlsx", "แบบ ผด.02-1", ["ที่มา"]),
])
def test_the_form_prints_alone_and_names_its_hidden_data_sheets(output, name, form, aside):
    book = openpyxl.load_workbook(output / name)
    assert book.sheetnames == [form, *aside]
    assert book.active.title == form
    states = {ws.title: ws.sheet_state for ws in book}
    assert states == {form: "visible", **{sheet: "hidden" for sheet in aside}}
    ws = book[form]
    assert ws.print_area.startswith(f"'{form}'!$A$1:")
    note = next(cell.value for cell in ws[1] if cell.value and "ซ่อน" in str(cell.value))
    assert all(sheet in note for sheet in aside)
    for sheet in book:  # hidden ones too: printed when shown
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)  # 1: the default


def test_no_cell_of_any_output_is_in_calibri(output):
    for path in sorted(output.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        fonts = {cell.font.name for ws in book for line in ws.iter_rows() for cell in line
                 if cell.value is not None}
        assert fonts <= {"TH SarabunPSK", "Courier New"}, path.name
