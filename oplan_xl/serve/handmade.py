"""A plan made by hand (a ผด.02 and ผด.02/1 typed in Excel, or from another
program) brought in from the page: ``oplan import`` with the file dropped on it.

The dropped files are only read, from a temporary folder outside the plan; what
lands in the plan is what ``oplan import`` writes: standard department workbooks in
``submissions/``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import redirect, render_template, request

from oplan_xl import api
from oplan_xl.core.errors import OplanError
from oplan_xl.serve.desk import desk, refused
from oplan_xl.serve.pages import flash_failed, need_plan, page_settings, run_check
from oplan_xl.serve.uploads import store


def register(app) -> None:
    app.add_url_rule("/import", "import_get", import_page, methods=["GET"])
    app.add_url_rule("/import", "import_post", import_files, methods=["POST"])


def import_page():
    if (missing := need_plan()) is not None:
        return missing
    settings = page_settings()
    return render_template("import.html.j2", active="import",
                           departments=settings.departments if settings else [],
                           lines=desk().imported)


def import_files():
    if desk().plan_dir is None:
        return refused("ยังไม่ได้เลือกโฟลเดอร์แผน", 409)
    plan_dir = desk().plan_dir
    uploads = request.files.getlist("files")
    if not uploads:
        return flash_failed("ยังไม่ได้เลือกไฟล์แบบ ผด.02 ที่จะนำเข้า", "/import")
    department = request.form.get("department") or None
    replace = request.form.get("replace") == "1"
    with tempfile.TemporaryDirectory(prefix="oplan-import-") as folder:
        stored = store(uploads, Path(folder), replace=True)
        if stored.refused:
            name, reason = stored.refused[0]
            return flash_failed(f"ไม่รับไฟล์ {name}: {reason}", "/import")
        try:
            result = api.import_plan(plan_dir, [Path(folder) / name for name in stored.saved],
                                     department, replace)
        except OplanError as exc:
            return flash_failed(on_the_page(exc.message("th")), "/import")
        lines = api.import_summary(result, "th", plan_dir / api.SUBMISSIONS)
    desk().imported = [(on_the_page(text.replace(folder, "").lstrip("/\\")), problem)
                       for text, problem in lines]
    if result.files:
        run_check(desk(), queue=True)
    return redirect("/import")


def on_the_page(text: str) -> str:
    """The command line's words for the page: its option is the page's tick box."""
    return text.replace("--replace", "ติ๊กช่อง เขียนทับไฟล์ชื่อเดียวกัน")
