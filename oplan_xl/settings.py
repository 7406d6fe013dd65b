"""The settings workbook ``plan.xlsx`` (SPEC §3): writing defaults, reading back.

The planning officer edits this workbook in Excel, so reading it is strict
about structure (sheets, header labels, known items) and says in Thai exactly
what to fix; it is tolerant only about spacing and Thai digits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomically
from .errors import SettingsError
from .model import (
    EDITIONS,
    MAX_FISCAL_YEAR,
    MIN_FISCAL_YEAR,
    Department,
    DevPlanProject,
    EquipmentType,
    Programme,
    Settings,
    Strategy,
    baht_to_satang,
    infer_edition,
    to_arabic_digits,
)
from .normalise import NotANumber, clean_text, is_blank, label_key, parse_amount, parse_int
from .sheets import UnreadableWorkbook, open_workbook, read_grid

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


# --- Writing ---------------------------------------------------------------


def write_settings(settings: Settings, path: Path) -> Path:
    """Write *settings* as a settings workbook at *path* (atomically)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    font = Font(name="TH SarabunPSK", size=16)
    bold = Font(name="TH SarabunPSK", size=16, bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    workbook = Workbook()
    workbook.remove(workbook.active)

    def sheet(title: str, rows: list[tuple], widths: tuple[int, ...]):
        ws = workbook.create_sheet(title)
        ws.append(HEADERS[title])
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.font = font
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + index)].width = width
        ws.freeze_panes = "A2"
        return ws

    info_rows = []
    for item in INFO_ITEMS:
        value = getattr(settings, item.attr)
        if item.kind == "yesno":
            value = "ใช่" if value else "ไม่ใช่"
        elif item.kind == "edition":
            # Empty = inferred from the fiscal year, so next year's copy stays right;
            # an edition the officer fixed by hand is kept.
            value = "" if value == infer_edition(settings.fiscal_year) else value
        info_rows.append((item.label, value))
    info = sheet(INFO, info_rows, (34, 60))
    for row, item in enumerate(INFO_ITEMS, 2):
        if item.hint:
            info.cell(row, 1).comment = Comment(item.hint, "oplan")
    for item, choices in (("edition", '"2548,2559,2561"'), ("yesno", '"ใช่,ไม่ใช่"')):
        validation = DataValidation(type="list", formula1=choices, allow_blank=True)
        info.add_data_validation(validation)
        for row, info_item in enumerate(INFO_ITEMS, 2):
            if info_item.kind == item:
                validation.add(f"B{row}")

    sheet(STRATEGIES, [(s.number, s.name) for s in settings.strategies], (8, 70))
    sheet(PROGRAMMES, [(p.order, p.name) for p in settings.programmes], (8, 50))
    if settings.by_approach or settings.approaches:
        sheet(APPROACHES, [(a.strategy, int(a.code.split(".")[1]), a.name)
                           for a in settings.approaches], (12, 8, 60))
    sheet(DEPARTMENTS, [(d.order, d.name, d.code) for d in settings.departments], (8, 40, 16))
    sheet(EQUIPMENT, [(t.order, t.name) for t in settings.equipment_types], (8, 50))
    sheet(DEV_PLAN, [(p.strategy, p.name, _baht_or_blank(p.budget_satang), p.reference)
                     for p in settings.dev_plan], (12, 60, 18, 20))
    sheet(PART1, [(topic, settings.part1.get(topic, "")) for topic in PART1_TOPICS], (34, 100))
    text_stays_text(workbook)
    return write_atomically(path, lambda temp: workbook.save(temp))


def text_stays_text(workbook) -> None:
    """openpyxl turns any string starting with ``=`` into a formula: make every such
    cell text again (nothing we write with openpyxl is meant as a formula), so an
    organisation or strategy named ``=…`` stays that text in Excel."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def _baht_or_blank(satang: int | None):
    return "" if satang is None else satang / 100


# --- Reading ---------------------------------------------------------------


#: What to tell the planning officer for each reason plan.xlsx cannot be opened.
_UNREADABLE_KEYS = {
    "file-encrypted": "settings-encrypted",
    "file-not-workbook": "settings-not-workbook",
    "file-too-large": "settings-too-large",
    "sheet-too-large": "settings-too-large",
}


def read_settings(path: Path) -> Settings:
    """Read and validate a settings workbook; raise SettingsError on any problem."""
    if not path.is_file():
        raise SettingsError("settings-not-found", path=path)
    try:
        workbook = open_workbook(path)
        names = {clean_text(name): name for name in workbook.sheet_names}
        grids = {title: read_grid(workbook, names[title])
                 for title in HEADERS if title in names}
    except UnreadableWorkbook as exc:
        key = _UNREADABLE_KEYS.get(exc.code, "settings-unreadable")
        raise SettingsError(key, path=path, reason=exc.reason) from exc
    for title, grid in grids.items():
        _check_header(title, grid)

    info = _read_info(_rows(grids, INFO))
    settings = Settings(**info)
    settings.strategies = [Strategy(number, name) for number, name, _ in
                           _numbered(_rows(grids, STRATEGIES), STRATEGIES)]
    numbers = {s.number for s in settings.strategies}
    if PROGRAMMES in grids or not settings.by_approach:
        settings.programmes = [Programme(number, name) for number, name, _ in
                               _numbered(_rows(grids, PROGRAMMES), PROGRAMMES)]
    if APPROACHES in grids or settings.by_approach:
        settings.approaches = _read_approaches(_rows(grids, APPROACHES), numbers)
    settings.departments = _read_departments(_rows(grids, DEPARTMENTS))
    settings.source_sha256 = hashlib.sha256(workbook.data).hexdigest()
    settings.source_size = len(workbook.data)
    settings.equipment_types = [EquipmentType(number, name) for number, name, _ in
                                _numbered(_rows(grids, EQUIPMENT), EQUIPMENT)]
    settings.dev_plan = _read_dev_plan(grids.get(DEV_PLAN, [])[1:])
    settings.part1 = {clean_text(row[0]): str(row[1]).strip()
                      for row in grids.get(PART1, [])[1:]
                      if len(row) > 1 and not is_blank(row[0]) and not is_blank(row[1])}
    return settings


def _rows(grids: dict, title: str) -> list[tuple[int, list]]:
    """Non-blank data rows of a required sheet as (Excel row, cells)."""
    if title not in grids:
        raise SettingsError("settings-sheet-missing", sheet=title)
    width = len(HEADERS[title])
    rows = []
    for index, row in enumerate(grids[title][1:], 2):
        cells = (list(row) + [""] * width)[:width]
        if not all(is_blank(cell) for cell in cells):
            rows.append((index, cells))
    return rows


def _check_header(title: str, grid: list) -> None:
    expected = HEADERS[title]
    found = tuple(clean_text(cell) for cell in (grid[0] if grid else []))
    extra = [cell for cell in found[len(expected):] if cell]
    if (tuple(label_key(c) for c in found[:len(expected)])
            != tuple(label_key(c) for c in expected) or extra):
        raise SettingsError("settings-bad-header", sheet=title,
                            expected=" | ".join(expected),
                            found=" | ".join(c for c in found if c) or "(ว่าง)")


def _read_info(rows: list[tuple[int, list]]) -> dict:
    by_key = {label_key(item.label): item for item in INFO_ITEMS}
    values: dict[str, object] = {}
    for row, (key, value) in rows:
        item = by_key.get(label_key(key))
        if item is None:
            raise SettingsError("settings-unknown-key", row=row, key=clean_text(key),
                                known=", ".join(i.label for i in INFO_ITEMS))
        values[item.attr] = _info_value(item, value)
    for required in ("org_name", "fiscal_year"):
        if not values.get(required):
            label = next(i.label for i in INFO_ITEMS if i.attr == required)
            raise SettingsError("settings-missing-key", key=label)
    values = {attr: value for attr, value in values.items() if value not in ("", None)}
    return values


def _info_value(item: InfoItem, value: object) -> object:
    if item.kind == "year":
        if is_blank(value):
            return None
        year = parse_int(value)
        if year is None:
            raise SettingsError("settings-bad-year", value=clean_text(value),
                                low=MIN_FISCAL_YEAR, high=MAX_FISCAL_YEAR)
        return check_year(year)
    if item.kind == "edition":
        text = to_arabic_digits(clean_text(value))
        if text.endswith(".0"):
            text = text[:-2]
        if text and text not in EDITIONS:
            raise SettingsError("settings-bad-edition", value=text)
        return text
    if item.kind == "yesno":
        text = clean_text(value).lower()
        if text in ("", "ไม่ใช่", "ไม่", "no", "n", "false", "0"):
            return False
        if text in ("ใช่", "yes", "y", "true", "1"):
            return True
        raise SettingsError("settings-bad-yesno", key=item.label, value=text)
    if isinstance(value, (dt.date, dt.datetime)):
        return thai_date(value)
    return clean_text(value)


THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


def thai_date(date: dt.date) -> str:
    """``dt.date(2025, 10, 1)`` → ``1 ตุลาคม 2568``."""
    return f"{date.day} {THAI_MONTH_NAMES[date.month - 1]} {date.year + 543}"


def _numbered(rows, title: str) -> list[tuple[int, str, int]]:
    """(order, name, Excel row) for ลำดับ | name sheets, checking order and repeats."""
    if not rows:
        raise SettingsError("settings-empty-list", sheet=title)
    items, seen = [], set()
    for row, cells in rows:
        number = parse_int(cells[0])
        if number is None:
            raise SettingsError("settings-bad-number", sheet=title, row=row,
                                value=clean_text(cells[0]))
        name = clean_text(cells[1])
        if number in seen or label_key(name) in seen:
            raise SettingsError("settings-duplicate", sheet=title, row=row, value=name)
        seen.update((number, label_key(name)))
        items.append((number, name, row))
    return items


def _read_approaches(rows, strategy_numbers: set[int]) -> list[Programme]:
    if not rows:
        raise SettingsError("settings-empty-list", sheet=APPROACHES)
    approaches, seen = [], set()
    for order, (row, (strategy_cell, number_cell, name)) in enumerate(rows, 1):
        strategy = parse_int(strategy_cell)
        if strategy not in strategy_numbers:
            raise SettingsError("settings-bad-approach", row=row, value=clean_text(strategy_cell))
        number = parse_int(to_arabic_digits(clean_text(number_cell)).split(".")[-1])
        if number is None:
            raise SettingsError("settings-bad-number", sheet=APPROACHES, row=row,
                                value=clean_text(number_cell))
        code = f"{strategy}.{number}"
        if code in seen:
            raise SettingsError("settings-duplicate", sheet=APPROACHES, row=row, value=code)
        seen.add(code)
        approaches.append(Programme(order, clean_text(name), strategy, code))
    return approaches


def _read_departments(rows) -> list[Department]:
    if not rows:
        raise SettingsError("settings-empty-list", sheet=DEPARTMENTS)
    departments, seen = [], set()
    for row, (number_cell, name_cell, code_cell) in rows:
        number = parse_int(number_cell)
        if number is None:
            raise SettingsError("settings-bad-number", sheet=DEPARTMENTS, row=row,
                                value=clean_text(number_cell))
        code = clean_text(code_cell)
        if not code:
            raise SettingsError("settings-missing-code", row=row)
        name = clean_text(name_cell)
        for key in (label_key(name), label_key(code)):
            if key in seen:
                raise SettingsError("settings-duplicate", sheet=DEPARTMENTS, row=row,
                                    value=name if key == label_key(name) else code)
        seen.update((label_key(name), label_key(code)))
        departments.append(Department(number, name, code))
    return departments


def _read_dev_plan(rows) -> list[DevPlanProject]:
    projects = []
    for row in rows:
        cells = (list(row) + [""] * 4)[:4]
        if is_blank(cells[1]):
            continue
        try:
            budget = None if is_blank(cells[2]) else baht_to_satang(parse_amount(cells[2]))
        except (NotANumber, ValueError):
            budget = None
        projects.append(DevPlanProject(clean_text(cells[0]), clean_text(cells[1]), budget,
                                       clean_text(cells[3])))
    return projects

