"""Reading the results departments send back (``results/submissions/``).

The same tolerant style as the plan's reader: any workbook format calamine reads
(format from the content), every sheet looked at, the table found by its header
labels wherever it starts and whatever order its columns are in (``layout``),
values read as a person reads them (``1,500.50``, Thai digits, dates typed as
text in either era), and every doubt a finding at its cell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core.cells import a1
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.model import baht_to_satang, to_arabic_digits
from oplan_xl.core.normalise import NotANumber, clean_text, is_blank, label_key, parse_amount
from oplan_xl.core.reasons import os_said
from oplan_xl.followup.layout import BY_KEY, INPUT_KEYS, REQUIRED, label_index, status_of
from oplan_xl.read.guards.refusal import UnreadableWorkbook
from oplan_xl.read.submission import list_submissions
from oplan_xl.read.workbook import open_workbook, read_grid

#: Rows looked through for the header from the top of each sheet.
HEADER_SEARCH_ROWS = 30
#: Years at or above this are Buddhist era (2568); below, Christian (2025).
BE_FROM = 2400
BE_OFFSET = 543


@dataclass
class ResultRow:
    """One row of a returned results table, its values read, with where each is."""

    file: str
    sheet: str
    row: int  # the Excel row, 1-based
    row_id: str
    status_text: str
    status: str | None
    contracted: int | None  # satang
    disbursed: int | None  # satang
    as_of: dt.date | None
    remark: str
    #: key → A1 cell of each column found, for the findings.
    cells: dict[str, str] = field(default_factory=dict)
    #: Set by reading: an amount could not be read (the row is not counted).
    unreadable: bool = False

    def place(self) -> str:
        return f"{self.file} {self.sheet}!{self.cells.get('row_id', '')}"


@dataclass
class ResultFile:
    file: str
    sha256: str
    size: int
    rows: list[ResultRow] = field(default_factory=list)


def read_results(folder: Path, findings: list[Finding]) -> list[ResultFile]:
    """Every results workbook in *folder* (sorted by name); findings appended to *findings*."""
    return [read_result_file(path, findings) for path in list_submissions(folder)]


def read_result_file(path: Path, findings: list[Finding]) -> ResultFile:
    """One returned workbook: the rows of every results table in it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        findings.append(finding("file-unreadable", path.name,
                                reason=os_said(exc)))
        return ResultFile(path.name, "", 0)
    result = ResultFile(path.name, hashlib.sha256(data).hexdigest(), len(data))
    try:
        workbook = open_workbook(path, data)
        tables = 0
        for sheet in workbook.sheet_names:
            grid = read_grid(workbook, sheet)
            header = find_results_header(grid)
            if header is not None:
                tables += 1
                result.rows += _table_rows(path.name, sheet, grid, *header, findings)
    except UnreadableWorkbook as exc:
        findings.append(finding(exc.code, path.name, exc.sheet, reason=exc.reason))
        return result
    if not tables:
        findings.append(finding("result-no-table", path.name))
    return result


def find_results_header(grid: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    """(0-based header row, key → 0-based column) of the first row near the top
    whose labels name the required columns; None when no row does."""
    index = label_index()
    for row_index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            key = index.get(label_key(value)) if isinstance(value, str) else None
            if key is not None and key not in columns:
                columns[key] = col
        if all(key in columns for key in REQUIRED):
            return row_index, columns
    return None


def _table_rows(file: str, sheet: str, grid, header: int, columns: dict[str, int],
                findings: list[Finding]) -> list[ResultRow]:
    rows = []
    for index in range(header + 1, len(grid)):
        values = {key: _cell(grid[index], col) for key, col in columns.items()}
        inputs = [values.get(key) for key in INPUT_KEYS]
        row_id = clean_text(values.get("row_id")) if not is_blank(values.get("row_id")) else ""
        if not row_id and all(is_blank(value) for value in inputs):
            continue  # a blank row, or a note under the table
        cells = {key: a1(index, col) for key, col in columns.items()}
        rows.append(_result_row(file, sheet, index + 1, row_id, values, cells, findings))
    return rows


def _cell(row: list[object], col: int) -> object:
    return row[col] if col < len(row) else None


def _result_row(file: str, sheet: str, row: int, row_id: str, values: dict,
                cells: dict[str, str], findings: list[Finding]) -> ResultRow:
    status_text = "" if is_blank(values.get("status")) else clean_text(values["status"])
    result = ResultRow(file, sheet, row, row_id, status_text, status_of(status_text),
                       None, None, None, clean_text(values.get("remark") or ""), cells)
    for key in ("contracted", "disbursed"):
        value = values.get(key)
        if is_blank(value):
            continue
        try:
            amount = parse_amount(value)
            if amount < 0:
                raise NotANumber(value)
            setattr(result, key, baht_to_satang(amount))
        except (NotANumber, ValueError):
            result.unreadable = True
            findings.append(finding("result-amount-invalid", file, sheet, row,
                                    BY_KEY[key].label, cells[key], value))
    value = values.get("as_of")
    if not is_blank(value):
        result.as_of = parse_date(value)
        if result.as_of is None:
            findings.append(finding("result-date-invalid", file, sheet, row,
                                    BY_KEY["as_of"].label, cells["as_of"], value))
    return result


_THAI_MONTHS = {label_key(name): number for number, names in enumerate((
    ("ม.ค.", "มกราคม", "มค"), ("ก.พ.", "กุมภาพันธ์", "กพ"), ("มี.ค.", "มีนาคม", "มีค"),
    ("เม.ย.", "เมษายน", "เมย"), ("พ.ค.", "พฤษภาคม", "พค"), ("มิ.ย.", "มิถุนายน", "มิย"),
    ("ก.ค.", "กรกฎาคม", "กค"), ("ส.ค.", "สิงหาคม", "สค"), ("ก.ย.", "กันยายน", "กย"),
    ("ต.ค.", "ตุลาคม", "ตค"), ("พ.ย.", "พฤศจิกายน", "พย"), ("ธ.ค.", "ธันวาคม", "ธค")), 1)
    for name in names}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")
_WORDS_DATE = re.compile(r"^(\d{1,2})\s*([^\d\s]+)\s*(\d{2,4})$")


def parse_date(value: object) -> dt.date | None:
    """A date as a person wrote it: a date cell, ``31/3/2568``, ``2568-03-31``,
    ``2025-03-31``, ``31 มี.ค. 68``; a year of BE_FROM or more is Buddhist era, a
    two-digit year is 25xx BE.  None when it is not a date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_ce(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = to_arabic_digits(clean_text(value)).replace("พ.ศ.", "").replace("ค.ศ.", "").strip()
    match = _NUMERIC_DATE.match(text)
    if match:
        first, month, last = (int(part) for part in match.groups())
        if len(match.group(1)) == 4:
            return _in_ce(first, month, last)
        return _in_ce(_full_year(last), month, first)
    match = _WORDS_DATE.match(text)
    if match and label_key(match.group(2)) in _THAI_MONTHS:
        return _in_ce(_full_year(int(match.group(3))), _THAI_MONTHS[label_key(match.group(2))],
                      int(match.group(1)))
    return None


def _full_year(year: int) -> int:
    return 2500 + year if year < 100 else year


def _in_ce(year: int, month: int, day: int) -> dt.date | None:
    if year >= BE_FROM:
        year -= BE_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
