"""The hidden list sheet that feeds the dropdowns, and each column's validation.

Dropdown lists point at **defined names** (``strategies`` …), not at
``'ตัวเลือก'!$A$2:$A$7``: Excel 2007 refuses a list on another sheet unless it
goes through a name, and department staff often have an old Excel.
"""

from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName

from oplan_xl.core.cells import column_letter
from oplan_xl.core.layout import FUND_SOURCES, MONTH_KEYS, Column
from oplan_xl.core.model import Settings
from oplan_xl.write.template.guides import MARK, Guide, strategy_choice
from oplan_xl.write.template.style import Styles, new_validation, protect

#: The hidden sheet that feeds the dropdowns.
LISTS_SHEET = "ตัวเลือก"

#: Defined names of the dropdown lists (ASCII: safe in every Excel and LibreOffice).
STRATEGIES, PROGRAMMES, APPROACHES = "strategies", "programmes", "approaches"
EQUIPMENT_TYPES, FUND_SOURCE_LIST, MARKS, DEPARTMENTS = (
    "equipment_types", "fund_sources", "marks", "departments")


def approach_list_name(strategy_number: int) -> str:
    """The defined name of one strategy's approaches: ``approaches_3``."""
    return f"{APPROACHES}_{strategy_number}"


def write_lists(workbook, ws, settings: Settings, styles: Styles) -> None:
    """One column per list; each list gets a defined name the dropdowns use."""
    approaches = sorted(settings.approaches, key=lambda a: (a.strategy or 0, a.order))
    lists = [
        (STRATEGIES, "ตัวเลือกยุทธศาสตร์", [strategy_choice(s) for s in settings.strategies]),
        (PROGRAMMES, "ตัวเลือกแผนงาน", [p.name for p in settings.programmes]),
        (APPROACHES, "ตัวเลือกแนวทาง", [a.title for a in approaches]),
        (EQUIPMENT_TYPES, "ตัวเลือกประเภทครุภัณฑ์", [t.name for t in settings.equipment_types]),
        (FUND_SOURCE_LIST, "ตัวเลือกแหล่งงบประมาณ", list(FUND_SOURCES)),
        (MARKS, "ตัวเลือกเครื่องหมายเดือน", [MARK]),
        (DEPARTMENTS, "ตัวเลือกหน่วยงาน", [d.name for d in settings.departments]),
    ]
    quoted = f"'{LISTS_SHEET}'"

    def define(name: str, letter: str, first: int, last: int) -> None:
        workbook.defined_names[name] = DefinedName(
            name, attr_text=f"{quoted}!${letter}${first}:${letter}${last}")

    for index, (name, heading, values) in enumerate(lists):
        letter = column_letter(index)
        ws.cell(1, index + 1, heading).font = styles.bold
        for row, value in enumerate(values, 2):
            ws.cell(row, index + 1, value).font = styles.font
        if values and name != APPROACHES:  # approaches: one name per strategy, below
            define(name, letter, 2, len(values) + 1)
        ws.column_dimensions[letter].width = 40
        if name == APPROACHES:
            # A contiguous slice per strategy, for the dependent แนวทาง dropdown.
            for strategy in settings.strategies:
                rows = [row for row, a in enumerate(approaches, 2) if a.strategy == strategy.number]
                if rows:
                    define(approach_list_name(strategy.number), letter, rows[0], rows[-1])
    ws.sheet_state = "hidden"
    protect(ws)


def data_validation(column: Column, guide: Guide, settings: Settings, strategy_cell: str):
    """The validation of one column's data cells: its dropdown or check and its message."""
    prompt = {"showInputMessage": True, "promptTitle": guide.title, "prompt": guide.how,
              "allow_blank": True}
    key = column.key
    choose = {"showErrorMessage": True, "errorStyle": "stop", "errorTitle": "ไม่มีในรายการ",
              "error": "ค่านี้ไม่อยู่ในรายการ — คลิกลูกศรท้ายช่องแล้วเลือกจากรายการ "
                       "(ถ้ารายการไม่มีสิ่งที่ต้องการ ให้ติดต่อผู้จัดทำแผน)"}
    if key == "strategy":
        # A warning: the reader takes a bare strategy number ("1") as well as
        # the listed text, so typing the number must stay possible.
        return new_validation(type="list", formula1=STRATEGIES, **{
            **choose, "errorStyle": "warning",
            "error": "ค่านี้ไม่ตรงกับรายการยุทธศาสตร์ — ถ้าพิมพ์เฉพาะเลขยุทธศาสตร์ (เช่น 1) "
                     "กด ใช่ (Yes) ได้ ถ้าไม่ใช่ ให้คลิกลูกศรท้ายช่องแล้วเลือกจากรายการ"}, **prompt)
    if key == "group" and settings.by_approach:
        # Dependent list: the approaches of the strategy chosen in column A, found
        # through the defined name approaches_<number>.  *strategy_cell* is the
        # first data row's strategy cell, column absolute and row relative.  A warning, not a stop:
        # while column A is empty the list is empty and typing must stay possible.
        formula = (f'INDIRECT("{APPROACHES}_"&LEFT({strategy_cell},'
                   f'FIND(" ",{strategy_cell}&" ")-1))')
        return new_validation(type="list", formula1=formula, **{
            **choose, "errorStyle": "warning",
            "error": "ค่านี้ไม่อยู่ในรายการแนวทางของยุทธศาสตร์ที่เลือก — "
                     "เลือกยุทธศาสตร์ในคอลัมน์ A ก่อน แล้วเลือกแนวทางจากลูกศร"}, **prompt)
    if key in ("group", "programme"):
        return new_validation(type="list", formula1=PROGRAMMES, **choose, **prompt)
    if key == "equipment_type":
        return new_validation(type="list", formula1=EQUIPMENT_TYPES, **choose, **prompt)
    if key == "fund_source":
        return new_validation(type="list", formula1=FUND_SOURCE_LIST, **{
            **choose, "errorStyle": "warning",
            "error": "แหล่งงบประมาณนี้ไม่อยู่ในรายการ — ถ้าแน่ใจให้กด ใช่ (Yes)"}, **prompt)
    if key in MONTH_KEYS:
        # Any visible mark counts, so typing x or 1 must not raise an alert.
        return new_validation(type="list", formula1=MARKS, showErrorMessage=False, **prompt)
    if key == "budget":
        return new_validation(type="decimal", operator="greaterThan", formula1="0",
                              showErrorMessage=True, errorStyle="warning",
                              errorTitle="ตรวจจำนวนเงิน",
                              error="งบประมาณต้องเป็นตัวเลขมากกว่า 0 (บาท) ไม่ใส่ตัวอักษร "
                                    "ถ้าแน่ใจว่าถูกต้องให้กด ใช่ (Yes)", **prompt)
    return new_validation(**prompt)
