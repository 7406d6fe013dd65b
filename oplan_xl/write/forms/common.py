"""What the three form writers share: a safe, reproducible XlsxWriter workbook,
the title block, the month header and month bars.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from oplan_xl.core.cells import a1_range
from oplan_xl.core.model import (
    MONTHS,
    MONTHS_IN_PREVIOUS_YEAR,
    Settings,
    month_runs,
    satang_to_decimal,
    to_thai_digits,
    year_labels,
)
from oplan_xl.core.settings_layout import SETTINGS_FILE, SETTINGS_FILE_ROLE
from oplan_xl.plan.grouping import Entry, Plan
from oplan_xl.plan.labels import draft_mark
from oplan_xl.speed.fastsheet import add_worksheet, merge_blanks, write_row
from oplan_xl.write import rowheight
from oplan_xl.write.atomic import Writer
from oplan_xl.write.conventions import DATA_SIZE, FONT, FONT_SIZE, xlsxwriter_workbook
from oplan_xl.write.forms.styles import Styles

#: A form of up to this many rows is assembled in memory, a longer one through
#: temporary files: the memory it would hold grows with the form and, beyond this,
#: costs more time than the temporary files do.  Which way a form was made shows in
#: its zip member dates (see conventions.xlsxwriter_workbook).
IN_MEMORY_ROWS = 5000
DEFAULT_WIDTH = 8.43


def baht(satang: int) -> float:
    """Satang as the float an Excel cell holds.  int / int is correctly rounded, so
    this is the same float as ``float(satang_to_decimal(satang))``, without Decimal."""
    return satang / 100


class Sheet:
    """A worksheet with the settings' digit style and the workbook's formats.

    It remembers column widths (as the file stores them) and the tallest text
    of each row, so ``finish()`` can give every row the height its text needs
    (``write.rowheight``).
    """

    def __init__(self, worksheet, styles: Styles, settings: Settings,
                 size: float = FONT_SIZE, plain: bool = False) -> None:
        """*size*: the sheet's body text; *plain*: a data sheet, whose texts keep
        their Arabic digits whatever the settings say (for auditors and machines)."""
        self.ws = worksheet
        self.styles = styles
        self.settings = settings
        self.plain = plain
        self.widths: dict[int, float] = {}
        self.one_line = rowheight.row_height(1, size)
        self.heights: dict[int, float] = {}
        worksheet.set_default_row(self.one_line)

    def column(self, first_col: int, last_col: int, width: float) -> None:
        self.ws.set_column(first_col, last_col, width)
        for col in range(first_col, last_col + 1):
            self.widths[col] = rowheight.xlsxwriter_width(width)

    def _fit(self, row: int, first_col: int, last_col: int, text: str, style: str) -> None:
        width = sum(self.widths.get(col, rowheight.xlsxwriter_width(DEFAULT_WIDTH))
                    for col in range(first_col, last_col + 1))
        height = rowheight.fitted_height(text, width, *self.styles.text_of[style])
        if height > self.heights.get(row, self.one_line):
            self.heights[row] = height

    def finish(self) -> None:
        """Set the height of every row whose text is taller than one line of body text."""
        for row, height in sorted(self.heights.items()):
            self.ws.set_row(row, height)

    def text(self, value: str) -> str:
        """Text for the form: Thai digits when the settings ask for them."""
        if self.plain or not self.settings.use_thai_digits:
            return value
        return to_thai_digits(value)

    def write_text(self, row: int, col: int, value: str, style: str = "text") -> None:
        """Always a string cell: text from a submission never becomes a formula."""
        self.ws.write_string(row, col, self.text(value), self.styles[style])
        self._fit(row, col, col, value, style)

    def write_cells(self, row: int, first_col: int, cells,
                    months: tuple[bool, ...] | None = None) -> None:
        """Write a row of ``(value, style)`` cells from *first_col* on: text (fitted
        and with the settings' digits, never a formula) and numbers; then, given
        *months*, the row's twelve month cells right after them, the months it runs
        shaded, one merged bar per run of months.  One ``write_row`` for the whole
        row: what ``speed.fastsheet`` writes fastest."""
        values = []
        for col, (value, style) in enumerate(cells, first_col):
            if isinstance(value, str):
                self._fit(row, col, col, value, style)
                value = self.text(value)
            values.append((value, self.styles[style]))
        if months is None:
            write_row(self.ws, row, first_col, values)
            return
        bar, month = self.styles["month-bar"], self.styles["month"]
        write_row(self.ws, row, first_col, values,
                  tuple(bar if marked else month for marked in months))
        first_month = first_col + len(values)
        for start, end in month_runs(months):
            if start != end:  # the cells are written already: merge them into one bar
                merge_blanks(self.ws, row, first_month + start, first_month + end, bar)

    def merge_text(self, row: int, first_col: int, last_col: int, value: str,
                   style: str) -> None:
        if first_col == last_col:
            self.write_text(row, first_col, value, style)
        else:
            self.ws.merge_range(row, first_col, row, last_col, self.text(value),
                                self.styles[style])
            self._fit(row, first_col, last_col, value, style)

    def title_block(self, form_code: str, title: str, last_col: int) -> int:
        """Write form code, title, plan year and organisation; return the next row."""
        settings = self.settings
        self.write_text(0, last_col, form_code, "form-code")
        place = " ".join(part for part in (
            settings.org_name,
            f"อำเภอ{settings.district}" if settings.district else "",
            f"จังหวัด{settings.province}" if settings.province else "") if part)
        lines = (title, settings.plan_year_title, place)
        for row, line in enumerate(lines, 1):
            self.merge_text(row, 0, last_col, line, "title" if row == 1 else "subtitle")
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


def workbook_writer(settings: Settings, title: str, fill: Callable[[object, Styles], None],
                    rows: int, draft_errors: int = 0) -> Writer:
    """A writer for ``atomic``: create a workbook with the safe options and document
    properties of ``conventions`` at the path it is given and let *fill* write it.
    *rows*: how many rows the form lists (see :data:`IN_MEMORY_ROWS`).
    *draft_errors*: the errors a ``--force`` build went past; when there are any,
    every sheet's page header says the form is a draft (:func:`draft_header`)."""

    def write(path: Path) -> None:
        workbook = xlsxwriter_workbook(path, title=title, company=settings.org_name,
                                       in_memory=rows <= IN_MEMORY_ROWS)
        fill(workbook, Styles(workbook, settings.use_thai_digits))
        if draft_errors:
            header = draft_header(draft_errors, settings.use_thai_digits)
            for worksheet in workbook.worksheets():
                worksheet.set_header(header, {"margin": DRAFT_HEADER_MARGIN})
        workbook.close()

    return write


#: Inches from the paper's top edge to the draft mark: the forms' top margin
#: (0.5 in) leaves the mark room above the first row.
DRAFT_HEADER_MARGIN = 0.15


def draft_header(errors: int, thai_digits: bool) -> str:
    """The page header of every sheet of a form built over errors: bold, red and
    centred, on every printed page, so a draft can never pass for the plan."""
    return f'&C&"{FONT},Bold"&20&KC00000{draft_mark(errors, thai_digits)}'


def write_values(ws, row: int, first_col: int, cells) -> None:
    """Write ``(value, format)`` pairs from *first_col* on: str as text (never a
    formula), None as a formatted blank, anything else as a number."""
    write_row(ws, row, first_col, cells)


def page_setup(ws, header_rows: tuple[int, int], last_row: int, last_col: int,
               styles: Styles, aside: tuple[str, ...]) -> None:
    """A4 landscape, one page wide, header rows on every page, page numbers.

    Margins (inches) leave room for signatures at the foot of the last page
    and for binding on the left.

    The form is all that prints: LibreOffice prints every sheet that is not
    hidden (a print range on the form alone does not stop it, measured), so the
    data sheets *aside* are hidden (:func:`plain_page_setup`) and "หน้า 1/3"
    counts the form's pages only; Excel prints the open sheet anyway.  A note
    right of the form, outside its print range, names them and how to show them.
    """
    ws.print_area(0, 0, last_row, last_col)
    ws.write_string(0, last_col + 2, "ข้อมูลประกอบแบบนี้อยู่ในแผ่นงานที่ซ่อนไว้ไม่ให้พิมพ์ปนกับแบบ: "
                    + ", ".join(aside) + " — คลิกขวาที่แถบชื่อแผ่นงาน แล้วเลือก "
                    "\"ยกเลิกการซ่อน\" (Excel) หรือ \"แสดงแผ่นงาน\" (LibreOffice)",
                    styles["screen-note"])
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.repeat_rows(*header_rows)
    ws.set_footer("&Cหน้า &P/&N", {"margin": 0.25})
    ws.freeze_panes(header_rows[1] + 1, 0)


PROVENANCE_SHEET = "ที่มา"


def write_provenance(workbook, styles: Styles, plan: Plan, entries: list[Entry],
                     item_label: str) -> None:
    """The ที่มา sheet: every input file with its hash, and where each row came from.

    Hashes and row numbers stay in Arabic digits whatever the settings say:
    they are for machines and auditors comparing files, not for print.
    """
    sheet = Sheet(add_worksheet(workbook, PROVENANCE_SHEET), styles, plan.settings,
                  size=DATA_SIZE, plain=True)
    for col, width in enumerate((24, 40, 66, 14, 12, 12, 12)):
        sheet.column(col, col, width)
    sheet.write_text(0, 0, "ที่มาของข้อมูล: ไฟล์ที่ส่งมาและแถวต้นทางของทุกรายการในแบบนี้",
                     "data-title")
    files_header = ("ไฟล์", "หน่วยงาน", "SHA-256", "ขนาด (ไบต์)", "แถวที่อ่าน", "เข้าแผน",
                    "ไม่เข้าแผน")
    row = 2
    sheet.write_cells(row, 0, [(label, "data-header") for label in files_header])
    settings = plan.settings
    if settings.source_sha256:  # strategies, programmes and departments came from it
        row += 1
        sheet.write_cells(row, 0, [(SETTINGS_FILE, "data-text"),
                                   (SETTINGS_FILE_ROLE, "data-text"),
                                   (settings.source_sha256, "data-code"),
                                   (settings.source_size, "data-count")])
    for tally in plan.sources:
        row += 1
        sheet.write_cells(row, 0, [(tally.file, "data-text"), (tally.department, "data-text"),
                                   (tally.sha256, "data-code"), (tally.size, "data-count"),
                                   (tally.rows_read, "data-count"),
                                   (tally.rows_planned, "data-count"),
                                   (tally.rows_rejected, "data-count")])
    row += 2
    rows_header = ("ลำดับในแบบ", item_label, "งบประมาณ (บาท)", "ไฟล์", "แผ่นงาน", "แถว")
    sheet.write_cells(row, 0, [(label, "data-header") for label in rows_header])
    for entry in entries:
        row += 1
        item = entry.row
        origin = item.origin
        sheet.write_cells(row, 0, [(entry.place, "data-text"),
                                   (getattr(item, "name", None) or item.target, "data-text"),
                                   (baht(item.budget_satang), "data-money"),
                                   (origin.file, "data-text"), (origin.sheet, "data-text"),
                                   (origin.row, "data-count")])
    sheet.finish()
    plain_page_setup(sheet.ws, header_row=2)


def plain_page_setup(ws, header_row: int = 0) -> None:
    """Data and provenance sheets: landscape A4, one page wide, header kept;
    hidden, so that printing the workbook prints the form alone (see
    :func:`page_setup`)."""
    ws.hide()
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_footer("&C&A หน้า &P/&N")
    ws.freeze_panes(header_row + 1, 0)


def write_group_total(sheet: Sheet, row: int, first_row: int, count: int, satang: int,
                      label_cols: int, money_col: int, last_col: int, style: str) -> None:
    """A group's รวม row: COUNT over its numbers and SUM over its budgets, as
    formulas with the plan's figures cached."""
    ws, styles = sheet.ws, sheet.styles
    numbers = a1_range(first_row, 0, row - 1, 0)
    budgets = a1_range(first_row, money_col, row - 1, money_col)
    ws.merge_range(row, 0, row, label_cols, "", styles[style])
    ws.write_formula(row, 0, f"=COUNT({numbers})", styles[style], count)
    ws.write_formula(row, money_col, f"=SUM({budgets})", styles["total-money"],
                     float(satang_to_decimal(satang)))
    ws.merge_range(row, money_col + 1, row, last_col, "", styles["total-text"])
