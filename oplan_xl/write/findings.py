"""``output/findings.xlsx``: every finding as one sortable, filterable table.

The same rows as ``check --json``, for the planning officer who works in
Excel: Thai headers, an autofilter, a frozen header row, errors first.  Each
row reads as a clerk reads it: where (department and file, sheet, row, cell),
which project or equipment, what to do, the value found, then the severity and
the code last; printed A4 landscape one page wide.  A second sheet repeats the
reconciliation per file.  Values from submissions
are written as text with explicit types, so a cell that read ``=1+2`` stays
the text ``=1+2``; fixed document properties keep two runs byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.cells import a1_range
from oplan_xl.core.findings import ERROR, Finding, Report
from oplan_xl.core.model import satang_to_decimal
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.conventions import DATA_SIZE, FONT, HEADER_FILL, xlsxwriter_workbook
from oplan_xl.write.rowheight import Heights, xlsxwriter_text, xlsxwriter_width

FILE_NAME = "findings.xlsx"
FINDINGS_SHEET = "ผลการตรวจ"
RECONCILIATION_SHEET = "กระทบยอด"

#: Severities as the findings outputs and the preview name them in Thai.
SEVERITY_TH = {ERROR: "ข้อผิดพลาด", "warning": "คำเตือน"}

#: (header, width) of the findings table, in column order: 150 characters in all,
#: which A4 landscape prints at over 90% (long texts wrap and their rows grow).
COLUMNS = (
    ("หน่วยงาน/ไฟล์", 20), ("แผ่นงาน", 9), ("แถว", 6), ("เซลล์", 6), ("โครงการ/รายการ", 22),
    ("ข้อความ", 44), ("ค่าที่พบ", 17), ("ความรุนแรง", 11), ("รหัส", 15),
)
#: The characters of a finding's value shown in its narrow column (a row of four
#: lines at most); the cell itself, the returned copy and ``--json`` have it whole.
VALUE_CHARS = 60
#: Where the left-out count of a runaway file goes: its file, and the sentence.
_WHERE_COL, _MESSAGE_COL = 0, 5
RECONCILIATION_COLUMNS = (
    ("ไฟล์", 24), ("หน่วยงาน", 20), ("แถวที่อ่าน", 8), ("เข้าแผน", 8), ("ไม่เข้าแผน", 8),
    ("บาทที่อ่าน", 14), ("บาทเข้าแผน", 14), ("บาทไม่เข้าแผน", 14), ("แถวรวมยอด", 8),
    ("แถวข้อความต่อ", 9), ("แถวหมายเหตุท้ายตาราง", 10), ("แถวหัวข้อ", 8),
    ("SHA-256", 34),
)
#: Page margins (inches) of both sheets: narrow sides leave the columns more of the page.
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6}


def sorted_findings(report: Report) -> list[Finding]:
    """Errors first, then by department, file, sheet and row; plan-level ones last
    within their severity."""
    departments = {tally.file: tally.department for tally in report.files}

    def key(item: Finding):
        return (item.severity != ERROR, not item.file, departments.get(item.file, ""),
                item.file, item.sheet, item.row or 0, item.cell, item.code)

    return sorted(report.findings, key=key)


def capped(items: list[Finding]) -> tuple[list, dict[str, int]]:
    """At most limits.MAX_FINDINGS_PER_FILE findings of each file, so one runaway file
    of thousands of wrong rows neither floods the list nor holds up the build; file →
    how many were left out."""
    kept, counts, left_out = [], {}, {}
    for item in items:
        counts[item.file] = counts.get(item.file, 0) + 1
        if item.file and counts[item.file] > limits.MAX_FINDINGS_PER_FILE:
            left_out[item.file] = left_out.get(item.file, 0) + 1
        else:
            kept.append(item)
    return kept, left_out


def write(report: Report, target: Path) -> Path:
    """Write the findings workbook of *report* at *target* (atomically)."""
    return write_atomically(target, lambda temp: _fill(report, temp))


def _fill(report: Report, path: Path) -> None:
    workbook = xlsxwriter_workbook(path, title="ผลการตรวจไฟล์ของหน่วยงาน")
    formats = _Formats(workbook)
    _findings_sheet(_Sheet(workbook.add_worksheet(FINDINGS_SHEET), COLUMNS), formats, report)
    _reconciliation_sheet(_Sheet(workbook.add_worksheet(RECONCILIATION_SHEET),
                                 RECONCILIATION_COLUMNS), formats, report)
    workbook.close()


class _Sheet:
    """A worksheet whose text cells are measured for their rows' heights
    (``rowheight``): text goes through :meth:`put`, ``finish()`` sets the heights
    and the page (A4 landscape, one page wide, the header row on every page)."""

    def __init__(self, ws, columns) -> None:
        self.ws = ws
        self.heights = Heights(DATA_SIZE)
        ws.set_default_row(self.heights.one_line)
        for col, (_, width) in enumerate(columns):
            ws.set_column(col, col, width)
            self.heights.column(col, col, xlsxwriter_width(width))

    def put(self, row: int, col: int, value: str, style) -> None:
        """Text, never a formula; an empty value is a blank cell, so the filter
        offers "(Blanks)"."""
        if value:
            self.ws.write_string(row, col, value, style)
            self.heights.text(row, col, value, *xlsxwriter_text(style, DATA_SIZE))
        else:
            self.ws.write_blank(row, col, None, style)

    def finish(self) -> None:
        ws = self.ws
        for row, height in self.heights.rows():
            ws.set_row(row, height)
        ws.freeze_panes(1, 0)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.set_margins(**MARGINS)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_footer("&C&A หน้า &P/&N")


class _Formats:
    """The few cell formats of the workbook."""

    def __init__(self, workbook) -> None:
        base = {"font_name": FONT, "font_size": DATA_SIZE, "valign": "top"}
        self.header = workbook.add_format({**base, "bold": True, "bg_color": f"#{HEADER_FILL}",
                                           "border": 1, "text_wrap": True})
        self.text = workbook.add_format({**base, "text_wrap": True})
        self.error = workbook.add_format({**base, "font_color": "#9C0006", "bold": True,
                                          "text_wrap": True})
        self.warning = workbook.add_format({**base, "font_color": "#7F6000", "text_wrap": True})
        #: The code, for whoever looks it up: grey, last, wrapped at its hyphens.
        self.code = workbook.add_format({**base, "font_color": "#595959", "text_wrap": True})
        self.number = workbook.add_format({**base, "num_format": "0"})
        #: The row and the cell of a finding, side by side: centred, or they read as one.
        self.row = workbook.add_format({**base, "num_format": "0", "align": "center"})
        self.cell = workbook.add_format({**base, "align": "center", "text_wrap": True})
        self.money = workbook.add_format({**base, "num_format": "#,##0.00"})
        self.bold_money = workbook.add_format({**base, "num_format": "#,##0.00", "bold": True})
        self.bold = workbook.add_format({**base, "bold": True})


def _listed(report: Report) -> list:
    """The findings to list, in order, each file's left-out count (file, count)
    right after its last finding listed."""
    kept, left_out = capped(sorted_findings(report))
    last = {item.file: index for index, item in enumerate(kept)}
    items: list = []
    for index, item in enumerate(kept):
        items.append(item)
        if item.file in left_out and last[item.file] == index:
            items.append((item.file, left_out[item.file]))
    return items


def shown_value(value: str) -> str:
    """*value* cut to VALUE_CHARS characters, with "…" when longer."""
    return value if len(value) <= VALUE_CHARS else value[:VALUE_CHARS - 1].rstrip() + "…"


def where_text(department: str, file: str) -> str:
    """The หน่วยงาน/ไฟล์ cell: the department over its file (either may be empty)."""
    return "\n".join(part for part in (department, file) if part)


def _findings_sheet(sheet: _Sheet, formats: _Formats, report: Report) -> None:
    departments = {tally.file: tally.department for tally in report.files}
    ws, _put, text = sheet.ws, sheet.put, formats.text
    for col, (label, _) in enumerate(COLUMNS):
        _put(0, col, label, formats.header)
    items = _listed(report)
    for row, item in enumerate(items, 1):
        if isinstance(item, tuple):
            _put(row, _WHERE_COL, where_text(departments.get(item[0], ""), item[0]), text)
            _put(row, _MESSAGE_COL, f"… และอีก {item[1]:,} รายการของไฟล์นี้ที่ไม่แสดง — "
                                    f"แก้รายการข้างบนแล้วตรวจใหม่ (oplan check --json "
                                    f"แสดงครบทุกรายการ)", text)
            continue
        _put(row, 0, where_text(departments.get(item.file, ""), item.file), text)
        _put(row, 1, item.sheet, text)
        if item.row is None:
            ws.write_blank(row, 2, None, formats.row)
        else:
            ws.write_number(row, 2, item.row, formats.row)
        _put(row, 3, item.cell, formats.cell)
        _put(row, 4, item.subject, text)
        _put(row, 5, item.message("th"), text)
        _put(row, 6, shown_value(item.value), text)
        _put(row, 7, SEVERITY_TH.get(item.severity, item.severity),
             formats.error if item.severity == ERROR else formats.warning)
        _put(row, 8, item.code, formats.code)
    ws.autofilter(0, 0, max(len(items), 1), len(COLUMNS) - 1)
    sheet.finish()


def _reconciliation_sheet(sheet: _Sheet, formats: _Formats, report: Report) -> None:
    ws, _put = sheet.ws, sheet.put
    for col, (label, _) in enumerate(RECONCILIATION_COLUMNS):
        _put(0, col, label, formats.header)
    for row, tally in enumerate(report.files, 1):
        _put(row, 0, tally.file, formats.text)
        _put(row, 1, tally.department, formats.text)
        for col, count in ((2, tally.rows_read), (3, tally.rows_planned),
                           (4, tally.rows_rejected), (8, tally.total_rows),
                           (9, tally.continuation_rows), (10, tally.note_rows),
                           (11, tally.heading_rows)):
            ws.write_number(row, col, count, formats.number)
        for col, satang in ((5, tally.satang_read), (6, tally.satang_planned),
                            (7, tally.satang_rejected)):
            ws.write_number(row, col, float(satang_to_decimal(satang)), formats.money)
        _put(row, 12, tally.sha256, formats.text)
    # The total row: live sums an auditor can click, with exact cached values.
    last = len(report.files) + 1
    total = report.total()
    bold, bold_money = formats.bold, formats.bold_money
    _put(last, 0, "รวมทั้งสิ้น", bold)
    for col, value, style in (
            (2, total.rows_read, bold), (3, total.rows_planned, bold),
            (4, total.rows_rejected, bold),
            (5, float(satang_to_decimal(total.satang_read)), bold_money),
            (6, float(satang_to_decimal(total.satang_planned)), bold_money),
            (7, float(satang_to_decimal(total.satang_rejected)), bold_money),
            (8, total.total_rows, bold), (9, total.continuation_rows, bold),
            (10, total.note_rows, bold), (11, total.heading_rows, bold)):
        ws.write_formula(last, col, f"=SUM({a1_range(1, col, last - 1, col)})", style, value)
    sheet.finish()
