"""The officer's workflow through the page, each step the same library call as
the command line: findings per department worst first, returned copies, the
build (the same pd01.xlsx as ``oplan build``), the files of the plan and no other."""

from __future__ import annotations

import html
import io
import re
import zipfile

import openpyxl
import pytest

from oplan_xl import api

from .helpers import (
    FAULTY_CELL,
    FAULTY_PROJECT,
    app_on,
    faulty_workbook,
    get,
    post,
    sample_copy,
)


@pytest.fixture
def plan(tmp_path):
    return sample_copy(tmp_path / "แผน")


def _text(answer) -> str:
    return answer.get_data(as_text=True)


def test_the_overview_names_the_organisation_its_year_and_departments(plan):
    _, client = app_on(plan)
    page = _text(get(client, "/"))
    assert "องค์การบริหารส่วนตำบลหนองสมมุติ" in page
    assert "ปีงบประมาณ พ.ศ. 2568" in page
    for name in ("กองช่าง", "กองคลัง", "สำนักปลัด"):
        assert name in page
    assert "6 ไฟล์ในโฟลเดอร์ submissions" in page


def test_findings_per_department_worst_first_with_cell_project_and_returned_copy(plan):
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    app, client = app_on(plan)
    page = _text(get(client, "/submissions"))
    files = re.findall(r'<section class="department (\w+)" data-file="([^"]*)"', page)
    assert files[0] == ("error", "กองช่าง-เพิ่ม.xlsx")
    assert [state for state, _ in files[1:]].count("error") == 0
    first = page[page.index('data-file="กองช่าง-เพิ่ม.xlsx"'):]
    first = first[:first.index("</section>")]
    assert f"โครงการ!{FAULTY_CELL}" in first and FAULTY_PROJECT in first
    assert "budget-not-number" in first
    # The reconciliation: 89 rows of the sample and the faulty file's one.
    assert re.search(r"อ่านจาก 7 ไฟล์</th><td>90</td>", page)
    assert re.search(r"ไม่เข้าแผน \(มีข้อผิดพลาด\)</th><td>1</td>", page)
    link = re.search(r'href="/files/(output/returned/[^"]+)"', first).group(1)
    copy = get(client, f"/files/{link}")
    assert copy.status_code == 200
    assert "attachment" in copy.headers["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(copy.data)).testzip() is None


def test_a_build_from_the_page_writes_the_same_pd01_as_oplan_build(plan, tmp_path):
    _, client = app_on(plan)
    answer = post(client, "/build")
    assert answer.status_code == 302 and answer.headers["Location"] == "/build"
    page = _text(get(client, "/build"))
    assert "สร้างแผนแล้ว" in page
    assert "74 โครงการ งบประมาณรวม <strong>20,732,952.90</strong> บาท" in page
    other = sample_copy(tmp_path / "อีกชุด")
    api.build(other)
    for name in ("pd01.xlsx", "pd02.xlsx", "pd02-1.xlsx"):
        assert (plan / "output" / name).read_bytes() == (other / "output" / name).read_bytes()
    preview = get(client, "/files/output/preview.html")
    assert preview.status_code == 200 and "inline" in preview.headers.get(
        "Content-Disposition", "inline")
    assert "องค์การบริหารส่วนตำบลหนองสมมุติ" in _text(preview)


def test_a_blocked_build_says_so_and_writes_no_forms(plan):
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    _, client = app_on(plan)
    post(client, "/build")
    assert "สร้างแผนไม่ได้ เพราะยังมีข้อผิดพลาด 1 รายการ" in _text(get(client, "/build"))
    assert not (plan / "output" / "pd01.xlsx").exists()
    post(client, "/build", {"force": "1"})
    assert "ฉบับร่าง" in _text(get(client, "/build"))
    assert (plan / "output" / "pd01.xlsx").is_file()


@pytest.mark.parametrize("link", ["../plan.xlsx", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                                  "output/../../x", ".oplan-demo", "submissions/../.oplan-demo",
                                  "nothing.xlsx"])
def test_no_file_outside_the_plan_folder_is_served(plan, link):
    (plan.parent / "x").write_text("outside", encoding="utf-8")
    _, client = app_on(plan)
    answer = get(client, f"/files/{link}", follow_redirects=True)  # //etc → /etc
    assert answer.status_code == 404
    assert b"outside" not in answer.data and b"root:" not in answer.data


def test_templates_written_then_downloaded_one_by_one_or_as_one_zip(plan):
    _, client = app_on(plan)
    assert post(client, "/templates").status_code == 302
    page = _text(get(client, "/templates"))
    assert "เขียนแบบกรอกแล้ว 6 ไฟล์" in page
    archive = zipfile.ZipFile(io.BytesIO(get(client, "/templates.zip").data))
    names = sorted(archive.namelist())
    assert names == sorted(p.name for p in (plan / "templates").iterdir())
    assert len(names) == 6
    one = re.search(r'href="/files/(templates/[^"]+\.xlsx)"', page).group(1)
    assert get(client, f"/files/{one}").data == (plan / one).read_bytes()


def test_a_new_plan_from_the_form_with_its_launcher(tmp_path):
    _, client = app_on(None)
    assert "เลือกหรือสร้างโฟลเดอร์แผน" in _text(get(client, "/"))
    folder = tmp_path / "แผน2569"
    answer = post(client, "/create", {"folder": str(folder), "org": "เทศบาลตำบลทดลอง",
                                      "year": "2569", "district": "เมือง",
                                      "province": "ทดลอง"})
    assert answer.status_code == 302
    assert api.load_settings(folder).org_name == "เทศบาลตำบลทดลอง"
    assert (folder / api.LAUNCHER).is_file()
    page = _text(get(client, "/"))
    assert "เทศบาลตำบลทดลอง" in page and "ปีงบประมาณ พ.ศ. 2569" in page


@pytest.mark.parametrize("fields, message", [
    ({"folder": "", "org": "ก", "year": "2569"}, "ให้ใส่โฟลเดอร์"),
    ({"folder": "X", "org": "ก", "year": "สองห้า"}, "ปีงบประมาณ")])
def test_a_new_plan_form_missing_a_field_says_which(tmp_path, fields, message):
    _, client = app_on(None)
    post(client, "/create", fields)
    assert message in _text(get(client, "/choose"))


def test_a_folder_that_is_no_plan_is_refused_in_thai(tmp_path):
    _, client = app_on(None)
    post(client, "/open", {"folder": str(tmp_path / "ไม่มี")})
    page = _text(get(client, "/choose"))
    assert "flash error" in page and "Traceback" not in page


def test_plan_xlsx_opens_in_the_officers_own_program(plan):
    opened = []
    _, client = app_on(plan, opened)
    post(client, "/open-settings")
    assert opened == [plan.resolve() / "plan.xlsx"]


def test_editions_and_the_follow_up_from_the_page(plan):
    _, client = app_on(plan)
    post(client, "/build")
    post(client, "/editions", {"kind": "เพิ่มเติม"})
    page = _text(get(client, "/editions"))
    assert "01-เพิ่มเติม" in page and (plan / "editions" / "01-เพิ่มเติม" / "templates").is_dir()
    assert 'value="edition:01-เพิ่มเติม"' in page
    post(client, "/results/templates")
    assert "เขียนแบบรายงานผลแล้ว" in _text(get(client, "/results"))
    post(client, "/report", {"as_of": "2568-03-31"})
    page = _text(get(client, "/results"))
    assert "รายงานผลรอบ 6 เดือน" in page or "report-" in page
    assert "Traceback" not in page


def test_an_error_in_long_work_is_a_thai_sentence(plan):
    _, client = app_on(plan)
    post(client, "/report", {"as_of": "วันไหนก็ได้"})
    page = _text(get(client, "/results"))
    assert "flash error" in page and "Traceback" not in page


def test_a_plan_opened_once_is_offered_with_one_click_next_time(plan, tmp_path):
    from oplan_xl.serve.app import create_app

    from .helpers import BASE, TOKEN

    remembered = tmp_path / "profile" / "recent.json"
    create_app(plan, port=8760, token=TOKEN, wait=True, recent_file=remembered)
    later = create_app(None, port=8760, token=TOKEN, wait=True, recent_file=remembered)
    client = later.test_client()
    page = _text(client.get(f"/?token={TOKEN}", base_url=BASE))
    assert "แผนที่เคยเปิด" in page
    assert f'name="folder" value="{plan.resolve()}"' in page
    post(client, "/open", {"folder": str(plan.resolve())})
    assert "องค์การบริหารส่วนตำบลหนองสมมุติ" in _text(get(client, "/"))


def test_the_overview_lists_each_department_sent_or_not_with_its_findings(plan):
    (plan / "submissions" / "health.xlsx").unlink()
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    _, client = app_on(plan)
    page = _text(get(client, "/"))
    table = page[page.index('id="departments"'):page.index("</table>", page.index(
        'id="departments"'))]
    rows = re.findall(r'<tr class="(\w+)"><td>([^<]+)', table)
    assert [state for state, _ in rows] == ["ok", "ok", "error", "ok", "missing", "ok"]
    works = table[table.index("กองช่าง"):]
    works = works[:works.index("</tr>")]
    assert "works.xlsx, กองช่าง-เพิ่ม.xlsx" in works and "ข้อผิดพลาด 1" in works
    assert "ข้อสังเกต 1" in works  # กองช่าง sent two files
    health = table[table.index("กองสาธารณสุข"):]
    assert "ยังไม่ส่ง" in health[:health.index("</tr>")]


def test_a_hand_made_pd02_imported_from_the_page(plan, tmp_path):
    """The sample's own ผด.02 and ผด.02/1, dropped on the import page of a plan with
    no submissions, become department workbooks whose check plans every row."""
    api.build(plan)
    pd02 = (plan / "output" / "pd02.xlsx").read_bytes()
    pd02_1 = (plan / "output" / "pd02-1.xlsx").read_bytes()
    fresh = tmp_path / "ใหม่"
    (fresh / "submissions").mkdir(parents=True)
    (fresh / "plan.xlsx").write_bytes((plan / "plan.xlsx").read_bytes())
    _, client = app_on(fresh)
    post(client, "/import", {"files": [(io.BytesIO(pd02), "ผด02 ทำเอง.xlsx"),
                                       (io.BytesIO(pd02_1), "pd02-1.xlsx")]},
         content_type="multipart/form-data")
    page = _text(get(client, "/import"))
    assert "ผด02 ทำเอง.xlsx" in page and "oplan-import-" not in page
    written = sorted(p.name for p in (fresh / "submissions").iterdir())
    assert "works.xlsx" in written and len(written) == 9
    report = api.check(fresh)
    assert not report.errors
    assert sum(t.rows_planned for t in report.files) == 74 + 15
    again = post(client, "/import", {"files": [(io.BytesIO(pd02), "ผด02 ทำเอง.xlsx")]},
                 content_type="multipart/form-data")
    assert again.status_code == 302  # files of the same names: the officer is asked
    page = _text(get(client, "/import"))
    assert "ติ๊กช่อง เขียนทับไฟล์ชื่อเดียวกัน" in page and "--replace" not in page


def test_a_file_dropped_during_a_check_is_checked_after_it(plan):
    """The upload's check cannot start while another runs: it follows it, so the
    page never shows figures without the new file."""
    import threading

    from oplan_xl.serve.desk import Desk

    app, client = app_on(plan)
    state: Desk = app.extensions["oplan"]
    release = threading.Event()
    state.wait = False
    state.jobs.start("check", "ช้า", lambda job: release.wait(30))
    status = post(client, "/upload", {"target": "submissions", "files": [
        (io.BytesIO(faulty_workbook(plan)), "กองช่าง-เพิ่ม.xlsx")]},
        content_type="multipart/form-data").status_code
    assert status == 302 and state.jobs.queued is not None
    release.set()
    state.jobs.wait()
    assert state.jobs.queued is None
    assert "กองช่าง-เพิ่ม.xlsx" in {t.file for t in state.checked.report.files}


def test_a_fault_in_a_page_is_a_thai_page_and_one_console_line(plan, monkeypatch, capsys):
    from oplan_xl.serve import views

    _, client = app_on(plan)

    def broken(*args):
        raise RuntimeError("ทดสอบ")

    monkeypatch.setattr(views, "files_in", broken)
    answer = get(client, "/templates")
    assert answer.status_code == 500
    assert html.unescape(_text(answer)).count(
        'เกิดข้อผิดพลาดภายในโปรแกรม: ระบบแจ้งว่า "RuntimeError: ทดสอบ"') == 1
    console = capsys.readouterr().err
    assert console.strip() == "oplan serve: GET /templates: RuntimeError: ทดสอบ"


def test_a_plan_xlsx_with_a_mistake_opens_on_the_mistake_and_the_excel_button(plan):
    (plan / "plan.xlsx").write_bytes(b"half saved")
    opened = []
    _, client = app_on(plan, opened)
    page = _text(get(client, "/"))
    assert 'class="flash error"' in page and "plan.xlsx" in page
    assert "เปิด plan.xlsx ใน Excel" in page and "Traceback" not in page
    post(client, "/open-settings")
    assert opened == [plan.resolve() / "plan.xlsx"]
    post(client, "/check")
    assert "Traceback" not in _text(get(client, "/submissions"))


def test_opening_another_plan_forgets_the_findings_of_the_first(plan, tmp_path):
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    app, client = app_on(plan)
    assert app.extensions["oplan"].checked.report.errors
    other = sample_copy(tmp_path / "อีกแผน")
    post(client, "/open", {"folder": str(other)})
    state = app.extensions["oplan"]
    assert state.plan_dir == other.resolve()
    assert not state.checked.report.errors
    assert "กองช่าง-เพิ่ม.xlsx" not in _text(get(client, "/submissions"))


def test_a_file_sent_under_another_field_name_is_stored(plan):
    _, client = app_on(plan)
    post(client, "/upload", {"target": "submissions", "file": [
        (io.BytesIO(faulty_workbook(plan)), "กองช่าง-เพิ่ม.xlsx")]},
        content_type="multipart/form-data")
    assert (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").is_file()


def test_an_edition_built_from_the_page_lists_its_forms_and_the_current_plan(plan):
    from ..plan.test_editions import add_projects

    _, client = app_on(plan)
    post(client, "/build")
    post(client, "/editions", {"kind": "เพิ่มเติม"})
    folder = plan / "editions" / "01-เพิ่มเติม"
    add_projects(folder / "templates" / "works.xlsx", folder / "submissions" / "works.xlsx")
    post(client, "/build")
    page = _text(get(client, "/editions"))
    assert "แบบ ผด.01 ของฉบับ" in page and "แบบ ผด.02 ของฉบับ" in page
    assert 'href="/files/output/editions/01-เพิ่มเติม/pd01.xlsx"' in page
    assert "เปิดเล่มแผนปัจจุบัน" in page
    assert get(client, "/files/output/current/preview.html").status_code == 200


def test_a_blocked_edition_on_the_page_links_its_findings_and_returned_copy(plan):
    from ..plan.test_editions import NEW_PROJECTS, add_projects

    _, client = app_on(plan)
    post(client, "/build")
    post(client, "/editions", {"kind": "เพิ่มเติม"})
    folder = plan / "editions" / "01-เพิ่มเติม"
    add_projects(folder / "templates" / "works.xlsx", folder / "submissions" / "works.xlsx",
                 [(NEW_PROJECTS[0][0], NEW_PROJECTS[0][1], "abc")])
    post(client, "/build")
    page = _text(get(client, "/editions"))
    section = page[page.index("<h2>01-เพิ่มเติม</h2>"):]
    section = section[:section.index("</section>")]
    assert "ฉบับนี้ยังมีข้อผิดพลาด 1 รายการ" in section
    assert 'href="/files/output/editions/01-เพิ่มเติม/findings.xlsx"' in section
    link = "output/editions/01-เพิ่มเติม/returned/กองช่าง.xlsx"
    assert f'href="/files/{link}"' in section and "ไฟล์ส่งคืน กองช่าง" in section
    copy = get(client, f"/files/{link}")
    assert copy.status_code == 200
    cell = openpyxl.load_workbook(io.BytesIO(copy.get_data()))["โครงการ"]["E3"]
    assert cell.value == "abc" and cell.comment is not None
    assert get(client, "/files/output/editions/01-เพิ่มเติม/findings.xlsx").status_code == 200


def test_work_on_one_plan_never_shows_as_anothers(plan, tmp_path, monkeypatch):
    """A check still running on the first plan when the officer opens a second: its
    result is not the second plan's, and the second is checked after it."""
    import threading

    from oplan_xl.serve.pages import run_check

    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    app, client = app_on(plan)
    state = app.extensions["oplan"]
    state.wait = False
    release = threading.Event()
    review = api.review

    def slow_review(plan_dir, progress=None):
        if plan_dir == plan.resolve():
            release.wait(30)
        return review(plan_dir, progress)

    monkeypatch.setattr(api, "review", slow_review)
    run_check(state)  # the first plan's, held until released
    other = sample_copy(tmp_path / "อีกแผน")
    post(client, "/open", {"folder": str(other)})
    release.set()
    state.jobs.wait()
    assert state.plan_dir == other.resolve()
    assert not state.checked.report.errors  # the second plan's own check, which followed
    assert {t.file for t in state.checked.report.files} == {
        p.name for p in (other / "submissions").iterdir()}


def test_a_findings_file_that_cannot_be_written_is_said_on_the_page(plan, monkeypatch):
    from oplan_xl.core.errors import OutputError
    from oplan_xl.write import findings as findings_workbook

    def locked(report, target):
        raise OutputError("output-locked", path=target, reason="ทดสอบ")

    monkeypatch.setattr(findings_workbook, "write", locked)
    _, client = app_on(plan)
    page = _text(get(client, "/submissions"))
    assert "findings.xlsx" in page and 'class="flash error"' in page
    assert "อ่านจาก 6 ไฟล์" in page  # the check itself is shown all the same


def test_an_earlier_version_is_set_aside_never_deleted_and_not_checked(plan):
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))
    app, client = app_on(plan)
    body = (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").read_bytes()
    for _ in range(2):  # the second time a file of that name is there already
        (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(body)
        assert post(client, "/set-aside", {"name": "กองช่าง-เพิ่ม.xlsx"}).status_code == 302
    kept = sorted(p.name for p in (plan / "submissions" / "ฉบับเก่า").iterdir())
    assert kept == ["กองช่าง-เพิ่ม (2).xlsx", "กองช่าง-เพิ่ม.xlsx"]
    assert not (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").exists()
    report = app.extensions["oplan"].checked.report
    assert {t.file for t in report.files} == {p.name for p in (plan / "submissions").iterdir()
                                              if p.is_file()}
    assert not report.errors
    assert "ย้าย กองช่าง-เพิ่ม.xlsx ไปไว้ที่" in _text(get(client, "/submissions"))


@pytest.mark.parametrize("name", ["../plan.xlsx", "ฉบับเก่า", "nothing.xlsx", ""])
def test_only_a_workbook_in_submissions_can_be_set_aside(plan, name):
    _, client = app_on(plan)
    before = sorted(str(p) for p in plan.rglob("*"))
    post(client, "/set-aside", {"name": name})
    assert sorted(str(p) for p in plan.rglob("*")) == before
    assert "ไม่พบไฟล์" in _text(get(client, "/submissions"))


def test_the_page_says_when_the_files_changed_after_the_check(plan):
    _, client = app_on(plan)
    assert "เปลี่ยนไปหลังการตรวจครั้งล่าสุด" not in _text(get(client, "/submissions"))
    (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").write_bytes(faulty_workbook(plan))  # Explorer
    for path in ("/", "/submissions", "/build"):
        assert "เปลี่ยนไปหลังการตรวจครั้งล่าสุด" in _text(get(client, path)), path
    post(client, "/check")
    page = _text(get(client, "/submissions"))
    assert "เปลี่ยนไปหลังการตรวจครั้งล่าสุด" not in page and "กองช่าง-เพิ่ม.xlsx" in page
