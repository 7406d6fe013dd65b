"""Heading rows of a printed ผด.02 pasted in: strategy and programme as rows, not columns.

The printed form has no ยุทธศาสตร์ or แผนงาน column.  Each strategy is a row
``1. ยุทธศาสตร์การพัฒนาด้าน…`` and each programme under it a row
``1.1 แผนงานเคหะและชุมชน`` (text in the first or second cell only, often merged
across the row), with the projects below.  When a project table lacks those
columns, such rows are headings: each project takes the strategy and programme
of the nearest heading rows above it (the table says so once, in a warning), a
project with none above it is an error at its row, and the heading rows
themselves are neither data nor rejected (``Table.headings``).
"""

from __future__ import annotations

import re

from oplan_xl.core.cells import a1
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.model import to_arabic_digits
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.raw import RawRow, Table
from oplan_xl.speed.text import clean_text

#: The fields heading rows can give.
HEADING_KEYS = ("strategy", "group")

#: ``1.1 แผนงาน…``, ``1.2. แนวทาง…``: a programme (or approach) heading.
_GROUP = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s*(\S.*)$")
#: ``1. ยุทธศาสตร์…``, ``1 ด้าน…``: a numbered strategy heading …
_NUMBERED = re.compile(r"^(\d{1,2})\.?\s*([^\d.\s].*)$")
#: … whose words say it is one (a lone ``2. ก่อสร้างถนน`` is a project, not a heading).
_STRATEGY_WORDS = re.compile(r"^(?:ยุทธศาสตร์|ประเด็น|ด้าน|การพัฒนา)")
#: ``ยุทธศาสตร์ที่ 1 …`` or an unnumbered ``ยุทธศาสตร์การพัฒนา…``.
_STRATEGY_NAMED = re.compile(r"^(?:ยุทธศาสตร์|ประเด็นการพัฒนา)")
#: An unnumbered programme or approach heading.
_GROUP_NAMED = re.compile(r"^(?:แผนงาน|แนวทาง)")


def heading_of(text: str) -> tuple[str, int | None] | None:
    """("strategy" or "group", the strategy number it carries if any) for a heading's
    text; None for anything else.  *text* is clean, in Arabic digits."""
    group = _GROUP.match(text)
    if group:
        return "group", int(group.group(1))
    numbered = _NUMBERED.match(text)
    if numbered and _STRATEGY_WORDS.match(numbered.group(2)):
        return "strategy", int(numbered.group(1))
    if _STRATEGY_NAMED.match(text):
        number = re.match(r"^ยุทธศาสตร์\s*(?:ที่)?\s*(\d{1,2})", text)
        return "strategy", int(number.group(1)) if number else None
    if _GROUP_NAMED.match(text):
        return "group", None
    return None


class Headings:
    """The heading rows of one table as its rows are sorted, and what they give."""

    def __init__(self, table: Table, wanted: tuple[str, ...], last_position: int) -> None:
        self.table = table
        self.wanted = wanted
        self.last_position = last_position
        #: Approaches are looked up by their code (1.2), programmes by their name.
        group = next(c for c in table.columns if c.key == "group")
        self.keep_number = group.label != "แผนงาน"
        self.current: dict[str, tuple[str, str]] = {}  # key → (value, A1 of its heading)
        self.number: int | None = None  # the current strategy heading's number
        self.given: set[str] = set()  # the fields some heading row gave
        self.first: tuple[int, str, str] | None = None  # (Excel row, A1, text) of the first

    @classmethod
    def for_table(cls, table: Table) -> Headings | None:
        """Headings for a project table lacking a strategy or programme column."""
        columns = table.header.columns
        if "name" not in columns or not any(c.key == "group" for c in table.columns):
            return None
        wanted = tuple(key for key in HEADING_KEYS if key not in columns)
        if not wanted:
            return None
        return cls(table, wanted, max(1, min(columns.values())))

    def take(self, index: int, row: list[object]) -> bool:
        """Whether the row is a heading row; if so, remember what it says."""
        found = _lone_text(row, self.last_position)
        if found is None:
            return False
        position, text = found
        kind = heading_of(text)
        if kind is None:
            return False
        key, number = kind
        if key == "group" and number is not None and self.number is not None \
                and number != self.number:
            return False  # 2.1 under strategy 1: not a heading of this table
        cell = a1(index, position)
        self.given.add(key)
        if self.first is None:
            self.first = (index + 1, cell, text)
        if key == "strategy":
            self.number = number
            self.current = {"strategy": (text, cell)}
        else:
            value = text if self.keep_number else _GROUP.sub(r"\3", text)
            self.current["group"] = (value, cell)
        return True

    def fill(self, raw: RawRow) -> None:
        """Give a row the strategy and programme of the headings above it."""
        for key in self.wanted:
            given = self.current.get(key)
            if given is not None:
                raw.values[key], raw.merged[key] = given

    def settle(self, file: str) -> list[Finding]:
        """After the rows: the fields the heading rows gave are no longer missing
        (a warning says so, once); a row without them is an error at its row."""
        table = self.table
        given = [key for key in self.wanted if key in self.given]
        if self.first is None or not given:
            return []
        table.header.missing = [c for c in table.header.missing if c.key not in given]
        row, cell, text = self.first
        findings = [finding("strategy-from-heading-rows", file, table.sheet, row, "", cell,
                            text, columns=", ".join(table.label(key) for key in given))]
        for raw in table.rows:
            lacking = [table.label(key) for key in given if key not in raw.values]
            if lacking:
                findings.append(finding(
                    "no-heading-above", file, table.sheet, raw.origin.row,
                    table.label("name"), raw.cells.get("name", ""),
                    clean_text(raw.values.get("name", "")), columns=", ".join(lacking)))
        return findings


def _lone_text(row: list[object], last_position: int) -> tuple[int, str] | None:
    """(position, clean text in Arabic digits) of a row's only value, when it is
    text at or left of *last_position*; None for any other row."""
    found = None
    for position, cell in enumerate(row):
        if cell == "" or is_blank(cell):
            continue
        if found is not None or position > last_position or not isinstance(cell, str):
            return None
        found = (position, to_arabic_digits(clean_text(cell)))
    return found
