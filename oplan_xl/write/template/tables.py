"""The input sheets: the โครงการ and ครุภัณฑ์ tables and the หน่วยงาน sheet."""

from __future__ import annotations

from openpyxl.worksheet.properties import PageSetupProperties

from oplan_xl.core.cells import column_letter
from oplan_xl.core.layout import DEPARTMENT_ITEMS, MONTH_KEYS, Column
from oplan_xl.core.model import MONTHS_IN_PREVIOUS_YEAR, Department, Settings
from oplan_xl.write.template.guides import Guide, guide_for
from oplan_xl.write.template.lists import DEPARTMENTS, data_validation
from oplan_xl.write.template.style import (
    INPUT_STYLE,
    MONEY_STYLE,
    MONTH_STYLE,
    Styles,
    new_validation,
    print_setup,
    protect,
)

TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
PROJECT_ROWS = 300
EQUIPMENT_ROWS = 100


def _width(column: Column) -> float:
    if column.key in MONTH_KEYS:
        return 5.5
    return {"strategy": 30, "group": 26, "programme": 24, "name": 32, "activity": 40,
            "target": 36, "budget": 15, "place": 20, "responsible": 20, "category": 13,
            "equipment_type": 24, "fund_source": 24, "dev_plan_ref": 18,
            "note": 18}.get(column.key, 16)


def write_table(ws, settings: Settings, columns: tuple[Column, ...],
                guides: dict[str, Guide], rows: int, styles: Styles, title: str) -> None:
    last_row = FIRST_DATA_ROW + rows - 1
    ws.cell(TITLE_ROW, 1, title).font = styles.heading
    ws.cell(TITLE_ROW, 1).alignment = styles.left
    months = [index for index, c in enumerate(columns, 1) if c.key in MONTH_KEYS]
    # The two Buddhist-era years over the month columns, as on the printed form.
    for first, last, year in ((months[0], months[MONTHS_IN_PREVIOUS_YEAR - 1],
                               settings.fiscal_year - 1),
                              (months[MONTHS_IN_PREVIOUS_YEAR], months[-1],
                               settings.fiscal_year)):
        cell = ws.cell(TITLE_ROW, first, f"พ.ศ. {year}")
        for col in range(first, last + 1):
            ws.cell(TITLE_ROW, col).fill = styles.year_fill
            ws.cell(TITLE_ROW, col).border = styles.border
        cell.font, cell.alignment = styles.bold, styles.header
        ws.merge_cells(start_row=TITLE_ROW, start_column=first, end_row=TITLE_ROW,
                       end_column=last)

    keys = [c.key for c in columns]
    strategy_cell = (f"${column_letter(keys.index('strategy'))}{FIRST_DATA_ROW}"
                     if "strategy" in keys else "")
    for index, column in enumerate(columns, 1):
        letter = column_letter(index - 1)
        width = _width(column)
        ws.column_dimensions[letter].width = width
        cell = ws.cell(HEADER_ROW, index, column.label)
        cell.font, cell.alignment, cell.border = styles.bold, styles.header, styles.border
        cell.fill = styles.required if column.required or column.key in MONTH_KEYS \
            else styles.optional
        guide = guide_for(guides, column, settings)
        # The header's own message: the same guidance, shown when it is clicked.
        header = new_validation(showInputMessage=True, promptTitle=guide.title,
                             prompt=guide.how, allow_blank=True)
        header.add(f"{letter}{HEADER_ROW}")
        ws.add_data_validation(header)
        validation = data_validation(column, guide, settings, strategy_cell)
        validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        ws.add_data_validation(validation)
        style = (MONTH_STYLE if column.key in MONTH_KEYS
                 else MONEY_STYLE if column.key == "budget" else INPUT_STYLE)
        for row in range(FIRST_DATA_ROW, last_row + 1):
            ws.cell(row, index).style = style

    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    print_setup(ws, f"{TITLE_ROW}:{HEADER_ROW}")
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.sheet_properties.tabColor = "70AD47"
    protect(ws, allow_rows=True)


def write_department(ws, settings: Settings, department: Department | None,
                     styles: Styles) -> None:
    """``รายการ | ค่า`` (the reader's layout) plus a third column of hints."""
    hints = {
        "หน่วยงาน": "ตั้งไว้ให้แล้ว ถ้าไม่ถูกต้องให้ติดต่อผู้จัดทำแผน" if department
        else "คลิกลูกศรแล้วเลือกชื่อหน่วยงานของท่าน",
        "ปีงบประมาณ": "ตั้งไว้ให้แล้ว",
        "ผู้กรอกข้อมูล": "ชื่อ-นามสกุล และตำแหน่ง ของผู้กรอก",
        "โทรศัพท์": "เบอร์ที่ติดต่อกลับได้",
    }
    values = {"หน่วยงาน": department.name if department else None,
              "ปีงบประมาณ": settings.fiscal_year}
    for col, label in enumerate(("รายการ", "ค่า", "คำอธิบาย"), 1):
        cell = ws.cell(1, col, label)
        cell.font, cell.fill, cell.border = styles.bold, styles.optional, styles.border
        cell.alignment = styles.header
    for row, item in enumerate(DEPARTMENT_ITEMS, 2):
        ws.cell(row, 1, item).font = styles.bold
        value = ws.cell(row, 2, values.get(item))
        value.font, value.alignment = styles.font, styles.wrap
        hint = ws.cell(row, 3, hints[item])
        hint.font, hint.alignment = styles.font, styles.wrap
        for col in (1, 2, 3):
            ws.cell(row, col).border = styles.border
        editable = item not in values or (item == "หน่วยงาน" and department is None)
        value.protection = styles.unlocked if editable else styles.locked
        value.fill = styles.required if editable else styles.year_fill
        if item == "ปีงบประมาณ":
            value.number_format = "0"
            value.alignment = styles.left
        if item == "โทรศัพท์":
            value.number_format = "@"  # keep the leading 0 of a phone number
        if editable:
            validation = (new_validation(type="list", formula1=DEPARTMENTS,
                                         showErrorMessage=True, errorStyle="stop",
                                         errorTitle="ไม่มีในรายการ",
                                         error="เลือกชื่อหน่วยงานจากลูกศรท้ายช่อง")
                          if item == "หน่วยงาน" else new_validation())
            validation.showInputMessage = True
            validation.promptTitle, validation.prompt = item, hints[item]
            validation.add(f"B{row}")
            ws.add_data_validation(validation)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 48
    ws.freeze_panes = "A2"
    print_setup(ws)
    ws.sheet_properties.tabColor = "70AD47"
    protect(ws)
