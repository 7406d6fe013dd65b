"""The look and the guards shared by the template's sheets: cell styles, row
heights, print setup, protection, and data validations within Excel's limits."""

from __future__ import annotations

from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Protection,
    Side,
)
from openpyxl.worksheet.datavalidation import DataValidation

from oplan_xl.write.conventions import FONT, FONT_SIZE, HEADER_FILL
from oplan_xl.write.rowheight import row_height

REQUIRED_FILL = "FCE4D6"  # orange-ish: must be filled in
OPTIONAL_FILL = HEADER_FILL  # the header blue: may stay empty
GRID = "BFBFBF"

# Excel's limits for data-validation texts (characters): longer ones are cut
# off or make Excel report the file as damaged.
PROMPT_TITLE_MAX, PROMPT_MAX, ERROR_MAX = 32, 255, 225

INPUT_STYLE, MONTH_STYLE, MONEY_STYLE = "oplan input", "oplan month", "oplan money"


class Styles:
    """The few cell styles of the template, built once (openpyxl shares them)."""

    def __init__(self) -> None:
        side = Side(style="thin", color=GRID)
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.font = Font(name=FONT, size=FONT_SIZE)
        self.bold = Font(name=FONT, size=FONT_SIZE, bold=True)
        self.title = Font(name=FONT, size=20, bold=True)
        self.heading = Font(name=FONT, size=18, bold=True)
        self.required = PatternFill("solid", fgColor=REQUIRED_FILL)
        self.optional = PatternFill("solid", fgColor=OPTIONAL_FILL)
        self.year_fill = PatternFill("solid", fgColor="F2F2F2")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="top", wrap_text=True)
        self.header = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="top")
        self.unlocked = Protection(locked=False)
        self.locked = Protection(locked=True)

    def register(self, workbook) -> None:
        """Named styles for the data cells: openpyxl then sets one name on each of
        thousands of cells instead of font, border, alignment and the rest."""
        for name, alignment, number_format in ((INPUT_STYLE, self.wrap, "General"),
                                               (MONTH_STYLE, self.center, "General"),
                                               (MONEY_STYLE, self.wrap, "#,##0.00")):
            workbook.add_named_style(NamedStyle(
                name, font=self.font, border=self.border, alignment=alignment,
                number_format=number_format, protection=self.unlocked))


def new_validation(**kwargs):
    """A DataValidation with its texts cut to Excel's limits."""
    for key, limit in (("promptTitle", PROMPT_TITLE_MAX), ("prompt", PROMPT_MAX),
                       ("errorTitle", PROMPT_TITLE_MAX), ("error", ERROR_MAX)):
        if kwargs.get(key):
            kwargs[key] = kwargs[key][:limit]
    return DataValidation(**kwargs)


def print_setup(ws, title_rows: str | None = None) -> None:
    # Rows without a height of their own are one 16 pt line tall.  customHeight
    # stays off: LibreOffice then keeps such rows "optimal" and, like Excel,
    # grows them when a long text is typed in.  (Rows with text get theirs from
    # rowheight.fit_openpyxl_sheet when the workbook is complete.)
    ws.sheet_format.defaultRowHeight = row_height(1, FONT_SIZE)
    ws.sheet_format.customHeight = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "หน้า &P / &N"
    if title_rows:
        ws.print_title_rows = title_rows


def protect(ws, allow_rows: bool = False) -> None:
    """Protect without a password (see the README), allowing what cannot break the layout."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False  # widen a column
    protection.formatRows = False  # make a row taller
    protection.formatCells = False  # colour or re-format a data cell
    if allow_rows:
        protection.insertRows = False  # more rows than prepared
        protection.deleteRows = False
        protection.sort = False
