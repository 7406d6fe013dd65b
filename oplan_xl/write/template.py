"""Department input workbooks (SPEC §4) that lead the person filling them in.

``write_template(settings, department, path)`` writes one workbook: an
instructions sheet in plain Thai, the โครงการ and ครุภัณฑ์ input sheets and the
หน่วยงาน sheet, with dropdowns fed from the plan's settings through a hidden
list sheet, input messages, locked headers and print setup.  The columns and
their labels come from ``layout``; this module only adds the guidance.

Why some things are the way they are:

- Dropdown lists point at **defined names** (``strategies`` …), not at
  ``'ตัวเลือก'!$A$2:$A$7``: Excel 2007 refuses a list on another sheet unless it
  goes through a name, and department staff often have an old Excel.
- Sheets are protected **without a password**: protection is there to stop
  accidents (typing over a header, inserting a column), not people.
- Nothing that reads like a header row may appear on the instructions or the
  list sheet, because the reader looks for a table on every sheet when the
  expected one is missing.  The column guide is therefore one row per column.
- Dates inside the file and the zip are fixed, so writing the same settings
  twice gives byte-identical files (and the reference in ``workbook_templates/``
  only changes in git when its content does).

Run ``python -m oplan_xl.write.template --regenerate`` to rewrite the reference
workbook in ``workbook_templates/``; ``tests/test_template.py`` fails when it
drifts from what this module writes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Protection,
    Side,
)
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from oplan_xl.core.layout import (
    DEFAULT_CATEGORY,
    DEPARTMENT_ITEMS,
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    FUND_SOURCES,
    INSTRUCTIONS_SHEET,
    MONTH_KEYS,
    PROJECT_SHEET,
    Column,
    project_columns,
)
from oplan_xl.core.model import MONTHS, MONTHS_IN_PREVIOUS_YEAR, Department, Settings
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.reproducible import fix_times
from oplan_xl.write.settings import text_stays_text

#: The hidden sheet that feeds the dropdowns.
LISTS_SHEET = "ตัวเลือก"
TITLE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3
PROJECT_ROWS = 300
EQUIPMENT_ROWS = 100
#: What the month dropdown offers; the reader accepts any of ACCEPTED_MARKS.
MARK = "✓"
ACCEPTED_MARKS = ("✓", "✔", "/", "x", "X", "*", "1", "●")

#: The reference workbook in workbook_templates/: default settings, a neutral
#: organisation, the fiscal year current when it was made, no department chosen.
REFERENCE_ORG = "องค์กรปกครองส่วนท้องถิ่นตัวอย่าง"
REFERENCE_YEAR = 2570
REFERENCE_FILE = "department-template.xlsx"

FONT_NAME = "TH SarabunPSK"
FONT_SIZE = 16
LINE_HEIGHT = 24  # points per line of 16 pt TH SarabunPSK (as in forms/common)
REQUIRED_FILL = "FCE4D6"  # orange-ish: must be filled in
OPTIONAL_FILL = "DDEBF7"  # blue-ish: may stay empty
GRID = "BFBFBF"
FIXED_TIME = dt.datetime(2000, 1, 1)

# Excel's limits for data-validation texts (characters): longer ones are cut
# off or make Excel report the file as damaged.
PROMPT_TITLE_MAX, PROMPT_MAX, ERROR_MAX = 32, 255, 225


@dataclass(frozen=True)
class Guide:
    """What the person filling in a column is told: a short title, how, an example."""

    title: str
    how: str
    example: str = ""


def template_file_name(department: Department) -> str:
    """``<code>.xlsx``, with characters that no file system accepts replaced by ``-``."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", department.code).strip(" .") + ".xlsx"


# --- Guidance texts ------------------------------------------------------------


def _contact(settings: Settings) -> str:
    unit = settings.responsible_unit or "งานวิเคราะห์นโยบายและแผน (ผู้จัดทำแผนการดำเนินงาน)"
    return f"{unit} {settings.org_name}"


def _example_strategy(settings: Settings) -> str:
    return _strategy_choice(settings.strategies[0]) if settings.strategies else ""


def _strategy_choice(strategy) -> str:
    # "number name": the reader takes the number (normalise.split_numbered) and the
    # dependent แนวทาง list takes everything before the first space.
    return f"{strategy.number} {strategy.name}"


def _example_group(settings: Settings) -> str:
    if settings.by_approach:
        first = settings.strategies[0].number if settings.strategies else None
        approach = next((a for a in settings.approaches if a.strategy == first), None)
        return approach.title if approach else ""
    names = [p.name for p in settings.programmes]
    return "แผนงานเคหะและชุมชน" if "แผนงานเคหะและชุมชน" in names else (names or [""])[0]


def _month_name(index: int, fiscal_year: int) -> str:
    year = fiscal_year - 1 if index < MONTHS_IN_PREVIOUS_YEAR else fiscal_year
    return f"{MONTHS[index]} {year}"


def _project_guides(settings: Settings, department_name: str) -> dict[str, Guide]:
    if settings.by_approach:
        group = Guide("แนวทาง", "เลือกยุทธศาสตร์ในคอลัมน์ A ก่อน แล้วคลิกลูกศรท้ายช่องเพื่อเลือก"
                      "แนวทางการพัฒนาของยุทธศาสตร์นั้น", _example_group(settings))
    else:
        group = Guide("แผนงาน", "คลิกลูกศรท้ายช่องแล้วเลือกแผนงานที่ตั้งงบประมาณโครงการนี้ไว้ "
                      "(ตามข้อบัญญัติ/เทศบัญญัติงบประมาณ)", _example_group(settings))
    guides = {
        "strategy": Guide(settings.group_label or "ยุทธศาสตร์",
                          f"คลิกลูกศรท้ายช่องแล้วเลือก{settings.group_label or 'ยุทธศาสตร์'}"
                          f"ที่โครงการนี้อยู่ตามแผนพัฒนาท้องถิ่น ต้องเลือกทุกแถว",
                          _example_strategy(settings)),
        "group": group,
        "name": Guide("โครงการ", "ชื่อโครงการหรือกิจกรรมตามที่ตั้งงบประมาณไว้ "
                      "1 โครงการต่อ 1 แถว", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"),
        "activity": Guide("รายละเอียดกิจกรรม", "สิ่งที่จะทำและเป้าหมาย เช่น ขนาด จำนวน "
                          "ผู้เข้าร่วม พิมพ์ยาวในช่องเดียวได้ ไม่ต้องต่อลงแถวถัดไป",
                          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 4 เมตร ยาว 200 เมตร "
                          "หนา 0.15 เมตร"),
        "budget": Guide("งบประมาณ (บาท)", "จำนวนเงินเป็นบาท พิมพ์เฉพาะตัวเลข มากกว่า 0 "
                        "มีสตางค์ได้ไม่เกิน 2 ตำแหน่ง ไม่ต้องพิมพ์คำว่า บาท และไม่ใส่สูตร",
                        "485000.50 (จะแสดงเป็น 485,000.50)"),
        "place": Guide("สถานที่ดำเนินการ", "หมู่บ้าน ชุมชน หรือสถานที่ที่ทำโครงการ",
                       "หมู่ที่ 3"),
        "responsible": Guide("หน่วยงานรับผิดชอบหลัก", "เว้นว่างได้ถ้าหน่วยงานของท่านรับผิดชอบเอง "
                             "ถ้ารับผิดชอบร่วมกันให้คั่นด้วย / ถ้าเป็นโครงการของหน่วยงานอื่น"
                             "ในพื้นที่ให้ใส่ชื่อหน่วยงานนั้น", department_name or "กองช่าง"),
        "fund_source": Guide("แหล่งงบประมาณ", "คลิกลูกศรท้ายช่องแล้วเลือกแหล่งเงิน "
                             "ถ้าไม่แน่ใจเว้นว่างได้", FUND_SOURCES[0]),
        "dev_plan_ref": Guide("แผนพัฒนาท้องถิ่น", "ลำดับหรือเลขหน้าของโครงการนี้ใน"
                              f"{settings.plan_kind} เพื่อให้ตรวจย้อนกลับได้ เว้นว่างได้",
                              "หน้า 45 ลำดับที่ 3"),
        "note": Guide("หมายเหตุ", "ข้อความเพิ่มเติม ถ้ามี เว้นว่างได้", ""),
    }
    return guides


def _equipment_guides(settings: Settings, department_name: str) -> dict[str, Guide]:
    return {
        "programme": Guide("แผนงาน", "คลิกลูกศรท้ายช่องแล้วเลือกแผนงานที่ตั้งงบประมาณ"
                           "ครุภัณฑ์นี้ไว้", "แผนงานบริหารงานทั่วไป"),
        "category": Guide("หมวด", f"เว้นว่างได้ โปรแกรมจะใส่ \"{DEFAULT_CATEGORY}\" ให้เอง",
                          DEFAULT_CATEGORY),
        "equipment_type": Guide("ประเภทครุภัณฑ์", "คลิกลูกศรท้ายช่องแล้วเลือกประเภทครุภัณฑ์",
                                "ครุภัณฑ์สำนักงาน"),
        "target": Guide("เป้าหมาย", "ชื่อครุภัณฑ์ ขนาดหรือคุณลักษณะ และจำนวนที่จะจัดซื้อ",
                        "ตู้เหล็กเก็บเอกสาร แบบ 2 บาน จำนวน 2 ตู้"),
        "budget": Guide("งบประมาณ (บาท)", "จำนวนเงินเป็นบาท พิมพ์เฉพาะตัวเลข มากกว่า 0 "
                        "มีสตางค์ได้ไม่เกิน 2 ตำแหน่ง ไม่ต้องพิมพ์คำว่า บาท และไม่ใส่สูตร",
                        "11000"),
        "place": Guide("สถานที่ดำเนินการ", "ที่ที่จะใช้หรือเก็บครุภัณฑ์",
                       f"ที่ทำการ{department_name or 'สำนักปลัด'}"),
        "responsible": Guide("หน่วยงานรับผิดชอบหลัก", "เว้นว่างได้ถ้าหน่วยงานของท่านรับผิดชอบเอง",
                             department_name or "สำนักปลัด"),
        "note": Guide("หมายเหตุ", "ข้อความเพิ่มเติม ถ้ามี เว้นว่างได้", ""),
    }


def _month_guide(index: int, settings: Settings) -> Guide:
    return Guide(f"เดือน {_month_name(index, settings.fiscal_year)}",
                 f"ใส่ {MARK} ถ้าดำเนินการในเดือนนี้ (คลิกลูกศร หรือพิมพ์ x หรือ 1 ก็ได้) "
                 "ต้องมีอย่างน้อย 1 เดือนต่อแถว เว้นว่างถ้าไม่ดำเนินการ")


def _guide(guides: dict[str, Guide], column: Column, settings: Settings) -> Guide:
    if column.key in MONTH_KEYS:
        return _month_guide(MONTH_KEYS.index(column.key), settings)
    return guides[column.key]


# --- Styles ------------------------------------------------------------------

INPUT_STYLE, MONTH_STYLE, MONEY_STYLE = "oplan input", "oplan month", "oplan money"


class _Styles:
    """The few cell styles of the template, built once (openpyxl shares them)."""

    def __init__(self) -> None:
        side = Side(style="thin", color=GRID)
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.font = Font(name=FONT_NAME, size=FONT_SIZE)
        self.bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        self.title = Font(name=FONT_NAME, size=20, bold=True)
        self.heading = Font(name=FONT_NAME, size=18, bold=True)
        self.required = PatternFill("solid", fgColor=REQUIRED_FILL)
        self.optional = PatternFill("solid", fgColor=OPTIONAL_FILL)
        self.year_fill = PatternFill("solid", fgColor="F2F2F2")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="top", wrap_text=True)
        self.header = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="top")
        self.unlocked = Protection(locked=False)
        self.locked = Protection(locked=True)

    def register(self, workbook) -> None:
        """Named styles for the data cells: setting a name on thousands of cells is
        some thirty times faster in openpyxl than setting font, border and the rest."""
        for name, alignment, number_format in ((INPUT_STYLE, self.wrap, "General"),
                                               (MONTH_STYLE, self.center, "General"),
                                               (MONEY_STYLE, self.wrap, "#,##0.00")):
            workbook.add_named_style(NamedStyle(
                name, font=self.font, border=self.border, alignment=alignment,
                number_format=number_format, protection=self.unlocked))


# --- The workbook --------------------------------------------------------------


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
    return write_atomically(path, lambda temp: _save(workbook, temp))


def build_template(settings: Settings, department: Department | None):
    """Return the template as an openpyxl Workbook (not saved)."""
    styles = _Styles()
    workbook = Workbook()
    workbook.remove(workbook.active)
    styles.register(workbook)
    name = department.name if department else ""
    instructions = workbook.create_sheet(INSTRUCTIONS_SHEET)
    projects = workbook.create_sheet(PROJECT_SHEET)
    equipment = None if settings.by_approach else workbook.create_sheet(EQUIPMENT_SHEET)
    info = workbook.create_sheet(DEPARTMENT_SHEET)
    lists = workbook.create_sheet(LISTS_SHEET)

    _write_lists(workbook, lists, settings, styles)
    project_guides = _project_guides(settings, name)
    columns = project_columns(settings.second_level_label)
    _write_table(projects, settings, columns, project_guides, PROJECT_ROWS, styles,
                 _title(f"โครงการ/กิจกรรม ที่จะดำเนินการ ปีงบประมาณ พ.ศ. {settings.fiscal_year}",
                        name))
    equipment_guides = _equipment_guides(settings, name)
    if equipment is not None:
        _write_table(equipment, settings, EQUIPMENT_COLUMNS, equipment_guides, EQUIPMENT_ROWS,
                     styles, _title("ครุภัณฑ์ที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น "
                                    f"ปีงบประมาณ พ.ศ. {settings.fiscal_year}", name))
    _write_department(info, settings, department, styles)
    _write_instructions(instructions, settings, department, columns, project_guides,
                        equipment_guides if equipment is not None else None, styles)
    text_stays_text(workbook)  # a name typed as "=…" in plan.xlsx is no formula here

    # Open on the instructions, with that one sheet selected (two selected
    # sheets would put Excel into group editing).
    workbook.active = 0
    instructions.sheet_view.tabSelected = True
    # The structure lock keeps sheets from being renamed, deleted or unhidden.
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.properties.creator = "oplan-xl"
    workbook.properties.title = f"แบบกรอกแผนการดำเนินงาน {settings.fiscal_year}"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return workbook


def _title(text: str, department_name: str) -> str:
    return f"{text} — {department_name}" if department_name else text


def _save(workbook, path: Path) -> None:
    workbook.save(path)
    fix_times(path, FIXED_TIME)


# --- The hidden list sheet -------------------------------------------------------

#: Defined names of the dropdown lists (ASCII: safe in every Excel and LibreOffice).
STRATEGIES, PROGRAMMES, APPROACHES = "strategies", "programmes", "approaches"
EQUIPMENT_TYPES, FUND_SOURCE_LIST, MARKS, DEPARTMENTS = (
    "equipment_types", "fund_sources", "marks", "departments")


def approach_list_name(strategy_number: int) -> str:
    """The defined name of one strategy's approaches: ``approaches_3``."""
    return f"{APPROACHES}_{strategy_number}"


def _write_lists(workbook, ws, settings: Settings, styles: _Styles) -> None:
    """One column per list; each list gets a defined name the dropdowns use."""
    approaches = sorted(settings.approaches, key=lambda a: (a.strategy or 0, a.order))
    lists = [
        (STRATEGIES, "ตัวเลือกยุทธศาสตร์", [_strategy_choice(s) for s in settings.strategies]),
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
        letter = get_column_letter(index + 1)
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
    _protect(ws)


# --- The input tables -------------------------------------------------------------


def _width(column: Column) -> float:
    if column.key in MONTH_KEYS:
        return 5.5
    return {"strategy": 30, "group": 26, "programme": 24, "name": 32, "activity": 40,
            "target": 36, "budget": 15, "place": 20, "responsible": 20, "category": 13,
            "equipment_type": 24, "fund_source": 24, "dev_plan_ref": 18,
            "note": 18}.get(column.key, 16)


def _lines(text: str, width: float) -> int:
    """How many lines *text* takes in a column *width* wide, erring on the tall side.

    Row heights are set by us (neither Excel nor LibreOffice fits them on
    opening).  Thai wraps only at spaces, and 16 pt TH SarabunPSK is wider than
    the font column widths are measured in, so count on three quarters of the
    width.  Vowels above and below the line and tone marks take no width.  (Kept
    apart from the form writers' estimate on purpose: tuning the printed forms
    must not change the templates.)
    """
    per_line = max(1, int(width * 0.75))
    return sum(max(1, math.ceil(sum(1 for ch in part if unicodedata.category(ch) != "Mn")
                                / per_line))
               for part in text.split("\n"))


def _validation(**kwargs):
    """A DataValidation with its texts cut to Excel's limits."""
    for key, limit in (("promptTitle", PROMPT_TITLE_MAX), ("prompt", PROMPT_MAX),
                       ("errorTitle", PROMPT_TITLE_MAX), ("error", ERROR_MAX)):
        if kwargs.get(key):
            kwargs[key] = kwargs[key][:limit]
    return DataValidation(**kwargs)


def _data_validation(column: Column, guide: Guide, settings: Settings, strategy_cell: str):
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
        return _validation(type="list", formula1=STRATEGIES, **{
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
        return _validation(type="list", formula1=formula, **{**choose, "errorStyle": "warning",
                           "error": "ค่านี้ไม่อยู่ในรายการแนวทางของยุทธศาสตร์ที่เลือก — "
                                    "เลือกยุทธศาสตร์ในคอลัมน์ A ก่อน แล้วเลือกแนวทางจากลูกศร"},
                           **prompt)
    if key in ("group", "programme"):
        return _validation(type="list", formula1=PROGRAMMES, **choose, **prompt)
    if key == "equipment_type":
        return _validation(type="list", formula1=EQUIPMENT_TYPES, **choose, **prompt)
    if key == "fund_source":
        return _validation(type="list", formula1=FUND_SOURCE_LIST, **{
            **choose, "errorStyle": "warning",
            "error": "แหล่งงบประมาณนี้ไม่อยู่ในรายการ — ถ้าแน่ใจให้กด ใช่ (Yes)"}, **prompt)
    if key in MONTH_KEYS:
        # Any visible mark counts, so typing x or 1 must not raise an alert.
        return _validation(type="list", formula1=MARKS, showErrorMessage=False, **prompt)
    if key == "budget":
        return _validation(type="decimal", operator="greaterThan", formula1="0",
                           showErrorMessage=True, errorStyle="warning",
                           errorTitle="ตรวจจำนวนเงิน",
                           error="งบประมาณต้องเป็นตัวเลขมากกว่า 0 (บาท) ไม่ใส่ตัวอักษร "
                                 "ถ้าแน่ใจว่าถูกต้องให้กด ใช่ (Yes)", **prompt)
    return _validation(**prompt)


def _write_table(ws, settings: Settings, columns: tuple[Column, ...],
                 guides: dict[str, Guide], rows: int, styles: _Styles, title: str) -> None:
    last_row = FIRST_DATA_ROW + rows - 1
    ws.cell(TITLE_ROW, 1, title).font = styles.heading
    ws.cell(TITLE_ROW, 1).alignment = styles.left
    ws.row_dimensions[TITLE_ROW].height = 30
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
    strategy_cell = (f"${get_column_letter(keys.index('strategy') + 1)}{FIRST_DATA_ROW}"
                     if "strategy" in keys else "")
    header_lines = 1
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        width = _width(column)
        ws.column_dimensions[letter].width = width
        cell = ws.cell(HEADER_ROW, index, column.label)
        cell.font, cell.alignment, cell.border = styles.bold, styles.header, styles.border
        cell.fill = styles.required if column.required or column.key in MONTH_KEYS \
            else styles.optional
        header_lines = max(header_lines, _lines(column.label, width))
        guide = _guide(guides, column, settings)
        # The header's own message: the same guidance, shown when it is clicked.
        header = _validation(showInputMessage=True, promptTitle=guide.title,
                             prompt=guide.how, allow_blank=True)
        header.add(f"{letter}{HEADER_ROW}")
        ws.add_data_validation(header)
        validation = _data_validation(column, guide, settings, strategy_cell)
        validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        ws.add_data_validation(validation)
        style = (MONTH_STYLE if column.key in MONTH_KEYS
                 else MONEY_STYLE if column.key == "budget" else INPUT_STYLE)
        for row in range(FIRST_DATA_ROW, last_row + 1):
            ws.cell(row, index).style = style
    ws.row_dimensions[HEADER_ROW].height = header_lines * LINE_HEIGHT + 6

    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    _print_setup(ws, f"{TITLE_ROW}:{HEADER_ROW}")
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.sheet_properties.tabColor = "70AD47"
    _protect(ws, allow_rows=True)


def _print_setup(ws, title_rows: str | None = None) -> None:
    # Rows without a height of their own are one 16 pt line tall.  customHeight
    # stays off: LibreOffice then keeps such rows "optimal" and, like Excel,
    # grows them when a long text is typed in.
    ws.sheet_format.defaultRowHeight = LINE_HEIGHT
    ws.sheet_format.customHeight = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "หน้า &P / &N"
    if title_rows:
        ws.print_title_rows = title_rows


def _protect(ws, allow_rows: bool = False) -> None:
    """Protect without a password (see the README), allowing what cannot break the layout."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False  # widen a column
    protection.formatRows = False  # make a row taller
    protection.formatCells = False  # colour or re-format a data cell
    if allow_rows:
        protection.insertRows = False  # more rows than prepared
        protection.deleteRows = False
        protection.sort = False


# --- The หน่วยงาน sheet ------------------------------------------------------------


def _write_department(ws, settings: Settings, department: Department | None,
                      styles: _Styles) -> None:
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
    ws.row_dimensions[1].height = LINE_HEIGHT + 6
    for row, item in enumerate(DEPARTMENT_ITEMS, 2):
        ws.cell(row, 1, item).font = styles.bold
        value = ws.cell(row, 2, values.get(item))
        value.font, value.alignment = styles.font, styles.wrap
        hint = ws.cell(row, 3, hints[item])
        hint.font, hint.alignment = styles.font, styles.wrap
        for col in (1, 2, 3):
            ws.cell(row, col).border = styles.border
        ws.row_dimensions[row].height = max(_lines(hints[item], 48),
                                            _lines(str(values.get(item) or ""), 44)
                                            ) * LINE_HEIGHT + 6
        editable = item not in values or (item == "หน่วยงาน" and department is None)
        value.protection = styles.unlocked if editable else styles.locked
        value.fill = styles.required if editable else styles.year_fill
        if item == "ปีงบประมาณ":
            value.number_format = "0"
            value.alignment = styles.left
        if item == "โทรศัพท์":
            value.number_format = "@"  # keep the leading 0 of a phone number
        if editable:
            validation = (_validation(type="list", formula1=DEPARTMENTS, showErrorMessage=True,
                                      errorStyle="stop", errorTitle="ไม่มีในรายการ",
                                      error="เลือกชื่อหน่วยงานจากลูกศรท้ายช่อง")
                          if item == "หน่วยงาน" else _validation())
            validation.showInputMessage = True
            validation.promptTitle, validation.prompt = item, hints[item]
            validation.add(f"B{row}")
            ws.add_data_validation(validation)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 48
    ws.freeze_panes = "A2"
    _print_setup(ws)
    ws.sheet_properties.tabColor = "70AD47"
    _protect(ws)


# --- The instructions ------------------------------------------------------------

_INSTRUCTION_WIDTHS = (8, 30, 10, 62, 44)  # A: letter, B: header, C: required, D: how, E: example
_TEXT_WIDTH = sum(_INSTRUCTION_WIDTHS[1:])


def _steps(settings: Settings, department: Department | None, has_equipment: bool) -> list[str]:
    who = department.name if department else "หน่วยงานของท่าน"
    steps = [
        f"แผ่นงาน \"{DEPARTMENT_SHEET}\": ตรวจชื่อหน่วยงานและปีงบประมาณ "
        + ("" if department else "(เลือกชื่อหน่วยงานจากลูกศร) ")
        + "แล้วกรอกชื่อผู้กรอกข้อมูลและเบอร์โทรศัพท์ เพื่อให้ผู้จัดทำแผนติดต่อกลับได้",
        f"แผ่นงาน \"{PROJECT_SHEET}\": กรอกโครงการ/กิจกรรมที่{who}จะดำเนินการ "
        f"1 โครงการต่อ 1 แถว เริ่มที่แถว {FIRST_DATA_ROW} (แถวแรกใต้หัวตาราง) เรียงต่อกันไม่ต้อง"
        "เว้นแถว ช่องที่หัวตารางเป็นสีส้มต้องกรอกทุกแถว สีฟ้าเว้นว่างได้ "
        "เมื่อคลิกที่ช่องใดจะมีข้อความบอกวิธีกรอกช่องนั้น",
    ]
    if has_equipment:
        steps.append(
            f"แผ่นงาน \"{EQUIPMENT_SHEET}\": กรอกเฉพาะครุภัณฑ์ที่จัดซื้อโดยไม่ได้อยู่ใน"
            "โครงการพัฒนาท้องถิ่น (ใช้ทำบัญชี ผด.02/1) ถ้าไม่มีให้เว้นว่างไว้ทั้งแผ่น")
    else:
        steps.append(
            f"ระเบียบฉบับ พ.ศ. 2548 ไม่มีบัญชีครุภัณฑ์แยก: การจัดซื้อครุภัณฑ์ให้กรอกเป็น"
            f"โครงการหนึ่งแถวในแผ่นงาน \"{PROJECT_SHEET}\"")
    steps.append(f"บันทึกไฟล์เป็น Excel (.xlsx) แล้วส่งคืนให้{_contact(settings)} "
                 "(เปลี่ยนชื่อไฟล์ได้ โปรแกรมรู้ว่าเป็นของหน่วยงานใดจากแผ่นงาน "
                 f"\"{DEPARTMENT_SHEET}\")")
    return steps


def _month_rules(settings: Settings) -> list[str]:
    year = settings.fiscal_year
    marks = " ".join(ACCEPTED_MARKS)
    return [
        f"ใส่เครื่องหมายในทุกเดือนที่ดำเนินการ: คลิกลูกศรแล้วเลือก {MARK} หรือพิมพ์เครื่องหมาย"
        f"ใดก็ได้ต่อไปนี้ {marks}",
        f"ต.ค. ถึง ธ.ค. คือปี พ.ศ. {year - 1} ส่วน ม.ค. ถึง ก.ย. คือปี พ.ศ. {year} "
        f"(ปีงบประมาณ พ.ศ. {year} เริ่ม 1 ตุลาคม {year - 1})",
        "ทำหลายเดือนติดกัน ให้ใส่เครื่องหมายทุกเดือน ไม่ใช่เฉพาะเดือนแรกกับเดือนสุดท้าย "
        "ทำตลอดปีให้ใส่ครบ 12 เดือน",
        "ช่องว่าง เลข 0 หรือขีด - หมายถึงไม่ได้ดำเนินการในเดือนนั้น "
        "อย่าใช้การระบายสีช่องแทนเครื่องหมาย และอย่าเขียนช่วงเวลาไว้ในช่องรายละเอียดแทน",
    ]


_DONTS = (
    "อย่าเปลี่ยนชื่อหัวตาราง ชื่อแผ่นงาน และอย่าลบแผ่นงาน",
    "อย่าแทรก ลบ หรือย้ายคอลัมน์ ถ้ามีข้อมูลเพิ่มเติมให้เขียนในคอลัมน์ หมายเหตุ",
    "อย่าผสานเซลล์ (Merge) แม้หลายโครงการจะอยู่ยุทธศาสตร์หรือแผนงานเดียวกัน "
    "ให้เลือกซ้ำทุกแถว",
    "อย่าวางรูปภาพ แผนที่ ลายเซ็น หรือกล่องข้อความลงในแผ่นงาน",
    "อย่าใส่แถวรวมยอด แถวหัวข้อกลุ่ม หรือลำดับที่ โปรแกรมจัดกลุ่ม ใส่ลำดับ และรวมยอดให้เอง",
    "อย่าใส่สูตรในช่องงบประมาณ ให้พิมพ์จำนวนเงินลงไปตรง ๆ",
    "อย่าเขียนหลายโครงการในแถวเดียว และอย่าต่อข้อความของโครงการลงแถวถัดไป "
    "(ข้อความยาวจะตัดบรรทัดในช่องเอง ถ้าต้องการขึ้นบรรทัดใหม่ในช่องเดียวกันกด Alt+Enter)",
    "อย่าตั้งรหัสผ่านให้ไฟล์",
)

_TIPS = (
    "ถ้าคัดลอกข้อมูลมาจากไฟล์อื่น ให้วางแบบ \"ค่า\" (คลิกขวา > วางแบบพิเศษ > ค่า) "
    "เพื่อไม่ให้สูตร การผสานเซลล์ หรือรูปแบบของไฟล์เดิมติดมา",
    f"ถ้าแถวไม่พอ ให้คลิกขวาที่หมายเลขแถวในตาราง แล้วเลือก แทรก (แถวที่แทรกจะมีลูกศร"
    f"เลือกเหมือนแถวอื่น) แผ่นงาน โครงการ เตรียมไว้ {PROJECT_ROWS} แถว",
    "หัวตารางและแผ่นงานนี้ถูกป้องกันไว้ (ไม่มีรหัสผ่าน) เพื่อกันการแก้ไขโดยไม่ตั้งใจ "
    "ช่องกรอกข้อมูลแก้ไขได้ตามปกติ",
)


def _write_instructions(ws, settings: Settings, department: Department | None,
                        columns: tuple[Column, ...], project_guides: dict[str, Guide],
                        equipment_guides: dict[str, Guide] | None, styles: _Styles) -> None:
    for index, width in enumerate(_INSTRUCTION_WIDTHS):
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    row = 1

    def line(text: str, font=None, number: str = "", height_lines: int | None = None) -> None:
        """A paragraph in B:E (merged), with an optional number in column A."""
        nonlocal row
        if number:
            cell = ws.cell(row, 1, number)
            cell.font, cell.alignment = styles.font, styles.center
        cell = ws.cell(row, 2, text)
        cell.font, cell.alignment = font or styles.font, styles.wrap
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
        lines = height_lines or _lines(text, _TEXT_WIDTH)
        ws.row_dimensions[row].height = lines * LINE_HEIGHT + (12 if font else 4)
        row += 1

    def heading(text: str) -> None:
        nonlocal row
        row += 1
        line(text, styles.heading)

    title = ws.cell(row, 1, "คำแนะนำการกรอกข้อมูลเพื่อจัดทำแผนการดำเนินงาน ประจำปีงบประมาณ "
                            f"พ.ศ. {settings.fiscal_year}")
    title.font = styles.title
    ws.row_dimensions[row].height = 36
    row += 1
    who = f"{department.name} " if department else ""
    ws.cell(row, 1, f"{who}{settings.org_name}").font = styles.heading
    ws.row_dimensions[row].height = 30
    row += 1

    heading("ไฟล์นี้ใช้ทำอะไร")
    line("ไฟล์นี้ใช้รวบรวมโครงการ/กิจกรรม และครุภัณฑ์ ที่จะดำเนินการในปีงบประมาณ "
         f"พ.ศ. {settings.fiscal_year} เพื่อนำไปจัดทำแผนการดำเนินงาน "
         "(บัญชีสรุปโครงการ ผด.01 บัญชีโครงการ/กิจกรรม/งบประมาณ ผด.02"
         + ("" if settings.by_approach else " และบัญชีครุภัณฑ์ ผด.02/1")
         + ") โปรแกรมจะอ่านข้อมูลจากไฟล์นี้โดยตรงและตรวจความถูกต้องให้ จึงขอให้กรอกในไฟล์นี้"
         "ตามวิธีข้างล่าง ไม่ต้องพิมพ์ตารางขึ้นใหม่")

    heading("ขั้นตอนการกรอก")
    for number, text in enumerate(_steps(settings, department, equipment_guides is not None), 1):
        line(text, number=f"{number}.")

    def column_table(sheet: str, table_columns, guides) -> None:
        nonlocal row
        heading(f"ความหมายของแต่ละคอลัมน์ในแผ่นงาน \"{sheet}\" พร้อมตัวอย่าง 1 แถว")
        for col, text in enumerate(("คอลัมน์", "หัวตาราง", "ต้องกรอก", "วิธีกรอก",
                                    "ตัวอย่าง"), 1):
            cell = ws.cell(row, col, text)
            cell.font, cell.fill = styles.bold, styles.optional
            cell.alignment, cell.border = styles.header, styles.border
        ws.row_dimensions[row].height = LINE_HEIGHT + 6
        row += 1
        months = [i for i, c in enumerate(table_columns) if c.key in MONTH_KEYS]
        for index, column in enumerate(table_columns):
            if column.key in MONTH_KEYS[1:]:
                continue
            if column.key == MONTH_KEYS[0]:
                letters = f"{get_column_letter(months[0] + 1)}–{get_column_letter(months[-1] + 1)}"
                label = f"{MONTHS[0]} ถึง {MONTHS[-1]} (12 คอลัมน์)"
                how = (f"ใส่ {MARK} ในเดือนที่ดำเนินการ อย่างน้อย 1 เดือน "
                       "(ดูหัวข้อ การทำเครื่องหมายเดือน)")
                example = f"{MARK} ที่ ม.ค. ก.พ. และ มี.ค."
                required = "ต้องกรอก"
            else:
                guide = guides[column.key]
                letters, label, how, example = (get_column_letter(index + 1), column.label,
                                                guide.how, guide.example)
                required = "ต้องกรอก" if column.required else "ไม่บังคับ"
            values = (letters, label, required, how, example)
            for col, value in enumerate(values, 1):
                cell = ws.cell(row, col, value)
                cell.font, cell.border = styles.font, styles.border
                cell.alignment = styles.center if col in (1, 3) else styles.wrap
            cell = ws.cell(row, 2)
            cell.fill = styles.required if required == "ต้องกรอก" else styles.optional
            lines = max(_lines(str(value), width)
                        for value, width in zip(values, _INSTRUCTION_WIDTHS, strict=True))
            ws.row_dimensions[row].height = lines * LINE_HEIGHT + 4
            row += 1

    column_table(PROJECT_SHEET, columns, project_guides)
    if equipment_guides is not None:
        column_table(EQUIPMENT_SHEET, EQUIPMENT_COLUMNS, equipment_guides)

    heading("การทำเครื่องหมายเดือน")
    for text in _month_rules(settings):
        line(text, number="•")
    heading("สิ่งที่ไม่ควรทำ (โปรแกรมจะอ่านไฟล์ไม่ได้หรืออ่านผิด)")
    for text in _DONTS:
        line(text, number="✗")
    heading("เคล็ดลับ")
    for text in _TIPS:
        line(text, number="•")
    heading("ติดต่อสอบถาม")
    line(f"มีข้อสงสัยหรือรายการในลูกศรไม่ครบ ติดต่อ{_contact(settings)}")

    ws.sheet_view.showGridLines = False
    _print_setup(ws)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.sheet_properties.tabColor = "ED7D31"
    _protect(ws)


# --- The reference workbook ------------------------------------------------------


def reference_settings() -> Settings:
    """The default settings the reference workbook in workbook_templates/ is made from."""
    from oplan_xl.core.settings_layout import default_settings

    return default_settings(REFERENCE_ORG, REFERENCE_YEAR)


def write_reference(folder: Path) -> Path:
    """Write the reference workbook (no department chosen) into *folder*."""
    return write_template(reference_settings(), None, folder / REFERENCE_FILE)


def reference_dir() -> Path:
    """``workbook_templates/`` of the source tree."""
    return Path(__file__).resolve().parents[2] / "workbook_templates"


def main(argv: list[str] | None = None) -> int:
    """``python -m oplan_xl.write.template --regenerate [--out DIR]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m oplan_xl.write.template",
                                     description="Rewrite the reference department workbook.")
    parser.add_argument("--regenerate", action="store_true", required=True,
                        help="write workbook_templates/" + REFERENCE_FILE)
    parser.add_argument("--out", type=Path, default=None,
                        help="folder to write into (default: workbook_templates/)")
    args = parser.parse_args(argv)
    path = write_reference(args.out or reference_dir())
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
