"""The local web app (Flask): its state, the guard every request passes, and the
Thai pages for refusals and errors.  The routes are in ``pages`` (the plan's
first day) and ``year`` (editions and follow-up); each calls the same ``api``
as the command line, so no rule lives here twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, g, jsonify, redirect, render_template, request

from oplan_xl.serve import guard
from oplan_xl.serve.jobs import Jobs
from oplan_xl.serve.uploads import MAX_REQUEST_BYTES


def open_with_default_app(path: Path) -> None:
    """Open *path* as a double-click would (plan.xlsx in Excel)."""
    if sys.platform == "win32":
        os.startfile(path)  # noqa: S606 (the officer's own file, on their own PC)
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


@dataclass
class Desk:
    """What the server keeps between requests: the plan folder open now and its work."""

    token: str
    port: int
    plan_dir: Path | None = None
    jobs: Jobs = field(default_factory=Jobs)
    open_file: Callable[[Path], None] = open_with_default_app
    #: Run long work in the request (tests); a thread otherwise.
    wait: bool = False
    #: The last check's result (``api.CheckResult``), from a check or a build.
    checked: object = None
    #: The last build's result (``api.BuildResult``).
    built: object = None


def create_app(plan_dir: Path | None, port: int, token: str | None = None,
               open_file: Callable[[Path], None] | None = None, wait: bool = False) -> Flask:
    """The app for *plan_dir* (None: the page asks for a folder) served on *port*."""
    from oplan_xl.serve import pages, year

    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES, SECRET_KEY=guard.new_token(),
                      SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True,
                      TEMPLATES_AUTO_RELOAD=False, JSON_AS_ASCII=False)
    app.jinja_env.globals["csrf_field"] = guard.FIELD
    desk = Desk(token or guard.new_token(), port, open_file=open_file or open_with_default_app,
                wait=wait)
    app.extensions["oplan"] = desk
    app.before_request(_guard)
    app.after_request(_headers)
    app.register_error_handler(413, _too_large)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(405, _not_allowed)
    app.register_error_handler(500, _failed)
    pages.register(app)
    year.register(app)
    if plan_dir is not None:
        pages.open_plan(desk, plan_dir)
    return app


def desk() -> Desk:
    from flask import current_app

    return current_app.extensions["oplan"]


def _guard():
    state = desk()
    reason = guard.refusal(request, state.token, state.port)
    if reason is not None:
        return refused(reason, 403)
    g.token = state.token
    if request.method == "GET" and request.args.get(guard.FIELD) \
            and request.cookies.get(guard.COOKIE) != state.token:
        # The address the server printed: trade the token for a cookie, and show an
        # address without it (it would stay in the history and in bookmarks).
        args = [(k, v) for k, v in request.args.items(multi=True) if k != guard.FIELD]
        response = redirect(request.path + ("?" + urlencode(args) if args else ""))
        response.set_cookie(guard.COOKIE, state.token, httponly=True, samesite="Strict")
        return response
    return None


def _headers(response):
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # Not "no-referrer": under it a browser sends "Origin: null" with the page's own
    # form posts and fetches, which the Origin check (guard) must refuse.  Other
    # sites still get no referrer.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def wants_json() -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def refused(reason: str, status: int):
    """A refusal in Thai: JSON for the page's scripts, a page for the browser."""
    if wants_json():
        return jsonify({"error": reason}), status
    return render_template("refused.html.j2", reason=reason, status=status), status


def _too_large(_error):
    return refused(f"ไฟล์ที่ส่งรวมกันใหญ่เกิน {MAX_REQUEST_BYTES // (1024 * 1024)} MB "
                   "ให้ส่งทีละน้อยลง", 413)


def _not_found(_error):
    return refused("ไม่พบหน้าหรือไฟล์นี้ในโฟลเดอร์แผน", 404)


def _not_allowed(_error):
    return refused("หน้านี้ไม่รับคำขอแบบนี้ ให้ใช้ปุ่มบนหน้าโปรแกรม", 405)


def _failed(error):
    from oplan_xl.core import messages

    original = getattr(error, "original_exception", None) or error
    return refused(messages.text("internal-error", "th", reason=f"{type(original).__name__}: "
                                 f"{str(original)[:300]}"), 500)
