"""``oplan check``: a Thai summary by department, the files it writes, exit codes."""

import json

from click.testing import CliRunner

from oplan_xl.api import check
from oplan_xl.cli import MAX_LINES_PER_DEPARTMENT, main, wrapped
from oplan_xl.core.normalise import visible_length

from ..builders import DATA, plan_with


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_summary_by_department_worst_first_with_counts(tmp_path):
    plan_dir = plan_with(tmp_path, "check-budget-not-number.xlsx", "habit-title-rows.xlsx")
    palad = plan_dir / "submissions" / "palad.xlsx"
    palad.write_bytes((DATA / "check-text-too-long.xlsx").read_bytes())
    from openpyxl import load_workbook

    book = load_workbook(palad)
    book["หน่วยงาน"]["B2"] = "สำนักปลัด"
    book.save(palad)
    result = run("check", plan_dir)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    headings = [line for line in lines if " — " in line
                and not line.startswith((" ", "พบข้อผิดพลาด"))]
    assert headings[0].startswith("กองช่าง — ข้อผิดพลาด 3 คำเตือน 1")
    # text-too-long, and its project repeats habit-title-rows row 5 (duplicate-project)
    assert headings[1].startswith("สำนักปลัด — ข้อผิดพลาด 0 คำเตือน 2 (palad.xlsx)")
    assert headings[-1] == "ทั้งแผน — ข้อผิดพลาด 0 คำเตือน 4"
    # where, the row's project, the message, the code last
    assert "  ✗ check-budget-not-number.xlsx โครงการ!E3 ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 2 — " \
        "งบประมาณ \"=1+2\" ไม่ใช่ตัวเลข" in result.output
    line = next(line for line in lines if "โครงการ!E3" in line)
    assert line.endswith(" [budget-not-number]")
    assert "กระทบยอดรายไฟล์:" in result.output
    assert "  palad.xlsx (สำนักปลัด): อ่าน 1 แถว 100,000.00 บาท" in result.output
    assert (plan_dir / "output" / "findings.xlsx").is_file()
    assert (plan_dir / "output" / "returned" / "กองช่าง.xlsx").is_file()
    assert "สำเนาส่งคืน สำนักปลัด:" in result.output


def test_merged_cell_findings_name_their_row(tmp_path):
    result = run("check", plan_with(tmp_path, "check-unknown-strategy.xlsx"))
    line = next(line for line in result.output.splitlines() if "(แถว 5)" in line)
    assert line.startswith("  ✗ โครงการ!A4 (แถว 5) ") and line.endswith(" [unknown-strategy]")


def test_long_lists_are_cut_and_point_to_the_workbook(tmp_path):
    plan_dir = plan_with(tmp_path, "check-required-empty.xlsx", "check-budget-not-number.xlsx",
                         "check-budget-decimals.xlsx", "check-no-month.xlsx",
                         "check-unknown-strategy.xlsx", "check-budget-not-positive.xlsx")
    result = run("check", plan_dir, "--lang", "en")
    shown = [line for line in result.output.splitlines() if line.startswith("  ✗")]
    assert len(shown) == MAX_LINES_PER_DEPARTMENT
    assert "more - see" in result.output and "findings.xlsx" in result.output


def test_clean_plan_exits_0_and_json_matches_the_library(tmp_path):
    plan_dir = plan_with(tmp_path, "habit-continuation-rows.xlsx")
    result = run("check", plan_dir, "--json")
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document == check(plan_dir).to_dict("th")
    assert document["reconciliation"]["total"]["continuation_rows"] == 3
    assert {f["code"] for f in document["findings"]} == {"continuation-row",
                                                         "department-no-submission"}


def test_build_writes_the_findings_even_when_blocked(tmp_path):
    plan_dir = plan_with(tmp_path, "check-no-month.xlsx")
    result = run("build", plan_dir)
    assert result.exit_code == 1
    assert (plan_dir / "output" / "findings.xlsx").is_file()
    assert not (plan_dir / "output" / "pd01.xlsx").exists()
    assert "findings.xlsx" in result.output


def test_findings_file_open_in_excel_does_not_stop_the_check(tmp_path, monkeypatch):
    import os

    from oplan_xl.write import atomic

    real_replace = os.replace

    def locked(source, target):
        if str(target).endswith("findings.xlsx"):
            raise PermissionError(13, "Permission denied")
        return real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", locked)
    plan_dir = plan_with(tmp_path, "check-no-month.xlsx")
    result = run("check", plan_dir)
    assert result.exit_code == 1
    assert "[no-month]" in result.output  # the report is still printed
    assert "findings.xlsx" in result.output and "Excel" in result.output
    assert (plan_dir / "output" / "returned" / "กองช่าง.xlsx").is_file()
    built = run("build", plan_with(tmp_path / "clean", "habit-title-rows.xlsx"))
    assert (tmp_path / "clean" / "แผนทดสอบ" / "output" / "pd01.xlsx").is_file()
    assert built.exit_code == 1  # the forms are written; the unwritten file is reported


def test_a_finding_line_reads_where_what_message_code_in_english_too(tmp_path):
    plan_dir = plan_with(tmp_path, "check-unknown-equipment-type.xlsx", "check-file-encrypted.xlsx")
    lines = run("check", plan_dir, "--lang", "en").output.splitlines()
    assert "  ✗ ครุภัณฑ์!C2 ตู้เหล็ก 2 บาน จำนวน 1 ตู้ — Equipment type \"ครุภัณฑ์ยานอวกาศ\" is " \
        "not in the settings - choose one from the list [unknown-equipment-type]" in lines
    encrypted = next(line for line in lines if line.endswith("[file-encrypted]"))
    assert encrypted.startswith("  ✗ The file is password protected")  # no place to name


def test_a_long_line_folds_at_spaces_on_a_narrow_terminal():
    line = "  ✗ โครงการ!E3 ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 2 — งบประมาณ \"=1+2\" ไม่ใช่ตัวเลข " \
           "— พิมพ์เป็นตัวเลข [budget-not-number]"
    folded = wrapped(line, 40).split("\n")
    assert folded[0].startswith("  ✗ โครงการ!E3 ") and len(folded) > 2
    assert all(part.startswith("      ") for part in folded[1:])
    assert all(visible_length(part) <= 40 for part in folded)
    assert " ".join(part.strip() for part in folded) == line.strip()  # nothing lost
    assert wrapped(line, 0) == line  # a pipe or a log: one finding, one line
    assert wrapped("  " + "ก" * 50, 20) == "  " + "ก" * 50  # a word longer than a line stays
