"""The department input workbook (SPEC §4): sheets, columns, labels, synonyms.

The template writer, the reader and the sample generator all take the layout
from here, so a renamed column changes in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from oplan_xl.core.model import MONTHS
from oplan_xl.core.normalise import label_key

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
        Column("budget", "งบประมาณ (บาท)", True, ("จำนวนเงิน", "งบประมาณที่ตั้งไว้", "งบ")),
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
    Column("budget", "งบประมาณ (บาท)", True, ("จำนวนเงิน", "งบ")),
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

# --- What the reader tolerates ------------------------------------------------

#: Columns whose vertically merged cell counts for every row of the merge
#: (a strategy merged down over its projects).  Name, activity and budget are
#: not among them: a project name or budget merged over several rows is one
#: project whose activity text runs over those rows (continuation rows).
MERGED_DOWN_KEYS = frozenset({"strategy", "group", "programme", "category", "equipment_type",
                              "place", "responsible", "fund_source"})

#: The column whose long text people continue on the next row, by table:
#: the row below holds only more of this text, every other cell blank.
CONTINUED_KEYS = ("activity", "target")

#: Longest text, in visible characters (Thai vowel and tone marks take no
#: width), that fits one row of the printed forms.  Excel grows a row to at
#: most 409 pt, 17 lines of 16 pt TH SarabunPSK (24 pt per line); the ผด.02
#: columns hold about 32 (โครงการ), 44 (รายละเอียด), 22 (สถานที่) and 20
#: (หน่วยงาน) characters per line, ผด.02/1's เป้าหมาย about 40.
PRINT_LIMITS = {"name": 500, "activity": 700, "place": 350, "responsible": 300,
                "target": 650}

#: Fill colours (ARGB) of the cells highlighted in returned copies.  They are
#: never read as a month mark, so a returned copy sent back in is read right.
RETURNED_ERROR_FILL = "FFF4B6C2"
RETURNED_WARNING_FILL = "FFFFE9A8"
RETURNED_FILLS = frozenset({RETURNED_ERROR_FILL, RETURNED_WARNING_FILL})

# --- Editions through the year (เพิ่มเติม / เปลี่ยนแปลง / แก้ไข) --------------------

#: The columns an edition's input sheets carry after the standard ones.  Only an
#: edition's reading looks for them (``read.edition_columns``); the original plan's
#: reader leaves text-only columns alone, so an edition's workbook read as an
#: original one plans the same rows.
ROW_ID_LABEL = "รหัสแถว (ห้ามแก้)"
STATUS_LABEL = "สถานะ"
REASON_LABEL = "เหตุผลความจำเป็น"
EDITION_COLUMNS: tuple[Column, ...] = (
    Column("row_id", ROW_ID_LABEL, synonyms=("รหัสแถว", "row id")),
    Column("status", STATUS_LABEL, synonyms=("สถานะแถว",)),
    Column("reason", REASON_LABEL, synonyms=("เหตุผล", "เหตุผลและความจำเป็น", "เหตุผลความจำเป็น")),
)
#: What the สถานะ column offers: the row stays, is changed, is cancelled.
STATUS_KEEP, STATUS_CHANGE, STATUS_CANCEL = "คงเดิม", "แก้ไข", "ยกเลิก"
STATUSES = (STATUS_KEEP, STATUS_CHANGE, STATUS_CANCEL)
