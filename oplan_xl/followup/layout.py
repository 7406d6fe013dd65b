"""The results workbook's columns and the statuses a department reports.

One list of columns serves the template (``template``) and the reader
(``reading``): the reader finds each column by its label, so a department may
move, add or delete columns and the file is still read.
"""

from __future__ import annotations

from dataclasses import dataclass

from oplan_xl.core.normalise import label_key

DONE = "ดำเนินการแล้วเสร็จ"
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
NOT_STARTED = "ยังไม่ได้ดำเนินการ"
CANCELLED = "ยกเลิก"
#: The four statuses of the dropdown, in the order of the report's columns.
STATUSES = (DONE, IN_PROGRESS, NOT_STARTED, CANCELLED)
#: What a project without a usable report counts as: kept apart, never a fifth status.
NOT_REPORTED = "ไม่ได้รายงาน"
#: Every column of the report's status breakdown.
REPORT_STATUSES = (*STATUSES, NOT_REPORTED)

SHEET = "ผลการดำเนินงาน"
INFO_SHEET = "คำอธิบาย"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float
    locked: bool
    #: Other labels a department may have typed instead (compared by label_key).
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("row_id", "รหัสแถว", 18, True, ("รหัส", "row id")),
    Column("number", "ที่", 8, True),
    Column("strategy", "ยุทธศาสตร์", 24, True, ("แนวทาง",)),
    Column("group", "แผนงาน", 20, True),
    Column("name", "โครงการ", 40, True, ("ชื่อโครงการ", "โครงการ/กิจกรรม")),
    Column("budget", "งบประมาณ (บาท)", 15, True, ("งบประมาณ",)),
    Column("months", "ระยะเวลาดำเนินการ", 14, True, ("ช่วงเวลา",)),
    Column("status", "สถานะ", 22, False, ("สถานะโครงการ", "ผลการดำเนินงาน")),
    Column("contracted", "วงเงินตามสัญญา/ก่อหนี้ผูกพัน (บาท)", 16, False,
           ("วงเงินตามสัญญา", "ก่อหนี้ผูกพัน", "วงเงินก่อหนี้ผูกพัน")),
    Column("disbursed", "เบิกจ่ายแล้ว (บาท)", 15, False, ("เบิกจ่ายแล้ว", "เบิกจ่าย")),
    Column("as_of", "ณ วันที่", 13, False, ("วันที่",)),
    Column("remark", "ปัญหาอุปสรรค/หมายเหตุ", 30, False, ("ปัญหาอุปสรรค", "หมายเหตุ")),
)
BY_KEY = {column.key: column for column in COLUMNS}
#: The columns a results table must have for its rows to be read.
REQUIRED = ("row_id", "status")
INPUT_KEYS = tuple(column.key for column in COLUMNS if not column.locked)


def label_index() -> dict[str, str]:
    """label_key of every label and alias → the column's key."""
    index: dict[str, str] = {}
    for column in COLUMNS:
        for label in (column.label, *column.aliases):
            index.setdefault(label_key(label), column.key)
    return index


def status_of(value: object) -> str | None:
    """The status *value* names (spaces and the like do not count), or None."""
    key = label_key(value)
    for status in STATUSES:
        if label_key(status) == key:
            return status
    return None
