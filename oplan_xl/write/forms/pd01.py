"""แบบ ผด.01 — บัญชีสรุปจำนวนโครงการและงบประมาณ (summary by strategy).

Every figure is a formula over the project rows on the workbook's second
sheet, written with the value the plan computed, so the file shows the right
numbers where nothing recalculates and an auditor can click any figure to see
where it comes from.  Percentages are ROUND(part*100/whole, 2), the same
half-up rounding as ``model.percent``.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.cells import a1, a1_range
from oplan_xl.core.model import satang_to_decimal
from oplan_xl.plan.grouping import Entry, Plan, SummaryLine
from oplan_xl.plan.labels import PD01_CODE, PD01_TITLE, pd01_columns
from oplan_xl.write.atomic import Writer, write_atomically
from oplan_xl.write.conventions import DATA_SIZE
from oplan_xl.write.forms.common import (
    PROVENANCE_SHEET,
    Sheet,
    add_worksheet,
    baht,
    page_setup,
    plain_page_setup,
    workbook_writer,
    write_provenance,
)

# The space matters: XlsxWriter leaves a name like ผด.01 unquoted in the print
# titles, and LibreOffice then silently drops them (measured); a space forces quotes.
SHEET = "แบบ ผด.01"
DATA_SHEET = "รายการโครงการ"
WIDTHS = (52, 15, 15, 18, 15, 30)
LAST_COL = len(WIDTHS) - 1
DATA_COLUMNS = ("ที่", "ยุทธศาสตร์", "ลำดับกลุ่ม", "แผนงาน/แนวทาง", "โครงการ",
                "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบหลัก", "ลำดับในแบบ ผด.02")
COUNT_COL, COUNT_PCT_COL, MONEY_COL, MONEY_PCT_COL = 1, 2, 3, 4


def write(plan: Plan, target: Path) -> Path:
    """Write pd01.xlsx for *plan* at *target* (atomically)."""
    return write_atomically(target, writer(plan))


def writer(plan: Plan, draft_errors: int = 0) -> Writer:
    """What writes pd01.xlsx for *plan* at a path (see ``atomic.write_all``);
    *draft_errors* as ``common.workbook_writer`` takes it."""
    return workbook_writer(plan.settings, f"{PD01_CODE} {PD01_TITLE}",
                           lambda workbook, styles: _fill(plan, workbook, styles),
                           plan.count, draft_errors)


class DataRanges:
    """The project rows sheet and the absolute ranges the formulas refer to."""

    def __init__(self, plan: Plan, entries: list[Entry], workbook, styles) -> None:
        sheet = Sheet(add_worksheet(workbook, DATA_SHEET), styles, plan.settings,
                      size=DATA_SIZE, plain=True)
        ws = sheet.ws
        for col, width in enumerate((6, 10, 10, 36, 50, 16, 28, 14)):
            sheet.column(col, col, width)
        sheet.write_cells(0, 0, [(label, "data-header") for label in DATA_COLUMNS])
        group_order = {group: n for n, group in enumerate(plan.settings.groups(), 1)}
        groups: dict[int, tuple[int, str]] = {}  # a group's number and title, once per group
        for index, entry in enumerate(entries, 1):
            project = entry.row
            group = groups.get(id(project.group))
            if group is None:
                group = groups[id(project.group)] = (group_order[project.group],
                                                     project.group.title)
            sheet.write_cells(index, 0, [
                (index, "data-count"), (project.strategy.number, "data-count"),
                (group[0], "data-count"), (group[1], "data-text"), (project.name, "data-text"),
                (baht(project.budget_satang), "data-money"), (project.responsible, "data-text"),
                (entry.place, "data-text")])
        sheet.finish()
        plain_page_setup(ws)
        ws.autofilter(0, 0, max(len(entries), 1), len(DATA_COLUMNS) - 1)
        last = max(len(entries), 1) + 1  # an empty plan still gets a valid range
        quoted = f"'{DATA_SHEET}'"
        self.strategy = f"{quoted}!$B$2:$B${last}"
        self.group = f"{quoted}!$C$2:$C${last}"
        self.budget = f"{quoted}!$F$2:$F${last}"
        self.numbers = f"{quoted}!$A$2:$A${last}"
        self.group_order = group_order


def _fill(plan: Plan, workbook, styles) -> None:
    sheet = Sheet(add_worksheet(workbook, SHEET), styles, plan.settings)
    entries = plan.project_entries()
    data = DataRanges(plan, entries, workbook, styles)
    write_provenance(workbook, styles, plan, entries, "โครงการ")
    ws = sheet.ws
    for col, width in enumerate(WIDTHS):
        sheet.column(col, col, width)
    row = sheet.title_block(PD01_CODE, PD01_TITLE, LAST_COL)
    header_row = row
    for col, label in enumerate(pd01_columns(plan.settings)):
        sheet.write_text(row, col, label, "header")
    row += 1

    # The grand total row's position is known up front so every percentage
    # can refer to it.
    summary = plan.summary()
    total_row = row + sum(len(lines) + 2 for _, lines, _ in summary)
    total_count = a1(total_row, COUNT_COL, absolute=True)
    total_money = a1(total_row, MONEY_COL, absolute=True)
    formulas = Formulas(total_count, total_money)

    for block, lines, total in summary:
        number = block.strategy.number
        sheet.merge_text(row, 0, LAST_COL, block.strategy.title, "strategy")
        row += 1
        first = row
        for group, line in zip(block.groups, lines, strict=True):
            criteria = (f"{data.strategy},{number},"
                        f"{data.group},{data.group_order[group.group]}")
            count = f"=COUNTIFS({criteria})"
            money = f"=SUMIFS({data.budget},{criteria})"
            _write_line(sheet, row, line, count, money, formulas, total=False)
            row += 1
        if lines:
            count = f"=SUM({_column_range(first, row - 1, COUNT_COL)})"
            money = f"=SUM({_column_range(first, row - 1, MONEY_COL)})"
        else:
            count = f"=COUNTIF({data.strategy},{number})"
            money = f"=SUMIF({data.strategy},{number},{data.budget})"
        _write_line(sheet, row, total, count, money, formulas, total=True)
        row += 1
    assert row == total_row
    _write_line(sheet, row, plan.grand_total(), f"=COUNT({data.numbers})",
                f"=SUM({data.budget})", formulas, total=True)
    sheet.finish()
    page_setup(ws, (header_row, header_row), row, LAST_COL, styles, (DATA_SHEET, PROVENANCE_SHEET))


class Formulas:
    """Percentage formulas against the grand total cells."""

    def __init__(self, total_count: str, total_money: str) -> None:
        self.total_count = total_count
        self.total_money = total_money

    @staticmethod
    def percent(part: str, whole: str) -> str:
        return f"=IF({whole}=0,0,ROUND({part}*100/{whole},2))"


def _column_range(first_row: int, last_row: int, col: int) -> str:
    return a1_range(first_row, col, last_row, col)


def _write_line(sheet: Sheet, row: int, line: SummaryLine, count: str, money: str,
                formulas: Formulas, total: bool) -> None:
    prefix = "total-" if total else ""
    ws, styles = sheet.ws, sheet.styles
    sheet.write_text(row, 0, line.label, "total-label" if total else "indent")
    ws.write_formula(row, COUNT_COL, count, styles[f"{prefix}count"], line.count)
    count_cell = a1(row, COUNT_COL)
    money_cell = a1(row, MONEY_COL)
    ws.write_formula(row, COUNT_PCT_COL, formulas.percent(count_cell, formulas.total_count),
                     styles[f"{prefix}percent"], float(line.count_percent))
    ws.write_formula(row, MONEY_COL, money, styles[f"{prefix}money"],
                     float(satang_to_decimal(line.satang)))
    ws.write_formula(row, MONEY_PCT_COL, formulas.percent(money_cell, formulas.total_money),
                     styles[f"{prefix}percent"], float(line.satang_percent))
    sheet.write_text(row, 5, ", ".join(line.units), "total-text" if total else "text")
