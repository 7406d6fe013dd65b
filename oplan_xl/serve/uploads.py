"""Workbooks dropped on the page, stored in a submissions folder of the plan.

A name is kept as the clerk wrote it, Thai included, when it is a plain file
name of a workbook; anything that could reach outside the folder or that
Windows cannot store is refused with the reason, never quietly rewritten (the
officer would not find the file again).  A file of the same name is replaced
only when the officer says so.  Each file is written whole or not at all.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core.limits import MAX_FILE_BYTES
from oplan_xl.core.reasons import os_said

#: What the reader reads (``.csv`` is no department workbook).
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: Files in one upload: a plan has tens of departments, never hundreds.
MAX_FILES = 100
#: The bytes of one request: every file at the reader's own limit would be 5 GB,
#: far beyond any real batch of department workbooks.
MAX_REQUEST_BYTES = 400 * 1024 * 1024
MAX_NAME_CHARS = 150
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')


def name_problem(name: str) -> str | None:
    """Why *name* cannot be stored as given (Thai), or None."""
    if not name or not name.strip():
        return "ไม่มีชื่อไฟล์"
    if "/" in name or "\\" in name or name.strip() in (".", ".."):
        return "ชื่อไฟล์มีโฟลเดอร์ปนอยู่ (เช่น ../ หรือ \\) รับเฉพาะชื่อไฟล์"
    if _FORBIDDEN.search(name):
        return 'ชื่อไฟล์มีอักขระที่ Windows ไม่รับ (< > : " | ? * หรืออักขระควบคุม)'
    if name != name.strip() or name.endswith("."):
        return "ชื่อไฟล์ขึ้นต้นหรือลงท้ายด้วยช่องว่างหรือจุด"
    if len(name) > MAX_NAME_CHARS:
        return f"ชื่อไฟล์ยาวเกิน {MAX_NAME_CHARS} ตัวอักษร"
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in SUFFIXES:
        return "ไม่ใช่ไฟล์ Excel หรือ LibreOffice (.xlsx .xlsm .xls .ods)"
    if stem.split(".")[0].casefold() in _WINDOWS_RESERVED:
        return "ชื่อไฟล์เป็นชื่อที่ Windows สงวนไว้"
    if name.startswith("~$") or name.startswith(".~lock"):
        return "เป็นไฟล์ชั่วคราวที่ Excel หรือ LibreOffice สร้างขณะเปิดไฟล์ ไม่ใช่แบบกรอก"
    if name.startswith("."):
        # The reader and the page's lists skip hidden files: stored, it would be
        # reported received yet never checked nor shown.
        return "ชื่อไฟล์ขึ้นต้นด้วยจุด ซึ่งเป็นไฟล์ซ่อนที่โปรแกรมไม่อ่าน ให้เปลี่ยนชื่อไฟล์"
    return None


@dataclass
class UploadResult:
    """What became of each file of one upload."""

    saved: list[str] = field(default_factory=list)
    #: Names already in the folder, not replaced: the officer is asked.
    exists: list[str] = field(default_factory=list)
    #: (name, Thai reason).
    refused: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"saved": self.saved, "exists": self.exists,
                "refused": [{"name": name, "reason": reason} for name, reason in self.refused]}


def store(files, folder: Path, replace: bool) -> UploadResult:
    """Store each of *files* (objects with ``filename`` and ``stream``, as
    werkzeug's) in *folder*."""
    result = UploadResult()
    if len(files) > MAX_FILES:
        result.refused = [(f.filename or "", f"ส่งได้ครั้งละไม่เกิน {MAX_FILES} ไฟล์")
                          for f in files]
        return result
    folder.mkdir(parents=True, exist_ok=True)
    for upload in files:
        name = unicodedata.normalize("NFC", upload.filename or "")
        problem = name_problem(name)
        if problem:
            result.refused.append((name, problem))
            continue
        target = folder / name
        if _taken(folder, name) and not replace:
            result.exists.append(name)
            continue
        try:
            problem = _write(upload.stream, target)
        except OSError as exc:  # on Windows: the file of that name is open in Excel
            problem = ("เขียนไฟล์ไม่ได้ ถ้าไฟล์ชื่อนี้เปิดอยู่ในโปรแกรมอื่น (เช่น Excel) ให้ปิดแล้วส่งใหม่ "
                       f"({os_said(exc).text('th')})")
        if problem:
            result.refused.append((name, problem))
        else:
            result.saved.append(name)
    return result


def _taken(folder: Path, name: str) -> bool:
    """A file of this name is there, letter case aside (one file on Windows)."""
    return any(path.name.casefold() == name.casefold() for path in folder.iterdir())


def _write(stream, target: Path) -> str | None:
    """Copy *stream* to *target* through a temporary file; a reason when too large."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-",
                                         suffix=".part")
    try:
        size = 0
        with os.fdopen(handle, "wb") as out:
            while chunk := stream.read(1024 * 1024):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    return (f"ไฟล์ใหญ่เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB "
                            "ซึ่งเกินขนาดที่โปรแกรมอ่าน")
                out.write(chunk)
        if size == 0:
            return "ไฟล์ว่าง (0 ไบต์)"
        for existing in target.parent.iterdir():  # replace the same file, whatever its case
            if existing.name.casefold() == target.name.casefold() and existing != target:
                existing.unlink()
        os.replace(temporary, target)
        temporary = None
        return None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
