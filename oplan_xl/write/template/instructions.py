"""The instructions sheet: what the file is for, the steps, every column with an
example, the month marks, what not to do, tips and whom to ask.

Nothing on it may read like a header row: the reader looks for a table on every
sheet when the expected one is missing.  The column guide is therefore one row
per column.
"""

from __future__ import annotations

from openpyxl.worksheet.properties import PageSetupProperties

from oplan_xl.core.cells import column_letter
from oplan_xl.core.layout import (
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    MONTH_KEYS,
    PROJECT_SHEET,
    Column,
)
from oplan_xl.core.model import MONTHS, Department, Settings
from oplan_xl.write.template.guides import ACCEPTED_MARKS, MARK, Guide, contact
from oplan_xl.write.template.style import Styles, print_setup, protect
from oplan_xl.write.template.tables import FIRST_DATA_ROW, PROJECT_ROWS

_INSTRUCTION_WIDTHS = (8, 30, 10, 62, 44)  # A: letter, B: header, C: required, D: how, E: example


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
    steps.append(f"บันทึกไฟล์เป็น Excel (.xlsx) แล้วส่งคืนให้{contact(settings)} "
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


def write_instructions(ws, settings: Settings, department: Department | None,
                       columns: tuple[Column, ...], project_guides: dict[str, Guide],
                       equipment_guides: dict[str, Guide] | None, styles: Styles) -> None:
    """The instructions sheet, top to bottom; *equipment_guides* is None when the
    edition has no ครุภัณฑ์ sheet."""
    page = _Page(ws, styles)
    page.title(settings, department)
    page.heading("ไฟล์นี้ใช้ทำอะไร")
    page.line(_purpose(settings))
    page.heading("ขั้นตอนการกรอก")
    for number, text in enumerate(_steps(settings, department, equipment_guides is not None), 1):
        page.line(text, number=f"{number}.")
    page.column_table(PROJECT_SHEET, columns, project_guides)
    if equipment_guides is not None:
        page.column_table(EQUIPMENT_SHEET, EQUIPMENT_COLUMNS, equipment_guides)
    page.heading("การทำเครื่องหมายเดือน")
    for text in _month_rules(settings):
        page.line(text, number="•")
    page.heading("สิ่งที่ไม่ควรทำ (โปรแกรมจะอ่านไฟล์ไม่ได้หรืออ่านผิด)")
    for text in _DONTS:
        page.line(text, number="✗")
    page.heading("เคล็ดลับ")
    for text in _TIPS:
        page.line(text, number="•")
    page.heading("ติดต่อสอบถาม")
    page.line(f"มีข้อสงสัยหรือรายการในลูกศรไม่ครบ ติดต่อ{contact(settings)}")

    ws.sheet_view.showGridLines = False
    print_setup(ws)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.sheet_properties.tabColor = "ED7D31"
    protect(ws)


def _purpose(settings: Settings) -> str:
    return ("ไฟล์นี้ใช้รวบรวมโครงการ/กิจกรรม และครุภัณฑ์ ที่จะดำเนินการในปีงบประมาณ "
            f"พ.ศ. {settings.fiscal_year} เพื่อนำไปจัดทำแผนการดำเนินงาน "
            "(บัญชีสรุปโครงการ ผด.01 บัญชีโครงการ/กิจกรรม/งบประมาณ ผด.02"
            + ("" if settings.by_approach else " และบัญชีครุภัณฑ์ ผด.02/1")
            + ") โปรแกรมจะอ่านข้อมูลจากไฟล์นี้โดยตรงและตรวจความถูกต้องให้ จึงขอให้กรอกในไฟล์นี้"
            "ตามวิธีข้างล่าง ไม่ต้องพิมพ์ตารางขึ้นใหม่")


def _column_guide(table_columns: tuple[Column, ...], guides: dict[str, Guide]):
    """``(letters, header, required, how, example)`` for each column of a table,
    the twelve month columns as one."""
    months = [i for i, c in enumerate(table_columns) if c.key in MONTH_KEYS]
    for index, column in enumerate(table_columns):
        if column.key in MONTH_KEYS[1:]:
            continue
        if column.key == MONTH_KEYS[0]:
            yield (f"{column_letter(months[0])}–{column_letter(months[-1])}",
                   f"{MONTHS[0]} ถึง {MONTHS[-1]} (12 คอลัมน์)", "ต้องกรอก",
                   f"ใส่ {MARK} ในเดือนที่ดำเนินการ อย่างน้อย 1 เดือน "
                   "(ดูหัวข้อ การทำเครื่องหมายเดือน)",
                   f"{MARK} ที่ ม.ค. ก.พ. และ มี.ค.")
        else:
            guide = guides[column.key]
            yield (column_letter(index), column.label,
                   "ต้องกรอก" if column.required else "ไม่บังคับ", guide.how, guide.example)


class _Page:
    """The instructions sheet, written row by row from the top."""

    def __init__(self, ws, styles: Styles) -> None:
        self.ws = ws
        self.styles = styles
        self.row = 1
        for index, width in enumerate(_INSTRUCTION_WIDTHS):
            ws.column_dimensions[column_letter(index)].width = width

    def title(self, settings: Settings, department: Department | None) -> None:
        ws, styles = self.ws, self.styles
        title = ws.cell(self.row, 1, "คำแนะนำการกรอกข้อมูลเพื่อจัดทำแผนการดำเนินงาน "
                                     f"ประจำปีงบประมาณ พ.ศ. {settings.fiscal_year}")
        title.font = styles.title
        self.row += 1
        who = f"{department.name} " if department else ""
        ws.cell(self.row, 1, f"{who}{settings.org_name}").font = styles.heading
        self.row += 1

    def line(self, text: str, font=None, number: str = "") -> None:
        """A paragraph in B:E (merged), with an optional number in column A."""
        ws, styles, row = self.ws, self.styles, self.row
        if number:
            cell = ws.cell(row, 1, number)
            cell.font, cell.alignment = styles.font, styles.center
        cell = ws.cell(row, 2, text)
        cell.font, cell.alignment = font or styles.font, styles.wrap
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
        self.row += 1

    def heading(self, text: str) -> None:
        """A heading, after an empty row."""
        self.row += 1
        self.line(text, self.styles.heading)

    def column_table(self, sheet: str, table_columns: tuple[Column, ...],
                     guides: dict[str, Guide]) -> None:
        """What each column of *sheet* means, one row per column, with an example."""
        ws, styles = self.ws, self.styles
        self.heading(f"ความหมายของแต่ละคอลัมน์ในแผ่นงาน \"{sheet}\" พร้อมตัวอย่าง 1 แถว")
        for col, text in enumerate(("คอลัมน์", "หัวตาราง", "ต้องกรอก", "วิธีกรอก",
                                    "ตัวอย่าง"), 1):
            cell = ws.cell(self.row, col, text)
            cell.font, cell.fill = styles.bold, styles.optional
            cell.alignment, cell.border = styles.header, styles.border
        self.row += 1
        for values in _column_guide(table_columns, guides):
            for col, value in enumerate(values, 1):
                cell = ws.cell(self.row, col, value)
                cell.font, cell.border = styles.font, styles.border
                cell.alignment = styles.center if col in (1, 3) else styles.wrap
            required = values[2] == "ต้องกรอก"
            ws.cell(self.row, 2).fill = styles.required if required else styles.optional
            self.row += 1
