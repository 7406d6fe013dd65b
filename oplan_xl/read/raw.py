"""What reading produces: raw rows located to the cell, in the tables they were found in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from oplan_xl.core.layout import MONTH_KEYS, Column
from oplan_xl.core.model import Origin
from oplan_xl.read.header import Header


class RowCells(Mapping[str, str]):
    """Column key → the A1 address of each of a row's cells, worked out when asked.

    A table's columns are the same for all its rows, so a row keeps only its
    Excel row number, the table's column letters (one dict, shared) and the
    addresses a merge moved (a strategy merged down from above gives its own
    cell).  A dict of address strings per row would hold a million strings for a
    50,000-row sheet, doubling the memory of reading it.
    """

    __slots__ = ("letters", "row", "moved")

    def __init__(self, letters: Mapping[str, str], row: int, moved: Mapping[str, str]) -> None:
        self.letters = letters
        self.row = row
        self.moved = moved

    def __getitem__(self, key: str) -> str:
        moved = self.moved.get(key)
        return moved if moved is not None else f"{self.letters[key]}{self.row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self.letters)

    def __len__(self) -> int:
        return len(self.letters)


@dataclass(frozen=True, slots=True)
class MonthNote:
    """A finding about a row's months (code, params), located at one month column."""

    code: str
    key: str
    value: object
    params: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class MonthBar:
    """A row's months as ``read.months`` decided them, and the notes saying how."""

    marks: tuple[bool, ...]
    notes: tuple[MonthNote, ...] = ()


@dataclass(slots=True)
class RawRow:
    """One non-empty row: raw values by column key, and where each sits."""

    origin: Origin
    values: dict[str, object]
    #: Column key → the A1 address of the cell each value came from.
    cells: Mapping[str, str]
    #: Keys whose value comes from a cell merged down from above (key → its A1).
    merged: dict[str, str] = field(default_factory=dict)
    #: Formula of each input cell that holds one (key → ``=…``).
    formulas: dict[str, str] = field(default_factory=dict)
    #: Excel rows of the continuation rows whose text was appended to this row.
    continued: list[int] = field(default_factory=list)
    #: The row's months, decided from all the evidence by ``read.months``; None
    #: when the table has no month column.
    months: MonthBar | None = None


@dataclass
class Table:
    sheet: str
    header: Header
    columns: tuple[Column, ...]
    rows: list[RawRow] = field(default_factory=list)
    #: Recognised total rows (รวม …): read, compared with the rows, never planned.
    totals: list[RawRow] = field(default_factory=list)
    #: Rows holding only more text for the row above (already appended to it).
    continuations: list[RawRow] = field(default_factory=list)
    #: Rows under the last data row holding only a signature block or a note
    #: (ลงชื่อ …, (name), ตำแหน่ง …, หมายเหตุ …): read, reported, never planned.
    notes: list[RawRow] = field(default_factory=list)
    #: Heading rows of a printed ผด.02 pasted in (1. ยุทธศาสตร์… / 1.1 แผนงาน…): they
    #: give the strategy and programme of the rows under them, never planned.
    headings: list[RawRow] = field(default_factory=list)

    def label(self, key: str) -> str:
        """The column's label as the file spells it (or our label if absent)."""
        return self.header.labels.get(key) or next(c.label for c in self.columns
                                                   if c.key == key)


_NO_VALUES = ("",) * len(MONTH_KEYS)


def month_values(values: dict[str, object]) -> tuple:
    """A row's twelve month values by key, "" for a month column it lacks."""
    return tuple(map(values.get, MONTH_KEYS, _NO_VALUES))
