"""ผด.02 / ผด.02/1 of a เปลี่ยนแปลง or แก้ไข edition: the old and new values side by side.

The official ผด.02 has no place for a row's old values or its reason, so a changed
edition prints its own honest table, one line per row the edition touches: the
row id, the project (or equipment target), what happens to it (เพิ่ม / แก้ไข /
ยกเลิก), the budget เดิม / ใหม่ / ผลต่าง, the months เดิม / ใหม่, which other
values changed, and the เหตุผลความจำเป็น; then the totals, whose ผลต่าง is what
the edition does to the plan's total.
"""

from __future__ import annotations

from dataclasses import fields

from oplan_xl.core.model import MONTHS, month_runs
from oplan_xl.plan.editions import Change
from oplan_xl.plan.labels import PD02_1_CODE, PD02_1_TITLE, PD02_CODE, pd02_title
from oplan_xl.write.atomic import Writer
from oplan_xl.write.forms.common import Sheet, add_worksheet, baht, workbook_writer

COLUMNS = (("ที่", 5), ("รหัสแถว", 17), ("โครงการ", 30), ("สถานที่ดำเนินการ", 18),
           ("หน่วยงานรับผิดชอบหลัก", 16), ("รายการ", 8), ("งบประมาณเดิม (บาท)", 15),
           ("งบประมาณใหม่ (บาท)", 15), ("ผลต่าง (บาท)", 15), ("ระยะเวลาเดิม", 14),
           ("ระยะเวลาใหม่", 14), ("ค่าอื่นที่เปลี่ยน", 18), ("เหตุผลความจำเป็น", 30))
LAST_COL = len(COLUMNS) - 1
#: How the values other than budget and months are named in ค่าอื่นที่เปลี่ยน.
FIELD_NAMES = {"strategy": "ยุทธศาสตร์", "group": "แผนงาน", "name": "ชื่อ",
               "activity": "รายละเอียดกิจกรรม", "place": "สถานที่", "responsible": "หน่วยงาน",
               "fund_source": "แหล่งงบประมาณ", "dev_plan_ref": "แผนพัฒนา", "note": "หมายเหตุ",
               "programme": "แผนงาน", "category": "หมวด", "equipment_type": "ประเภท",
               "target": "เป้าหมาย", "department": "หน่วยงาน"}


def writer(settings, changes: list[Change], equipment: bool = False) -> Writer:
    """What writes the changes of one kind of row (projects, or equipment for
    ผด.02/1) of an edition, *settings* carrying the edition in ``plan_edition``."""
    code = PD02_1_CODE if equipment else PD02_CODE
    title = f"{PD02_1_TITLE if equipment else pd02_title(settings)} (ฉบับเปรียบเทียบ เดิม/ใหม่)"
    return workbook_writer(settings, f"{code} {title}",
                           lambda workbook, styles: _fill(settings, changes, equipment, code,
                                                          title, workbook, styles),
                           len(changes))


def _fill(settings, changes: list[Change], equipment: bool, code: str, title: str,
          workbook, styles) -> None:
    sheet = Sheet(add_worksheet(workbook, code.replace("/", "-")), styles, settings)
    ws = sheet.ws
    row = sheet.title_block(code, title, LAST_COL)
    header_row = row
    for col, (label, width) in enumerate(COLUMNS):
        sheet.column(col, col, width)
        sheet.write_text(row, col, "เป้าหมาย" if equipment and col == 2 else label, "header")
    row += 1
    for number, change in enumerate(changes, 1):
        now = change.new or change.old
        name = now.target if equipment else now.name
        sheet.write_cells(row, 0, [
            (number, "count"), (change.row_id, "text"), (name, "text"), (now.place, "text"),
            (now.responsible, "text"), (change.action, "center"),
            (baht(change.old.budget_satang) if change.old else None, "money"),
            (baht(change.new.budget_satang) if change.new else None, "money"),
            (baht(change.delta), "money"),
            (months_text(change.old.months) if change.old else "", "text"),
            (months_text(change.new.months) if change.new else "", "text"),
            (other_changes(change), "text"), (change.reason, "text")])
        row += 1
    olds = sum(c.old.budget_satang for c in changes if c.old)
    news = sum(c.new.budget_satang for c in changes if c.new)
    sheet.merge_text(row, 0, 5, f"รวม {len(changes)} รายการ", "total-label")
    sheet.write_cells(row, 6, [(baht(olds), "total-money"), (baht(news), "total-money"),
                               (baht(news - olds), "total-money")])
    for col in range(9, LAST_COL + 1):
        ws.write_blank(row, col, None, styles["total-text"])
    sheet.finish()
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row, header_row)
    ws.print_area(0, 0, row, LAST_COL)


def months_text(months: tuple[bool, ...]) -> str:
    """``ต.ค.–ธ.ค., ก.พ.``: the runs of months a row is planned in."""
    return ", ".join(MONTHS[a] if a == b else f"{MONTHS[a]}–{MONTHS[b]}"
                     for a, b in month_runs(months)) or "-"


def other_changes(change: Change) -> str:
    """The values other than budget and months that differ between old and new."""
    if change.old is None or change.new is None:
        return ""
    names = []
    for item in fields(change.old):
        if item.name in ("origin", "cells", "budget_satang", "months"):
            continue
        if getattr(change.old, item.name) != getattr(change.new, item.name):
            label = FIELD_NAMES.get(item.name, item.name)
            if label not in names:
                names.append(label)
    return ", ".join(names)
