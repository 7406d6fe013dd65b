"""findings.xlsx printed by LibreOffice: A4 landscape, one page wide at a readable
scale, the header on every page, every finding's row whole.

The PDF's words and their boxes (``pdftotext -bbox``) say where each column
printed: the last column's header on every page means one page wide, and the
distance from the first column's header to the last's, against the 734 pt it
takes at 100%, is the scale LibreOffice chose.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from oplan_xl.core.findings import FileTally, Report, finding
from oplan_xl.write import findings as findings_workbook

#: Findings in the workbook: enough for several pages.
COUNT = 60
#: Points from the left of the first column to the left of the last (รหัส) at 100%:
#: each column is 7 pixels a character plus 5 (XlsxWriter), 0.75 pt a pixel.
TO_LAST_COLUMN = sum(7 * width + 5 for _, width in findings_workbook.COLUMNS[:-1]) * 0.75


def _report() -> Report:
    """COUNT findings of a file, each on its own row, their messages and subjects long."""
    items = []
    for index in range(COUNT):
        row = index + 2
        name = f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านหนองสมมุติ หมู่ที่ {index + 1} ถึงบ้านโคกกลาง"
        if index % 3 == 0:
            items.append(finding("budget-not-number", "กองช่าง-2568.xlsx", "โครงการ", row,
                                 "งบประมาณ (บาท)", f"E{row}", "ประมาณหนึ่งแสนบาท", subject=name))
        elif index % 3 == 1:
            items.append(finding("unknown-equipment-type", "กองช่าง-2568.xlsx", "ครุภัณฑ์", row,
                                 "ประเภท", f"C{row}", "ครุภัณฑ์ยานอวกาศ",
                                 subject="ตู้เหล็กเก็บเอกสาร 2 บาน จำนวน 2 ตู้"))
        else:
            items.append(finding("text-too-long", "กองช่าง-2568.xlsx", "โครงการ", row,
                                 "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", f"D{row}",
                                 "ถนนคอนกรีต " * 8 + "…", length=839, limit=700,
                                 subject=name))
    report = Report(findings=items)
    report.files.append(FileTally("กองช่าง-2568.xlsx", "กองช่าง"))
    return report


def _pages(pdf) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (x min, x max, text)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(x0), float(x1), text) for x0, x1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            page)])
    return pages


def test_libreoffice_prints_it_one_page_wide_readable_header_on_every_page(libreoffice,
                                                                            tmp_path):
    workbook = findings_workbook.write(_report(), tmp_path / "findings.xlsx")
    pdf = libreoffice.convert({"findings": workbook}, "pdf")["findings"]
    pages = _pages(pdf)
    # the findings sheet, then the reconciliation's single page
    findings_pages, reconciliation = pages[:-1], pages[-1]
    assert 3 <= len(findings_pages) <= 12
    assert any(text == "SHA-256" for _, _, text in reconciliation)
    for number, words in enumerate(findings_pages, 1):
        first = next(x0 for x0, _, text in words if text == "หน่วยงาน/ไฟล์")
        last = next(x0 for x0, x1, text in words if text == "รหัส")  # the header, each page
        assert max(x1 for _, x1, _ in words) < 842 - 20, number  # within A4 landscape
        assert (last - first) / TO_LAST_COLUMN >= 0.85, number  # a readable scale
    cells = [text for words in findings_pages for _, _, text in words
             if re.fullmatch(r"[CDE]\d+", text)]
    assert sorted(cells) == sorted(item.cell for item in _report().findings)  # every row
