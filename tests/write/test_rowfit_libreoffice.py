"""LibreOffice finds no row shorter than its text in any workbook we write.

One LibreOffice start (``realclients.rows_too_short``) measures every row of the
sample's three forms, findings.xlsx, a returned copy of an .xlsx (openpyxl) and of
an .ods (rebuilt with XlsxWriter), a department template and a fresh plan.xlsx:
the height stored in the file against LibreOffice's optimal height for the row's
content.  Skips where LibreOffice or a Python with its ``uno`` module is missing.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import demo, load_settings, review, write_templates
from oplan_xl.core.findings import finding
from oplan_xl.write import returned
from oplan_xl.write.settings import write_settings
from tests.realclients import rows_too_short, uno_python

DATA = Path(__file__).resolve().parent.parent / "data"


def _break_a_budget(path: Path) -> None:
    """Budgets of the first projects of a submission as words: findings, so a copy."""
    book = openpyxl.load_workbook(path)
    ws = book["โครงการ"]
    budget = next(cell.column for cell in ws[1] if cell.value and "งบประมาณ" in str(cell.value))
    for row in (2, 3):
        ws.cell(row, budget).value = "ประมาณหนึ่งแสนบาท ยังไม่ได้ขอใบเสนอราคา"
    book.save(path)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> list[Path]:
    uno_python()  # skip before building anything
    root = tmp_path_factory.mktemp("rowfit")
    plan = root / "plan"
    demo(plan)
    templates = write_templates(plan)
    _break_a_budget(plan / "submissions" / "works.xlsx")
    result = review(plan)
    copies = sorted((plan / "output" / "returned").glob("*.xlsx"))
    assert copies, result
    rebuilt = returned.write_copy(DATA / "habit-saved-as-ods.ods", [
        finding("budget-not-number", "habit-saved-as-ods.ods", "โครงการ", 3, "งบประมาณ", "C3",
                "หนึ่งแสน")], root / "rebuilt.xlsx")
    fresh_plan = write_settings(load_settings(plan), root / "plan-fresh.xlsx")
    output = plan / "output"
    return [output / "pd01.xlsx", output / "pd02.xlsx", output / "pd02-1.xlsx",
            output / "findings.xlsx", copies[0], rebuilt, templates[0], fresh_plan]


def test_libreoffice_finds_no_row_shorter_than_its_text(workbooks):
    measured, too_short = rows_too_short(workbooks)
    assert measured > 700
    assert too_short == []
