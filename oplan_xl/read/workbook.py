"""Opening workbooks for reading values: one place that talks to python-calamine.

python-calamine reads .xlsx, .xlsm, .xls and .ods without running macros and
about twice as fast as pandas.read_excel over the same engine (which reopens
the file per sheet and goes through pandas' text parser).

Files from departments are not trusted.  Before calamine sees a file we look
at its first bytes and, for zip-based formats, its table of contents and the
integrity of every part, so that a password-protected workbook, a PDF renamed
to .xlsx, a damaged download, a zip bomb or an XML entity trick becomes a
clear reason instead of a crash; and before calamine allocates a sheet we
work out how far its values reach (``preflight``), because calamine allocates
every cell of the grid at once: one value at XFD1048576 asks for half a
terabyte and aborts the whole process.  The limits are in ``limits``.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from oplan_xl.core import limits
from oplan_xl.read.guards.ods import ods_extents
from oplan_xl.read.guards.refusal import UnreadableWorkbook, check_extent
from oplan_xl.read.guards.xls import CompoundFile, compound_file, xls_sheets
from oplan_xl.read.guards.xlsx import xlsx_extent, xlsx_object_cells
from oplan_xl.read.guards.zip import ZIP_ERRORS, ZipReport, check_zip, open_zip

__all__ = ["ODS", "XLS", "XLSX", "SheetValues", "UnreadableWorkbook", "Workbook",
           "calamine_failure", "grid_cells", "may_hold_formulas", "open_workbook",
           "openpyxl_can_open", "read_grid", "read_sheet", "sniff"]

Grid = list[list[object]]

XLSX, XLS, ODS = "xlsx", "xls", "ods"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
#: Parts larger than this are unpacked again when needed rather than kept.
_KEEP_PART_BYTES = 1024 * 1024


def calamine_failure(exc: BaseException) -> bool:
    """True for what calamine raises on a bad file, including a Rust panic.

    A panic reaches Python as ``pyo3_runtime.PanicException``, which derives
    from BaseException so that ``except Exception`` lets it through; only
    Ctrl+C and exit requests are not failures of the file.
    """
    return not isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


@dataclass
class Workbook:
    """An opened workbook: its bytes, its real format and the calamine reader."""

    data: bytes
    kind: str  # XLSX (also .xlsm), XLS or ODS — from the content, not the file name
    book: python_calamine.CalamineWorkbook
    sheet_names: list[str]
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)

    _parts: dict[str, bytes] = field(default_factory=dict, repr=False)
    #: What sheet_extras worked out, cached per sheet (formulas, ODS styles…).
    cache: dict[str, object] = field(default_factory=dict, repr=False)
    #: The integrity pass over a zip-based workbook (root element of each part).
    parts_checked: ZipReport | None = field(default=None, repr=False)

    def part(self, name: str) -> bytes | None:
        """An unpacked part of an .xlsx/.xlsm/.ods (None if absent or for .xls).

        Small parts are cached; a large one (a sheet of thousands of rows) is
        unpacked again on the next call rather than held in memory.
        """
        if self.kind not in (XLSX, ODS):
            return None
        if name in self._parts:
            return self._parts[name]
        data = self._from_zip(zipfile.ZipFile.read, name)
        if data is not None and len(data) <= _KEEP_PART_BYTES:
            self._parts[name] = data
        return data

    def has_part(self, name: str) -> bool:
        """True when ``part(name)`` finds a part: without unpacking it."""
        if self.kind not in (XLSX, ODS):
            return False
        return name in self._parts or self._from_zip(zipfile.ZipFile.getinfo, name) is not None

    def _from_zip(self, action, name: str):
        """``action(zip, name)``, or None when there is no such part."""
        try:
            if self._zip is None:
                self._zip = zipfile.ZipFile(io.BytesIO(self.data))
            return action(self._zip, name)
        except KeyError:
            return None
        except ZIP_ERRORS as exc:  # checked when opened, so not expected
            raise UnreadableWorkbook(f"part {name} is damaged: {exc}") from exc


def open_workbook(path: Path, data: bytes | None = None) -> Workbook:
    """Open *path* (or its already-read *data*) for reading values.

    The format is taken from the content, so an .xls saved with an .xlsx name
    still opens.  Raises UnreadableWorkbook with a finding code otherwise —
    for .xls and .ods also when one sheet is too large, since calamine reads
    every sheet of those when it opens the file.
    """
    if data is None:
        try:
            if path.stat().st_size > limits.MAX_FILE_BYTES:
                raise UnreadableWorkbook(_too_big(path.stat().st_size), "file-too-large")
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableWorkbook(f"{type(exc).__name__}: {exc.strerror}") from exc
    kind, container = _sniff(data)
    checked = None
    extents: dict[str, tuple[int, int]] = {}
    if isinstance(container, zipfile.ZipFile):  # .xlsx, .xlsm or .ods: contents read once
        checked = check_zip(container)
        if kind == ODS:
            extents = _check_ods_sheets(container)
    else:  # .xls: its compound file, parsed once
        extents = _check_xls(container)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    except BaseException as exc:  # calamine raises several unrelated types, and panics
        if not calamine_failure(exc):
            raise
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise UnreadableWorkbook("password protected", "file-encrypted") from exc
        raise UnreadableWorkbook(f"{type(exc).__name__}: {text[:200]}") from exc
    workbook = Workbook(data, kind, book, names, parts_checked=checked,
                        _zip=container if isinstance(container, zipfile.ZipFile) else None)
    workbook.cache["extents"] = extents
    return workbook


def _too_big(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


#: Stream names that tell what a damaged OLE2 container was meant to be.
_OLE2_HINTS = ("EncryptedPackage", "WordDocument", "PowerPoint Document")


def sniff(data: bytes) -> str:
    """Return the real format of a workbook's bytes, or raise UnreadableWorkbook.

    Recognises what people actually send instead of a workbook: a password-
    protected .xlsx (an OLE2 container holding an ``EncryptedPackage``), an
    encrypted .ods, a Word file, a PDF, a web page saved as ".xls", an empty
    file; and refuses zip bombs before anything is unpacked.
    """
    return _sniff(data)[0]


def _sniff(data: bytes) -> tuple[str, zipfile.ZipFile | CompoundFile]:
    """``sniff``, and the container it read: for a zip-based workbook its checked
    table of contents, for an .xls its checked compound file."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise UnreadableWorkbook(_too_big(len(data)), "file-too-large")
    if not data.strip():
        raise UnreadableWorkbook("empty file", "file-not-workbook")
    if data.startswith(_OLE2):
        # An OLE2 container is told apart by the names of its streams (read from
        # its directory, so a cell that merely mentions them misleads nothing):
        # Office writes a protected .xlsx as EncryptionInfo + EncryptedPackage.
        # A damaged one is file-unreadable, unless its bytes name such a stream:
        # "protected" or "a Word file" is then the likelier and more useful message.
        try:
            compound = compound_file(data)
        except UnreadableWorkbook:
            hints = {name.lower() for name in _OLE2_HINTS if name.encode("utf-16-le") in data}
            if hints:  # none is a workbook stream, so this raises
                _refuse_other_ole2(hints)
            raise
        _refuse_other_ole2({name.lower() for name in compound.streams})
        return XLS, compound
    if data.startswith(_ZIP):
        archive = open_zip(data)
        return _sniff_zip(archive), archive
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        raise UnreadableWorkbook("a PDF file", "file-not-workbook")
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta")):
        raise UnreadableWorkbook("a web page or XML file saved with a workbook name",
                                 "file-not-workbook")
    if b"\x00" not in data[:4096]:
        raise UnreadableWorkbook("a text file (CSV?) saved with a workbook name",
                                 "file-not-workbook")
    raise UnreadableWorkbook("not a workbook (unknown format)", "file-not-workbook")


def _refuse_other_ole2(streams: set[str]) -> None:
    """Raise unless the OLE2 streams named (lower case) are an .xls's."""
    if "encryptedpackage" in streams:
        raise UnreadableWorkbook("password protected", "file-encrypted")
    if not streams & {"workbook", "book"} or streams & {"worddocument",
                                                        "powerpoint document"}:
        raise UnreadableWorkbook("an Office file that is not a workbook "
                                 "(Word or PowerPoint?)", "file-not-workbook")


def _sniff_zip(archive: zipfile.ZipFile) -> str:
    names = {member.filename for member in archive.infolist()}
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return XLSX
    if "content.xml" in names:
        manifest = _small_part(archive, "META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise UnreadableWorkbook("password protected", "file-encrypted")
        mimetype = _small_part(archive, "mimetype")
        if mimetype and b"spreadsheet" not in mimetype:
            raise UnreadableWorkbook(f"a {mimetype[:80].decode('ascii', 'replace')} document, "
                                     "not a spreadsheet", "file-not-workbook")
        return ODS
    if "word/document.xml" in names:
        raise UnreadableWorkbook("a Word document", "file-not-workbook")
    if "ppt/presentation.xml" in names:
        raise UnreadableWorkbook("a PowerPoint file", "file-not-workbook")
    raise UnreadableWorkbook("a zip file that is not a workbook", "file-not-workbook")


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part read for sniffing (the manifest, the mimetype); b"" if absent."""
    try:
        return archive.read(name)
    except KeyError:
        return b""
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(f"part {name} is damaged: {exc}") from exc


def _check_ods_sheets(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """calamine reads every table of an .ods when it opens the file: check them
    all first.  Returns each table's extent."""
    try:
        content = archive.read("content.xml")
    except KeyError:
        return {}
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(f"part content.xml is damaged: {exc}") from exc
    extents = ods_extents(content)
    for sheet, (rows, cols) in extents.items():
        check_extent(rows, cols, sheet)
    return extents


def _check_xls(container: CompoundFile) -> dict[str, tuple[int, int]]:
    """calamine reads every sheet of an .xls when it opens the file: check each
    sheet's records first (the compound file's chains were checked when it was
    parsed).  Returns each sheet's extent."""
    stream = container.workbook
    if stream is None:
        raise UnreadableWorkbook("an Office file without a workbook stream",
                                 "file-not-workbook")
    extents = {}
    for sheet in xls_sheets(stream):
        if sheet.claimed > limits.MAX_SHEET_CELLS:
            raise UnreadableWorkbook(f"its size record claims {sheet.claimed:,} cells",
                                     "sheet-too-large", sheet.name)
        check_extent(sheet.rows, sheet.cols, sheet.name)
        extents[sheet.name] = (sheet.rows, sheet.cols)
    return extents


@dataclass
class SheetValues:
    """A sheet's values and merged ranges, read once."""

    name: str
    grid: Grid
    #: Merged ranges as (first row, first col, last row, last col), 0-based.
    merges: list[tuple[int, int, int, int]]


def read_grid(workbook: Workbook, sheet: str) -> Grid:
    """Return a sheet's values with row 0 = Excel row 1 and column 0 = column A."""
    return read_sheet(workbook, sheet, merges=False).grid


def read_sheet(workbook: Workbook, sheet: str, merges: bool = True) -> SheetValues:
    """Read a sheet's values (row 0 = Excel row 1, column 0 = A) and merged ranges.

    Raises UnreadableWorkbook (code sheet-too-large) for a sheet whose values
    reach too far, before calamine tries to allocate it.  Merges come from
    calamine for .xlsx and .xls, from content.xml for .ods.
    """
    try:
        _guard_sheet_size(workbook, sheet)
        values = workbook.book.get_sheet_by_name(sheet)
        rows = values.start[0] + values.height if values.start else 0
        cols = values.start[1] + values.width if values.start else 0
        if rows * cols > limits.MAX_SHEET_CELLS:  # the guards should have said so already
            raise UnreadableWorkbook(f"values span {rows:,} rows × {cols:,} columns",
                                     "sheet-too-large", sheet)
        grid = values.to_python(skip_empty_area=False)
        ranges: list[tuple[int, int, int, int]] = []
        if merges and workbook.kind == ODS:
            from oplan_xl.read.extras import ods_sheet

            extras = ods_sheet(workbook, sheet)
            ranges = extras.merges if extras else []
        elif merges:
            ranges = [(r1, c1, r2, c2)
                      for (r1, c1), (r2, c2) in (values.merged_cell_ranges or [])]
        return SheetValues(sheet, grid, ranges)
    except UnreadableWorkbook as exc:
        exc.sheet = exc.sheet or sheet
        raise
    except BaseException as exc:  # calamine raises several unrelated types, and panics
        if not calamine_failure(exc):
            raise
        raise UnreadableWorkbook(f"{type(exc).__name__}: {str(exc)[:200]}", sheet=sheet) \
            from exc


def _guard_sheet_size(workbook: Workbook, sheet: str) -> None:
    """Refuse an .xlsx sheet whose values reach beyond the limits, before calamine
    allocates its grid (.xls and .ods were checked when the file was opened)."""
    if workbook.kind != XLSX:
        return
    parts, sure = sheet_parts(workbook)
    part = parts.get(sheet)
    # When the workbook's list of sheets is not plain, calamine might read
    # another part for this name than we would: every sheet part must pass.
    for name in [part] if sure and part else _sheet_like_parts(workbook):
        rows, cols = _extent(workbook, name)
        check_extent(rows, cols, sheet)


#: Extents measured in this process, by (SHA-256 of the file, part): reading a
#: file and then writing its returned copy open it twice, and measuring a sheet
#: of 50,000 rows takes a noticeable fraction of a second.  The same bytes give
#: the same extent, so nothing is trusted that was not measured.
_EXTENTS: dict[tuple[str, str], tuple[int, int]] = {}
_MAX_EXTENTS = 4096


def _extent(workbook: Workbook, part: str) -> tuple[int, int]:
    key = f"extent:{part}"
    if key not in workbook.cache:
        digest = workbook.cache.get("sha256")
        if digest is None:
            digest = workbook.cache["sha256"] = hashlib.sha256(workbook.data).hexdigest()
        extent = _EXTENTS.get((digest, part))
        if extent is None:
            xml = workbook.part(part) or b""
            extent = xlsx_extent(xml)
            # Said while the part is unpacked: a large sheet is not kept, and the
            # reader would otherwise unpack it again only to find no formula.
            workbook.cache[f"formula-free:{part}"] = not may_hold_formulas(xml)
            if len(_EXTENTS) >= _MAX_EXTENTS:
                _EXTENTS.clear()
            _EXTENTS[(digest, part)] = extent
        workbook.cache[key] = extent
    return workbook.cache[key]


def may_hold_formulas(xml: bytes) -> bool:
    """False when a sheet's XML has no formula element (``<f>``, ``<x:f>``) for sure."""
    # A single byte is counted at memchr speed, three times as fast as a search
    # for two; Thai text in UTF-8 has no "f" byte, so a sheet usually has few.
    if xml.count(b"f") <= 1000:
        at = xml.find(b"f")
        while at >= 0:
            if at and xml[at - 1] in b"<:":
                return True
            at = xml.find(b"f", at + 1)
        return False
    return b"<f" in xml or b":f" in xml


_SHEET_ROOTS = ("worksheet", "chartsheet", "dialogsheet", "macrosheet")


def _sheet_like_parts(workbook: Workbook) -> list[str]:
    roots = workbook.parts_checked.roots if workbook.parts_checked else {}
    return sorted(name for name, root in roots.items() if root in _SHEET_ROOTS)


_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_parts(workbook: Workbook) -> tuple[dict[str, str], bool]:
    """Sheet name → its part in an .xlsx, and whether the mapping is plain:
    every sheet named once, every relationship id once, each target a part."""
    cached = workbook.cache.get("sheet-parts-checked")
    if cached is None:
        cached = _sheet_parts(workbook)
        workbook.cache["sheet-parts-checked"] = cached
    return cached


def _sheet_parts(workbook: Workbook) -> tuple[dict[str, str], bool]:
    book, rels = workbook.part("xl/workbook.xml"), workbook.part("xl/_rels/workbook.xml.rels")
    if not book or not rels:
        return {}, False
    try:
        targets: dict[str, str] = {}
        sure = True
        for rel in ET.fromstring(rels):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            sure = sure and rel.get("Id") not in targets
            targets[rel.get("Id")] = target
        parts: dict[str, str] = {}
        for element in ET.fromstring(book).iter():
            if element.tag.endswith("}sheet"):
                name = element.get("name")
                target = targets.get(element.get(f"{{{_REL_NS}}}id"), "")
                sure = sure and name not in parts and workbook.has_part(target)
                parts[name] = target
        return parts, sure and bool(parts)
    except ET.ParseError:
        return {}, False


def grid_cells(workbook: Workbook) -> int:
    """Cells of all the sheets' grids (from A1 to the last value), as the
    pre-flight checks measured them: what a copy rebuilt from values costs."""
    if workbook.kind == XLSX:
        try:
            return sum(rows * cols for rows, cols in
                       (_extent(workbook, part) for part in _sheet_like_parts(workbook)))
        except UnreadableWorkbook:  # a sheet too odd to measure: as good as too large
            return limits.MAX_SHEET_CELLS + 1
    return sum(rows * cols for rows, cols in workbook.cache.get("extents", {}).values())


def openpyxl_can_open(workbook: Workbook) -> bool:
    """True when openpyxl may load this .xlsx whole without taking too long or
    too much memory (see limits.MAX_OPENPYXL_BYTES and limits.MAX_OPENPYXL_CELLS)."""
    if workbook.kind != XLSX or workbook.parts_checked is None:
        return False
    if workbook.parts_checked.unpacked > limits.MAX_OPENPYXL_BYTES:
        return False
    cells = 0
    for part in _sheet_like_parts(workbook):
        cells += xlsx_object_cells(workbook.part(part) or b"")
        if cells > limits.MAX_OPENPYXL_CELLS:
            return False
    return True
