"""``results/templates/<code>.xlsx``: one results workbook per department.

Pre-filled from the plan (``record.current_rows``) with the department's projects:
row id, number, strategy, programme, name, budget and months, locked (sheet
protection without a password, as the input templates); the five input columns
unlocked, the status a dropdown of the four statuses.  openpyxl writes it (data
validation and protection), byte-reproducibly (``write.reproducible``), with row
heights from ``write.rowheight``, printable on A4 landscape.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from oplan_xl.core.model import Department, Settings
from oplan_xl.followup.layout import COLUMNS, SHEET, STATUSES
from oplan_xl.followup.record import PlanRows, months_text
from oplan_xl.write import reproducible
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import FONT_SIZE, openpyxl_default_font, set_openpyxl_properties
from oplan_xl.write.rowheight import fit_openpyxl_sheet
from oplan_xl.write.template.style import Styles, new_validation, print_setup, protect
from oplan_xl.write.template.workbook import template_file_name

TITLE_ROW, PLACE_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1
#: Dates in the Buddhist era, as Thai Excel shows them (LibreOffice too).
DATE_FORMAT = "[$-107041E]d/m/yyyy"
MONEY_FORMAT = "#,##0.00"


def department_rows(rows: PlanRows, department: Department) -> list[dict]:
    """The department's projects, in the plan's order."""
    return [record for record in rows.projects if record["department_code"] == department.code]


def write_results_templates(settings: Settings, rows: PlanRows, folder: Path) -> list[Path]:
    """One workbook per department of *settings* that has planned projects; returns
    the paths written, in the settings' order."""
    written = []
    for department in settings.departments:
        records = department_rows(rows, department)
        if records:
            workbook = build(rows, department, records)
            written.append(write_atomically(folder / template_file_name(department),
                                            lambda temp, w=workbook: reproducible.save(w, temp)))
    return written


def build(rows: PlanRows, department: Department, records: list[dict]):
    """The results workbook of *department* (an openpyxl Workbook, not saved)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    styles = Styles()
    workbook = Workbook()
    openpyxl_default_font(workbook)
    ws = workbook.active
    ws.title = SHEET
    last = get_column_letter(len(COLUMNS))
    _titles(ws, rows, department, styles, last)
    for col, column in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(col)].width = column.width
        cell = ws.cell(HEADER_ROW, col, column.label)
        cell.font, cell.alignment, cell.border = styles.bold, styles.header, styles.border
        cell.fill = styles.optional if column.locked else styles.required
    for index, record in enumerate(records):
        _data_row(ws, FIRST_ROW + index, record, styles)
    _validations(ws, FIRST_ROW, FIRST_ROW + max(len(records), 1) - 1, rows.fiscal_year)
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide, as print_setup asks
    ws.print_area = f"A1:{last}{FIRST_ROW + len(records) - 1}"
    protect(ws)
    fit_openpyxl_sheet(ws, FONT_SIZE)
    set_openpyxl_properties(workbook, title=f"รายงานผลการดำเนินงาน {rows.fiscal_year}")
    return workbook


def _titles(ws, rows: PlanRows, department: Department, styles: Styles, last: str) -> None:
    texts = {
        TITLE_ROW: (f"รายงานผลการดำเนินงานตามแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. "
                    f"{rows.fiscal_year} — {department.name}", styles.heading),
        PLACE_ROW: (f"{rows.organisation}  หน่วยงาน: {department.name} (รหัส {department.code})",
                    styles.bold),
        HELP_ROW: ("กรอกเฉพาะช่องสีส้ม: สถานะ (เลือกจากรายการ), วงเงินตามสัญญา/ก่อหนี้ผูกพัน "
                   "และเบิกจ่ายแล้ว (บาท), ณ วันที่ (วัน/เดือน/ปี พ.ศ.), ปัญหาอุปสรรค — "
                   "ช่องอื่นมาจากแผน แก้ไม่ได้ อย่าลบหรือแก้รหัสแถว", styles.font),
    }
    for row, (text, font) in texts.items():
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row, 1, text)
        cell.font, cell.alignment = font, styles.wrap


def _data_row(ws, row: int, record: dict, styles: Styles) -> None:
    values = {"row_id": record["row_id"], "number": record["number"],
              "strategy": record["strategy"], "group": record["group"],
              "name": record["name"], "budget": record["budget_satang"] / 100,
              "months": months_text(record["months"])}
    for col, column in enumerate(COLUMNS, 1):
        cell = ws.cell(row, col, values.get(column.key))
        cell.font, cell.border = styles.font, styles.border
        cell.alignment = styles.wrap
        cell.protection = styles.locked if column.locked else styles.unlocked
        if column.key in ("budget", "contracted", "disbursed"):
            cell.number_format = MONEY_FORMAT
        elif column.key == "as_of":
            cell.number_format = DATE_FORMAT
        if column.locked:
            cell.fill = styles.year_fill
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
            cell.data_type = "s"  # a name typed as "=…" stays text


def _validations(ws, first: int, last: int, fiscal_year: int) -> None:
    from openpyxl.utils import get_column_letter

    letters = {column.key: get_column_letter(col) for col, column in enumerate(COLUMNS, 1)}
    status = new_validation(
        type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="สถานะ", promptTitle="สถานะ",
        error="เลือกสถานะจากรายการ: " + ", ".join(STATUSES),
        prompt="เลือกจากรายการ", showInputMessage=True)
    status.add(f"{letters['status']}{first}:{letters['status']}{last}")
    money = new_validation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="จำนวนเงิน", error="กรอกจำนวนเงินเป็นตัวเลข (บาท) ไม่ติดลบ")
    money.add(f"{letters['contracted']}{first}:{letters['disbursed']}{last}")
    start, end = dt.date(fiscal_year - 544, 10, 1), dt.date(fiscal_year - 543, 9, 30)
    date = new_validation(
        type="date", operator="between", formula1=str(_serial(start)),
        formula2=str(_serial(end)), allow_blank=True, showErrorMessage=True,
        errorStyle="warning", errorTitle="ณ วันที่",
        error=f"วันที่ควรอยู่ในปีงบประมาณ พ.ศ. {fiscal_year} (1 ต.ค. {fiscal_year - 1} "
              f"ถึง 30 ก.ย. {fiscal_year})")
    date.add(f"{letters['as_of']}{first}:{letters['as_of']}{last}")
    for validation in (status, money, date):
        ws.add_data_validation(validation)


def _serial(day: dt.date) -> int:
    """Excel's serial number of *day* (1900 date system)."""
    return (day - dt.date(1899, 12, 30)).days
