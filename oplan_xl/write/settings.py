"""Writing the settings workbook ``plan.xlsx`` with defaults (``oplan init``)."""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.cells import column_letter
from oplan_xl.core.model import Settings, infer_edition
from oplan_xl.core.settings_layout import (
    APPROACHES,
    DEPARTMENTS,
    DEV_PLAN,
    EQUIPMENT,
    HEADERS,
    INFO,
    INFO_ITEMS,
    PART1,
    PART1_TOPICS,
    PROGRAMMES,
    STRATEGIES,
)
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import FONT, FONT_SIZE, HEADER_FILL, openpyxl_default_font
from oplan_xl.write.rowheight import fit_openpyxl_sheet


def write_settings(settings: Settings, path: Path) -> Path:
    """Write *settings* as a settings workbook at *path* (atomically)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    font = Font(name=FONT, size=FONT_SIZE)
    bold = Font(name=FONT, size=FONT_SIZE, bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    workbook = Workbook()
    openpyxl_default_font(workbook)
    workbook.remove(workbook.active)

    def sheet(title: str, rows: list[tuple], widths: tuple[int, ...]):
        ws = workbook.create_sheet(title)
        ws.append(HEADERS[title])
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.font = font
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(widths):
            ws.column_dimensions[column_letter(index)].width = width
        ws.freeze_panes = "A2"
        print_ready(ws)
        return ws

    info_rows = []
    for item in INFO_ITEMS:
        value = getattr(settings, item.attr)
        if item.kind == "yesno":
            value = "ใช่" if value else "ไม่ใช่"
        elif item.kind == "edition":
            # Empty = inferred from the fiscal year, so next year's copy stays right;
            # an edition the officer fixed by hand is kept.
            value = "" if value == infer_edition(settings.fiscal_year) else value
        info_rows.append((item.label, value))
    info = sheet(INFO, info_rows, (34, 60))
    for row, item in enumerate(INFO_ITEMS, 2):
        if item.hint:
            info.cell(row, 1).comment = Comment(item.hint, "oplan")
    for item, choices in (("edition", '"2548,2559,2561"'), ("yesno", '"ใช่,ไม่ใช่"')):
        validation = DataValidation(type="list", formula1=choices, allow_blank=True)
        info.add_data_validation(validation)
        for row, info_item in enumerate(INFO_ITEMS, 2):
            if info_item.kind == item:
                validation.add(f"B{row}")

    numbered = [sheet(STRATEGIES, [(s.number, s.name) for s in settings.strategies], (8, 70)),
                sheet(PROGRAMMES, [(p.order, p.name) for p in settings.programmes], (8, 50))]
    if settings.by_approach or settings.approaches:
        approaches = sheet(APPROACHES, [(a.strategy, int(a.code.split(".")[1]), a.name)
                                        for a in settings.approaches], (12, 8, 60))
        whole_numbers(approaches, "A")  # ลำดับ may be written 1.2: not validated
    numbered.append(sheet(DEPARTMENTS, [(d.order, d.name, d.code)
                                        for d in settings.departments], (8, 40, 16)))
    numbered.append(sheet(EQUIPMENT, [(t.order, t.name) for t in settings.equipment_types],
                          (8, 50)))
    for ws in numbered:
        whole_numbers(ws, "A")
    sheet(DEV_PLAN, [(p.strategy, p.name, _baht_or_blank(p.budget_satang), p.reference)
                     for p in settings.dev_plan], (12, 60, 18, 20))
    sheet(PART1, [(topic, settings.part1.get(topic, "")) for topic in PART1_TOPICS], (34, 100))
    text_stays_text(workbook)
    for ws in workbook.worksheets:
        fit_openpyxl_sheet(ws, FONT_SIZE)
    return write_atomically(path, lambda temp: workbook.save(temp))


def whole_numbers(ws, column: str) -> None:
    """Excel and LibreOffice refuse anything but a whole number from 1 in the column
    as it is typed (reading plan.xlsx checks it again: a pasted value escapes this)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1",
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="ลำดับต้องเป็นตัวเลข",
                                error="ใส่เป็นจำนวนเต็มตั้งแต่ 1 เช่น 1, 2, 3")
    ws.add_data_validation(validation)
    validation.add(f"{column}2:{column}1000")


def print_ready(ws) -> None:
    """A4 landscape, one page wide, the header row on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&A หน้า &P/&N"


def text_stays_text(workbook) -> None:
    """openpyxl turns any string starting with ``=`` into a formula: make every such
    cell text again (nothing we write with openpyxl is meant as a formula), so an
    organisation or strategy named ``=…`` stays that text in Excel."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def _baht_or_blank(satang: int | None):
    return "" if satang is None else satang / 100


