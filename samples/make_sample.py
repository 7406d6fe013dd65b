"""Generate the bundled sample plans: samples/sample-plan/ and samples/eras/*/.

Run from the repository root:

    python samples/make_sample.py           # rewrite every sample and samples/README.md
    python samples/make_sample.py --check   # regenerate in a temp folder, compare SHA-256

The organisation, its villages, people and phone numbers are fictional
(องค์การบริหารส่วนตำบลหนองสมมุติ, อำเภอเมืองตัวอย่าง, จังหวัดสมมุติ).  Every text
below was written for this sample; none is copied from a published plan.

The script is deterministic and the files are byte-reproducible: document
properties and zip member times are fixed, so running it twice gives the same
SHA-256 for every file.  It deletes and rewrites only what it owns: plan.xlsx
and submissions/*.xlsx of sample-plan/ and of each era folder, and
samples/README.md.  ``--check`` writes nothing under samples/: it generates
into a temporary folder and exits 1 if any owned file differs, is missing or
is extra.

Samples
-------
sample-plan/ (MAIN below) is the FY 2568 plan, made of the tables in this
file.  The era folders — eras/fy2555 (2548 edition, grouped by แนวทาง, no
ผด.02/1), eras/fy2562 and eras/fy2566 (2561 edition) — are the same
organisation in earlier years; samples/eras_data.py derives their tables from
the ones here (budgets scaled by a fixed rule, plus year-specific edits).

Data tables
-----------
PROJECTS[department code] is a list of P(...) rows and EQUIPMENT[code] a list
of E(...) rows.  Months are written as fiscal-month abbreviations:
"ม.ค.-มี.ค." is one run, "ต.ค.-พ.ย., เม.ย.-พ.ค." two runs, "ทั้งปี" all twelve.
Budgets are strings of baht with at most two decimals ("12345.50"), so they are
exact.  A project's development-plan reference ("หน้า 64 ลำดับ 3") is numbered
automatically per strategy, in department order; projects with
in_dev_plan=False (other agencies' projects) get none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The samples are written with this checkout's oplan_xl (its settings writer and
# layout), never with another copy that happens to be installed.
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from oplan_xl.core.layout import (  # noqa: E402
    DEFAULT_CATEGORY,
    DEPARTMENT_ITEMS,
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    FUND_SOURCES,
    PROJECT_SHEET,
    project_columns,
)
from oplan_xl.core.model import (  # noqa: E402
    MONTHS,
    Department,
    DevPlanProject,
    Programme,
    Strategy,
    baht_to_satang,
    default_plan_kind,
    default_plan_period,
    format_baht,
    infer_edition,
    uses_approaches,
)
from oplan_xl.core.settings_layout import (  # noqa: E402
    STANDARD_EQUIPMENT_TYPES,
    STANDARD_PROGRAMMES,
    default_settings,
)
from oplan_xl.write.reproducible import fix_times  # noqa: E402
from oplan_xl.write.settings import write_settings  # noqa: E402

FIXED_TIME = dt.datetime(2024, 10, 1)
MARK = "✓"

# --- The organisation ------------------------------------------------------

ORG = "องค์การบริหารส่วนตำบลหนองสมมุติ"
SHORT = "อบต.หนองสมมุติ"
DISTRICT = "เมืองตัวอย่าง"
PROVINCE = "สมมุติ"
FISCAL_YEAR = 2568

STRATEGIES = (
    "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐานและสาธารณูปโภค",
    "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจชุมชนและการเกษตร",
    "ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต สุขภาพ และสวัสดิการสังคม",
    "ยุทธศาสตร์การพัฒนาด้านการศึกษา ศาสนา ศิลปวัฒนธรรม และกีฬา",
    "ยุทธศาสตร์การพัฒนาด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "ยุทธศาสตร์การพัฒนาด้านการบริหารจัดการบ้านเมืองที่ดีและความปลอดภัย",
)

# (name, code, person who filled the file in, phone) — people and numbers are invented.
DEPARTMENTS = (
    ("สำนักปลัด", "palad", "นางสาวสมใจ ตัวอย่าง", "000-000-0101"),
    ("กองคลัง", "finance", "นางมาลี ทดลองดี", "000-000-0102"),
    ("กองช่าง", "works", "นายช่างชัย สมมุติกุล", "000-000-0103"),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", "education", "นางสาวอรุณี สาธิตวงศ์", "000-000-0104"),
    ("กองสาธารณสุขและสิ่งแวดล้อม", "health", "นายปรีชา จำลองสุข", "000-000-0105"),
    ("กองสวัสดิการสังคม", "welfare", "นางสุดา ใจตัวอย่าง", "000-000-0106"),
)

VILLAGES = (
    "บ้านหนองสมมุติ", "บ้านโคกตัวอย่าง", "บ้านดอนทดลอง", "บ้านนาสาธิต", "บ้านห้วยจำลอง",
    "บ้านหนองสมมุติใต้", "บ้านโนนตัวอย่าง", "บ้านทุ่งทดลอง", "บ้านป่าสาธิต",
    "บ้านหนองสมมุติเหนือ", "บ้านสระจำลอง", "บ้านโคกตัวอย่างพัฒนา",
)


def moo(number: int) -> str:
    """Place text for one village: ``หมู่ที่ 3 บ้านดอนทดลอง``."""
    return f"หมู่ที่ {number} {VILLAGES[number - 1]}"


OFFICE = f"ที่ทำการ {SHORT}"
ALL_VILLAGES = "หมู่ที่ 1–12 ตำบลหนองสมมุติ"
CDC_1 = "ศูนย์พัฒนาเด็กเล็กบ้านหนองสมมุติ"
CDC_2 = "ศูนย์พัฒนาเด็กเล็กบ้านโคกตัวอย่าง"
SCHOOLS = "โรงเรียนในเขตตำบลหนองสมมุติ 3 แห่ง"

# Other agencies working in the area (their projects belong in the plan too).
AG_FARM = "สำนักงานเกษตรอำเภอเมืองตัวอย่าง"
AG_PAO = "อบจ.สมมุติ"
AG_HOSP = "โรงพยาบาลส่งเสริมสุขภาพตำบลหนองสมมุติ"

# Short names for the twelve standard programmes (checked against the settings below).
GEN = "แผนงานบริหารงานทั่วไป"
SEC = "แผนงานการรักษาความสงบภายใน"
EDU = "แผนงานการศึกษา"
HLT = "แผนงานสาธารณสุข"
WEL = "แผนงานสังคมสงเคราะห์"
HOU = "แผนงานเคหะและชุมชน"
COM = "แผนงานสร้างความเข้มแข็งของชุมชน"
REL = "แผนงานการศาสนาวัฒนธรรมและนันทนาการ"
IND = "แผนงานอุตสาหกรรมและการโยธา"
AGR = "แผนงานการเกษตร"
TRD = "แผนงานการพาณิชย์"
CEN = "แผนงานงบกลาง"

# Sources of funds (index into FUND_SOURCES).
ORDINANCE, SUPPLEMENTARY, TRANSFER, RESERVE, GRANT, OTHER_AGENCY = range(6)

# Equipment types by short name (checked against STANDARD_EQUIPMENT_TYPES).
T_OFFICE = "ครุภัณฑ์สำนักงาน"
T_EDU = "ครุภัณฑ์การศึกษา"
T_VEHICLE = "ครุภัณฑ์ยานพาหนะและขนส่ง"
T_FARM = "ครุภัณฑ์การเกษตร"
T_BUILD = "ครุภัณฑ์ก่อสร้าง"
T_ADVERT = "ครุภัณฑ์โฆษณาและเผยแพร่"
T_KITCHEN = "ครุภัณฑ์งานบ้านงานครัว"
T_MEDICAL = "ครุภัณฑ์วิทยาศาสตร์หรือการแพทย์"
T_SPORT = "ครุภัณฑ์กีฬา"
T_SURVEY = "ครุภัณฑ์สำรวจ"
T_COMPUTER = "ครุภัณฑ์คอมพิวเตอร์หรืออิเล็กทรอนิกส์"


@dataclass(frozen=True)
class P:
    """One project row of a department's โครงการ sheet."""

    strategy: int
    programme: str
    name: str
    activity: str
    budget: str
    place: str
    months: str
    responsible: str | None = None  # None = the department itself
    fund: int = ORDINANCE
    note: str = ""
    in_dev_plan: bool = True


@dataclass(frozen=True)
class E:
    """One equipment row of a department's ครุภัณฑ์ sheet."""

    programme: str
    equipment_type: str
    target: str
    budget: str
    place: str
    months: str
    note: str = ""


# --- Projects --------------------------------------------------------------

PROJECTS: dict[str, list[P]] = {
    "palad": [
        P(6, GEN, "โครงการจัดงานวันท้องถิ่นไทย",
          "จัดพิธีรำลึกเนื่องในวันท้องถิ่นไทย 18 มีนาคม นิทรรศการแสดงผลงานของ อบต. "
          "และกิจกรรมบำเพ็ญสาธารณประโยชน์ ผู้เข้าร่วมประมาณ 150 คน",
          "20000", OFFICE, "มี.ค."),
        P(6, GEN, "โครงการฝึกอบรมและศึกษาดูงานเพื่อเพิ่มประสิทธิภาพการปฏิบัติงานของบุคลากร",
          "อบรมผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล และพนักงานจ้าง ด้านระเบียบ กฎหมาย "
          "และการบริการประชาชน 1 วัน และศึกษาดูงานองค์กรปกครองส่วนท้องถิ่นที่มีผลงานดีเด่น "
          "2 วัน ผู้เข้าร่วม 60 คน",
          "350000", f"{OFFICE} และสถานที่ศึกษาดูงาน", "ม.ค.-ก.พ."),
        P(6, GEN, "โครงการ อบต.เคลื่อนที่พบประชาชน",
          "ออกหน่วยบริการรับเรื่องร้องเรียนร้องทุกข์ รับชำระภาษี และให้คำปรึกษาด้านสวัสดิการ "
          "หมุนเวียนครบทั้ง 12 หมู่บ้าน ปีละ 2 รอบ",
          "30000", ALL_VILLAGES, "ธ.ค.-ม.ค., มิ.ย.-ก.ค."),
        P(6, GEN, "โครงการประชุมประชาคมหมู่บ้านเพื่อจัดทำและทบทวนแผนพัฒนาท้องถิ่น",
          "จัดเวทีประชาคมหมู่บ้านรับฟังปัญหาและความต้องการของประชาชน 12 หมู่บ้าน "
          "และประชุมคณะกรรมการพัฒนาท้องถิ่นเพื่อทบทวนแผนพัฒนาท้องถิ่น",
          "25000", ALL_VILLAGES, "ม.ค.-มี.ค."),
        P(6, GEN, "โครงการสำรวจความพึงพอใจของประชาชนต่อการให้บริการ",
          "จ้างสถาบันการศึกษาของรัฐสำรวจความพึงพอใจของผู้รับบริการใน 4 งานบริการหลัก "
          "พร้อมรายงานผลและข้อเสนอแนะการปรับปรุงการบริการ",
          "25000", ALL_VILLAGES, "ก.ค.-ส.ค."),
        P(6, SEC, "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลปีใหม่",
          "ตั้งจุดบริการประชาชนบริเวณทางเข้าตำบลบนถนนสายหลัก ระหว่าง 29 ธันวาคม – 4 มกราคม "
          "พร้อมรณรงค์สวมหมวกนิรภัยและเมาไม่ขับ",
          "40000", f"จุดบริการประชาชน {moo(1)}", "ธ.ค.-ม.ค."),
        P(6, SEC, "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์",
          "ตั้งจุดบริการประชาชนและจุดตรวจร่วมกับตำรวจและอาสาสมัคร ระหว่าง 11–17 เมษายน "
          "พร้อมรณรงค์ขับขี่ปลอดภัยในหมู่บ้าน",
          "40000", f"จุดบริการประชาชน {moo(1)}", "เม.ย."),
        P(6, SEC, "โครงการฝึกอบรมทบทวนอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.)",
          "อบรมทบทวนความรู้การป้องกันและบรรเทาสาธารณภัย การดับเพลิงเบื้องต้น "
          "และการปฐมพยาบาล ให้ อปพร. 80 คน จำนวน 2 วัน",
          "87345.50", OFFICE, "ก.พ."),
        P(6, SEC, "โครงการติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV) จุดเสี่ยงในตำบล",
          "ติดตั้งกล้องวงจรปิดชนิดเครือข่าย 16 ตัว ที่ทางแยกและจุดเสี่ยง 8 จุด "
          "พร้อมเครื่องบันทึกภาพและจอแสดงผล ณ ที่ทำการ อบต.",
          "485000", ALL_VILLAGES, "มี.ค.-พ.ค.", fund=RESERVE),
        P(5, SEC, "โครงการป้องกันและควบคุมไฟป่าและหมอกควัน",
          "ทำแนวกันไฟระยะทาง 3 กิโลเมตร รณรงค์งดเผาในที่โล่ง "
          "และจัดชุดเฝ้าระวังไฟป่าร่วมกับหมู่บ้าน",
          "35000", f"ป่าชุมชน {moo(9)}", "ม.ค.-เม.ย."),
        P(2, AGR, "โครงการส่งเสริมการเลี้ยงปลาน้ำจืดเพื่อเสริมรายได้",
          "ปล่อยพันธุ์ปลานิลและปลาตะเพียน 120,000 ตัว ลงแหล่งน้ำสาธารณะ 6 แห่ง "
          "และอบรมการเลี้ยงปลาในบ่อดิน ผู้เข้าร่วม 50 คน",
          "60000", "แหล่งน้ำสาธารณะในเขตตำบล 6 แห่ง", "มิ.ย.-ก.ค."),
        P(2, AGR, "โครงการอบรมการทำปุ๋ยอินทรีย์ชีวภาพเพื่อลดต้นทุนการผลิต",
          "อบรมเกษตรกร 60 คน ทำปุ๋ยหมักและน้ำหมักชีวภาพจากวัสดุในท้องถิ่น "
          "พร้อมแจกถังหมักให้กลุ่มเกษตรกร 12 กลุ่ม",
          "30000", OFFICE, "ก.พ."),
        P(2, AGR, "โครงการส่งเสริมการปลูกพืชปุ๋ยสดหลังฤดูทำนา",
          "สนับสนุนเมล็ดพันธุ์ปอเทืองให้เกษตรกร 40 ราย พื้นที่ 200 ไร่ "
          "เพื่อไถกลบบำรุงดินก่อนฤดูทำนาถัดไป",
          "48000", "พื้นที่นาในเขตตำบลหนองสมมุติ", "ธ.ค.-ก.พ.",
          responsible=AG_FARM, fund=OTHER_AGENCY,
          note="โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่", in_dev_plan=False),
        P(3, COM, "โครงการป้องกันและแก้ไขปัญหายาเสพติดในชุมชน",
          "อบรมแกนนำเฝ้าระวังยาเสพติด หมู่บ้านละ 5 คน รวม 60 คน "
          "และจัดค่ายปรับเปลี่ยนพฤติกรรมเยาวชนกลุ่มเสี่ยง 1 รุ่น",
          "50000", OFFICE, "พ.ค.-มิ.ย.",
          responsible="สำนักปลัด / กองสวัสดิการสังคม"),
        P(4, REL, "โครงการจัดกิจกรรมเฉลิมพระเกียรติเนื่องในวันสำคัญของชาติ",
          "จัดพิธีถวายพระพรชัยมงคล ปลูกต้นไม้ และบำเพ็ญสาธารณประโยชน์ "
          "ในวันสำคัญของชาติ ปีละ 3 ครั้ง",
          "45000", OFFICE, "ธ.ค., ก.ค.-ส.ค."),
    ],
    "finance": [
        P(6, GEN, "โครงการปรับปรุงแผนที่ภาษีและทะเบียนทรัพย์สิน",
          "สำรวจและปรับปรุงข้อมูลที่ดินและสิ่งปลูกสร้างในแผนที่ภาษี 12 หมู่บ้าน "
          "ให้ตรงกับการใช้ประโยชน์จริง และบันทึกลงโปรแกรมทะเบียนทรัพย์สิน",
          "150000", ALL_VILLAGES, "พ.ย.-ก.พ."),
        P(6, GEN, "โครงการออกหน่วยรับชำระภาษีนอกสถานที่",
          "ออกหน่วยรับชำระภาษีที่ดินและสิ่งปลูกสร้างและภาษีป้าย ณ ศาลาประชาคม "
          "หมุนเวียน 12 หมู่บ้าน",
          "12345.50", ALL_VILLAGES, "ก.พ.-เม.ย."),
        P(6, GEN, "โครงการประชาสัมพันธ์การจัดเก็บภาษีท้องถิ่น",
          "ทำแผ่นพับ ป้ายไวนิล และสปอตเสียงตามสาย แจ้งอัตราภาษีและกำหนดเวลาชำระ "
          "ภาษีที่ดินและสิ่งปลูกสร้างและภาษีป้าย",
          "15000", ALL_VILLAGES, "ม.ค.-มี.ค."),
        P(6, GEN, "โครงการอบรมความรู้ด้านการจัดซื้อจัดจ้างและการเบิกจ่ายงบประมาณ",
          "อบรมเจ้าหน้าที่พัสดุ กรรมการตรวจรับ และผู้เบิกเงินของทุกกอง "
          "เรื่องระเบียบการจัดซื้อจัดจ้างและการเบิกจ่าย 1 วัน ผู้เข้าร่วม 40 คน",
          "18750.75", OFFICE, "พ.ย."),
        P(6, GEN, "โครงการพัฒนาช่องทางรับชำระภาษีทางอิเล็กทรอนิกส์",
          "จัดทำคิวอาร์โค้ดรับชำระภาษีผ่านบัญชีธนาคารของ อบต. "
          "และอบรมเจ้าหน้าที่การเงินเรื่องการตรวจสอบยอดรับชำระ",
          "9800", OFFICE, "ธ.ค."),
    ],
    "works": [
        P(1, IND, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 สายบ้านนายสม–ทุ่งนา",
          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 4 เมตร ยาว 200 เมตร หนา 0.15 เมตร "
          "หรือพื้นที่ไม่น้อยกว่า 800 ตารางเมตร ไหล่ทางลูกรังตามสภาพ พร้อมป้ายโครงการ",
          "478000", moo(3), "ม.ค.-มี.ค."),
        P(1, IND, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 4 สายบ้านนาสาธิต–โนนตัวอย่าง",
          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 4 เมตร ยาว 290 เมตร หนา 0.15 เมตร "
          "หรือพื้นที่ไม่น้อยกว่า 1,160 ตารางเมตร พร้อมป้ายโครงการ",
          "696500", moo(4), "พ.ย.-ม.ค."),
        P(1, IND, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 7 ซอยข้างวัดโนนตัวอย่าง",
          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 5 เมตร ยาว 150 เมตร หนา 0.15 เมตร "
          "หรือพื้นที่ไม่น้อยกว่า 750 ตารางเมตร",
          "449500", moo(7), "ก.พ.-มี.ค."),
        P(1, IND, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 11 สายสระจำลอง–โคกตัวอย่าง",
          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 5 เมตร ยาว 400 เมตร หนา 0.15 เมตร "
          "หรือพื้นที่ไม่น้อยกว่า 2,000 ตารางเมตร พร้อมวางท่อลอดเหลี่ยม 1 จุด",
          "1186000", moo(11), "ก.พ.-พ.ค.", fund=GRANT),
        P(1, IND, "โครงการปรับปรุงถนนเพื่อการเกษตร หมู่ที่ 8 สายทุ่งทดลอง–หนองน้ำ",
          "ลงหินคลุกผิวจราจร กว้าง 4 เมตร ยาว 1,200 เมตร หนาเฉลี่ย 0.10 เมตร "
          "พร้อมเกลี่ยและบดอัดแน่น",
          "236450.25", moo(8), "ธ.ค.-ม.ค."),
        P(1, IND, "โครงการซ่อมแซมผิวถนนแอสฟัลท์ติกคอนกรีต หมู่ที่ 1 สายกลางหมู่บ้าน",
          "ปูผิวแอสฟัลท์ติกคอนกรีตทับผิวเดิม กว้าง 6 เมตร ยาว 350 เมตร หนา 0.05 เมตร "
          "พร้อมตีเส้นจราจร",
          "735000", moo(1), "มี.ค.-พ.ค."),
        P(1, IND, "โครงการก่อสร้างลานคอนกรีตอเนกประสงค์ หมู่ที่ 12",
          "เทลานคอนกรีตเสริมเหล็ก กว้าง 20 เมตร ยาว 25 เมตร หนา 0.10 เมตร "
          "สำหรับตากผลผลิตทางการเกษตรและจัดกิจกรรมของหมู่บ้าน",
          "289000", moo(12), "พ.ค.-มิ.ย."),
        P(1, IND, "โครงการซ่อมสร้างผิวทางแอสฟัลท์ติกคอนกรีต ถนนสายหนองสมมุติ–นาสาธิต",
          "ปูผิวทางแอสฟัลท์ติกคอนกรีต กว้าง 6 เมตร ยาว 2,800 เมตร หนา 0.05 เมตร "
          "พร้อมไหล่ทางและเครื่องหมายจราจร",
          "2350000", f"{moo(1)} ถึง {moo(4)}", "ม.ค.-เม.ย.",
          responsible=AG_PAO, fund=OTHER_AGENCY,
          note="โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่", in_dev_plan=False),
        P(1, HOU, "โครงการก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็กพร้อมฝาปิด หมู่ที่ 6",
          "ก่อสร้างรางระบายน้ำ ค.ส.ล. รูปตัวยู กว้างภายใน 0.40 เมตร ลึกเฉลี่ย 0.50 เมตร "
          "ยาว 180 เมตร พร้อมฝาตะแกรงเหล็ก",
          "398000", moo(6), "ก.พ.-เม.ย."),
        P(1, HOU, "โครงการวางท่อระบายน้ำคอนกรีตเสริมเหล็กพร้อมบ่อพัก หมู่ที่ 2",
          "วางท่อระบายน้ำ ค.ส.ล. ขนาดเส้นผ่านศูนย์กลาง 0.60 เมตร ยาว 120 เมตร "
          "พร้อมบ่อพักทุกระยะ 10 เมตร",
          "312000", moo(2), "มี.ค.-เม.ย."),
        P(1, HOU, "โครงการอุดหนุนการไฟฟ้าส่วนภูมิภาคเพื่อขยายเขตไฟฟ้าแรงต่ำ หมู่ที่ 4",
          "อุดหนุนการไฟฟ้าส่วนภูมิภาคขยายเขตระบบจำหน่ายไฟฟ้าแรงต่ำ ระยะทาง 600 เมตร "
          "ไปยังบ้านเรือนและพื้นที่การเกษตรที่ยังไม่มีไฟฟ้าใช้",
          "420000", moo(4), "เม.ย.-มิ.ย.",
          responsible="กองช่าง / การไฟฟ้าส่วนภูมิภาคอำเภอเมืองตัวอย่าง"),
        P(1, HOU, "โครงการติดตั้งโคมไฟถนนพลังงานแสงอาทิตย์ หมู่ที่ 9",
          "ติดตั้งโคมไฟถนนพลังงานแสงอาทิตย์ชนิด LED ขนาด 100 วัตต์ พร้อมเสาสูง 6 เมตร "
          "จำนวน 20 ต้น ตามถนนสายหลักของหมู่บ้าน",
          "380000", moo(9), "มิ.ย.-ก.ค."),
        P(1, TRD, "โครงการขยายเขตประปาหมู่บ้าน หมู่ที่ 5",
          "วางท่อ PVC ขนาด 2 นิ้ว ชั้นคุณภาพ 8.5 ยาว 1,500 เมตร พร้อมประตูน้ำและอุปกรณ์ "
          "เชื่อมต่อจากระบบประปาหมู่บ้านเดิม",
          "287500", moo(5), "เม.ย.-พ.ค."),
        P(1, TRD, "โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 10",
          "เปลี่ยนสารกรอง ทราย และกรวดของถังกรองน้ำ ล้างถังเก็บน้ำ "
          "และซ่อมแซมท่อส่งน้ำที่ชำรุด ให้ประชาชน 180 ครัวเรือนมีน้ำสะอาดใช้",
          "165432.75", moo(10), "ม.ค.-ก.พ."),
        P(2, AGR, "โครงการขุดลอกคลองส่งน้ำเพื่อการเกษตร หมู่ที่ 8",
          "ขุดลอกดินตะกอนและวัชพืช ปากกว้างเฉลี่ย 12 เมตร ก้นกว้าง 6 เมตร ลึกเฉลี่ย 2 เมตร "
          "ยาว 850 เมตร",
          "495000", moo(8), "มี.ค.-เม.ย."),
        P(2, AGR, "โครงการขุดลอกหนองน้ำสาธารณะหนองสมมุติ หมู่ที่ 1",
          "ขุดลอกหนองน้ำลึกจากก้นหนองเดิมเฉลี่ย 1.50 เมตร ปริมาตรดินขุดไม่น้อยกว่า "
          "15,000 ลูกบาศก์เมตร พร้อมเกลี่ยคันดินรอบหนอง",
          "890000", moo(1), "ก.พ.-เม.ย.", fund=RESERVE),
        P(5, AGR, "โครงการก่อสร้างฝายชะลอน้ำตามแนวพระราชดำริ ลำห้วยจำลอง",
          "ก่อสร้างฝายชะลอน้ำแบบผสมผสานจากกระสอบทรายและวัสดุธรรมชาติ 10 ฝาย "
          "ร่วมกับจิตอาสาในชุมชน เพื่อเพิ่มความชุ่มชื้นให้ป่าต้นน้ำ",
          "50000", moo(5), "มิ.ย.-ก.ค."),
    ],
    "education": [
        P(4, EDU, "โครงการสนับสนุนอาหารเสริม (นม) โรงเรียนในเขตตำบล",
          "จัดซื้ออาหารเสริม (นม) ให้นักเรียนชั้นอนุบาลถึงประถมศึกษาปีที่ 6 "
          "โรงเรียน 3 แห่ง จำนวน 410 คน 260 วัน",
          "798554.40", SCHOOLS, "ทั้งปี"),
        P(4, EDU, "โครงการสนับสนุนอาหารเสริม (นม) ศูนย์พัฒนาเด็กเล็ก",
          "จัดซื้ออาหารเสริม (นม) ให้เด็กปฐมวัยในศูนย์พัฒนาเด็กเล็ก 2 แห่ง "
          "จำนวน 85 คน 260 วัน",
          "162877", f"{CDC_1} และ{CDC_2}", "ทั้งปี"),
        P(4, EDU, "โครงการอุดหนุนอาหารกลางวันโรงเรียนในเขตตำบล",
          "อุดหนุนค่าอาหารกลางวันให้โรงเรียน 3 แห่ง สำหรับนักเรียน 420 คน "
          "อัตรามื้อละ 22 บาท จำนวน 200 วัน",
          "1848000", SCHOOLS, "ทั้งปี"),
        P(4, EDU, "โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก",
          "จ้างเหมาประกอบอาหารกลางวันให้เด็กปฐมวัย 85 คน อัตรามื้อละ 21 บาท "
          "จำนวน 245 วัน",
          "437325", f"{CDC_1} และ{CDC_2}", "ทั้งปี"),
        P(4, EDU, "โครงการสนับสนุนค่าใช้จ่ายการจัดการศึกษาศูนย์พัฒนาเด็กเล็ก",
          "ค่าจัดการเรียนการสอนรายหัวคนละ 1,700 บาท และค่าหนังสือ อุปกรณ์การเรียน "
          "เครื่องแบบ และกิจกรรมพัฒนาผู้เรียน สำหรับเด็กปฐมวัย 85 คน 2 ภาคเรียน",
          "240550", f"{CDC_1} และ{CDC_2}", "ต.ค.-พ.ย., พ.ค.-มิ.ย."),
        P(4, EDU, "โครงการพัฒนาศักยภาพครูและบุคลากรทางการศึกษาศูนย์พัฒนาเด็กเล็ก",
          "ส่งครูผู้ดูแลเด็ก 8 คน เข้ารับการอบรมหลักสูตรการจัดประสบการณ์การเรียนรู้ "
          "สำหรับเด็กปฐมวัย และจัดประชุมแลกเปลี่ยนเรียนรู้ภายในศูนย์",
          "25000", f"{CDC_1} และ{CDC_2}", "ส.ค."),
        P(4, EDU, "โครงการส่งเสริมการอ่านและพัฒนาแหล่งเรียนรู้ในชุมชน",
          "จัดหาหนังสือเข้าที่อ่านหนังสือประจำหมู่บ้าน 12 แห่ง "
          "และจัดกิจกรรมเล่านิทานและส่งเสริมการอ่านให้เด็กและครอบครัว",
          "36789.25", ALL_VILLAGES, "ก.พ.-มี.ค."),
        P(4, EDU, "โครงการปรับปรุงซ่อมแซมอาคารศูนย์พัฒนาเด็กเล็กบ้านโคกตัวอย่าง",
          "เปลี่ยนหลังคาเมทัลชีทและฝ้าเพดาน และทาสีอาคารภายนอกและภายใน "
          "พื้นที่ไม่น้อยกว่า 180 ตารางเมตร",
          "198000", CDC_2, "เม.ย.-พ.ค.",
          responsible="กองการศึกษา ศาสนาและวัฒนธรรม / กองช่าง"),
        P(4, REL, "โครงการจัดงานประเพณีลอยกระทง",
          "จัดกิจกรรมประกวดกระทงประดิษฐ์จากวัสดุธรรมชาติ ประกวดนางนพมาศ "
          "และการแสดงของเด็กและเยาวชน",
          "80000", f"หนองน้ำสาธารณะหนองสมมุติ {moo(1)}", "พ.ย."),
        P(4, REL, "โครงการสืบสานประเพณีสงกรานต์และรดน้ำดำหัวผู้สูงอายุ",
          "จัดพิธีสรงน้ำพระ รดน้ำขอพรผู้สูงอายุ และการละเล่นพื้นบ้าน "
          "ผู้เข้าร่วมประมาณ 400 คน",
          "60000", OFFICE, "เม.ย.",
          responsible="กองการศึกษา ศาสนาและวัฒนธรรม / กองสวัสดิการสังคม"),
        P(4, REL, "โครงการแข่งขันกีฬาต้านยาเสพติด หนองสมมุติเกมส์",
          "จัดการแข่งขันฟุตบอล วอลเลย์บอล เปตอง และกีฬาพื้นบ้าน ระหว่างหมู่บ้าน 12 ทีม "
          "ให้เยาวชนและประชาชนใช้เวลาว่างให้เกิดประโยชน์และห่างไกลยาเสพติด",
          "150000", f"สนามกีฬา {SHORT}", "ม.ค.-ก.พ."),
        P(4, REL, "โครงการจัดงานวันเด็กแห่งชาติ",
          "จัดกิจกรรมนันทนาการ เกมการศึกษา และมอบของขวัญให้เด็กในตำบล "
          "ประมาณ 500 คน",
          "55000", OFFICE, "ม.ค."),
        P(4, REL, "โครงการค่ายคุณธรรมจริยธรรมสำหรับเด็กและเยาวชน",
          "จัดค่ายเรียนรู้หลักธรรมทางพระพุทธศาสนาและวินัยในตนเอง "
          "ให้นักเรียนและเยาวชน 100 คน จำนวน 2 วัน ร่วมกับวัดในตำบล",
          "35000", "วัดในเขตตำบลหนองสมมุติ", "เม.ย."),
        P(4, REL, "โครงการสืบสานประเพณีแห่เทียนพรรษา",
          "ร่วมกับวัด 5 แห่งในตำบล จัดขบวนแห่และถวายเทียนพรรษา "
          "พร้อมเครื่องไทยธรรม",
          "30000", "วัดในเขตตำบลหนองสมมุติ 5 แห่ง", "ก.ค."),
    ],
    "health": [
        P(3, HLT, "โครงการป้องกันและควบคุมโรคไข้เลือดออก",
          "พ่นหมอกควันกำจัดยุงลายในหมู่บ้าน โรงเรียน วัด และศูนย์พัฒนาเด็กเล็ก "
          "แจกทรายกำจัดลูกน้ำ และรณรงค์ทำลายแหล่งเพาะพันธุ์ยุงลาย 12 หมู่บ้าน "
          "ทั้งก่อนและระหว่างฤดูระบาด",
          "120000", ALL_VILLAGES, "มี.ค.-เม.ย., มิ.ย.-ก.ค."),
        P(3, HLT, "โครงการสัตว์ปลอดโรค คนปลอดภัย จากโรคพิษสุนัขบ้า",
          "สำรวจจำนวนสุนัขและแมว ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้าประมาณ 2,400 ตัว "
          "และให้ความรู้เรื่องการเลี้ยงสัตว์อย่างรับผิดชอบ",
          "86420.50", ALL_VILLAGES, "ก.พ.-มี.ค."),
        P(3, HLT, "โครงการอุดหนุนการดำเนินงานตามแนวทางโครงการพระราชดำริด้านสาธารณสุข",
          "อุดหนุนคณะกรรมการหมู่บ้าน 12 หมู่บ้าน หมู่บ้านละ 20,000 บาท "
          "เพื่อจัดกิจกรรมด้านสาธารณสุขตามแผนของหมู่บ้าน",
          "240000", ALL_VILLAGES, "ม.ค.-มี.ค."),
        P(3, HLT, "โครงการอบรมเพิ่มศักยภาพอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)",
          "อบรม อสม. 150 คน เรื่องการดูแลผู้ป่วยติดเตียง การคัดกรองโรคไม่ติดต่อเรื้อรัง "
          "และการรายงานข้อมูลสุขภาพผ่านแอปพลิเคชัน",
          "67890.25", OFFICE, "มิ.ย."),
        P(3, HLT, "โครงการส่งเสริมสุขภาพผู้สูงอายุและการออกกำลังกายในชุมชน",
          "จัดกิจกรรมออกกำลังกายด้วยยางยืดและไม้พลอง และตรวจวัดความดันโลหิต "
          "ประจำเดือนให้ผู้สูงอายุทั้ง 12 หมู่บ้าน",
          "40000", ALL_VILLAGES, "ทั้งปี"),
        P(3, HLT, "โครงการส่งเสริมโภชนาการแม่และเด็กในช่วง 1,000 วันแรกของชีวิต",
          "ให้ความรู้หญิงตั้งครรภ์และผู้ปกครองเด็กอายุ 0–2 ปี 60 คน "
          "เรื่องโภชนาการ พัฒนาการ และวัคซีน พร้อมมอบชุดอาหารเสริม",
          "28000", OFFICE, "ก.พ.",
          responsible=f"กองสาธารณสุขและสิ่งแวดล้อม / {AG_HOSP}"),
        P(3, HLT, "โครงการตรวจสุขาภิบาลอาหารและส่งเสริมร้านอาหารปลอดภัย",
          "ตรวจสุขาภิบาลร้านอาหาร แผงลอย และโรงอาหารในตำบล 35 แห่ง "
          "ด้วยชุดทดสอบสารปนเปื้อน และมอบป้ายร้านอาหารปลอดภัย",
          "15000", ALL_VILLAGES, "ส.ค.-ก.ย."),
        P(3, HLT, "โครงการคัดกรองความเสี่ยงโรคเบาหวานและความดันโลหิตสูง",
          "ตรวจคัดกรองระดับน้ำตาลในเลือดและความดันโลหิตของประชาชนอายุ 35 ปีขึ้นไป "
          "ประมาณ 1,800 คน และส่งต่อกลุ่มเสี่ยงเข้าคลินิกปรับเปลี่ยนพฤติกรรม",
          "45000", ALL_VILLAGES, "พ.ย.-ม.ค.",
          responsible=AG_HOSP, fund=OTHER_AGENCY,
          note="โครงการของหน่วยงานอื่นที่ดำเนินการในพื้นที่", in_dev_plan=False),
        P(5, HOU, "โครงการจ้างเหมาเก็บขนขยะมูลฝอยและนำไปกำจัด",
          "จ้างเหมาเก็บขนขยะมูลฝอยในเขตตำบลสัปดาห์ละ 2 ครั้ง "
          "และนำไปกำจัดที่ศูนย์กำจัดขยะมูลฝอยรวมของจังหวัด",
          "564000", ALL_VILLAGES, "ทั้งปี"),
        P(5, HOU, "โครงการธนาคารขยะรีไซเคิลในชุมชนและโรงเรียน",
          "จัดตั้งและพัฒนาธนาคารขยะรีไซเคิลในหมู่บ้าน 12 แห่งและโรงเรียน 3 แห่ง "
          "อบรมการคัดแยกขยะต้นทาง และจัดทำสมุดบัญชีเงินฝากขยะ",
          "45000", ALL_VILLAGES, "พ.ย.-ธ.ค."),
        P(5, HOU, "โครงการรณรงค์ลดและคัดแยกขยะต้นทางด้วยถังขยะเปียก",
          "ส่งเสริมให้ 1,500 ครัวเรือนทำถังขยะเปียกจากเศษอาหาร "
          "และจัดกิจกรรมทำความสะอาดหมู่บ้านทุกหมู่บ้าน",
          "30000", ALL_VILLAGES, "ม.ค.-ก.พ."),
        P(5, AGR, "โครงการปลูกต้นไม้เพิ่มพื้นที่สีเขียวในตำบล",
          "ปลูกไม้ยืนต้นและไม้ดอก 2,000 ต้น ในที่สาธารณประโยชน์ ริมถนน "
          "และริมหนองน้ำ พร้อมดูแลรดน้ำต่อเนื่อง 3 เดือน",
          "25000", ALL_VILLAGES, "มิ.ย.-ส.ค."),
    ],
    "welfare": [
        P(3, CEN, "โครงการเบี้ยยังชีพผู้สูงอายุ",
          "จ่ายเบี้ยยังชีพให้ผู้สูงอายุที่มีสิทธิ 320 คน ตามอัตราแบบขั้นบันได "
          "600–1,000 บาทต่อเดือน",
          "2457600", ALL_VILLAGES, "ทั้งปี"),
        P(3, CEN, "โครงการเบี้ยยังชีพความพิการ",
          "จ่ายเบี้ยความพิการให้คนพิการที่มีสิทธิ 95 คน คนละ 800 บาทต่อเดือน",
          "912000", ALL_VILLAGES, "ทั้งปี"),
        P(3, CEN, "โครงการเบี้ยยังชีพผู้ป่วยเอดส์",
          "จ่ายเบี้ยยังชีพผู้ป่วยเอดส์ที่แพทย์รับรองแล้ว 6 คน คนละ 500 บาทต่อเดือน",
          "36000", ALL_VILLAGES, "ทั้งปี"),
        P(3, CEN, "โครงการสมทบกองทุนสวัสดิการชุมชนตำบลหนองสมมุติ",
          "สมทบเงินกองทุนสวัสดิการชุมชน เพื่อจัดสวัสดิการเกิด แก่ เจ็บ ตาย "
          "ให้สมาชิกกองทุน",
          "60000", OFFICE, "ม.ค."),
        P(3, WEL, "โครงการปรับปรุงที่อยู่อาศัยผู้ยากไร้และผู้ด้อยโอกาส",
          "ซ่อมแซมหลังคา ผนัง และห้องน้ำ ให้ครัวเรือนผู้ยากไร้ที่ผ่านการคัดเลือก 5 หลัง "
          "หลังละไม่เกิน 40,000 บาท",
          "200000", ALL_VILLAGES, "ก.พ.-พ.ค.",
          responsible="กองสวัสดิการสังคม / กองช่าง"),
        P(3, WEL, "โครงการโรงเรียนผู้สูงอายุตำบลหนองสมมุติ",
          "จัดการเรียนรู้ให้ผู้สูงอายุ 60 คน เดือนละ 2 ครั้ง เรื่องสุขภาพ กฎหมายน่ารู้ "
          "การใช้สมาร์ตโฟน และภูมิปัญญาท้องถิ่น",
          "54321.75", OFFICE, "ธ.ค.-มี.ค."),
        P(3, WEL, "โครงการส่งเสริมอาชีพคนพิการและผู้ดูแลคนพิการ",
          "อบรมอาชีพการทำไม้กวาดและพวงหรีดผ้าให้คนพิการและผู้ดูแล 30 คน "
          "พร้อมวัสดุเริ่มต้นการผลิต",
          "30000", OFFICE, "มิ.ย."),
        P(3, COM, "โครงการส่งเสริมความเข้มแข็งของครอบครัวและป้องกันความรุนแรงในครอบครัว",
          "จัดกิจกรรมครอบครัวสัมพันธ์และอบรมแกนนำเฝ้าระวังความรุนแรงในครอบครัว "
          "หมู่บ้านละ 3 คน",
          "20000", OFFICE, "ส.ค."),
        P(2, COM, "โครงการฝึกอบรมอาชีพการทำขนมไทยและแปรรูปอาหารพื้นบ้าน",
          "ฝึกอบรมกลุ่มแม่บ้านและผู้ว่างงาน 40 คน ทำขนมไทย กล้วยฉาบ และน้ำพริก "
          "พร้อมความรู้การออกแบบบรรจุภัณฑ์และการขายออนไลน์",
          "45000", OFFICE, "ม.ค."),
        P(2, COM, "โครงการฝึกอบรมอาชีพการสานตะกร้าจากเส้นพลาสติกสำหรับผู้สูงอายุ",
          "ฝึกอบรมผู้สูงอายุ 30 คน สานตะกร้าและกระเป๋าจากเส้นพลาสติก "
          "เพื่อเป็นรายได้เสริมและใช้เวลาว่างให้เกิดประโยชน์",
          "25000", OFFICE, "มี.ค."),
        P(2, TRD, "โครงการส่งเสริมตลาดนัดผลิตภัณฑ์ชุมชนหนองสมมุติ",
          "จัดตลาดนัดผลิตภัณฑ์ชุมชนทุกวันศุกร์แรกของเดือน ณ ลานหน้าที่ทำการ อบต. "
          "และอบรมการทำบัญชีครัวเรือนและบัญชีกลุ่มอาชีพ",
          "35000", OFFICE, "พ.ย.-ก.พ."),
    ],
}

# Projects in the development plan that are not carried out this year (realistic:
# the development plan always lists more than one year's operational plan).
DEV_PLAN_ONLY = (
    (1, "โครงการก่อสร้างสะพานคอนกรีตเสริมเหล็กข้ามลำห้วยจำลอง หมู่ที่ 5", "1800000"),
    (4, "โครงการก่อสร้างอาคารศูนย์พัฒนาเด็กเล็กหลังใหม่ บ้านหนองสมมุติ", "2400000"),
    (6, "โครงการติดตั้งระบบผลิตไฟฟ้าพลังงานแสงอาทิตย์บนหลังคาที่ทำการ อบต.", "950000"),
)
#: First page of each strategy's table in the (fictional) development plan.
DEV_PLAN_FIRST_PAGE = {1: 62, 2: 78, 3: 86, 4: 97, 5: 109, 6: 115}
DEV_PLAN_ROWS_PER_PAGE = 4

# --- Equipment -------------------------------------------------------------

EQUIPMENT: dict[str, list[E]] = {
    "palad": [
        E(GEN, T_OFFICE, "จัดซื้อตู้เหล็กเก็บเอกสาร แบบ 2 บาน จำนวน 4 ตู้",
          "22000", OFFICE, "ธ.ค."),
        E(GEN, T_COMPUTER, "จัดซื้อเครื่องคอมพิวเตอร์โน้ตบุ๊ก สำหรับงานประมวลผล จำนวน 2 เครื่อง",
          "48000", OFFICE, "ม.ค."),
        E(GEN, T_COMPUTER, "จัดซื้อเครื่องพิมพ์เลเซอร์ ขาวดำ จำนวน 2 เครื่อง",
          "7800", OFFICE, "ม.ค."),
        E(GEN, T_ADVERT, "จัดซื้อเครื่องมัลติมีเดียโปรเจคเตอร์ ขนาด 3,500 ANSI Lumens จำนวน 1 เครื่อง",
          "25500", f"ห้องประชุม {OFFICE}", "ก.พ."),
        E(SEC, T_VEHICLE, "จัดซื้อรถบรรทุกน้ำอเนกประสงค์ ขนาดความจุไม่น้อยกว่า 6,000 ลิตร จำนวน 1 คัน",
          "2480000", OFFICE, "มี.ค.-พ.ค.", note="ใช้ดับเพลิงและแจกจ่ายน้ำช่วงภัยแล้ง"),
    ],
    "finance": [
        E(GEN, T_COMPUTER, "จัดซื้อเครื่องคอมพิวเตอร์ All In One สำหรับงานประมวลผล จำนวน 2 เครื่อง",
          "46000", OFFICE, "พ.ย."),
        E(GEN, T_OFFICE, "จัดซื้อเก้าอี้สำนักงาน มีพนักพิง จำนวน 5 ตัว",
          "12487.50", OFFICE, "ธ.ค."),
    ],
    "works": [
        E(IND, T_SURVEY, "จัดซื้อกล้องระดับอัตโนมัติ กำลังขยาย 30 เท่า พร้อมขาตั้งและไม้สต๊าฟ จำนวน 1 ชุด",
          "42000", OFFICE, "ม.ค."),
        E(IND, T_BUILD, "จัดซื้อเครื่องตบดิน ขนาดเครื่องยนต์ไม่น้อยกว่า 5 แรงม้า จำนวน 1 เครื่อง",
          "24000", OFFICE, "ก.พ."),
        E(TRD, T_FARM, "จัดซื้อเครื่องสูบน้ำแบบจุ่มใต้น้ำ (ซับเมอร์ส) ขนาด 2 แรงม้า จำนวน 2 เครื่อง",
          "56000", "ระบบประปาหมู่บ้านในเขตตำบล", "มี.ค."),
    ],
    "education": [
        E(EDU, T_EDU, "จัดซื้อชุดโต๊ะและเก้าอี้สำหรับเด็กปฐมวัย จำนวน 10 ชุด",
          "35000", CDC_1, "เม.ย."),
        E(EDU, T_KITCHEN, "จัดซื้อตู้เย็น ขนาด 9 คิวบิกฟุต จำนวน 1 ตู้",
          "13500", CDC_2, "พ.ค."),
        E(REL, T_SPORT, "จัดซื้อเครื่องออกกำลังกายกลางแจ้ง จำนวน 6 ชุด",
          "120000", f"สนามกีฬา {SHORT}", "มิ.ย.-ก.ค."),
    ],
    "health": [
        E(HLT, T_MEDICAL, "จัดซื้อเครื่องพ่นหมอกควันกำจัดยุง จำนวน 2 เครื่อง",
          "118000", OFFICE, "เม.ย."),
    ],
    "welfare": [
        E(WEL, T_COMPUTER, "จัดซื้อเครื่องสำรองไฟฟ้า ขนาด 800 VA จำนวน 3 เครื่อง",
          "7500", OFFICE, "พ.ย."),
    ],
}

# --- One plan folder -------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """Everything one plan folder is written from.

    MAIN (the FY 2568 sample) is made of the tables above; the era samples in
    samples/eras/ come from samples/eras_data.py, which derives them from the
    same tables.
    """

    folder: str  # under samples/: "sample-plan" or "eras/fy2555"
    fiscal_year: int
    strategies: tuple[str, ...]
    departments: tuple[tuple[str, str, str, str], ...]  # (name, code, filler, phone)
    projects: dict[str, list[P]]
    #: None: the submissions have no ครุภัณฑ์ sheet (the 2548 edition has no ผด.02/1).
    equipment: dict[str, list[E]] | None
    dev_plan_only: tuple[tuple[int, str, str], ...]
    dev_plan_first_page: dict[int, int]
    announce_date: str
    announcer: str
    #: 2548 edition only: the approaches as (strategy, name), numbered 1.1, 1.2, …
    #: within each strategy.  The projects' ``programme`` then holds an approach
    #: code such as "1.2" instead of a programme name.
    approaches: tuple[tuple[int, str], ...] = ()
    #: One line for the README: what this folder shows.
    blurb: str = ""

    @property
    def by_approach(self) -> bool:
        return bool(self.approaches)

    @property
    def approach_names(self) -> dict[str, str]:
        """Approach code ("1.2") → name, in settings order."""
        names, within = {}, {}
        for strategy, name in self.approaches:
            within[strategy] = within.get(strategy, 0) + 1
            names[f"{strategy}.{within[strategy]}"] = name
        return names


MAIN = Sample(
    folder="sample-plan", fiscal_year=FISCAL_YEAR, strategies=STRATEGIES,
    departments=DEPARTMENTS, projects=PROJECTS, equipment=EQUIPMENT,
    dev_plan_only=DEV_PLAN_ONLY, dev_plan_first_page=DEV_PLAN_FIRST_PAGE,
    announce_date="25 ตุลาคม 2567", announcer="นายสมมุติ ตั้งใจดี",
)


def era_samples() -> list[Sample]:
    """The plans of earlier years, one per era of the regulation (samples/eras/)."""
    import eras_data  # imports this module: see the end of the file

    return list(eras_data.ERAS)


# --- Helpers ---------------------------------------------------------------


def parse_months(spec: str) -> tuple[bool, ...]:
    """``"ต.ค.-พ.ย., เม.ย.-พ.ค."`` → twelve booleans in fiscal order."""
    if spec == "ทั้งปี":
        return (True,) * 12
    marks = [False] * 12
    for run in spec.split(","):
        first, _, last = run.strip().partition("-")
        start = MONTHS.index(first.strip())
        end = MONTHS.index(last.strip()) if last else start
        if end < start:
            raise ValueError(f"month run goes backwards: {spec!r}")
        for index in range(start, end + 1):
            marks[index] = True
    return tuple(marks)


def satang(budget: str) -> int:
    return baht_to_satang(Decimal(budget))


def cell_amount(budget: str) -> int | float:
    """The value typed into a budget cell: an int, or a float with ≤ 2 decimals."""
    amount = Decimal(budget)
    value: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
    assert Decimal(repr(value)) == amount, budget  # exact through the float's repr
    return value


def strategy_cell(sample: Sample, number: int) -> str:
    return f"{number} {sample.strategies[number - 1]}"


def group_cell(sample: Sample, project: P, index: int) -> str:
    """The แผนงาน cell, or for the 2548 edition the แนวทาง cell.

    Approach cells mix the two forms people type: "1.2 <name>" as the
    dropdown gives it on even rows (0, 2, …) and the bare code "1.2" on odd rows.
    """
    if not sample.by_approach:
        return project.programme
    code = project.programme
    return f"{code} {sample.approach_names[code]}" if index % 2 == 0 else code


def dev_plan_refs(sample: Sample) -> dict[str, str]:
    """Development-plan reference for every project that has one, by project name."""
    counters: dict[int, int] = {}
    refs: dict[str, str] = {}
    for _, code, _, _ in sample.departments:
        for project in sample.projects[code]:
            if not project.in_dev_plan:
                continue
            counters[project.strategy] = counters.get(project.strategy, 0) + 1
            n = counters[project.strategy]
            page = (sample.dev_plan_first_page[project.strategy]
                    + (n - 1) // DEV_PLAN_ROWS_PER_PAGE)
            refs[project.name] = f"หน้า {page} ลำดับ {n}"
    return refs


def dev_plan_entries(sample: Sample, refs: dict[str, str]) -> list[DevPlanProject]:
    entries = []
    for _, code, _, _ in sample.departments:
        for project in sample.projects[code]:
            if project.name in refs:
                entries.append(DevPlanProject(strategy_cell(sample, project.strategy),
                                              project.name, satang(project.budget),
                                              refs[project.name]))
    counters: dict[int, int] = {}
    for project in (p for code in sample.projects for p in sample.projects[code]
                    if p.name in refs):
        counters[project.strategy] = counters.get(project.strategy, 0) + 1
    for number, name, budget in sample.dev_plan_only:
        counters[number] = counters.get(number, 0) + 1
        n = counters[number]
        page = sample.dev_plan_first_page[number] + (n - 1) // DEV_PLAN_ROWS_PER_PAGE
        entries.append(DevPlanProject(strategy_cell(sample, number), name, satang(budget),
                                      f"หน้า {page} ลำดับ {n}"))
    # In the order of the development plan itself: by strategy, then ลำดับ.
    return sorted(entries, key=lambda e: (int(e.strategy.split()[0]),
                                          int(e.reference.rsplit(" ", 1)[1])))


def validate(sample: Sample) -> None:
    """Fail loudly if a data table breaks the sample's own rules."""
    projects, equipment = sample.projects, sample.equipment or {}
    names = [p.name for code in projects for p in projects[code]]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates, duplicates
    codes = {code for _, code, _, _ in sample.departments}
    assert set(projects) == codes and set(equipment) <= codes
    assert sample.by_approach == uses_approaches(infer_edition(sample.fiscal_year))
    assert not (sample.by_approach and sample.equipment is not None), sample.folder
    approaches = sample.approach_names
    for number in range(1, len(sample.strategies) + 1):
        if sample.by_approach:  # 2–4 approaches under every strategy
            assert 2 <= sum(c.startswith(f"{number}.") for c in approaches) <= 4, number
    for code in projects:
        for p in projects[code]:
            assert 1 <= p.strategy <= len(sample.strategies), p.name
            if sample.by_approach:  # an approach of the project's own strategy
                assert p.programme in approaches, (p.programme, p.name)
                assert p.programme.split(".")[0] == str(p.strategy), (p.programme, p.name)
            else:
                assert p.programme in STANDARD_PROGRAMMES, p.programme
            assert 5000 <= Decimal(p.budget) <= 2500000, p.name
            assert any(parse_months(p.months)), p.name
            cell_amount(p.budget)
        for e in equipment.get(code, []):
            assert e.programme in STANDARD_PROGRAMMES, e.programme
            assert e.equipment_type in STANDARD_EQUIPMENT_TYPES, e.equipment_type
            assert 5000 <= Decimal(e.budget) <= 2500000, e.target
            assert any(parse_months(e.months)), e.target
            cell_amount(e.budget)
    if sample.by_approach:  # every approach has at least one project
        used = {p.programme for code in projects for p in projects[code]}
        assert used == set(approaches), set(approaches) - used


# --- Writing ---------------------------------------------------------------

FONT = Font(name="TH SarabunPSK", size=16)
BOLD = Font(name="TH SarabunPSK", size=16, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
WIDTHS = {
    "strategy": 30, "group": 28, "programme": 28, "name": 44, "activity": 60,
    "budget": 16, "place": 30, "responsible": 28, "fund_source": 30,
    "dev_plan_ref": 22, "note": 28, "category": 14, "equipment_type": 28, "target": 50,
}
MONTH_WIDTH = 6.5


def format_sheet(ws, columns) -> None:
    for cell in ws[1]:
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = WIDTHS.get(column.key, MONTH_WIDTH)
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.font = FONT
            if column.key.startswith("m") and column.key[1:].isdigit():
                cell.alignment = CENTER
            elif column.key == "budget":
                cell.number_format = "#,##0.00"
                cell.alignment = Alignment(vertical="top")
            else:
                cell.alignment = WRAP
    ws.freeze_panes = "A2"


def month_cells(spec: str) -> list[str | None]:
    return [MARK if marked else None for marked in parse_months(spec)]


def write_submission(path: Path, sample: Sample, name: str, code: str, filler: str,
                     phone: str, refs: dict[str, str]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)

    columns = project_columns("แนวทาง" if sample.by_approach else "แผนงาน")
    ws = workbook.create_sheet(PROJECT_SHEET)
    ws.append([c.label for c in columns])
    for index, p in enumerate(sample.projects[code]):
        values = {
            "strategy": strategy_cell(sample, p.strategy),
            "group": group_cell(sample, p, index), "name": p.name,
            "activity": p.activity, "budget": cell_amount(p.budget), "place": p.place,
            "responsible": p.responsible or name, "fund_source": FUND_SOURCES[p.fund],
            "dev_plan_ref": refs.get(p.name), "note": p.note or None,
        }
        values.update(zip((f"m{i:02d}" for i in range(1, 13)), month_cells(p.months), strict=True))
        ws.append([values[c.key] for c in columns])
    format_sheet(ws, columns)

    if sample.equipment is not None:
        ws = workbook.create_sheet(EQUIPMENT_SHEET)
        ws.append([c.label for c in EQUIPMENT_COLUMNS])
        for e in sample.equipment.get(code, []):
            values = {
                "programme": e.programme, "category": DEFAULT_CATEGORY,
                "equipment_type": e.equipment_type, "target": e.target,
                "budget": cell_amount(e.budget), "place": e.place, "responsible": name,
                "note": e.note or None,
            }
            values.update(zip((f"m{i:02d}" for i in range(1, 13)), month_cells(e.months),
                              strict=True))
            ws.append([values[c.key] for c in EQUIPMENT_COLUMNS])
        format_sheet(ws, EQUIPMENT_COLUMNS)

    ws = workbook.create_sheet(DEPARTMENT_SHEET)
    ws.append(["รายการ", "ค่า"])
    items = dict(zip(DEPARTMENT_ITEMS, (name, sample.fiscal_year, filler, phone), strict=True))
    for label in DEPARTMENT_ITEMS:
        ws.append([label, items[label]])
    for cell in ws[1]:
        cell.font, cell.fill = BOLD, HEADER_FILL
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.font = FONT
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 40

    workbook.properties.creator = "oplan-xl sample"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.save(path)
    fix_times(path, FIXED_TIME)


def build_settings(sample: Sample, refs: dict[str, str]):
    """Settings for *sample*.  The edition is left to inference (write_settings
    always writes ฉบับระเบียบ empty); the plan kind and period are the
    defaults for the inferred edition and are written out as such."""
    settings = default_settings(ORG, sample.fiscal_year, DISTRICT, PROVINCE)
    settings.strategies = [Strategy(n, name) for n, name in enumerate(sample.strategies, 1)]
    if sample.by_approach:
        assert settings.by_approach
        settings.approaches = [
            Programme(order, name, int(code.split(".")[0]), code)
            for order, (code, name) in enumerate(sample.approach_names.items(), 1)]
    settings.departments = [Department(n, name, code)
                            for n, (name, code, _, _) in enumerate(sample.departments, 1)]
    settings.responsible_unit = "งานวิเคราะห์นโยบายและแผน สำนักปลัด"
    settings.announce_date = sample.announce_date
    settings.announcer = sample.announcer
    settings.announcer_title = f"นายก{ORG}"
    settings.dev_plan = dev_plan_entries(sample, refs)
    assert [p.name for p in settings.programmes] == list(STANDARD_PROGRAMMES)
    return settings


def write_sample(sample: Sample, root: Path) -> list[Path]:
    """Write one plan folder under *root*; return the files written."""
    validate(sample)
    refs = dev_plan_refs(sample)
    plan_dir = root / sample.folder
    submissions = plan_dir / "submissions"
    submissions.mkdir(parents=True, exist_ok=True)
    (plan_dir / "plan.xlsx").unlink(missing_ok=True)
    for old in sorted(submissions.glob("*.xlsx")):
        old.unlink()

    plan = write_settings(build_settings(sample, refs), plan_dir / "plan.xlsx")
    fix_times(plan, FIXED_TIME)
    written = [plan]
    for name, code, filler, phone in sample.departments:
        path = submissions / f"{code}.xlsx"
        write_submission(path, sample, name, code, filler, phone, refs)
        written.append(path)
    return written


# --- Summary and README ----------------------------------------------------


def summary(sample: Sample) -> dict:
    per_dept = []
    per_strategy = {n: [0, 0] for n in range(1, len(sample.strategies) + 1)}
    equipment = sample.equipment or {}
    for name, code, _, _ in sample.departments:
        projects = sample.projects[code]
        per_dept.append((name, code, len(projects), sum(satang(p.budget) for p in projects),
                         len(equipment.get(code, [])),
                         sum(satang(e.budget) for e in equipment.get(code, []))))
        for p in projects:
            per_strategy[p.strategy][0] += 1
            per_strategy[p.strategy][1] += satang(p.budget)
    return {"departments": per_dept, "strategies": per_strategy,
            "count": sum(r[2] for r in per_dept), "total": sum(r[3] for r in per_dept),
            "eq_count": sum(r[4] for r in per_dept), "eq_total": sum(r[5] for r in per_dept)}


def readme_main(info: dict) -> list[str]:
    """The FY 2568 part of the README."""
    rows = info["departments"]
    total, eq_total = info["total"], info["eq_total"]
    lines = [
        "# ตัวอย่างแผนการดำเนินงาน / Sample plan",
        "",
        "<!-- Generated by samples/make_sample.py — edit the script, not this file. -->",
        "",
        f"`sample-plan/` คือแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {FISCAL_YEAR} ของ"
        f"**{ORG}** อำเภอ{DISTRICT} จังหวัด{PROVINCE} ซึ่งเป็นองค์กรสมมุติ "
        "ชื่อหมู่บ้าน บุคคล และหมายเลขโทรศัพท์ทั้งหมดแต่งขึ้น ข้อความทุกโครงการเขียนขึ้นใหม่ "
        "ไม่ได้คัดลอกจากแผนที่เผยแพร่จริง",
        "",
        f"`sample-plan/` is the FY {FISCAL_YEAR} operational plan of a **fictional** Thai "
        "subdistrict administrative organisation. Every village, person, phone number and "
        "project text is invented. It holds the settings workbook `plan.xlsx` and one "
        "department workbook per department in `submissions/`.",
        "",
        "`eras/` holds three more plans of the same organisation in earlier years, one for "
        "each era of the regulation (see *One plan per era of the regulation* below).",
        "",
        "## สร้างใหม่ / Regenerate",
        "",
        "```",
        "python samples/make_sample.py           # rewrite every sample and this README",
        "python samples/make_sample.py --check   # regenerate in a temporary folder and compare",
        "```",
        "",
        "สคริปต์เขียนทับ `sample-plan/`, `eras/*/` (เฉพาะ `plan.xlsx` และ `submissions/*.xlsx`) "
        "และไฟล์นี้ ผลลัพธ์เหมือนเดิมทุกไบต์ทุกครั้งที่รัน `--check` สร้างใหม่ในโฟลเดอร์ชั่วคราว "
        "แล้วเทียบ SHA-256 กับไฟล์ในที่เก็บ ถ้าไม่ตรงกันจะจบด้วยรหัส 1",
        "",
        "The script rewrites `plan.xlsx` and `submissions/*.xlsx` in `sample-plan/` and in "
        "each `eras/*/` folder, and this README. Its output is byte-reproducible (fixed "
        "document properties and zip times): two runs give the same SHA-256 for every file. "
        "`--check` writes everything into a temporary folder instead and compares SHA-256 "
        "with the committed files, exiting 1 on any difference (a test runs it).",
        "",
        "## โครงการตามหน่วยงาน / Projects by department",
        "",
    ]
    lines += department_table(rows, info)
    lines += [
        "",
        "## โครงการตามยุทธศาสตร์ / Projects by strategy",
        "",
    ]
    lines += strategy_table(MAIN, info)
    lines += [
        "",
        f"รวมทั้งแผน (โครงการ + ครุภัณฑ์) / Whole plan (projects + equipment): "
        f"**{format_baht(total + eq_total)}** บาท / baht.",
        "",
        "Three projects belong to other agencies working in the area (แหล่งงบประมาณ "
        "“งบประมาณของหน่วยงานอื่น”) and have no development-plan reference; they are "
        "included in the totals above, as they are in the plan.",
        "",
    ]
    return lines


def department_table(rows, info: dict, equipment: bool = True) -> list[str]:
    if not equipment:
        lines = ["| หน่วยงาน / Department | ไฟล์ / File | โครงการ / Projects "
                 "| งบประมาณ (บาท) / Budget (baht) |",
                 "|---|---|---:|---:|"]
        for name, code, count, total, _, _ in rows:
            lines.append(f"| {name} | `submissions/{code}.xlsx` | {count} "
                         f"| {format_baht(total)} |")
        lines.append(f"| **รวมทั้งสิ้น / Total** | | **{info['count']}** "
                     f"| **{format_baht(info['total'])}** |")
        return lines
    lines = [
        "| หน่วยงาน / Department | ไฟล์ / File | โครงการ / Projects | งบประมาณ (บาท) / Budget (baht) "
        "| ครุภัณฑ์ / Equipment | งบครุภัณฑ์ (บาท) / Equipment (baht) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, code, count, total, eq_count, eq_total in rows:
        lines.append(f"| {name} | `submissions/{code}.xlsx` | {count} | {format_baht(total)} "
                     f"| {eq_count} | {format_baht(eq_total)} |")
    lines.append(f"| **รวมทั้งสิ้น / Total** | | **{info['count']}** "
                 f"| **{format_baht(info['total'])}** "
                 f"| **{info['eq_count']}** | **{format_baht(info['eq_total'])}** |")
    return lines


def strategy_table(sample: Sample, info: dict) -> list[str]:
    lines = [
        "| ยุทธศาสตร์ / Strategy | โครงการ / Projects | งบประมาณ (บาท) / Budget (baht) |",
        "|---|---:|---:|",
    ]
    for number, (n, amount) in info["strategies"].items():
        lines.append(f"| {number}. {sample.strategies[number - 1]} | {n} "
                     f"| {format_baht(amount)} |")
    lines.append(f"| **รวมทั้งสิ้น / Total** | **{info['count']}** "
                 f"| **{format_baht(info['total'])}** |")
    return lines


def readme_eras(eras: list[Sample]) -> list[str]:
    """The eras part of the README: one section per era folder."""
    lines = [
        "## แผนตัวอย่างตามฉบับระเบียบ / One plan per era of the regulation",
        "",
        "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่นแก้ไขมาแล้ว "
        "2 ครั้ง รูปแบบแผนการดำเนินงานจึงต่างกันตามปี โฟลเดอร์ `eras/` มีแผนของ"
        f"{SHORT} (องค์กรสมมุติเดียวกัน) ในปีต่าง ๆ ปีละหนึ่งฉบับ",
        "",
        "The regulation changed twice, and the plan book's grouping and forms changed with "
        "it. Each `eras/` folder is a complete plan folder (settings + submissions) of the "
        "same fictional organisation in an earlier year. In every one `ฉบับระเบียบ` is left "
        "empty, so the edition is inferred from the fiscal year; the development plan's "
        "name and period are written out in `plan.xlsx` and are the defaults for that "
        "edition and year. The project tables are derived from the FY 2568 ones by "
        "`samples/eras_data.py`: budgets scaled to the year's price level by a fixed "
        "rule, plus year-specific edits (projects dropped, added or reworded, rates of "
        "allowances and school meals of that year).",
        "",
        "| โฟลเดอร์ / Folder | ปีงบประมาณ / FY | ฉบับระเบียบ / Edition | แผนพัฒนา / Development plan "
        "| จัดกลุ่มตาม / Grouped by | ฟอร์ม / Forms | หน่วยงาน / Departments "
        "| โครงการ / Projects | งบประมาณ (บาท) / Budget (baht) | ครุภัณฑ์ / Equipment "
        "| งบครุภัณฑ์ (บาท) / Equipment (baht) |",
        "|---|---:|---|---|---|---|---:|---:|---:|---:|---:|",
    ]
    infos = [summary(sample) for sample in eras]
    for sample, info in zip(eras, infos, strict=True):
        edition = infer_edition(sample.fiscal_year)
        forms = "ผด.01, ผด.02" if sample.by_approach else "ผด.01, ผด.02, ผด.02/1"
        group = "ยุทธศาสตร์ → แนวทาง" if sample.by_approach else "ยุทธศาสตร์ → แผนงาน"
        lines.append(
            f"| `{sample.folder}/` | {sample.fiscal_year} | {edition} "
            f"| {default_plan_kind(edition, sample.fiscal_year)} "
            f"{default_plan_period(edition, sample.fiscal_year)} | {group} | {forms} "
            f"| {len(sample.departments)} | {info['count']} | {format_baht(info['total'])} "
            f"| {info['eq_count'] if sample.equipment is not None else '—'} "
            f"| {format_baht(info['eq_total']) if sample.equipment is not None else '—'} |")
    for sample, info in zip(eras, infos, strict=True):
        lines += [
            "",
            f"### `{sample.folder}/` — ปีงบประมาณ พ.ศ. {sample.fiscal_year}",
            "",
            sample.blurb,
            "",
        ]
        lines += department_table(info["departments"], info,
                                  equipment=sample.equipment is not None)
        lines.append("")
        lines += strategy_table(sample, info)
        if sample.by_approach:
            lines += ["", "แนวทาง (แผ่นงาน แนวทาง ใน `plan.xlsx`) / Approaches:", ""]
            lines += [f"- {code} {name}" for code, name in sample.approach_names.items()]
        lines += [
            "",
            f"รวมทั้งแผน / Whole plan: **{format_baht(info['total'] + info['eq_total'])}** "
            "บาท / baht.",
        ]
    lines.append("")
    return lines


def write_readme(root: Path, eras: list[Sample]) -> Path:
    path = root / "README.md"
    lines = readme_main(summary(MAIN)) + readme_eras(eras)
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    return path


# --- Main ------------------------------------------------------------------


def generate(root: Path) -> list[Path]:
    """Write every sample folder and the README under *root* (samples/ or a temp dir)."""
    eras = era_samples()
    written = []
    for sample in (MAIN, *eras):
        written += write_sample(sample, root)
    written.append(write_readme(root, eras))
    return written


def owned_files(root: Path) -> list[str]:
    """The files the script owns under *root*, as sorted POSIX paths relative to it."""
    found = [root / "README.md"] if (root / "README.md").exists() else []
    for folder in [root / MAIN.folder, *sorted((root / "eras").glob("*/"))]:
        found += [folder / "plan.xlsx"] if (folder / "plan.xlsx").exists() else []
        found += sorted((folder / "submissions").glob("*.xlsx"))
    return sorted(path.relative_to(root).as_posix() for path in found)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compare(root: Path, fresh: Path) -> list[str]:
    """Differences between the owned files under *root* and a fresh generation *fresh*.

    One line per file: ``changed``, ``missing`` (the script writes it, *root*
    lacks it) or ``extra`` (*root* has it, the script no longer writes it).
    """
    expected = {name: sha256(fresh / name) for name in owned_files(fresh)}
    present = {name: sha256(root / name) for name in owned_files(root)}
    problems = [f"missing  {name}" for name in expected if name not in present]
    problems += [f"extra    {name}" for name in present if name not in expected]
    problems += [f"changed  {name}" for name in expected
                 if name in present and present[name] != expected[name]]
    return sorted(problems, key=lambda line: line.split()[-1])


def check(root: Path = HERE) -> int:
    """Regenerate into a temporary folder; 0 if every owned file under *root* matches."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="oplan-samples-") as temp:
        generate(Path(temp))
        problems = compare(root, Path(temp))
        count = len(owned_files(Path(temp)))
    for line in problems:
        print(line)
    if problems:
        print(f"samples differ from samples/make_sample.py ({len(problems)} files); "
              "run: python samples/make_sample.py", file=sys.stderr)
        return 1
    print(f"samples match samples/make_sample.py ({count} files)")
    return 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write the bundled sample plans.")
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare with the "
                             "committed files (exit 1 on any difference); write nothing")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    for path in generate(HERE):
        print(f"{sha256(path)[:16]}  {path.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    # Run as the module ``make_sample``, not ``__main__``, so that samples/eras_data.py
    # can import the tables and records above from it (one copy of each class).
    import make_sample

    raise SystemExit(make_sample.main())
