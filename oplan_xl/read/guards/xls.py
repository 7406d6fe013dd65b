"""Old .xls files: the OLE2 container, read with olefile, and the BIFF records.

olefile parses the compound file (header, DIFAT, FAT, directory) and reads its
streams, with bounds of its own.  What stays hand-written here is what
python-calamine does differently from olefile, checked against
python-calamine 0.9.1 (calamine 0.37) on the files of
tests/data/hostile/make_hostile.py:

- calamine reserves memory from three header counts (and, for the DIFAT, the
  u32 at offset 62, which straddles two fields) before it reads a sector: an
  .xls claiming 4 billion FAT sectors aborts the process;
- calamine follows a sector chain until its end marker, where olefile stops
  after the declared size: a chain that loops makes calamine loop for ever, so
  every chain must end, inside the file, sharing no sector; that includes the
  DIFAT and the FAT sectors it lists, which calamine reads whatever the
  header's counts say, and olefile as far as the counts say;
- calamine reads every sheet of an .xls when it opens the file, reserving the
  cells a DIMENSIONS record claims and allocating the grid up to the furthest
  value: the BIFF records of the workbook stream are read for those counts
  (``xls_sheets``), and FILEPASS tells an encrypted file.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

import olefile

from oplan_xl.core import limits
from oplan_xl.core.reasons import Reason, reason, said
from oplan_xl.read.guards.refusal import UnreadableWorkbook

_END = olefile.ENDOFCHAIN
#: Sector numbers from here up are markers (end of chain, free, FAT, DIFAT), not sectors.
_RESERVED = 0xFFFFFFFA
_DIFAT_SECTOR = olefile.DIFSECT
#: Streams smaller than this live in the mini stream (MS-CFB fixes it at 4096).
_MINI_STREAM_CUTOFF = 4096
#: What olefile raises on a damaged container (OleFileError is an OSError).
_OLE_ERRORS = (OSError, ValueError, IndexError, KeyError, TypeError, OverflowError,
               struct.error)


class _Damaged(Exception):
    """What of the container is damaged (a Reason), found here rather than by olefile."""

    def __init__(self, why: Reason) -> None:
        super().__init__(why)
        self.reason = why


@dataclass
class CompoundFile:
    """An OLE2 compound file's stream names and its workbook stream."""

    #: The name of every stream in the file, in any storage.
    streams: set[str]
    #: The ``Workbook`` stream (``Book`` in BIFF5 files); None when there is neither.
    workbook: bytes | None


def compound_file(data: bytes) -> CompoundFile:
    """Open an OLE2 compound file with olefile, refusing what would make
    calamine loop, allocate without bound or index out of range."""
    try:
        return _compound_file(data)
    except _Damaged as exc:
        raise UnreadableWorkbook(reason("xls-damaged", why=exc.reason)) from exc
    except _OLE_ERRORS as exc:
        raise UnreadableWorkbook(reason("xls-damaged", why=said(exc))) from exc


def _compound_file(data: bytes) -> CompoundFile:
    sectors = _check_header(data)
    _check_difat(data, sectors)
    ole = olefile.OleFileIO()
    failure = None
    try:
        ole.open(io.BytesIO(data))
        if ole.num_mini_fat_sectors:
            ole.loadminifat()
    except _OLE_ERRORS as exc:
        failure = exc
    # The directory's chain first: when olefile gave up on the directory, the
    # broken sector is the more useful reason.
    seen: set[int] = set()
    if ole.fat is not None and ole.first_dir_sector is not None:
        _chain(ole.first_dir_sector, ole.fat, seen, sectors)
    if failure is not None:
        raise failure
    _check_stream_chains(ole, seen, sectors, len(data))
    names = {path[-1] for path in ole.listdir(streams=True, storages=False)}
    stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
    workbook = ole.openstream(stream).read() if stream else None
    return CompoundFile(names, workbook)


def _check_header(data: bytes) -> int:
    """The header counts calamine reserves memory from must fit the file.
    Returns the number of sectors in the file."""
    if len(data) < 512:
        raise _Damaged(reason("xls-shorter-than-header"))
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged(reason("xls-sector-shift", shift=shift))
    sector = 1 << shift
    count = (len(data) - sector) // sector + 1
    fat_count = struct.unpack_from("<I", data, 0x2C)[0]
    mini_fat_count = struct.unpack_from("<I", data, 0x40)[0]
    difat_count = struct.unpack_from("<I", data, 0x48)[0]
    reserve = struct.unpack_from("<I", data, 62)[0]  # calamine's DIFAT reserve
    if fat_count > count or mini_fat_count > count or difat_count > count \
            or reserve > 16 * limits.MB:
        raise _Damaged(reason("xls-header-counts"))
    return count


def _check_difat(data: bytes, sectors: int) -> None:
    """The DIFAT chain must end inside the file, and every FAT sector it lists
    must be inside the file: calamine follows the chain and reads a FAT sector
    for every entry, whatever the header's counts say (olefile reads as many as
    the counts say)."""
    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    entries = list(struct.unpack_from("<109I", data, 0x4C))
    seen: set[int] = set()
    sector = struct.unpack_from("<I", data, 0x44)[0]
    while sector < _RESERVED:
        if sector in seen or sector >= sectors:
            raise _Damaged(reason("xls-difat-chain"))
        seen.add(sector)
        block = data[(sector + 1) * size:(sector + 2) * size]
        listed = struct.unpack(f"<{len(block) // 4}I", block[:len(block) // 4 * 4])
        entries += listed[:-1]
        sector = listed[-1] if listed else _END
    if any(sectors <= entry < _DIFAT_SECTOR for entry in entries):
        raise _Damaged(reason("xls-fat-beyond-end"))


def _check_stream_chains(ole: olefile.OleFileIO, seen: set[int], sectors: int,
                         size: int) -> None:
    """Every chain calamine follows ends, inside the file, sharing no sector."""
    if ole.num_mini_fat_sectors:
        if ole.root.size > size:
            raise _Damaged(reason("xls-mini-stream"))
        if ole.root.isectStart != _END:
            _chain(ole.root.isectStart, ole.fat, set(), sectors)
        _chain(ole.first_mini_fat_sector, ole.fat, set(), sectors)
    mini_seen: set[int] = set()
    mini_sectors = ole.root.size // 64 + 1
    for entry in ole.direntries:
        if entry is None or entry.entry_type != olefile.STGTY_STREAM:
            continue
        if entry.size > size:
            raise _Damaged(reason("xls-stream-size", stream=entry.name, size=entry.size))
        if entry.size < _MINI_STREAM_CUTOFF:
            if entry.size and entry.isectStart != _END:
                _chain(entry.isectStart, ole.minifat or [], mini_seen, mini_sectors)
        elif entry.size:
            _chain(entry.isectStart, ole.fat, seen, sectors)


def _chain(start: int, table, seen: set[int], limit: int) -> None:
    """Follow a chain to its end; a loop, a shared or out-of-range sector is damage."""
    sector = start
    while sector != _END:
        if sector >= limit or sector >= len(table) or sector in seen:
            raise _Damaged(reason("xls-chain-broken", sector=sector))
        seen.add(sector)
        sector = table[sector]


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
        raise UnreadableWorkbook(reason("xls-records-damaged", why=said(exc))) from exc


def _xls_sheets(stream: bytes) -> list[XlsSheet]:
    # One unpack reads a record's kind and size and, for a cell, its row and column.
    names: dict[int, str] = {}
    sheets: list[XlsSheet] = []
    current: XlsSheet | None = None
    rows = cols = 0  # the current sheet's extent, stored into it when it ends
    depth = 0
    globals_seen = False
    position, end = 0, len(stream)
    record = struct.Struct("<HHHH").unpack_from
    padded = stream + b"\0" * 8  # a short last record can still be unpacked whole
    while position + 4 <= end:
        kind, size, first, second = record(padded, position)
        body = position + 4
        if body + size > end:  # a record cut off by the end of the stream
            break
        position = body + size
        if kind in _ONE_CELL:
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
            raise UnreadableWorkbook(reason("password"), "file-encrypted")
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
