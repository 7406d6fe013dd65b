"""What every workbook we write has in common: the government font, fixed document
properties, and text that never turns into a formula.

The forms, findings.xlsx and the rebuilt returned copies are written with
XlsxWriter (:func:`xlsxwriter_workbook`); the department templates and the
returned copies of .xlsx submissions with openpyxl (:func:`set_openpyxl_properties`,
then ``reproducible.save``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

#: The Thai government's font.  Excel and LibreOffice fall back to another Thai
#: font where it is not installed.
FONT = "TH SarabunPSK"
#: Body text and titles, in points; DATA_SIZE for the plain data tables (the forms'
#: data and provenance sheets, findings.xlsx).
FONT_SIZE = 16
TITLE_SIZE = 18
DATA_SIZE = 14
#: The light blue of table headers (RGB, without "#").
HEADER_FILL = "DDEBF7"
#: Every workbook's default font (Excel's "Normal" style): TH SarabunPSK, so no cell
#: falls back to Calibri, at the size whose widest digit is 7 pixels, Calibri 11's:
#: column widths, counted in that digit, keep their size in Excel.
DEFAULT_SIZE = 14
DEFAULT_FONT = {"font_name": FONT, "font_size": DEFAULT_SIZE}

AUTHOR = "oplan-xl"
#: Every document date (and zip member time): the same inputs give byte-identical files.
FIXED_DATE = dt.datetime(2000, 1, 1)

#: XlsxWriter's options that keep text from submissions text: never a formula,
#: a number or a link, whatever it looks like.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False}


def xlsxwriter_workbook(path: Path, title: str | None = None, company: str | None = None,
                        in_memory: bool = True):
    """A new XlsxWriter workbook at *path*: SAFE_OPTIONS, and the fixed author and
    date with *title* and *company* (when given) as its document properties.

    *in_memory* is part of the file's bytes, not only of how it is made: parts
    assembled in memory go into the zip dated 1980-01-01 with no file mode, parts
    that went through temporary files are dated 1980-01-31 and carry the temporary
    file's mode, which differs between Windows and elsewhere.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {**SAFE_OPTIONS, "in_memory": in_memory,
                                               "default_format_properties": dict(DEFAULT_FONT)})
    properties = {"author": AUTHOR, "created": FIXED_DATE}
    if title is not None:
        properties["title"] = title
    if company is not None:
        properties["company"] = company
    workbook.set_properties(properties)
    return workbook


def set_openpyxl_properties(workbook, title: str | None = None) -> None:
    """The same document properties on an openpyxl workbook (save it with
    ``reproducible.save``, which fixes the times openpyxl stamps on saving)."""
    workbook.properties.creator = AUTHOR
    if title is not None:
        workbook.properties.title = title
    workbook.properties.created = FIXED_DATE
    workbook.properties.modified = FIXED_DATE


def openpyxl_default_font(workbook) -> None:
    """Make TH SarabunPSK DEFAULT_SIZE the default font ("Normal" style) of a new
    openpyxl workbook, before any cell is styled.  openpyxl offers no setting for
    it: its first font is the default, and the Normal style names it."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=FONT, sz=DEFAULT_SIZE, family=2)
    workbook._fonts = IndexedList([font])
    workbook._named_styles["Normal"].font = font
