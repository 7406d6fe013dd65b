"""Generate the odd-file fixtures in tests/data/: one workbook per habit and per check.

Run from the repository root (LibreOffice's ``soffice`` must be on PATH for
the .xls, .ods and re-saved files):

    python tests/data/make_fixtures.py              # all of them
    python tests/data/make_fixtures.py trust-months-   # only names with this prefix

The ``trust_*.py`` modules beside this script add the fixtures of the reader's
trust classes (issue 14), one module per class, with the builders below.

Each fixture is named after the case it reproduces — ``habit-…`` for what
departments really do to the sheets (SPEC §4), ``check-…`` for a finding of
SPEC §6 — and is built by the small builders below from rows of values, so
the Excel row of every value is plain to see in ``FIXTURES``.  Every department
sheet says กองช่าง and fiscal year 2568 unless the case is about that; tests
check them against ``oplan init``'s default settings.

XlsxWriter writes the .xlsx/.xlsm files with fixed document properties, so
they are byte-reproducible.  The .xls, .ods and LibreOffice-saved files come
from ``soffice --convert-to`` and carry LibreOffice's own timestamps.  Two
files are hand-made containers: a password-protected .xlsx is an OLE2
compound file holding ``EncryptionInfo`` and ``EncryptedPackage`` streams, as
Office writes it (with a made-up payload: LibreOffice cannot save one from
the command line), and the .xlsm's VBA part is a stand-in compound file —
the reader never runs macros, so no real macro is needed to prove it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
try:
    import oplan_xl  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

import xlsxwriter  # noqa: E402

from oplan_xl.core.layout import EQUIPMENT_COLUMNS, MONTH_KEYS, project_columns  # noqa: E402

FIXED_DATE = dt.datetime(2024, 10, 1)
MARK = "✓"

PROJECT_LABELS = {c.key: c.label for c in project_columns()}
PROJECT_KEYS = [c.key for c in project_columns()]
EQUIPMENT_LABELS = {c.key: c.label for c in EQUIPMENT_COLUMNS}
EQUIPMENT_KEYS = [c.key for c in EQUIPMENT_COLUMNS]


# --- builders ----------------------------------------------------------------


@dataclass
class C:
    """A cell with more than a value: a fill colour, a formula with its cached
    value, struck-through text, or a number format (a date shown as ``ต.ค.-67``)."""

    value: object = None
    fill: str | None = None
    formula: str | None = None
    strike: bool = False
    num_format: str | None = None


@dataclass
class Sheet:
    name: str
    rows: list[list[object]] = field(default_factory=list)
    #: (first row, first col, last row, last col, value), 0-based as XlsxWriter takes them.
    merges: list[tuple[int, int, int, int, object]] = field(default_factory=list)
    #: 0-based rows and columns the sheet hides.
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    #: An autofilter over (first row, first col, last row, last col), 0-based; the
    #: rows in ``hidden_rows`` are then the ones the filter hides.
    autofilter: tuple[int, int, int, int] | None = None
    #: The values the autofilter keeps, by 0-based column (a filter a person set).
    filters: dict[int, list[str]] = field(default_factory=dict)
    #: Sheet is hidden (not shown as a tab).
    hidden: bool = False


def department(name="กองช่าง", year=2568) -> Sheet:
    rows = [["รายการ", "ค่า"]]
    if name is not None:
        rows.append(["หน่วยงาน", name])
    if year is not None:
        rows.append(["ปีงบประมาณ", year])
    return Sheet("หน่วยงาน", rows)


def project(number: int, **values) -> dict:
    """A valid project; *values* replace fields, ``months=(…)`` are 1-based fiscal months."""
    months = values.pop("months", (4,))
    row = {"strategy": "1", "group": "แผนงานเคหะและชุมชน",
           "name": f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {number}",
           "activity": "ถนนกว้าง 4 เมตร ยาว 200 เมตร", "budget": 100000 * number,
           "place": f"หมู่ที่ {number}", "responsible": "กองช่าง"}
    for month in months:
        row[MONTH_KEYS[month - 1]] = MARK
    row.update(values)
    return row


def equipment(number: int, **values) -> dict:
    months = values.pop("months", (2,))
    row = {"programme": "แผนงานบริหารงานทั่วไป", "category": "ค่าครุภัณฑ์",
           "equipment_type": "ครุภัณฑ์สำนักงาน", "target": f"ตู้เหล็ก 2 บาน จำนวน {number} ตู้",
           "budget": 5500 * number, "place": "ที่ทำการ", "responsible": "กองช่าง"}
    for month in months:
        row[MONTH_KEYS[month - 1]] = MARK
    row.update(values)
    return row


def table(name: str, records: list[dict | None], keys=None, labels=None, titles=()) -> Sheet:
    """A sheet: title rows, one header row of *keys*, then one row per record
    (None = a blank row)."""
    labels = labels or (PROJECT_LABELS if name == "โครงการ" else EQUIPMENT_LABELS)
    keys = keys or (PROJECT_KEYS if name == "โครงการ" else EQUIPMENT_KEYS)
    sheet = Sheet(name, [[title] for title in titles])
    sheet.rows.append([labels.get(key, key) for key in keys])
    for record in records:
        sheet.rows.append([] if record is None else [record.get(key) for key in keys])
    return sheet


def standard(records, equipment_records=(), dept="กองช่าง", year=2568, **options) -> list[Sheet]:
    return [department(dept, year), table("โครงการ", records, **options),
            table("ครุภัณฑ์", list(equipment_records))]


def write_xlsx(path: Path, sheets: list[Sheet], vba: bytes | None = None) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                               "strings_to_numbers": False,
                                               "strings_to_urls": False})
    workbook.set_properties({"author": "oplan-xl fixtures", "created": FIXED_DATE})
    formats: dict[object, object] = {}

    def fmt(fill: str | None, strike: bool = False, num_format: str | None = None):
        key = (fill, strike, num_format)
        if key not in formats:
            options = {"bg_color": fill, "pattern": 1} if fill else {}
            if strike:
                options["font_strikeout"] = True
            if num_format:
                options["num_format"] = num_format
            formats[key] = workbook.add_format(options) if options else None
        return formats[key]

    for sheet in sheets:
        ws = workbook.add_worksheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                _write(ws, r, c, cell, fmt)
        for r in sorted(sheet.hidden_rows):
            ws.set_row(r, None, None, {"hidden": True})
        for c in sorted(sheet.hidden_columns):
            ws.set_column(c, c, None, None, {"hidden": True})
        if sheet.autofilter:
            ws.autofilter(*sheet.autofilter)
            for column, kept in sorted(sheet.filters.items()):
                ws.filter_column_list(column, kept)
        if sheet.hidden:
            ws.hide()
        for r1, c1, r2, c2, value in sheet.merges:
            if isinstance(value, C):
                ws.merge_range(r1, c1, r2, c2, "", fmt(value.fill))
                _write(ws, r1, c1, value, fmt)
            else:
                ws.merge_range(r1, c1, r2, c2, "" if value is None else value)
    if vba is not None:
        bin_path = path.with_suffix(".vba.bin")
        bin_path.write_bytes(vba)
        workbook.add_vba_project(str(bin_path))
        workbook.close()
        bin_path.unlink()
    else:
        workbook.close()


def _write(ws, r: int, c: int, cell, fmt) -> None:
    if isinstance(cell, C):
        cell_format = fmt(cell.fill, cell.strike, cell.num_format)
        if cell.formula:
            ws.write_formula(r, c, cell.formula, cell_format, cell.value)
        elif cell.value is None:
            ws.write_blank(r, c, None, cell_format)
        else:
            _write_value(ws, r, c, cell.value, cell_format)
    elif cell is not None:
        _write_value(ws, r, c, cell, None)


def _write_value(ws, r, c, value, cell_format) -> None:
    if isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(r, c, value, cell_format)
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        ws.write_string(r, c, str(value), cell_format)  # '=1+2' stays text
    else:
        ws.write_number(r, c, value, cell_format)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding *streams*.

    Each stream is padded to at least 4096 bytes so it lives in regular
    sectors and no mini-stream is needed.
    """
    sector = 512
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = list(streams)
    data = [streams[n].ljust(max(4096, len(streams[n])), b"\0") for n in names]
    data = [d.ljust(-(-len(d) // sector) * sector, b"\0") for d in data]
    fat = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for blob in data:
        count = len(blob) // sector
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [end]
    assert len(fat) <= sector // 4
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child=free, right=free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4
                + b"\0" * 16 + struct.pack("<IIi", start, size, 0))

    directory = entry("Root Entry", 5, end, 0, child=1)
    for index, (name, start) in enumerate(zip(names, starts, strict=True), 1):
        right = index + 1 if index < len(names) else free
        directory += entry(name, 2, start, max(4096, len(streams[name])), right=right)
    directory = directory.ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data)


def _stand_in_bytes(label: str, size: int) -> bytes:
    """Deterministic filler bytes (a made-up 'encrypted' payload)."""
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}{counter}".encode()).digest()
        counter += 1
    return out[:size]


# --- the fixtures --------------------------------------------------------------


def _fixtures() -> dict[str, object]:
    """file name → list of Sheets (or bytes for a hand-made file, or a function
    writing the file at the path it is given)."""
    f: dict[str, object] = {}
    P = project

    # ---- habits (SPEC §4): each reads correctly or gives a precise finding ----
    f["habit-title-rows.xlsx"] = standard(
        [P(1), P(2)], titles=("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", "กองช่าง", ""))

    moved = ["number", "name", "budget", "activity", "extra", "strategy", "group", "place",
             *MONTH_KEYS, "note"]
    f["habit-moved-columns.xlsx"] = standard(
        [dict(P(1), number=1, extra="ตรวจแล้ว"), dict(P(2), number=2, extra="")],
        keys=moved, labels={**PROJECT_LABELS, "number": "ที่", "extra": "ความเห็นหัวหน้า"})

    f["habit-two-row-header.xlsx"] = _two_row_header(with_years=True)
    f["habit-header-band-without-years.xlsx"] = _two_row_header(with_years=False)

    synonyms = {**PROJECT_LABELS, "strategy": "ยุทธศาสตร์การพัฒนา",
                "name": "ชื่อโครงการ/กิจกรรม", "activity": "รายละเอียดกิจกรรม",
                "budget": "งบประมาณ\n( บาท )", "place": " สถานที่  ดำเนินการ ",
                "responsible": "หน่วยงานรับผิดชอบ"}
    for key, label in zip(MONTH_KEYS, ("ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "ม.ค. 68", "ก.พ. 68",
                                       "มี.ค. 68", "เม.ย. 68", "พ.ค. 68", "มิ.ย. 68",
                                       "ก.ค. 68", "ส.ค. 68", "ก.ย. 68"), strict=True):
        synonyms[key] = label
    f["habit-header-synonyms.xlsx"] = standard([P(1), P(2)], labels=synonyms)

    numbered = standard([P(1), P(2)])
    numbered[1].rows.insert(1, [f"({n})" for n in range(1, len(PROJECT_KEYS) + 1)])
    f["habit-column-numbers-row.xlsx"] = numbered

    blank = standard([P(1), None, P(2), None, None, P(3)],
                     keys=["number", *PROJECT_KEYS], labels={**PROJECT_LABELS, "number": "ที่"})
    for index, row in enumerate(blank[1].rows[1:], 1):
        row[:1] = [index]  # the template's ที่ 1, 2, 3 … filled down ahead of the data
    blank[1].rows += [[n] for n in range(len(blank[1].rows), 13)]
    f["habit-blank-rows-and-numbered-empty-rows.xlsx"] = blank

    total = standard([P(1), P(2), P(3), None])
    total[1].rows.append([None, None, "รวมทั้งสิ้น", None,
                          C(600000, formula="=SUM(E2:E4)")])
    f["habit-total-row.xlsx"] = total
    wrong_total = standard([P(1), P(2), P(3)])
    wrong_total[1].rows.append(["รวม 3 โครงการ", None, None, None, "599,000"])
    f["check-total-row-mismatch.xlsx"] = wrong_total

    merged = standard([P(1), P(2, group=None), P(3, strategy=None, group="แผนงานการเกษตร"),
                       P(4, strategy=None, group=None)])
    merged[1].rows[1][0] = "1"
    merged[1].merges += [(1, 0, 4, 0, "1"), (1, 1, 2, 1, "แผนงานเคหะและชุมชน"),
                         (3, 1, 4, 1, "แผนงานการเกษตร")]
    for row in merged[1].rows[2:5]:
        row[0] = None
    f["habit-merged-strategy.xlsx"] = merged

    f["habit-budget-as-text.xlsx"] = standard([
        P(1, budget="1,500,000.-"), P(2, budget="๑,๕๐๐,๐๐๐"), P(3, budget="150000 บาท"),
        P(4, budget=" 12 345.50 "), P(5, budget="฿2,000"), P(6, budget="1,000.25 บ.")])

    marks = ["✓", "✔", "/", "x", "X", "*", 1, "●", "๑"]
    f["habit-month-marks.xlsx"] = standard(
        [P(n, months=(), **{MONTH_KEYS[n - 1]: mark, MONTH_KEYS[11]: "-"})
         for n, mark in enumerate(marks, 1)])

    f["habit-month-fill.xlsx"] = _month_fill()

    f["habit-thai-digits.xlsx"] = standard(
        [P(1, strategy="๒", group="แผนงานการเกษตร", budget="๑๒,๐๐๐.๕๐", place="หมู่ที่ ๓",
           months=(), **{MONTH_KEYS[3]: "๑", MONTH_KEYS[4]: "๑"})], year="๒๕๖๘")

    f["habit-thai-text-normalisation.xlsx"] = standard([
        P(1, name="โครงการจัดทํา\u200bแผนที่ภาษี", group="แผนงาน\u00a0เคหะ\u200bและชุมชน",
          activity="สํารวจ\u00a0และ\u200bจัดทํา ข้อมูล"),
        P(2, name="ซ่อมแซมท่อระบายนํ้า", place="หมู่ที่ 2")])

    f["habit-continuation-rows.xlsx"] = _continuation()

    f["habit-formulas.xlsx"] = standard([
        P(1, budget=C(250000, formula="=200000+50000")),
        P(2, budget=C(500000, formula="=E2*2")),
        P(3)])

    f["habit-macro-workbook.xlsm"] = standard([P(1), P(2)])

    f["habit-equipment-merged-and-continued.xlsx"] = _equipment_habits()

    subtotals = standard([P(1), P(2), None, P(3, strategy="2", group="แผนงานการเกษตร")])
    subtotals[1].rows.insert(3, ["รวมยุทธศาสตร์ที่ 1", None, None, None, 300000])
    subtotals[1].rows.append(["รวมยุทธศาสตร์ที่ 2", None, None, None, 300000])
    subtotals[1].rows.append(["รวมทั้งสิ้น", None, None, None, 600000])
    f["habit-subtotal-rows.xlsx"] = subtotals

    # ---- checks (SPEC §6) ----
    f["check-no-header.xlsx"] = [department(), Sheet("โครงการ", [
        ["รายการที่จะทำ", "เงิน", "ที่ไหน"], ["ซ่อมถนน", 5000, "หมู่ 1"]])]
    f["check-missing-column.xlsx"] = standard(
        [P(1)], keys=[k for k in PROJECT_KEYS if k != "place"])
    fiscal = standard([P(1)], year=2567,
                      titles=("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567",))
    f["check-fiscal-year.xlsx"] = fiscal
    f["check-required-empty.xlsx"] = standard([
        P(1, place=None), P(2, name=None), P(3, activity="  "), P(4, strategy=None)])
    f["check-budget-not-number.xlsx"] = standard([
        P(1, budget="ห้าพันบาท"), P(2, budget="=1+2"), P(3, budget="1,5,0")])
    f["check-budget-not-positive.xlsx"] = standard([P(1, budget=0), P(2, budget=-5000)])
    f["check-budget-decimals.xlsx"] = standard([P(1, budget=100.555), P(2, budget="99.999")])
    f["check-no-month.xlsx"] = standard([P(1, months=()), P(2, months=(), note="-")])
    f["check-month-in-text-only.xlsx"] = standard([
        P(1, months=(), activity="อบรมอาสาสมัคร ดำเนินการ ม.ค.–มี.ค. 68"),
        P(2, months=(), activity="เก็บขยะตลอดปีงบประมาณ")])
    unknown = standard([P(1, strategy="9"), P(2, strategy="ยุทธศาสตร์ด้านอวกาศ"), P(3), P(4)])
    unknown[1].merges.append((3, 0, 4, 0, "12"))
    unknown[1].rows[3][0] = unknown[1].rows[4][0] = None
    f["check-unknown-strategy.xlsx"] = unknown
    f["check-unknown-programme.xlsx"] = standard([
        P(1, group="แผนงานอวกาศ"), P(2, group="งบกลาง"), P(3, group="แผนงานการพานิชย์")])
    f["check-unknown-equipment-type.xlsx"] = standard(
        [], [equipment(1, equipment_type="ครุภัณฑ์ยานอวกาศ"),
             equipment(2, equipment_type="คอมพิวเตอร์")])
    approach_labels = {**PROJECT_LABELS, "group": "แนวทาง"}
    f["check-unknown-approach.xlsx"] = standard(
        [P(1, group="1.1 ก่อสร้างและปรับปรุงถนน สะพาน และทางระบายน้ำ"), P(2, group="1.9"),
         P(3, strategy="2", group="1.2")], year=2560, labels=approach_labels)
    f["check-duplicate-project.xlsx"] = standard([
        P(1, name="ซ่อมแซมถนนลูกรัง", place="หมู่ที่ 4"),
        P(2, name="ซ่อมแซม ถนน\u200bลูกรัง", place="หมู่ที่ ๔"),
        P(3, name="ซ่อมแซมถนนลูกรัง", place="หมู่ที่ 5")])
    f["check-not-in-dev-plan.xlsx"] = standard([
        P(1, name="ก่อสร้างรางระบายน้ำ หมู่ที่ 1"), P(2, name="โครงการที่ไม่มีในแผนพัฒนา"),
        P(3, name="ซ่อมถนนสายหลักของจังหวัด", fund_source="งบประมาณของหน่วยงานอื่น")])
    f["check-unknown-department.xlsx"] = standard([P(1)], dept="กองอวกาศ")
    f["check-text-too-long.xlsx"] = standard([P(1, activity="ปรับปรุงผิวจราจร " * 60)])
    extra = standard([P(1)])
    extra.append(table("โครงการเพิ่มเติม", [P(2)], keys=PROJECT_KEYS, labels=PROJECT_LABELS))
    f["check-sheet-not-read.xlsx"] = extra

    # ---- files that are not workbooks ----
    f["check-file-encrypted.xlsx"] = compound_file({
        "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00"
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>'
        b"</encryption>",
        "EncryptedPackage": struct.pack("<Q", 6000) + _stand_in_bytes("package", 6000)})
    f["check-file-not-workbook.xls"] = (
        "<html><head><meta charset=\"utf-8\"></head><body><table>"
        "<tr><td>ยุทธศาสตร์</td><td>โครงการ</td></tr></table></body></html>").encode()
    return f


def _two_row_header(with_years: bool) -> list[Sheet]:
    """Title; labels merged down over the header rows; ระยะเวลาดำเนินการ merged over
    the months; optionally พ.ศ. 2567 / พ.ศ. 2568 in a row between; months below."""
    keys = PROJECT_KEYS
    first_month = keys.index("m01")
    depth = 3 if with_years else 2
    sheet = Sheet("โครงการ", [["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"]])
    top = 1
    for _ in range(depth):
        sheet.rows.append([None] * len(keys))
    for col, key in enumerate(keys):
        if key.startswith("m") and key[1:].isdigit():
            continue
        sheet.merges.append((top, col, top + depth - 1, col, PROJECT_LABELS[key]))
    sheet.merges.append((top, first_month, top, first_month + 11, "ระยะเวลาดำเนินการ"))
    if with_years:
        sheet.merges.append((top + 1, first_month, top + 1, first_month + 2, "พ.ศ. 2567"))
        sheet.merges.append((top + 1, first_month + 3, top + 1, first_month + 11,
                             "พ.ศ. 2568"))
    for offset, key in enumerate(MONTH_KEYS):
        sheet.rows[top + depth - 1][first_month + offset] = PROJECT_LABELS[key]
    for number in (1, 2, 3):
        record = project(number)
        sheet.rows.append([record.get(key) for key in keys])
    return [department(), sheet, table("ครุภัณฑ์", [])]


def _month_fill() -> list[Sheet]:
    """Months marked by colour alone, beside a template-like tinted month area."""
    sheets = standard([project(1, months=()), project(2, months=(1, 2)),
                       project(3, months=()), project(4, months=())])
    rows = sheets[1].rows
    first_month = PROJECT_KEYS.index("m01")
    # Row 2: ม.ค.–มี.ค. coloured, no text: read as marks (with a warning).
    for offset in (3, 4, 5):
        rows[1][first_month + offset] = C(None, fill="#FFC000")
    # Row 3: ✓ in ต.ค., พ.ย.; every month cell tinted like a template's input area.
    for offset in range(12):
        value = rows[2][first_month + offset]
        rows[2][first_month + offset] = C(value, fill="#F2F2F2")
    # Row 4: nothing marked, all months in the template tint: not a mark.
    for offset in range(12):
        rows[3][first_month + offset] = C(None, fill="#F2F2F2")
    # Row 5: the whole row highlighted, name included: not a mark either.
    rows[4] = [C(cell, fill="#DDEBF7") for cell in rows[4]]
    rows[4] += [C(None, fill="#DDEBF7")] * (len(PROJECT_KEYS) - len(rows[4]))
    return sheets


def _equipment_habits() -> list[Sheet]:
    """Equipment rows under a merged programme and type, a target text continued on
    the next row, and a total row."""
    sheets = standard([project(1)], [equipment(1), equipment(2, programme=None,
                                                             equipment_type=None),
                                     {"target": "พร้อมกุญแจและชั้นวาง"}])
    rows = sheets[2].rows
    programme, kind = EQUIPMENT_KEYS.index("programme"), EQUIPMENT_KEYS.index("equipment_type")
    sheets[2].merges += [(1, programme, 2, programme, "แผนงานบริหารงานทั่วไป"),
                         (1, kind, 2, kind, "ครุภัณฑ์สำนักงาน")]
    rows[1][programme] = rows[1][kind] = None
    rows.append([None, None, None, "รวม", 16500])
    return sheets


def _continuation() -> list[Sheet]:
    """Activity text running onto the rows below, the other cells blank."""
    sheets = standard([
        project(1, activity="1. ปรับพื้นที่และบดอัด"),
        {"activity": "2. เทคอนกรีตหนา 0.15 เมตร"},
        {"activity": "3. ติดตั้งป้ายโครงการ"},
        project(2),
        project(3, activity="ขุดลอกคลองส่งน้ำ"),
        {"activity": "ยาว 1,200 เมตร"}])
    rows = sheets[1].rows
    name_col, budget_col = PROJECT_KEYS.index("name"), PROJECT_KEYS.index("budget")
    # Rows 6–7: the name and budget merged over both rows, the activity split.
    sheets[1].merges += [(5, name_col, 6, name_col, rows[5][name_col]),
                         (5, budget_col, 6, budget_col, rows[5][budget_col])]
    rows[5][name_col] = rows[5][budget_col] = None
    return sheets


# Files written from an .xlsx by LibreOffice: (target name, base fixture sheets, filter).
def _libreoffice_files() -> list[tuple[str, list[Sheet], str]]:
    base = _mixed_habits()
    return [("habit-saved-as-xls.xls", base, "xls:MS Excel 97"),
            ("habit-saved-as-ods.ods", base, "ods:calc8"),
            ("habit-libreoffice-resaved.xlsx", base, "xlsx:Calc MS Excel 2007 XML")]


def _mixed_habits() -> list[Sheet]:
    """Several habits in one workbook, to read alike in .xlsx, .xls and .ods:
    a title, a header over three rows, merged strategy cells, a formula, a month
    marked by colour alone, a continuation row and a total row."""
    sheets = _two_row_header(with_years=True)
    rows = sheets[1].rows  # header rows 2–4, projects in rows 5–7
    first_month = PROJECT_KEYS.index("m01")
    budget_col = PROJECT_KEYS.index("budget")
    rows[4][0] = rows[5][0] = rows[6][0] = None
    sheets[1].merges.append((4, 0, 6, 0, "1"))
    rows[5][budget_col] = C(200000, formula="=E5*2")
    rows[6][first_month + 3] = None
    for offset in (6, 7):
        rows[6][first_month + offset] = C(None, fill="#FFC000")
    activity = PROJECT_KEYS.index("activity")
    rows.append([None] * activity + ["และติดตั้งไฟส่องสว่าง"])
    rows.append([None, None, "รวมทั้งสิ้น", None, C(600000, formula="=SUM(E5:E7)")])
    return sheets


#: Name prefixes of the files this script writes (and may delete before writing).
PREFIXES = ("habit-", "check-", "trust-")


def topic_modules() -> list:
    """The ``trust_*.py`` modules beside this script, each adding the fixtures of
    one class of reader trust (issue 14) through its ``fixtures()`` (file name →
    Sheets) and, optionally, ``libreoffice()`` (target name, Sheets, filter)."""
    import importlib

    sys.path.insert(0, str(HERE))
    return [importlib.import_module(path.stem) for path in sorted(HERE.glob("trust_*.py"))]


def main(only: tuple[str, ...] = ()) -> None:
    """Write every fixture, or with *only* (name prefixes, e.g. ``trust-months-``)
    just those: LibreOffice's files carry timestamps, so rewriting all of them
    churns files nobody changed."""
    wanted = only or PREFIXES
    for old in HERE.iterdir():
        if old.name.startswith(wanted):
            old.unlink()
    fixtures = _fixtures()
    for module in topic_modules():
        fixtures.update(module.fixtures())
    for name, content in fixtures.items():
        if not name.startswith(wanted):
            continue
        path = HERE / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif callable(content):  # a file its topic module writes itself
            content(path)
        elif path.suffix == ".xlsm":
            write_xlsx(path, content, vba=compound_file(
                {"PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\n'
                            b"Name=\"VBAProject\"\r\n"}))
        else:
            write_xlsx(path, content)
    if not only:
        _add_far_cell(HERE / "check-sheet-too-large.xlsx")
        _truncate(HERE / "habit-title-rows.xlsx", HERE / "check-file-corrupt.xlsx")
        _entity_bomb(HERE / "habit-title-rows.xlsx", HERE / "check-file-xml-entities.xlsx")
    _convert_with_libreoffice(wanted)
    print(f"wrote {sum(1 for p in HERE.iterdir() if p.name.startswith(wanted))} "
          f"fixtures in {HERE}")


def _add_far_cell(path: Path) -> None:
    """A stray value at XFD1048576: calamine would try to allocate the whole sheet."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    workbook.set_properties({"author": "oplan-xl fixtures", "created": FIXED_DATE})
    for sheet in standard([project(1)]):
        ws = workbook.add_worksheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                _write(ws, r, c, cell, lambda fill: None)
        if sheet.name == "โครงการ":
            ws.write_string(1048575, 16383, "x")
    workbook.close()


def _truncate(source: Path, target: Path) -> None:
    """A download that stopped half-way."""
    data = source.read_bytes()
    target.write_bytes(data[: len(data) * 6 // 10])


def _entity_bomb(source: Path, target: Path) -> None:
    """A "billion laughs" DTD in the shared strings: must fail fast, not expand."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    dtd = f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(levels)}]>'.encode()
    with zipfile.ZipFile(source) as archive, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = dtd + data.split(b"?>", 1)[1].replace(b"</t>", b"&lol9;</t>", 1)
            out.writestr(info, data)


def _convert_with_libreoffice(wanted: tuple[str, ...]) -> None:
    files = list(_libreoffice_files())
    for module in topic_modules():
        files.extend(getattr(module, "libreoffice", list)())
    files = [entry for entry in files if entry[0].startswith(wanted)]
    if not files:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: install LibreOffice to make the .xls and .ods fixtures")
    with tempfile.TemporaryDirectory(prefix="oplan-fixtures-") as temp:
        temp_dir = Path(temp)
        profile = (temp_dir / "profile").as_uri()
        for name, sheets, target_filter in files:
            source_dir = temp_dir / name.replace(".", "-")
            source_dir.mkdir()
            source = source_dir / (Path(name).stem + ".xlsx")
            write_xlsx(source, sheets)
            out_dir = temp_dir / "out"
            out_dir.mkdir(exist_ok=True)
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", target_filter, "--outdir", str(out_dir),
                            str(source)], check=True, timeout=180,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "HOME": str(temp_dir)})
            shutil.copyfile(out_dir / name, HERE / name)


if __name__ == "__main__":
    # Run through the imported module, not __main__: the trust_*.py modules import
    # make_fixtures, and their C cells must be this module's C for isinstance.
    sys.path.insert(0, str(HERE))
    import make_fixtures

    make_fixtures.main(tuple(sys.argv[1:]))
