"""A blank form sent back (issue 15): the template's headers and not one row is a
warning at the first table's header, never "no problem"; it still counts as the
department's file."""

import shutil

import pytest
from click.testing import CliRunner

from oplan_xl.api import check, write_templates
from oplan_xl.cli import main

from ..builders import equipment, make_plan, project, write_submission


def _codes(report, file):
    return [(f.code, f.severity, f.sheet, f.row, f.cell) for f in report.findings
            if f.file == file]


@pytest.fixture
def blank(tmp_path):
    """A plan with the blank template of กองช่าง copied into submissions/."""
    plan_dir = make_plan(tmp_path)
    template = next(p for p in write_templates(plan_dir, "works"))
    shutil.copyfile(template, plan_dir / "submissions" / "works.xlsx")
    return plan_dir


def test_the_blank_template_sent_back(blank):
    report = check(blank)
    assert _codes(report, "works.xlsx") == [("no-data-rows", "warning", "โครงการ", 2, "A2")]
    assert report.ok
    missing = [f.params for f in report.findings if f.code == "department-no-submission"]
    assert {"department": "กองช่าง"} not in [dict(p) for p in missing]


def test_the_console_does_not_say_no_problem(blank):
    output = CliRunner().invoke(main, ["check", str(blank)]).output
    heading = next(line for line in output.splitlines() if line.startswith("กองช่าง"))
    assert "ไม่พบปัญหา" not in heading and "คำเตือน 1" in heading
    assert "แบบฟอร์มเปล่า" in output


@pytest.mark.parametrize("title_rows", [0, 3])
def test_a_written_form_with_headers_only(tmp_path, title_rows):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", department="กองช่าง",
                     title_rows=title_rows)
    report = check(plan_dir)
    assert _codes(report, "works.xlsx") == [
        ("no-data-rows", "warning", "โครงการ", title_rows + 1, f"A{title_rows + 1}")]


@pytest.mark.parametrize("projects, items", [([project()], []), ([], [equipment()])])
def test_one_table_filled_is_not_empty(tmp_path, projects, items):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", projects, items,
                     department="กองช่าง")
    assert "no-data-rows" not in [f.code for f in check(plan_dir).findings]


def test_a_table_not_read_speaks_for_itself(tmp_path):
    """A projects sheet whose header is not found: its own error, not a blank form."""
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx", [], [equipment()],
                     department="กองช่าง", column_order=["name"])
    codes = [f.code for f in check(plan_dir).findings]
    assert "no-data-rows" not in codes


@pytest.mark.parametrize("target", ["xls:MS Excel 97", "ods:calc8"])
def test_the_blank_template_saved_by_libreoffice(blank, libreoffice, target):
    source = blank / "submissions" / "works.xlsx"
    converted = libreoffice.convert({"works": source}, target)["works"]
    source.unlink()
    shutil.copyfile(converted, blank / "submissions" / converted.name)
    report = check(blank)
    assert [f.code for f in report.findings if f.file == converted.name] == ["no-data-rows"]
