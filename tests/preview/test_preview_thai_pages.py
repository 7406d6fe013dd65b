"""With Thai digits chosen in plan.xlsx, the preview's printed page numbers are Thai
too (issue 15): ``counter(page, thai)`` in headless Chromium's PDF.  (The workbooks'
footers cannot be: Excel's and LibreOffice's &P and &N have no Thai-digit form.)"""

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import build
from oplan_xl.core.model import to_thai_digits

from ..realclients import CHROMIUM, NO_CHROMIUM, open_page

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)


def test_page_numbers_in_thai_digits(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    plan_dir = tmp_path / "แผน"
    shutil.copytree(SAMPLE, plan_dir)
    workbook = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    for label, value in workbook["ข้อมูลทั่วไป"].iter_rows(min_row=2):
        if label.value == "ใช้เลขไทย":
            value.value = "ใช่"
    workbook.save(plan_dir / "plan.xlsx")
    run = open_page(build(plan_dir).outputs["preview"], tmp_path / "preview", pdf=True)
    assert run.returncode == 0 and run.pdf.is_file(), run.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", str(run.pdf), "-"], capture_output=True,
                          encoding="utf-8").stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 10
    for number, page in enumerate(pages[1:], 2):  # the cover has no page number
        footer = [line for line in page.splitlines() if "หน้า " in line][-1]
        assert footer.split() == ["หน้า", to_thai_digits(str(number)), "/",
                                  to_thai_digits(str(len(pages)))], footer
