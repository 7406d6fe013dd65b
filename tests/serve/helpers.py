"""A copy of the sample plan and the app on it, for the page's tests."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from oplan_xl import api
from oplan_xl.serve.app import create_app

PORT = 8760
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "test-token-for-this-run"
#: The project of ``faulty_workbook`` and the cell of its unreadable budget.
FAULTY_PROJECT = "โครงการทดสอบหน้าเว็บ"
FAULTY_CELL = "E2"


def sample_copy(folder: Path) -> Path:
    api.copy_sample(folder)
    return folder


def app_on(plan_dir: Path | None, opened: list | None = None):
    """The app with long work run in the request (``wait``), and a client that
    has visited the printed address (so it holds the token's cookie)."""
    app = create_app(plan_dir, port=PORT, token=TOKEN, wait=True,
                     open_file=(opened.append if opened is not None else lambda path: None))
    client = app.test_client()
    first = client.get(f"/?token={TOKEN}", base_url=BASE)
    assert first.status_code == 200
    return app, client


def faulty_workbook(plan_dir: Path) -> bytes:
    """กองช่าง's workbook cut to one project, whose budget is the word ``abc``."""
    book = openpyxl.load_workbook(plan_dir / "submissions" / "works.xlsx")
    sheet = book["โครงการ"]
    sheet.delete_rows(3, sheet.max_row)
    sheet["C2"] = FAULTY_PROJECT
    sheet[FAULTY_CELL] = "abc"
    equipment = book["ครุภัณฑ์"]
    equipment.delete_rows(2, equipment.max_row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def post(client, path: str, data: dict | None = None, **kwargs):
    """A POST as the page's forms send it: the token in the body, the page's Origin."""
    body = {"token": TOKEN, **(data or {})}
    headers = {"Origin": BASE, **kwargs.pop("headers", {})}
    return client.post(path, data=body, headers=headers, base_url=BASE, **kwargs)


def get(client, path: str, **kwargs):
    return client.get(path, base_url=BASE, **kwargs)
