"""Fixtures of issue 16, deliverable 5: a plan's ผด.02 and ผด.02/1 made by hand, to
``oplan import``.

One workbook as an officer types the published plan: title rows, a header over
two rows (พ.ศ. 2567 / พ.ศ. 2568 over the months), heading rows
``1. ยุทธศาสตร์…`` / ``1.1 แผนงาน…`` merged across, ที่ numbering restarting
under each programme, month bars as shading, a continuation row, total rows
labelled ``รวม 3 โครงการ`` as text, a budget typed in words (unreadable), units
in and out of plan.xlsx and one blank, then an edition divider
``เพิ่มเติม ครั้งที่ 1/2568`` with a later edition's rows under it; and a
ผด.02/1 sheet with its heading rows (``1. ครุภัณฑ์สำนักงาน``) and a total row.
The same with ✓ marks through LibreOffice as .xls (where shading is not read)
and with shading as .ods.
"""

from __future__ import annotations

from make_fixtures import MARK, C, Sheet

BAR = "#5B9BD5"
HEADING_FILL = "#F2F2F2"
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
          "ส.ค.", "ก.ย."]
PROJECT_LABELS = ["ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ",
                  "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]
EQUIPMENT_LABELS = ["ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย (ผลผลิตของครุภัณฑ์)",
                    "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]

#: The rows under the ผด.02 header: ("h", text) a heading or divider merged across,
#: ("p", ที่, name, activity, budget, place, unit, months) a project, ("c", activity)
#: a continuation, ("t", label, budget) a total row.
PROJECT_ROWS = [
    ("h", "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"),
    ("h", "1.1 แผนงานเคหะและชุมชน"),
    ("p", 1, "โครงการวางท่อระบายน้ำ หมู่ที่ 2", "วางท่อ ค.ส.ล. ยาว 120 เมตร", 312000,
     "หมู่ที่ 2", "กองช่าง", (4,)),
    ("c", "พร้อมบ่อพักทุกระยะ 10 เมตร"),
    ("p", 2, "โครงการติดตั้งโคมไฟถนน หมู่ที่ 9", "โคมไฟ LED 20 ต้น", 380000.5, "หมู่ที่ 9",
     "กองช่าง", (6, 7, 8)),
    ("p", 3, "โครงการซ่อมแซมศาลาประชาคม", "ทาสีและเปลี่ยนหลังคา", "สามแสนบาท", "หมู่ที่ 5",
     "กองช่าง", (9,)),
    ("t", "รวม 3 โครงการ", 692000.5),
    ("h", "2. ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจและการเกษตร"),
    ("h", "2.1 แผนงานการเกษตร"),
    ("p", 1, "โครงการส่งเสริมการปลูกผักปลอดสาร", "อบรมเกษตรกร 50 คน", 45000.25,
     "ศาลาประชาคม", "สำนักปลัด", (2, 3)),
    ("p", 2, "โครงการอบรมการแปรรูปผลผลิต", "อบรมกลุ่มแม่บ้าน 30 คน", 30000,
     "ศาลาประชาคม", "สำนักงานเกษตรอำเภอเมืองทดสอบ", (5,)),
    ("p", 3, "โครงการตลาดนัดชุมชน", "จัดตลาดนัดเดือนละครั้ง", 20000, "ลานหน้าที่ทำการ",
     None, (7,)),
    ("t", "รวม 3 โครงการ", 95000.25),
    ("h", "เพิ่มเติม ครั้งที่ 1/2568"),
    ("h", "1.1 แผนงานเคหะและชุมชน"),
    ("p", 1, "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 4", "ยาว 80 เมตร", 150000, "หมู่ที่ 4",
     "กองช่าง", (10,)),
    ("t", "รวม 1 โครงการ", 150000),
]

EQUIPMENT_ROWS = [
    ("h", "1. ครุภัณฑ์สำนักงาน"),
    ("h", "แผนงานบริหารงานทั่วไป"),
    ("e", 1, "แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์สำนักงาน",
     "ตู้เหล็ก 2 บาน จำนวน 4 ตู้", 22000, "ที่ทำการ", "สำนักปลัด", (2,)),
    ("t", "รวม 1 รายการ", 22000),
]


def _table(name: str, title: str, labels: list[str], rows, marks: str) -> Sheet:
    """A printed form typed by hand: titles, the two-row header, then *rows*."""
    months_at = len(labels)
    last = months_at + 11
    sheet = Sheet(name, [[title], ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"],
                         ["องค์การบริหารส่วนตำบลทดสอบ อำเภอเมืองทดสอบ จังหวัดทดสอบ"],
                         [None] * (last + 1), [None] * months_at + MONTHS])
    for col, label in enumerate(labels):
        sheet.merges.append((3, col, 4, col, label))
    sheet.merges += [(3, months_at, 3, months_at + 2, "พ.ศ. 2567"),
                     (3, months_at + 3, 3, last, "พ.ศ. 2568")]
    budget_col = labels.index("งบประมาณ (บาท)")
    for kind, *values in rows:
        index = len(sheet.rows)
        if kind == "h":
            sheet.rows.append([None] * (last + 1))
            sheet.merges.append((index, 0, index, last, C(values[0], fill=HEADING_FILL)))
        elif kind == "c":
            sheet.rows.append([None, None, values[0]])
        elif kind == "t":
            sheet.rows.append([values[0]] + [None] * (budget_col - 1) + [values[1]])
        else:
            *cells, months = values
            for month in range(1, 13):
                if month not in months:
                    cells.append(None)
                else:
                    cells.append(C(None, fill=BAR) if marks == "fill" else MARK)
            sheet.rows.append(cells)
    return sheet


def handmade(marks: str = "fill") -> list[Sheet]:
    return [_table("ผด.02", "บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ", PROJECT_LABELS,
                   PROJECT_ROWS, marks),
            _table("ผด.02-1", "บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น",
                   EQUIPMENT_LABELS, EQUIPMENT_ROWS, marks)]


def fixtures() -> dict[str, list[Sheet]]:
    return {"trust-import-handmade.xlsx": handmade(),
            "trust-import-handmade-marks.xlsx": handmade("text")}


def libreoffice() -> list[tuple[str, list[Sheet], str]]:
    return [("trust-import-handmade-marks.xls", handmade("text"), "xls:MS Excel 97"),
            ("trust-import-handmade.ods", handmade(), "ods:calc8")]
