"""The settings workbook ``plan.xlsx`` (SPEC §3): its sheets, labels, standard lists
and the defaults ``oplan init`` writes.  Reading it is ``read.settings``; writing it,
``write.settings``."""

from __future__ import annotations

from dataclasses import dataclass

from oplan_xl.core.errors import SettingsError
from oplan_xl.core.model import (
    MAX_FISCAL_YEAR,
    MIN_FISCAL_YEAR,
    Department,
    EquipmentType,
    Programme,
    Settings,
    Strategy,
)

SETTINGS_FILE = "plan.xlsx"
#: How the ที่มา sheets and the preview name the settings file among the inputs.
SETTINGS_FILE_ROLE = "ไฟล์ตั้งค่าแผน (ยุทธศาสตร์ แผนงาน หน่วยงาน)"

INFO = "ข้อมูลทั่วไป"
STRATEGIES = "ยุทธศาสตร์"
PROGRAMMES = "แผนงาน"
APPROACHES = "แนวทาง"
DEPARTMENTS = "หน่วยงาน"
EQUIPMENT = "ครุภัณฑ์"
DEV_PLAN = "แผนพัฒนา"
PART1 = "ส่วนที่ 1"

HEADERS: dict[str, tuple[str, ...]] = {
    INFO: ("รายการ", "ค่า"),
    STRATEGIES: ("ลำดับ", "ยุทธศาสตร์"),
    PROGRAMMES: ("ลำดับ", "แผนงาน"),
    APPROACHES: ("ยุทธศาสตร์", "ลำดับ", "แนวทาง"),
    DEPARTMENTS: ("ลำดับ", "หน่วยงาน", "รหัส"),
    EQUIPMENT: ("ลำดับ", "ประเภทครุภัณฑ์"),
    DEV_PLAN: ("ยุทธศาสตร์", "โครงการ", "งบประมาณ", "อ้างอิง"),
    PART1: ("หัวข้อ", "ข้อความ"),
}
OPTIONAL_SHEETS = (DEV_PLAN, PART1)


@dataclass(frozen=True)
class InfoItem:
    label: str
    attr: str
    kind: str = "text"  # text | year | edition | yesno
    hint: str = ""


INFO_ITEMS = (
    InfoItem("ชื่อองค์กรปกครองส่วนท้องถิ่น", "org_name",
             hint="ชื่อเต็ม เช่น องค์การบริหารส่วนตำบล…"),
    InfoItem("อำเภอ", "district"),
    InfoItem("จังหวัด", "province"),
    InfoItem("ปีงบประมาณ (พ.ศ.)", "fiscal_year", "year", "ปี พ.ศ. 4 หลัก เช่น 2568"),
    InfoItem("ชื่อแผนพัฒนาท้องถิ่น", "plan_kind",
             hint="แผนพัฒนาสามปี / แผนพัฒนาท้องถิ่นสี่ปี / แผนพัฒนาท้องถิ่น"),
    InfoItem("ระยะเวลาแผนพัฒนาท้องถิ่น", "plan_period", hint="เช่น 2566-2570"),
    InfoItem("ฉบับระเบียบ", "edition", "edition",
             "2548, 2559 หรือ 2561 — เว้นว่างให้โปรแกรมเลือกตามปีงบประมาณ"),
    InfoItem("ใช้เลขไทย", "use_thai_digits", "yesno", "ใช่ หรือ ไม่ใช่"),
    InfoItem("วันที่ประกาศ", "announce_date"),
    InfoItem("ผู้ประกาศ", "announcer"),
    InfoItem("ตำแหน่งผู้ประกาศ", "announcer_title"),
    InfoItem("หน่วยงานที่จัดทำแผน", "responsible_unit",
             hint="แสดงบนปก เช่น งานวิเคราะห์นโยบายและแผน สำนักปลัด"),
    InfoItem("ชื่อเรียกระดับยุทธศาสตร์", "group_label",
             hint="ยุทธศาสตร์ (หรือ ประเด็นการพัฒนา ถ้าแผนพัฒนาใช้คำนี้)"),
)

STANDARD_PROGRAMMES = (
    "แผนงานบริหารงานทั่วไป",
    "แผนงานการรักษาความสงบภายใน",
    "แผนงานการศึกษา",
    "แผนงานสาธารณสุข",
    "แผนงานสังคมสงเคราะห์",
    "แผนงานเคหะและชุมชน",
    "แผนงานสร้างความเข้มแข็งของชุมชน",
    "แผนงานการศาสนาวัฒนธรรมและนันทนาการ",
    "แผนงานอุตสาหกรรมและการโยธา",
    "แผนงานการเกษตร",
    "แผนงานการพาณิชย์",
    "แผนงานงบกลาง",
)

STANDARD_EQUIPMENT_TYPES = (
    "ครุภัณฑ์สำนักงาน",
    "ครุภัณฑ์การศึกษา",
    "ครุภัณฑ์ยานพาหนะและขนส่ง",
    "ครุภัณฑ์การเกษตร",
    "ครุภัณฑ์ก่อสร้าง",
    "ครุภัณฑ์ไฟฟ้าและวิทยุ",
    "ครุภัณฑ์โฆษณาและเผยแพร่",
    "ครุภัณฑ์งานบ้านงานครัว",
    "ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์",
    "ครุภัณฑ์โรงงาน",
    "ครุภัณฑ์กีฬา",
    "ครุภัณฑ์สำรวจ",
    "ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์",
    "ครุภัณฑ์ดนตรีและนาฏศิลป์",
    "ครุภัณฑ์สนาม",
    "ครุภัณฑ์อื่น",
)

EXAMPLE_STRATEGIES = (
    "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน",
    "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจและการเกษตร",
    "ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิตและสังคม",
    "ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม",
    "ยุทธศาสตร์การพัฒนาด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "ยุทธศาสตร์การพัฒนาด้านการบริหารจัดการที่ดี",
)

EXAMPLE_APPROACHES = (
    (1, "ก่อสร้างและปรับปรุงถนน สะพาน และทางระบายน้ำ"),
    (1, "ขยายเขตไฟฟ้าและประปา"),
    (2, "ส่งเสริมอาชีพและรายได้ของประชาชน"),
    (2, "พัฒนาการเกษตรและแหล่งน้ำเพื่อการเกษตร"),
    (3, "ส่งเสริมสุขภาพและป้องกันโรค"),
    (3, "สงเคราะห์ผู้สูงอายุ ผู้พิการ และผู้ด้อยโอกาส"),
    (4, "พัฒนาการศึกษาและเด็กเล็ก"),
    (4, "อนุรักษ์ศาสนา ศิลปวัฒนธรรม และประเพณี"),
    (5, "อนุรักษ์ทรัพยากรธรรมชาติและจัดการขยะ"),
    (6, "พัฒนาบุคลากรและการบริการประชาชน"),
    (6, "ป้องกันและบรรเทาสาธารณภัย"),
)

DEFAULT_DEPARTMENTS = (
    ("สำนักปลัด", "palad"),
    ("กองคลัง", "finance"),
    ("กองช่าง", "works"),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", "education"),
    ("กองสาธารณสุขและสิ่งแวดล้อม", "health"),
    ("กองสวัสดิการสังคม", "welfare"),
)

PART1_TOPICS = (
    "บทนำ",
    "วัตถุประสงค์ของแผนการดำเนินงาน",
    "ขั้นตอนการจัดทำแผนการดำเนินงาน",
    "ประโยชน์ของแผนการดำเนินงาน",
)


def default_settings(org_name: str, fiscal_year: int, district: str = "",
                     province: str = "") -> Settings:
    """The settings ``oplan init`` writes: standard lists and example strategies."""
    check_year(fiscal_year)
    settings = Settings(org_name=org_name, fiscal_year=fiscal_year, district=district,
                        province=province)
    settings.strategies = [Strategy(n, name) for n, name in enumerate(EXAMPLE_STRATEGIES, 1)]
    settings.programmes = [Programme(n, name) for n, name in enumerate(STANDARD_PROGRAMMES, 1)]
    if settings.by_approach:
        settings.approaches = _number_approaches(EXAMPLE_APPROACHES)
    settings.departments = [Department(n, name, code)
                            for n, (name, code) in enumerate(DEFAULT_DEPARTMENTS, 1)]
    settings.equipment_types = [EquipmentType(n, name)
                                for n, name in enumerate(STANDARD_EQUIPMENT_TYPES, 1)]
    return settings


def _number_approaches(items) -> list[Programme]:
    approaches, within = [], {}
    for order, (strategy, name) in enumerate(items, 1):
        within[strategy] = within.get(strategy, 0) + 1
        approaches.append(Programme(order, name, strategy, f"{strategy}.{within[strategy]}"))
    return approaches


def check_year(year: int) -> int:
    """Raise SettingsError unless *year* is a plausible Buddhist-era fiscal year."""
    if 1990 <= year <= MAX_FISCAL_YEAR - 543:
        raise SettingsError("settings-ce-year", value=year, be=year + 543)
    if not MIN_FISCAL_YEAR <= year <= MAX_FISCAL_YEAR:
        raise SettingsError("settings-bad-year", value=year, low=MIN_FISCAL_YEAR,
                            high=MAX_FISCAL_YEAR)
    return year


