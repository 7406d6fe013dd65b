"""output/findings.xlsx: every finding as a sortable, filterable table."""

import hashlib
import zipfile

import openpyxl

from oplan_xl.api import build, review
from oplan_xl.write.findings import COLUMNS

from ..builders import plan_with

NAMES = ("check-budget-not-number.xlsx", "check-text-too-long.xlsx", "habit-title-rows.xlsx",
         "check-file-encrypted.xlsx")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_finding_is_a_row_errors_first(tmp_path):
    plan_dir = plan_with(tmp_path, *NAMES)
    result = review(plan_dir)
    path = result.outputs["findings"]
    assert path == plan_dir / "output" / "findings.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["ผลการตรวจ"]
    assert [c.value for c in ws[1]] == ["หน่วยงาน/ไฟล์", "แผ่นงาน", "แถว", "เซลล์",
                                        "โครงการ/รายการ", "ข้อความ", "ค่าที่พบ", "ความรุนแรง",
                                        "รหัส"]
    assert [label for label, _ in COLUMNS] == [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:I{len(result.report.findings) + 1}"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(result.report.findings)
    severities = [row[7] for row in rows]
    assert severities == sorted(severities, key=lambda s: s != "ข้อผิดพลาด")
    located = {((row[0] or "").split("\n")[-1], row[3], row[8]) for row in rows}
    assert ("check-budget-not-number.xlsx", "E3", "budget-not-number") in located
    assert ("check-file-encrypted.xlsx", None, "file-encrypted") in located  # blank cell
    e3 = next(row for row in rows if row[3] == "E3")
    # where, which project, what to do, the value, then severity and code last
    assert e3[:5] == ("กองช่าง\ncheck-budget-not-number.xlsx", "โครงการ", 3, "E3",
                      "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ 2")
    assert e3[5].startswith('งบประมาณ "=1+2" ไม่ใช่ตัวเลข')
    assert e3[6:] == ("=1+2", "ข้อผิดพลาด", "budget-not-number")
    encrypted = next(row for row in rows if row[8] == "file-encrypted")
    assert encrypted[1:5] == (None, None, None, None)  # a file's finding: no row, no project


def test_values_stay_text_never_formulas(tmp_path):
    result = review(plan_with(tmp_path, *NAMES))
    with zipfile.ZipFile(result.outputs["findings"]) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"1+2" not in sheet  # "=1+2" is a shared string


def test_reconciliation_sheet_totals(tmp_path):
    result = review(plan_with(tmp_path, *NAMES))
    ws = openpyxl.load_workbook(result.outputs["findings"], data_only=True)["กระทบยอด"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows[:-1]] == sorted(NAMES)
    total = result.report.total()
    assert rows[-1][0] == "รวมทั้งสิ้น"
    formulas = openpyxl.load_workbook(result.outputs["findings"])["กระทบยอด"]
    assert formulas.cell(len(rows) + 1, 6).value == f"=SUM(F2:F{len(rows)})"
    # text-too-long 100,000 + title-rows 300,000; the three unparseable budgets read as 0
    assert total.satang_read == 10000000 + 30000000
    assert rows[-1][2:8] == (6, 3, 3, 400000, 400000, 0)  # the cached values


def test_written_by_check_and_build_identically_inputs_untouched(tmp_path):
    plan_dir = plan_with(tmp_path, *NAMES)
    inputs = {p.name: _sha(p) for p in (plan_dir / "submissions").iterdir()}
    first = {name: _sha(path) for name, path in review(plan_dir).outputs.items()}
    blocked = build(plan_dir)
    assert not blocked.built
    assert {name: _sha(path) for name, path in blocked.findings.items()} == first
    forced = build(plan_dir, force=True)
    assert forced.built and {n: _sha(p) for n, p in forced.findings.items()} == first
    assert {p.name: _sha(p) for p in (plan_dir / "submissions").iterdir()} == inputs
    assert not [p for p in (plan_dir / "output").rglob(".*")]


def test_a_readable_page_one_wide_landscape_the_header_on_every_page(tmp_path):
    # A4 landscape holds about 155 characters of 14 pt text: 150 prints at over 90%.
    assert sum(width for _, width in COLUMNS) <= 150
    result = review(plan_with(tmp_path, *NAMES))
    ws = openpyxl.load_workbook(result.outputs["findings"])["ผลการตรวจ"]
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)  # 1: default
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    message = [label for label, _ in COLUMNS].index("ข้อความ")
    assert COLUMNS[message][1] == max(width for _, width in COLUMNS)  # the widest
    # rows grow to their wrapped text: the 839-character activity's warning, say
    long = next(row for row in ws.iter_rows(min_row=2) if row[8].value == "text-too-long")
    assert ws.row_dimensions[long[0].row].height >= 50
    assert all(cell.alignment.wrap_text for cell in long if isinstance(cell.value, str))
