"""The plan through the year on the page: editions (เพิ่มเติม, เปลี่ยนแปลง, แก้ไข)
and the follow-up reports from the departments' results."""

from __future__ import annotations

from flask import redirect, render_template, request

import oplan_xl.serve.views as views
from oplan_xl import api
from oplan_xl.core.errors import OplanError
from oplan_xl.serve.desk import desk
from oplan_xl.serve.jobs import Job
from oplan_xl.serve.pages import BUSY, WORKBOOKS, flash_done, flash_failed, need_plan, plan_link

EDITION_KINDS = ("เพิ่มเติม", "เปลี่ยนแปลง", "แก้ไข")


def register(app) -> None:
    for rule, function, methods in (
            ("/editions", editions, ["GET"]), ("/editions", new_edition, ["POST"]),
            ("/results", results, ["GET"]), ("/results/templates", results_templates,
                                             ["POST"]),
            ("/report", report, ["POST"])):
        app.add_url_rule(rule, f"{function.__name__}_{'_'.join(methods).lower()}",
                         function, methods=methods)


def editions():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    plan_dir = state.plan_dir
    root = plan_dir / api.EDITIONS
    built = {item.folder.name: item for item in state.built.editions} if state.built else {}
    listed = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        outcome = built.get(folder.name)
        listed.append({
            "name": folder.name,
            "templates": views.files_in(folder / api.TEMPLATES, plan_dir, WORKBOOKS),
            "submissions": views.files_in(folder / api.SUBMISSIONS, plan_dir, WORKBOOKS),
            "built": outcome,
            "outputs": {name: plan_link(path) for name, path in outcome.outputs.items()}
            if outcome else {},
            "findings_file": plan_link(outcome.findings.get("findings")) if outcome else "",
            "returned": _returned(outcome) if outcome else []})
    current = {name: plan_link(path) for name, path in state.built.current.items()} \
        if state.built else {}
    return render_template("editions.html.j2", active="editions", editions=listed,
                           kinds=EDITION_KINDS, current=current)


def _returned(built) -> list[dict[str, str]]:
    """An edition's returned copies, in the order of its files: the department
    (as its file's tally names it), the file sent and the copy's link."""
    department_of = {tally.file: tally.department for tally in built.report.files}
    copies = [(name.removeprefix("returned:"), path) for name, path in built.findings.items()
              if name.startswith("returned:")]
    return [{"department": department_of.get(file, ""), "file": file, "link": plan_link(path)}
            for file, path in copies]


def new_edition():
    if (missing := need_plan()) is not None:
        return missing
    kind = request.form.get("kind", "")
    try:
        folder, paths = api.new_edition(desk().plan_dir, kind)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/editions")
    return flash_done(f"สร้างฉบับ {folder.name} แล้ว พร้อมแบบกรอก {len(paths)} ไฟล์ "
                 "ส่งให้หน่วยงานกรอก แล้วนำไฟล์ที่ได้คืนมาวางในช่องของฉบับนี้", "/editions")


def results():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    plan_dir = state.plan_dir
    last = state.jobs.last.get("report")
    reported = last.result if last and last.result is not None else None
    return render_template(
        "results.html.j2", active="results", target="results",
        templates=views.files_in(plan_dir / api.RESULTS / api.TEMPLATES, plan_dir, WORKBOOKS),
        files=views.files_in(plan_dir / api.RESULTS / api.SUBMISSIONS, plan_dir, WORKBOOKS),
        reported=reported, report_error=last.error if last else "",
        summary=reported.summary("th") if reported else None,
        outputs=[(path.name, plan_link(path)) for path in reported.outputs] if reported else [],
        findings=reported.report.findings if reported else [])


def results_templates():
    if (missing := need_plan()) is not None:
        return missing
    try:
        paths = api.write_results_templates(desk().plan_dir)
    except OplanError as exc:
        return flash_failed(exc.message("th"), "/results")
    return flash_done(f"เขียนแบบรายงานผลแล้ว {len(paths)} ไฟล์", "/results")


def report():
    if (missing := need_plan()) is not None:
        return missing
    state = desk()
    plan_dir, as_of = state.plan_dir, (request.form.get("as_of") or "").strip()
    if not as_of:
        return flash_failed("ให้ใส่วันที่ของรายงาน เช่น 31/03/2569", "/results")

    def work(job: Job):
        return api.follow_up_report(plan_dir, as_of)

    if state.jobs.start("report", "กำลังรวมผลการดำเนินงาน", work, state.wait) is None:
        return flash_failed(BUSY, "/results")
    return redirect("/results")
