"""The preview on paper: the sample's preview.html printed by headless Chromium
against its forms printed by LibreOffice.

- no more than 1.3 × the forms' pages plus 8 (cover, contents, Part 1, the
  sources page);
- Thai wraps at word ends only: every table cell is laid out with normal word
  breaking (read from Chromium's computed style, not from our CSS text), and
  no printed line begins with a Thai vowel or mark that cannot begin a word;
- a group's รวม row never opens a page alone.

One Chromium start prints a copy of the preview carrying a small script that
records each cell's computed style in an attribute (the print is that of the
preview: the script changes no layout); one LibreOffice start prints the form
sheets.  Skipped, with the reason, where Chromium or LibreOffice is missing.
"""

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from oplan_xl.api import build

from ..realclients import CHROMIUM, NO_CHROMIUM, need_soffice, open_page

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
FORMS = ("pd01", "pd02", "pd02-1")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

#: Records the computed word breaking of every cell of the forms' tables.
_PROBE = """<script>
const cells = [...document.querySelectorAll("table.form td, table.form th")]
  .filter(cell => !cell.classList.contains("hash"));
const styles = cells.map(cell => {
  const style = getComputedStyle(cell);
  return style.overflowWrap + " " + style.wordBreak;
});
document.documentElement.setAttribute("data-cells", JSON.stringify(
  Object.fromEntries([...new Set(styles)].map(s => [s, styles.filter(t => t === s).length]))));
</script>"""


def _pdftotext(pdf: Path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          encoding="utf-8").stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(tmp_path_factory, libreoffice):
    folder = tmp_path_factory.mktemp("paper")
    plan_dir = folder / "แผน"
    shutil.copytree(SAMPLE, plan_dir)
    outputs = build(plan_dir).outputs
    preview = folder / "preview.html"
    html = outputs["preview"].read_text(encoding="utf-8")
    preview.write_text(html.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    run = open_page(preview, folder / "chromium", pdf=True)
    assert run.returncode == 0 and run.pdf.is_file(), run.stderr[-2000:]
    need_soffice()
    forms = {form: outputs[form] for form in FORMS}  # data and ที่มา sheets are hidden
    return run, libreoffice.convert(forms, "pdf")


def test_preview_prints_within_the_forms_pages(printed):
    run, forms = printed
    preview_pages = len(_pdftotext(run.pdf))
    form_pages = {form: len(_pdftotext(pdf)) for form, pdf in forms.items()}
    assert form_pages["pd01"] >= 3 and form_pages["pd02"] >= 7  # the forms alone
    bound = 1.3 * sum(form_pages.values()) + 8
    assert preview_pages <= bound, (preview_pages, form_pages)


def test_table_cells_break_thai_at_word_ends_only(printed):
    run, _ = printed
    found = re.search(r'data-cells="([^"]*)"', run.dom)
    assert found, "the probe did not run"
    styles = json.loads(found.group(1).replace("&quot;", '"'))
    assert sum(styles.values()) > 1000  # every cell of the sample's tables
    assert set(styles) == {"normal normal"}, styles
    # no printed line (or cell line) starts inside a word: with a vowel or a
    # mark that only follows a consonant
    for number, page in enumerate(_pdftotext(run.pdf), 1):
        for line in page.splitlines():
            for piece in re.split(r"\s{2,}", line.strip()):
                if piece:
                    assert unicodedata.category(piece[0]) != "Mn" \
                        and piece[0] not in "ะาำๅ", (number, piece)


def test_no_total_row_opens_a_page(printed):
    run, _ = printed
    body_row = re.compile(r"^\s*(\d+(\.\d+)*\.?\s|รวม)")
    pages = _pdftotext(run.pdf)
    for number, page in enumerate(pages, 1):
        first = next((line for line in page.splitlines() if body_row.match(line)), "")
        assert not first.strip().startswith("รวม "), (number, first)
