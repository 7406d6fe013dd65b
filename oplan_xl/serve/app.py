"""The local web app (Flask): its state, the guard every request passes, and the
Thai pages for refusals and errors.  The routes are in ``pages`` (the plan's
first day) and ``year`` (editions and follow-up); each calls the same ``api``
as the command line, so no rule lives here twice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from flask import Flask, g, request

import oplan_xl.serve.guard as guard
from oplan_xl.serve.desk import Desk, desk, open_with_default_app, refused
from oplan_xl.serve.uploads import MAX_REQUEST_BYTES


class PlanApp(Flask):
    """Flask, telling the officer's console one line of what went wrong, not a
    traceback (the page says it in Thai; ``--debug`` is the command line's)."""

    def log_exception(self, exc_info) -> None:
        error = exc_info[1]
        print(f"oplan serve: {request.method} {request.path}: {type(error).__name__}: "
              f"{str(error)[:300]}", file=sys.stderr)


def create_app(plan_dir: Path | None, port: int, token: str | None = None,
               open_file: Callable[[Path], None] | None = None, wait: bool = False,
               recent_file: Path | None = None) -> Flask:
    """The app for *plan_dir* (None: the page asks for a folder) served on *port*;
    the folders opened are remembered in *recent_file* (None: not remembered)."""
    import oplan_xl.serve.handmade as handmade
    import oplan_xl.serve.pages as pages
    import oplan_xl.serve.year as year

    app = PlanApp(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES, SECRET_KEY=guard.new_token(),
                      SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True,
                      TEMPLATES_AUTO_RELOAD=False)
    app.json.ensure_ascii = False  # Thai file names and reasons as they are
    app.jinja_env.globals["csrf_field"] = guard.FIELD
    desk = Desk(token or guard.new_token(), port, open_file=open_file or open_with_default_app,
                wait=wait, recent_file=recent_file)
    app.extensions["oplan"] = desk
    app.before_request(_guard)
    app.after_request(_headers)
    app.after_request(_remember)
    app.register_error_handler(413, _too_large)
    app.register_error_handler(404, _not_found)
    app.register_error_handler(405, _not_allowed)
    app.register_error_handler(500, _failed)
    pages.register(app)
    handmade.register(app)
    year.register(app)
    if plan_dir is not None:
        pages.open_plan(desk, plan_dir)
    return app


def _guard():
    state = desk()
    reason = guard.refusal(request, state.token, state.port)
    if reason is not None:
        return refused(reason, 403)
    g.token = state.token
    return None


def _remember(response):
    """The first visit, by the address the server printed: the token becomes a cookie,
    so the pages after it need no token in their addresses (the page's script also
    takes it out of the address bar: it would stay in the history)."""
    state = desk()
    if request.args.get(guard.FIELD) and request.cookies.get(guard.COOKIE) != state.token \
            and guard.same(request.args.get(guard.FIELD), state.token):
        response.set_cookie(guard.COOKIE, state.token, httponly=True, samesite="Strict")
    return response


def _headers(response):
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # Not "no-referrer": under it a browser sends "Origin: null" with the page's own
    # form posts and fetches, which the Origin check (guard) must refuse.  Other
    # sites still get no referrer.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Cache-Control", "no-store")
    return response


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
    return refused(messages.internal_error(original), 500)
