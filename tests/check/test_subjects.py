"""Each finding on a data row names the row's project (or equipment target), so a
clerk knows which line of the plan it is about without opening the file."""

from oplan_xl.api import check
from oplan_xl.core.findings import SUBJECT_CHARS, finding, short_subject

from ..builders import equipment, make_plan, plan_with, project, write_submission


def _subjects(report) -> dict[tuple[str, str, str], str]:
    return {(f.code, f.sheet, f.cell): f.subject for f in report.findings}


def test_project_and_equipment_rows_name_their_subject_file_findings_none(tmp_path):
    report = check(plan_with(tmp_path, "check-budget-not-number.xlsx",
                             "check-unknown-equipment-type.xlsx", "check-file-encrypted.xlsx"))
    subjects = _subjects(report)
    assert subjects[("budget-not-number", "โครงการ", "E3")] == \
        "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 2"
    assert subjects[("unknown-equipment-type", "ครุภัณฑ์", "C2")] == "ตู้เหล็ก 2 บาน จำนวน 1 ตู้"
    assert subjects[("name-variant", "ครุภัณฑ์", "C3")] == "ตู้เหล็ก 2 บาน จำนวน 2 ตู้"
    assert subjects[("file-encrypted", "", "")] == ""
    plan_level = [f for f in report.findings if f.code == "department-no-submission"]
    assert plan_level and {f.subject for f in plan_level} == {""}


def test_reader_and_plan_wide_findings_on_a_row_name_it_too(tmp_path):
    """Made outside the row's checks: a continuation row (by the reader: it names the
    row it continues), a merged cell wanting for a row below it, a duplicate."""
    report = check(plan_with(tmp_path, "habit-continuation-rows.xlsx",
                             "check-unknown-strategy.xlsx", "check-duplicate-project.xlsx"))
    by_row = {(f.code, f.file, f.row): f.subject for f in report.findings}
    assert by_row[("continuation-row", "habit-continuation-rows.xlsx", 3)] == \
        "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 1"
    assert by_row[("continuation-row", "habit-continuation-rows.xlsx", 7)] == \
        "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 3"
    assert by_row[("unknown-strategy", "check-unknown-strategy.xlsx", 5)] == \
        "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 4"  # its cell is A4, merged down
    assert by_row[("duplicate-project", "check-duplicate-project.xlsx", 3)] == "ซ่อมแซม ถนนลูกรัง"


def test_a_long_name_is_shortened_a_blank_one_names_nothing(tmp_path):
    plan_dir = make_plan(tmp_path)
    long_name = "ก่อสร้างถนนคอนกรีตเสริมเหล็ก " + "สายบ้านหนองสมมุติ ถึงบ้านโคกกลาง " * 4
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name=long_name, budget="ห้าพัน"), project(name="", months=())],
                     [equipment(target="  เครื่องพิมพ์\nเลเซอร์ ", budget=0)],
                     department="กองช่าง")
    report = check(plan_dir)
    subjects = {(f.code, f.row): f.subject for f in report.findings if f.row}
    shortened = subjects[("budget-not-number", 2)]
    assert len(shortened) == SUBJECT_CHARS and shortened.endswith("…")
    assert shortened == long_name[:SUBJECT_CHARS - 1].rstrip() + "…"
    assert subjects[("required-empty", 3)] == ""  # no name to give
    assert subjects[("budget-not-positive", 2)] == "เครื่องพิมพ์ เลเซอร์"  # on one line


def test_short_subject_and_the_finding_keep_what_they_are_given():
    assert short_subject("  ซ่อมแซม\n ถนน ") == "ซ่อมแซม ถนน"
    assert short_subject("ก" * SUBJECT_CHARS) == "ก" * SUBJECT_CHARS
    assert short_subject("ก" * (SUBJECT_CHARS + 1)) == "ก" * (SUBJECT_CHARS - 1) + "…"
    made = finding("no-month", "a.xlsx", "โครงการ", 3, "ต.ค.", "H3", subject="ถนน")
    assert made.subject == "ถนน" and made.about("อื่น") is made
    assert finding("no-month").about("ถนน").subject == "ถนน"
    assert made.to_dict()["subject"] == "ถนน"
