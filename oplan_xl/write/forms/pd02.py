"""แบบ ผด.02 — บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ (projects by group)."""

from __future__ import annotations

from pathlib import Path

from oplan_xl.plan.grouping import Plan
from oplan_xl.plan.labels import PD02_CODE, PD02_COLUMNS, pd02_title
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

SHEET = "แบบ ผด.02"
WIDTHS = (6, 32, 44, 16, 22, 20)
FIRST_MONTH_COL = len(PD02_COLUMNS)
LAST_COL = FIRST_MONTH_COL + 11


def write(plan: Plan, target: Path) -> Path:
    """Write pd02.xlsx for *plan* at *target* (atomically)."""
    return write_atomically(target, writer(plan))


def writer(plan: Plan, draft_errors: int = 0) -> Writer:
    """What writes pd02.xlsx for *plan* at a path (see ``atomic.write_all``);
    *draft_errors* as ``common.workbook_writer`` takes it."""
    return workbook_writer(plan.settings, f"{PD02_CODE} {pd02_title(plan.settings)}",
                           lambda workbook, styles: _fill(plan, workbook, styles),
                           plan.count, draft_errors)


def _fill(plan: Plan, workbook, styles) -> None:
    sheet = Sheet(add_worksheet(workbook, SHEET), styles, plan.settings)
    write_provenance(workbook, styles, plan, plan.project_entries(), "โครงการ")
    ws = sheet.ws
    row = sheet.title_block(PD02_CODE, pd02_title(plan.settings), LAST_COL)
    header_row = row
    for col, (label, width) in enumerate(zip(PD02_COLUMNS, WIDTHS, strict=True)):
        sheet.column(col, col, width)
        ws.merge_range(row, col, row + 1, col, sheet.text(label), styles["header"])
    sheet.month_header(row, FIRST_MONTH_COL)
    row += 2
    for block in plan.strategies:
        if not block.groups:
            continue
        sheet.merge_text(row, 0, LAST_COL, block.strategy.title, "strategy")
        row += 1
        for number, group in enumerate(block.groups, 1):
            label = plan.group_title(block, number, group.group)
            sheet.merge_text(row, 0, LAST_COL, label, "group")
            row += 1
            first = row
            for index, project in enumerate(group.rows, 1):
                sheet.write_cells(row, 0, [
                    (index, "count"), (plan.with_edition(project, project.name), "text"),
                    (project.activity, "text"),
                    (baht(project.budget_satang), "money"), (project.place, "text"),
                    (project.responsible, "text")], project.months)
                row += 1
            write_group_total(sheet, row, first, group.count, group.satang,
                              label_cols=2, money_col=3, last_col=LAST_COL,
                              style="total-projects")
            row += 1
    sheet.finish()
    page_setup(ws, (header_row, header_row + 1), row - 1, LAST_COL,
               styles, (PROVENANCE_SHEET,))
