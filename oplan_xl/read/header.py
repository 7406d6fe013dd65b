"""Finding a table's header by its labels, never by its position.

People add title rows above the header, move columns about, and split the
header over two or three rows: a merged ระยะเวลาดำเนินการ over the months,
sometimes the year labels พ.ศ. 2567 / พ.ศ. 2568 in a row of their own, the
month names below; or they number the columns (1) (2) (3) under the labels.
The row naming the most required columns is the header; the rows just under
it that hold only more labels, years or column numbers belong to it too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from oplan_xl.core.layout import Column
from oplan_xl.core.model import MONTHS, to_arabic_digits
from oplan_xl.core.normalise import is_blank
from oplan_xl.speed.text import clean_text, label_key

#: Stands for the twelve month columns when a header has none of them.
MONTHS_COLUMN = Column("months", "ต.ค. ถึง ก.ย. (เดือนที่ดำเนินการ)", True)

#: How many rows from the top may hold titles before the header.
HEADER_SCAN_ROWS = 30
#: How many rows under the first header row may still be header.
MAX_EXTRA_HEADER_ROWS = 3

# Labels that span other labels in a two-row header; they name no column.
_BAND_LABELS = {label_key(text) for text in (
    "ระยะเวลาดำเนินการ", "ระยะเวลาดำเนินงาน", "ระยะเวลา", "ช่วงเวลาดำเนินการ",
    "แผนการดำเนินงาน", "เดือน", "ปีพ.ศ.", "ปีงบประมาณ")}
#: No header label (with spaces and line breaks) is longer than this.
_LONGEST_LABEL = 80


def _key(text: str) -> str:
    """label_key with Arabic digits."""
    return to_arabic_digits(label_key(text))


#: A month label with a year: ``ต.ค.67``, ``มกราคม2568`` (label keys have no spaces).
_MONTH_WITH_YEAR = re.compile(r"^(.*?\D)(\d{2}|\d{4})$")
_YEAR_LABEL = re.compile(r"^(?:ปี)?(?:พ\.?ศ\.?)?(25\d\d)$")
#: A field's label followed by the year it is for: ``งบประมาณ ปี 2568``, ``งบ 68``
#: (on a label key: no spaces, no brackets).
_LABEL_WITH_YEAR = re.compile(r"^(.+?)(?:ปี(?:งบประมาณ)?)?(?:พ\.?ศ\.?)?(25\d\d|\d\d)$")
#: Units written under a money label: a sub-header row ``บาท | สตางค์``.
_UNITS = {"บาท": "baht", "บ": "baht", "สตางค์": "satang", "สต": "satang"}
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass
class Header:
    """Where a header was found and which column holds which field."""

    row: int  # 0-based index of the first header row; Excel row is row + 1
    columns: dict[str, int]  # column key → 0-based column index
    labels: dict[str, str]  # column key → the label as typed in the file
    missing: list[Column]  # required columns not found
    end: int = -1  # 0-based index of the last header row; data starts below it
    #: Fiscal years the header's labels imply: (year, row, column, text), 0-based.
    #: ``พ.ศ. 2568`` says 2568; ``ต.ค. 67`` says 2568 too (ต.ค.–ธ.ค. open the next
    #: fiscal year), ``ม.ค. 68`` says 2568.
    years: list[tuple[int, int, int, str]] = field(default_factory=list)
    #: Fields that more than one column's label names (column key → every 0-based
    #: column naming it, the first one too): which holds the value is not certain,
    #: so it is reported (``column-ambiguous``) instead of the first being taken.
    ambiguous: dict[str, list[int]] = field(default_factory=dict)
    #: 0-based columns a finding already names as not read (last year's budget,
    #: a hidden copy): ``columns`` does not report them again as unknown columns.
    set_aside: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.end < self.row:
            self.end = self.row


def year_of_label(value: object) -> int | None:
    """2568 for ``พ.ศ. 2568``, ``ปี ๒๕๖๘`` or ``2568``; None for anything else."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 2500 <= value < 2600 else None
    if not isinstance(value, str) or len(value) > _LONGEST_LABEL:
        return None
    match = _YEAR_LABEL.match(_key(value))
    return int(match.group(1)) if match else None


def month_label(date: dt.date) -> str:
    """A month header typed as a date (a cell shown as ``ต.ค.-67``) as the label a
    person reads: ``ต.ค. 67``, the year in the Buddhist era.

    Excel keeps such a cell as a date of the common era: 1 Oct 2024 is ต.ค. 67.
    Typed as ``Oct-67`` where Excel takes two-digit years as 19xx or 20xx, the two
    digits are the Buddhist year the person meant (1967 is ต.ค. 67 too).  The year a
    label implies is checked against the plan's (``fiscal-year-mismatch``), so a
    year read wrong is reported, never silently used.
    """
    year = date.year + 543 if date.year >= 2000 else 2500 + date.year % 100
    month = MONTHS[(date.month - 10) % 12]
    return f"{month} {year % 100:02d}"


@lru_cache(maxsize=16)
def _labels_for(columns: tuple[Column, ...]) -> _Labels:
    """The label table of a set of columns (there are two: projects, equipment)."""
    return _Labels(columns)


class _Labels:
    """Label keys of the columns, with month labels that carry a year (ต.ค. 67)."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.by_key: dict[str, Column] = {}
        for column in columns:
            for key in column.keys():
                self.by_key.setdefault(key, column)
        self.months = {key: column for key, column in self.by_key.items()
                       if column.key.startswith("m") and column.key[1:].isdigit()}

    def match(self, cell: object) -> tuple[Column | None, int | None]:
        """(the column a header cell names, the fiscal year it implies) — either may be None."""
        if isinstance(cell, dt.date):
            cell = month_label(cell)
        if not isinstance(cell, str) or len(cell) > _LONGEST_LABEL:
            return None, None  # long text is data, not a label
        key = _key(cell)
        column = self.by_key.get(key)
        if column is not None:
            return column, None
        if not key[-1:].isdigit():  # the rest are labels ending in a year
            return None, None
        found = _MONTH_WITH_YEAR.match(key)
        if found and found.group(1) in self.months:
            column = self.months[found.group(1)]
            year = int(found.group(2))
            year = year + 2500 if year < 100 else year
            # ต.ค., พ.ย., ธ.ค. (m01–m03) belong to the fiscal year that starts then.
            return column, year + 1 if column.key in ("m01", "m02", "m03") else year
        found = _LABEL_WITH_YEAR.match(key)
        if found and found.group(1) in self.by_key:
            # The year says whose figure it is; ``columns`` weighs it against the plan's.
            return self.by_key[found.group(1)], None
        return None, None


def find_header(grid: list[list[object]], columns: tuple[Column, ...]) -> Header | None:
    """Return the best header of *grid* for *columns*, or None.

    A row counts as the header when it names at least half of the required
    columns; the required ones it lacks (also in the rows under it that
    belong to the header) are listed in ``missing``.
    """
    labels = _labels_for(columns)
    required = [c for c in columns if c.required]
    best: Header | None = None
    best_score = 0
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        header = Header(index, {}, {}, [])
        _take_labels(header, labels, row, index, years=False)
        score = sum(1 for c in required if c.key in header.columns)
        if score > best_score:
            best_score, best = score, header
            if score == len(required):
                break  # no later row can name more
    if best is None or best_score * 2 < len(required):
        return None
    _take_labels(best, labels, grid[best.row], best.row, columns=False)
    for index in range(best.row + 1, min(len(grid), best.row + 1 + MAX_EXTRA_HEADER_ROWS)):
        if not _continues_header(grid[index], labels):
            break
        _take_labels(best, labels, grid[index], index)
        best.end = index
    best.missing = [c for c in required if c.key not in best.columns]
    if labels.months and not any(c.key in best.columns for c in labels.months.values()):
        best.missing.append(MONTHS_COLUMN)  # each month is optional; all twelve gone is not
    return best


def _take_labels(header: Header, labels: _Labels, row: list[object], index: int,
                 columns: bool = True, years: bool = True) -> None:
    """Record the columns a header row names and (if *years*) the years it carries."""
    for position, cell in enumerate(row):
        if not isinstance(cell, (str, int, float, dt.date)) or cell == "":
            continue
        column, year = labels.match(cell)
        if years and year is None:
            year = year_of_label(cell)
        if years and year is not None:
            header.years.append((year, index, position, shown_label(cell)))
        if columns and column is not None:
            first = header.columns.setdefault(column.key, position)
            if first == position:
                header.labels.setdefault(column.key, shown_label(cell))
            else:
                places = header.ambiguous.setdefault(column.key, [first])
                if position not in places:
                    places.append(position)


def shown_label(cell: object) -> str:
    """A header cell as the label a person reads."""
    return month_label(cell) if isinstance(cell, dt.date) else clean_text(cell)


def unit_of_label(value: object) -> str | None:
    """``"baht"`` for a cell reading บาท or (บาท), ``"satang"`` for สตางค์ or สต.,
    None for anything else."""
    if not isinstance(value, str) or len(value) > 20:
        return None
    return _UNITS.get(re.sub(r"[\s()\[\].]", "", clean_text(value)))


#: At most this many labels are listed in a message about a header.
_MAX_LABELS_SHOWN = 20


def header_labels(grid: list[list[object]], first: int, last: int) -> str:
    """The labels of rows *first* to *last* (0-based) as a person reads them, left
    to right, for a message saying what a header has: column numbers (1) (2) left
    out, long text cut, at most twenty."""
    shown: list[str] = []
    for row in grid[first:last + 1]:
        for cell in row:
            if is_blank(cell) or _column_number(cell) is not None:
                continue
            text = shown_label(cell)
            text = text if len(text) <= 40 else text[:40] + "…"
            if text not in shown:
                shown.append(text)
    if len(shown) > _MAX_LABELS_SHOWN:
        shown = shown[:_MAX_LABELS_SHOWN] + ["…"]
    return ", ".join(shown) or "-"


def _continues_header(row: list[object], labels: _Labels) -> bool:
    """True for a row under the header holding only labels, years, units (บาท |
    สตางค์ under a merged งบประมาณ) or column numbers."""
    cells = [cell for cell in row if not is_blank(cell)]
    if not cells:
        return False
    numbers = [_column_number(cell) for cell in cells]
    if len(cells) > 2 and all(n is not None for n in numbers) and \
            all(a < b for a, b in zip(numbers, numbers[1:], strict=False)):
        return True  # (1) (2) (3) … under the labels
    named = 0
    for cell in cells:
        column, year = labels.match(cell)
        if column is not None or year is not None or year_of_label(cell) is not None \
                or unit_of_label(cell) is not None:
            named += 1
        elif label_key(cell) not in _BAND_LABELS:
            return False
    return named > 0


def _column_number(cell: object) -> int | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return int(cell) if float(cell).is_integer() and 0 < cell < 100 else None
    match = _COLUMN_NUMBER.match(to_arabic_digits(clean_text(cell)))
    return int(match.group(1)) if match else None
