"""The plan's first day on the page: choose or create the plan folder, the
templates, the workbooks that came back, the check, the build, the files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flask import (
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
)

import oplan_xl.serve.views as views
from oplan_xl import api
from oplan_xl.core.errors import OplanError, SettingsError
from oplan_xl.core.model import format_baht
from oplan_xl.core.reasons import os_said
from oplan_xl.core.settings_layout import SETTINGS_FILE
from oplan_xl.serve.desk import Desk, desk, refused, wants_json
from oplan_xl.serve.jobs import Job
from oplan_xl.serve.recent import recent, remember
from oplan_xl.serve.uploads import store

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
#: What a file of the plan folder may do when the browser shows it: print, open links
#: and downloads; no scripts, and no origin of this server's.
SANDBOX = "sandbox allow-modals allow-popups allow-popups-to-escape-sandbox allow-downloads"
#: Said when long work is asked for while other work runs (one job at a time).
BUSY = "งานก่อนหน้ายังไม่เสร็จ รอสักครู่แล้วลองอีกครั้ง"


def register(app) -> None:
    for rule, function, methods in (
            ("/", overview, ["GET"]), ("/choose", choose, ["GET"]),
            ("/open", open_folder, ["POST"]), ("/create", create, ["POST"]),
            ("/demo", demo, ["POST"]), ("/open-settings", open_settings, ["POST"]),
            ("/templates", templates, ["GET"]), ("/templates", write_templates, ["POST"]),
            ("/templates.zip", templates_zip, ["GET"]),
            ("/submissions", submissions, ["GET"]), ("/upload", upload, ["POST"]),
            ("/set-aside", set_aside, ["POST"]),
            ("/check", check, ["POST"]), ("/job", job, ["GET"]),
            ("/build", build_page, ["GET"]), ("/build", build, ["POST"]),
            ("/files/<path:link>", files, ["GET"])):
        app.add_url_rule(rule, f"{function.__name__}_{'_'.join(methods).lower()}",
                         function, methods=methods)
    app.context_processor(_context)


def page_settings():
    """The open plan's settings, read once per request (the page's header and its
    body both show them); None with the Thai reason in ``settings_error`` when
    plan.xlsx cannot be read."""
    if "settings" not in g:
        g.settings, g.settings_error = None, ""
        if desk().plan_dir is not None:
            try:
                g.settings = api.load_settings(desk().plan_dir)
            except OplanError as exc:
                g.settings_error = exc.message("th")
    return g.settings


def _context() -> dict:
    state = desk()
    context = {"token": getattr(g, "token", ""), "job": state.jobs.current,
               "plan_dir": state.plan_dir, "settings": page_settings(),
               "settings_error": g.settings_error}
    if state.plan_dir is not None:
        running = state.jobs.busy
        context["stale"] = bool(state.checked is not None and not running and
                                views.inputs_state(state.plan_dir) != state.checked_inputs)
    return context


def open_plan(state: Desk, plan_dir: Path) -> None:
    """Make *plan_dir* the plan folder of the page (its plan.xlsx must read), and
    check it at once: the page opens on each department's findings."""
    plan_dir = Path(plan_dir).expanduser().resolve()
    try:
        api.load_settings(plan_dir)
    except SettingsError:
        if not (plan_dir / SETTINGS_FILE).is_file():
            raise
        # plan.xlsx is there but has a mistake (half edited, say): the page opens on
        # it, says what is wrong and where, and offers to open it in Excel.
        state.plan_dir = plan_dir
        state.checked = state.built = None
        return
    state.plan_dir = plan_dir
    state.checked = state.built = None
    remember(state.recent_file, plan_dir)
    run_check(state, queue=True)  # after work on another plan still running, if any


def run_check(state: Desk, queue: bool = False) -> Job | None:
    """Check the plan (``oplan check``) beside the page; None when other work runs
    (with *queue*: the check then follows it)."""
    plan_dir = state.plan_dir

    def work(job: Job):
        inputs = views.inputs_state(plan_dir)
        result = api.review(plan_dir, job.progress)
        if state.plan_dir == plan_dir:  # not if the officer has opened another plan since
            state.checked, state.checked_inputs = result, inputs
        return result

    return state.jobs.start("check", "กำลังตรวจไฟล์ของหน่วยงาน", work, state.wait, queue)


def _folder_field() -> Path | None:
    text = (request.form.get("folder") or "").strip().strip('"')
    return Path(text).expanduser() if text else None


def flash_done(message: str, target: str):
    flash(message, "ok")
    return redirect(target)


def flash_failed(message: str, target: str):
    flash(message, "error")
    return redirect(target)


def need_plan():
    if desk().plan_dir is None:
        return redirect("/choose")
    return None


def overview():
    state = desk()
    if state.plan_dir is None:
        return choose()
    plan_dir = state.plan_dir
    counts = {"templates": len(views.files_in(plan_dir / api.TEMPLATES, plan_dir, WORKBOOKS)),
              "submissions": len(views.files_in(plan_dir / api.SUBMISSIONS, plan_dir,
                                                WORKBOOKS))}
    checked = state.checked
    statuses = []
    if checked is not None and page_settings() is not None:  # else the page says why
        statuses = views.department_status(checked.report, page_settings())
    return render_template("overview.html.j2", counts=counts,
                           totals=views.totals(checked.report) if checked else None,
                           built=state.built, active="overview", statuses=statuses,
                           plan_findings=sum(not f.file for f in checked.report.findings)
                           if checked else 0)


def choose():
    return render_template("choose.html.j2", active="choose", cwd=Path.cwd(),
                           recent=recent(desk().recent_file))


def open_folder():
    folder = _folder_field()
    if folder is None:
        return flash_failed("ให้ใส่ที่อยู่ของโฟลเดอร์แผน (โฟลเดอร์ที่มี plan.xlsx)", "/choose")
    try:
        open_plan(desk(), folder)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/choose")
    return redirect("/")


def create():
    folder = _folder_field()
    org = (request.form.get("org") or "").strip()
    year_text = (request.form.get("year") or "").strip()
    if folder is None or not org or not year_text.isdigit():
        return flash_failed("ให้ใส่โฟลเดอร์ ชื่อ อปท. และปีงบประมาณ (พ.ศ. เช่น 2569)", "/choose")
    try:
        api.init_plan(folder, org, int(year_text), request.form.get("district", "").strip(),
                      request.form.get("province", "").strip())
        open_plan(desk(), folder)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/choose")
    return flash_done(f"สร้างแผนของ {org} ปี {year_text} แล้ว ที่ {folder.resolve()} "
                 "ขั้นต่อไป: เปิด plan.xlsx ใน Excel ใส่ยุทธศาสตร์ แผนงาน และหน่วยงาน", "/")


def demo():
    folder = _folder_field() or Path.cwd() / "oplan-demo"
    try:
        api.copy_sample(folder)
        open_plan(desk(), folder)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/choose")
    return flash_done(f"คัดลอกแผนตัวอย่างไว้ที่ {folder.resolve()} แล้ว", "/")


def open_settings():
    if (missing := need_plan()) is not None:
        return missing
    path = desk().plan_dir / SETTINGS_FILE
    try:
        desk().open_file(path)
    except OSError as exc:
        return flash_failed(f"เปิด {path} ไม่ได้ ({os_said(exc).text('th')}) "
                            "ให้เปิดจาก File Explorer แทน", "/")
    return flash_done("เปิด plan.xlsx แล้ว เมื่อแก้และบันทึกใน Excel แล้ว ให้กด ตรวจ อีกครั้ง", "/")


def templates():
    if (missing := need_plan()) is not None:
        return missing
    plan_dir = desk().plan_dir
    return render_template("templates.html.j2", active="templates",
                           files=views.files_in(plan_dir / api.TEMPLATES, plan_dir, WORKBOOKS))


def write_templates():
    if (missing := need_plan()) is not None:
        return missing
    try:
        paths = api.write_templates(desk().plan_dir)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/templates")
    return flash_done(f"เขียนแบบกรอกแล้ว {len(paths)} ไฟล์", "/templates")


def templates_zip():
    if (missing := need_plan()) is not None:
        return missing
    plan_dir = desk().plan_dir
    found = views.files_in(plan_dir / api.TEMPLATES, plan_dir, WORKBOOKS)
    if not found:
        return flash_failed("ยังไม่มีแบบกรอก ให้กด เขียนแบบกรอก ก่อน", "/templates")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in found:
            archive.write(plan_dir / item.link, item.name)
    buffer.seek(0)
    return send_file(buffer, mimetype="application/zip", as_attachment=True,
                     download_name="แบบกรอก.zip")


def submissions():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    plan_dir = state.plan_dir
    checked = state.checked
    return render_template(
        "submissions.html.j2", active="submissions", target="submissions",
        files=views.files_in(plan_dir / api.SUBMISSIONS, plan_dir, WORKBOOKS),
        checked=checked, totals=views.totals(checked.report) if checked else None,
        departments=views.departments(checked.report, checked.outputs, plan_dir)
        if checked else [], shown=views.MAX_FINDINGS_SHOWN,
        findings_file=plan_link(checked.outputs.get("findings")) if checked else "")


def plan_link(path: Path | None) -> str:
    return views.relative(path, desk().plan_dir) if path is not None else ""


def upload_folder(target: str) -> Path | None:
    """The submissions folder an upload goes to: the plan's, an edition's, or the
    follow-up results'; None for anything else."""
    plan_dir = desk().plan_dir
    if target == "submissions":
        return plan_dir / api.SUBMISSIONS
    if target == "results":
        return plan_dir / api.RESULTS / api.SUBMISSIONS
    if target.startswith("edition:"):
        name = target.removeprefix("edition:")
        editions = plan_dir / api.EDITIONS
        known = {p.name for p in editions.iterdir() if p.is_dir()} if editions.is_dir() \
            else set()
        if name in known:
            return editions / name / api.SUBMISSIONS
    return None


def upload():
    if desk().plan_dir is None:
        return refused("ยังไม่ได้เลือกโฟลเดอร์แผน", 409)
    target = request.form.get("target", "submissions")
    folder = upload_folder(target)
    if folder is None:
        return refused("ไม่มีโฟลเดอร์รับไฟล์นี้ในแผน", 400)
    # The page's forms call the field "files"; a file sent under any name is taken.
    uploads = [item for key in request.files for item in request.files.getlist(key)]
    if not uploads:
        return refused("ไม่มีไฟล์ที่ส่งมา", 400)
    result = store(uploads, folder, request.form.get("replace") == "1")
    if result.saved and target == "submissions":
        run_check(desk(), queue=True)
    if wants_json():
        return jsonify(result.to_dict())
    for name in result.saved:
        flash(f"รับไฟล์ {name} แล้ว", "ok")
    for name in result.exists:
        flash(f"มีไฟล์ชื่อ {name} อยู่แล้ว ไม่ได้เขียนทับ (เลือก เขียนทับ แล้วส่งอีกครั้ง)",
              "error")
    for name, reason in result.refused:
        flash(f"ไม่รับไฟล์ {name}: {reason}", "error")
    return redirect(request.form.get("back") or "/submissions")


def set_aside():
    """Move an earlier version out of the check (``api.set_aside_submission``), then
    check again."""
    if (missing := need_plan()) is not None:
        return missing
    name = request.form.get("name", "")
    try:
        moved = api.set_aside_submission(desk().plan_dir, name)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/submissions")
    run_check(desk(), queue=True)
    return flash_done(f"ย้าย {name} ไปไว้ที่ submissions\\{api.EARLIER_VERSIONS}\\{moved.name} "
                      "แล้ว โปรแกรมไม่อ่านไฟล์ในโฟลเดอร์นั้น", "/submissions")


def check():
    if (missing := need_plan()) is not None:
        return missing
    if run_check(desk()) is None:
        return flash_failed(BUSY, "/submissions")
    return redirect("/submissions")


def job():
    current = desk().jobs.current
    return jsonify(current.to_dict() if current else {"running": False})


def build_page():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    built = state.built
    links = {}
    if built is not None:
        for name, path in {**built.outputs, **built.data, **built.findings}.items():
            links[name] = plan_link(path)
    baht = format_baht(built.plan.satang) if built is not None and built.built else ""
    return render_template("build.html.j2", active="build", built=built, links=links,
                           baht=baht)


def build():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    plan_dir, force = state.plan_dir, request.form.get("force") == "1"

    def work(job: Job):
        inputs = views.inputs_state(plan_dir)
        result = api.build(plan_dir, force, job.progress)
        if state.plan_dir == plan_dir:  # not if the officer has opened another plan since
            state.built = result
            state.checked = api.CheckResult(result.report, result.findings, result.unwritten)
            state.checked_inputs = inputs
        return result

    if state.jobs.start("build", "กำลังสร้างแผน", work, state.wait) is None:
        return flash_failed(BUSY, "/build")
    return redirect("/build")


def files(link: str):
    """A file of the plan folder, never one outside it: a page (the preview) shown,
    a workbook downloaded under its own name."""
    plan_dir = desk().plan_dir
    if plan_dir is None:
        return refused("ยังไม่ได้เลือกโฟลเดอร์แผน", 409)
    root = plan_dir.resolve()
    path = (root / link).resolve()
    if not path.is_relative_to(root) or not path.is_file() or \
            any(part.startswith(".") for part in path.relative_to(root).parts):
        return refused("ไม่พบไฟล์นี้ในโฟลเดอร์แผน", 404)
    inline = path.suffix.lower() in (".html", ".pdf", ".json")
    response = send_file(path, as_attachment=not inline, download_name=path.name, max_age=0)
    # A page of the plan folder (the preview, or any .html someone saved there) opens
    # as a page of no site: it cannot read the token or drive this server.
    response.headers["Content-Security-Policy"] = SANDBOX
    return response
