"""The department input workbook (SPEC §4): sheets, columns, labels, synonyms.

The template writer, the reader and the sample generator all take the layout
from here, so a renamed column changes in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import MONTHS
from .normalise import label_key

PROJECT_SHEET = "โครงการ"
EQUIPMENT_SHEET = "ครุภัณฑ์"
DEPARTMENT_SHEET = "หน่วยงาน"
INSTRUCTIONS_SHEET = "คำแนะนำ"

MONTH_KEYS = tuple(f"m{index:02d}" for index in range(1, 13))
_MONTH_NAMES = ("ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม",
                "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน")


@dataclass(frozen=True)
class Column:
    """One column of an input sheet: a stable key, its label and synonyms."""

    key: str
    label: str
    required: bool = False
    synonyms: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        """Every label key that names this column."""
        return {label_key(name) for name in (self.label, *self.synonyms)}


def _month_columns() -> tuple[Column, ...]:
    return tuple(
        Column(key, short, synonyms=(full, short.replace(".", "")))
        for key, short, full in zip(MONTH_KEYS, MONTHS, _MONTH_NAMES, strict=True)
    )


def project_columns(group_label: str = "แผนงาน") -> tuple[Column, ...]:
    """Columns of the โครงการ sheet; *group_label* is แผนงาน or แนวทาง (2548)."""
    return (
        Column("strategy", "ยุทธศาสตร์", True, ("ประเด็นการพัฒนา", "ยุทธศาสตร์การพัฒนา")),
        Column("group", group_label, True,
               ("แนวทาง", "แนวทางการพัฒนา") if group_label == "แผนงาน" else ("แผนงาน",)),
        Column("name", "โครงการ", True,
               ("โครงการ/กิจกรรม", "ชื่อโครงการ", "ชื่อโครงการ/กิจกรรม")),
        Column("activity", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", True,
               ("รายละเอียดของกิจกรรม", "รายละเอียดกิจกรรม", "รายละเอียด")),
        Column("budget", "งบประมาณ (บาท)", True, ("จำนวนเงิน", "งบประมาณที่ตั้งไว้")),
        Column("place", "สถานที่ดำเนินการ", True, ("สถานที่",)),
        Column("responsible", "หน่วยงานรับผิดชอบหลัก", False,
               ("หน่วยงานรับผิดชอบ", "หน่วยดำเนินการ")),
        *_month_columns(),
        Column("fund_source", "แหล่งงบประมาณ", False, ("แหล่งที่มาของงบประมาณ",)),
        Column("dev_plan_ref", "แผนพัฒนาท้องถิ่น (ลำดับ/หน้า)", False,
               ("แผนพัฒนาท้องถิ่น", "อ้างอิงแผนพัฒนา")),
        Column("note", "หมายเหตุ"),
    )


EQUIPMENT_COLUMNS: tuple[Column, ...] = (
    Column("programme", "แผนงาน", True),
    Column("category", "หมวด", False, ("หมวดรายจ่าย",)),
    Column("equipment_type", "ประเภท", True, ("ประเภทครุภัณฑ์",)),
    Column("target", "เป้าหมาย (ผลผลิตของครุภัณฑ์)", True,
           ("เป้าหมาย", "ผลผลิตของครุภัณฑ์", "รายการ")),
    Column("budget", "งบประมาณ (บาท)", True, ("จำนวนเงิน",)),
    Column("place", "สถานที่ดำเนินการ", True, ("สถานที่",)),
    Column("responsible", "หน่วยงานรับผิดชอบหลัก", False, ("หน่วยงานรับผิดชอบ",)),
    *_month_columns(),
    Column("note", "หมายเหตุ"),
)

#: The default หมวด of an equipment row.
DEFAULT_CATEGORY = "ค่าครุภัณฑ์"

#: Items of the หน่วยงาน sheet (label, value) written by the template.
DEPARTMENT_ITEMS = ("หน่วยงาน", "ปีงบประมาณ", "ผู้กรอกข้อมูล", "โทรศัพท์")

#: A project paid from another agency's budget (not in our development plan).
OTHER_AGENCY_FUNDS = "งบประมาณของหน่วยงานอื่น"

#: Sources of funds offered in the แหล่งงบประมาณ dropdown.
FUND_SOURCES = (
    "ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่ายประจำปี",
    "ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่ายเพิ่มเติม",
    "โอนงบประมาณ",
    "จ่ายขาดเงินสะสม",
    "เงินอุดหนุนเฉพาะกิจ",
    OTHER_AGENCY_FUNDS,
)
