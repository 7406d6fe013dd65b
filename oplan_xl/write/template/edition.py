"""An edition's input workbook: the department template with the edition's columns.

เพิ่มเติม: the standard template, its title naming the edition (new rows only).
เปลี่ยนแปลง / แก้ไข: the same, with the department's current rows filled in and
three more columns after the standard ones (``core.layout.EDITION_COLUMNS``):

- รหัสแถว (ห้ามแก้): the row's id, grey and **locked** (the sheet is protected, as
  every template sheet is; every other input cell stays unlocked), so the row
  keeps its identity whatever else is edited;
- สถานะ: คงเดิม / แก้ไข / ยกเลิก from a dropdown, คงเดิม filled in;
- เหตุผลความจำเป็น: why, for each row changed, cancelled or added.

A new row is typed on an empty line below, its id left blank.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

from openpyxl.styles import PatternFill, Protection

from oplan_xl.core.cells import column_letter
from oplan_xl.core.layout import (
    EDITION_COLUMNS,
    EQUIPMENT_SHEET,
    MONTH_KEYS,
    PROJECT_SHEET,
    STATUS_KEEP,
    STATUSES,
)
from oplan_xl.core.model import Department, EquipmentRow, ProjectRow, Settings
from oplan_xl.write import reproducible
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import FONT_SIZE
from oplan_xl.write.rowheight import fit_openpyxl_sheet
from oplan_xl.write.template.guides import MARK, strategy_choice
from oplan_xl.write.template.style import INPUT_STYLE, MONEY_STYLE, MONTH_STYLE, new_validation
from oplan_xl.write.template.tables import FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW
from oplan_xl.write.template.workbook import build_template

#: The locked id column's fill: grey, as the template's other cells not to edit.
LOCKED_FILL = "D9D9D9"
#: Empty lines left under the filled rows for new ones.
SPARE_ROWS = 100


def write_edition_template(settings: Settings, department: Department, title: str,
                           rows: list[tuple[str, ProjectRow | EquipmentRow]] | None,
                           path: Path) -> Path:
    """Write *department*'s input workbook for an edition named *title*.

    *rows*: (row id, row) of the department's current rows, for a เปลี่ยนแปลง /
    แก้ไข edition; None for a เพิ่มเติม one (the standard template).
    """
    workbook = build_template(settings, department)
    for ws in (workbook[name] for name in (PROJECT_SHEET, EQUIPMENT_SHEET)
               if name in workbook.sheetnames):
        ws.cell(TITLE_ROW, 1).value = f"{title} — {ws.cell(TITLE_ROW, 1).value}"
        if rows is None:
            continue
        kind = ProjectRow if ws.title == PROJECT_SHEET else EquipmentRow
        mine = [(row_id, row) for row_id, row in rows if isinstance(row, kind)]
        _edition_columns(ws, settings, mine)
        fit_openpyxl_sheet(ws, FONT_SIZE)
    return write_atomically(path, lambda temp: reproducible.save(workbook, temp))


def _edition_columns(ws, settings: Settings, rows) -> None:
    """Fill *rows* in from the first data row, then add the three edition columns."""
    header = {ws.cell(HEADER_ROW, col).value: col for col in range(1, ws.max_column + 1)}
    keys = _keys(ws, settings)
    for number, (_, row) in enumerate(rows, FIRST_DATA_ROW):
        for key, value in _cells(row, settings).items():
            if key in keys:
                ws.cell(number, keys[key], value)
    first = len(header) + 1
    last_row = max(ws.max_row, FIRST_DATA_ROW + len(rows) + SPARE_ROWS)
    locked = PatternFill("solid", fgColor=LOCKED_FILL)
    for offset, column in enumerate(EDITION_COLUMNS):
        col = first + offset
        letter = column_letter(col - 1)
        head = ws.cell(HEADER_ROW, col, column.label)
        source = ws.cell(HEADER_ROW, first - 1)
        head.font, head.alignment, head.border = (copy(source.font), copy(source.alignment),
                                                  copy(source.border))
        head.fill = locked if column.key == "row_id" else copy(source.fill)
        ws.column_dimensions[letter].width = {"row_id": 18, "status": 12}.get(column.key, 36)
        for number in range(FIRST_DATA_ROW, last_row + 1):
            cell = ws.cell(number, col)
            cell.style = INPUT_STYLE
            if column.key == "row_id":
                cell.protection = Protection(locked=True)
                cell.fill = locked
        if column.key == "status":
            choose = new_validation(type="list", formula1='"' + ",".join(STATUSES) + '"',
                                    showErrorMessage=True, errorStyle="stop",
                                    errorTitle="ไม่มีในรายการ",
                                    error="เลือก " + " / ".join(STATUSES), showInputMessage=True,
                                    promptTitle="สถานะของแถว",
                                    prompt="คงเดิม: ไม่เปลี่ยน  แก้ไข: เปลี่ยนค่าในแถวนี้  "
                                           "ยกเลิก: ไม่ทำโครงการนี้แล้ว (แถวใหม่ปล่อยว่างได้)")
            choose.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
            ws.add_data_validation(choose)
        if column.key == "reason":
            why = new_validation(showInputMessage=True, promptTitle="เหตุผลความจำเป็น",
                                 prompt="ต้องกรอกทุกแถวที่แก้ไข ยกเลิก หรือเพิ่มใหม่")
            why.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
            ws.add_data_validation(why)
    for number, (row_id, _) in enumerate(rows, FIRST_DATA_ROW):
        ws.cell(number, first, row_id)
        ws.cell(number, first + 1, STATUS_KEEP)
    # Data cells below the template's own prepared rows, for the rows filled in.
    for number in range(FIRST_DATA_ROW, last_row + 1):
        for key, col in keys.items():
            if ws.cell(number, col).style == "Normal":
                ws.cell(number, col).style = (MONTH_STYLE if key in MONTH_KEYS else
                                              MONEY_STYLE if key == "budget" else INPUT_STYLE)


def _keys(ws, settings: Settings) -> dict[str, int]:
    """Column key → 1-based column of the sheet's standard header."""
    from oplan_xl.core.layout import EQUIPMENT_COLUMNS, project_columns

    columns = project_columns(settings.second_level_label) if ws.title == PROJECT_SHEET \
        else EQUIPMENT_COLUMNS
    return {column.key: index for index, column in enumerate(columns, 1)}


def _cells(row: ProjectRow | EquipmentRow, settings: Settings) -> dict[str, object]:
    """A current row's values as its department types them in the template."""
    months = {key: MARK for key, marked in zip(MONTH_KEYS, row.months, strict=True) if marked}
    budget = row.budget_satang / 100
    if isinstance(row, ProjectRow):
        group = row.group.title if settings.by_approach else row.group.name
        return {"strategy": strategy_choice(row.strategy), "group": group, "name": row.name,
                "activity": row.activity, "budget": budget, "place": row.place,
                "responsible": row.responsible, **months, "fund_source": row.fund_source or None,
                "dev_plan_ref": row.dev_plan_ref or None, "note": row.note or None}
    return {"programme": row.programme.name, "category": row.category,
            "equipment_type": row.equipment_type.name, "target": row.target,
            "budget": budget, "place": row.place, "responsible": row.responsible,
            **months, "note": row.note or None}
