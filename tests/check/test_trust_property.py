"""Reader trust as a property (issue 14): workbooks generated with random habits
from the classes people were seen to use, each row's truth known in advance.

For every row the reader plans, the budget is the number a person sees in its
visible cells and the months are the cells marked or shaded; every other
non-empty row has an error finding at its own row; and the file's tally says
rows read = planned + rejected.  A habit the reader does not handle would show
up here as a wrong figure or a row with no finding, which is the failure that
matters: an error message is acceptable, a silent guess is not.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from oplan_xl.api import SUBMISSIONS, check, load_settings
from oplan_xl.core.layout import MONTH_KEYS
from oplan_xl.core.model import MONTHS

from ..builders import DATA, make_plan

sys.path.insert(0, str(DATA))
from make_fixtures import PROJECT_LABELS, C, Sheet, department, write_xlsx  # noqa: E402

FILE = "กองช่าง.xlsx"
SHEET = "โครงการ"
COLUMNS = ["strategy", "group", "name", "activity", "budget", "place", "responsible",
           *MONTH_KEYS, "note"]
GROUPS = ["แผนงานเคหะและชุมชน", "แผนงานการศึกษา", "แผนงานสาธารณสุข"]
FILL = "#92D050"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass
class Row:
    """One project as the person meant it, and how its cells were typed."""

    strategy: str
    group: str
    satang: int
    months: tuple[bool, ...]
    budget_as: str  # number, text, thai, formula
    #: mark, x, fill; or, for a run of months: span (written in its first cell),
    #: merged (one merged bar), arrows (← in the first, → in the last)
    months_as: str
    #: Hidden (or filtered out), struck through, or shown as typed ("").
    shown_as: str = ""
    #: Why the row cannot be planned ("" when it can): the cell shows no figure
    #: or no month is marked.
    fault: str = ""


@dataclass
class Habits:
    """How the department laid out its sheet."""

    title_rows: int
    order: list[str]
    month_headers: str  # labels, years, dates
    merge_strategy: bool
    hidden_last_year: bool
    blank_rows: list[int] = field(default_factory=list)
    #: The project sheet's name: the standard one, or one a person gave it.
    sheet: str = SHEET
    #: Budget in two columns, งบประมาณ (บาท) and สตางค์ beside it.
    satang_column: bool = False
    #: A column the form has not (ราคาต่อหน่วย) holding numbers, inside the table.
    unit_price_column: bool = False


budgets = st.integers(1, 5_000_000_00)  # satang, up to 5 million baht
month_sets = st.sets(st.integers(0, 11), min_size=1, max_size=12).map(
    lambda chosen: tuple(i in chosen for i in range(12)))
month_runs = st.tuples(st.integers(0, 11), st.integers(0, 11)).map(
    lambda ends: tuple(min(ends) <= i <= max(ends) for i in range(12)))
#: The findings that may say how a run of months was read (a shaded merged bar
#: with no mark is a bar of colour).
RUN_WARNINGS = {"span": {"month-span-in-cell"},
                "merged": {"month-bar-merged", "month-marked-by-fill"},
                "arrows": {"month-bar-arrows"}}


@st.composite
def rows(draw) -> Row:
    months_as = draw(st.sampled_from(["mark", "x", "fill", "span", "merged", "arrows"]))
    months = draw(month_runs if months_as in RUN_WARNINGS else month_sets)
    if months_as == "arrows" and sum(months) < 2:
        months_as = "mark"  # an arrow needs two ends
    row = Row(strategy=draw(st.sampled_from(["1", "2", "3"])),
              group=draw(st.sampled_from(GROUPS)), satang=draw(budgets), months=months,
              budget_as=draw(st.sampled_from(["number", "text", "thai", "formula"])),
              months_as=months_as)
    if draw(st.integers(0, 9)) == 0:
        row.fault = draw(st.sampled_from(["budget-not-number", "no-month"]))
    row.shown_as = draw(st.sampled_from(["", "", "", "hidden", "struck"]))
    return row


@st.composite
def habits(draw, count: int) -> Habits:
    order = list(COLUMNS)
    if draw(st.booleans()):  # columns moved about: budget first, months kept together
        order = draw(st.permutations(["strategy", "group", "name", "activity", "budget",
                                      "place", "responsible"])) + list(MONTH_KEYS) + ["note"]
    return Habits(title_rows=draw(st.integers(0, 3)), order=order,
                  month_headers=draw(st.sampled_from(["labels", "years", "dates"])),
                  merge_strategy=draw(st.booleans()),
                  hidden_last_year=draw(st.booleans()),
                  blank_rows=draw(st.lists(st.integers(0, max(count - 1, 0)), max_size=2)),
                  sheet=draw(st.sampled_from([SHEET, SHEET, "Sheet1", "โครงการ (2)"])),
                  satang_column=draw(st.booleans()),
                  unit_price_column=draw(st.booleans()))


def _baht(satang: int) -> Decimal:
    return (Decimal(satang) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _budget_cell(row: Row, satang_column: bool) -> object:
    """The budget as the person typed it; a formula's cached value carries the float
    noise of quantity × price, but shows the same two decimals.  With a สตางค์
    column, the baht alone."""
    if row.fault == "budget-not-number":
        return "รอประมาณการ"
    if satang_column:
        return row.satang // 100
    baht = _baht(row.satang)
    if row.budget_as == "text":
        return f"{baht:,.2f}"
    if row.budget_as == "thai":
        return f"{baht:,.2f}".translate(THAI_DIGITS)
    if row.budget_as == "formula":
        noisy = float(baht) * 3 / 3 + float(baht) * 1e-15
        return C(noisy, formula=f"={baht}*1")
    return float(baht) if row.satang % 100 else int(baht)


def _month_labels(style: str) -> list[object]:
    if style == "dates":  # typed as dates, shown as ต.ค.-67
        return [C(dt.datetime(2024 + (i + 9) // 12, (i + 9) % 12 + 1, 1), num_format="mmm-yy")
                for i in range(12)]
    if style == "years":
        return [f"{month} {67 if i < 3 else 68}" for i, month in enumerate(MONTHS)]
    return list(MONTHS)


def _sheet(records: list[Row], habit: Habits) -> tuple[Sheet, dict[int, Row]]:
    """The project sheet, and the Excel row of each record."""
    order = list(habit.order)
    if habit.satang_column:
        order.insert(order.index("budget") + 1, "satang")
    if habit.hidden_last_year:  # last year's budget kept in a hidden column beside
        order.insert(order.index("budget") + 1, "last_year")
    if habit.unit_price_column:
        order.insert(order.index("place"), "unit_price")
    sheet = Sheet(habit.sheet, [[f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 ({n + 1})"]
                                for n in range(habit.title_rows)])
    labels = dict(PROJECT_LABELS, last_year="งบประมาณ", satang="สตางค์",
                  unit_price="ราคาต่อหน่วย")
    if habit.satang_column:
        labels["budget"] = "งบประมาณ (บาท)"
    labels.update(zip(MONTH_KEYS, _month_labels(habit.month_headers), strict=True))
    sheet.rows.append([labels[key] for key in order])
    if habit.hidden_last_year:
        sheet.hidden_columns.add(order.index("last_year"))
    at: dict[int, Row] = {}
    for number, row in enumerate(records, 1):
        if number - 1 in habit.blank_rows:
            sheet.rows.append([])
        values = {"strategy": row.strategy, "group": row.group,
                  "name": f"โครงการพัฒนาชุมชนหมู่บ้าน ลำดับที่ {number}",
                  "activity": "จัดกิจกรรมร่วมกับประชาชนในพื้นที่",
                  "budget": _budget_cell(row, habit.satang_column),
                  "satang": row.satang % 100 or None, "unit_price": 250 + number,
                  "place": f"หมู่ที่ {number}", "responsible": "กองช่าง", "note": None,
                  "last_year": row.satang // 100 + 12_345}
        if row.shown_as == "struck":
            values["name"] = C(values["name"], strike=True)
        _month_cells(values, row)
        sheet.rows.append([values[key] for key in order])
        if row.months_as == "merged" and not row.fault:
            first = order.index(MONTH_KEYS[row.months.index(True)])
            last = first + sum(row.months) - 1
            if last > first:
                sheet.rows[-1][first] = None
                sheet.merges.append((len(sheet.rows) - 1, first, len(sheet.rows) - 1, last,
                                     C(None, fill=FILL)))
        at[len(sheet.rows)] = row
        if row.shown_as == "hidden":
            sheet.hidden_rows.add(len(sheet.rows) - 1)
    if habit.merge_strategy:
        _merge_strategy_runs(sheet, at, order.index("strategy"))
    return sheet, at


def _short_month(index: int) -> str:
    """ต.ค.67 … ก.ย.68: a month of fiscal year 2568 as people write it in a span."""
    return f"{MONTHS[index]}{67 if index < 3 else 68}"


def _month_cells(values: dict, row: Row) -> None:
    """The twelve month cells of a row, as the row's habit writes its months."""
    marked = [i for i, on in enumerate(row.months) if on]
    for index, key in enumerate(MONTH_KEYS):
        on = row.months[index] and row.fault != "no-month"
        if not on:
            values[key] = None
        elif row.months_as in ("fill", "merged"):
            values[key] = C(None, fill=FILL)
        elif row.months_as == "span":
            values[key] = (f"{_short_month(marked[0])}-{_short_month(marked[-1])}"
                           if index == marked[0] else None)
        elif row.months_as == "arrows":
            values[key] = "←" if index == marked[0] else "→" if index == marked[-1] else None
        else:
            values[key] = "✓" if row.months_as == "mark" else "X"


def _merge_strategy_runs(sheet: Sheet, at: dict[int, Row], column: int) -> None:
    """Strategy cells merged down over consecutive rows of one strategy."""
    excel_rows = sorted(at)
    start = 0
    while start < len(excel_rows):
        end = start
        while end + 1 < len(excel_rows) and excel_rows[end + 1] == excel_rows[end] + 1 \
                and at[excel_rows[end + 1]].strategy == at[excel_rows[start]].strategy:
            end += 1
        if end > start:
            first, last = excel_rows[start] - 1, excel_rows[end] - 1
            for index in range(first, last + 1):
                sheet.rows[index][column] = None
            sheet.merges.append((first, column, last, column, at[excel_rows[start]].strategy))
        start = end + 1


_PLAN: dict = {}


@st.composite
def workbooks(draw):
    records = draw(st.lists(rows(), min_size=1, max_size=8))
    return records, draw(habits(len(records)))


@given(workbooks())
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_every_row_is_planned_as_a_person_reads_it_or_reported(tmp_path_factory, drawn):
    records, habit = drawn
    if "plan" not in _PLAN:  # one plan folder for every example: only the submission changes
        _PLAN["plan"] = make_plan(tmp_path_factory.mktemp("trust"))
        _PLAN["settings"] = load_settings(_PLAN["plan"])
    plan_dir = _PLAN["plan"]
    sheet, at = _sheet(records, habit)
    write_xlsx(plan_dir / SUBMISSIONS / FILE, [department(), sheet])
    report = check(plan_dir, _PLAN["settings"])

    planned = {item.origin.row: item for item in report.projects if item.origin.file == FILE}
    errors_at = {f.row for f in report.errors if f.file == FILE and f.sheet == habit.sheet}
    warned = {(f.code, f.row) for f in report.warnings if f.file == FILE}
    # Every row with month cells shaded over all twelve months alike: a tinted month
    # area of the form, or projects running all year?  No evidence tells, so the
    # rows may be rejected (no-month) as long as each says so at its row.
    tinted = all(row.months_as in ("fill", "merged") and all(row.months)
                 for row in records if row.fault != "no-month")
    for excel_row, row in at.items():
        if row.fault:
            assert excel_row not in planned, f"row {excel_row} ({row.fault}) was planned"
            assert excel_row in errors_at, f"row {excel_row} ({row.fault}) has no error"
            continue
        codes = [f.code for f in report.findings if f.row == excel_row]
        if tinted and excel_row not in planned:
            assert excel_row in errors_at and "no-month" in codes, codes
            continue
        assert excel_row in planned, f"row {excel_row} not planned: {codes}"
        item = planned[excel_row]
        if row.shown_as == "hidden":
            assert ("row-hidden", excel_row) in warned
        if row.shown_as == "struck":
            assert ("row-struck-through", excel_row) in warned
        if row.months_as in RUN_WARNINGS and sum(row.months) > 1:
            assert any((code, excel_row) in warned for code in RUN_WARNINGS[row.months_as])
        assert item.budget_satang == row.satang, f"row {excel_row} budget"
        assert item.months == row.months, f"row {excel_row} months"
        assert (str(item.strategy.number), item.group.name) == (row.strategy, row.group), \
            f"row {excel_row} strategy or programme"
    (tally,) = [t for t in report.files if t.file == FILE]
    assert tally.rows_read == len(records)
    assert tally.rows_read == tally.rows_planned + tally.rows_rejected
    if not tinted:
        assert tally.rows_planned == sum(not row.fault for row in records)
    codes = {f.code for f in report.findings}
    assert ("column-hidden-not-read" in codes) == habit.hidden_last_year
    assert ("sheet-read-as" in codes) == (habit.sheet != SHEET)
    assert ("column-not-read" in codes) == habit.unit_price_column
    event(f"headers {habit.month_headers}, hidden column {habit.hidden_last_year}, "
          f"สตางค์ column {habit.satang_column}")
