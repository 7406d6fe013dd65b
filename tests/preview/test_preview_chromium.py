"""A real client: the sample's preview.html in headless Chromium (SPEC §7).

Chromium loads the file, lays it out with Thai text, prints it to A4
landscape and reports no console message.  Console messages are read from
Chromium's own log (``--enable-logging=stderr``), where each appears on a
line with ``:CONSOLE``; a control page with a console error proves that this
detection works here, so the test can never pass by not looking.

One Chromium start per page: the preview's DOM and its print come from the
same start (``realclients.open_page``), shared by the tests below.

Skipped, with the reason, when no Chromium is installed.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from oplan_xl.api import build

from ..realclients import CHROMIUM, NO_CHROMIUM, PageRun, open_page

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> PageRun:
    """The sample's preview.html, loaded and printed in one Chromium start."""
    folder = tmp_path_factory.mktemp("chromium")
    plan_dir = folder / "แผน"
    shutil.copytree(SAMPLE, plan_dir)
    return open_page(build(plan_dir).outputs["preview"], folder / "preview", pdf=True)


def test_console_detection_works(tmp_path):
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><p>ทดสอบ</p><script>console.error('control');"
                    "undefinedFunction();</script>", encoding="utf-8")
    run = open_page(page, tmp_path)
    lines = run.console_lines()
    assert any("control" in line for line in lines), run.stderr[-2000:]
    assert any("Uncaught" in line for line in lines), run.stderr[-2000:]


def test_loads_with_thai_text_and_no_console_messages(preview):
    assert preview.returncode == 0, preview.stderr[-2000:]
    assert preview.console_lines() == []
    dom = preview.dom
    for text in ("แผนการดำเนินงาน", "องค์การบริหารส่วนตำบลหนองสมมุติ", "แบบ ผด.01",
                 "20,732,952.90", "ขั้นตอนการจัดทำแผนการดำเนินงาน"):
        assert text in dom
    assert dom.count('<tr class="project">') == 74
    assert dom.count("<svg") == 3


def test_prints_to_a4_landscape(preview):
    pdf = preview.pdf
    assert preview.returncode == 0 and pdf.is_file(), preview.stderr[-2000:]
    assert preview.console_lines() == []
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) > 10
    for width, height in boxes:  # A4 landscape: 842 x 595 pt
        assert abs(float(width) - 842) < 1 and abs(float(height) - 595) < 1
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          encoding="utf-8").stdout
    assert "บัญชีสรุปจำนวนโครงการและงบประมาณ" in text and "20,732,952.90" in text
    pages = text.split("\f")[:len(boxes)]
    for number, page in enumerate(pages, 1):
        if number == 1:
            continue  # the cover has no page number
        # the page number, alone on its line: nothing (not even a Thai mark
        # inked above the next page's first line) strays into the foot
        footer = [line for line in page.splitlines() if "หน้า " in line][-1]
        assert footer.split() == ["หน้า", str(number), "/", str(len(boxes))], footer
