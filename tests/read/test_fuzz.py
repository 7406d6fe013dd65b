"""Fuzzing (issue 8): no cell value, however odd, makes a parser raise, and random
small workbooks always reconcile — every non-empty row is read, planned or rejected.

Cell values come from all of Unicode, Thai text with invisible characters,
formula-looking text, digit runs thousands long, and numbers from 1e-300 to
1e308, infinities and NaN.  Example counts are modest so the suite stays fast.
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal

import python_calamine
import xlsxwriter
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from oplan_xl.api import SUBMISSIONS, check, load_settings
from oplan_xl.check.rows import budget_satang
from oplan_xl.core.layout import EQUIPMENT_COLUMNS, MONTH_KEYS, project_columns
from oplan_xl.core.limits import MAX_BUDGET_BAHT
from oplan_xl.core.normalise import (
    NotANumber,
    clean_text,
    is_blank,
    is_month_mark,
    is_total_label,
    label_key,
    months_in_text,
    parse_amount,
    parse_int,
    split_numbered,
)
from oplan_xl.read.guards.ods import ods_extents
from oplan_xl.read.guards.refusal import UnreadableWorkbook
from oplan_xl.read.guards.xls import compound_file, xls_sheets
from oplan_xl.read.guards.xlsx import xlsx_extent
from oplan_xl.read.guards.zip import open_zip
from oplan_xl.read.header import find_header, year_of_label
from oplan_xl.read.submission import read_submission
from oplan_xl.read.workbook import open_workbook, read_sheet

from ..builders import DATA, make_plan

sys.path.insert(0, str(DATA / "hostile"))
import make_hostile  # noqa: E402

PROJECT_LABELS = [c.label for c in project_columns()]
EQUIPMENT_LABELS = [c.label for c in EQUIPMENT_COLUMNS]

thai = st.text(alphabet=st.sampled_from(
    list("กขคงจฉชซดตถทนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ํ๐๑๒๓๔๕๖๗๘๙0123456789 .,-/()")
    + ["\u200b", "\u200c", "\u00a0", "\u2060", "\ufeff", "\u00ad", "\n", "\r", "\t", "✓", "●"]),
    max_size=30)
odd_text = st.one_of(
    thai,
    st.text(max_size=30),  # any Unicode, surrogates aside
    st.sampled_from(["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r\n", "รวม", "รวมทั้งสิ้น",
                     "1,5,0", "1e30", "๑,๕๐๐.-", "฿", "บาท", "nan", "inf", "-0", "0.005",
                     "ยุทธศาสตร์ที่ 99999999999999999999", "1." + "9" * 40]),
    st.integers(1, 6000).map(lambda n: "9" * n),  # int() refuses more than 4,300 digits
)
numbers = st.one_of(
    st.integers(-10**40, 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=None).map(float),
)
values = st.one_of(st.none(), odd_text, numbers, st.booleans())


@given(values)
@settings(max_examples=300, deadline=None)
@example("9" * 5000)
@example(1e30)
@example(float("inf"))
@example("ยุทธศาสตร์ที่ " + "1" * 5000)
def test_no_value_makes_a_parser_raise(value):
    clean_text(value)
    label_key(value)
    is_blank(value)
    assert isinstance(is_month_mark(value), bool)
    is_total_label(value)
    months_in_text(value)
    split_numbered(value)
    year_of_label(value)
    number = parse_int(value)
    assert number is None or isinstance(number, int)
    try:
        amount = parse_amount(value)
    except NotANumber:
        amount = None
    satang, problem = budget_satang(value)
    assert isinstance(satang, int)
    if amount is not None and problem is None:
        assert 0 < amount <= MAX_BUDGET_BAHT and Decimal(satang) == amount * 100
    if problem == "budget-too-large":
        assert satang == 0


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_thai_normalisation_is_idempotent_and_clean(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip() and "  " not in once
    assert not any(ch in once for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad\n\r\t")
    assert label_key(label_key(text)) == label_key(text)


labels = st.sampled_from(PROJECT_LABELS + ["งบประมาณ\n(บาท)", "ชื่อโครงการ", "ที่", "(1)", "พ.ศ. 2568",
                                           "ต.ค. 67", "ระยะเวลาดำเนินการ", "รวม"])


@given(st.lists(st.lists(st.one_of(values, labels), max_size=25), max_size=12))
@settings(max_examples=150, deadline=None)
def test_header_detection_never_raises(grid):
    header = find_header(grid, project_columns())
    if header is not None:
        assert 0 <= header.row <= header.end < max(len(grid), 1)
        assert all(0 <= position < 25 for position in header.columns.values())


@given(st.binary(max_size=3000))
@settings(max_examples=150, deadline=None)
def test_preflight_scanners_refuse_or_measure_any_bytes(data):
    for scan in (xlsx_extent, ods_extents, xls_sheets,
                 compound_file):
        try:
            scan(data)
        except UnreadableWorkbook:
            pass


_SHEET_TOKENS = ['<row r="5">', "<row>", "</row>", '<row r="1048577"/>', '<c r="XFD1">',
                 '<c r="A1" s="1"/>', "<c>", "<x:c r='ZZ3'>", "</x:c>", '<c r="A0">', "<c r=''>",
                 '<c r="CZ99999">', "<v>1</v>", "<is><t>ก</t></is>", "</c>", "<f>SUM(A1)</f>",
                 "<!-- <c r='XFD9'><v>1</v></c> -->", "<![CDATA[</c>]]>", '<c r="a1">',
                 '<c r="B2" t="s" x=">">', "<sheetData>", "</sheetData>", "x", "&amp;", "<"]
_ODS_TOKENS = ['<table:table table:name="ก">', "</table:table>", "<table:table-row>",
               '<table:table-row table:number-rows-repeated="1048576">', "</table:table-row>",
               "<table:table-row/>", '<table:table-cell table:number-columns-repeated="16384"/>',
               '<table:table-cell office:value-type="string"><text:p>x</text:p>'
               "</table:table-cell>", '<table:table-cell table:number-columns-repeated="x">',
               '<table:table-cell table:number-columns-repeated="99999999999999999999" '
               'office:value="1"/>', "</table:table-cell>", '<table:covered-table-cell/>']
_XLS_RECORDS = [0x0809, 0x000A, 0x002F, 0x0085, 0x0200, 0x0203, 0x00FD, 0x027E, 0x00BD,
                0x0006, 0x0207, 0x00FC, 0x003C]


@given(st.lists(st.sampled_from(_SHEET_TOKENS), max_size=40),
       st.lists(st.sampled_from(_ODS_TOKENS), max_size=30),
       st.lists(st.tuples(st.sampled_from(_XLS_RECORDS), st.integers(0, 40),
                          st.binary(max_size=24)), max_size=20))
@settings(max_examples=300, deadline=None)
def test_preflight_scanners_on_near_valid_input(sheet_tokens, ods_tokens, records):
    xml = ('<worksheet xmlns:x="urn:x"><sheetData>' + "".join(sheet_tokens)
           + "</sheetData></worksheet>").encode()
    content = ("<office:document-content><office:spreadsheet>" + "".join(ods_tokens)
               + "</office:spreadsheet></office:document-content>").encode()
    stream = b"".join(kind.to_bytes(2, "little") + size.to_bytes(2, "little") + body
                      for kind, size, body in records)
    for scan, data in ((xlsx_extent, xml), (ods_extents, content),
                       (xls_sheets, stream)):
        try:
            result = scan(data)
        except UnreadableWorkbook:
            continue
        if scan is xlsx_extent:
            assert result[0] >= 0 and result[1] >= 0


_cell_forms = st.sampled_from(["plain", "plain-empty", "styled-empty", "no-ref", "prefixed",
                                "quoted", "attribute-after"])


@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 60), _cell_forms), max_size=25),
       st.booleans())
@settings(max_examples=150, deadline=None)
def test_sheet_extent_never_under_what_calamine_allocates(cells, rows_without_numbers):
    """Whatever the XML looks like, the pre-flight extent covers calamine's grid."""
    column_letters, xlsx = make_hostile.column_letter, make_hostile.xlsx
    by_row: dict[int, list[str]] = {}
    for row, col, form in cells:
        ref = f"{column_letters(col - 1)}{row}"
        by_row.setdefault(row, []).append({
            "plain": f'<c r="{ref}"><v>1</v></c>',
            "plain-empty": f'<c r="{ref}"></c>',
            "styled-empty": f'<c r="{ref}" s="1"/>',
            "no-ref": "<c><v>2</v></c>",
            "prefixed": f'<x:c r="{ref}"><x:v>3</x:v></x:c>',
            "quoted": f"<c r='{ref}' t='n'><v>4</v></c>",
            "attribute-after": f'<c t="n" s="0" r="{ref}"><v>5</v></c>'}[form])
    body = "".join((f'<row r="{row}">' if not rows_without_numbers else "<row>")
                   + "".join(parts) + "</row>" for row, parts in sorted(by_row.items()))
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.'
             f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData>'
             "</worksheet>")
    rows, cols = xlsx_extent(sheet.encode())
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(xlsx({"S": sheet})))
    grid = book.get_sheet_by_name("S")
    if grid.start is not None and grid.height:
        assert rows >= grid.start[0] + grid.height and cols >= grid.start[1] + grid.width


_ods_cells = st.sampled_from([
    '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
    "</table:table-cell>",
    '<table:table-cell table:number-columns-repeated="{n}" office:value-type="string">'
    "<text:p>x</text:p></table:table-cell>",
    '<table:table-cell table:number-columns-repeated="{n}"/>',
    "<table:table-cell/>", "<table:covered-table-cell/>",
    "<table:table-cell><text:p>ไม่มีชนิด</text:p></table:table-cell>",
    '<table:table-cell table:formula="of:=1+1"/>',
    "<table:table-cell table:number-columns-repeated='{n}' office:value-type='float' "
    "office:value='2'/>"])


@given(st.lists(st.tuples(st.integers(1, 30), st.lists(st.tuples(_ods_cells, st.integers(1, 30)),
                                                       max_size=6)), max_size=8))
@settings(max_examples=150, deadline=None)
def test_ods_extent_never_under_what_calamine_allocates(rows):
    body = "".join(
        (f'<table:table-row table:number-rows-repeated="{repeat}">' if repeat > 1
         else "<table:table-row>")
        + "".join(form.format(n=n) for form, n in cells) + "</table:table-row>"
        for repeat, cells in rows)
    data = make_hostile.ods(f'<table:table table:name="S">{body}</table:table>')
    content = open_zip(data).read("content.xml")
    rows_, cols = ods_extents(content).get("S", (0, 0))
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    grid = book.get_sheet_by_name("S")
    if grid.start is not None and grid.height:
        assert rows_ >= grid.start[0] + grid.height and cols >= grid.start[1] + grid.width


# --- random small workbooks ------------------------------------------------------------

cell = st.one_of(
    st.none(), st.none(), st.just("✓"), thai, odd_text,
    st.integers(-10**15, 10**15),
    st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False),
    st.sampled_from(["1", "แผนงานเคหะและชุมชน", "แผนงานงบกลาง", "ครุภัณฑ์สำนักงาน", "รวม",
                     "100,000", "หมู่ที่ 1", "1 ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"]))
_KEYS = [c.key for c in project_columns()]


@st.composite
def project_row(draw) -> list:
    """A valid project row with some of its cells replaced by odd values, or none."""
    row = {"strategy": "1", "group": "แผนงานเคหะและชุมชน", "name": draw(thai) or "ถนน",
           "activity": draw(thai) or "ก่อสร้าง", "budget": draw(st.integers(1, 10**9)),
           "place": "หมู่ที่ 1"}
    for key in draw(st.sets(st.sampled_from(MONTH_KEYS), min_size=1, max_size=3)):
        row[key] = "✓"
    cells = [row.get(key) for key in _KEYS]
    for index in draw(st.sets(st.integers(0, len(cells) + 1), max_size=3)):
        value = draw(cell)
        if index < len(cells):
            cells[index] = value
        else:
            cells.append(value)
    return cells


table_rows = st.lists(st.one_of(project_row(), st.lists(cell, max_size=len(_KEYS) + 2)),
                      max_size=12)
merges = st.lists(st.tuples(st.integers(1, 12), st.integers(0, len(PROJECT_LABELS) - 1),
                            st.integers(1, 4), st.integers(1, 2)), max_size=4)


def _write(ws, r: int, c: int, value) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        ws.write_string(r, c, str(value))
    else:
        ws.write_number(r, c, value)


def _workbook(path, projects, project_merges, equipment, title_rows: int) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_numbers": False,
                                           "strings_to_urls": False})
    info = book.add_worksheet("หน่วยงาน")
    for r, row in enumerate([["รายการ", "ค่า"], ["หน่วยงาน", "กองช่าง"], ["ปีงบประมาณ", 2568]]):
        for c, value in enumerate(row):
            _write(info, r, c, value)
    for name, labels_, rows, merged in (("โครงการ", PROJECT_LABELS, projects, project_merges),
                                        ("ครุภัณฑ์", EQUIPMENT_LABELS, equipment, [])):
        ws = book.add_worksheet(name)
        for r in range(title_rows):
            ws.write_string(r, 0, f"หัวเรื่อง {r + 1}")
        for c, label in enumerate(labels_):
            ws.write_string(title_rows, c, label)
        taken: set[tuple[int, int]] = set()
        for first, col, height, width in merged:  # vertical merges that do not overlap
            r1, r2 = title_rows + first, title_rows + first + height - 1
            c2 = col + width - 1
            area = {(r, c) for r in range(r1, r2 + 1) for c in range(col, c2 + 1)}
            if height + width > 2 and not area & taken:
                taken |= area
                top = rows[first - 1][col] if first - 1 < len(rows) and \
                    col < len(rows[first - 1]) else None
                ws.merge_range(r1, col, r2, c2, "")
                _write(ws, r1, col, top)
        for r, row in enumerate(rows, title_rows + 1):
            for c, value in enumerate(row):
                if (r, c) not in taken:
                    _write(ws, r, c, value)
    book.close()


def _non_empty_rows(path, table) -> int:
    """Rows under the table's header with a visible value in a column the table reads."""
    grid = read_sheet(open_workbook(path), table.sheet).grid
    read = set(table.header.columns.values())
    count = 0
    for row in grid[table.header.end + 1:]:
        if any(not is_blank(v) and (c in read or parse_int(v) is None)
               for c, v in enumerate(row)):
            count += 1
    return count


_PLAN: dict = {}


@given(table_rows, merges, table_rows, st.integers(0, 2))
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_workbooks_always_reconcile(tmp_path_factory, projects, project_merges,
                                           equipment, title_rows):
    if "plan" not in _PLAN:  # one plan folder for every example: only the submission changes
        _PLAN["plan"] = make_plan(tmp_path_factory.mktemp("fuzz"))
        _PLAN["settings"] = load_settings(_PLAN["plan"])
    plan_dir = _PLAN["plan"]
    path = plan_dir / SUBMISSIONS / "works.xlsx"
    _workbook(path, projects, project_merges, equipment, title_rows)
    submission = read_submission(path)
    report = check(plan_dir, _PLAN["settings"])  # never raises
    tally = next(t for t in report.files if t.file == "works.xlsx")
    assert tally.rows_read == tally.rows_planned + tally.rows_rejected
    assert tally.satang_read == tally.satang_planned + tally.satang_rejected
    assert tally.rows_planned == len(report.projects) + len(report.equipment)
    for table in submission.tables():
        # every non-empty row is a data, total, continuation or note row
        assert len(table.rows) + len(table.totals) + len(table.continuations) \
            + len(table.notes) == _non_empty_rows(path, table)
    assert tally.note_rows == sum(len(t.notes) for t in submission.tables())
    assert tally.note_rows == sum(f.code == "note-row" for f in report.findings
                                  if f.file == "works.xlsx")
    event(f"rows read {min(tally.rows_read, 6)}, planned {min(tally.rows_planned, 1)}")
    assert tally.rows_read == sum(len(t.rows) for t in submission.tables())
    # every rejected row has an error finding of its own, unless the whole table is out
    data_rows = {(t.sheet, raw.origin.row) for t in submission.tables() for raw in t.rows}
    errors = [f for f in report.errors if f.file == "works.xlsx"]
    if not any(f.code in ("missing-column", "column-ambiguous", "fiscal-year-mismatch")
               for f in errors):
        assert tally.rows_rejected == len({(f.sheet, f.row) for f in errors
                                           if (f.sheet, f.row) in data_rows})
    for item in report.projects:
        assert 0 < item.budget_satang <= MAX_BUDGET_BAHT * 100
        assert any(item.months) and len(item.months) == len(MONTH_KEYS)


# --- the settings workbook ---------------------------------------------------------------


@given(st.lists(st.tuples(st.sampled_from(["ข้อมูลทั่วไป", "ยุทธศาสตร์", "แผนงาน", "หน่วยงาน",
                                           "ครุภัณฑ์", "แผนพัฒนา", "ส่วนที่ 1"]),
                          st.integers(1, 8), st.integers(1, 4), values), max_size=12))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_odd_settings_values_give_a_settings_error_or_settings(tmp_path_factory, edits):
    """Whatever the planning officer types into plan.xlsx, reading it either works or
    stops with a SettingsError (a Thai message, exit 2) — never another exception."""
    import openpyxl

    from oplan_xl.core.errors import SettingsError
    from oplan_xl.core.settings_layout import SETTINGS_FILE
    from oplan_xl.read.settings import read_settings

    if "plan.xlsx" not in _PLAN:
        _PLAN["settings-dir"] = make_plan(tmp_path_factory.mktemp("settings"))
        _PLAN["plan.xlsx"] = (_PLAN["settings-dir"] / SETTINGS_FILE).read_bytes()
    path = _PLAN["settings-dir"] / "edited.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(_PLAN["plan.xlsx"]))
    for sheet, row, col, value in edits:
        if isinstance(value, float) and (value != value or value in (float("inf"), -float("inf"))):
            value = str(value)  # a cell cannot hold NaN or infinity
        if isinstance(value, str):
            value = value.replace("\x00", "")[:1000]
            value = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
        if isinstance(value, int) and abs(value) > 10**15:
            value = str(value)
        cell = book[sheet].cell(row, col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    book.save(path)
    try:
        read_settings(path)
    except SettingsError as exc:
        assert exc.message("th") and exc.exit_code == 2
