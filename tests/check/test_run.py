"""check.run.check_plan: one report for a folder, whatever the order its files were
put there and however often it is checked in one process."""

from __future__ import annotations

import shutil

from oplan_xl.api import check
from oplan_xl.speed import text

from ..builders import equipment, make_plan, project, write_submission

FILES = {
    "works.xlsx": ([project(), project(name="ขุดลอกคลอง", budget="ห้าพัน")], "กองช่าง"),
    "clerk.xlsx": ([project(strategy="9", name="อบรมอาสาสมัคร")], "สำนักปลัด"),
    "edu.xlsx": ([project(group="แผนงานการศึกษา", name="อาหารกลางวัน", months=(1, 2, 3))],
                 "กองการศึกษา"),
}


COPY = "clerk (1).xlsx"
NAMES = sorted([*FILES, COPY])


def _plan(tmp_path):
    plan_dir = make_plan(tmp_path)
    for name, (projects, department) in FILES.items():
        write_submission(plan_dir / "submissions" / name, projects, [equipment()],
                         department=department)
    # A copy of the same bytes (written twice, the files could differ in their zip times)
    shutil.copyfile(plan_dir / "submissions" / "clerk.xlsx",
                    plan_dir / "submissions" / COPY)
    return plan_dir


def test_the_report_does_not_depend_on_the_order_files_arrived(tmp_path):
    plan_dir = _plan(tmp_path / "a")
    other = make_plan(tmp_path / "b")
    for name in reversed(NAMES):  # the same bytes, put in the folder the other way round
        shutil.copyfile(plan_dir / "submissions" / name, other / "submissions" / name)
    first, second = check(plan_dir), check(other)
    assert first.to_dict("en") == second.to_dict("en")
    assert [tally.file for tally in first.files] == NAMES
    # The later of two identical files is the copy, by name, not by arrival.
    copies = [f.file for f in first.findings if f.code == "duplicate-file"]
    assert copies == ["clerk.xlsx"]


def test_the_same_report_again_in_the_same_process(tmp_path):
    plan_dir = _plan(tmp_path)
    fresh = check(plan_dir).to_dict("en")
    assert check(plan_dir).to_dict("en") == fresh  # with the text memos full
    for remembered in (text.clean_text, text.label_key, text.month_marks):
        remembered.cache_clear()
    assert check(plan_dir).to_dict("en") == fresh
