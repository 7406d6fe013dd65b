"""Workbooks dropped on the page land in a submissions folder of the plan, under
the clerk's own name, or are refused with the reason; nothing is overwritten
unasked and nothing lands anywhere else."""

from __future__ import annotations

import io
import json

import pytest

from oplan_xl.serve import uploads
from oplan_xl.serve.uploads import name_problem

from .helpers import FAULTY_CELL, app_on, faulty_workbook, post, sample_copy


@pytest.fixture
def plan(tmp_path):
    return sample_copy(tmp_path / "แผน")


def _upload(client, *files, replace=False, target="submissions"):
    data = {"target": target, "files": [(io.BytesIO(body), name) for name, body in files]}
    if replace:
        data["replace"] = "1"
    answer = post(client, "/upload", data, headers={"Accept": "application/json"},
                  content_type="multipart/form-data")
    return answer.status_code, json.loads(answer.data)


@pytest.mark.parametrize("name", ["กองช่าง.xlsx", "กองช่าง แก้ไข (2).xls", "works.ODS",
                                  "สำนักปลัด_2569.xlsm"])
def test_plain_workbook_names_are_kept_as_written(name):
    assert name_problem(name) is None


@pytest.mark.parametrize("name, reason", [
    ("../x.xlsx", "โฟลเดอร์"), ("..\\x.xlsx", "โฟลเดอร์"), ("a/b.xlsx", "โฟลเดอร์"),
    ("/etc/x.xlsx", "โฟลเดอร์"), ("C:\\x.xlsx", "โฟลเดอร์"), ("..", "โฟลเดอร์"),
    ("x.txt", "ไม่ใช่ไฟล์ Excel"), ("x.xlsx.exe", "ไม่ใช่ไฟล์ Excel"), ("x", "ไม่ใช่ไฟล์ Excel"),
    ("CON.xlsx", "สงวน"), ("lpt1.ods", "สงวน"), ("a:b.xlsx", "Windows ไม่รับ"),
    ("a\x00.xlsx", "Windows ไม่รับ"), (" x.xlsx", "ช่องว่าง"), ("x.xlsx.", "ช่องว่างหรือจุด"),
    ("~$works.xlsx", "ชั่วคราว"), ("", "ไม่มีชื่อ"), ("ก" * 200 + ".xlsx", "ยาวเกิน")])
def test_names_that_could_leave_the_folder_or_break_windows_are_refused(name, reason):
    assert reason in name_problem(name)


def test_an_upload_is_stored_and_the_check_then_counts_it(plan):
    app, client = app_on(plan)
    before = app.extensions["oplan"].checked.report.total().rows_read
    workbook = faulty_workbook(plan)  # once: openpyxl stamps the time it saves
    status, answer = _upload(client, ("กองช่าง-เพิ่ม.xlsx", workbook))
    assert status == 200
    assert answer == {"saved": ["กองช่าง-เพิ่ม.xlsx"], "exists": [], "refused": []}
    assert (plan / "submissions" / "กองช่าง-เพิ่ม.xlsx").read_bytes() == workbook
    report = app.extensions["oplan"].checked.report
    assert report.total().rows_read == before + 1
    error = [f for f in report.errors if f.file == "กองช่าง-เพิ่ม.xlsx"]
    assert [(f.code, f.cell) for f in error] == [("budget-not-number", FAULTY_CELL)]


def test_several_files_at_once_each_with_its_own_answer(plan):
    _, client = app_on(plan)
    workbook = faulty_workbook(plan)
    status, answer = _upload(client, ("ก.xlsx", workbook), ("../ข.xlsx", workbook),
                             ("works.xlsx", workbook), ("ค.pdf", b"%PDF"))
    assert status == 200
    assert answer["saved"] == ["ก.xlsx"]
    assert answer["exists"] == ["works.xlsx"]
    assert [item["name"] for item in answer["refused"]] == ["../ข.xlsx", "ค.pdf"]
    assert not (plan / "ข.xlsx").exists() and not (plan.parent / "ข.xlsx").exists()
    assert (plan / "submissions" / "works.xlsx").read_bytes() != workbook  # not replaced


def test_replacing_is_the_officers_choice_and_letter_case_is_one_file(plan):
    _, client = app_on(plan)
    workbook = faulty_workbook(plan)
    status, answer = _upload(client, ("WORKS.xlsx", workbook))
    assert answer["exists"] == ["WORKS.xlsx"]
    status, answer = _upload(client, ("WORKS.xlsx", workbook), replace=True)
    assert answer["saved"] == ["WORKS.xlsx"]
    names = sorted(p.name for p in (plan / "submissions").iterdir())
    assert "works.xlsx" not in names and "WORKS.xlsx" in names
    assert (plan / "submissions" / "WORKS.xlsx").read_bytes() == workbook


def test_a_file_over_the_readers_limit_is_refused_and_leaves_nothing(plan, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    _, client = app_on(plan)
    _, answer = _upload(client, ("ใหญ่.xlsx", b"x" * 1001), ("เล็ก.xlsx", b"x" * 1000))
    assert [item["name"] for item in answer["refused"]] == ["ใหญ่.xlsx"]
    assert "ใหญ่เกิน" in answer["refused"][0]["reason"]
    assert answer["saved"] == ["เล็ก.xlsx"]
    assert sorted(p.name for p in (plan / "submissions").iterdir() if "ใหญ่" in p.name
                  or p.name.startswith(".")) == []


def test_a_request_over_the_total_limit_is_refused_in_thai(plan, monkeypatch):
    app, client = app_on(plan)
    app.config["MAX_CONTENT_LENGTH"] = 5000
    status, answer = _upload(client, ("ก.xlsx", b"x" * 6000))
    assert status == 413 and "ใหญ่เกิน" in answer["error"]
    assert not (plan / "submissions" / "ก.xlsx").exists()


def test_too_many_files_at_once_are_refused(plan, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILES", 2)
    _, client = app_on(plan)
    _, answer = _upload(client, *[(f"{n}.xlsx", b"x") for n in range(3)])
    assert answer["saved"] == [] and len(answer["refused"]) == 3


def test_only_the_plans_submission_folders_take_uploads(plan):
    _, client = app_on(plan)
    for target in ("output", "../..", "edition:../../x", "edition:01-เพิ่มเติม"):
        status, answer = _upload(client, ("ก.xlsx", b"x"), target=target)
        assert status == 400, target
    status, answer = _upload(client, ("ผล.xlsx", b"x"), target="results")
    assert answer["saved"] == ["ผล.xlsx"]
    assert (plan / "results" / "submissions" / "ผล.xlsx").is_file()


def test_a_file_that_cannot_be_replaced_is_said_not_a_crash(plan, monkeypatch):
    """On Windows a submission open in Excel cannot be replaced: the page says why,
    the other files of the upload are stored."""
    import os

    real_replace = os.replace

    def locked(source, target):
        if str(target).endswith("works.xlsx"):
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(source, target)

    monkeypatch.setattr(uploads.os, "replace", locked)
    _, client = app_on(plan)
    workbook = faulty_workbook(plan)
    status, answer = _upload(client, ("works.xlsx", workbook), ("ใหม่.xlsx", workbook),
                             replace=True)
    assert status == 200 and answer["saved"] == ["ใหม่.xlsx"]
    assert [item["name"] for item in answer["refused"]] == ["works.xlsx"]
    assert "เปิดอยู่ในโปรแกรมอื่น" in answer["refused"][0]["reason"]
    assert (plan / "submissions" / "works.xlsx").read_bytes() != workbook
    assert not [p for p in (plan / "submissions").iterdir() if p.name.startswith(".upload")]
