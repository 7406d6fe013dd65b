"""The catalogue of broken and hostile inputs: every case built by this script.

Run from the repository root to (re)write the small committed files:

    python tests/data/hostile/make_hostile.py                 # the generated ones
    python tests/data/hostile/make_hostile.py --libreoffice   # also the LibreOffice-made ones

Each ``Case`` names a file, how to build its bytes, and what ``oplan check``
must say about it (finding codes for that file, or none).  Nothing here is a
third-party attack file: everything is made from our own minimal workbooks
(raw XML in a zip, written below), from the committed fixture
``tests/data/habit-saved-as-xls.xls``, or by LibreOffice from our own files.

- ``committed=True`` cases are small (a few kB) and are committed in this
  folder, so anyone can open them and see what the tool refuses.
- ``committed=False`` cases are large once built (zip bombs that unpack to
  2 GB hold 2 MB of deflate data; 50,000 rows) and are built at test time
  into tmp_path by ``tests/read/test_hostile.py``, from the same functions.
- ``libreoffice=True`` cases need LibreOffice and its Python (``uno``): a
  workbook LibreOffice saves with a password.  LibreOffice 7.4 encrypts
  .xls and .ods from the command line (UNO ``storeToURL`` with a
  ``Password``) but ignores the password for .xlsx, so the encrypted .xlsx
  case is a hand-built OLE2 container holding ``EncryptionInfo`` and
  ``EncryptedPackage`` streams, as Office writes it, with a made-up payload.
"""

from __future__ import annotations

import functools
import html
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
ROOT = DATA.parent.parent
if str(ROOT) not in sys.path:  # this checkout's oplan_xl, not an installed one
    sys.path.insert(0, str(ROOT))

import olefile  # noqa: E402

from oplan_xl.core.cells import column_letter  # noqa: E402
from oplan_xl.core.layout import EQUIPMENT_COLUMNS, MONTH_KEYS, project_columns  # noqa: E402

MARK = "✓"
#: Deterministic zip member times, so the generated files are byte-reproducible.
ZIP_TIME = (2024, 10, 1, 0, 0, 0)
BASE_XLS = DATA / "habit-saved-as-xls.xls"

PROJECT_LABELS = [c.label for c in project_columns()]
PROJECT_KEYS = [c.key for c in project_columns()]
EQUIPMENT_LABELS = [c.label for c in EQUIPMENT_COLUMNS]


# --- minimal workbooks, written as XML -------------------------------------------


def cell_xml(row: int, col: int, value) -> str:
    """One cell (0-based position) as SpreadsheetML: a number or an inline string."""
    ref = f"{column_letter(col)}{row + 1}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">' \
           f"{html.escape(str(value), quote=False)}</t></is></c>"


def sheet_xml(rows: list[list], extra_cells: str = "", tail: str = "") -> str:
    """A worksheet: *rows* of values from A1 (None = no cell), then *extra_cells*
    (raw XML rows) inside sheetData and *tail* after it."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
           '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
           'schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
    for r, row in enumerate(rows):
        cells = "".join(cell_xml(r, c, v) for c, v in enumerate(row) if v is not None)
        if cells:
            out.append(f'<row r="{r + 1}">{cells}</row>')
    out.append(extra_cells)
    out.append("</sheetData>")
    out.append(tail)
    out.append("</worksheet>")
    return "".join(out)


_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://'
           'schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val='
           '"11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
           'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
           'borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" '
           'fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" '
           'borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>')


def xlsx(sheets: dict[str, str | bytes], parts: dict[str, bytes] | None = None,
         shared_strings: str | bytes | None = None) -> bytes:
    """A minimal .xlsx holding *sheets* (name → sheet XML) and any extra *parts*."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1))
    if shared_strings is not None:
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    members: dict[str, bytes | str] = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
            'Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{html.escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(names, 1))
            + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
                      f'officeDocument/2006/relationships/worksheet" Target="worksheets/'
                      f'sheet{i}.xml"/>' for i in range(1, len(names) + 1))
            + f'<Relationship Id="rId{len(names) + 1}" Type="http://schemas.openxmlformats.'
              'org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            + (f'<Relationship Id="rId{len(names) + 2}" Type="http://schemas.openxmlformats.'
               'org/officeDocument/2006/relationships/sharedStrings" Target='
               '"sharedStrings.xml"/>' if shared_strings is not None else "")
            + "</Relationships>",
        "xl/styles.xml": _STYLES,
    }
    for i, name in enumerate(names, 1):
        members[f"xl/worksheets/sheet{i}.xml"] = sheets[name]
    if shared_strings is not None:
        members["xl/sharedStrings.xml"] = shared_strings
    members.update(parts or {})
    return zip_bytes(members)


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def project(number: int, **values) -> list:
    """A valid project row of the โครงการ sheet, in the template's column order."""
    row = {"strategy": "1", "group": "แผนงานเคหะและชุมชน",
           "name": f"ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {number}",
           "activity": "ถนนกว้าง 4 เมตร ยาว 200 เมตร", "budget": 1000 * number,
           "place": f"หมู่ที่ {number % 20 + 1}", "responsible": "กองช่าง",
           MONTH_KEYS[number % 12]: MARK}
    row.update(values)
    return [row.get(key) for key in PROJECT_KEYS]


def department_sheets(projects: list[list], **extra: str) -> dict[str, str]:
    """The three sheets of a department workbook (กองช่าง, FY 2568)."""
    sheets = {"หน่วยงาน": sheet_xml([["รายการ", "ค่า"], ["หน่วยงาน", "กองช่าง"],
                                     ["ปีงบประมาณ", 2568]]),
              "โครงการ": sheet_xml([PROJECT_LABELS, *projects]),
              "ครุภัณฑ์": sheet_xml([EQUIPMENT_LABELS])}
    sheets.update(extra)
    return sheets


def good_xlsx() -> bytes:
    """A correct two-project workbook: the base the damaged cases start from."""
    return xlsx(department_sheets([project(1), project(2)]))


def replace_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The zip *data* with part *name* changed (every other part as it was)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    members[name] = change(members[name])
    return zip_bytes(members)


# --- not workbooks, damaged files ------------------------------------------------


def tiny_png() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def tiny_pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def word_document() -> bytes:
    return zip_bytes({"[Content_Types].xml": "<Types/>",
                      "word/document.xml": "<w:document xmlns:w='urn:w'/>"})


def bad_crc() -> bytes:
    """The sheet's stored CRC-32 does not match its data (a bit flipped in transit)."""
    data = bytearray(good_xlsx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    wrong = struct.pack("<I", info.CRC ^ 0xFFFF)
    data[info.header_offset + 14:info.header_offset + 18] = wrong  # local header
    position = data.find(b"PK\x01\x02")
    while position >= 0:  # and its central directory entry
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + length] == info.filename.encode():
            data[position + 16:position + 20] = wrong
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)


def bad_deflate() -> bytes:
    """The sheet's compressed bytes are garbage (the CRC is the original's)."""
    data = bytearray(good_xlsx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    for index in range(start + 2, start + info.compress_size - 2):
        data[index] ^= 0x5A
    return bytes(data)


def truncated(data: bytes, fraction: float = 0.6) -> bytes:
    return data[:int(len(data) * fraction)]


def zip_with_encrypted_member() -> bytes:
    """A workbook zipped with a password (the traditional zip cipher flag set)."""
    data = bytearray(good_xlsx())
    position = 0
    while (position := data.find(b"PK\x03\x04", position)) >= 0:
        data[position + 6] |= 1
        position += 4
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) >= 0:
        data[position + 8] |= 1
        position += 4
    return bytes(data)


def duplicate_part() -> bytes:
    """Two sheet parts whose names differ only in case: a harmless one for one
    reader, one with a value at XFD1048576 for the other."""
    data = good_xlsx()
    far = sheet_xml([PROJECT_LABELS, project(1)],
                    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    members["XL/WORKSHEETS/SHEET2.XML"] = far.encode()
    return zip_bytes(members)


def many_parts(count: int = 20_000) -> bytes:
    members: dict[str, bytes | str] = {}
    with zipfile.ZipFile(io.BytesIO(good_xlsx())) as archive:
        members.update({info.filename: archive.read(info.filename)
                        for info in archive.infolist()})
    for index in range(count):
        members[f"customXml/item{index}.xml"] = "<a/>"
    return zip_bytes(members)


def zip_slip() -> bytes:
    """A part named ../../outside.xml: never unpacked to disk, so harmless."""
    with zipfile.ZipFile(io.BytesIO(good_xlsx())) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    members["../../outside.xml"] = "<x/>"
    return zip_bytes(members)


# --- zip bombs: built with repeated, independently flushed deflate blocks ---------


@functools.lru_cache(maxsize=4)
def _deflate_repeated(head: bytes, filler: bytes, count: int, tail: bytes) -> tuple[bytes, int]:
    """Deflate data of head + filler × count + tail, fast: *filler* is compressed
    once after a full flush (a byte-aligned block that refers to nothing before
    it) and the block repeated.  Returns (data, CRC-32 of the unpacked bytes)."""
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = first.compress(head) + first.flush(zlib.Z_FULL_FLUSH)
    middle = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = middle.compress(filler) + middle.flush(zlib.Z_FULL_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = last.compress(tail) + last.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(filler, crc)
    return start + block * count + end, zlib.crc32(tail, crc)


def _zip_raw(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from already-deflated entries (name, data, CRC, declared size)."""
    body, directory = b"", b""
    for name, data, crc, size in entries:
        encoded = name.encode()
        header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x5921, crc,
                             len(data), size, len(encoded), 0) + encoded
        directory += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x5921,
                                 crc, len(data), size, len(encoded), 0, 0, 0, 0, 0,
                                 len(body)) + encoded
        body += header + data
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(directory), len(body), 0)
    return body + directory + end


@functools.lru_cache(maxsize=4)
def zip_bomb(gigabytes: int = 2, lying: bool = False) -> bytes:
    """A department workbook whose project sheet unpacks to *gigabytes* GB of
    spaces between two rows (about 1 MB of file per GB).

    With *lying*, the zip declares the sheet to be 1 kB: a reader that trusts
    the declared size unpacks it all the same.
    """
    source = good_xlsx()
    entries = []
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                head, tail = data.split(b"</sheetData>")
                packed, crc = _deflate_repeated(head, b" " * (1024 * 1024), gigabytes * 1024,
                                                b"</sheetData>" + tail)
                size = 1000 if lying else (len(head) + gigabytes * 1024 ** 3
                                           + len(tail) + 12) % 2 ** 32
                entries.append((info.filename, packed, crc, size))
            else:
                packer = zlib.compressobj(9, zlib.DEFLATED, -15)
                entries.append((info.filename, packer.compress(data) + packer.flush(),
                                zlib.crc32(data), len(data)))
    return _zip_raw(entries)


# --- sheets that reach far --------------------------------------------------------


def far_value(ref: str) -> bytes:
    """A correct workbook with one stray value at *ref* on the project sheet."""
    row = "".join(ch for ch in ref if ch.isdigit())
    return xlsx(department_sheets([project(1)], โครงการ=sheet_xml(
        [PROJECT_LABELS, project(1)], f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>')))


def formatted_to_the_corner() -> bytes:
    """Formatting (no value) down to XFD1048576 and a dimension claiming the whole
    sheet, as when someone formats entire rows and columns: read normally."""
    tail_cells = ('<row r="1048576"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row>')
    sheet = sheet_xml([PROJECT_LABELS, project(1), project(2)], tail_cells)
    sheet = sheet.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')
    return xlsx(department_sheets([], โครงการ=sheet))


def cells_without_references(count: int = 16_384) -> bytes:
    """A row of *count* cells with values and no r="" (calamine places each in the
    next column)."""
    row = '<row r="3">' + "<c><v>1</v></c>" * count + "</row>"
    return xlsx(department_sheets([], โครงการ=sheet_xml([PROJECT_LABELS, project(1)], row)))


def prefixed_cells() -> bytes:
    """Cells written with a namespace prefix (as the OpenXML SDK may write them), one of
    them at column ZZ."""
    row = ('<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'r="5"><x:c r="ZZ5"><x:v>1</x:v></x:c></x:row>')
    return xlsx(department_sheets([], โครงการ=sheet_xml([PROJECT_LABELS, project(1)], row)))


def shared_string_count(declared: int = 2_000_000_000) -> bytes:
    sheet = sheet_xml([PROJECT_LABELS, project(1)])
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
               'schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount='
               f'"{declared}"><si><t>x</t></si></sst>')
    return xlsx(department_sheets([], โครงการ=sheet), shared_strings=strings)


def merge_over_everything() -> bytes:
    """A merged range and a hyperlink over the whole sheet (openpyxl makes an object
    per cell) on a file that also has a finding, so a returned copy is made."""
    tail = ('<mergeCells count="1"><mergeCell ref="X1:XFD1048576"/></mergeCells>'
            '<hyperlinks><hyperlink ref="A3:XFD1048576" location="\'โครงการ\'!A1"/></hyperlinks>')
    sheet = sheet_xml([PROJECT_LABELS, project(1), project(2, budget="ไม่ทราบ")], "", tail)
    return xlsx(department_sheets([], โครงการ=sheet))


def merge_down_a_million_rows() -> bytes:
    """The strategy cell merged down over a million rows, a thousand times over."""
    merges = "".join(f'<mergeCell ref="A{r}:A1048576"/>' for r in range(2, 1002))
    tail = f'<mergeCells count="1000">{merges}</mergeCells>'
    return xlsx(department_sheets([], โครงการ=sheet_xml(
        [PROJECT_LABELS, project(1), project(2)], "", tail)))


def rows(count: int, broken: bool = False) -> bytes:
    """*count* project rows (all with errors when *broken*), written as raw XML."""
    if broken:
        body = [project(n, strategy="9", budget="ไม่ทราบ", **{MONTH_KEYS[n % 12]: None})
                for n in range(1, count + 1)]
    else:
        body = [project(n) for n in range(1, count + 1)]
    return xlsx(department_sheets(body))


_ACTIONS = ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ปรับปรุงซ่อมแซมถนนลูกรัง", "ขุดลอกคลองส่งน้ำ",
            "ก่อสร้างรางระบายน้ำ ค.ส.ล.", "ขยายเขตประปาหมู่บ้าน", "ติดตั้งไฟฟ้าส่องสว่าง",
            "ฝึกอบรมอาชีพให้แก่ประชาชน", "ป้องกันโรคไข้เลือดออก", "รณรงค์คัดแยกขยะต้นทาง")
_PROGRAMMES = ("แผนงานเคหะและชุมชน", "แผนงานการศึกษา", "แผนงานสาธารณสุข",
               "แผนงานอุตสาหกรรมและการโยธา", "แผนงานการเกษตร")


def _compact_row(number: int, fields: tuple[str, ...] | None = None) -> list:
    """A project row as a department fills one in: 11 to 13 cells, a unique name;
    only *fields* (and the month marks) when given."""
    action = _ACTIONS[number % len(_ACTIONS)]
    months = {MONTH_KEYS[(number + k) % 12]: MARK for k in range(1 + number % 3)}
    row = {"strategy": str(1 + number % 5), "group": _PROGRAMMES[number % len(_PROGRAMMES)],
           "name": f"โครงการ{action} หมู่ที่ {number % 20 + 1} ลำดับ {number}",
           "activity": f"{action} กว้าง 4 เมตร ยาว {100 + number % 900} เมตร",
           "budget": 1000 * (number % 5000 + 1) + 0.5 * (number % 2),
           "place": f"หมู่ที่ {number % 20 + 1}", "responsible": "กองช่าง",
           "fund_source": "ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่ายประจำปี",
           "dev_plan_ref": f"หน้า {20 + number % 180} ลำดับ {1 + number % 30}"}
    if fields is not None:
        row = {key: row[key] for key in fields}
    row.update(months)
    return [row.get(key) for key in PROJECT_KEYS]


def compact_rows(count: int, inline: bool = False, dimension: str | None = None,
                 fields: tuple[str, ...] | None = None) -> bytes:
    """*count* project rows on the โครงการ sheet, written as compactly as Excel
    writes them: text in the shared strings (``<c r="B2" t="s"><v>7</v></c>``,
    a few dozen bytes a cell), or inline with *inline*; a ``<dimension ref=…>``
    only when *dimension* names one (Excel writes the true one; calamine reserves
    what it claims); only *fields* and the month marks when given (the rest of a
    row empty, so that 200,000 rows stay under the 64 MB a part may unpack to)."""
    strings: dict[str, int] = {}
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
           '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
           'schemas.openxmlformats.org/officeDocument/2006/relationships">'
           + (f'<dimension ref="{dimension}"/>' if dimension else "") + "<sheetData>"]
    letters = [column_letter(c) for c in range(len(PROJECT_KEYS))]
    spans = f' spans="1:{len(PROJECT_KEYS)}"'
    body = (_compact_row(number, fields) for number in range(1, count + 1))
    for r, row in enumerate([PROJECT_LABELS, *body], 1):
        cells = []
        for letter, value in zip(letters, row, strict=True):
            if value is None:
                continue
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{letter}{r}"><v>{value}</v></c>')
            elif inline:
                cells.append(f'<c r="{letter}{r}" t="inlineStr"><is><t>'
                             f'{html.escape(value, quote=False)}</t></is></c>')
            else:
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{letter}{r}" t="s"><v>{index}</v></c>')
        out.append(f'<row r="{r}"{spans}>{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    shared = None
    if not inline:
        shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
                  'schemas.openxmlformats.org/spreadsheetml/2006/main" count="'
                  f'{len(strings)}" uniqueCount="{len(strings)}">'
                  + "".join(f"<si><t>{html.escape(text, quote=False)}</t></si>"
                            for text in strings) + "</sst>")
    sheets = department_sheets([])
    sheets["โครงการ"] = "".join(out)
    return xlsx(sheets, shared_strings=shared)


def long_cells(length: int = 100_000) -> bytes:
    """A 100,000-character activity, budget and stray cell (Excel holds 32,767)."""
    text = ("ปรับปรุงผิวจราจรแอสฟัลท์ติก " * (length // 27 + 1))[:length]
    return xlsx(department_sheets([project(1, activity=text), project(2, budget=text),
                                   project(3, note=text)]))


def dense_sheet(rows_: int = 28_800, cols: int = 104) -> bytes:
    """An extra sheet filled with numbers up to the cell limit (28,800 × 104 ≈ 3 million):
    the most that is still read."""
    row_xml = []
    for r in range(1, rows_ + 1):
        row_xml.append(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
                       f'<c r="{column_letter(cols - 1)}{r}"><v>{r}</v></c></row>')
    extra = sheet_xml([], "".join(row_xml))
    return xlsx(department_sheets([project(1)], ข้อมูลอื่น=extra))


# --- XML tricks -------------------------------------------------------------------


_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
           + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
           + "]>")


def with_doctype(part: str, doctype: str, reference: str, encoding: str = "utf-8") -> bytes:
    """The good workbook with *doctype* in *part* and *reference* used in its first text."""
    def change(data: bytes) -> bytes:
        text = data.decode("utf-8").split("?>", 1)[1]
        first = text.find("</t>")
        if first < 0:
            first = text.find("/>")
        text = text[:first] + reference + text[first:]
        declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
        document = declaration + doctype + text
        return (b"\xff\xfe" + document.encode("utf-16-le")) if encoding == "utf-16" \
            else document.encode("utf-8")
    data = xlsx(department_sheets([project(1)]), shared_strings=(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        "หมายเหตุ</t></si></sst>"))
    return replace_part(data, part, change)


def xxe(part: str, url: str = "file:///etc/passwd") -> bytes:
    return with_doctype(part, f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{url}">]>', "&xxe;")


def parameter_entity(url: str) -> bytes:
    return with_doctype("xl/sharedStrings.xml",
                        f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{url}"> %p;]>', "")


# --- .ods ---------------------------------------------------------------------------


def ods(tables: str, styles: str = "") -> bytes:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
               '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:'
               'names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:'
               'opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f"<office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    members: dict[str, bytes | str] = {
        "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
        "META-INF/manifest.xml":
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
            'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
            '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        "content.xml": content}
    if styles:
        members["styles.xml"] = styles
    return zip_bytes(members)


def ods_cell(value) -> str:
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{html.escape(str(value))}'
            "</text:p></table:table-cell>")


def ods_table(name: str, rows: list[list], extra_rows: str = "") -> str:
    body = "".join("<table:table-row>" + "".join(
        ods_cell(v) if v is not None else "<table:table-cell/>" for v in row)
        + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{name}">{body}{extra_rows}</table:table>'


def ods_department(extra_rows: str = "", styles: str = "") -> bytes:
    return ods(ods_table("หน่วยงาน", [["รายการ", "ค่า"], ["หน่วยงาน", "กองช่าง"],
                                      ["ปีงบประมาณ", 2568]])
               + ods_table("โครงการ", [PROJECT_LABELS, project(1)], extra_rows), styles)


_VALUE = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


# --- .xls, patched from the committed LibreOffice-made fixture -------------------------


def _xls_patch(change: Callable[[bytearray, olefile.OleFileIO], None]) -> bytes:
    data = bytearray(BASE_XLS.read_bytes())
    with olefile.OleFileIO(io.BytesIO(bytes(data))) as container:
        change(data, container)
    return bytes(data)


def _stream_offsets(container: olefile.OleFileIO, name: str) -> list[int]:
    """File offset of each byte of a (regular-sector) stream."""
    entry = next(e for e in container.direntries if e is not None and e.name == name)
    sectors, sector = [], entry.isectStart
    while sector != olefile.ENDOFCHAIN:
        sectors.append(sector)
        sector = container.fat[sector]
    size = container.sectorsize
    return [(sector + 1) * size + i for sector in sectors for i in range(size)][:entry.size]


def _records(container: olefile.OleFileIO):
    stream = container.openstream("Workbook").read()
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        yield kind, position, size
        position += 4 + size


def xls_dimensions_claim() -> bytes:
    """Every DIMENSIONS record claims rows 0 to 4,294,967,295."""
    def change(data: bytearray, container: olefile.OleFileIO) -> None:
        offsets = _stream_offsets(container, "Workbook")
        for kind, position, size in _records(container):
            if kind == 0x0200 and size == 14:
                for i, byte in enumerate(struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 0xFF, 0)):
                    data[offsets[position + 4 + i]] = byte
    return _xls_patch(change)


def xls_formula_length() -> bytes:
    """The first FORMULA record says its formula is 176 bytes long in a 35-byte
    record: calamine 0.37 panics (a Rust panic, not an error) on it."""
    def change(data: bytearray, container: olefile.OleFileIO) -> None:
        offsets = _stream_offsets(container, "Workbook")
        for kind, position, _ in _records(container):
            if kind == 0x0006:
                data[offsets[position + 4 + 20]] = 0xB0
                return
    return _xls_patch(change)


def xls_chain_loop() -> bytes:
    """The directory's sector chain points back at itself."""
    def change(data: bytearray, container: olefile.OleFileIO) -> None:
        directory = struct.unpack_from("<I", data, 0x30)[0]
        fat_sector = struct.unpack_from("<I", data, 0x4C)[0]
        struct.pack_into("<I", data, (fat_sector + 1) * 512 + directory * 4, directory)
    return _xls_patch(change)


def xls_header_counts() -> bytes:
    """The header says the file has 4 billion FAT sectors."""
    def change(data: bytearray, container: olefile.OleFileIO) -> None:
        struct.pack_into("<I", data, 0x2C, 0xFFFFFFF0)
    return _xls_patch(change)


def encrypted_ooxml() -> bytes:
    """A password-protected .xlsx as Office writes it: an OLE2 file with
    EncryptionInfo and EncryptedPackage streams (made-up payload)."""
    sys.path.insert(0, str(DATA))
    from make_fixtures import _stand_in_bytes, compound_file

    return compound_file({
        "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00"
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns='
        b'"http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" '
        b'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>',
        "EncryptedPackage": struct.pack("<Q", 6000) + _stand_in_bytes("package", 6000)})


# --- mutated copies of good workbooks -----------------------------------------------

_MUTATION_SOURCES = ("habit-title-rows.xlsx", "habit-merged-strategy.xlsx", "habit-formulas.xlsx",
                     "habit-month-fill.xlsx", "habit-two-row-header.xlsx",
                     "habit-libreoffice-resaved.xlsx", "habit-saved-as-ods.ods",
                     "habit-saved-as-xls.xls")
# What a damaged or crafted part is likely to hold where a byte was.
_TOKENS = (b"99999999", b"-1", b"XFD", b"1048576", b"&amp;", b"<", b">", b'"', b"'", b'r="A1"',
           b"/>", b"</c>", b"<c>", b"9e999", b"nan", b' t="e"', b' t="b"', b' t="d"', b' t="s"',
           b"<v>4294967295</v>", b"\x00", b"\xff", b'table:number-columns-repeated="30000"',
           b'table:number-rows-repeated="99999"', b'office:value="1e308"', b'encoding="UTFj8"')


def mutated_copies(seed: int, count: int) -> dict[str, bytes]:
    """*count* damaged copies of the committed habit fixtures, the same for the same
    *seed*: an .xlsx/.ods has bytes of its XML parts changed, inserted or deleted
    (and is zipped again, so the change reaches the parsers); an .xls has bytes of
    the file changed."""
    import random

    rng = random.Random(seed)
    copies = {}
    for index in range(count):
        source = DATA / rng.choice(_MUTATION_SOURCES)
        data = source.read_bytes()
        if source.suffix == ".xls":
            changed = bytearray(data)
            for _ in range(rng.choice((1, 2, 4, 16))):
                changed[rng.randrange(len(changed))] = rng.randrange(256)
            copies[f"mutated-{index:03d}.xls"] = bytes(changed)
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: archive.read(info.filename)
                       for info in archive.infolist()}
        parts = sorted(name for name in members if name.endswith((".xml", ".rels")))
        for _ in range(rng.choice((1, 1, 2, 4))):
            part = rng.choice(parts)
            changed = bytearray(members[part])
            where = rng.randrange(len(changed))
            what = rng.random()
            if what < 0.4:
                changed[where] = rng.randrange(256)
            elif what < 0.8:
                changed[where:where] = rng.choice(_TOKENS)
            else:
                del changed[where:where + rng.randrange(1, 40)]
            members[part] = bytes(changed)
        copies[f"mutated-{index:03d}{source.suffix}"] = zip_bytes(members)
    return copies


# --- the catalogue ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile input: its file name, how to build it, what check must say.

    ``codes`` are the finding codes expected for this file (an empty tuple:
    read without any finding of its own); ``rows`` the data rows it must be
    read with, when that is the point; ``budget`` the seconds it may take
    (None: the standard 5 s); ``megabytes`` a tighter memory bar.
    """

    name: str
    build: Callable[[], bytes]
    codes: tuple[str, ...]
    note: str
    committed: bool = True
    libreoffice: bool = False
    rows: int | None = None
    budget: float | None = None
    #: The peak memory (MB) asserted, where lower than the 500 MB of issue 8.
    megabytes: int | None = None
    #: Also tried as a broken plan.xlsx (the settings workbook).
    as_settings: bool = False


def _committed(name: str) -> Callable[[], bytes]:
    return lambda: (HERE / name).read_bytes()


CASES: tuple[Case, ...] = (
    # -- not a workbook --
    Case("text-renamed.xlsx", lambda: "ยุทธศาสตร์,โครงการ,งบประมาณ\n1,ถนน,100000\n".encode(),
         ("file-not-workbook",), "a CSV saved with a workbook's name", as_settings=True),
    Case("pdf-renamed.xlsx", tiny_pdf, ("file-not-workbook",), "a PDF", as_settings=True),
    Case("png-renamed.xlsx", tiny_png, ("file-not-workbook",), "a picture", as_settings=True),
    Case("word-renamed.xlsx", word_document, ("file-not-workbook",), "a Word document"),
    Case("web-page-renamed.xls", lambda: b"<html><body><table><tr><td>1</td></tr></table>"
         b"</body></html>", ("file-not-workbook",), "a web page saved as .xls"),
    Case("empty.xlsx", lambda: b"", ("file-not-workbook",), "zero bytes", as_settings=True),
    # -- damaged --
    Case("truncated.xlsx", lambda: truncated(good_xlsx()), ("file-unreadable",),
         "a download cut at 60 %", as_settings=True),
    Case("truncated-at-start.xlsx", lambda: good_xlsx()[:30], ("file-unreadable",),
         "only the first 30 bytes"),
    Case("bad-crc.xlsx", bad_crc, ("file-unreadable",), "a part's CRC-32 does not match",
         as_settings=True),
    Case("bad-deflate.xlsx", bad_deflate, ("file-unreadable",),
         "a part's compressed data is garbage", as_settings=True),
    Case("duplicate-part.xlsx", duplicate_part, ("file-unreadable",),
         "two parts whose names differ in case only"),
    Case("zip-slip.xlsx", zip_slip, (), "a part named ../../outside.xml (never unpacked)"),
    Case("truncated.xls", lambda: truncated(BASE_XLS.read_bytes(), 0.5), ("file-unreadable",),
         "an .xls cut in half"),
    Case("truncated.ods", lambda: truncated(ods_department()), ("file-unreadable",),
         "an .ods cut at 60 %"),
    Case("xls-chain-loop.xls", xls_chain_loop, ("file-unreadable",),
         "a compound-file chain that loops (calamine: endless allocation)", as_settings=True),
    Case("xls-header-counts.xls", xls_header_counts, ("file-unreadable",),
         "a compound-file header claiming 4 billion FAT sectors"),
    Case("xls-formula-length.xls", xls_formula_length, ("file-unreadable",),
         "a FORMULA record longer than itself (calamine panics)"),
    # -- password protected --
    Case("encrypted-ooxml.xlsx", encrypted_ooxml, ("file-encrypted",),
         "an OLE2 EncryptedPackage (hand-built, made-up payload)", as_settings=True),
    Case("encrypted-by-libreoffice.xls", _committed("encrypted-by-libreoffice.xls"),
         ("file-encrypted",), "saved by LibreOffice with a password (RC4 FILEPASS)",
         libreoffice=True, as_settings=True),
    Case("encrypted-by-libreoffice.ods", _committed("encrypted-by-libreoffice.ods"),
         ("file-encrypted",), "saved by LibreOffice with a password", libreoffice=True),
    Case("zip-password.xlsx", zip_with_encrypted_member, ("file-encrypted",),
         "a workbook zipped with a password"),
    # -- bombs and huge sheets --
    Case("zip-bomb-2gb.xlsx", lambda: zip_bomb(2), ("file-too-large",),
         "2 MB whose project sheet unpacks to 2 GB", committed=False, as_settings=True),
    Case("zip-bomb-lying.xlsx", lambda: zip_bomb(2, lying=True), ("file-unreadable",),
         "the same, its size declared as 1 kB", committed=False),
    Case("zip-many-parts.xlsx", many_parts, ("file-too-large",), "20,000 parts",
         committed=False),
    Case("shared-strings-count.xlsx", shared_string_count, ("file-too-large",),
         "<sst uniqueCount=\"2000000000\"> (calamine: abort reserving 48 GB)",
         as_settings=True),
    Case("value-at-xfd1048576.xlsx", lambda: far_value("XFD1048576"), ("sheet-too-large",),
         "one value at the last cell of the sheet", as_settings=True),
    Case("value-at-xfd1.xlsx", lambda: far_value("XFD1"), ("sheet-too-large",),
         "one value in column 16,384"),
    Case("value-at-a1048576.xlsx", lambda: far_value("A1048576"), ("sheet-too-large",),
         "one value in row 1,048,576"),
    Case("value-at-cz99999.xlsx", lambda: far_value("CZ99999"), ("sheet-too-large",),
         "within the row and column limits, but 10 million cells"),
    Case("formatted-to-the-corner.xlsx", formatted_to_the_corner, (),
         "formatting, no value, down to XFD1048576: read normally", rows=2),
    Case("cells-without-references.xlsx", cells_without_references, ("sheet-too-large",),
         "16,384 cells with no r=\"\" in one row"),
    Case("prefixed-cells.xlsx", prefixed_cells, ("sheet-too-large",),
         "x:c cells, one at column ZZ"),
    Case("merge-over-everything.xlsx", merge_over_everything, ("budget-not-number",),
         "a merge and a hyperlink over A3:XFD1048576 (no openpyxl copy)", rows=2),
    Case("merge-down-a-million-rows.xlsx", merge_down_a_million_rows, (),
         "1,000 merges each down to row 1,048,576", rows=2),
    Case("ods-repeated-columns.ods", lambda: ods_department(
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell '
        'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row>"), ("sheet-too-large",),
         "a value repeated over 1,000 × 16,384 cells (calamine: 2 GB at open)",
         as_settings=True),
    Case("ods-repeated-rows.ods", lambda: ods_department(
        f'<table:table-row table:number-rows-repeated="2000000000">{_VALUE}'
        "</table:table-row>"), ("sheet-too-large",), "a row repeated 2 billion times"),
    Case("ods-repeat-not-a-number.ods", lambda: ods_department(
        '<table:table-row><table:table-cell table:number-columns-repeated="many" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'),
         ("file-unreadable",), "number-columns-repeated=\"many\""),
    Case("xls-dimensions-claim.xls", xls_dimensions_claim, ("sheet-too-large",),
         "a DIMENSIONS record claiming 4 billion rows (calamine: abort)"),
    Case("xls-value-at-iv65536.xls", _committed("xls-value-at-iv65536.xls"),
         ("sheet-too-large",), "LibreOffice-made, a value at the last cell of an .xls",
         libreoffice=True),
    # -- XML tricks --
    Case("billion-laughs-shared-strings.xlsx",
         lambda: with_doctype("xl/sharedStrings.xml", _LAUGHS, "&lol9;"), ("file-unreadable",),
         "entity expansion in the shared strings", as_settings=True),
    Case("billion-laughs-sheet.xlsx",
         lambda: with_doctype("xl/worksheets/sheet2.xml", _LAUGHS, "&lol9;"),
         ("file-unreadable",), "entity expansion in a sheet"),
    Case("billion-laughs-utf16.xlsx",
         lambda: with_doctype("xl/sharedStrings.xml", _LAUGHS, "&lol9;", "utf-16"),
         ("file-unreadable",), "the same in UTF-16"),
    Case("xxe-file-shared-strings.xlsx", lambda: xxe("xl/sharedStrings.xml"),
         ("file-unreadable",), "an external entity naming /etc/passwd", as_settings=True),
    Case("xxe-file-styles.xlsx", lambda: xxe("xl/styles.xml"), ("file-unreadable",),
         "an external entity in styles.xml (read by openpyxl for fills)"),
    Case("xxe-http-sheet.xlsx", lambda: xxe("xl/worksheets/sheet2.xml",
                                            "http://127.0.0.1:9/oplan-xxe"),
         ("file-unreadable",), "an external entity naming a web address"),
    Case("xxe-parameter-entity.xlsx", lambda: parameter_entity("http://127.0.0.1:9/p.dtd"),
         ("file-unreadable",), "a parameter entity naming a web address"),
    Case("ods-billion-laughs.ods", lambda: replace_part(
        ods_department(), "content.xml",
        lambda data: data.replace(b"?>", b"?>" + _LAUGHS.encode(), 1)),
         ("file-unreadable",), "entity expansion in content.xml"),
    Case("ods-xxe-styles.ods", lambda: ods_department(styles=(
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/'
        'passwd">]><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0">&xxe;</office:document-styles>')), ("file-unreadable",),
         "an external entity in styles.xml of an .ods"),
    # -- big content that is read --
    Case("long-cells.xlsx", long_cells,
         ("text-over-cell-limit", "budget-not-number"),
         "100,000 characters in an activity, a budget and a note cell", rows=3),
    Case("rows-50000.xlsx", lambda: rows(50_000), ("table-very-large",),
         "50,000 valid project rows", committed=False, rows=50_000, budget=20.0),
    Case("rows-10000-all-wrong.xlsx", lambda: rows(10_000, broken=True),
         ("table-very-large", "unknown-strategy", "budget-not-number", "no-month"),
         "10,000 rows, each with three errors (30,000 findings)", committed=False,
         rows=10_000, budget=10.0),
    Case("rows-200000-compact.xlsx",
         lambda: compact_rows(200_000, fields=("strategy", "group", "name", "budget",
                                               "responsible")),
         ("sheet-too-large",), "200,000 rows written compactly (shared strings, no "
         "<dimension>): refused before the sheet is held in memory (issue 14)",
         committed=False, budget=10.0, megabytes=200),
    Case("dense-sheet.xlsx", dense_sheet, (),
         "an extra sheet whose values span 28,800 × 104 cells, just under the limit",
         committed=False, rows=1),
)


def by_name(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


# --- LibreOffice-made files -------------------------------------------------------------

_UNO_SCRIPT = r'''
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

source, out_dir, profile = sys.argv[1:4]
pipe = "oplan_hostile_%d" % os.getpid()
office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless",
                           "--invisible", "--norestore", "--accept=pipe,name=%s;urp;" % pipe],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    context = uno.getComponentContext()
    resolver = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", context)
    for _ in range(150):
        try:
            remote = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.2)
    desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                              remote)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                            (prop("Hidden", True),))
    for name, filter_name in (("encrypted-by-libreoffice.xls", "MS Excel 97"),
                              ("encrypted-by-libreoffice.ods", "calc8")):
        document.storeToURL(uno.systemPathToFileUrl(os.path.join(out_dir, name)),
                            (prop("FilterName", filter_name), prop("Password", "oplan")))
    document.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()
'''


def make_libreoffice_files() -> None:
    """The encrypted .xls and .ods (UNO, system Python) and an .xls with a value at
    IV65536 (soffice --convert-to)."""
    soffice = shutil.which("soffice")
    python = shutil.which("python3", path="/usr/bin") or "python3"
    if soffice is None:
        sys.exit("soffice not found: install LibreOffice for the LibreOffice-made cases")
    with tempfile.TemporaryDirectory(prefix="oplan-hostile-") as temp:
        temp_dir = Path(temp)
        profile = (temp_dir / "profile").as_uri()
        env = {**os.environ, "HOME": str(temp_dir)}
        source = temp_dir / "source.xlsx"
        source.write_bytes(good_xlsx())
        script = temp_dir / "encrypt.py"
        script.write_text(_UNO_SCRIPT, encoding="utf-8")
        subprocess.run([python, str(script), str(source), str(temp_dir), profile], check=True,
                       timeout=300, env=env)
        for name in ("encrypted-by-libreoffice.xls", "encrypted-by-libreoffice.ods"):
            shutil.copyfile(temp_dir / name, HERE / name)
        far = temp_dir / "xls-value-at-iv65536.xlsx"
        far.write_bytes(far_value("IV65536"))
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "xls", "--outdir", str(temp_dir), str(far)],
                       check=True, timeout=300, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(temp_dir / "xls-value-at-iv65536.xls", HERE / "xls-value-at-iv65536.xls")


def main(argv: list[str]) -> None:
    if "--libreoffice" in argv:
        make_libreoffice_files()
    written = 0
    for case in CASES:
        if case.committed and not case.libreoffice:
            (HERE / case.name).write_bytes(case.build())
            written += 1
    print(f"wrote {written} generated cases in {HERE}"
          + (" and the LibreOffice-made ones" if "--libreoffice" in argv else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
