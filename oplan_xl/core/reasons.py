"""Why a file could not be read or written, in Thai and English.

A reason goes into a message in brackets (``file-too-large``: "ไฟล์ใหญ่ผิดปกติ
({reason}) จึงไม่อ่าน").  The guards and the writers make a Reason, a key of
``REASONS`` with its values, never a sentence: the message it goes into writes it
in its own language when it is filled (``wording.Worded``), so a Thai officer
reads Thai and ``--lang en`` reads English.

What a library or the system said (an OSError's text, a zip or XML parser's
message) is quoted as it is, in its own words, introduced in Thai by "ระบบแจ้งว่า"
(``said``).  Numbers are filled with thousands separators in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from oplan_xl.core.wording import Worded, fill

#: What the system said, quoted: in Thai behind "ระบบแจ้งว่า" and in double quotes.
_SAID_TH = 'ระบบแจ้งว่า "{text}"'

#: key → (Thai, English).  Part and stream names are quoted in Thai, as names are.
REASONS: dict[str, tuple[str, str]] = {
    "said": (_SAID_TH, "{text}"),
    # --- not a workbook ---
    "empty-file": ("ไฟล์ว่าง ไม่มีข้อมูลเลย", "empty file"),
    "pdf": ("เป็นไฟล์ PDF", "a PDF file"),
    "web-page": ("เป็นหน้าเว็บหรือไฟล์ XML ที่ตั้งชื่อเหมือนไฟล์ Excel",
                 "a web page or XML file saved with a workbook name"),
    "text-file": ("เป็นไฟล์ข้อความ เช่น CSV ที่ตั้งชื่อเหมือนไฟล์ Excel",
                  "a text file (CSV?) saved with a workbook name"),
    "unknown-format": ("ไม่รู้จักรูปแบบของไฟล์", "its format is not known"),
    "office-not-workbook": ("เป็นเอกสารอื่นที่ไม่ใช่ Excel (อาจเป็น Word หรือ PowerPoint)",
                            "an Office file that is not a workbook (Word or PowerPoint?)"),
    "no-workbook-stream": ("เป็นไฟล์แบบเดียวกับ .xls แต่ไม่มีตารางอยู่ข้างใน",
                           "an Office file without a workbook stream"),
    "other-document": ("เป็นเอกสารชนิด {kind} ไม่ใช่ตารางคำนวณ",
                       "a {kind} document, not a spreadsheet"),
    "word": ("เป็นเอกสาร Word", "a Word document"),
    "powerpoint": ("เป็นไฟล์ PowerPoint", "a PowerPoint file"),
    "zip-not-workbook": ("เป็นไฟล์ ZIP ที่ไม่ใช่ไฟล์ Excel", "a zip file that is not a workbook"),
    # --- password protected ---
    "password": ("ตั้งรหัสผ่านไว้", "password protected"),
    "zip-password": ("ตั้งรหัสผ่านไว้ (ZIP ที่เข้ารหัส)", "password protected (an encrypted zip)"),
    # --- too large ---
    "file-size": ("ขนาด {megabytes:,} MB", "{megabytes:,} MB"),
    "unpacked-size": ("เมื่อขยายออกมีขนาด {megabytes:,} MB", "{megabytes:,} MB once unpacked"),
    "part-unpacks-to": ('ส่วน "{part}" ของไฟล์ เมื่อขยายออกมีขนาด {megabytes:,} MB',
                        "part {part} unpacks to {megabytes:,} MB"),
    "many-parts": ("มีส่วนประกอบถึง {parts:,} ส่วนในไฟล์เดียว", "{parts:,} parts in one file"),
    "shared-strings-count": ('ส่วน "{part}" แจ้งว่ามีข้อความ {count:,} รายการ มากเกินจริง',
                             "part {part} declares {count:,} shared strings"),
    "beyond-row": ("มีข้อมูลไปถึงแถว {rows:,} เกินแถว {limit:,} ที่โปรแกรมอ่านได้",
                   "values reach row {rows:,}, beyond row {limit:,}"),
    "beyond-column": ("มีข้อมูลไปถึงคอลัมน์ {column} เกินคอลัมน์ {limit} ที่โปรแกรมอ่านได้",
                      "values reach column {column}, beyond column {limit}"),
    "values-span": ("มีข้อมูลกว้าง {rows:,} แถว × {columns:,} คอลัมน์ เกินที่โปรแกรมอ่านได้",
                    "values span {rows:,} rows × {columns:,} columns"),
    "size-record": ("ข้อมูลขนาดของแผ่นงานระบุว่ามี {cells:,} ช่อง",
                    "its size record claims {cells:,} cells"),
    "sheet-written-oddly": ("แผ่นงานขนาด {megabytes:,} MB ที่เขียนช่องต่างไปจากที่ Excel เขียน",
                            "a sheet of {megabytes:,} MB whose cells are not written the way "
                            "Excel writes them"),
    "sheet-without-tag": ("แผ่นงานมีข้อมูล {megabytes:,} MB ติดกันโดยไม่มีแท็กของ XML",
                          "a sheet holding {megabytes:,} MB without a tag"),
    # --- damaged: the zip ---
    "zip-incomplete": ("ข้อมูล ZIP ในไฟล์ไม่ครบ: {why}", "not a complete zip file: {why}"),
    "parts-same-name": ('มีส่วนประกอบชื่อ "{part}" ซ้ำกันสองส่วน', "two parts named {part}"),
    "part-damaged": ('ส่วน "{part}" ของไฟล์เสียหาย: {why}', "part {part} is damaged: {why}"),
    # --- damaged: XML ---
    "xml-dtd": ('ส่วน "{part}" มีการประกาศ DTD ซึ่ง Excel และ LibreOffice ไม่เคยเขียน',
                "part {part} declares a DTD, which Excel and LibreOffice never write"),
    "xml-entities": ('ส่วน "{part}" มีการประกาศเอนทิตีของ XML ซึ่ง Excel และ LibreOffice '
                     "ไม่เคยเขียน",
                     "part {part} declares XML entities, which Excel and LibreOffice never "
                     "write"),
    "xml-not-well-formed": ('ส่วน "{part}" ไม่ใช่ XML ที่ถูกต้อง: {why}',
                            "part {part} is not well-formed XML: {why}"),
    "sheet-xml-not-well-formed": ("XML ของแผ่นงานไม่ถูกต้อง: {why}",
                                  "a sheet's XML is not well-formed: {why}"),
    "xml-nothing-near-start": ('ส่วน "{part}" ไม่มีข้อมูล XML ใน {kilobytes:,} KB แรก',
                               "part {part} has no element in its first {kilobytes:,} kB"),
    "xml-nothing": ('ส่วน "{part}" ไม่มีข้อมูล XML เลย', "part {part} holds no XML element"),
    "xml-odd-encoding": ('ส่วน "{part}" เป็น XML ที่ใช้รหัสอักขระแบบที่ Excel ไม่เคยใช้',
                         "part {part} is XML in an encoding Excel never writes"),
    "cell-reference": ('มีช่องที่อ้างอิงตำแหน่ง "{value}" ซึ่งผิดรูปแบบ',
                       'a cell reference "{value}"'),
    "row-number": ('มีแถวที่ระบุเลขแถวเป็น "{value}" ซึ่งไม่ใช่ตัวเลข', 'a row numbered "{value}"'),
    # --- damaged: .ods content.xml ---
    "ods-table-in-table": ("ใน content.xml มีตารางซ้อนอยู่ในตาราง",
                           "a table inside a table in content.xml"),
    "ods-table-end": ("ใน content.xml มีตารางที่ปิดผิดตำแหน่ง",
                      "a table that ends out of place in content.xml"),
    "ods-row-outside": ("ใน content.xml มีแถวที่อยู่นอกตารางหรือซ้อนอยู่ในแถว",
                        "a row outside a table, or inside a row, in content.xml"),
    "ods-row-end": ("ใน content.xml มีแถวที่ปิดผิดตำแหน่ง",
                    "a row that ends out of place in content.xml"),
    "ods-repeat-count": ('จำนวนครั้งที่ซ้ำ "{value}" ไม่ใช่ตัวเลข',
                         'a repeat count "{value}" that is not a number'),
    # --- damaged: .xls ---
    "xls-damaged": ("โครงสร้างของไฟล์ .xls เสียหาย: {why}", "damaged .xls container: {why}"),
    "xls-records-damaged": ("ข้อมูลในไฟล์ .xls เสียหาย: {why}", "damaged .xls records: {why}"),
    "xls-shorter-than-header": ("ไฟล์สั้นกว่าส่วนหัวของไฟล์เอง", "shorter than its header"),
    "xls-sector-shift": ("ส่วนหัวระบุขนาดเซกเตอร์ผิด ({shift})", "sector shift {shift}"),
    "xls-header-counts": ("ส่วนหัวระบุจำนวนที่มากกว่าขนาดของไฟล์",
                          "header counts larger than the file"),
    "xls-difat-chain": ("สารบัญตำแหน่งข้อมูลวนซ้ำหรือชี้ออกนอกไฟล์",
                        "DIFAT chain loops or leaves the file"),
    "xls-fat-beyond-end": ("สารบัญตำแหน่งข้อมูลชี้เลยท้ายไฟล์",
                           "FAT sector beyond the end of the file"),
    "xls-mini-stream": ("ส่วนเก็บข้อมูลย่อยใหญ่กว่าตัวไฟล์", "mini stream larger than the file"),
    "xls-stream-size": ('ส่วน "{stream}" ระบุขนาด {size:,} ไบต์ ใหญ่กว่าตัวไฟล์',
                        "stream {stream} claims {size:,} bytes"),
    "xls-chain-broken": ("ลำดับของข้อมูลในไฟล์ขาดหรือวนซ้ำที่เซกเตอร์ {sector:#x}",
                         "sector chain broken at {sector:#x}"),
}


@dataclass(frozen=True)
class Reason(Worded):
    """A key of REASONS and its values, written in the language asked for."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "th") -> str:
        thai, english = REASONS[self.key]
        return fill(thai if lang == "th" else english, lang, **dict(self.params))

    def __str__(self) -> str:  # an exception carrying one reads in English in a traceback
        return self.text("en")


def reason(key: str, /, **params: object) -> Reason:
    """The reason *key* of REASONS with its values (numbers as numbers, to be shown
    with separators; names and quoted words as text)."""
    if key not in REASONS:
        raise KeyError(f"unknown reason {key!r}")
    return Reason(key, tuple(sorted(params.items())))


def said(text: object) -> Reason:
    """What a library or the system said, quoted as it is: double quotes inside it
    become single ones, so that the Thai quotation around it stays one."""
    return reason("said", text=str(text).replace('"', "'"))


def os_said(exc: OSError) -> Reason:
    """What the system said of a failed file operation: its text, else the kind of
    failure (``said``)."""
    return said(exc.strerror or type(exc).__name__)


def failure(exc: BaseException, limit: int = 200) -> Reason:
    """An exception's type and the start of its text, quoted (``said``)."""
    return said(f"{type(exc).__name__}: {str(exc)[:limit]}")


def quoted(data: bytes | str, limit: int = 20) -> str:
    """The start of a file's own bytes or text, to be quoted in a reason."""
    text = data[:limit].decode("utf-8", "replace") if isinstance(data, bytes) else data[:limit]
    return text.replace('"', "'")
