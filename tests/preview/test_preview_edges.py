"""The preview's tables on paper stay inside the printable width, with the same
margin on both sides, and nothing in the book is wider than the page.

Measured in Chromium's print layout (Playwright: print media emulated in a
window exactly as wide as the printable area, 277 mm of A4 landscape) for the
sample and for the fy2555 edition with Thai digits (another ผด.01 heading,
no ผด.02/1): every table's box and the text in it; then the same pages printed
by that Chromium to PDF, where every printed word must end inside the printable
area and the text must print as large as it did (the book's print zoom).

What went wrong before: the SHA-256 column of the sources table did not break
(a specificity slip), ran 158 px past the page, and Chromium shrank every page
to fit; the tables, 100 % wide, then had their right border on the paper's
edge, cut off, while the left border kept its margin.

One Chromium start for the module.  Skipped, with the reason, where Chromium,
Playwright or pdftotext is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import build

from ..realclients import CHROMIUM, NO_CHROMIUM

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BOOKS = {"sample": SAMPLES / "sample-plan", "fy2555-thai": SAMPLES / "eras" / "fy2555"}
NO_PLAYWRIGHT = "playwright is not installed (pip install playwright); no browser is downloaded"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4
#: The printable area of A4 landscape inside book.css's @page side margins.
PAPER_WIDTH_MM, SIDE_MARGIN_MM = 297, 10
PRINTABLE_MM = PAPER_WIDTH_MM - 2 * SIDE_MARGIN_MM
#: A table keeps at least this much (book.css sets 1 mm, printed at 87 %) from
#: each edge of the printable area: on the edge itself the right border is cut.
MIN_GAP_PX = 0.5 * PX_PER_MM
#: Body text prints at 16 pt × 0.87; the page number, in the page's margin, at 12 pt.
BODY_PT, PAGE_NUMBER_PT = 13.9, 12

#: Each table's box, the furthest its text reaches, and the document's widths.
_MEASURE = """() => {
  const tables = [...document.querySelectorAll("table")].map(table => {
    const box = table.getBoundingClientRect();
    let textLeft = box.left, textRight = box.right;
    const texts = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width > 0 && !node.parentElement.closest(".sr")) {
          textLeft = Math.min(textLeft, line.left);
          textRight = Math.max(textRight, line.right);
        }
      }
    }
    return {name: table.closest("section, footer").id + " " + table.className,
            left: box.left, right: box.right, textLeft, textRight};
  });
  const root = document.documentElement;
  return {width: root.clientWidth, scrollWidth: root.scrollWidth, tables};
}"""


def _thai_digits(plan_dir: Path) -> None:
    workbook = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    for label, value in workbook["ข้อมูลทั่วไป"].iter_rows(min_row=2):
        if label.value == "ใช้เลขไทย":
            value.value = "ใช่"
    workbook.save(plan_dir / "plan.xlsx")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """name → (the print layout's measurements, the book printed to PDF)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
    folder = tmp_path_factory.mktemp("edges")
    previews = {}
    for name, source in BOOKS.items():
        plan_dir = folder / name / "แผน"
        shutil.copytree(source, plan_dir)
        if name.endswith("-thai"):
            _thai_digits(plan_dir)
        previews[name] = build(plan_dir).outputs["preview"]
    results = {}
    playwright = sync_api.sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, preview in previews.items():
            page = chromium.new_page(viewport={"width": round(PRINTABLE_MM * PX_PER_MM),
                                               "height": 800})
            page.goto(preview.as_uri())
            page.emulate_media(media="print")
            measured = page.evaluate(_MEASURE)
            pdf = folder / name / "preview.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True)
            page.close()
            results[name] = measured, pdf
        chromium.close()
    finally:
        playwright.stop()
    return results


def _words(pdf: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Each page's width and its words as (right end, height, text), in points."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         encoding="utf-8").stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">([^<]*)</word>')
    pages = []
    for page in xml.split("<page ")[1:]:
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        pages.append((width, [(float(right), float(bottom) - float(top), text)
                              for top, right, bottom, text in word.findall(page)]))
    return pages


@pytest.mark.parametrize("name", BOOKS)
def test_every_table_inside_the_printable_width_with_even_margins(printed, name):
    measured, _ = printed[name]
    width = measured["width"]
    assert abs(width - PRINTABLE_MM * PX_PER_MM) < 1
    tables = measured["tables"]
    assert {t["name"].split()[0] for t in tables} >= {"pd01", "pd02", "sources"}
    for table in tables:
        left, right = table["left"], width - table["right"]
        assert left >= MIN_GAP_PX and right >= MIN_GAP_PX, (table, width)
        assert abs(left - right) < 0.5, (table, width)  # centred: the same margin
        # and no text of the table (a long word, a SHA-256) runs out of it
        assert table["textRight"] <= table["right"] + 0.5, table
        assert table["textLeft"] >= table["left"] - 0.5, table


@pytest.mark.parametrize("name", BOOKS)
def test_nothing_is_wider_than_the_page(printed, name):
    """Anything wider would make Chromium shrink every page of the book to fit."""
    measured, _ = printed[name]
    assert measured["scrollWidth"] <= measured["width"], measured["scrollWidth"]


@pytest.mark.parametrize("name", BOOKS)
def test_every_printed_word_ends_inside_the_printable_area(printed, name):
    _, pdf = printed[name]
    pages = _words(pdf)
    assert len(pages) > 10
    for number, (width, words) in enumerate(pages, 1):
        edge = width - SIDE_MARGIN_MM * PT_PER_MM
        past = [(round(right - edge, 2), text) for right, _, text in words if right > edge]
        assert not past, (number, past[:5])


@pytest.mark.parametrize("name", BOOKS)
def test_text_prints_as_large_as_the_book_was(printed, name):
    """Part 1's text (pages 3 to 5) against its page numbers (12 pt, in the page's
    margin, the same typeface): 13.9 pt or more, the size the book has printed at."""
    _, pdf = printed[name]
    heights = [(round(height, 1), text) for _, words in _words(pdf)[2:5]
               for _, height, text in words]
    page_number = min(height for height, text in heights if text == "หน้า")
    sizes = [height for height, _ in heights]
    body = max(set(sizes), key=sizes.count)  # most words are the body text
    assert body / page_number >= BODY_PT / PAGE_NUMBER_PT - 0.005, (body, page_number)
