"""output/report-<round>.xlsx: the follow-up report as live formulas with their
values cached, as ผด.01 is written (``write.forms.pd01``).

The project list (sheet รายการโครงการ) holds each project's figures; every figure
of the two summary sheets is a COUNTIFS/SUMIFS over it (by the strategy's number,
the programme's and the department's order number, and the status), or a SUM of
the lines above, written with the value pandas computed (``frames``).  Percentages
are ROUND(part*100/whole, 2), half up as ``model.percent``.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.cells import a1, a1_range
from oplan_xl.core.model import Settings, percent
from oplan_xl.followup.layout import DONE, REPORT_STATUSES
from oplan_xl.followup.rounds import Round, thai_date
from oplan_xl.speed.fastsheet import add_worksheet
from oplan_xl.write.atomic import write_atomically
from oplan_xl.write.forms.common import Sheet, baht, workbook_writer

SUMMARY_SHEET, DEPARTMENT_SHEET, LIST_SHEET = "สรุปตามยุทธศาสตร์", "ตามหน่วยงาน", "รายการโครงการ"
#: Columns of the summary sheets after the label: (key, header).
FIGURES = (("count", "จำนวนโครงการตามแผน"), ("budget_satang", "งบประมาณตามแผน (บาท)"),
           *((status, status) for status in REPORT_STATUSES),
           ("contracted_satang", "วงเงินตามสัญญา/ก่อหนี้ผูกพัน (บาท)"),
           ("disbursed_satang", "เบิกจ่ายแล้ว (บาท)"))
PERCENTS = (("done_pct", "ร้อยละแล้วเสร็จ*"), ("disbursed_pct", "ร้อยละเบิกจ่าย**"))
LAST_COL = len(FIGURES) + len(PERCENTS)
DENOMINATORS = (
    "* ร้อยละแล้วเสร็จ = จำนวนโครงการที่ดำเนินการแล้วเสร็จ × 100 ÷ จำนวนโครงการตามแผนทั้งหมดของแถวนั้น "
    "(รวมโครงการที่ยกเลิกและที่ไม่ได้รายงาน)",
    "** ร้อยละเบิกจ่าย = ยอดเบิกจ่ายแล้ว × 100 ÷ งบประมาณตามแผนของโครงการทั้งหมดของแถวนั้น "
    "(รวมโครงการที่ยกเลิกและที่ไม่ได้รายงาน)",
    "โครงการที่หน่วยงานไม่ได้ส่งผล หรือส่งผลที่มีข้อผิดพลาด นับเป็น \"ไม่ได้รายงาน\" แยกต่างหาก",
)
#: The project list: (key, header, width); the columns the formulas refer to by letter.
LIST_COLUMNS = (("index", "ลำดับ", 6), ("number", "ที่ (ผด.02)", 9),
                ("row_id", "รหัสแถว", 16), ("strategy_number", "ยุทธศาสตร์ที่", 9),
                ("group_number", "ลำดับแผนงาน", 9), ("group", "แผนงาน", 22),
                ("name", "โครงการ", 44), ("department_number", "ลำดับหน่วยงาน", 9),
                ("department", "หน่วยงาน", 20), ("budget_satang", "งบประมาณ (บาท)", 15),
                ("status", "สถานะ", 18), ("contracted_satang", "วงเงินตามสัญญา (บาท)", 15),
                ("disbursed_satang", "เบิกจ่ายแล้ว (บาท)", 15), ("as_of", "ณ วันที่", 14),
                ("remark", "ปัญหาอุปสรรค/หมายเหตุ", 28))
LIST_COL = {key: col for col, (key, _, _) in enumerate(LIST_COLUMNS)}


def write_report(path: Path, settings: Settings, round_: Round, merged, by_group,
                 by_department, totals: dict[str, int]) -> Path:
    """Write the workbook at *path* atomically from the frames of ``frames``."""
    def fill(workbook, styles) -> None:
        ranges = Ranges(max(len(merged), 1))  # the list's rows are known before it is written
        _by_strategy(workbook, styles, settings, round_, by_group, totals, ranges)
        _by_department(workbook, styles, settings, round_, by_department, totals, ranges)
        _project_list(workbook, styles, settings, merged)

    title = f"รายงานผลการดำเนินงาน {round_.thai} ปีงบประมาณ พ.ศ. {round_.fiscal_year}"
    return write_atomically(path, workbook_writer(settings, title, fill, len(merged)))


class Ranges:
    """Absolute ranges of the project list's columns, for COUNTIFS and SUMIFS."""

    def __init__(self, last_row: int) -> None:
        self.last = last_row

    def __getitem__(self, key: str) -> str:
        col = LIST_COL[key]
        return f"'{LIST_SHEET}'!{a1(1, col, True)}:{a1(self.last, col, True)}"


def _project_list(workbook, styles, settings, merged) -> None:
    sheet = Sheet(add_worksheet(workbook, LIST_SHEET), styles, settings, size=14, plain=True)
    for col, (_, header, width) in enumerate(LIST_COLUMNS):
        sheet.column(col, col, width)
        sheet.write_text(0, col, header, "data-header")
    for index, item in enumerate(merged.itertuples(index=False), 1):
        values = []
        for key, _, _ in LIST_COLUMNS:
            value = index if key == "index" else getattr(item, key)
            if key.endswith("_satang"):
                values.append((baht(int(value)), "data-money"))
            elif key == "as_of":
                values.append((thai_date(value.date()) if value == value else "", "data-text"))
            elif isinstance(value, str):
                values.append((value, "data-text"))
            elif key == "remark":
                values.append(("" if value != value or value is None else str(value),
                               "data-text"))
            else:
                values.append((int(value), "data-count"))
        sheet.write_cells(index, 0, values)
    sheet.finish()
    _print(sheet.ws, 0, len(merged), len(LIST_COLUMNS) - 1)


def _title(sheet: Sheet, round_: Round, heading: str) -> int:
    row = sheet.title_block("", f"รายงานผลการดำเนินงาน{round_.thai} — {heading}", LAST_COL)
    sheet.merge_text(row - 1, 0, LAST_COL, f"ข้อมูล ณ วันที่ {thai_date(round_.as_of)}",
                     "subtitle")
    for col, (_, header) in enumerate((("", ""), *FIGURES, *PERCENTS)):
        sheet.write_text(row, col, header or "ยุทธศาสตร์ / แผนงาน", "header")
    return row


def _by_strategy(workbook, styles, settings, round_, by_group, totals, ranges) -> None:
    sheet = Sheet(add_worksheet(workbook, SUMMARY_SHEET), styles, settings)
    _widths(sheet, 40)
    header = _title(sheet, round_, "จำแนกตามยุทธศาสตร์และแผนงาน")
    row = header + 1
    for number, lines in by_group.groupby("strategy_number", sort=True):
        sheet.merge_text(row, 0, LAST_COL, f"{number}. {lines['strategy'].iloc[0]}", "strategy")
        first = row = row + 1
        for line in lines.itertuples(index=False):
            criteria = (f"{ranges['strategy_number']},{number},"
                        f"{ranges['group_number']},{line.group_number}")
            _figures(sheet, row, line.group, line._asdict(), ranges, criteria, False)
            row += 1
        sums = {key: _column_sum(lines, key) for key, _ in FIGURES}
        _sum_line(sheet, row, f"รวมยุทธศาสตร์ที่ {number}", sums, first, row - 1)
        row += 1
    _grand_total(sheet, row, totals, ranges)
    _notes(sheet, row + 1)
    sheet.finish()
    _print(sheet.ws, header, row + len(DENOMINATORS) + 1, LAST_COL)


def _by_department(workbook, styles, settings, round_, by_department, totals, ranges) -> None:
    sheet = Sheet(add_worksheet(workbook, DEPARTMENT_SHEET), styles, settings)
    _widths(sheet, 34)
    header = _title(sheet, round_, "จำแนกตามหน่วยงาน")
    sheet.write_text(header, 0, "หน่วยงาน", "header")
    row = header + 1
    for line in by_department.itertuples(index=False):
        criteria = f"{ranges['department_number']},{line.department_number}"
        _figures(sheet, row, line.department, line._asdict(), ranges, criteria, False)
        row += 1
    _grand_total(sheet, row, totals, ranges)
    _notes(sheet, row + 1)
    sheet.finish()
    _print(sheet.ws, header, row + len(DENOMINATORS) + 1, LAST_COL)


def _widths(sheet: Sheet, label_width: float) -> None:
    sheet.column(0, 0, label_width)
    sheet.column(1, len(FIGURES), 12)
    sheet.column(2, 2, 15)
    sheet.column(len(FIGURES) - 1, len(FIGURES), 15)
    sheet.column(len(FIGURES) + 1, LAST_COL, 10)


def _column_sum(lines, key: str) -> int:
    return int(lines[key].sum())


def _figures(sheet: Sheet, row: int, label: str, values: dict, ranges: Ranges,
             criteria: str, total: bool) -> None:
    """One line of COUNTIFS/SUMIFS over the project list, values cached."""
    formulas = {}
    for key, _ in FIGURES:
        if key == "count":
            formulas[key] = f"=COUNTIFS({criteria})"
        elif key.endswith("_satang"):
            formulas[key] = f"=SUMIFS({ranges[key]},{criteria})"
        else:
            formulas[key] = f'=COUNTIFS({criteria},{ranges["status"]},"{key}")'
    _write_line(sheet, row, label, values, formulas, total)


def _sum_line(sheet: Sheet, row: int, label: str, values: dict, first: int, last: int) -> None:
    formulas = {key: f"=SUM({a1_range(first, col, last, col)})"
                for col, (key, _) in enumerate(FIGURES, 1)}
    _write_line(sheet, row, label, values, formulas, True)


def _grand_total(sheet: Sheet, row: int, totals: dict[str, int], ranges: Ranges) -> None:
    formulas = {}
    for key, _ in FIGURES:
        if key == "count":
            formulas[key] = f"=COUNT({ranges['index']})"
        elif key.endswith("_satang"):
            formulas[key] = f"=SUM({ranges[key]})"
        else:
            formulas[key] = f'=COUNTIF({ranges["status"]},"{key}")'
    _write_line(sheet, row, "รวมทั้งสิ้น", totals, formulas, True)


def _write_line(sheet: Sheet, row: int, label: str, values: dict, formulas: dict,
                total: bool) -> None:
    prefix = "total-" if total else ""
    ws, styles = sheet.ws, sheet.styles
    sheet.write_text(row, 0, label, "total-label" if total else "indent")
    for col, (key, _) in enumerate(FIGURES, 1):
        money = key.endswith("_satang")
        style = styles[f"{prefix}{'money' if money else 'count'}"]
        ws.write_formula(row, col, formulas[key], style,
                         baht(int(values[key])) if money else int(values[key]))
    cells = {key: a1(row, col) for col, (key, _) in enumerate(FIGURES, 1)}
    shares = ((DONE, "count"), ("disbursed_satang", "budget_satang"))
    for col, (part, whole) in enumerate(shares, len(FIGURES) + 1):
        ws.write_formula(row, col, f"=IF({cells[whole]}=0,0,ROUND({cells[part]}*100/"
                         f"{cells[whole]},2))", styles[f"{prefix}percent"],
                         float(percent(int(values[part]), int(values[whole]))))


def _notes(sheet: Sheet, row: int) -> None:
    for offset, text in enumerate(DENOMINATORS, 1):
        sheet.merge_text(row + offset, 0, LAST_COL, text, "note")


def _print(ws, header_row: int, last_row: int, last_col: int) -> None:
    """A4 landscape, one page wide, the header on every page, page numbers."""
    ws.print_area(0, 0, last_row, last_col)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.repeat_rows(header_row, header_row)
    ws.set_footer("&C&A หน้า &P/&N", {"margin": 0.25})
    ws.freeze_panes(header_row + 1, 0)
