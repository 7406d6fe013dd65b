"""A row's month bar, decided in one place from all the evidence (SPEC §4).

People mark the months a project runs in many ways: a ✓ (or ✔ / x * ● 1 ü …)
in each month cell; a word (ดำเนินการ); a date; a span written in one cell
(``ต.ค.67-มี.ค.68``, ``ตลอดปี``); one cell merged across the months; arrows at
the two ends (``←`` … ``→``, ``<---`` … ``--->``, ``←――→``); a fill colour with
no text.  This module reads each row's month cells, the merges over them and,
when a question is left open, their fill colours, and decides the row's twelve
months.  Anything read in a way other than a plain mark in each month is said
in a warning at the cell it was read from; anything it cannot read (``2``,
``ดำเนินการ?``, an arrow with no other end, a span that runs backwards, a
merged bar whose colour an .xls does not keep) is an error at its cell — a
bar is never cut short without a word.

The decision is stored on each RawRow (``RawRow.months``) as a MonthBar: the
marks and the notes the check reports as findings on the row.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from oplan_xl.core.layout import MONTH_KEYS
from oplan_xl.core.model import MONTHS, to_arabic_digits
from oplan_xl.core.normalise import clean_text, month_spans, months_in_text
from oplan_xl.read.fills import fills
from oplan_xl.read.raw import MonthBar, MonthNote, RawRow, Table, month_values
from oplan_xl.read.workbook import XLS, SheetValues, Workbook

# What one month cell's value says.
NONE, MARK, WORDS, SPAN, BACKWARDS, ODD = "none", "mark", "words", "span", "backwards", "odd"
LEFT, RIGHT, BOTH, LINE = "left", "right", "both", "line"

#: Texts that mean "not this month" (as before: blank, zero, a dash, ไม่).
_NO_MARK = frozenset(("", "0", "ไม่", "ไม่มี", "no", "n"))
#: Symbols people tick a month with, alone or repeated (ü þ P R are the ticks
#: of the Wingdings fonts, whose text is a plain letter).
_MARK_SYMBOLS = frozenset("✓✔☑√/\\xX×✗✘*●○◯◉■□▪▫•◆◇♦★☆+vVüþýûPRO")
_MARK_WORDS = frozenset(("1", "ดำเนินการ", "ดำเนินงาน", "ทำ", "มี", "ใช่", "yes", "y", "ok",
                         "true"))
#: Words that say the month is not certain: a cell holding one is not read as a mark.
_DOUBT = ("?", "ไม่", "งด", "ยกเลิก", "เลื่อน", "รอ", "ระงับ", "ยังไม่")
_LEFT_HEADS = frozenset("←⟵◄◀⇐⬅<«")
_RIGHT_HEADS = frozenset("→⟶►▶⇒➡➔➜>»")
_BOTH_HEADS = frozenset("↔⟷⇔⬌")
_LINES = frozenset("-–—―─━═=_~.…")


@lru_cache(maxsize=8192, typed=True)
def cell_kind(value: object, month: int) -> tuple[str, tuple[int, ...], str]:
    """What a month cell's *value* says, in the column of fiscal *month* (0–11):
    (kind, the months it names, the words it was read from)."""
    if value is None:
        return NONE, (), ""
    if isinstance(value, bool):
        return (MARK, (month,), "") if value else (NONE, (), "")
    if isinstance(value, (int, float)):
        if math.isnan(value) or value == 0:
            return NONE, (), ""
        return (MARK, (month,), "") if value == 1 else (ODD, (), "")
    if isinstance(value, (dt.date, dt.datetime)):  # a date: the month it falls in
        return (MARK, (month,), "") if (value.month + 2) % 12 == month else (ODD, (), "")
    if not isinstance(value, str):
        return ODD, (), ""
    text = to_arabic_digits(clean_text(value))
    lowered = text.lower()
    if lowered in _NO_MARK:
        return NONE, (), ""
    if lowered in _MARK_WORDS or set(text) <= _MARK_SYMBOLS:
        return MARK, (month,), ""
    arrow = _arrow_kind(text.replace(" ", ""))
    if arrow == NONE:
        return NONE, (), ""
    if arrow is not None:
        return arrow, (month,), text
    if any(word in lowered for word in _DOUBT):
        return ODD, (), ""
    spans = month_spans(text)
    if spans:
        if not all(forward for _, _, _, forward in spans):
            return BACKWARDS, (), ", ".join(words for words, *_ in spans)
        months = sorted({m for _, first, last, _ in spans for m in range(first, last + 1)})
        if months == [month]:  # its own month named (a date typed as text): a mark
            return MARK, (month,), ""
        if len(months) == 1:  # one other month named: which is meant is not certain
            return ODD, (), ""
        return SPAN, tuple(months), ", ".join(words for words, *_ in spans)
    if any(ch.isdigit() for ch in text) and not any("\u0e01" <= ch <= "\u0e4f" for ch in text):
        return ODD, (), ""  # a number other than 1, or a code: not a mark
    return WORDS, (month,), ""


def _arrow_kind(text: str) -> str | None:
    """LEFT, RIGHT, BOTH or LINE for text made only of arrow heads and lines."""
    if not text or not set(text) <= (_LEFT_HEADS | _RIGHT_HEADS | _BOTH_HEADS | _LINES):
        return None
    left = any(ch in _LEFT_HEADS for ch in text) or any(ch in _BOTH_HEADS for ch in text)
    right = any(ch in _RIGHT_HEADS for ch in text) or any(ch in _BOTH_HEADS for ch in text)
    if left and right:
        return BOTH
    if left or right:
        return LEFT if left else RIGHT
    return LINE if len(text) >= 3 else NONE  # a dash or two: "not this month"


def month_list(months) -> str:
    return ", ".join(MONTHS[m] for m in sorted(months))


@dataclass(frozen=True, slots=True)
class _Unit:
    """One month cell, or a merge over several: its first month, the months it
    covers, its value, and whether it is a merge (or under one from above)."""

    first: int
    covered: tuple[int, ...]
    value: object
    merged: bool
    #: 0-based (row, column) of the merge's top-left cell, whose fill is the bar's.
    origin: tuple[int, int] = (-1, -1)


class _Row:
    """The evidence of one row, decided in steps: values, then colours, then text."""

    __slots__ = ("units", "months", "notes", "blank_merges", "error")

    def __init__(self, units: list[_Unit]) -> None:
        self.units = units
        self.months: set[int] = set()
        self.notes: list[MonthNote] = []
        self.blank_merges: list[_Unit] = []
        self.error = False

    def note(self, code: str, month: int, value: object, error: bool = False,
             **params: str) -> None:
        self.notes.append(MonthNote(code, MONTH_KEYS[month], value, tuple(params.items())))
        self.error = self.error or error

    def read_values(self) -> None:
        plain = {u.first for u in self.units if not u.merged
                 and cell_kind(u.value, u.first)[0] == MARK}
        arrows: list[tuple[str, _Unit]] = []
        for unit in self.units:
            kind, named, words = cell_kind(unit.value, unit.first)
            if kind in (MARK, WORDS):
                self.months.update(unit.covered)
                if unit.merged and set(unit.covered) - plain:
                    self.note("month-bar-merged", unit.first, unit.value,
                              months=month_list(unit.covered))
                elif kind == WORDS:
                    self.note("month-mark-words", unit.first, unit.value,
                              months=month_list(unit.covered))
            elif kind == SPAN:
                self.months.update(named)
                if set(named) - plain:
                    self.note("month-span-in-cell", unit.first, unit.value, words=words,
                              months=month_list(named))
            elif kind == BACKWARDS:
                self.note("month-span-backwards", unit.first, unit.value, True, words=words)
            elif kind == ODD:
                self.note("month-unreadable", unit.first, unit.value, True)
            elif kind in (LEFT, RIGHT, BOTH, LINE):
                arrows.append((kind, unit))
            elif unit.merged and len(unit.covered) > 1:
                self.blank_merges.append(unit)
        if arrows:
            self.read_arrows(arrows)

    def read_arrows(self, arrows: list[tuple[str, _Unit]]) -> None:
        """Pair each left arrow with the next right one: the months between are
        the bar.  A line outside a pair, or an arrow without its other end, is
        not certain."""
        opened: _Unit | None = None
        for kind, unit in arrows:
            if kind == LINE:
                if opened is None:
                    self.note("month-unreadable", unit.first, unit.value, True)
                continue
            if opened is not None and kind != RIGHT:
                self.note("month-arrow-unmatched", opened.first, opened.value, True)
                opened = None
            if kind == LEFT:
                opened = unit
            elif kind == BOTH:
                self.bar(unit, unit)
            elif opened is None:
                self.note("month-arrow-unmatched", unit.first, unit.value, True)
            else:
                self.bar(opened, unit)
                opened = None
        if opened is not None:
            self.note("month-arrow-unmatched", opened.first, opened.value, True)

    def bar(self, start: _Unit, end: _Unit) -> None:
        months = range(start.first, max(end.covered) + 1)
        self.months.update(months)
        self.note("month-bar-arrows", start.first, start.value, months=month_list(months))


def value_units(values: tuple, present: tuple[bool, ...],
                merges: list[_Unit] | None = None) -> list[_Unit]:
    """The row's month cells as units: each merge once, the other cells alone."""
    covered = {m for unit in merges or () for m in unit.covered}
    units = [_Unit(m, (m,), values[m], False) for m in range(len(MONTH_KEYS))
             if present[m] and m not in covered and values[m] not in ("", None)]
    return sorted(units + list(merges or ()), key=lambda unit: unit.first)


@lru_cache(maxsize=4096)
def _values_only(values: tuple, present: tuple[bool, ...]) -> tuple[frozenset, tuple, bool]:
    """The value step of a row without merges, remembered: a sheet holds a few
    patterns of marks."""
    row = _Row(value_units(values, present))
    row.read_values()
    return frozenset(row.months), tuple(row.notes), row.error


#: Empty rows under the last data row looked at for a template's tint.
_TEMPLATE_ROWS_BELOW = 20


def read_month_bars(table: Table, values: SheetValues, workbook: Workbook) -> None:
    """Decide the months of each of *table*'s rows (``RawRow.months``)."""
    header = table.header
    positions = tuple(header.columns.get(key) for key in MONTH_KEYS)
    if not table.rows or all(p is None for p in positions):
        return
    present = tuple(p is not None for p in positions)
    merged = _month_merges(values, positions, header.end)
    rows = []
    for raw in table.rows:
        units = merged.get(raw.origin.row - 1)
        if units:
            row = _Row(value_units(month_values(raw.values), present, units))
            row.read_values()
        else:
            row = _Row([])
            months, notes, row.error = _values_only(month_values(raw.values), present)
            row.months, row.notes = set(months), list(notes)
        rows.append(row)
    if workbook.kind == XLS:  # calamine gives no fill of an .xls: say what cannot be seen
        for row in rows:
            for unit in row.blank_merges:
                row.note("month-colour-unknown", unit.first, "", True,
                         months=month_list(unit.covered))
    else:  # colour may mark a month, or make a bar longer than its marks
        _Colours(table, values, workbook, positions, rows).read()
    text_keys = [key for key in ("activity", "name", "target", "note") if key in header.columns]
    first = MONTH_KEYS.index(next(k for k in MONTH_KEYS if k in header.columns))
    for raw, row in zip(table.rows, rows, strict=True):
        if not row.months and not row.error:
            _no_month(row, raw, text_keys, first)
        raw.months = MonthBar(tuple(m in row.months for m in range(len(MONTH_KEYS))),
                              tuple(row.notes))


def _no_month(row: _Row, raw: RawRow, text_keys: list[str], first: int) -> None:
    """No month read from the cells: a span written in the row's text is the
    likely intent, but the form needs the marks."""
    for key in text_keys:
        words, months = months_in_text(raw.values.get(key, ""))
        if months:
            row.note("month-in-text-only", first, "", True, months=words,
                     marks=month_list(months))
            return
    row.note("no-month", first, "", True)


def _month_merges(values: SheetValues, positions: tuple[int | None, ...],
                  header_end: int) -> dict[int, list[_Unit]]:
    """Row index → the merges over its month cells that start in a month column:
    across several months (a bar), or down from a row above.

    Merges are cut at the sheet's last row and one overlapping an earlier merge
    in its first column is skipped (Excel allows no overlap), so a hostile
    file's merges cost no more than the sheet.
    """
    month_of = {p: m for m, p in enumerate(positions) if p is not None}
    height = len(values.grid)
    found: dict[int, list[_Unit]] = {}
    covered_to: dict[int, int] = {}
    for r1, c1, r2, c2 in sorted(m for m in values.merges
                                 if m[0] > header_end and m[1] in month_of):
        if r1 >= height or r1 <= covered_to.get(c1, -1):
            continue
        covered = tuple(sorted(m for p, m in month_of.items() if c1 <= p <= c2))
        last = min(r2, height - 1)
        covered_to[c1] = last
        top = values.grid[r1]
        value = top[c1] if c1 < len(top) else ""
        for row in range(r1, last + 1):
            if len(covered) > 1 or row > r1:
                found.setdefault(row, []).append(
                    _Unit(month_of[c1], covered, value, True, (r1, c1)))
    return found


class _Colours:
    """Months marked by fill colour, where the values leave a question open: a
    row with no month read from its values, a merged bar with no text.

    A colour counts when none of the row's other cells has it (a highlighted
    row is not a bar); when it is not a tint: over all the unmarked months of a
    row marked with values, or down a month column (on an empty template row's
    cell); and — when it is on all twelve months — when
    the header's month cells are not in that colour, nor every row of the table
    shaded alike.
    """

    def __init__(self, table: Table, values: SheetValues, workbook: Workbook,
                 positions: tuple[int | None, ...], rows: list[_Row]) -> None:
        self.table, self.rows = table, rows
        self.months = [(m, p) for m, p in enumerate(positions) if p is not None]
        self.others = [p for k, p in table.header.columns.items() if k not in MONTH_KEYS]
        header = table.header
        data = [raw.origin.row - 1 for raw in table.rows]
        self.empty = [i for i in range(header.end + 1, max(data) + _TEMPLATE_ROWS_BELOW)
                      if i >= len(values.grid) or all(c in ("", None) for c in values.grid[i])]
        wanted = set(range(header.row, header.end + 1)) | set(data) | set(self.empty)
        wanted |= {u.origin[0] for row in rows for u in row.blank_merges}
        self.colours = fills(workbook, table.sheet, wanted)

    def read(self) -> None:
        if not self.colours:
            return
        areas = [self.area(raw.origin.row - 1, row)
                 for raw, row in zip(self.table.rows, self.rows, strict=True)]
        strong, background = self.background(areas)
        columns = self.column_tints()
        for raw, row, area in zip(self.table.rows, self.rows, areas, strict=True):
            if row.error:
                continue
            index = raw.origin.row - 1
            own = {self.colours.get((index, p)) for p in self.others}
            for unit in row.blank_merges:
                colour = self.colours.get(unit.origin)
                if colour and colour not in background and colour not in own:
                    row.months.update(unit.covered)
                    row.note("month-marked-by-fill", unit.first, "",
                             marks=month_list(unit.covered))
            bar = {m: colour for m, p in self.months
                   if (colour := self.colours.get((index, p))) and colour not in background
                   and (m, colour) not in columns and colour not in own}
            if row.months:
                extended = self.extend(row, bar)
                shaded = sorted(set(bar) - row.months)
                if shaded and not (area and area not in strong):
                    # shaded months apart from the marks: a second bar, or a highlight?
                    # read by the marks, and the shading said, never passed over
                    row.note("month-fill-not-counted", shaded[0], "",
                             months=month_list(row.months), shaded=month_list(shaded))
                if area and area not in strong and area not in own and not extended:
                    # marks in some months, one colour over all the others, and
                    # nothing proves the colour the form's: which is meant is
                    # for the officer to see
                    row.note("month-tint-not-counted", min(set(range(12)) - row.months), "",
                             months=month_list(row.months))
            elif bar:
                row.months.update(bar)
                row.note("month-marked-by-fill", min(bar), "", marks=month_list(bar))

    @staticmethod
    def extend(row: _Row, bar: dict[int, str]) -> bool:
        """A marked cell shaded like the empty cells beside it: the bar is the
        whole shaded run, not only the cells with a mark."""
        added: set[int] = set()
        for month in sorted(row.months):
            colour = bar.get(month)
            if colour is None:
                continue
            for step in (-1, 1):
                m = month + step
                while bar.get(m) == colour and m not in row.months:
                    added.add(m)
                    m += step
        if added:
            row.months |= added
            row.note("month-marked-by-fill", min(added), "", marks=month_list(added))
        return bool(added)

    def area(self, index: int, row: _Row) -> str | None:
        """The one colour over a data row's month cells outside its months and its
        empty merges (all twelve for a row with no month marked), if they share one."""
        merged = {m for unit in row.blank_merges for m in unit.covered}
        colours = {self.colours.get((index, p)) for m, p in self.months
                   if m not in row.months and m not in merged}
        return colours.pop() if len(colours) == 1 and None not in colours else None

    def background(self, areas: list[str | None]) -> tuple[set[str], set[str]]:
        """(the form's tints proven by its empty parts, every background colour).

        Proven: the colour of the header's month cells, or of an empty template
        row's.  Also background: the colour over every data row's month area
        alike, or over the unmarked months of a row marked with values when
        another row's month area has it too.  (A colour on one row only, or on
        some of a marked row's other months, is a bar.)"""
        header = self.table.header
        strong = {colour for index in (*range(header.row, header.end + 1), *self.empty)
                  if (colour := self.whole(index))}
        found = set(strong)
        if len(areas) > 1 and areas[0] and len(set(areas)) == 1:
            found.add(areas[0])
        counts = Counter(area for area in areas if area)
        found |= {area for area, row in zip(areas, self.rows, strict=True)
                  if area and row.months and counts[area] > 1}
        return strong, found

    def column_tints(self) -> set[tuple[int, str]]:
        """(month, colour) of a tinted month column: the colour on an empty
        template row's cell.  (Not the colour all data rows share in a month:
        that may be bars that all run that month.)"""
        found = set()
        for index in self.empty:
            found |= {(m, c) for m, p in self.months if (c := self.colours.get((index, p)))}
        return found

    def whole(self, index: int) -> str | None:
        """The one colour of all of a row's month cells, if they share one."""
        colours = {self.colours.get((index, p)) for _, p in self.months}
        return colours.pop() if len(colours) == 1 else None
