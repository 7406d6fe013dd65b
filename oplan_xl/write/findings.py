"""``output/findings.xlsx``: every finding as one sortable, filterable table.

The same rows as ``check --json``, for the planning officer who works in
Excel: Thai headers, an autofilter, a frozen header row, errors first.  A
second sheet repeats the reconciliation per file.  Values from submissions
are written as text with explicit types, so a cell that read ``=1+2`` stays
the text ``=1+2``; fixed document properties keep two runs byte-identical.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.findings import ERROR, Finding, Report
from oplan_xl.core.model import satang_to_decimal
from oplan_xl.write.atomic import write_atomically

FILE_NAME = "findings.xlsx"
FINDINGS_SHEET = "ผลการตรวจ"
RECONCILIATION_SHEET = "กระทบยอด"
FIXED_DATE = dt.datetime(2000, 1, 1)
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False}
FONT = "TH SarabunPSK"

SEVERITY_TH = {ERROR: "ข้อผิดพลาด", "warning": "คำเตือน"}

#: (header, width) of the findings table, in column order.
COLUMNS = (
    ("ระดับ", 11), ("รหัส", 24), ("หน่วยงาน", 24), ("ไฟล์", 28), ("แผ่นงาน", 12),
    ("ช่อง", 8), ("แถว", 6), ("คอลัมน์", 22), ("ค่าในช่อง", 28), ("สิ่งที่ต้องแก้", 90),
)
RECONCILIATION_COLUMNS = (
    ("ไฟล์", 28), ("หน่วยงาน", 24), ("แถวที่อ่าน", 10), ("เข้าแผน", 10), ("ไม่เข้าแผน", 10),
    ("บาทที่อ่าน", 16), ("บาทเข้าแผน", 16), ("บาทไม่เข้าแผน", 16), ("แถวรวมยอด", 10),
    ("แถวข้อความต่อ", 12), ("แถวหมายเหตุท้ายตาราง", 14),
    ("SHA-256", 66),
)


def sorted_findings(report: Report) -> list[Finding]:
    """Errors first, then by department, file, sheet and row; plan-level ones last
    within their severity."""
    departments = {tally.file: tally.department for tally in report.files}

    def key(item: Finding):
        return (item.severity != ERROR, not item.file, departments.get(item.file, ""),
                item.file, item.sheet, item.row or 0, item.cell, item.code)

    return sorted(report.findings, key=key)


def capped(items: list[Finding]) -> tuple[list, dict[str, int]]:
    """At most limits.MAX_FINDINGS_PER_FILE findings of each file (a runaway file of
    20,000 wrong rows took 20 s to list); file → how many were left out."""
    kept, counts, left_out = [], {}, {}
    for item in items:
        counts[item.file] = counts.get(item.file, 0) + 1
        if item.file and counts[item.file] > limits.MAX_FINDINGS_PER_FILE:
            left_out[item.file] = left_out.get(item.file, 0) + 1
        else:
            kept.append(item)
    return kept, left_out


def write(report: Report, target: Path) -> Path:
    """Write the findings workbook of *report* at *target* (atomically)."""
    import xlsxwriter

    departments = {tally.file: tally.department for tally in report.files}

    def fill(temp: Path) -> None:
        # in_memory: the parts are not written to temporary files and read back.
        workbook = xlsxwriter.Workbook(str(temp), {**SAFE_OPTIONS, "in_memory": True})
        workbook.set_properties({"title": "ผลการตรวจไฟล์ของหน่วยงาน", "author": "oplan-xl",
                                 "created": FIXED_DATE})
        base = {"font_name": FONT, "font_size": 14, "valign": "top"}
        header = workbook.add_format({**base, "bold": True, "bg_color": "#DDEBF7",
                                      "border": 1, "text_wrap": True})
        text = workbook.add_format({**base, "text_wrap": True})
        error = workbook.add_format({**base, "font_color": "#9C0006", "bold": True})
        warning = workbook.add_format({**base, "font_color": "#7F6000"})
        number = workbook.add_format({**base, "num_format": "0"})
        money = workbook.add_format({**base, "num_format": "#,##0.00"})
        bold_money = workbook.add_format({**base, "num_format": "#,##0.00", "bold": True})
        bold = workbook.add_format({**base, "bold": True})

        def put(sheet, row: int, col: int, value: str, style) -> None:
            # An empty value is a blank cell, so the filter offers "(Blanks)".
            if value:
                sheet.write_string(row, col, value, style)
            else:
                sheet.write_blank(row, col, None, style)

        ws = workbook.add_worksheet(FINDINGS_SHEET)
        for col, (label, width) in enumerate(COLUMNS):
            ws.write_string(0, col, label, header)
            ws.set_column(col, col, width)
        kept, left_out = capped(sorted_findings(report))
        last = {item.file: index for index, item in enumerate(kept)}
        items: list = []
        for index, item in enumerate(kept):
            items.append(item)
            if item.file in left_out and last[item.file] == index:  # after its last row
                items.append((item.file, left_out[item.file]))
        for row, item in enumerate(items, 1):
            if isinstance(item, tuple):
                put(ws, row, 3, item[0], text)
                put(ws, row, 9, f"… และอีก {item[1]:,} รายการของไฟล์นี้ที่ไม่แสดง — แก้รายการข้างบน"
                                f"แล้วตรวจใหม่ (oplan check --json แสดงครบทุกรายการ)", text)
                continue
            ws.write_string(row, 0, SEVERITY_TH.get(item.severity, item.severity),
                            error if item.severity == ERROR else warning)
            put(ws, row, 1, item.code, text)
            put(ws, row, 2, departments.get(item.file, ""), text)
            put(ws, row, 3, item.file, text)
            put(ws, row, 4, item.sheet, text)
            put(ws, row, 5, item.cell, text)
            if item.row is None:
                ws.write_blank(row, 6, None, number)
            else:
                ws.write_number(row, 6, item.row, number)
            put(ws, row, 7, item.column, text)
            put(ws, row, 8, item.value, text)
            put(ws, row, 9, item.message("th"), text)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(items), 1), len(COLUMNS) - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)

        recon = workbook.add_worksheet(RECONCILIATION_SHEET)
        for col, (label, width) in enumerate(RECONCILIATION_COLUMNS):
            recon.write_string(0, col, label, header)
            recon.set_column(col, col, width)
        for row, tally in enumerate(report.files, 1):
            put(recon, row, 0, tally.file, text)
            put(recon, row, 1, tally.department, text)
            for col, count in ((2, tally.rows_read), (3, tally.rows_planned),
                               (4, tally.rows_rejected), (8, tally.total_rows),
                               (9, tally.continuation_rows),
                               (10, tally.note_rows)):
                recon.write_number(row, col, count, number)
            for col, satang in ((5, tally.satang_read), (6, tally.satang_planned),
                                (7, tally.satang_rejected)):
                recon.write_number(row, col, float(satang_to_decimal(satang)), money)
            put(recon, row, 11, tally.sha256, text)
        # The total row: live sums an auditor can click, with exact cached values.
        last = len(report.files) + 1
        total = report.total()
        recon.write_string(last, 0, "รวมทั้งสิ้น", bold)
        for col, value, style in (
                (2, total.rows_read, bold), (3, total.rows_planned, bold),
                (4, total.rows_rejected, bold),
                (5, float(satang_to_decimal(total.satang_read)), bold_money),
                (6, float(satang_to_decimal(total.satang_planned)), bold_money),
                (7, float(satang_to_decimal(total.satang_rejected)), bold_money),
                (8, total.total_rows, bold), (9, total.continuation_rows, bold),
                (10, total.note_rows, bold)):
            letter = chr(ord("A") + col)
            recon.write_formula(last, col, f"=SUM({letter}2:{letter}{last})", style, value)
        recon.freeze_panes(1, 0)
        workbook.close()

    return write_atomically(target, fill)
