"""One department's input workbook, assembled from its sheets."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.protection import WorkbookProtection

from oplan_xl.core.layout import (
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    INSTRUCTIONS_SHEET,
    PROJECT_SHEET,
    project_columns,
)
from oplan_xl.core.model import Department, Settings
from oplan_xl.write import reproducible
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import FONT_SIZE, openpyxl_default_font, set_openpyxl_properties
from oplan_xl.write.rowheight import fit_openpyxl_sheet
from oplan_xl.write.settings import text_stays_text
from oplan_xl.write.template.guides import equipment_guides, project_guides
from oplan_xl.write.template.instructions import write_instructions
from oplan_xl.write.template.lists import LISTS_SHEET, write_lists
from oplan_xl.write.template.style import Styles
from oplan_xl.write.template.tables import (
    EQUIPMENT_ROWS,
    PROJECT_ROWS,
    write_department,
    write_table,
)


def template_file_name(department: Department) -> str:
    """``<code>.xlsx``, with characters that no file system accepts replaced by ``-``."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", department.code).strip(" .") + ".xlsx"


def write_template(settings: Settings, department: Department | None, path: Path) -> Path:
    """Write the input workbook for *department* (None: a blank one with a dropdown).

    Args:
        settings: the plan's settings; strategies, programmes (or approaches),
            equipment types and departments feed the dropdowns.
        department: pre-filled on the หน่วยงาน sheet and in the titles; None
            leaves the department to be chosen from a dropdown.
        path: where to write the ``.xlsx`` (atomically).

    Returns:
        *path*.
    """
    workbook = build_template(settings, department)
    return write_atomically(path, lambda temp: reproducible.save(workbook, temp))


def build_template(settings: Settings, department: Department | None):
    """Return the template as an openpyxl Workbook (not saved)."""
    styles = Styles()
    workbook = Workbook()
    openpyxl_default_font(workbook)
    workbook.remove(workbook.active)
    styles.register(workbook)
    name = department.name if department else ""
    instructions = workbook.create_sheet(INSTRUCTIONS_SHEET)
    projects = workbook.create_sheet(PROJECT_SHEET)
    equipment = None if settings.by_approach else workbook.create_sheet(EQUIPMENT_SHEET)
    info = workbook.create_sheet(DEPARTMENT_SHEET)
    lists = workbook.create_sheet(LISTS_SHEET)

    write_lists(workbook, lists, settings, styles)
    projects_guides = project_guides(settings, name)
    columns = project_columns(settings.second_level_label)
    write_table(projects, settings, columns, projects_guides, PROJECT_ROWS, styles,
                _title(f"โครงการ/กิจกรรม ที่จะดำเนินการ ปีงบประมาณ พ.ศ. {settings.fiscal_year}",
                       name))
    equipment_sheet_guides = equipment_guides(settings, name)
    if equipment is not None:
        write_table(equipment, settings, EQUIPMENT_COLUMNS, equipment_sheet_guides,
                    EQUIPMENT_ROWS, styles,
                    _title("ครุภัณฑ์ที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น "
                           f"ปีงบประมาณ พ.ศ. {settings.fiscal_year}", name))
    write_department(info, settings, department, styles)
    write_instructions(instructions, settings, department, columns, projects_guides,
                       equipment_sheet_guides if equipment is not None else None, styles)
    text_stays_text(workbook)  # a name typed as "=…" in plan.xlsx is no formula here
    for ws in workbook.worksheets:
        fit_openpyxl_sheet(ws, FONT_SIZE)

    # Open on the instructions, with that one sheet selected (two selected
    # sheets would put Excel into group editing).
    workbook.active = 0
    instructions.sheet_view.tabSelected = True
    # The structure lock keeps sheets from being renamed, deleted or unhidden.
    workbook.security = WorkbookProtection(lockStructure=True)
    set_openpyxl_properties(workbook, title=f"แบบกรอกแผนการดำเนินงาน {settings.fiscal_year}")
    return workbook


def _title(text: str, department_name: str) -> str:
    return f"{text} — {department_name}" if department_name else text
