"""check.submission: who sent a file."""

from __future__ import annotations

import pytest

from oplan_xl.api import check
from oplan_xl.core.normalise import clean_text

from ..builders import make_plan, project, write_submission


def _department_findings(report):
    return sorted((f.file, f.sheet, f.cell, f.code, f.value) for f in report.findings
                  if f.code in ("name-variant", "unknown-department",
                                "department-no-submission"))


@pytest.mark.parametrize("written", ["กองช่าง อบต.", "กองช่าง อบต.ทดสอบระบบ",
                                     "กองช่าง\u00a0\u00a0องค์การบริหารส่วนตำบลทดสอบระบบ",
                                     "กองช่าง เทศบาลตำบล", "กองช่าง ทดสอบระบบ"])
def test_a_department_named_with_the_organisation_is_that_department(tmp_path, written):
    """Not "unknown" plus "กองช่าง sent nothing": matched, with a warning at the cell."""
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [project()], [],
                     department=written)
    report = check(plan_dir)
    found = _department_findings(report)
    shown = clean_text(written)  # as the finding shows it: no-break spaces are spaces
    assert ("works.xlsx", "หน่วยงาน", "B2", "name-variant", shown) in found
    assert not any(f[3] == "unknown-department" for f in found)
    assert report.projects[0].responsible == "กองช่าง"
    no_submission = [f for f in report.findings if f.code == "department-no-submission"]
    assert all("กองช่าง" not in f.message("th") for f in no_submission)


def test_odd_spacing_alone_needs_no_warning(tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [project()], [],
                     department="กอง\u00a0ช่าง ")
    report = check(plan_dir)
    assert not [f for f in report.findings if f.file == "works.xlsx"
                and f.code in ("name-variant", "unknown-department")]


@pytest.mark.parametrize("written", ["กองช่างสุขาภิบาล", "กองช่าง กองคลัง", "งานพัสดุ"])
def test_a_name_that_is_not_a_department_and_the_organisation_stays_unknown(tmp_path,
                                                                           written):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "x.xlsx", [project()], [], department=written)
    report = check(plan_dir)
    assert ("x.xlsx", "", "", "unknown-department", written) in _department_findings(report)
