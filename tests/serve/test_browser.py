"""``oplan serve`` driven in a real browser (Playwright and Chromium), as the officer
would use it, on a copy of the sample plan; and the guard seen from outside.

The real server (waitress) runs in this process, in a thread, on a free port; one
Chromium start serves the module.  The workflow test goes through the plan's first
day on the page: the organisation's name, the templates and their zip, a faulty
department workbook dropped on the page (findings, its cell, reconciliation, the
returned copy), the same name dropped again and replaced, a check again, the build
(pd01.xlsx compared byte for byte with ``api.build`` of a fresh copy) and the
preview in its own tab.  The security tests send requests from a page of another
origin (a second server on 127.0.0.1: the same *site*, so the browser sends the
SameSite cookie, and that page knows the token: only the Origin check stands) and with
plain urllib (no token, a foreign Origin, a foreign Host, names that climb out of
submissions, a file over the size limit).
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
import urllib.request
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

from oplan_xl import api
from oplan_xl.core.model import format_baht
from oplan_xl.serve import app as serve_app
from oplan_xl.serve import guard, start
from oplan_xl.serve.app import create_app
from oplan_xl.serve.guard import refusal

from ..realclients import CHROMIUM

NO_BROWSER = ("Chromium is not installed (apt-get install chromium); the browser test "
              "of oplan serve needs it")
NO_PLAYWRIGHT = "playwright is not installed (pip install playwright); no browser is downloaded"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
#: How long a page waits for a check or a build (ms); the sample takes a second or two.
WAIT_MS = 60_000

#: The faulty workbook: กองช่าง's sample file with a budget written as text.
FAULTY_NAME = "กองช่าง-แก้ไข.xlsx"
SOURCE_NAME = "works.xlsx"
BUDGET_HEADER = "งบประมาณ (บาท)"
SHEET = "โครงการ"


@dataclass
class Served:
    plan_dir: Path
    url: str  # as printed: with ?token=
    base: str  # http://127.0.0.1:PORT
    port: int
    token: str
    desk: object  # the app's Desk


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The real server on a copy of the sample, its first check done."""
    plan_dir = tmp_path_factory.mktemp("served") / "plan"
    api.copy_sample(plan_dir)
    made = []

    def keep(*args, **kwargs):  # the app start() makes, for its Desk
        made.append(create_app(*args, **kwargs))
        return made[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serve_app, "create_app", keep)
        server, url = start(plan_dir, 0)
    threading.Thread(target=server.run, daemon=True, name="oplan-test-server").start()
    desk = made[0].extensions["oplan"]
    desk.jobs.wait()
    parts = urlsplit(url)
    try:
        yield Served(plan_dir.resolve(), url, f"{parts.scheme}://{parts.netloc}",
                     parts.port, parse_qs(parts.query)["token"][0], desk)
    finally:
        server.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """``api.build`` (what ``oplan build`` does) on a separate fresh copy of the sample."""
    plan_dir = tmp_path_factory.mktemp("reference") / "plan"
    api.copy_sample(plan_dir)
    result = api.build(plan_dir)
    assert result.built and not result.report.errors
    return plan_dir, result


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip(NO_BROWSER)
    sync_api = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
    playwright = sync_api.sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280,
                                                                    "height": 800})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    yield page
    context.close()


def faulty_workbook(source: Path, target: Path, row: int) -> Path:
    """*source* with the budget of project row *row* written as "abc"."""
    workbook = openpyxl.load_workbook(source)
    sheet = workbook[SHEET]
    column = next(cell.column_letter for cell in sheet[1] if cell.value == BUDGET_HEADER)
    sheet[f"{column}{row}"] = "abc"
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def budget_cell(source: Path, row: int) -> str:
    sheet = openpyxl.load_workbook(source, read_only=True)[SHEET]
    header = next(sheet.iter_rows(min_row=1, max_row=1))
    column = next(cell.column_letter for cell in header if cell.value == BUDGET_HEADER)
    return f"{SHEET}!{column}{row}"


def wait_settled(page, condition: str = "true") -> None:
    """Until no work runs on the page (the page reloads itself when it ends) and
    *condition* (JavaScript) holds; the wait outlives the page's reloads."""
    page.wait_for_function(
        f"() => !document.querySelector('#job[data-running=yes]') && ({condition})",
        timeout=WAIT_MS, polling=200)
    assert page.locator("#job .flash.error").count() == 0, page.inner_text("#job")


def department_selector(name: str) -> str:
    return f'section.department[data-file="{name}"]'


def drop_file(page, path: Path) -> None:
    page.set_input_files("form[data-drop] input[type=file]", str(path))
    page.click("form[data-drop] button[type=submit]")


# --- the workflow ----------------------------------------------------------------------------


def open_printed_address(page, served: Served) -> None:
    org = api.load_settings(served.plan_dir).org_name
    page.goto(served.url)
    assert "token" not in page.url  # traded for a cookie, out of the history
    assert org in page.inner_text("header.top")
    assert org in page.inner_text("h1")


def templates_and_zip(page, served: Served, tmp_path: Path) -> None:
    page.click("nav.steps a[href='/templates']")
    page.get_by_role("button", name="เขียนแบบกรอก").click()
    departments = api.load_settings(served.plan_dir).departments
    assert page.inner_text(".flash.ok") == f"เขียนแบบกรอกแล้ว {len(departments)} ไฟล์"
    with page.expect_download() as info:
        page.click("a[href='/templates.zip']")
    saved = tmp_path / "templates.zip"
    info.value.save_as(saved)
    written = sorted(p.name for p in (served.plan_dir / api.TEMPLATES).iterdir())
    with zipfile.ZipFile(saved) as archive:
        names = sorted(archive.namelist())
    assert names == written and len(names) == len(departments)
    assert all(name.endswith(".xlsx") for name in names)


def upload_faulty(page, served: Served, reference, tmp_path: Path) -> None:
    _, built = reference
    source = served.plan_dir / api.SUBMISSIONS / SOURCE_NAME
    faulty = faulty_workbook(source, tmp_path / "first" / FAULTY_NAME, row=3)
    page.click("nav.steps a[href='/submissions']")
    drop_file(page, faulty)
    wait_settled(page, f"document.querySelector('{department_selector(FAULTY_NAME)}')")
    assert (served.plan_dir / api.SUBMISSIONS / FAULTY_NAME).read_bytes() == \
        faulty.read_bytes()
    first = page.locator("section.department").first
    assert first.get_attribute("data-file") == FAULTY_NAME  # worst first
    error_rows = first.locator("table.findings tr.error")
    assert error_rows.count() == 1
    assert error_rows.locator("td.code").inner_text() == "budget-not-number"
    assert error_rows.locator("td.cell").inner_text() == budget_cell(faulty, 3)
    rows_of_source = next(f.rows_read for f in built.report.files if f.file == SOURCE_NAME)
    read = page.locator("#reconciliation table.figures tbody tr").first
    assert read.locator("th").inner_text() == f"อ่านจาก {len(built.report.files) + 1} ไฟล์"
    assert int(read.locator("td").first.inner_text()) == \
        built.report.total().rows_read + rows_of_source


def download_returned_copy(page, tmp_path: Path) -> None:
    section = page.locator(department_selector(FAULTY_NAME))
    with page.expect_download() as info:
        section.get_by_role("link", name="ดาวน์โหลดไฟล์ส่งคืนหน่วยงาน").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / "returned.xlsx"
    download.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    cell = budget_cell(tmp_path / "first" / FAULTY_NAME, 3).split("!")[1]
    assert "budget-not-number" in workbook[SHEET][cell].comment.text


def upload_again_and_replace(page, served: Served, tmp_path: Path) -> None:
    source = served.plan_dir / api.SUBMISSIONS / SOURCE_NAME
    second = faulty_workbook(source, tmp_path / "second" / FAULTY_NAME, row=5)
    drop_file(page, second)
    result = page.locator("form[data-drop] .drop-result")
    replace = result.get_by_role("button", name="เขียนทับ 1 ไฟล์นี้ด้วยไฟล์ใหม่")
    replace.wait_for()
    assert f"มีไฟล์ชื่อ {FAULTY_NAME} อยู่แล้ว" in result.inner_text()
    stored = served.plan_dir / api.SUBMISSIONS / FAULTY_NAME
    assert stored.read_bytes() == (tmp_path / "first" / FAULTY_NAME).read_bytes()
    replace.click()
    cell = budget_cell(second, 5)
    wait_settled(page, f"[...document.querySelectorAll('{department_selector(FAULTY_NAME)} "
                       f"tr.error td.cell')].some(td => td.textContent === '{cell}')")
    assert stored.read_bytes() == second.read_bytes()
    assert page.locator(department_selector(FAULTY_NAME)).locator(
        "tr.error td.cell").all_inner_texts() == [cell]


def check_again_and_build(page, served: Served, reference) -> None:
    reference_dir, built = reference
    (served.plan_dir / api.SUBMISSIONS / FAULTY_NAME).unlink()
    page.get_by_role("button", name="ตรวจอีกครั้ง").click()
    wait_settled(page, f"!document.querySelector('{department_selector(FAULTY_NAME)}')")
    read = page.locator("#reconciliation table.figures tbody tr").first
    assert int(read.locator("td").first.inner_text()) == built.report.total().rows_read
    page.click("nav.steps a[href='/build']")
    page.get_by_role("button", name="ตรวจแล้วสร้างแผน").click()
    wait_settled(page, "document.querySelector('#built')")
    summary = page.inner_text("#built")
    assert summary.startswith("สร้างแผนแล้ว")
    assert f"{built.plan.count} โครงการ" in summary
    assert page.inner_text("#built strong") == format_baht(built.plan.satang)  # ผด.01's total
    assert (served.plan_dir / api.OUTPUT / "pd01.xlsx").read_bytes() == \
        (reference_dir / api.OUTPUT / "pd01.xlsx").read_bytes()


def preview_in_its_tab(page, served: Served) -> None:
    org = api.load_settings(served.plan_dir).org_name
    with page.context.expect_page() as info:
        page.get_by_role("link", name="เปิดเล่มแผน (preview)").click()
    preview = info.value
    preview.wait_for_load_state()
    assert preview.url.startswith(f"{served.base}/files/")
    assert org in preview.title()
    assert org in preview.inner_text("body")


def test_the_officers_first_day_in_a_real_browser(page, served, reference, tmp_path):
    open_printed_address(page, served)
    templates_and_zip(page, served, tmp_path)
    upload_faulty(page, served, reference, tmp_path)
    download_returned_copy(page, tmp_path)
    upload_again_and_replace(page, served, tmp_path)
    check_again_and_build(page, served, reference)
    preview_in_its_tab(page, served)
    assert page.script_errors == []


def test_the_pages_own_form_and_script_posts_are_let_through(page, served, monkeypatch,
                                                              tmp_path):
    """A form post and the drop form's fetch carry the page's own Origin.  (Under
    ``Referrer-Policy: no-referrer`` Chromium sent ``Origin: null`` and the guard
    refused every one of them.)"""
    seen = []  # (method, path, Origin, why refused)

    def watched(request, token, port):
        reason = refusal(request, token, port)
        seen.append((request.method, request.path, request.headers.get("Origin"), reason))
        return reason

    served.desk.jobs.wait()
    page.goto(served.url)
    page.click("nav.steps a[href='/submissions']")
    monkeypatch.setattr(guard, "refusal", watched)
    with page.expect_navigation():
        page.get_by_role("button", name="ตรวจอีกครั้ง").click()
    assert [entry for entry in seen if entry[0] == "POST"] == [
        ("POST", "/check", served.base, None)]
    served.desk.jobs.wait()
    wait_settled(page)  # the page has reloaded after the check: the drop's answer stays
    notes = tmp_path / "notes.csv"
    notes.write_text("not a workbook", encoding="utf-8")
    drop_file(page, notes)
    page.locator("form[data-drop] .drop-result .flash.error").wait_for()
    assert page.inner_text("form[data-drop] .drop-result").startswith("ไม่รับไฟล์ notes.csv:")
    posts = [entry for entry in seen if entry[0] == "POST"]
    assert posts == [("POST", "/check", served.base, None), ("POST", "/upload", served.base,
                                                               None)]


# --- another origin in the browser -----------------------------------------------------------


class _OtherSite(http.server.BaseHTTPRequestHandler):
    page = b""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


ATTACK = """<!doctype html><meta charset="utf-8"><title>another site</title>
<form id="build" method="post" action="{base}/build?token={token}">
  <input name="token" value="{token}"></form>
<script>
async function upload() {{
  const data = new FormData();
  data.append("token", "{token}");
  data.append("target", "submissions");
  data.append("files", new File(["PK not really"], "evil.xlsx"));
  const answer = await fetch("{base}/upload?token={token}", {{method: "POST", body: data,
    mode: "no-cors", credentials: "include"}});
  return answer.type;
}}
</script>"""


@pytest.fixture
def other_site(served):
    """A page on 127.0.0.1 at another port that knows the token (the worst case)."""
    handler = type("Handler", (_OtherSite,), {
        "page": ATTACK.format(base=served.base, token=served.token).encode("utf-8")})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def everything_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_page_of_another_origin_changes_nothing(page, served, other_site, monkeypatch):
    seen = []  # the posts that reached the guard: (path, the cookie shown, why refused)

    def watched(request, token, port):
        reason = refusal(request, token, port)
        if request.method == "POST":
            seen.append((request.path, request.cookies.get(guard.COOKIE) == token, reason))
        return reason

    page.goto(served.url)  # the officer's page is open: the cookie is set
    served.desk.jobs.wait()
    before, job_before = everything_under(served.plan_dir.parent), served.desk.jobs.current
    monkeypatch.setattr(guard, "refusal", watched)
    page.goto(other_site)
    with page.expect_response(lambda r: r.url.startswith(f"{served.base}/upload")) as sent:
        assert page.evaluate("upload()") == "opaque"  # its answer is not for this page
    assert sent.value.status == 403
    with page.expect_navigation() as posted:
        page.evaluate("document.getElementById('build').submit()")
    assert posted.value.status == 403
    assert "หน้าเว็บอื่น" in page.inner_text("body")
    from_other_site = "คำขอนี้มาจากหน้าเว็บอื่น ไม่ใช่จากหน้าของโปรแกรมแผน จึงไม่ทำตาม"
    # Same site (127.0.0.1): the browser sent the cookie, the page the token; the
    # Origin alone told them apart.
    assert seen == [("/upload", True, from_other_site), ("/build", True, from_other_site)]
    assert served.desk.jobs.current is job_before  # no check, no build started
    assert everything_under(served.plan_dir.parent) == before


# --- the guard with plain urllib -------------------------------------------------------------


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]], escape: bool = True
              ) -> tuple[bytes, str]:
    """A multipart/form-data body; each file name a quoted-string, its quotes and
    backslashes escaped, or with *escape* False sent as a browser sends it (a
    backslash as it is)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for filename, data in files:
        quoted = filename.replace("\\", "\\\\").replace('"', '\\"') if escape else filename
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                     f'filename="{quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def send(served: Served, path: str, token: bool = True, headers: dict | None = None,
         files: list[tuple[str, bytes]] | None = None, escape: bool = True
         ) -> tuple[int, str]:
    """(status, body) of a request to the app: a POST of *files* to /upload, else a GET."""
    headers = {"Accept": "application/json", **(headers or {})}
    data = None
    if files is not None:
        data, headers["Content-Type"] = multipart(
            {"token": served.token, "target": "submissions"} if token else {}, files, escape)
        if token:
            headers["X-Oplan-Token"] = served.token
    elif token:
        headers["X-Oplan-Token"] = served.token
    request = urllib.request.Request(served.base + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_guard_with_plain_requests(served):
    assert send(served, "/")[0] == 200
    assert send(served, "/", token=False)[0] == 403
    assert send(served, "/", headers={"Origin": "http://evil.test"})[0] == 403
    assert send(served, "/", headers={"Host": f"evil.test:{served.port}"})[0] == 403
    assert send(served, "/", headers={"Origin": served.base})[0] == 200
    before = everything_under(served.plan_dir.parent)
    for headers in ({"Origin": "http://evil.test"}, {"Host": f"evil.test:{served.port}"}):
        status, _ = send(served, "/upload", headers=headers, files=[("evil.xlsx", b"PK")])
        assert status == 403
    assert send(served, "/upload", token=False, files=[("evil.xlsx", b"PK")])[0] == 403
    assert everything_under(served.plan_dir.parent) == before


def test_uploads_that_climb_out_of_submissions_are_refused(served):
    workbook = (served.plan_dir / api.SUBMISSIONS / SOURCE_NAME).read_bytes()
    before = everything_under(served.plan_dir.parent)
    names = ["../x.xlsx", "..\\x.xlsx", "../../x.xlsx", "sub/x.xlsx", ".x.xlsx"]
    status, body = send(served, "/upload", files=[(name, workbook) for name in names])
    answer = json.loads(body)
    assert status == 200 and answer["saved"] == [] and answer["exists"] == []
    assert [item["name"] for item in answer["refused"]] == names
    assert everything_under(served.plan_dir.parent) == before


def test_a_raw_backslash_in_a_name_saves_nothing_hidden(served):
    """A browser sends ``..\\x.xlsx`` with its backslash unescaped; the form parser
    reads that as ``..x.xlsx``: a hidden name, which the reader would skip."""
    before = everything_under(served.plan_dir.parent)
    status, body = send(served, "/upload", files=[("..\\x.xlsx", b"PK")], escape=False)
    answer = json.loads(body)
    assert answer["saved"] == []
    assert [item["name"] for item in answer["refused"]] == ["..x.xlsx"]
    assert everything_under(served.plan_dir.parent) == before


def test_an_upload_over_the_size_limit_is_refused(served, monkeypatch):
    import oplan_xl.serve.uploads as uploads

    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 4096)
    before = everything_under(served.plan_dir.parent)
    status, body = send(served, "/upload", files=[("ใหญ่.xlsx", b"PK" + bytes(8192))])
    answer = json.loads(body)
    assert status == 200 and answer["saved"] == []
    assert answer["refused"][0]["name"] == "ใหญ่.xlsx"
    assert "ใหญ่เกิน" in answer["refused"][0]["reason"]
    assert everything_under(served.plan_dir.parent) == before  # no .part left either
