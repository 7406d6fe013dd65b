"""Make the pictures of ``oplan serve``, ``docs/images/serve-*.png``, from the sample plan.

    python tools/make_serve_screenshots.py             # rewrite docs/images/serve-*.png
    python tools/make_serve_screenshots.py --out DIR   # write them somewhere else

Needs Chromium (or Chrome, Edge) and the ``playwright`` package (pip; its own
browsers are not needed, none is downloaded).  In a temporary folder it copies the
sample plan without กองช่าง's file (that department has not sent it yet), starts the
server with no plan folder, and drives the page as an officer would: open the plan
folder, write the templates, drop กองช่าง's file with a few everyday mistakes (the
findings, worst first), drop the corrected file under the same name (the page asks before it
replaces), build, open the preview in its tab, start an edition เพิ่มเติม and write
the follow-up templates.  Each picture is the 1280 x 800 window, or the part of it
worth showing (one department's findings), each under 150 kB.

Run it again after changing how the pages look, then look at every picture before
committing them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's oplan_xl, not an installed one

from make_readme_images import CHROMIUMS, WINDOWS_BROWSERS, add_mistakes, find_program  # noqa: E402

from oplan_xl import api  # noqa: E402
from oplan_xl.serve import start  # noqa: E402

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1280, 800
MAX_BYTES = 150_000
#: The department whose file comes late, with mistakes, and the name the clerk gives it.
DEPARTMENT_FILE = "works.xlsx"
SENT_AS = "กองช่าง.xlsx"
PLAN_FOLDER = "แผน2569"
WAIT_MS = 120_000


def settle(page, condition: str = "true") -> None:
    """Until no work runs on the page (it reloads itself when the work ends) and
    *condition* (JavaScript) holds; then the fonts and layout are given a moment."""
    page.wait_for_function(
        f"() => !document.querySelector('#job[data-running=yes]') && ({condition})",
        timeout=WAIT_MS, polling=200)
    page.wait_for_load_state("networkidle")
    errors = page.locator("#job .flash.error")
    if errors.count():
        sys.exit(f"the page reports an error: {errors.first.inner_text()}")


def shoot(page, out: Path, name: str, height: int | None = None, part=None) -> Path:
    """The window as ``serve-NAME.png``; with *height*, only its top *height* pixels;
    with *part* (a locator), that part of the page alone."""
    target = out / f"serve-{name}.png"
    if part is not None:
        part.screenshot(path=str(target), type="png")
    else:
        clip = {"x": 0, "y": 0, "width": WIDTH, "height": height} if height else None
        page.screenshot(path=str(target), type="png", clip=clip)
    size = target.stat().st_size
    print(f"{target.name}: {size // 1000} kB")
    if size > MAX_BYTES:
        sys.exit(f"{target.name} is {size:,} bytes, over {MAX_BYTES:,}: show less of the page")
    return target


def drop(page, path: Path) -> None:
    page.set_input_files("form[data-drop] input[type=file]", str(path))
    page.click("form[data-drop] button[type=submit]")


def files_for_the_story(work: Path) -> tuple[Path, Path, Path]:
    """The plan folder without กองช่าง's file; that file with mistakes and corrected,
    each named as the clerk names it."""
    plan_dir = work / PLAN_FOLDER
    api.copy_sample(plan_dir)
    corrected = work / "แก้แล้ว" / SENT_AS
    corrected.parent.mkdir()
    shutil.move(plan_dir / api.SUBMISSIONS / DEPARTMENT_FILE, corrected)
    faulty = work / "ส่งครั้งแรก" / SENT_AS
    faulty.parent.mkdir()
    shutil.copyfile(corrected, faulty)
    add_mistakes(faulty)
    return plan_dir, faulty, corrected


def first_day(page, out: Path, url: str, plan_dir: Path, faulty: Path,
              corrected: Path) -> None:
    page.goto(url)
    page.fill("form[action='/open'] input[name=folder]", str(plan_dir))
    shoot(page, out, "choose")
    page.get_by_role("button", name="เปิดแผนนี้").click()
    settle(page, "document.querySelector('.cards')")
    shoot(page, out, "overview")

    page.click("nav.steps a[href='/templates']")
    page.get_by_role("button", name="เขียนแบบกรอก").click()
    settle(page, "document.querySelector('a[href=\"/templates.zip\"]')")
    shoot(page, out, "templates")

    page.click("nav.steps a[href='/submissions']")
    drop(page, faulty)
    settle(page, f"document.querySelector('section.department.error[data-file=\"{SENT_AS}\"]')")
    shoot(page, out, "submissions")
    shoot(page, out, "findings", part=page.locator("section.department").first)

    drop(page, corrected)
    page.locator("form[data-drop] .drop-result button").wait_for()
    shoot(page, out, "upload-exists", height=520)
    page.locator("form[data-drop] .drop-result button").click()
    settle(page, f"document.querySelector('section.department.ok[data-file=\"{SENT_AS}\"]')")

    page.click("nav.steps a[href='/build']")
    page.get_by_role("button", name="ตรวจแล้วสร้างแผน").click()
    settle(page, "document.querySelector('#built')")
    shoot(page, out, "build")

    with page.context.expect_page() as opened:
        page.get_by_role("link", name="เปิดเล่มแผน (preview)").click()
    preview = opened.value
    preview.wait_for_load_state("networkidle")
    shoot(preview, out, "preview")
    preview.close()


def the_year(page, out: Path) -> None:
    page.click("nav.steps a[href='/editions']")
    page.select_option("select[name=kind]", "เพิ่มเติม")
    page.get_by_role("button", name="สร้างฉบับใหม่").click()
    settle(page, "document.querySelector('section.department h2')")
    shoot(page, out, "editions")

    page.click("nav.steps a[href='/results']")
    page.get_by_role("button", name="เขียนแบบรายงานผล").click()
    settle(page, "document.querySelector('.flash.ok')")
    shoot(page, out, "results")


def make_screenshots(out: Path, work: Path) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("playwright is not installed: pip install playwright (no browser download "
                 "is needed; the installed Chromium is used)")
    browser_path = find_program(CHROMIUMS, WINDOWS_BROWSERS)
    plan_dir, faulty, corrected = files_for_the_story(work)
    os.chdir(work)  # the page offers to copy the sample here; no plan.xlsx to open at once
    # A profile of its own: the plans this run opens are not the ones the user opened.
    os.environ["APPDATA"] = str(work / "profile")
    server, url = start(None, 0)
    threading.Thread(target=server.run, daemon=True).start()
    out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT},
                                          locale="th-TH")
            page = context.new_page()
            page.set_default_timeout(WAIT_MS)
            first_day(page, out, url, plan_dir, faulty, corrected)
            the_year(page, out)
            browser.close()
    finally:
        server.close()
        os.chdir(ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the PNGs")
    args = parser.parse_args()
    # One folder name on every run, so the pictures change only when the pages do.
    work = Path(tempfile.gettempdir()) / "oplan-screens"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        make_screenshots(args.out.resolve(), work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
