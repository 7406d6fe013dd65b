"""The finding catalogue and the report that carries findings and reconciliation.

A finding is data, never an exception: every code has a severity and a Thai
and an English message template with named placeholders (SPEC §6).  Codes are
stable kebab-case; tests and other tools rely on them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from oplan_xl.core.limits import MAX_FINDING_VALUE_CHARS
from oplan_xl.core.model import satang_to_decimal

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class FindingKind:
    code: str
    severity: str
    th: str
    en: str


def _kinds(*kinds: FindingKind) -> dict[str, FindingKind]:
    return {kind.code: kind for kind in kinds}


CATALOGUE = _kinds(
    # --- the file as a whole ---
    FindingKind(
        "file-unreadable", ERROR,
        "เปิดไฟล์ไม่ได้ ไฟล์อาจเสียหรือส่งมาไม่ครบ ({reason}) — ขอไฟล์ใหม่จากหน่วยงาน "
        "เปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "Cannot open the file; it may be damaged or incomplete ({reason}) - ask the "
        "department for a new copy, opened in Excel and saved as .xlsx",
    ),
    FindingKind(
        "file-encrypted", ERROR,
        "ไฟล์ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ — ขอให้หน่วยงานเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) "
        "แล้วส่งใหม่",
        "The file is password protected and cannot be read - ask the department to "
        "remove the password (File > Info > Protect Workbook) and send it again",
    ),
    FindingKind(
        "file-not-workbook", ERROR,
        "ไฟล์นี้ไม่ใช่ไฟล์ Excel ({reason}) — ขอให้หน่วยงานกรอกในแบบฟอร์ม Excel แล้วส่งใหม่",
        "This file is not a workbook ({reason}) - ask the department to fill in the "
        "Excel form and send that",
    ),
    FindingKind(
        "file-too-large", ERROR,
        "ไฟล์ใหญ่ผิดปกติ ({reason}) จึงไม่อ่าน — ตรวจว่าส่งไฟล์ถูก หรือลบรูปภาพและแผ่นงานที่ไม่ใช้ออก",
        "The file is unusually large ({reason}) and was not read - check it is the "
        "right file, or remove pictures and unused sheets",
    ),
    FindingKind(
        "sheet-too-large", ERROR,
        "แผ่นงาน \"{sheet}\" ใหญ่เกินกว่าจะอ่านได้ ({reason}) — ลบแถวและคอลัมน์ท้ายแผ่นงานที่ไม่ใช้ออก "
        "(มักมีข้อความหลงอยู่ไกลจากตาราง)",
        "Sheet \"{sheet}\" is too large to read ({reason}) - delete the unused rows and "
        "columns at its end (usually a stray value far from the table)",
    ),
    FindingKind(
        "duplicate-file", ERROR,
        "ไฟล์นี้เหมือนกับไฟล์ {other} ทุกไบต์ จึงไม่นับซ้ำ — ลบไฟล์ที่ซ้ำออกจากโฟลเดอร์ submissions",
        "This file is byte-for-byte the same as {other} and is not counted twice - "
        "remove the copy from the submissions folder",
    ),
    # --- finding the table ---
    FindingKind(
        "no-header", ERROR,
        "ไม่พบหัวตาราง \"{sheet}\" (ต้องมีคอลัมน์ {expected}) — ใช้แบบฟอร์มจาก oplan template "
        "และอย่าแก้ชื่อหัวคอลัมน์",
        "No header row found for \"{sheet}\" (needs columns {expected}) - use the "
        "workbook from `oplan template` and keep its headers",
    ),
    FindingKind(
        "missing-column", ERROR,
        "ไม่พบคอลัมน์ \"{column}\" ในหัวตาราง — เพิ่มคอลัมน์นี้กลับเข้าไป",
        "Column \"{column}\" is missing from the header - put it back",
    ),
    FindingKind(
        "column-ambiguous", ERROR,
        "หัวตารางมีคอลัมน์ \"{column}\" มากกว่าหนึ่งคอลัมน์ ({columns}) จึงไม่แน่ใจว่าต้องอ่านค่าจากคอลัมน์ใด "
        "— ลบหรือเปลี่ยนชื่อคอลัมน์ที่ไม่ใช้ (เช่น งบประมาณปีก่อน) ให้เหลือคอลัมน์เดียว",
        "The header names \"{column}\" in more than one column ({columns}), so which one "
        "holds the value is not certain - delete or rename the one not meant (last year's "
        "budget, say) so that one is left",
    ),
    FindingKind(
        "column-hidden-not-read", WARNING,
        "หัวตารางมีคอลัมน์ \"{column}\" มากกว่าหนึ่งคอลัมน์ — อ่านจากคอลัมน์ {chosen} ที่มองเห็น "
        "ไม่อ่านคอลัมน์ที่ซ่อนไว้ ({hidden}) — ตรวจว่าถูกต้อง แล้วลบคอลัมน์ที่ไม่ใช้ออก",
        "The header names \"{column}\" in more than one column - column {chosen}, the "
        "visible one, was read, not the hidden {hidden} - check this, then delete the "
        "column not meant",
    ),
    FindingKind(
        "table-very-large", WARNING,
        "ตาราง \"{sheet}\" มี {rows} แถว มากผิดปกติสำหรับหน่วยงานเดียว (เกิน {limit} แถว) — "
        "ตรวจว่าไม่ได้วางข้อมูลซ้ำหลายครั้ง หรือส่งไฟล์ผิด",
        "Table \"{sheet}\" has {rows} rows, unusually many for one department (over "
        "{limit}) - check that nothing was pasted twice and that it is the right file",
    ),
    FindingKind(
        "sheet-not-read", ERROR,
        "แผ่นงาน \"{sheet}\" มีตารางโครงการหรือครุภัณฑ์อีกชุดหนึ่งที่โปรแกรมไม่ได้อ่าน — ย้ายแถวไปไว้ในแผ่นงาน "
        "\"โครงการ\" หรือ \"ครุภัณฑ์\"",
        "Sheet \"{sheet}\" holds another project or equipment table that was not read - "
        "move its rows to the โครงการ or ครุภัณฑ์ sheet",
    ),
    FindingKind(
        "fiscal-year-mismatch", ERROR,
        "ไฟล์นี้ระบุปีงบประมาณ {value} แต่แผนเป็นปี {year} — ตรวจว่าส่งไฟล์ของปีที่ถูกต้อง",
        "The file says fiscal year {value} but the plan is for {year} - check it is "
        "this year's file",
    ),
    # --- the rows ---
    FindingKind(
        "required-empty", ERROR,
        "ยังไม่ได้กรอก \"{column}\" — กรอกให้ครบ",
        "\"{column}\" is empty - fill it in",
    ),
    FindingKind(
        "budget-not-number", ERROR,
        "งบประมาณ \"{value}\" ไม่ใช่ตัวเลข — พิมพ์เป็นตัวเลข เช่น 150000 หรือ 150,000.50",
        "Budget \"{value}\" is not a number - type a number such as 150000 or 150,000.50",
    ),
    FindingKind(
        "budget-too-large", ERROR,
        "งบประมาณ \"{value}\" สูงเกินจริง (เกิน {limit} บาท) — ตรวจว่าพิมพ์ตัวเลขถูก",
        "Budget \"{value}\" is implausibly large (over {limit} baht) - check the figure",
    ),
    FindingKind(
        "budget-not-positive", ERROR,
        "งบประมาณ {value} ต้องมากกว่า 0",
        "Budget {value} must be greater than 0",
    ),
    FindingKind(
        "budget-too-many-decimals", ERROR,
        "งบประมาณ {value} มีทศนิยมเกิน 2 ตำแหน่ง — ปัดให้เหลือไม่เกินสตางค์",
        "Budget {value} has more than 2 decimals - round it to satang",
    ),
    FindingKind(
        "no-month", ERROR,
        "ยังไม่ได้ทำเครื่องหมายเดือนที่ดำเนินการ — ใส่ ✓ ในช่องเดือน ต.ค. ถึง ก.ย. อย่างน้อย 1 เดือน "
        "(โปรแกรมไม่นับการระบายสีในไฟล์ .xls สีพื้นที่เหมือนกันทั้งตาราง หรือเส้นและลูกศรที่วาดทับช่อง)",
        "No month is marked - put a ✓ in at least one month column (Oct to Sep); colour "
        "is not counted in an .xls file, nor a tint the whole table shares, nor lines and "
        "arrows drawn over the cells",
    ),
    FindingKind(
        "month-in-text-only", ERROR,
        "ระบุช่วงเวลา \"{months}\" ไว้ในข้อความ แต่ไม่ได้ทำเครื่องหมายในช่องเดือน — ใส่ ✓ ในช่องเดือน "
        "{marks}",
        "The text names \"{months}\" but no month column is marked - put a ✓ in "
        "{marks}",
    ),
    FindingKind(
        "month-marked-by-fill", WARNING,
        "อ่านเดือนที่ดำเนินการจากสีพื้นของช่อง ({marks}) เพราะไม่มีเครื่องหมายในช่อง — ตรวจว่าถูกต้อง "
        "และควรใส่ ✓ แทนการระบายสี",
        "The months were read from the cells' fill colour ({marks}) as no cell holds a "
        "mark - check them, and prefer a ✓ to colour",
    ),
    # --- months read other than by a mark in each month (read.months) ---
    FindingKind(
        "month-span-in-cell", WARNING,
        "อ่านช่วงเดือนจากข้อความ \"{words}\" ในช่องเดือน เป็น {months} — ตรวจว่าถูกต้อง "
        "และควรใส่ ✓ ในทุกเดือนที่ดำเนินการแทนการเขียนช่วงเดือน",
        "The span \"{words}\" written in a month cell was read as {months} - check it, "
        "and prefer a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-bar-merged", WARNING,
        "ช่องเดือนถูกผสานเป็นแถบเดียว จึงอ่านเป็นทุกเดือนที่แถบครอบคลุม ({months}) — ตรวจว่าถูกต้อง "
        "และควรยกเลิกการผสานเซลล์แล้วใส่ ✓ ทีละเดือน",
        "The month cells are merged into one bar, read as every month it covers "
        "({months}) - check it, and prefer unmerged cells with a ✓ in each month",
    ),
    FindingKind(
        "month-bar-arrows", WARNING,
        "อ่านเดือนจากลูกศรหัวท้าย เป็นทุกเดือนตั้งแต่ลูกศรแรกถึงลูกศรสุดท้าย ({months}) — "
        "ตรวจว่าถูกต้อง และควรใส่ ✓ ในทุกเดือนที่ดำเนินการแทนลูกศร",
        "The months were read from arrows at the two ends of a span, as every month "
        "from the first arrow to the last ({months}) - check it, and prefer a ✓ in each month",
    ),
    FindingKind(
        "month-mark-words", WARNING,
        "ช่องเดือนมีข้อความ \"{value}\" แทนเครื่องหมาย จึงนับเป็นเดือนที่ดำเนินการ ({months}) — "
        "ตรวจว่าถูกต้อง และควรใส่ ✓ แทนข้อความ",
        "The month cell holds the words \"{value}\" instead of a mark, counted as a month "
        "the work runs ({months}) - check it, and prefer a ✓",
    ),
    FindingKind(
        "month-tint-not-counted", WARNING,
        "อ่านเดือนจากเครื่องหมายเท่านั้น ({months}) ส่วนช่องเดือนอื่นที่ระบายสีเดียวกันทั้งหมด ถือเป็นสีพื้นของแบบฟอร์ม "
        "— ถ้าสีนั้นคือช่วงเวลาดำเนินการ ให้ใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The months were read from the marks only ({months}); the other month cells, all "
        "in one colour, were taken for the form's background - if the colour shows when "
        "the work runs, put a ✓ in each of those months",
    ),
    FindingKind(
        "month-unreadable", ERROR,
        "อ่านช่องเดือนไม่ได้: \"{value}\" ไม่ใช่เครื่องหมาย ช่วงเดือน หรือลูกศร จึงไม่แน่ใจว่าดำเนินการ"
        "เดือนนี้หรือไม่ — ใส่ ✓ ถ้าดำเนินการ หรือลบข้อความออกถ้าไม่ดำเนินการ",
        "The month cell holds \"{value}\", which is not a mark, a span or an arrow, so "
        "whether the work runs that month is not certain - put a ✓ if it does, or clear "
        "the cell if it does not",
    ),
    FindingKind(
        "month-arrow-unmatched", ERROR,
        "ลูกศร \"{value}\" ในช่องเดือนไม่มีลูกศรอีกด้านมาคู่กัน จึงไม่รู้ว่าช่วงเดือนเริ่มหรือสิ้นสุดเดือนใด "
        "— ใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The arrow \"{value}\" in a month cell has no arrow at the other end, so where "
        "the span starts or ends is not known - put a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-span-backwards", ERROR,
        "ช่วงเดือน \"{words}\" ย้อนกลับหรือข้ามปีงบประมาณ (ปีงบประมาณเริ่ม ต.ค. สิ้นสุด ก.ย.) — "
        "แก้ช่วงเดือนให้ถูกต้อง หรือใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The span \"{words}\" runs backwards or across fiscal years (the fiscal year runs "
        "from Oct to Sep) - correct it, or put a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-colour-unknown", ERROR,
        "ช่องเดือน {months} ผสานเป็นแถบแต่ไม่มีเครื่องหมาย และไฟล์ .xls ไม่เก็บสีให้โปรแกรมอ่านได้ — "
        "ใส่ ✓ ในทุกเดือนที่ดำเนินการ หรือบันทึกไฟล์เป็น .xlsx",
        "Month cells {months} are merged into a bar with no mark, and an .xls file keeps "
        "no colour the program can read - put a ✓ in each month, or save as .xlsx",
    ),
    FindingKind(
        "unknown-strategy", ERROR,
        "ไม่พบยุทธศาสตร์ \"{value}\" ในไฟล์ตั้งค่า — เลือกจากรายการ (ใส่เลขยุทธศาสตร์ 1 ถึง {count})",
        "Strategy \"{value}\" is not in the settings - choose from the list "
        "(strategy numbers 1 to {count})",
    ),
    FindingKind(
        "unknown-programme", ERROR,
        "ไม่พบแผนงาน \"{value}\" ในไฟล์ตั้งค่า — เลือกแผนงานจากรายการ",
        "Programme \"{value}\" is not in the settings - choose one from the list",
    ),
    FindingKind(
        "unknown-approach", ERROR,
        "ไม่พบแนวทาง \"{value}\" ภายใต้ยุทธศาสตร์ที่ {strategy} — เลือกแนวทางจากรายการของยุทธศาสตร์นั้น",
        "Approach \"{value}\" is not under strategy {strategy} - choose one of "
        "that strategy's approaches",
    ),
    FindingKind(
        "unknown-equipment-type", ERROR,
        "ไม่พบประเภทครุภัณฑ์ \"{value}\" ในไฟล์ตั้งค่า — เลือกประเภทจากรายการ",
        "Equipment type \"{value}\" is not in the settings - choose one from the list",
    ),
    FindingKind(
        "equipment-no-form", ERROR,
        "ระเบียบฉบับ พ.ศ. 2548 ไม่มีแบบ ผด.02/1 รายการครุภัณฑ์นี้จึงไม่ปรากฏในแผน — "
        "ย้ายไปกรอกเป็นโครงการในแผ่นงาน \"โครงการ\"",
        "The 2548 edition has no ผด.02/1 form, so this equipment item would appear "
        "nowhere - enter it as a project on the โครงการ sheet",
    ),
    FindingKind(
        "continuation-row", WARNING,
        "แถวนี้มีเฉพาะข้อความใน \"{column}\" จึงถือเป็นข้อความต่อจากแถว {previous} และนำไปต่อท้ายแล้ว "
        "— ถ้าเป็นโครงการใหม่ ให้กรอกช่องอื่นให้ครบ",
        "This row holds only text in \"{column}\", so it was appended to row {previous} - if "
        "it is a new project, fill in its other cells",
    ),
    FindingKind(
        "note-row", WARNING,
        "ข้อความใต้ตาราง \"{value}\" (ลงชื่อ ตำแหน่ง หมายเหตุ) ไม่ได้นำเข้าแผน — ถ้าไม่ใช่โครงการ "
        "ให้ลบออกจากตารางหรือย้ายไปไว้ใต้ตารางโดยเว้นแถวว่าง ถ้าเป็นโครงการ ให้กรอกงบประมาณและช่องอื่นให้ครบ",
        "The text under the table \"{value}\" (a signature, position or note) was not taken "
        "into the plan - if it is not a project, delete it from the table or move it below; "
        "if it is a project, fill in its budget and other cells",
    ),
    FindingKind(
        "total-row-mismatch", WARNING,
        "แถวรวมระบุ {value} บาท แต่ผลรวมของแถวข้างบนคือ {expected} บาท — โปรแกรมรวมยอดเองและไม่ใช้แถวนี้ "
        "ตรวจว่ามีแถวตกหล่นหรือพิมพ์ยอดผิด",
        "The total row says {value} baht but the rows above add up to {expected} baht - "
        "the tool sums the rows itself and ignores this row; check for a missing row or "
        "a mistyped total",
    ),
    FindingKind(
        "formula-cell", WARNING,
        "ช่องนี้เป็นสูตร {formula} โปรแกรมใช้ค่าที่คำนวณไว้ \"{value}\" — ตรวจว่าค่าถูกต้อง "
        "และควรพิมพ์เป็นตัวเลขหรือข้อความแทนสูตร",
        "This cell holds the formula {formula}; its saved value \"{value}\" is used - "
        "check it, and prefer typing the value",
    ),
    FindingKind(
        "text-too-long", WARNING,
        "ข้อความใน \"{column}\" ยาว {length} ตัวอักษร เกินกว่าที่พิมพ์ในแบบฟอร์มได้พอดี ({limit}) — "
        "ย่อให้สั้นลง",
        "The text in \"{column}\" is {length} characters long, more than fits the printed "
        "form ({limit}) - shorten it",
    ),
    FindingKind(
        "text-over-cell-limit", ERROR,
        "ข้อความใน \"{column}\" ยาว {length} ตัวอักษร เกินที่ช่องหนึ่งของ Excel เก็บได้ ({limit}) "
        "จึงใส่ในแบบฟอร์มไม่ได้ — ตรวจว่าไม่ได้วางข้อความผิดช่อง แล้วย่อให้สั้นลง",
        "The text in \"{column}\" is {length} characters long, more than one Excel cell "
        "holds ({limit}), so it cannot go into the forms - check it was not pasted into "
        "the wrong cell, and shorten it",
    ),
    FindingKind(
        "name-variant", WARNING,
        "\"{value}\" ถือเป็น \"{standard}\" — ควรเลือกชื่อจากรายการให้ตรงกัน",
        "\"{value}\" was read as \"{standard}\" - pick the exact name from the list",
    ),
    # --- the plan as a whole ---
    FindingKind(
        "department-no-submission", WARNING,
        "หน่วยงาน \"{department}\" ยังไม่ได้ส่งไฟล์ — ติดตามให้ส่งก่อนจัดทำแผน",
        "Department \"{department}\" has sent nothing - follow up before publishing",
    ),
    FindingKind(
        "unknown-department", WARNING,
        "ไม่ทราบว่าไฟล์นี้เป็นของหน่วยงานใด (\"{value}\" ไม่มีในไฟล์ตั้งค่า) — ตั้งชื่อไฟล์ตามรหัสหน่วยงาน "
        "หรือกรอกชื่อหน่วยงานในแผ่นงาน \"หน่วยงาน\"",
        "Cannot tell which department sent this file (\"{value}\" is not in the "
        "settings) - name it after the department code or fill in its หน่วยงาน sheet",
    ),
    FindingKind(
        "department-several-files", WARNING,
        "หน่วยงาน \"{department}\" ส่งมาหลายไฟล์ ({files}) ทุกไฟล์ถูกนับ — ถ้าเป็นฉบับแก้ไข "
        "ให้ลบฉบับเก่าออก",
        "Department \"{department}\" sent several files ({files}) and all are counted - "
        "if one replaces another, remove the old one",
    ),
    FindingKind(
        "duplicate-project", WARNING,
        "โครงการ \"{value}\" ที่ \"{place}\" ซ้ำกับ {other} — ตรวจว่าไม่ได้ส่งซ้ำ",
        "Project \"{value}\" at \"{place}\" repeats {other} - check it was not "
        "submitted twice",
    ),
    FindingKind(
        "not-in-dev-plan", WARNING,
        "ไม่พบโครงการ \"{value}\" ในบัญชีแผนพัฒนา — ตรวจชื่อหรือเพิ่มในแผ่นงาน \"แผนพัฒนา\"",
        "Project \"{value}\" is not in the development-plan list - check its name",
    ),
)


@dataclass(frozen=True)
class Finding:
    """One problem, located to the cell (SPEC §5 --json shape plus its params)."""

    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    cell: str = ""
    value: str = ""
    params: tuple[tuple[str, object], ...] = ()

    @property
    def kind(self) -> FindingKind:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> str:
        return self.kind.severity

    def message(self, lang: str = "th") -> str:
        template = self.kind.th if lang == "th" else self.kind.en
        return template.format(value=self.value, column=self.column, sheet=self.sheet,
                               **dict(self.params))

    def to_dict(self, lang: str = "th") -> dict:
        return {"severity": self.severity, "code": self.code, "file": self.file,
                "sheet": self.sheet, "cell": self.cell, "row": self.row,
                "column": self.column, "value": self.value, "message": self.message(lang)}


def finding(code: str, file: str = "", sheet: str = "", row: int | None = None,
            column: str = "", cell: str = "", value: object = "", **params: object) -> Finding:
    """Make a Finding; *params* fill the message placeholders beyond value/column/sheet."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown finding code {code!r}")
    shown = "" if value is None else str(value)
    if len(shown) > MAX_FINDING_VALUE_CHARS:  # a 100,000-character cell stays in its file
        shown = shown[:MAX_FINDING_VALUE_CHARS] + "…"
    return Finding(code, file, sheet, row, column, cell, shown, tuple(sorted(params.items())))


@dataclass
class FileTally:
    """Reconciliation of one input file: everything read is planned or rejected."""

    file: str
    department: str = ""
    sha256: str = ""
    size: int = 0
    rows_read: int = 0
    rows_planned: int = 0
    rows_rejected: int = 0
    satang_read: int = 0
    satang_planned: int = 0
    satang_rejected: int = 0
    #: Not data rows, so outside rows_read: recognised total rows (their figure
    #: is a sum of the rows, counting it would count the baht twice) and
    #: continuation rows (their text is part of the data row above) and note
    #: rows (a signature block or a note under the table, never a project).
    total_rows: int = 0
    continuation_rows: int = 0
    note_rows: int = 0

    def add(self, planned: bool, satang: int) -> None:
        self.rows_read += 1
        self.satang_read += satang
        if planned:
            self.rows_planned += 1
            self.satang_planned += satang
        else:
            self.rows_rejected += 1
            self.satang_rejected += satang

    @property
    def balanced(self) -> bool:
        return (self.rows_read == self.rows_planned + self.rows_rejected
                and self.satang_read == self.satang_planned + self.satang_rejected)


@dataclass
class Report:
    """What ``check`` returns: findings, per-file tallies, and the accepted rows."""

    findings: list[Finding] = field(default_factory=list)
    files: list[FileTally] = field(default_factory=list)
    projects: list = field(default_factory=list)
    equipment: list = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_file(self, file: str, department: str, sha256: str, size: int) -> FileTally:
        tally = FileTally(file, department, sha256, size)
        self.files.append(tally)
        return tally

    def total(self) -> FileTally:
        total = FileTally("")
        for tally in self.files:
            for name in ("rows_read", "rows_planned", "rows_rejected",
                         "satang_read", "satang_planned", "satang_rejected",
                         "total_rows", "continuation_rows", "note_rows"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
        return total

    def reconciliation(self) -> dict:
        def as_dict(tally: FileTally) -> dict:
            data = asdict(tally)
            for kind in ("read", "planned", "rejected"):
                data[f"baht_{kind}"] = str(satang_to_decimal(data.pop(f"satang_{kind}")))
            return data

        total = as_dict(self.total())
        for key in ("file", "department", "sha256", "size"):
            total.pop(key)
        return {"total": total, "files": [as_dict(t) for t in self.files]}

    def to_dict(self, lang: str = "th") -> dict:
        """The ``check --json`` document (SPEC §5)."""
        return {"ok": self.ok, "reconciliation": self.reconciliation(),
                "findings": [f.to_dict(lang) for f in self.findings]}
