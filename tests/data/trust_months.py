"""Fixtures of issue 14 class 5, months: every way people mark the months a
project runs, read whole with a warning saying how, or a finding at the cell —
never a bar cut short.  Tests: tests/read/test_trust_months.py.

Both tables have the months in columns H (ต.ค.) to S (ก.ย.); a row's months are
given as {1-based fiscal month: cell value}, merges as (first month, last month,
value) on the row, or with rows spelled out.
"""

from __future__ import annotations

import datetime as dt
import sys

# Run as a script, make_fixtures is __main__: its C must be the one written here
# (isinstance), not a second copy imported under its own name.
if str(getattr(sys.modules.get("__main__"), "__file__", "")).endswith("make_fixtures.py"):
    sys.modules.setdefault("make_fixtures", sys.modules["__main__"])

from make_fixtures import (  # noqa: E402
    MONTH_KEYS,
    PROJECT_KEYS,
    C,
    Sheet,
    equipment,
    project,
    standard,
)

FIRST_MONTH = PROJECT_KEYS.index("m01")  # column H in both tables
ORANGE, GREEN, BLUE, GREY = "#FFC000", "#92D050", "#BDD7EE", "#F2F2F2"


def _row(number: int, cells: dict[int, object] | None = None, make=project, **values) -> dict:
    """A valid row with no month marked but *cells* (1-based fiscal month → value)."""
    return make(number, months=(), **{MONTH_KEYS[m - 1]: v for m, v in (cells or {}).items()},
                **values)


def _merge(sheet: Sheet, row: int, first: int, last: int, value, last_row: int | None = None):
    """Merge months *first*–*last* of Excel *row* (down to *last_row*) holding *value*."""
    top, bottom = row - 1, (last_row or row) - 1
    for r in range(top, bottom + 1):
        for m in range(first, last + 1):
            sheet.rows[r][FIRST_MONTH + m - 1] = None
    sheet.merges.append((top, FIRST_MONTH + first - 1, bottom, FIRST_MONTH + last - 1, value))


def _shade(sheet: Sheet, row: int, months, colour: str, columns=()) -> None:
    """Fill the cells of *months* (and of other *columns*, 0-based) of Excel *row*."""
    cells = sheet.rows[row - 1]
    cells += [None] * (len(PROJECT_KEYS) - len(cells))
    for position in [FIRST_MONTH + m - 1 for m in months] + list(columns):
        value = cells[position]
        cells[position] = C(value.value if isinstance(value, C) else value, fill=colour)


def spans() -> list[Sheet]:
    """A span written in one month cell (or in a bar merged across the months)."""
    sheets = standard([
        _row(1, {1: "ต.ค.67-มี.ค.68"}),                 # 2: ต.ค.–มี.ค.
        _row(2, {1: "ต.ค.-ธ.ค."}),                      # 3
        _row(3, {1: "ตุลาคม 2567 - มีนาคม 2568"}),      # 4
        _row(4, {1: "ตลอดปี"}),                         # 5: all twelve
        _row(5, {4: "ทั้งปี"}),                          # 6: written in ม.ค.
        _row(6, {1: "12 เดือน"}),                        # 7
        _row(7),                                        # 8: merged H:S, a span in it
        _row(8, {4: "ม.ค.–มี.ค.", 10: "✓"}),             # 9: a span and a mark
        _row(9, {1: "ต.ค.๖๗ - ธ.ค.๖๗"}),                # 10: Thai digits
        _row(10, {7: "เม.ย. ถึง มิ.ย."}),                # 11
        _row(11, {4: "ไตรมาส 2"}),                       # 12: ม.ค.–มี.ค.
        _row(12, {6: "มี.ค.-ต.ค."}),                     # 13: backwards
        _row(13, {1: "ก.ย.67-ต.ค.67"}),                  # 14: across fiscal years
        _row(14, {4: "15 ม.ค. 68"}),                     # 15: a date typed in its month
        _row(15, {1: "ม.ค."}),                           # 16: another month named
        _row(16, {4: C(dt.datetime(2025, 1, 15), num_format="d mmm yy")}),  # 17: a date
        _row(17, {1: C(dt.datetime(2025, 2, 3), num_format="d mmm yy")}),  # 18: in ก.พ.
    ], [
        _row(1, {4: "ม.ค.-มี.ค. 68"}, make=equipment),   # equipment 2: ม.ค.–มี.ค.
        _row(2, make=equipment),                        # equipment 3: merged พ.ย.–ธ.ค.
    ])
    _merge(sheets[1], 8, 1, 12, "ต.ค. 67 - ก.ย. 68")
    _merge(sheets[2], 3, 2, 3, "✓")
    return sheets


def merged() -> list[Sheet]:
    """A bar merged across month cells, its mark or colour in the first cell only."""
    sheets = standard([_row(n) for n in range(1, 13)] + [_row(13, {10: "✓"})])
    sheet = sheets[1]
    _merge(sheet, 2, 1, 6, "✓")                          # ต.ค.–มี.ค.
    _merge(sheet, 3, 4, 6, C(None, fill=ORANGE))          # colour only: ม.ค.–มี.ค.
    _merge(sheet, 4, 1, 12, "ดำเนินการ")                  # the whole year
    sheet.rows[4][FIRST_MONTH] = "✓"                     # 5: ✓ ต.ค. and a bar ม.ค.–มี.ค.
    _merge(sheet, 5, 4, 6, "✓")
    _merge(sheet, 6, 1, 3, "✓", last_row=7)              # over rows 6 and 7
    _merge(sheet, 8, 7, 9, C("x", fill=GREEN))
    sheet.rows[8][FIRST_MONTH + 9] = "✓"                 # 9: an empty merge, ✓ in ก.ค.
    _merge(sheet, 9, 1, 3, None)
    sheet.rows[9][FIRST_MONTH] = "✓"                     # 10: ✓ ต.ค., a coloured bar
    _merge(sheet, 10, 4, 6, C(None, fill=GREEN))
    _merge(sheet, 11, 1, 2, "2")                         # not a mark
    _merge(sheet, 12, 1, 1, "✓", last_row=13)            # one month, down over two rows
    return sheets


def arrows() -> list[Sheet]:
    """Arrows at the two ends of a span."""
    line = {m: "-" for m in range(2, 12)}
    sheets = standard([
        _row(1, {3: "←", 6: "→"}),                       # 2: ธ.ค.–มี.ค.
        _row(2, {1: "<---", 2: "―", 3: "--->"}),         # 3: ต.ค.–ธ.ค.
        _row(3, {4: "←――→"}),                            # 4: ม.ค.
        _row(4),                                         # 5: <--> merged ม.ค.–มี.ค.
        _row(5, {1: "←", **line, 12: "→"}),              # 6: the whole year
        _row(6, {2: "←"}),                               # 7: no right end
        _row(7, {6: "→"}),                               # 8: no left end
        _row(8, {1: "◄", 3: "►"}),                       # 9
        _row(9, {1: "←", 4: "←", 6: "→"}),               # 10: the first ← unmatched
        _row(10, {7: "↔"}),                              # 11
        _row(11, {1: "<", 5: ">"}),                      # 12
        _row(12, {4: "――――"}),                           # 13: a line, no arrow
        _row(13, {1: "<", 2: "―", 3: "―", 4: ">", 7: "✓"}),  # 14
    ])
    _merge(sheets[1], 5, 4, 6, "<-->")
    return sheets


def marks() -> list[Sheet]:
    """What clerks put in a month cell: marks (read silently), words (read, with a
    warning), and what is not certain (an error at the cell)."""
    kinds = ["✓", "✔", "/", "x", "X", "*", "●", "■", "•", 1, "๑", "ü", "P", "√", "v",
             "ดำเนินการ", "✓✓", "อบรม", "ดำเนินการ?", "2", 2, "x?", 0.5, "ยกเลิก"]
    return standard([_row(n, {(n - 1) % 12 + 1: mark}) for n, mark in enumerate(kinds, 1)])


def shaded() -> list[Sheet]:
    """All twelve months shaded with no text, the colour confined to the month cells."""
    sheets = standard([_row(1), _row(2, {4: "✓"}), _row(3), _row(4), _row(5)])
    sheet = sheets[1]
    budget = PROJECT_KEYS.index("budget")
    _shade(sheet, 2, range(1, 13), ORANGE)               # a bar over the whole year
    _shade(sheet, 4, range(7, 10), GREEN)                # เม.ย.–มิ.ย.
    _shade(sheet, 5, range(1, 13), ORANGE, columns=[PROJECT_KEYS.index("name")])
    _shade(sheet, 6, range(1, 13), BLUE, columns=[budget])  # the row highlighted
    return sheets


def shaded_one_row() -> list[Sheet]:
    sheets = standard([_row(1)])
    _shade(sheets[1], 2, range(1, 13), ORANGE)
    return sheets


def tinted_header() -> list[Sheet]:
    """The header's month cells tinted like the rows: a template's month area."""
    sheets = standard([_row(1), _row(2, {1: "✓"}), _row(3)])
    sheet = sheets[1]
    sheet.rows[0] = [C(v, fill=BLUE) if FIRST_MONTH <= i < FIRST_MONTH + 12 else v
                     for i, v in enumerate(sheet.rows[0])]
    _shade(sheet, 2, range(1, 13), BLUE)
    _shade(sheet, 4, range(4, 7), ORANGE)                # a bar in another colour
    return sheets


def tinted_template_rows() -> list[Sheet]:
    """Empty template rows below the data tinted in the month cells like the row."""
    sheets = standard([_row(1), _row(2, {4: "✓"})])
    sheet = sheets[1]
    _shade(sheet, 2, range(1, 13), GREY)
    for row in range(4, 9):
        sheet.rows.append([])
        _shade(sheet, row, range(1, 13), GREY)
    return sheets


def tinted_every_row() -> list[Sheet]:
    """Every row of the table shaded alike, none marked: a tinted area, not bars."""
    sheets = standard([_row(1), _row(2), _row(3)])
    for row in (2, 3, 4):
        _shade(sheets[1], row, range(1, 13), GREEN)
    return sheets


def bar_beside_marks() -> list[Sheet]:
    """A shaded bar with a ✓ in some of its cells, beside a shaded whole year."""
    sheets = standard([_row(1, {1: "✓"}), _row(2), _row(3, {4: "✓"}), _row(4, {1: "✓", 6: "✓"})])
    sheet = sheets[1]
    _shade(sheet, 2, range(1, 7), ORANGE)                # ✓ ต.ค., shaded ต.ค.–มี.ค.
    _shade(sheet, 3, range(1, 13), ORANGE)               # the whole year, no text
    _shade(sheet, 4, [10], GREEN)                        # a colour touching no mark
    _shade(sheet, 5, range(1, 7), ORANGE)                # ✓ at both ends of the bar
    return sheets


def tint_and_bars() -> list[Sheet]:
    """A template's grey month area, with bars shaded over it."""
    sheets = standard([_row(1, {1: "✓"}), _row(2), _row(3)])
    sheet = sheets[1]
    for row in range(2, 5):
        _shade(sheet, row, range(1, 13), GREY)
    for row in range(5, 10):
        sheet.rows.append([])
        _shade(sheet, row, range(1, 13), GREY)
    _shade(sheet, 2, range(1, 4), ORANGE)                # ✓ ต.ค., a bar ต.ค.–ธ.ค.
    _shade(sheet, 4, range(1, 13), ORANGE)               # a bar over the whole year
    return sheets


def mixed() -> list[Sheet]:
    """One of each way, to read alike in .xlsx and .ods; an .xls keeps no colour."""
    sheets = standard([
        _row(1, {1: "ต.ค.67-มี.ค.68"}),                  # 2: a span
        _row(2),                                        # 3: merged ✓ ม.ค.–มี.ค.
        _row(3, {3: "←", 6: "→"}),                       # 4: arrows
        _row(4),                                        # 5: shaded, all twelve
        _row(5, {1: "✓"}),                               # 6: ✓ and a coloured merged bar
        _row(6, {7: "✓"}),                               # 7
        _row(7),                                        # 8: shaded ก.ค.–ก.ย.
    ])
    sheet = sheets[1]
    _merge(sheet, 3, 4, 6, "✓")
    _shade(sheet, 5, range(1, 13), ORANGE)
    _merge(sheet, 6, 4, 6, C(None, fill=GREEN))
    _shade(sheet, 8, range(10, 13), ORANGE)
    return sheets


def fixtures() -> dict[str, object]:
    return {
        "trust-months-spans.xlsx": spans(),
        "trust-months-merged.xlsx": merged(),
        "trust-months-arrows.xlsx": arrows(),
        "trust-months-marks.xlsx": marks(),
        "trust-months-shaded.xlsx": shaded(),
        "trust-months-shaded-one-row.xlsx": shaded_one_row(),
        "trust-months-tinted-header.xlsx": tinted_header(),
        "trust-months-tinted-template-rows.xlsx": tinted_template_rows(),
        "trust-months-tinted-every-row.xlsx": tinted_every_row(),
        "trust-months-bar-beside-marks.xlsx": bar_beside_marks(),
        "trust-months-tint-and-bars.xlsx": tint_and_bars(),
        "trust-months-mixed.xlsx": mixed(),
    }


def libreoffice() -> list[tuple[str, list[Sheet], str]]:
    return [("trust-months-mixed.ods", mixed(), "ods:calc8"),
            ("trust-months-mixed.xls", mixed(), "xls:MS Excel 97"),
            ("trust-months-mixed-resaved.xlsx", mixed(), "xlsx:Calc MS Excel 2007 XML")]
