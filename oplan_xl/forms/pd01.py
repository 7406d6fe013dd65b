"""แบบ ผด.01 — บัญชีสรุปจำนวนโครงการและงบประมาณ (summary by strategy)."""

from __future__ import annotations

from pathlib import Path

from ..model import satang_to_decimal
from ..plan import Plan, SummaryLine
from .common import Sheet, page_setup, save_workbook

FORM_CODE = "แบบ ผด.01"
TITLE = "บัญชีสรุปจำนวนโครงการและงบประมาณ"
SHEET = "ผด.01"
WIDTHS = (52, 15, 15, 18, 15, 30)
LAST_COL = len(WIDTHS) - 1


def headers(plan: Plan) -> tuple[str, ...]:
    settings = plan.settings
    return (f"{settings.group_label}/{settings.second_level_label}",
            "จำนวนโครงการที่ดำเนินการ", "คิดเป็นร้อยละของโครงการทั้งหมด",
            "จำนวนงบประมาณ", "คิดเป็นร้อยละของงบประมาณทั้งหมด", "หน่วยดำเนินการ")


def write(plan: Plan, target: Path) -> Path:
    """Write pd01.xlsx for *plan* at *target*."""
    return save_workbook(target, plan.settings, f"{FORM_CODE} {TITLE}",
                         lambda workbook, styles: _fill(plan, workbook, styles))


def _fill(plan: Plan, workbook, styles) -> None:
    sheet = Sheet(workbook.add_worksheet(SHEET), styles, plan.settings)
    ws = sheet.ws
    for col, width in enumerate(WIDTHS):
        sheet.column(col, col, width)
    row = sheet.title_block(FORM_CODE, TITLE, LAST_COL)
    header_row = row
    for col, label in enumerate(headers(plan)):
        sheet.write_text(row, col, label, "header")
    row += 1
    for block, lines, total in plan.summary():
        sheet.merge_text(row, 0, LAST_COL, block.strategy.title, "strategy")
        row += 1
        for line in lines:
            _write_line(sheet, row, line, total=False)
            row += 1
        _write_line(sheet, row, total, total=True)
        row += 1
    _write_line(sheet, row, plan.grand_total(), total=True)
    sheet.finish()
    page_setup(ws, (header_row, header_row))


def _write_line(sheet: Sheet, row: int, line: SummaryLine, total: bool) -> None:
    prefix = "total-" if total else ""
    ws, styles = sheet.ws, sheet.styles
    sheet.write_text(row, 0, line.label, "total-label" if total else "indent")
    ws.write_number(row, 1, line.count, styles[f"{prefix}count"])
    ws.write_number(row, 2, float(line.count_percent), styles[f"{prefix}percent"])
    ws.write_number(row, 3, float(satang_to_decimal(line.satang)), styles[f"{prefix}money"])
    ws.write_number(row, 4, float(line.satang_percent), styles[f"{prefix}percent"])
    sheet.write_text(row, 5, ", ".join(line.units), "total-text" if total else "text")
