"""Zip-based workbooks (.xlsx, .xlsm, .ods): the table of contents and every part.

Python's zipfile stops at a part's declared size and checks its CRC, so a part
that unpacks to more than it declares (a lying zip bomb) fails here as damaged.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from oplan_xl.core import limits
from oplan_xl.core.reasons import reason, said
from oplan_xl.read.guards.refusal import UnreadableWorkbook, megabytes
from oplan_xl.read.guards.xml_parts import Prolog

#: What zipfile and zlib raise on a damaged archive.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
              ValueError, NotImplementedError, RuntimeError, struct.error, KeyError)


@dataclass
class ZipReport:
    """What the integrity pass over a zip learnt: each XML part's root element."""

    #: part name → local name of its root element (``worksheet``, ``sst`` …).
    roots: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def unpacked(self) -> int:
        return sum(self.sizes.values())


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The zip's table of contents, checked for size, count and encryption."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except ZIP_ERRORS as exc:
        raise UnreadableWorkbook(reason("zip-incomplete", why=said(exc))) from exc
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise UnreadableWorkbook(reason("many-parts", parts=len(members)), "file-too-large")
    # calamine finds parts ignoring case and with \ for /, Python's zipfile by the
    # exact name: two parts that differ only so could be read one by each.
    seen: set[str] = set()
    for member in members:
        key = member.filename.replace("\\", "/").lower()
        if key in seen:
            raise UnreadableWorkbook(reason("parts-same-name", part=member.filename))
        seen.add(key)
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.MAX_UNZIPPED_BYTES:
        raise UnreadableWorkbook(reason("unpacked-size", megabytes=megabytes(unpacked)),
                                 "file-too-large")
    for member in members:
        if member.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook(reason("part-unpacks-to", part=member.filename,
                                            megabytes=megabytes(member.file_size)),
                                     "file-too-large")
        if member.flag_bits & 0x1:
            raise UnreadableWorkbook(reason("zip-password"), "file-encrypted")
    return archive


def check_zip(archive: zipfile.ZipFile) -> ZipReport:
    """Unpack every part once, in chunks: CRC and sizes must hold, and no XML
    part may declare a DTD.  The root element of each XML part is recorded."""
    report = ZipReport()
    for member in archive.infolist():
        if member.is_dir():
            continue
        name = member.filename
        prolog = Prolog(name)
        size = 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(limits.MB):
                    size += len(chunk)
                    if not prolog.done:
                        prolog.feed(chunk)
        except ZIP_ERRORS as exc:
            raise UnreadableWorkbook(reason("part-damaged", part=name, why=said(exc))) from exc
        prolog.close()
        report.sizes[name] = size
        if prolog.root:
            report.roots[name] = prolog.root
    return report


def part_chunks(archive: zipfile.ZipFile, name: str, size: int) -> Iterator[bytes]:
    """A part unpacked *size* bytes at a time (nothing when there is no such part),
    so that a large part can be measured without being held in memory whole."""
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(size):
                yield chunk
    except KeyError:
        return
    except ZIP_ERRORS as exc:  # the parts were checked when opened, so not expected
        raise UnreadableWorkbook(reason("part-damaged", part=name, why=said(exc))) from exc


def read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """An unpacked part (None when there is no such part)."""
    try:
        return archive.read(name)
    except KeyError:
        return None
    except ZIP_ERRORS as exc:  # the parts were checked when opened, so not expected
        raise UnreadableWorkbook(reason("part-damaged", part=name, why=said(exc))) from exc
