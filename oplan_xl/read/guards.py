"""Pre-flight checks: what a workbook's bytes ask of the readers, before they read.

python-calamine and openpyxl trust the files they are given.  Measured on
python-calamine 0.9 (calamine 0.37), a file of a few kB can make them:

- abort the whole process: an .xlsx declaring ``<sst uniqueCount="2000000000">``
  (calamine reserves 48 GB for the shared strings), an .xls whose DIMENSIONS
  record claims 4 billion rows, an .xls whose compound-file chains loop;
- allocate gigabytes: a value at XFD1048576 (every cell of the grid from A1 is
  allocated), an .ods row or cell with ``number-rows-repeated`` /
  ``number-columns-repeated`` in the millions (calamine expands them when the
  file is opened), a merged range or hyperlink over a whole sheet (openpyxl
  makes an object per cell);
- panic (a Rust panic reaches Python as ``PanicException``, which is not an
  ``Exception``) on a damaged .xls record;
- expand an XML entity bomb, or read a file named by an external entity, in
  an XML parser that allows a DTD.

So each file is looked at here first, with nothing but the standard library
and without allocating more than its own size: the zip's table of contents
and the integrity of every part, the prolog of every XML part (no DTD is
allowed: Excel and LibreOffice never write one), the extent of the cells that
hold values in each sheet, and for .xls the compound file's chains and the
BIFF records.  What goes beyond ``limits`` raises UnreadableWorkbook with the
finding code to report.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

from oplan_xl.core import limits


class UnreadableWorkbook(Exception):
    """The file (or one sheet of it) could not be opened as a workbook.

    ``code`` is the finding code (file-unreadable, file-encrypted,
    file-not-workbook, file-too-large, sheet-too-large), ``reason`` says why
    in English (it goes into the Thai message in brackets), and ``sheet``
    names the sheet when one sheet is at fault.
    """

    def __init__(self, reason: str, code: str = "file-unreadable", sheet: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.sheet = sheet


def megabytes(size: int) -> str:
    return f"{size / limits.MB:.0f} MB"


def column_letters(count: int) -> str:
    """1 → A, 26 → Z, 27 → AA: the letters of the *count*-th column."""
    letters = ""
    while count:
        count, remainder = divmod(count - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_number(letters: bytes | str) -> int:
    """b"A" → 1, b"CZ" → 104."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_extent(rows: int, cols: int, sheet: str) -> None:
    """Raise sheet-too-large unless a grid of *rows* × *cols* (from A1) is within limits."""
    if rows > limits.MAX_ROWS or cols > limits.MAX_COLUMNS:
        raise UnreadableWorkbook(
            f"values reach row {rows:,} and column {column_letters(cols)}, beyond row "
            f"{limits.MAX_ROWS:,} or column {column_letters(limits.MAX_COLUMNS)}",
            "sheet-too-large", sheet)
    if rows * cols > limits.MAX_SHEET_CELLS:
        raise UnreadableWorkbook(f"values span {rows:,} rows × {cols:,} columns",
                                 "sheet-too-large", sheet)


# --- zip-based workbooks (.xlsx, .xlsm, .ods) ----------------------------------


@dataclass
class ZipReport:
    """What the integrity pass over a zip learnt: each XML part's root element."""

    #: part name → local name of its root element (``worksheet``, ``sst`` …).
    roots: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def unpacked(self) -> int:
        return sum(self.sizes.values())


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               ValueError, NotImplementedError, RuntimeError, struct.error, KeyError)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The zip's table of contents, checked for size, count and encryption."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise UnreadableWorkbook(f"not a complete zip file: {exc}") from exc
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise UnreadableWorkbook(f"{len(members):,} parts in one file", "file-too-large")
    # calamine finds parts ignoring case and with \ for /, Python's zipfile by the
    # exact name: two parts that differ only so could be read one by each.
    seen: set[str] = set()
    for member in members:
        key = member.filename.replace("\\", "/").lower()
        if key in seen:
            raise UnreadableWorkbook(f"two parts named {member.filename}")
        seen.add(key)
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.MAX_UNZIPPED_BYTES:
        raise UnreadableWorkbook(f"{megabytes(unpacked)} once unpacked", "file-too-large")
    for member in members:
        if member.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook(f"part {member.filename} unpacks to "
                                     f"{megabytes(member.file_size)}", "file-too-large")
        if member.flag_bits & 0x1:
            raise UnreadableWorkbook("password protected (an encrypted zip)", "file-encrypted")
    return archive


def check_zip(archive: zipfile.ZipFile) -> ZipReport:
    """Unpack every part once, in chunks: CRC and sizes must hold, and no XML
    part may declare a DTD.

    Python's zipfile stops at a part's declared size and checks its CRC, so a
    part that unpacks to more than it declares (a lying zip bomb) fails here
    as damaged.  The root element of each XML part is recorded.
    """
    report = ZipReport()
    for member in archive.infolist():
        if member.is_dir():
            continue
        name = member.filename
        prolog = _Prolog(name)
        size = 0
        try:
            with archive.open(member) as stream:
                while True:
                    chunk = stream.read(1024 * 1024)
                    if not chunk:
                        break
                    size += len(chunk)
                    if not prolog.done:
                        prolog.feed(chunk)
        except UnreadableWorkbook:
            raise
        except _ZIP_ERRORS as exc:
            raise UnreadableWorkbook(f"part {name} is damaged: {exc}") from exc
        prolog.close()
        report.sizes[name] = size
        if prolog.root:
            report.roots[name] = prolog.root
    return report


class _RootReached(Exception):
    pass


# UTF-32 and EBCDIC forms of "<" or "<?xm" (XML 1.0 appendix F): expat reads
# neither, other parsers do, so such a part is refused rather than skipped.
_EXOTIC_XML = (b"\x00\x00\x00<", b"<\x00\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00",
               b"\x4c\x6f\xa7\x94")


_PICTURES = re.compile(r"(^|/)(media|Pictures)/|\.svg$", re.I)


class _Prolog:
    """Parses an XML part up to its root element with expat; refuses a DTD.

    Only the prolog matters: a DOCTYPE may only come before the root element,
    and every parser rejects one after it.  Parts that do not look like XML
    (pictures, printer settings, a VBA project) are left alone.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.done = False
        self.root = ""
        self.fed = 0
        self.started = False
        self.parser = None

    def feed(self, chunk: bytes) -> None:
        if not self.started:
            self.started = True
            if _PICTURES.search(self.name):
                self.done = True  # an SVG picture may carry a DTD; no reader here parses it
                return
            head = chunk[:4]
            stripped = chunk.lstrip(b" \t\r\n")
            if head.startswith(_EXOTIC_XML):
                raise UnreadableWorkbook(f"part {self.name} is XML in an encoding "
                                         "Excel never writes")
            if not (stripped.startswith(b"<") or chunk.startswith(
                    (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"))):
                self.done = True  # not XML
                return
            self.parser = expat.ParserCreate()
            self.parser.StartDoctypeDeclHandler = self._doctype
            self.parser.EntityDeclHandler = self._entity
            self.parser.StartElementHandler = self._start
        self.fed += len(chunk)
        try:
            self.parser.Parse(chunk, False)
        except _RootReached:
            self.done = True
            return
        except (expat.ExpatError, LookupError, ValueError) as exc:  # LookupError: encoding=
            raise UnreadableWorkbook(f"part {self.name} is not well-formed XML: {exc}") from exc
        if self.fed > limits.MAX_XML_PROLOG_BYTES:
            raise UnreadableWorkbook(f"part {self.name} has no element in its first "
                                     f"{limits.MAX_XML_PROLOG_BYTES // 1024} kB")

    def close(self) -> None:
        if self.started and not self.done:
            raise UnreadableWorkbook(f"part {self.name} holds no XML element")

    def _doctype(self, name, system_id, public_id, internal_subset) -> None:
        # Old OpenOffice wrote a DOCTYPE naming its manifest DTD; nothing reads
        # that DTD (no parser here loads an external one), so it is let through.
        if self.name == "META-INF/manifest.xml" and not internal_subset:
            return
        raise UnreadableWorkbook(f"part {self.name} declares a DTD, which Excel and "
                                 "LibreOffice never write")

    def _entity(self, *args) -> None:
        raise UnreadableWorkbook(f"part {self.name} declares XML entities, which Excel "
                                 "and LibreOffice never write")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.root = name.rpartition(":")[2]
        if self.root == "sst":
            # calamine reserves room for the declared number before reading one.
            declared = attributes.get("uniqueCount", "")
            if declared.isdigit() and int(declared[:12]) > limits.MAX_SHARED_STRINGS:
                raise UnreadableWorkbook(f"part {self.name} declares {int(declared[:12]):,} "
                                         "shared strings", "file-too-large")
        raise _RootReached


# --- .xlsx sheets ---------------------------------------------------------------

# A start tag's attributes, quoted either way ('>' may appear inside a value).
_ATTRS = rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*"""
_PREFIX = rb"(?:[^\s<>/:=!?\"']+:)?"
# A cell tag with a namespace prefix (x:c).
_PREFIXED_CELL_TAG = re.compile(rb":c[\s/>]")
# The cell tag as Excel, LibreOffice, XlsxWriter and openpyxl write it: its row,
# and (for the few beyond column Z) its column letters.
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")
# A plain cell followed by content (a child element), not by its end tag.
_FILLED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"' + _ATTRS + rb"><(?!/)")


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) from A1 that calamine's grid of this sheet XML would span.

    The quick pass takes the largest reference of every cell tag — exact for
    files from Excel, LibreOffice and the usual libraries, and an upper bound
    (it counts formatted empty cells too).  Only when that bound is over the
    limits, or some cell has no plain ``r="A1"``, does the careful pass walk
    the tags the way calamine does: cells without a reference take the next
    position, and only a cell with content counts.
    """
    plain = xml.count(b"<c ")
    if not plain and b"<c" not in xml and b":c" not in xml:
        return 0, 0
    if not _unusual_cell_tags(xml, plain):
        rows = _PLAIN_ROW.findall(xml)
        if len(rows) == plain:  # every cell tag reads <c r="A1"…
            wide = _WIDE_COLUMN.findall(xml)  # only the references beyond column Z
            extent = (max(map(int, set(rows)), default=0),
                      max(map(column_number, set(wide)), default=26 if rows else 0))
            if _within(*extent):
                return extent
            # Formatted empty cells may reach far: count only cells with content.
            cells = [(int(row), column_number(col)) for col, row, _ in _FILLED_CELL.findall(xml)]
            return (max((row for row, _ in cells), default=0),
                    max((col for _, col in cells), default=0))
    if len(xml) > limits.MAX_UNUSUAL_SHEET_BYTES:
        raise UnreadableWorkbook(f"a sheet of {megabytes(len(xml))} whose cells are not "
                                 "written the way Excel writes them", "sheet-too-large")
    return _xlsx_extent_carefully(xml)


def _within(rows: int, cols: int) -> bool:
    return rows <= limits.MAX_ROWS and cols <= limits.MAX_COLUMNS \
        and rows * cols <= limits.MAX_SHEET_CELLS


def _unusual_cell_tags(xml: bytes, plain: int) -> bool:
    """True when some cell tag is not written ``<c …``: with a prefix, no
    attributes, or a tab or line break after its name (byte searches: a
    regex over every ``<`` of a large sheet is slow).  *plain* is the count
    of ``<c `` in *xml*: when every ``<c`` is one of those (no ``<cols>``
    either, as in most sheets), one count rules out the five other forms."""
    if xml.count(b"<c") != plain and (b"<c>" in xml or b"<c/" in xml or b"<c\t" in xml
                                      or b"<c\n" in xml or b"<c\r" in xml):
        return True
    return _PREFIXED_CELL_TAG.search(xml) is not None


def _count_cell_tags(xml: bytes) -> int:
    return (xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/") + xml.count(b"<c\t")
            + xml.count(b"<c\n") + xml.count(b"<c\r") + len(_PREFIXED_CELL_TAG.findall(xml)))


# The careful pass: the start and end tags of rows and cells.
_CAREFUL = re.compile(rb"<(/?)" + _PREFIX + rb"(row|c)(?=[\s/>])" + _ATTRS + rb"(/?)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _xlsx_extent_carefully(xml: bytes) -> tuple[int, int]:
    """The extent of the cells with content, walking rows and cells the way
    calamine's reader does: a cell without a reference takes the next
    position, and only a cell with something inside counts.

    The sheet must be well-formed XML first (expat, no handlers: fast), so
    that what follows a cell's start tag is either its end tag or its content.
    """
    _well_formed(xml, "of a sheet")
    row = col = 0  # calamine's running position, 0-based
    rows = cols = 0  # 1-based extent of the cells with content
    find = xml.find
    for match in _CAREFUL.finditer(xml):
        closing, name, attributes, empty = match.groups()
        if name == b"c":
            if closing:
                continue
            ref = _attribute_r(attributes)
            if ref is None:
                cell_row, cell_col = row, col
            else:
                found = _REF.fullmatch(ref)
                if found is None:
                    raise UnreadableWorkbook(f"a cell reference {ref[:20]!r}")
                cell_row, cell_col = int(found.group(2)) - 1, column_number(found.group(1)) - 1
            col = cell_col + 1
            if not empty:
                following = find(b"<", match.end())
                if following >= 0 and xml[following + 1:following + 2] != b"/":
                    rows, cols = max(rows, cell_row + 1), max(cols, cell_col + 1)
        elif closing:
            row, col = row + 1, 0
        else:
            ref = _attribute_r(attributes)
            if ref is not None:
                if not ref.isdigit():
                    raise UnreadableWorkbook(f"a row numbered {ref[:20]!r}")
                row = int(ref[:8]) - 1
            if empty:
                row, col = row + 1, 0
    return rows, cols


def _attribute_r(attributes: bytes) -> bytes | None:
    found = _R_ATTR.search(attributes)
    if found is None:
        return None
    return found.group(1) if found.group(1) is not None else found.group(2)


def _no_dtd(*args) -> None:
    raise UnreadableWorkbook("a sheet that declares a DTD")


_AREA = re.compile(rb"""<""" + _PREFIX + rb"""(mergeCell|hyperlink)\b[^>]*?\sref\s*=\s*"""
                   rb"""["']\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?""")


def xlsx_object_cells(xml: bytes) -> int:
    """Cells openpyxl would make an object for when it loads this sheet XML:
    one per cell tag, plus one per cell of each merged range and hyperlink range."""
    count = _count_cell_tags(xml)
    for _, col1, row1, col2, row2 in _AREA.findall(xml):
        if col2:
            rows = abs(int(row2) - int(row1)) + 1
            cols = abs(column_number(col2) - column_number(col1)) + 1
            count += rows * cols
        else:
            count += 1
    return count


# --- .ods ------------------------------------------------------------------------

# A table's or a row's start tag (attributes may hold '>' inside quotes).
_ODS_OPEN = re.compile(rb"<table:(table|table-row)(?=[\s/>])" + _ATTRS + rb"(/?)>")
_ODS_ATTR = re.compile(rb"""(?:^|\s)([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COLUMNS_REPEATED = re.compile(
    rb"""number-columns-repeated\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")
# Where a cell shows it holds something: a value, a formula, or content.
_ODS_FILLED = (b"office:value", b"table:formula", b"</table:table-cell>",
               b"</table:covered-table-cell>")


def ods_extents(content: bytes) -> dict[str, tuple[int, int]]:
    """(rows, columns) from A1 that each table of content.xml spans with values,
    counting repeated rows and cells without expanding them.

    calamine expands every repeated cell that holds a value, and every row
    between two with values, when the file is opened.  A cell counts when it
    has a value, a formula or any content; empty repeated cells and rows after
    the last value (LibreOffice writes a million of them) do not.  Each row is
    measured with byte searches up to its last filled cell, so a large
    LibreOffice sheet costs one step per row, not per cell.  For that to be
    exact the document must be well-formed XML with tables that hold rows and
    rows that hold no rows or tables: anything else is refused.
    """
    _well_formed(content, "content.xml")
    events = [(m.start(), m.end(), m.group(1), m.group(2), m.group(3))
              for m in _ODS_OPEN.finditer(content)]
    events += [(m.start(), m.end(), b"/table", b"", b"")
               for m in re.finditer(rb"</table:table\s*>", content)]
    events += [(m.start(), m.end(), b"/table-row", b"", b"")
               for m in re.finditer(rb"</table:table-row\s*>", content)]
    events.sort()
    extents: dict[str, tuple[int, int]] = {}
    name, row = None, 0
    open_row: tuple[int, int] | None = None  # (where its cells start, its repeat)
    for start, end, kind, attributes, empty in events:
        if kind == b"table":
            if name is not None or empty:
                raise UnreadableWorkbook("a table inside a table in content.xml")
            values = _ods_attributes(attributes)
            name = html.unescape(values.get(b"table:name", b"").decode("utf-8", "replace"))
            row = 0
            extents.setdefault(name, (0, 0))
        elif kind == b"/table":
            if name is None or open_row is not None:
                raise UnreadableWorkbook("a table that ends out of place in content.xml")
            name = None
        elif kind == b"table-row":
            if name is None or open_row is not None:
                raise UnreadableWorkbook("a row outside a table, or inside a row, in "
                                         "content.xml")
            repeat = 1 if b"rows-repeated" not in attributes else _count(
                _ods_attributes(attributes).get(b"table:number-rows-repeated", b"1"))
            if empty:
                row += repeat
            else:
                open_row = (end, repeat)
        else:  # </table:table-row>
            if open_row is None:
                raise UnreadableWorkbook("a row that ends out of place in content.xml")
            width = _filled_width(content, open_row[0], start)
            if width:
                rows, cols = extents[name]
                extents[name] = (max(rows, row + open_row[1]), max(cols, width))
            row += open_row[1]
            open_row = None
    return extents


def _well_formed(data: bytes, part: str) -> None:
    """Parse *data* with expat and no handlers (fast); refuse it if it is not XML."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _no_dtd
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, LookupError, ValueError) as exc:
        raise UnreadableWorkbook(f"part {part} is not well-formed XML: {exc}") from exc


def _filled_width(content: bytes, start: int, end: int) -> int:
    """The column just after the last filled cell of the row whose cells are
    ``content[start:end]`` (0: none is filled).  Searched in place: a row is not
    copied, and its repeat counts are looked for only when it has some."""
    last = max(content.rfind(marker, start, end) for marker in _ODS_FILLED)
    if last < 0:
        return 0
    tags = sum(content.count(tag, start, last) for tag in _CELL_STARTS)
    if content.find(b"columns-repeated", start, last) < 0:
        return tags
    repeats = [_count(found.group(1) if found.group(1) is not None else found.group(2))
               for found in _COLUMNS_REPEATED.finditer(content, start, last)]
    return tags - len(repeats) + sum(repeats)


def _count(value: bytes) -> int:
    value = value.strip()
    if not value.isdigit():
        raise UnreadableWorkbook(f"a repeat count {value[:20]!r}")
    return int(value[:12])


def _ods_attributes(attributes: bytes) -> dict[bytes, bytes]:
    return {found.group(1): found.group(2) if found.group(2) is not None else found.group(3)
            for found in _ODS_ATTR.finditer(attributes)}


# --- .xls: the compound file and its BIFF records -------------------------------

_FREE, _END, _FAT_SECTOR, _DIFAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_RESERVED = 0xFFFFFFFA


class _Damaged(Exception):
    pass


@dataclass
class CompoundFile:
    """The streams of an OLE2 compound file, with every chain checked."""

    data: bytes
    sector: int
    fat: list[int]
    streams: dict[str, tuple[int, int]]  # name → (first sector, size)
    mini_fat: list[int]
    mini_stream: bytes

    def read(self, name: str) -> bytes | None:
        if name not in self.streams:
            return None
        start, size = self.streams[name]
        try:
            if size < 4096:
                return _join(self.mini_stream, 64, start, self.mini_fat, size, 0)
            return _join(self.data, self.sector, start, self.fat, size, self.sector)
        except _Damaged as exc:  # checked when parsed, so not expected
            raise UnreadableWorkbook(f"damaged .xls container: {exc}") from exc


def _chain(start: int, table: list[int], seen: set[int], limit: int) -> list[int]:
    """The sectors of a chain; a loop, a shared or out-of-range sector is damage."""
    chain = []
    sector = start
    while sector != _END:
        if sector >= limit or sector >= len(table) or sector in seen:
            raise _Damaged(f"sector chain broken at {sector:#x}")
        seen.add(sector)
        chain.append(sector)
        sector = table[sector]
    return chain


def _join(data: bytes, size: int, start: int, table: list[int], length: int,
          offset: int) -> bytes:
    parts = []
    for sector in _chain(start, table, set(), len(data) // size + 1):
        parts.append(data[offset + sector * size: offset + (sector + 1) * size])
    return b"".join(parts)[:length]


def compound_file(data: bytes) -> CompoundFile:
    """Parse an OLE2 compound file the way calamine will, refusing what would
    make it loop, allocate without bound or index out of range."""
    try:
        return _compound_file(data)
    except (_Damaged, struct.error, IndexError, ValueError) as exc:
        raise UnreadableWorkbook(f"damaged .xls container: {exc}") from exc


def _compound_file(data: bytes) -> CompoundFile:
    if len(data) < 512:
        raise _Damaged("shorter than its header")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged(f"sector shift {shift}")
    sector = 1 << shift
    count = (len(data) - sector) // sector + 1  # sectors in the file
    fat_count, dir_start = struct.unpack_from("<II", data, 0x2C)
    mini_fat_start, mini_fat_count, difat_start, difat_count = struct.unpack_from(
        "<IIII", data, 0x3C)
    # calamine reserves memory from these header fields before reading a sector
    # (its DIFAT reserve reads the u32 at offset 62, straddling two fields).
    reserve = struct.unpack_from("<I", data, 62)[0]
    if fat_count > count or mini_fat_count > count or difat_count > count \
            or reserve > 16 * limits.MB:
        raise _Damaged("header counts larger than the file")
    difat = list(struct.unpack_from("<109I", data, 0x4C))
    seen_difat: set[int] = set()
    next_difat = difat_start
    while next_difat < _RESERVED:
        if next_difat in seen_difat or next_difat >= count:
            raise _Damaged("DIFAT chain loops or leaves the file")
        seen_difat.add(next_difat)
        entries = _sector_u32(data, sector, next_difat)
        difat += entries[:-1]
        next_difat = entries[-1] if entries else _END
    fat: list[int] = []
    for fat_sector in difat:
        if fat_sector < _DIFAT_SECTOR:
            if fat_sector >= count:
                raise _Damaged("FAT sector beyond the end of the file")
            fat += _sector_u32(data, sector, fat_sector)
    seen: set[int] = set()
    directory = b"".join(data[(s + 1) * sector:(s + 2) * sector]
                         for s in _chain(dir_start, fat, seen, count))
    entries = []
    for offset in range(0, len(directory) - 127, 128):
        entry = directory[offset:offset + 128]
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        name = entry[:length].decode("utf-16-le", "replace").rstrip("\0")
        kind = entry[66]
        start = struct.unpack_from("<I", entry, 116)[0]
        size = struct.unpack_from("<Q" if shift == 12 else "<I", entry, 120)[0]
        entries.append((name, kind, start, size))
    if not entries:
        raise _Damaged("no directory")
    root_start, root_size = entries[0][2], entries[0][3]
    mini_fat: list[int] = []
    mini_stream = b""
    if mini_fat_count:
        if root_size > len(data):
            raise _Damaged("mini stream larger than the file")
        mini_stream = _join(data, sector, root_start, fat, root_size, sector) \
            if root_start != _END else b""
        mini_fat_bytes = _join(data, sector, mini_fat_start, fat,
                               mini_fat_count * sector, sector)
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I",
                                      mini_fat_bytes[:len(mini_fat_bytes) // 4 * 4]))
    streams: dict[str, tuple[int, int]] = {}
    mini_seen: set[int] = set()
    for name, kind, start, size in entries[1:]:
        if kind != 2:  # only streams have data
            continue
        if size > len(data):
            raise _Damaged(f"stream {name} claims {size:,} bytes")
        if size < 4096:
            if size and start != _END:
                _chain(start, mini_fat, mini_seen, len(mini_stream) // 64 + 1)
        elif size:
            _chain(start, fat, seen, count)
        streams.setdefault(name, (start, size))
    return CompoundFile(data, sector, fat, streams, mini_fat, mini_stream)


def _sector_u32(data: bytes, sector: int, index: int) -> list[int]:
    block = data[(index + 1) * sector:(index + 2) * sector]
    return list(struct.unpack(f"<{len(block) // 4}I", block[:len(block) // 4 * 4]))


# BIFF record types (MS-XLS 2.3).
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x002F, 0x0085, 0x0200
# Records of one cell with a value (BIFF8, and the BIFF2–4 forms); blanks are not read.
_ONE_CELL = frozenset((0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6,
                       0x0002, 0x0003, 0x0004, 0x0005, 0x0206, 0x0406))
_MULRK = 0x00BD


@dataclass
class XlsSheet:
    name: str
    rows: int = 0  # extent from A1 of the cells holding values
    cols: int = 0
    claimed: int = 0  # cells the DIMENSIONS record claims (calamine reserves them)


def xls_sheets(stream: bytes) -> list[XlsSheet]:
    """The sheets of a BIFF workbook stream with the extent of their values.

    Raises file-encrypted for a FILEPASS record (calamine cannot read an
    encrypted .xls and says only that the format is unknown).
    """
    try:
        return _xls_sheets(stream)
    except (struct.error, IndexError, ValueError) as exc:
        raise UnreadableWorkbook(f"damaged .xls records: {exc}") from exc


def _xls_sheets(stream: bytes) -> list[XlsSheet]:
    # The common record is a cell: kept cheap (one unpack, locals), since a
    # 50,000-row .xls holds half a million records.
    names: dict[int, str] = {}
    sheets: list[XlsSheet] = []
    current: XlsSheet | None = None
    rows = cols = 0  # the current sheet's extent, stored into it when it ends
    depth = 0
    globals_seen = False
    position, end = 0, len(stream)
    record = struct.Struct("<HHHH").unpack_from
    one_cell = _ONE_CELL
    padded = stream + b"\0" * 8  # a short last record can still be unpacked whole
    while position + 4 <= end:
        kind, size, first, second = record(padded, position)
        body = position + 4
        if body + size > end:  # a record cut off by the end of the stream
            break
        position = body + size
        if kind in one_cell:
            if current is not None and size >= 4:
                if first >= rows:
                    rows = first + 1
                if second >= cols:
                    cols = second + 1
        elif kind == _MULRK:
            if current is not None and size >= 6:
                last = struct.unpack_from("<H", stream, position - 2)[0]
                rows, cols = max(rows, first + 1), max(cols, last + 1)
        elif kind == _FILEPASS:
            raise UnreadableWorkbook("password protected", "file-encrypted")
        elif kind == _BOF:
            depth += 1
            if depth == 1 and globals_seen:  # a sheet (a chart within one nests deeper)
                current = XlsSheet(names.get(body - 4, f"sheet {len(sheets) + 1}"))
                sheets.append(current)
                rows = cols = 0
            globals_seen = True
        elif kind == _EOF:
            depth = max(0, depth - 1)
            if depth == 0 and current is not None:
                current.rows, current.cols = rows, cols
                current = None
        elif kind == _BOUNDSHEET and size >= 8:
            offset = struct.unpack_from("<I", stream, body)[0]
            length = stream[body + 6]
            if stream[body + 7] & 1:
                name = stream[body + 8: body + 8 + 2 * length].decode("utf-16-le", "replace")
            else:
                name = stream[body + 8: body + 8 + length].decode("latin-1")
            names[offset] = name
        elif kind == _DIMENSIONS and current is not None and size in (10, 14):
            current.claimed = max(current.claimed, _claimed_cells(stream[body:body + size]))
    if current is not None:  # a stream that ends inside a sheet
        current.rows, current.cols = rows, cols
    return sheets


def _claimed_cells(record: bytes) -> int:
    """The cells calamine reserves for a DIMENSIONS record (u32 arithmetic, as it does)."""
    if len(record) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", record)
    else:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", record)
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row < 1 or last_col < 1:
        return 1
    rows = (last_row - 1 - first_row + 1) % 2 ** 32
    cols = (last_col - 1 - first_col + 1) % 2 ** 32
    return rows * cols
