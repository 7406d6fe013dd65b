"""The official workbooks in LibreOffice: every formula recalculates to the value
we cached, and the files open and print.

LibreOffice starts twice for the whole module: once to recalculate every
workbook below, once to print the forms to PDF (module fixtures
``recalculations`` and ``printed``).  Skipped, with the reason, where
LibreOffice is not installed."""

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from oplan_xl.api import build

from ..builders import make_plan, project, write_submission

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
FORMS = ("pd01", "pd02", "pd02-1")


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


def _cell_values(path: Path):
    values = openpyxl.load_workbook(path, data_only=True)
    return lambda sheet, cell: values[sheet][cell].value


@pytest.fixture(scope="module")
def wrong_cache(tmp_path_factory) -> Path:
    """A workbook whose one formula has a wrong cached value."""
    path = tmp_path_factory.mktemp("wrong") / "wrong.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("ก").write_formula(0, 0, "=ROUND(1*100/8,2)", None, 0)
    workbook.close()
    return path


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("lo") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    return build(plan_dir).outputs


@pytest.fixture(scope="module")
def thai_digits_outputs(tmp_path_factory):
    """A plan set to Thai digits, with a budget that shows every digit."""
    plan_dir = make_plan(tmp_path_factory.mktemp("thai-digits"))
    settings_path = plan_dir / "plan.xlsx"
    workbook = openpyxl.load_workbook(settings_path)
    for row in workbook["ข้อมูลทั่วไป"].iter_rows(min_row=2):
        if row[0].value == "ใช้เลขไทย":
            row[1].value = "ใช่"
    workbook.save(settings_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(budget=1234567.5, name="ถนน หมู่ที่ 3"),
                      project(name="ประปา", budget=100)], department="กองช่าง")
    return build(plan_dir).outputs


@pytest.fixture(scope="module")
def recalculations(libreoffice, wrong_cache, sample_outputs, thai_digits_outputs):
    """Every workbook of this module as LibreOffice recalculates it, in one start:
    key → (sheet, cell) → value."""
    sources = {"wrong": wrong_cache, "thai-digits-pd01": thai_digits_outputs["pd01"]}
    sources.update({f"sample-{form}": sample_outputs[form] for form in FORMS})
    converted = libreoffice.convert(sources, "xlsx", recalc=True)
    return {key: _cell_values(path) for key, path in converted.items()}


@pytest.fixture(scope="module")
def printed(libreoffice, sample_outputs, thai_digits_outputs):
    """The ผด.02 forms printed to PDF by LibreOffice, in one start."""
    return libreoffice.convert({"sample-pd02": sample_outputs["pd02"],
                                "thai-digits-pd02": thai_digits_outputs["pd02"]}, "pdf")


def test_recalculation_really_happens(recalculations):
    """Guard for the test below: a wrong cached value must come back corrected."""
    assert recalculations["wrong"]("ก", "A1") == 12.5


@pytest.mark.parametrize("form", FORMS)
def test_libreoffice_recalculates_every_cached_value(recalculations, sample_outputs, form):
    cells = _formula_cells(sample_outputs[form])
    assert cells, "the form has formulas"
    recalculated = recalculations[f"sample-{form}"]
    mismatches = {key: (formula, cached, recalculated(*key))
                  for key, (formula, cached) in cells.items()
                  if recalculated(*key) != pytest.approx(cached, abs=1e-9)}
    assert mismatches == {}
    if form == "pd01":
        # four figures on each of 17 programme lines, 6 strategy totals, 1 grand total
        assert len(cells) == 4 * (17 + 6 + 1)


def test_thai_digits_plan_recalculates_and_prints_thai_digits(recalculations, printed,
                                                             thai_digits_outputs):
    pd01 = _formula_cells(thai_digits_outputs["pd01"])
    recalculated = recalculations["thai-digits-pd01"]
    assert all(recalculated(*key) == pytest.approx(cached) for key, (_, cached) in pd01.items())
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(printed["thai-digits-pd02"]), "-"],
                          capture_output=True, encoding="utf-8", check=True).stdout
    assert "๑,๒๓๔,๕๖๗.๕๐" in text  # the number format draws Thai digits
    assert "หมู่ที่ ๓" in text and "พ.ศ. ๒๕๖๘" in text
    assert "1,234,567.50" not in text


def test_printed_pages_are_a4_landscape_with_the_header_on_each_page(printed):
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext/pdfinfo (poppler-utils) are not installed")
    pdf = printed["sample-pd02"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, encoding="utf-8").stdout
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          encoding="utf-8", check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    form_pages = [page for page in pages if "ที่มาของข้อมูล" not in page and "SHA-256" not in page
                  and "ลำดับในแบบ" not in page]
    assert len(form_pages) >= 5
    for number, page in enumerate(form_pages, 1):
        # pdftotext splits some Thai marks off their letters; these labels survive intact
        assert "สถานที่ดำเนินการ" in page and "ต.ค." in page, f"page {number} has no header"
        assert f"หน้า {number}/" in page
