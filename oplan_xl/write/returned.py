"""``output/returned/<department>.xlsx``: each submission with its problems marked.

A copy of the department's own workbook, ready to send back: every cell with
a finding is filled (errors pink, warnings yellow, colours the reader never
takes for a month mark) and carries a comment in Thai saying what to fix,
and a first sheet ผลการตรวจ lists every finding of the file with a link to
its cell.  The input itself is only read.

- .xlsx/.xlsm: openpyxl opens a copy (formulas and formatting kept, macros
  dropped: ``keep_vba=False``) and saves it as .xlsx.
- .xls/.ods (openpyxl cannot open them), or a workbook openpyxl fails on:
  an .xlsx is rebuilt from the values calamine reads — values and merged
  cells, no formatting or formulas — and its ผลการตรวจ sheet says so.

Copies are byte-reproducible: fixed document dates and zip member times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections import defaultdict
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.cells import a1
from oplan_xl.core.errors import OutputError
from oplan_xl.core.findings import ERROR, Finding, Report
from oplan_xl.core.layout import RETURNED_ERROR_FILL, RETURNED_WARNING_FILL
from oplan_xl.core.reasons import failure
from oplan_xl.read.workbook import (
    XLSX,
    UnreadableWorkbook,
    grid_cells,
    open_workbook,
    openpyxl_can_open,
    read_sheet,
)
from oplan_xl.write import reproducible
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import (
    AUTHOR,
    DATA_SIZE,
    FONT,
    set_openpyxl_properties,
    xlsxwriter_workbook,
)
from oplan_xl.write.findings import SEVERITY_TH, shown_value
from oplan_xl.write.rowheight import Heights, fit_openpyxl_sheet, xlsxwriter_width

FOLDER = "returned"
SUMMARY_SHEET = "ผลการตรวจ"
#: The ผลการตรวจ sheet's columns (header, width), as findings.xlsx reads: where,
#: which project, what to do, the value, then severity and code; 144 characters in
#: all, A4 landscape at over 90%.  Its note spans them all.
SUMMARY_COLUMNS = (
    ("แผ่นงาน", 10), ("แถว", 6), ("เซลล์", 7), ("โครงการ/รายการ", 24), ("ข้อความ", 50),
    ("ค่าที่พบ", 18), ("ความรุนแรง", 11), ("รหัส", 18),
)
SUMMARY_WIDTHS = tuple(width for _, width in SUMMARY_COLUMNS)
#: The summary's page margins (inches), as findings.xlsx's.
_MARGINS = (0.4, 0.4, 0.6, 0.6)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

_NOTE = ("ไฟล์นี้ส่งคืนจากการตรวจด้วยโปรแกรม oplan-xl: ช่องที่ต้องแก้ระบายสีไว้ "
         "(สีชมพู = ข้อผิดพลาดที่ต้องแก้ก่อนจัดทำแผน, สีเหลือง = คำเตือนให้ตรวจ) และมีความเห็นบอกวิธีแก้ "
         "แก้แล้วส่งไฟล์กลับได้เลย ไม่ต้องลบสีหรือแผ่นงานนี้")
_REBUILT = ("ไฟล์ที่ส่งมาเป็น {kind} จึงสร้างสำเนานี้ใหม่จากค่าในช่องเท่านั้น (ไม่มีรูปแบบ สี หรือสูตรเดิม) "
            "— แก้ในไฟล์ต้นฉบับของหน่วยงาน แล้วส่งกลับมา")


def copy_name(department: str, file: str, taken: set[str]) -> str:
    """``กองช่าง.xlsx``; a second file of the same department adds its own name."""
    base = _UNSAFE_NAME.sub("_", department or Path(file).stem).strip(" .") or "submission"
    name = f"{base}.xlsx"
    if name.lower() in taken:
        name = f"{base} ({_UNSAFE_NAME.sub('_', Path(file).stem)}).xlsx"
    taken.add(name.lower())
    return name


def write_all(report: Report, submissions: Path, folder: Path,
              failures: list[OutputError] | None = None) -> dict[str, Path]:
    """Write a returned copy for every readable submission with findings.

    Returns file name → copy written.  A copy that cannot be written (open in
    Excel) is added to *failures* and the others are still written; without
    *failures* the OutputError is raised.  Copies left from an earlier run
    for files that now have no finding are removed, so the folder never holds
    a stale request to fix something already fixed.
    """
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for item in report.findings:
        if item.file:
            by_file[item.file].append(item)
    written: dict[str, Path] = {}
    taken: set[str] = set()
    for tally in report.files:
        items = by_file.get(tally.file)
        source = submissions / tally.file
        if not items or not source.is_file() or len(items) > limits.MAX_RETURNED_FINDINGS:
            continue  # thousands of findings: a copy would be unreadable; findings.xlsx has them
        target = folder / copy_name(tally.department, tally.file, taken)
        try:
            copied = write_copy(source, items, target)
        except OutputError as exc:
            problem = exc
        except Exception as exc:  # a copy is a convenience: its failure stops nothing else
            problem = OutputError("output-failed", path=target,
                                  reason=failure(exc))
        else:
            if copied is not None:
                written[tally.file] = target
            continue
        if failures is None:
            raise problem
        failures.append(problem)  # and the other copies are still written
    if folder.is_dir():
        keep = {path.resolve() for path in written.values()}
        for old in folder.glob("*.xlsx"):
            if old.resolve() not in keep:
                try:
                    old.unlink()
                except OSError:  # open in Excel: it stays until closed, no harm done
                    pass
    return written


def write_copy(source: Path, findings: list[Finding], target: Path) -> Path | None:
    """Write the annotated copy of *source* at *target*; None if it cannot be opened."""
    try:
        data = source.read_bytes()
        workbook = open_workbook(source, data)
    except (OSError, UnreadableWorkbook):
        return None  # nothing to annotate: findings.xlsx says why
    if workbook.kind == XLSX and openpyxl_can_open(workbook):
        try:
            book = _annotated_with_openpyxl(data, findings)
        except Exception:  # a workbook calamine reads but openpyxl does not
            book = None
        if book is not None:
            return write_atomically(target, lambda temp: reproducible.save(book, temp))
    if not _small_enough_to_rebuild(workbook):
        return None  # thousands of rows: findings.xlsx lists the findings
    kind = {"xls": ".xls (Excel 97-2003)", "ods": ".ods (LibreOffice)"}.get(
        workbook.kind, source.suffix)
    return write_atomically(target, lambda temp: _rebuild(workbook, findings, temp, kind))


def _small_enough_to_rebuild(workbook) -> bool:
    """A copy rebuilt from values costs time and memory by the cell: only for a
    workbook whose sheets hold at most limits.MAX_OPENPYXL_CELLS cells."""
    return grid_cells(workbook) <= limits.MAX_OPENPYXL_CELLS


def _cell_text(items: list[Finding]) -> str:
    """A cell's comment: what to do first, then severity and code in brackets;
    errors first, a message said once (a merged cell wanting for several rows)."""
    lines = []
    for item in sorted(items, key=lambda f: f.severity != ERROR):
        lines.append(f"{item.message('th')} ({_severity(item)}: {item.code})")
    return "\n\n".join(dict.fromkeys(lines))


def _severity(item: Finding) -> str:
    return SEVERITY_TH[ERROR if item.severity == ERROR else "warning"]


def _by_cell(findings: list[Finding]) -> dict[tuple[str, str], list[Finding]]:
    cells: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for item in findings:
        if item.sheet and item.cell:
            cells[(item.sheet, item.cell)].append(item)
    return cells


def _colour(items: list[Finding]) -> str:
    return RETURNED_ERROR_FILL if any(i.severity == ERROR for i in items) \
        else RETURNED_WARNING_FILL


def _annotated_with_openpyxl(data: bytes, findings: list[Finding]):
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    with warnings.catch_warnings():  # "no default style", "extension not supported" …
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), keep_vba=False, keep_links=False)
    for (sheet, cell), items in _by_cell(findings).items():
        if sheet not in book.sheetnames:
            continue
        ws = book[sheet]
        target = _top_left(ws, cell)
        target.fill = PatternFill("solid", fgColor=_colour(items))
        text = _cell_text(items)
        if target.comment is not None:
            text = f"{target.comment.text}\n—\n{text}"
        comment = Comment(text, AUTHOR)
        comment.width, comment.height = 420, 60 + 40 * len(items)
        target.comment = comment
    for ws in book.worksheets:
        # The department's rows grow to their text (never shrink): a clerk reading the
        # marked cells sees all of them.  Its fonts and widths stay its own.
        fit_openpyxl_sheet(ws, DATA_SIZE)
    summary = book.create_sheet(SUMMARY_SHEET, 0)
    header_row = _summary_rows(findings,
                               lambda row, col, value: _set_text(summary, row, col, value),
                               lambda row, col, sheet, cell: _link(summary, row, col, sheet,
                                                                   cell))
    _print_ready_summary(summary, header_row)
    book.active = 0
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws.title == SUMMARY_SHEET
    set_openpyxl_properties(book)
    return book


def _print_ready_summary(ws, header_row: int) -> None:
    """The ผลการตรวจ sheet of an openpyxl copy in the Thai font, wrapped, its note
    across the table, rows as tall as their text, A4 landscape one page wide."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    for letter, width in zip("ABCDEFGH", SUMMARY_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = xlsxwriter_width(width)
    font, bold = Font(name=FONT, sz=DATA_SIZE), Font(name=FONT, sz=DATA_SIZE, bold=True)
    link = Font(name=FONT, sz=DATA_SIZE, color="0563C1", underline="single")
    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(wrap_text=True, vertical="top", horizontal="center")
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is None:
                continue
            cell.font = link if cell.hyperlink is not None \
                else bold if cell.row in (1, header_row + 1) else font
            cell.alignment = centred if cell.column in (2, 3) and cell.row > header_row + 1 \
                else wrap
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SUMMARY_WIDTHS))
    fit_openpyxl_sheet(ws, DATA_SIZE)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, \
        ws.page_margins.bottom = _MARGINS
    ws.print_title_rows = f"{header_row + 1}:{header_row + 1}"
    ws.freeze_panes = f"A{header_row + 2}"
    ws.oddFooter.center.text = "&A หน้า &P/&N"


def _top_left(ws, cell: str):
    """The cell itself, or the top-left cell of the merged range it lies in."""
    from openpyxl.cell.cell import MergedCell

    target = ws[cell]
    if isinstance(target, MergedCell):
        for merged in ws.merged_cells.ranges:
            if cell in merged:
                return ws.cell(merged.min_row, merged.min_col)
    return target


def _set_text(ws, row: int, col: int, value: str | int) -> None:
    if value == "":
        return  # a blank cell, not an empty text
    target = ws.cell(row + 1, col + 1)
    target.value = value
    if isinstance(value, str):
        target.data_type = "s"  # typed text: a value like "=1+2" must not become a formula


def _link(ws, row: int, col: int, sheet: str, cell: str) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    target = ws.cell(row + 1, col + 1)
    target.value = cell
    target.data_type = "s"
    target.hyperlink = Hyperlink(ref=target.coordinate, location=f"'{sheet}'!{cell}")
    target.style = "Hyperlink"


def _summary_rows(findings: list[Finding], text, link, note: str = "") -> int:
    """The ผลการตรวจ sheet: a note, a header, one row per finding (errors first).
    *text* is given a str, or an int for a finding's row; returns the header's row."""
    text(0, 0, _NOTE)
    header = 2  # a blank row between the note and the table
    if note:
        text(1, 0, note)
        header = 3
    for col, (label, _) in enumerate(SUMMARY_COLUMNS):
        text(header, col, label)
    ordered = sorted(findings, key=lambda f: (f.severity != ERROR, f.sheet, f.row or 0, f.cell))
    for offset, item in enumerate(ordered, header + 1):
        text(offset, 0, item.sheet)
        if item.row is not None:
            text(offset, 1, item.row)
        if item.cell and item.sheet:
            link(offset, 2, item.sheet, item.cell)
        else:
            text(offset, 2, item.cell)
        text(offset, 3, item.subject)
        text(offset, 4, item.message("th"))
        text(offset, 5, shown_value(item.value))
        text(offset, 6, _severity(item))
        text(offset, 7, item.code)
    return header


def _rebuild(workbook, findings: list[Finding], temp: Path, kind: str) -> None:
    """An .xlsx made from the values of an .xls/.ods, with the findings marked."""
    # Through temporary files, as the copies of earlier releases were made: the
    # zip members' dates are part of the bytes (see conventions.xlsxwriter_workbook).
    book = xlsxwriter_workbook(temp, in_memory=False)
    marked = {colour: book.add_format({"bg_color": f"#{colour[2:]}", "pattern": 1})
              for colour in (RETURNED_ERROR_FILL, RETURNED_WARNING_FILL)}
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    by_cell = _by_cell(findings)
    _rebuilt_summary(book, findings, kind)
    one_line = Heights(DATA_SIZE).one_line  # the values' rows: one line of the default font
    titles = {SUMMARY_SHEET.lower()}
    for name in workbook.sheet_names:
        title = _sheet_title(name, titles)
        ws = book.add_worksheet(title)
        ws.set_default_row(one_line)
        try:
            values = read_sheet(workbook, name)
        except UnreadableWorkbook:
            continue
        covered = set()
        height, width = len(values.grid), max((len(row) for row in values.grid), default=0)
        for a1_, b1_, a2_, b2_ in values.merges:
            r1, c1, r2, c2 = min(a1_, a2_), min(b1_, b2_), max(a1_, a2_), max(b1_, b2_)
            r2, c2 = min(r2, max(height - 1, r1)), min(c2, max(width - 1, c1))  # within the sheet
            # A one-cell, huge (its overlap test costs a step per cell) or overlapping
            # "merge": write the cells as they are.
            if (r1, c1) == (r2, c2) or (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000 or any(
                    (r, c) in covered for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)):
                continue
            cell_format = marked.get(_colour(by_cell[(name, a1(r1, c1))])) \
                if (name, a1(r1, c1)) in by_cell else None
            top = values.grid[r1][c1] if r1 < len(values.grid) and \
                c1 < len(values.grid[r1]) else ""
            ws.merge_range(r1, c1, r2, c2, "", cell_format)
            _write_value(ws, r1, c1, top, cell_format, date_format)
            covered.update((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
        for r, row in enumerate(values.grid):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                items = by_cell.get((name, a1(r, c)))
                cell_format = marked[_colour(items)] if items else None
                if value == "" and cell_format is None:
                    continue
                _write_value(ws, r, c, value, cell_format, date_format)
        for (sheet, cell), items in by_cell.items():
            if sheet == name:
                ws.write_comment(cell, _cell_text(items),
                                 {"author": AUTHOR, "x_scale": 3, "y_scale": 1 + len(items)})
    book.close()


def _rebuilt_summary(book, findings: list[Finding], kind: str) -> None:
    """The ผลการตรวจ sheet of a rebuilt copy, print-ready as ``_print_ready_summary``."""
    base = {"font_name": FONT, "font_size": DATA_SIZE, "valign": "top", "text_wrap": True}
    text, bold = book.add_format(base), book.add_format({**base, "bold": True})
    centred = book.add_format({**base, "align": "center"})
    link_format = book.add_format({**base, "font_color": "blue", "underline": 1,
                                   "align": "center"})
    summary = book.add_worksheet(SUMMARY_SHEET)
    heights = Heights(DATA_SIZE)
    summary.set_default_row(heights.one_line)
    for col, width in enumerate(SUMMARY_WIDTHS):
        summary.set_column(col, col, width)
        heights.column(col, col, xlsxwriter_width(width))
    last_col = len(SUMMARY_WIDTHS) - 1
    header = 3  # under the note and the note on the rebuilding (``_summary_rows``)

    def put(r: int, c: int, value: str | int) -> None:
        if isinstance(value, int):
            summary.write_number(r, c, value, centred)
        elif r < header:  # a note: across the table
            summary.merge_range(r, 0, r, last_col, value, bold if r == 0 else text)
            heights.text(r, 0, value, DATA_SIZE, r == 0, True, 0, last_col)
        elif value:
            style = bold if r == header else text
            summary.write_string(r, c, value, style)
            heights.text(r, c, value, DATA_SIZE, r == header, True)

    _summary_rows(findings, put,
                  lambda r, c, sheet, cell: summary.write_url(
                      r, c, f"internal:'{sheet}'!{cell}", link_format, cell),
                  note=_REBUILT.format(kind=kind))
    for row, height in heights.rows():
        summary.set_row(row, height)
    summary.freeze_panes(header + 1, 0)
    summary.set_landscape()
    summary.set_paper(9)  # A4
    left, right, top, bottom = _MARGINS
    summary.set_margins(left, right, top, bottom)
    summary.fit_to_pages(1, 0)
    summary.repeat_rows(header)
    summary.set_footer("&C&A หน้า &P/&N")


def _sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the book."""
    title = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet"
    while title.lower() in taken:
        title = f"{title[:28]}_{len(taken)}"
    taken.add(title.lower())
    return title


def _write_value(ws, r: int, c: int, value, cell_format, date_format) -> None:
    if isinstance(value, bool):
        ws.write_boolean(r, c, value, cell_format)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, cell_format)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(r, c, value, cell_format or date_format)
    elif isinstance(value, (dt.time, dt.timedelta)):
        ws.write_string(r, c, str(value), cell_format)
    elif value in ("", None):
        ws.write_blank(r, c, None, cell_format)
    else:
        ws.write_string(r, c, str(value), cell_format)
