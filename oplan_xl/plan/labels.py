"""The form labels that both the workbooks and the preview use.

Form codes, titles and column labels of ผด.01, ผด.02 and ผด.02/1 as the
regulation prints them.  Written once here, so a form in ``pd01.xlsx``, in
``preview.html`` and in Part 1's sentence naming the forms can never disagree.
"""

from __future__ import annotations

from oplan_xl.core.model import Settings, to_thai_digits

PD01_CODE = "แบบ ผด.01"
PD01_TITLE = "บัญชีสรุปจำนวนโครงการและงบประมาณ"
#: ผด.01's columns after the first, whose label depends on the settings (pd01_columns).
PD01_FIGURE_COLUMNS = ("จำนวนโครงการที่ดำเนินการ", "คิดเป็นร้อยละของโครงการทั้งหมด",
                       "จำนวนงบประมาณ", "คิดเป็นร้อยละของงบประมาณทั้งหมด", "หน่วยดำเนินการ")

PD02_CODE = "แบบ ผด.02"
PD02_TITLE = "บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ"
#: ผด.02's title under the 2548 edition (projects grouped by approach).
PD02_TITLE_2548 = "บัญชีโครงการ/กิจกรรม/งบประมาณ"
PD02_COLUMNS = ("ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)",
                "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก")

PD02_1_CODE = "แบบ ผด.02/1"
PD02_1_TITLE = "บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น"
PD02_1_COLUMNS = ("ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย (ผลผลิตของครุภัณฑ์)",
                  "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก")


def pd01_columns(settings: Settings) -> tuple[str, ...]:
    """ผด.01's column labels: ``ยุทธศาสตร์/แผนงาน`` (as the settings name the two
    levels), then the figures."""
    return (f"{settings.group_label}/{settings.second_level_label}", *PD01_FIGURE_COLUMNS)


def pd02_title(settings: Settings) -> str:
    """ผด.02's title as the edition in force names it."""
    return PD02_TITLE_2548 if settings.by_approach else PD02_TITLE



def draft_mark(errors: int, thai_digits: bool = False) -> str:
    """The words on every page of a plan built with ``--force`` over *errors* errors:
    the forms' page header and the preview's banner and page header say the same."""
    count = to_thai_digits(f"{errors:,}") if thai_digits else f"{errors:,}"
    return f"ฉบับร่าง — ยังมีข้อผิดพลาด {count} รายการ ไม่ใช่ฉบับประกาศ"
