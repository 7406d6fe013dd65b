"""A department's input workbook with rows already in it: what ``oplan template``
writes, filled in as the department would have typed it (``oplan import``).

The values go into the template's own columns (found by key, as the reader
finds them by label) in the form its dropdowns offer: a strategy as
``number name``, a programme by its name, an approach as ``code name``, a month
as ✓, a budget as a number of baht.  Read back, each row gives the same plan
row it was made from.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.layout import (
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    MONTH_KEYS,
    PROJECT_SHEET,
    project_columns,
)
from oplan_xl.core.model import SATANG_PER_BAHT, Department, EquipmentRow, ProjectRow, Settings
from oplan_xl.write import reproducible
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import FONT_SIZE
from oplan_xl.write.rowheight import fit_openpyxl_sheet
from oplan_xl.write.settings import text_stays_text
from oplan_xl.write.template.guides import MARK, strategy_choice
from oplan_xl.write.template.tables import FIRST_DATA_ROW
from oplan_xl.write.template.workbook import build_template


def baht_value(satang: int) -> int | float:
    """A budget as the number a person types: whole baht as an integer, else the
    float whose shortest form is the amount (1234.5 for 123450 satang)."""
    whole, part = divmod(satang, SATANG_PER_BAHT)
    return whole if not part else satang / SATANG_PER_BAHT


def project_values(settings: Settings, row: ProjectRow) -> dict[str, object]:
    values = {"strategy": strategy_choice(row.strategy),
              "group": row.group.title if settings.by_approach else row.group.name,
              "name": row.name, "activity": row.activity,
              "budget": baht_value(row.budget_satang), "place": row.place,
              "responsible": row.responsible, "fund_source": row.fund_source,
              "dev_plan_ref": row.dev_plan_ref, "note": row.note}
    values.update(_months(row.months))
    return values


def equipment_values(row: EquipmentRow) -> dict[str, object]:
    values = {"programme": row.programme.name, "category": row.category,
              "equipment_type": row.equipment_type.name, "target": row.target,
              "budget": baht_value(row.budget_satang), "place": row.place,
              "responsible": row.responsible, "note": row.note}
    values.update(_months(row.months))
    return values


def _months(months: tuple[bool, ...]) -> dict[str, str]:
    return {key: MARK for key, marked in zip(MONTH_KEYS, months, strict=True) if marked}


def write_filled_template(settings: Settings, department: Department, path: Path,
                          projects: list[ProjectRow], equipment: list[EquipmentRow]) -> Path:
    """Write *department*'s input workbook to *path* (atomically) with *projects*
    on its โครงการ sheet and *equipment* on its ครุภัณฑ์ sheet, from the first
    data row down, in the order given."""
    workbook = build_template(settings, department)
    tables = [(PROJECT_SHEET, project_columns(settings.second_level_label),
               [project_values(settings, row) for row in projects])]
    if EQUIPMENT_SHEET in workbook.sheetnames:
        tables.append((EQUIPMENT_SHEET, EQUIPMENT_COLUMNS,
                       [equipment_values(row) for row in equipment]))
    for title, columns, rows in tables:
        ws = workbook[title]
        position = {column.key: index for index, column in enumerate(columns, 1)}
        for offset, values in enumerate(rows):
            for key, value in values.items():
                if value not in ("", None):
                    ws.cell(FIRST_DATA_ROW + offset, position[key]).value = value
        if rows:
            fit_openpyxl_sheet(ws, FONT_SIZE)
    text_stays_text(workbook)  # a project named "=…" in the source stays that text
    return write_atomically(path, lambda temp: reproducible.save(workbook, temp))
