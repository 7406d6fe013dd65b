"""ผด.01's รวมทั้งสิ้น line (issue 15): its หน่วยดำเนินการ is blank, as the regulation's
form leaves it (it listed all ten units of the sample, a row 267 pt tall), in the
workbook and in the preview alike; the strategies' lines still name their units."""

import shutil
from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import build

from ..htmlbook import Book

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("grand") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    return build(plan_dir)


def test_the_workbook(built):
    ws = openpyxl.load_workbook(built.outputs["pd01"]).worksheets[0]
    rows = {ws.cell(row, 1).value: row for row in range(1, ws.max_row + 1)}
    grand = rows["รวมทั้งสิ้น"]
    assert ws.cell(grand, 6).value in (None, "")
    assert ws.row_dimensions[grand].height < 40  # one line
    units = [ws.cell(row, 6).value for row in range(1, grand)
             if ws.cell(row, 1).value == "รวม"]
    assert units and all(units)  # each strategy's total names its units


def test_the_preview_agrees(built):
    book = Book(built.outputs["preview"].read_text(encoding="utf-8"))
    grand = book.rows_in("pd01", "grand-total")[0].cells
    assert grand[0] == "รวมทั้งสิ้น" and grand[5] == ""
    assert all(row.cells[5] for row in book.rows_in("pd01", "strategy-total"))
