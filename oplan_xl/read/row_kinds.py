"""The rows under a table that are not projects: totals, continuations, notes.

A total row (รวม …) is read and compared with the rows, never planned; a
continuation row holds only more text for the row above; a note row under
the last data row holds a signature block or a note (ลงชื่อ …, (name),
ตำแหน่ง …, หมายเหตุ …).  Which rows these are is decided here; where they go
is ``rows``.
"""

from __future__ import annotations

import re

from oplan_xl.core.normalise import (
    NotANumber,
    is_blank,
    is_month_mark,
    is_total_label,
    parse_amount,
)
from oplan_xl.read.raw import RawRow
from oplan_xl.speed.text import clean_text


def is_total_row(row: list[object], raw: RawRow, columns: dict[str, int]) -> bool:
    """A row labelled รวม / รวมทั้งสิ้น / รวม n โครงการ, with no project of its own.

    A name or target cell of the row's own holding text without รวม or Total
    is a project of its own, whatever the other cells say.
    """
    for key in ("name", "target"):
        own = raw.values.get(key)
        if isinstance(own, str) and own and key not in raw.merged \
                and "รวม" not in own and "otal" not in own:
            return False
    label = next((position for position, cell in enumerate(row)
                  if isinstance(cell, str) and ("รวม" in cell or "otal" in cell)
                  and is_total_label(cell)), None)
    if label is None:
        return False
    for key in ("name", "activity", "target", "place"):
        position = columns.get(key)
        if position is not None and position != label and key not in raw.merged \
                and not is_blank(raw.values.get(key)):
            return False
    return True


def own_name(raw: RawRow) -> str | None:
    """The row's project name in its own cell, unless it reads like a total: such
    a row, the common one, is neither a total row nor a continuation."""
    own = raw.values.get("name")
    if isinstance(own, str) and "รวม" not in own and "otal" not in own \
            and "name" not in raw.merged and not is_blank(own):
        return own
    return None


def continues(row: list[object], raw: RawRow, key: str, columns: dict[str, int]) -> bool:
    """True when the row's only own content is text in the continued column."""
    position = columns[key]
    if not isinstance(raw.values.get(key), str) or is_blank(raw.values.get(key)):
        return False
    for index, cell in enumerate(row):
        if index != position and not is_blank(cell):
            return False
    return True


#: Words of a signature block under a table: a cell holding one anywhere is
#: part of the block (ลงชื่อ ........ ผู้รายงาน) ...
_SIGNATURE_WORDS = ("ลงชื่อ", "ผู้รายงาน", "ผู้จัดทำ", "ผู้ตรวจสอบ", "ผู้เสนอ", "ผู้เห็นชอบ",
                    "ผู้อนุมัติ")
#: ... and words that start one of its lines or a note (not anywhere: a project
#: may well be about a ตำแหน่ง).
_NOTE_STARTS = ("ตำแหน่ง", "หมายเหตุ")
#: A name in parentheses under a signature, (นางสาวสมใจ ใจดี): letters, no digit.
_BRACKETED_NAME = re.compile(r"\(\s*[^()\d]*[^\W\d_][^()\d]*\)")
#: A blank to sign on: dots, underscores and ellipses only (at least five dots' worth).
_SIGNING_BLANK = re.compile(r"[._…\s]+")
#: What a row's own name cell holds when the row may be a note (raw text: either
#: sara am); a row whose name cell holds none of these is a project row.
NOTE_HINT = re.compile(
    "ลงชื่อ|ผู้(?:รายงาน|จัดท[\u0e33\u0e4d]|ตรวจสอบ|เสนอ|เห็นชอบ|อนุมัติ)"
    "|ต[\u0e33\u0e4d]แหน่ง|หมายเหตุ|^[\\s(._…]")


def _note_kind(text: str) -> str:
    """"words" for a cell of a signature block or a note, "blank" for a bracketed
    name or a blank to sign on, "" for anything else (*text* is clean)."""
    if any(word in text for word in _SIGNATURE_WORDS) or text.startswith(_NOTE_STARTS):
        return "words"
    if _BRACKETED_NAME.fullmatch(text) or (
            _SIGNING_BLANK.fullmatch(text)
            and len(text.replace("…", "...").replace(" ", "")) >= 5):
        return "blank"
    return ""


def is_note(row: list[object], months: set[int]) -> bool:
    """A row of a signature block or a note: text only (no number, no month mark),
    in signature or note words, or only bracketed names and blanks to sign on.
    Whether it is under the last data row is the caller's business."""
    kinds = []
    for position, cell in enumerate(row):
        if cell.__class__ is not str:
            if is_blank(cell):
                continue
            return False  # a number, a date, a true/false: data
        if cell == "" or is_blank(cell):
            continue
        text = clean_text(cell)
        try:
            parse_amount(text)
            return False  # a figure typed as text is a number too
        except NotANumber:
            pass
        kind = _note_kind(text)
        if not kind and position in months and is_month_mark(text):
            return False
        kinds.append(kind)
    return bool(kinds) and ("words" in kinds or all(kinds))


def note_text(row: list[object]) -> tuple[int, str]:
    """The position of a note row's first cell, and the row's text."""
    cells = [(position, clean_text(cell)) for position, cell in enumerate(row)
             if not is_blank(cell)]
    return cells[0][0], " ".join(text for _, text in cells)
