"""Make the README's pictures, ``docs/images/*.png``, from the bundled sample plan.

    python tools/make_readme_images.py             # rewrite docs/images/
    python tools/make_readme_images.py --out DIR   # write them somewhere else

Needs LibreOffice (``soffice``), Chromium (or Chrome, Edge) and poppler's ``pdftoppm``
and ``pdftotext``.  In a temporary folder it builds the sample plan (as ``oplan demo``
does) and a copy of it with a few everyday mistakes in กองช่าง's file, checks that copy
(findings.xlsx, the returned copy) and builds it with ``--force`` (a draft).  The
workbooks are printed to PDF by LibreOffice, preview.html by headless Chromium, as an
officer would print them, and one page of each becomes a PNG at 100 dpi (about 1,170
pixels wide for an A4 landscape page, each under 300 kB).

Run it again after changing how the forms, findings or preview look, then look at every
picture before committing them: they are what a reader of the README sees first.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's oplan_xl, not an installed one

from oplan_xl import api  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DPI = 100
#: Pictures of part of a page (a sheet's table, findings) are drawn larger: they are
#: shown at the README's width, so fewer points per pixel keep the text readable.
CROP_DPI = 140
MAX_BYTES = 300_000
#: The page footer ("หน้า 1/2") is left out of a picture cropped to its content.
FOOTER_POINTS = 50
#: The department whose file gets the mistakes, and the project rows they go in.
DEPARTMENT_FILE = "works.xlsx"
RETURNED_FILE = "กองช่าง.xlsx"

CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "chrome", "msedge")
WINDOWS_BROWSERS = (
    Path("C:/Program Files/Google/Chrome/Application/chrome.exe"),
    Path("C:/Program Files (x86)/Microsoft/Edge/Application/msedge.exe"),
    Path("C:/Program Files/Microsoft/Edge/Application/msedge.exe"),
)
WINDOWS_SOFFICE = (Path("C:/Program Files/LibreOffice/program/soffice.exe"),)


def find_program(names, windows_paths=()) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for path in windows_paths:
        if path.is_file():
            return str(path)
    sys.exit(f"not found: {names[0]} (install it, or put it on PATH)")


def add_mistakes(path: Path) -> None:
    """Typical slips in one department's workbook: a budget in words, a row with no
    month marked, a programme that is not in plan.xlsx (three errors), and a span of
    months written in one cell (a warning)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook["โครงการ"]
    column = {cell.value: cell.column_letter for cell in sheet[1] if cell.value}
    months = [column[month] for month in ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.",
                                          "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")]
    sheet[f"{column['งบประมาณ (บาท)']}3"] = "ประมาณหกแสน"
    for letter in months:
        sheet[f"{letter}4"] = None
    sheet[f"{months[0]}5"] = "ตลอดปี"
    sheet[f"{column['แผนงาน']}6"] = "แผนงานโยธา"
    workbook.save(path)


def returned_for_picture(returned: Path, target: Path) -> Path:
    """A copy of the returned workbook that prints its โครงการ sheet's first rows on
    one page (the returned copy keeps the department's own page setup)."""
    import openpyxl

    workbook = openpyxl.load_workbook(returned)
    sheet = workbook["โครงการ"]
    for other in workbook.worksheets:
        if other is not sheet:
            other.sheet_state = "hidden"
    workbook.active = workbook.worksheets.index(sheet)
    last_month = next(cell.column_letter for cell in sheet[1] if cell.value == "ก.ย.")
    sheet.print_area = f"A1:{last_month}8"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.save(target)
    return target


def to_pdf_libreoffice(files: list[Path], folder: Path) -> dict[str, Path]:
    """Every workbook printed to PDF in one LibreOffice start, with a private profile."""
    soffice = find_program(("soffice", "libreoffice"), WINDOWS_SOFFICE)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
                   check=True, capture_output=True, timeout=600)
    return {path.stem: folder / f"{path.stem}.pdf" for path in files}


def to_pdf_chromium(page: Path, pdf: Path) -> Path:
    browser = find_program(CHROMIUMS, WINDOWS_BROWSERS)
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={pdf.parent / 'chromium-profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=300)
    return pdf


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, encoding="utf-8").stdout
    return text.split("\f")


def page_with(pdf: Path, words: str) -> int:
    """The number of the first page whose text holds *words*."""
    for number, text in enumerate(page_texts(pdf), start=1):
        if words in text:
            return number
    sys.exit(f"{pdf.name}: no page holds {words!r}")


def content_box(pdf: Path, page: int, pad: float = 10.0) -> tuple[float, ...]:
    """The box (points) around every word on *page* above its footer, padded."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page),
                           str(pdf), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    boxes = [box for box in (tuple(map(float, found)) for found in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html))
        if box[1] < height - FOOTER_POINTS]
    return (min(box[0] for box in boxes) - pad, min(box[1] for box in boxes) - pad,
            max(box[2] for box in boxes) + pad, max(box[3] for box in boxes) + pad)


def to_png(pdf: Path, page: int, target: Path, box=None, dpi: int = DPI) -> Path:
    """Page *page* of *pdf* as *target*; only *box* (points: left, top, right,
    bottom) of it when given."""
    command = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
               "-singlefile"]
    if box:
        scale = dpi / 72
        left, top, right, bottom = (round(value * scale) for value in box)
        command += ["-x", str(max(left, 0)), "-y", str(max(top, 0)),
                    "-W", str(right - max(left, 0)), "-H", str(bottom - max(top, 0))]
    subprocess.run([*command, str(pdf), str(target.with_suffix(""))], check=True,
                   capture_output=True, timeout=120)
    size = target.stat().st_size
    print(f"{target.name}: page {page} of {pdf.name}, {size // 1000} kB")
    if size > MAX_BYTES:
        sys.exit(f"{target.name} is {size:,} bytes, over {MAX_BYTES:,}: lower the resolution")
    return target


def make_plans(work: Path) -> tuple[Path, Path, Path]:
    """The sample built; a copy with mistakes checked; that copy built as a draft."""
    sample = work / "sample"
    result = api.demo(sample)
    assert result.built and not result.report.errors, "the sample plan has errors"
    mistakes = work / "mistakes"
    api.copy_sample(mistakes)
    add_mistakes(mistakes / api.SUBMISSIONS / DEPARTMENT_FILE)
    checked = api.review(mistakes)
    assert checked.report.errors, "the mistakes gave no error"
    draft = work / "draft"
    shutil.copytree(mistakes, draft)
    assert api.build(draft, force=True).draft
    return sample / api.OUTPUT, mistakes / api.OUTPUT, draft / api.OUTPUT


def make_images(out: Path, work: Path) -> None:
    sample, mistakes, draft = make_plans(work)
    printed = work / "pdf"
    draft_pdf = work / "pdf-draft"
    for folder in (printed, draft_pdf):
        folder.mkdir()
    returned = returned_for_picture(mistakes / "returned" / RETURNED_FILE,
                                    work / "returned.xlsx")
    pdfs = to_pdf_libreoffice([sample / "pd01.xlsx", sample / "pd02.xlsx",
                               sample / "pd02-1.xlsx", mistakes / "findings.xlsx",
                               returned], printed)
    draft_pd02 = to_pdf_libreoffice([draft / "pd02.xlsx"], draft_pdf)["pd02"]
    preview = to_pdf_chromium(sample / "preview.html", printed / "preview.pdf")

    out.mkdir(parents=True, exist_ok=True)
    for form in ("pd01", "pd02", "pd02-1"):
        to_png(pdfs[form], 1, out / f"{form}.png")
    width, height = 841.89, 595.30  # A4 landscape, points
    to_png(draft_pd02, 1, out / "pd02-draft.png", (0, 0, width, height * 0.42), CROP_DPI)
    to_png(preview, 1, out / "preview-cover.png")
    to_png(preview, page_with(preview, "สัดส่วนจำนวนโครงการ"), out / "preview-charts.png")
    to_png(pdfs["findings"], 1, out / "findings.png", content_box(pdfs["findings"], 1),
           CROP_DPI)
    to_png(pdfs["returned"], 1, out / "returned.png", content_box(pdfs["returned"], 1),
           CROP_DPI)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the PNGs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="oplan-readme-") as work:
        make_images(args.out.resolve(), Path(work))


if __name__ == "__main__":
    main()
