"""The official workbooks in LibreOffice: every formula recalculates to the value
we cached, and the files open and print."""

import shutil
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from oplan_xl.api import build

from .builders import make_plan, project, write_submission
from .realclients import need_soffice, soffice_convert

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample-plan"


def _formula_cells(path: Path):
    """(sheet, cell) → (formula, cached value) for every formula in the workbook."""
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    cells = {}
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cached = values[ws.title][cell.coordinate].value
                    cells[(ws.title, cell.coordinate)] = (cell.value, cached)
    return cells


def _recalculated(path: Path, tmp_path: Path):
    out = soffice_convert(path, tmp_path / "recalc", "xlsx", tmp_path / "profile",
                          recalc=True)
    values = openpyxl.load_workbook(out, data_only=True)
    return lambda sheet, cell: values[sheet][cell].value


def test_recalculation_really_happens(tmp_path):
    """Guard for the test below: a wrong cached value must come back corrected."""
    need_soffice()
    path = tmp_path / "wrong.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("ก").write_formula(0, 0, "=ROUND(1*100/8,2)", None, 0)
    workbook.close()
    assert _recalculated(path, tmp_path)("ก", "A1") == 12.5


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("lo") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    return build(plan_dir).outputs


@pytest.mark.parametrize("form", ["pd01", "pd02", "pd02-1"])
def test_libreoffice_recalculates_every_cached_value(sample_outputs, form, tmp_path):
    need_soffice()
    cells = _formula_cells(sample_outputs[form])
    assert cells, "the form has formulas"
    recalculated = _recalculated(sample_outputs[form], tmp_path)
    mismatches = {key: (formula, cached, recalculated(*key))
                  for key, (formula, cached) in cells.items()
                  if recalculated(*key) != pytest.approx(cached, abs=1e-9)}
    assert mismatches == {}
    if form == "pd01":
        # four figures on each of 17 programme lines, 6 strategy totals, 1 grand total
        assert len(cells) == 4 * (17 + 6 + 1)


def test_thai_digits_plan_recalculates_and_prints_thai_digits(tmp_path):
    need_soffice()
    plan_dir = make_plan(tmp_path)
    settings_path = plan_dir / "plan.xlsx"
    workbook = openpyxl.load_workbook(settings_path)
    for row in workbook["ข้อมูลทั่วไป"].iter_rows(min_row=2):
        if row[0].value == "ใช้เลขไทย":
            row[1].value = "ใช่"
    workbook.save(settings_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(budget=1234567.5, name="ถนน หมู่ที่ 3"),
                      project(name="ประปา", budget=100)], department="กองช่าง")
    outputs = build(plan_dir).outputs
    pd01 = _formula_cells(outputs["pd01"])
    recalculated = _recalculated(outputs["pd01"], tmp_path)
    assert all(recalculated(*key) == pytest.approx(cached) for key, (_, cached) in pd01.items())
    pdf = soffice_convert(outputs["pd02"], tmp_path / "pdf", "pdf", tmp_path / "profile2")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "๑,๒๓๔,๕๖๗.๕๐" in text  # the number format draws Thai digits
    assert "หมู่ที่ ๓" in text and "พ.ศ. ๒๕๖๘" in text
    assert "1,234,567.50" not in text


def test_printed_pages_are_a4_landscape_with_the_header_on_each_page(sample_outputs, tmp_path):
    need_soffice()
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext/pdfinfo (poppler-utils) are not installed")
    import subprocess

    pdf = soffice_convert(sample_outputs["pd02"], tmp_path / "pdf", "pdf", tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    form_pages = [page for page in pages if "ที่มาของข้อมูล" not in page and "SHA-256" not in page
                  and "ลำดับในแบบ" not in page]
    assert len(form_pages) >= 5
    for number, page in enumerate(form_pages, 1):
        # pdftotext splits some Thai marks off their letters; these labels survive intact
        assert "สถานที่ดำเนินการ" in page and "ต.ค." in page, f"page {number} has no header"
        assert f"หน้า {number}/" in page
