"""What the three form writers share: a safe, reproducible XlsxWriter workbook,
the title block, the month header and month bars.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ..atomic import write_atomically
from ..model import (
    MONTHS,
    MONTHS_IN_PREVIOUS_YEAR,
    Settings,
    month_runs,
    to_thai_digits,
    year_labels,
)
from .styles import Styles

# Fixed document dates: the same inputs must give byte-identical files.
FIXED_DATE = dt.datetime(2000, 1, 1)

# Text from submissions must never become a formula, number or link.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False}


# Points per printed line of 16 pt TH SarabunPSK, and for the 18 pt title.
LINE_HEIGHT = 24
TITLE_HEIGHT = 30
DEFAULT_WIDTH = 8.43


def text_lines(text: str, width: float) -> int:
    """Estimate how many lines *text* wraps to in a column *width* characters wide.

    Neither Excel nor LibreOffice grows a row for wrapped text written by
    XlsxWriter, so the writer sets heights itself.  Thai vowels above and
    below the line and tone marks take no width of their own.
    """
    per_line = max(1, int(width))
    lines = 0
    for part in text.split("\n"):
        visible = sum(1 for ch in part if unicodedata.category(ch) != "Mn")
        lines += max(1, math.ceil(visible / per_line))
    return lines


class Sheet:
    """A worksheet with the settings' digit style and the workbook's formats.

    It remembers column widths and the longest wrapped text of each row, so
    ``finish()`` can give every row the height its text needs.
    """

    def __init__(self, worksheet, styles: Styles, settings: Settings) -> None:
        self.ws = worksheet
        self.styles = styles
        self.settings = settings
        self.widths: dict[int, float] = {}
        self.lines: dict[int, int] = {}
        worksheet.set_default_row(LINE_HEIGHT)

    def column(self, first_col: int, last_col: int, width: float) -> None:
        self.ws.set_column(first_col, last_col, width)
        for col in range(first_col, last_col + 1):
            self.widths[col] = width

    def _fit(self, row: int, first_col: int, last_col: int, text: str) -> None:
        width = sum(self.widths.get(col, DEFAULT_WIDTH) for col in range(first_col, last_col + 1))
        self.lines[row] = max(self.lines.get(row, 1), text_lines(text, width))

    def finish(self) -> None:
        """Set the height of every row whose text wraps."""
        for row, lines in sorted(self.lines.items()):
            if lines > 1:
                self.ws.set_row(row, lines * LINE_HEIGHT)

    def text(self, value: str) -> str:
        """Text for the form: Thai digits when the settings ask for them."""
        return to_thai_digits(value) if self.settings.use_thai_digits else value

    def write_text(self, row: int, col: int, value: str, style: str = "text") -> None:
        """Always a string cell: text from a submission never becomes a formula."""
        self.ws.write_string(row, col, self.text(value), self.styles[style])
        self._fit(row, col, col, value)

    def merge_text(self, row: int, first_col: int, last_col: int, value: str,
                   style: str) -> None:
        if first_col == last_col:
            self.write_text(row, first_col, value, style)
        else:
            self.ws.merge_range(row, first_col, row, last_col, self.text(value),
                                self.styles[style])
            self._fit(row, first_col, last_col, value)

    def title_block(self, form_code: str, title: str, last_col: int) -> int:
        """Write form code, title, plan year and organisation; return the next row."""
        settings = self.settings
        self.write_text(0, last_col, form_code, "form-code")
        place = " ".join(part for part in (
            settings.org_name,
            f"อำเภอ{settings.district}" if settings.district else "",
            f"จังหวัด{settings.province}" if settings.province else "") if part)
        lines = (title, f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {settings.fiscal_year}", place)
        for row, line in enumerate(lines, 1):
            self.merge_text(row, 0, last_col, line, "title" if row == 1 else "subtitle")
        self.ws.set_row(1, TITLE_HEIGHT)
        return len(lines) + 2

    def month_header(self, row: int, first_col: int) -> None:
        """Two header rows: the Buddhist-era year over its months, then the months."""
        labels = year_labels(self.settings.fiscal_year, self.settings.use_thai_digits)
        split = first_col + MONTHS_IN_PREVIOUS_YEAR
        self.ws.merge_range(row, first_col, row, split - 1, labels[0], self.styles["header"])
        self.ws.merge_range(row, split, row, first_col + len(MONTHS) - 1, labels[1],
                            self.styles["header"])
        for offset, month in enumerate(MONTHS):
            self.ws.write_string(row + 1, first_col + offset, month, self.styles["header"])
        self.column(first_col, first_col + len(MONTHS) - 1, 4.5)

    def month_bars(self, row: int, first_col: int, months: tuple[bool, ...]) -> None:
        """Shade the months a row runs: one merged bar per run of months."""
        runs = month_runs(months)
        covered = set()
        for start, end in runs:
            covered.update(range(start, end + 1))
            if start == end:
                self.ws.write_blank(row, first_col + start, None, self.styles["month-bar"])
            else:
                self.ws.merge_range(row, first_col + start, row, first_col + end, "",
                                    self.styles["month-bar"])
        for offset in range(len(MONTHS)):
            if offset not in covered:
                self.ws.write_blank(row, first_col + offset, None, self.styles["month"])


def save_workbook(target: Path, settings: Settings, title: str,
                  fill: Callable[[object, Styles], None]) -> Path:
    """Create a workbook with safe options, let *fill* write it, save atomically."""
    import xlsxwriter

    def write(temp: Path) -> None:
        workbook = xlsxwriter.Workbook(str(temp), SAFE_OPTIONS)
        workbook.set_properties({"title": title, "author": "oplan-xl",
                                 "company": settings.org_name, "created": FIXED_DATE})
        fill(workbook, Styles(workbook, settings.use_thai_digits))
        workbook.close()

    return write_atomically(target, write)


def page_setup(ws, header_rows: tuple[int, int]) -> None:
    """A4 landscape, one page wide, header rows on every page, page numbers."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(*header_rows)
    ws.set_footer("&Cหน้า &P/&N")
    ws.freeze_panes(header_rows[1] + 1, 0)
