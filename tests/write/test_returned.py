"""output/returned/<department>.xlsx: each submission with its problems marked."""

import shutil
import zipfile

import openpyxl
import pytest

from oplan_xl.api import check, review
from oplan_xl.core.layout import RETURNED_ERROR_FILL, RETURNED_WARNING_FILL

from ..builders import DATA, plan_with, positions


def _comment(ws, cell):
    return ws[cell].comment.text if ws[cell].comment else ""


def test_xlsx_copy_marks_and_comments_the_cells(tmp_path):
    plan_dir = plan_with(tmp_path, "check-unknown-programme.xlsx")
    result = review(plan_dir)
    copy = result.outputs["returned:check-unknown-programme.xlsx"]
    assert copy == plan_dir / "output" / "returned" / "กองช่าง.xlsx"
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[0] == "ผลการตรวจ" and book.active.title == "ผลการตรวจ"
    ws = book["โครงการ"]
    assert ws["B2"].fill.fgColor.rgb == RETURNED_ERROR_FILL
    assert ws["B3"].fill.fgColor.rgb == RETURNED_WARNING_FILL
    # the comment leads with what to do; severity and code follow
    assert _comment(ws, "B2").startswith("ไม่พบแผนงาน")
    assert _comment(ws, "B2").endswith("(ข้อผิดพลาด: unknown-programme)")
    assert ws["C2"].comment is None
    # the department's own values are all still there
    original = openpyxl.load_workbook(DATA / "check-unknown-programme.xlsx")["โครงการ"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == \
        [[c.value for c in row] for row in original.iter_rows()]
    summary = list(book["ผลการตรวจ"].iter_rows(values_only=True))
    assert summary[2] == ("แผ่นงาน", "แถว", "เซลล์", "โครงการ/รายการ", "ข้อความ", "ค่าที่พบ",
                          "ความรุนแรง", "รหัส")
    listed = [(row[0], row[1], row[2]) for row in summary[3:]]
    assert listed == [("โครงการ", 2, "B2"), ("โครงการ", 3, "B3"), ("โครงการ", 4, "B4")]
    first = summary[3]
    assert first[3] == "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 1"  # the row's project
    assert first[4].startswith("ไม่พบแผนงาน") and first[6:] == ("ข้อผิดพลาด", "unknown-programme")
    assert book["ผลการตรวจ"]["C4"].hyperlink.location == "'โครงการ'!B2"
    assert book["ผลการตรวจ"].print_title_rows == "$3:$3"  # the header on every page


def test_merged_cell_finding_is_marked_on_the_merged_cell(tmp_path):
    result = review(plan_with(tmp_path, "check-unknown-strategy.xlsx"))
    ws = openpyxl.load_workbook(result.outputs["returned:check-unknown-strategy.xlsx"])["โครงการ"]
    assert ws["A4"].fill.fgColor.rgb == RETURNED_ERROR_FILL
    assert _comment(ws, "A4").count("ไม่พบยุทธศาสตร์") == 1  # rows 4 and 5, one message


def test_macro_workbook_comes_back_as_plain_xlsx(tmp_path):
    # a plan for another year: the workbook gets fiscal-year findings, so a copy
    result = review(plan_with(tmp_path, "habit-macro-workbook.xlsm", year=2567))
    copies = {name: path for name, path in result.outputs.items() if name.startswith("returned")}
    with zipfile.ZipFile(copies["returned:habit-macro-workbook.xlsm"]) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml")
    assert not [n for n in names if "vba" in n.lower()]
    assert b"macroEnabled" not in types
    assert copies["returned:habit-macro-workbook.xlsm"].suffix == ".xlsx"


@pytest.mark.parametrize("name", ["habit-saved-as-xls.xls", "habit-saved-as-ods.ods"])
def test_xls_and_ods_copies_are_rebuilt_from_values(tmp_path, name):
    result = review(plan_with(tmp_path, name))
    book = openpyxl.load_workbook(result.outputs[f"returned:{name}"])
    summary = book["ผลการตรวจ"]
    assert "สร้างสำเนานี้ใหม่จากค่าในช่องเท่านั้น" in summary["A2"].value
    ws = book["โครงการ"]
    assert ws["C5"].value == "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 1"
    assert ws["E5"].value == 100000
    assert "A5:A7" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["D8"].fill.fgColor.rgb == RETURNED_WARNING_FILL
    assert "ต่อท้าย" in _comment(ws, "D8")


def test_a_returned_copy_sent_back_reads_the_same(tmp_path):
    """The highlight colours are never read as month marks, the summary sheet is
    never read as a table."""
    plan_dir = plan_with(tmp_path, "check-no-month.xlsx")
    first = check(plan_dir)
    copy = review(plan_dir).outputs["returned:check-no-month.xlsx"]
    again = plan_with(tmp_path / "again")
    shutil.copyfile(copy, again / "submissions" / "check-no-month.xlsx")
    assert positions(check(again)) == positions(first)


def test_unreadable_files_get_no_copy_and_stale_copies_go(tmp_path):
    plan_dir = plan_with(tmp_path, "check-file-encrypted.xlsx", "check-no-month.xlsx")
    result = review(plan_dir)
    returned = plan_dir / "output" / "returned"
    assert sorted(p.name for p in returned.iterdir()) == ["กองช่าง.xlsx"]
    assert "returned:check-file-encrypted.xlsx" not in result.outputs
    (plan_dir / "submissions" / "check-no-month.xlsx").unlink()
    review(plan_dir)
    assert list(returned.iterdir()) == []


def test_two_files_of_one_department_get_two_copies(tmp_path):
    result = review(plan_with(tmp_path, "check-no-month.xlsx", "check-budget-decimals.xlsx"))
    names = sorted(p.name for name, p in result.outputs.items() if name.startswith("returned"))
    assert names == ["กองช่าง (check-no-month).xlsx", "กองช่าง.xlsx"]
