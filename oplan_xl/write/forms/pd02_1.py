"""แบบ ผด.02/1 — บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น."""

from __future__ import annotations

from pathlib import Path

from oplan_xl.plan.grouping import Plan
from oplan_xl.plan.labels import PD02_1_CODE, PD02_1_COLUMNS, PD02_1_TITLE
from oplan_xl.write.atomic import Writer, write_atomically
from oplan_xl.write.forms.common import (
    PROVENANCE_SHEET,
    Sheet,
    add_worksheet,
    baht,
    page_setup,
    workbook_writer,
    write_group_total,
    write_provenance,
)

# "/" is not allowed in a sheet name, hence ผด.02-1.
SHEET = "แบบ ผด.02-1"
WIDTHS = (6, 22, 14, 20, 40, 16, 20, 20)
FIRST_MONTH_COL = len(PD02_1_COLUMNS)
LAST_COL = FIRST_MONTH_COL + 11


def write(plan: Plan, target: Path) -> Path:
    """Write pd02-1.xlsx for *plan* at *target* (atomically)."""
    return write_atomically(target, writer(plan))


def writer(plan: Plan, draft_errors: int = 0) -> Writer:
    """What writes pd02-1.xlsx for *plan* at a path (see ``atomic.write_all``);
    *draft_errors* as ``common.workbook_writer`` takes it."""
    return workbook_writer(plan.settings, f"{PD02_1_CODE} {PD02_1_TITLE}",
                           lambda workbook, styles: _fill(plan, workbook, styles),
                           plan.equipment_count, draft_errors)


def _fill(plan: Plan, workbook, styles) -> None:
    sheet = Sheet(add_worksheet(workbook, SHEET), styles, plan.settings)
    write_provenance(workbook, styles, plan, plan.equipment_entries(), "ครุภัณฑ์")
    ws = sheet.ws
    row = sheet.title_block(PD02_1_CODE, PD02_1_TITLE, LAST_COL)
    header_row = row
    for col, (label, width) in enumerate(zip(PD02_1_COLUMNS, WIDTHS, strict=True)):
        sheet.column(col, col, width)
        ws.merge_range(row, col, row + 1, col, sheet.text(label), styles["header"])
    sheet.month_header(row, FIRST_MONTH_COL)
    row += 2
    for number, block in enumerate(plan.equipment, 1):
        sheet.merge_text(row, 0, LAST_COL, f"{number}. {block.equipment_type.name}",
                         "strategy")
        row += 1
        for group in block.groups:
            sheet.merge_text(row, 0, LAST_COL, group.programme.name, "group")
            row += 1
            first = row
            for index, item in enumerate(group.rows, 1):
                sheet.write_cells(row, 0, [
                    (index, "count"), (item.programme.name, "text"), (item.category, "text"),
                    (item.equipment_type.name, "text"),
                    (plan.with_edition(item, item.target), "text"),
                    (baht(item.budget_satang), "money"), (item.place, "text"),
                    (item.responsible, "text")], item.months)
                row += 1
            write_group_total(sheet, row, first, len(group.rows), group.satang,
                              label_cols=4, money_col=5, last_col=LAST_COL,
                              style="total-items")
            row += 1
    sheet.finish()
    page_setup(ws, (header_row, header_row + 1), row - 1, LAST_COL,
               styles, (PROVENANCE_SHEET,))
