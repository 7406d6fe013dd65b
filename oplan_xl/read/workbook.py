"""Opening workbooks for reading values: one place that talks to python-calamine.

python-calamine reads .xlsx, .xlsm, .xls and .ods without running macros.

Files from departments are not trusted.  Before calamine sees a file we look
at its first bytes and, for zip-based formats, its table of contents and the
integrity of every part, so that a password-protected workbook, a PDF renamed
to .xlsx, a damaged download, a zip bomb or an XML entity trick becomes a
clear reason instead of a crash; and before calamine allocates a sheet we
work out how far its values reach (``guards``), because calamine allocates
every cell of the grid at once: one value at XFD1048576 asks for half a
terabyte and aborts the whole process.  The limits are in ``core.limits``.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import python_calamine

from oplan_xl.core import limits
from oplan_xl.core.reasons import failure, reason, said
from oplan_xl.read.formulas import xlsx_formulas, xlsx_hidden_columns
from oplan_xl.read.guards.ods import ods_extents
from oplan_xl.read.guards.refusal import UnreadableWorkbook, check_extent, too_big
from oplan_xl.read.guards.xls import CompoundFile, compound_file, xls_sheets
from oplan_xl.read.guards.xlsx import CHUNK_BYTES, sheet_extent, xlsx_extent, xlsx_object_cells
from oplan_xl.read.guards.zip import ZipReport, check_zip, open_zip, part_chunks, read_part
from oplan_xl.read.ods_content import OdsSheet, parse_ods
from oplan_xl.read.visibility import (
    Visibility,
    ods_visibility,
    open_xls,
    xls_visibility,
    xlsx_visibility,
)

__all__ = ["ODS", "XLS", "XLSX", "SheetValues", "UnreadableWorkbook", "Workbook",
           "calamine_failure", "grid_cells", "open_workbook",
           "openpyxl_can_open", "read_grid", "read_sheet", "sniff"]

Grid = list[list[object]]

XLSX, XLS, ODS = "xlsx", "xls", "ods"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


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
    archive: zipfile.ZipFile | None = field(default=None, repr=False)
    #: The integrity pass over a zip-based workbook (root element of each part).
    parts_checked: ZipReport | None = field(default=None, repr=False)
    #: For .xls and .ods, each sheet's extent, measured when the file was opened.
    extents: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    #: Small sheet parts unpacked whole to be measured, kept for the one read that follows.
    _measured: dict[str, bytes] = field(default_factory=dict, repr=False)

    def part(self, name: str) -> bytes | None:
        """An unpacked part of an .xlsx/.xlsm/.ods (None if absent or for .xls)."""
        if self.kind not in (XLSX, ODS):
            return None
        if name in self._measured:
            return self._measured.pop(name)
        return read_part(self._archive(), name)

    def has_part(self, name: str) -> bool:
        """True when ``part(name)`` finds a part: without unpacking it."""
        if self.kind not in (XLSX, ODS):
            return False
        try:
            self._archive().getinfo(name)
        except KeyError:
            return False
        return True

    def sheet_extent(self, name: str) -> tuple[int, int]:
        """(rows, columns) of the grid calamine would allocate for the .xlsx sheet
        part *name*.  A part larger than CHUNK_BYTES is measured a chunk at a
        time, never held whole: a sheet too large to read is refused before it
        costs more than a few MB."""
        archive = self._archive()
        try:
            size = archive.getinfo(name).file_size  # checked against the data when opened
        except KeyError:
            return 0, 0
        if size <= CHUNK_BYTES:  # every real plan: unpacked once, for this and its formulas
            xml = self._measured[name] = read_part(archive, name) or b""
            return xlsx_extent(xml)
        return sheet_extent(lambda: part_chunks(archive, name, CHUNK_BYTES), size,
                            lambda: read_part(archive, name) or b"")

    def _archive(self) -> zipfile.ZipFile:
        if self.archive is None:
            self.archive = zipfile.ZipFile(io.BytesIO(self.data))
        return self.archive

    @cached_property
    def sheet_parts(self) -> tuple[dict[str, str], bool]:
        """Sheet name → its part in an .xlsx, and whether the mapping is plain:
        every sheet named once, every relationship id once, each target a part."""
        return _sheet_parts(self)

    @cached_property
    def xls_formats(self):
        """An .xls opened by xlrd for what calamine does not give: hidden rows and
        columns, filters, struck fonts (``visibility.open_xls``)."""
        return open_xls(self.data) if self.kind == XLS else None

    @cached_property
    def fits_openpyxl(self) -> bool:
        """``openpyxl_can_open``: every sheet part's cells counted, once."""
        return _fits_openpyxl(self)

    @cached_property
    def ods_sheets(self) -> dict[str, OdsSheet]:
        """Merges, formulas and fills of each sheet of an .ods, from content.xml."""
        return parse_ods(self.part("content.xml") or b"", self.part("styles.xml") or b"")


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
                raise too_big(path.stat().st_size)
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableWorkbook(said(f"{type(exc).__name__}: {exc.strerror}")) from exc
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
            raise UnreadableWorkbook(reason("password"), "file-encrypted") from exc
        raise UnreadableWorkbook(failure(exc)) from exc
    return Workbook(data, kind, book, names, parts_checked=checked, extents=extents,
                    archive=container if isinstance(container, zipfile.ZipFile) else None)


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
        raise too_big(len(data))
    if not data.strip():
        raise UnreadableWorkbook(reason("empty-file"), "file-not-workbook")
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
        raise UnreadableWorkbook(reason("pdf"), "file-not-workbook")
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta")):
        raise UnreadableWorkbook(reason("web-page"), "file-not-workbook")
    if b"\x00" not in data[:4096]:
        raise UnreadableWorkbook(reason("text-file"), "file-not-workbook")
    raise UnreadableWorkbook(reason("unknown-format"), "file-not-workbook")


def _refuse_other_ole2(streams: set[str]) -> None:
    """Raise unless the OLE2 streams named (lower case) are an .xls's."""
    if "encryptedpackage" in streams:
        raise UnreadableWorkbook(reason("password"), "file-encrypted")
    if not streams & {"workbook", "book"} or streams & {"worddocument",
                                                        "powerpoint document"}:
        raise UnreadableWorkbook(reason("office-not-workbook"), "file-not-workbook")


def _sniff_zip(archive: zipfile.ZipFile) -> str:
    names = {member.filename for member in archive.infolist()}
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return XLSX
    if "content.xml" in names:
        manifest = _small_part(archive, "META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise UnreadableWorkbook(reason("password"), "file-encrypted")
        mimetype = _small_part(archive, "mimetype")
        if mimetype and b"spreadsheet" not in mimetype:
            raise UnreadableWorkbook(reason("other-document", kind=mimetype[:80].decode(
                "ascii", "replace")), "file-not-workbook")
        return ODS
    if "word/document.xml" in names:
        raise UnreadableWorkbook(reason("word"), "file-not-workbook")
    if "ppt/presentation.xml" in names:
        raise UnreadableWorkbook(reason("powerpoint"), "file-not-workbook")
    raise UnreadableWorkbook(reason("zip-not-workbook"), "file-not-workbook")


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part read for sniffing (the manifest, the mimetype); b"" if absent."""
    return read_part(archive, name) or b""


def _check_ods_sheets(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """calamine reads every table of an .ods when it opens the file: check them
    all first.  Returns each table's extent."""
    content = read_part(archive, "content.xml")
    if content is None:
        return {}
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
        raise UnreadableWorkbook(reason("no-workbook-stream"), "file-not-workbook")
    extents = {}
    for sheet in xls_sheets(stream):
        if sheet.claimed > limits.MAX_SHEET_CELLS:
            raise UnreadableWorkbook(reason("size-record", cells=sheet.claimed),
                                     "sheet-too-large", sheet.name)
        check_extent(sheet.rows, sheet.cols, sheet.name)
        extents[sheet.name] = (sheet.rows, sheet.cols)
    return extents


@dataclass
class SheetValues:
    """A sheet's values, merged ranges, formulas and what is hidden or struck, read once."""

    name: str
    grid: Grid
    #: Merged ranges as (first row, first col, last row, last col), 0-based.
    merges: list[tuple[int, int, int, int]]
    #: Formula text (with a leading ``=``) by 0-based (row, column): .xlsx and .ods.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    #: What a person sees of the sheet, which values do not tell (``visibility``):
    #: 0-based columns and rows it hides, the hidden rows a filter hides, and
    #: row → the columns whose text is struck through, as bits (c is 1 << c).
    hidden_columns: set[int] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)
    filtered_rows: set[int] = field(default_factory=set)
    struck: dict[int, int] = field(default_factory=dict)

    def see(self, seen: Visibility) -> SheetValues:
        """These values with what *seen* says a person sees of them."""
        self.hidden_columns, self.hidden_rows = seen.hidden_columns, seen.hidden_rows
        self.filtered_rows, self.struck = seen.filtered_rows, seen.struck
        return self


def read_grid(workbook: Workbook, sheet: str) -> Grid:
    """Return a sheet's values with row 0 = Excel row 1 and column 0 = column A."""
    return read_sheet(workbook, sheet, details=False).grid


def read_sheet(workbook: Workbook, sheet: str, details: bool = True) -> SheetValues:
    """Read a sheet's values (row 0 = Excel row 1, column 0 = A) and, with
    *details*, its merged ranges and formulas.

    Raises UnreadableWorkbook (code sheet-too-large) for a sheet whose values
    reach too far, before calamine tries to allocate it.  Merges come from
    calamine for .xlsx and .xls, from content.xml for .ods; formulas from the
    sheet's XML for .xlsx, from content.xml for .ods (calamine has neither);
    hidden rows and columns, filters and struck text from ``visibility``.
    """
    try:
        part = _checked_sheet_part(workbook, sheet)
        # The XML's details are taken before calamine allocates the grid, so that
        # a large sheet's XML is let go of before its values arrive.
        xml = (workbook.part(part) or b"") if details and part is not None else b""
        formulas = xlsx_formulas(xml) if xml else {}
        seen = xlsx_visibility(xml, workbook.part("xl/styles.xml"), xlsx_hidden_columns(xml)) \
            if details and workbook.kind == XLSX else None
        del xml
        values = workbook.book.get_sheet_by_name(sheet)
        rows = values.start[0] + values.height if values.start else 0
        cols = values.start[1] + values.width if values.start else 0
        if rows * cols > limits.MAX_SHEET_CELLS:  # the guards should have said so already
            raise UnreadableWorkbook(reason("values-span", rows=rows, columns=cols),
                                     "sheet-too-large", sheet)
        grid = _python_grid(values)
        if not details:
            return SheetValues(sheet, grid, [])
        if workbook.kind == ODS:
            extras = workbook.ods_sheets.get(sheet) or OdsSheet()
            return SheetValues(sheet, grid, extras.merges, extras.formulas).see(
                ods_visibility(extras, rows, cols))
        merges = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (values.merged_cell_ranges or [])]
        if workbook.kind == XLS:
            return SheetValues(sheet, grid, merges).see(xls_visibility(workbook.xls_formats,
                                                                       sheet))
        return SheetValues(sheet, grid, merges, formulas).see(seen)
    except UnreadableWorkbook as exc:
        exc.sheet = exc.sheet or sheet
        raise
    except BaseException as exc:  # calamine raises several unrelated types, and panics
        if not calamine_failure(exc):
            raise
        raise UnreadableWorkbook(failure(exc), sheet=sheet) from exc


def _python_grid(values: python_calamine.CalamineSheet) -> Grid:
    """The sheet's values from A1, as ``to_python(skip_empty_area=False)`` gives them.

    A sheet of more than limits.MANY_ROWS rows is taken row by row, with one
    Python string for each distinct text: thousands of rows repeat the same
    marks, programmes and names, and a string object for every cell would
    double what the grid costs (60,000 rows: 80 MB instead of 30 MB).
    """
    if values.start is None or values.height <= limits.MANY_ROWS:
        return values.to_python(skip_empty_area=False)
    first_row, first_col = values.start
    texts: dict[str, str] = {}
    keep = texts.setdefault
    pad = [""] * first_col  # iter_rows gives the columns from the first value on
    grid = [pad + [keep(value, value) if value.__class__ is str else value for value in row]
            for row in values.iter_rows()]
    if len(grid) == values.height:  # and the rows from the first value on
        grid[:0] = [[""] * (first_col + values.width) for _ in range(first_row)]
    return grid


def _checked_sheet_part(workbook: Workbook, sheet: str) -> str | None:
    """An .xlsx sheet's part, once its values are known to stay within the limits
    (refused otherwise, before calamine allocates its grid); "" when the part is
    not known.  None for .xls and .ods, whose sheets were checked when the file
    was opened."""
    if workbook.kind != XLSX:
        return None
    parts, sure = workbook.sheet_parts
    part = parts.get(sheet)
    if sure and part:
        check_extent(*workbook.sheet_extent(part), sheet)
        return part
    # The workbook's list of sheets is not plain: calamine might read another
    # part for this name than we would, so every sheet part must pass.
    for name in _sheet_like_parts(workbook):
        check_extent(*workbook.sheet_extent(name), sheet)
    return part or ""


_SHEET_ROOTS = ("worksheet", "chartsheet", "dialogsheet", "macrosheet")


def _sheet_like_parts(workbook: Workbook) -> list[str]:
    roots = workbook.parts_checked.roots if workbook.parts_checked else {}
    return sorted(name for name, root in roots.items() if root in _SHEET_ROOTS)


_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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
                       map(workbook.sheet_extent, _sheet_like_parts(workbook)))
        except UnreadableWorkbook:  # a sheet too odd to measure: as good as too large
            return limits.MAX_SHEET_CELLS + 1
    return sum(rows * cols for rows, cols in workbook.extents.values())


def openpyxl_can_open(workbook: Workbook) -> bool:
    """True when openpyxl may load this .xlsx whole without taking too long or
    too much memory (see limits.MAX_OPENPYXL_BYTES and limits.MAX_OPENPYXL_CELLS).
    Asked for each table's colours and for the returned copy: worked out once."""
    return workbook.fits_openpyxl


def _fits_openpyxl(workbook: Workbook) -> bool:
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
