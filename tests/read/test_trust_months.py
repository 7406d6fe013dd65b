"""Issue 14 class 5, months: every way people mark the months a project runs is
read whole with a warning saying how, or is a finding at its cell — never a
bar cut short.  Fixtures: tests/data/trust_months.py."""

import datetime as dt

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oplan_xl.api import check
from oplan_xl.core.layout import project_columns
from oplan_xl.core.normalise import month_spans, months_in_text
from oplan_xl.read.months import (
    BACKWARDS,
    BOTH,
    LEFT,
    LINE,
    MARK,
    NONE,
    ODD,
    RIGHT,
    SPAN,
    WORDS,
    cell_kind,
)
from oplan_xl.read.submission import read_submission

from ..builders import plan_with, positions

ALL = tuple(range(1, 13))


def months(*numbers):
    """The months tuple for 1-based fiscal months."""
    return tuple(index + 1 in numbers for index in range(12))


def span(first, last):
    return tuple(range(first, last + 1))


def outcome(tmp_path, name):
    """(planned rows as (sheet, row, 1-based months), findings as (cell, code))."""
    report = check(plan_with(tmp_path, name))
    planned = [(p.origin.sheet, p.origin.row, tuple(n + 1 for n, m in enumerate(p.months) if m))
               for p in report.projects + report.equipment]
    return planned, [(cell, code) for _, cell, code in positions(report)], report


P, E = "โครงการ", "ครุภัณฑ์"


def test_a_span_written_in_one_month_cell_is_read_whole(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-spans.xlsx")
    assert planned == [
        (P, 2, span(1, 6)), (P, 3, span(1, 3)), (P, 4, span(1, 6)), (P, 5, ALL), (P, 6, ALL),
        (P, 7, ALL), (P, 8, ALL), (P, 9, (4, 5, 6, 10)), (P, 10, span(1, 3)),
        (P, 11, span(7, 9)), (P, 12, span(4, 6)), (P, 15, (4,)), (P, 17, (4,)),
        (E, 2, span(4, 6)), (E, 3, (2, 3))]
    assert sorted(found) == sorted([
        ("H2", "month-span-in-cell"), ("H3", "month-span-in-cell"),
        ("H4", "month-span-in-cell"), ("H5", "month-span-in-cell"),
        ("K6", "month-span-in-cell"), ("H7", "month-span-in-cell"),
        ("H8", "month-span-in-cell"),  # ต.ค. 67 - ก.ย. 68 in a cell merged across H:S
        ("K9", "month-span-in-cell"), ("H10", "month-span-in-cell"),
        ("N11", "month-span-in-cell"), ("K12", "month-span-in-cell"),
        ("M13", "month-span-backwards"),  # มี.ค.-ต.ค.
        ("H14", "month-span-backwards"),  # ก.ย.67-ต.ค.67 crosses into the next year
        ("H16", "month-unreadable"),      # ม.ค. written in the ต.ค. cell
        ("H18", "month-unreadable"),      # a date in ก.พ. in the ต.ค. cell
        ("K2", "month-span-in-cell"), ("I3", "month-bar-merged")])  # the equipment rows


def test_the_span_warning_names_the_words_and_the_months(tmp_path):
    *_, report = outcome(tmp_path, "trust-months-spans.xlsx")
    first = next(f for f in report.findings if f.cell == "H2")
    assert (first.sheet, first.row, first.column, first.severity) == (P, 2, "ต.ค.", "warning")
    assert dict(first.params) == {"words": "ต.ค.67-มี.ค.68",
                                  "months": "ต.ค., พ.ย., ธ.ค., ม.ค., ก.พ., มี.ค."}
    assert "ต.ค.67-มี.ค.68" in first.message("th")


def test_a_bar_merged_across_month_cells_is_every_month_it_covers(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-merged.xlsx")
    assert planned == [
        (P, 2, span(1, 6)), (P, 3, span(4, 6)), (P, 4, ALL), (P, 5, (1, 4, 5, 6)),
        (P, 6, span(1, 3)), (P, 7, span(1, 3)),  # one merge over two rows
        (P, 8, span(7, 9)), (P, 9, (10,)),       # an empty merge with no colour: nothing
        (P, 10, (1, 4, 5, 6)), (P, 12, (1,)), (P, 13, (1,)), (P, 14, (10,))]
    assert found == [
        ("H11", "month-unreadable"),             # "2" in a merged bar
        ("H13", "month-bar-merged"),             # ✓ merged down from row 12
        ("H2", "month-bar-merged"), ("H4", "month-bar-merged"), ("H6", "month-bar-merged"),
        ("H7", "month-bar-merged"), ("K10", "month-marked-by-fill"),
        ("K3", "month-marked-by-fill"), ("K5", "month-bar-merged"),
        ("N8", "month-bar-merged")]


def test_arrows_at_the_two_ends_are_the_whole_span(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-arrows.xlsx")
    assert planned == [
        (P, 2, span(3, 6)), (P, 3, span(1, 3)), (P, 4, (4,)), (P, 5, span(4, 6)),
        (P, 6, ALL), (P, 9, span(1, 3)), (P, 11, (7,)), (P, 12, span(1, 5)),
        (P, 14, (1, 2, 3, 4, 7))]
    assert found == [
        ("H10", "month-arrow-unmatched"),        # ← ต.ค., ← ม.ค., → มี.ค.
        ("H12", "month-bar-arrows"), ("H14", "month-bar-arrows"), ("H3", "month-bar-arrows"),
        ("H6", "month-bar-arrows"), ("H9", "month-bar-arrows"),
        ("I7", "month-arrow-unmatched"),         # ← with no →
        ("J2", "month-bar-arrows"), ("K10", "month-bar-arrows"),
        ("K13", "month-unreadable"),             # a drawn line with no arrow head
        ("K4", "month-bar-arrows"), ("K5", "month-bar-arrows"),
        ("M8", "month-arrow-unmatched"),         # → with no ←
        ("N11", "month-bar-arrows")]


def test_marks_words_and_what_cannot_be_read(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-marks.xlsx")
    # ✓ ✔ / x X * ● ■ • 1 ๑ ü P √ v ดำเนินการ ✓✓: marks, read silently; อบรม: read, warned
    assert planned == [(P, n, ((n - 2) % 12 + 1,)) for n in range(2, 20)]
    assert found == [
        ("M19", "month-mark-words"), ("N20", "month-unreadable"),   # ดำเนินการ?
        ("O21", "month-unreadable"), ("P22", "month-unreadable"),   # "2", 2
        ("Q23", "month-unreadable"), ("R24", "month-unreadable"),   # x?, 0.5
        ("S25", "month-unreadable")]                                # ยกเลิก


def test_all_twelve_months_shaded_as_a_bar(tmp_path):
    planned, found, report = outcome(tmp_path, "trust-months-shaded.xlsx")
    assert planned == [(P, 2, ALL), (P, 3, (4,)), (P, 4, span(7, 9))]
    assert found == [("H2", "month-marked-by-fill"),
                     ("H5", "no-month"),   # the name cell shares the colour: a highlighted row
                     ("H6", "no-month"),   # the budget cell shares it
                     ("N4", "month-marked-by-fill")]
    assert next(f for f in report.findings if f.cell == "H2").severity == "warning"
    planned, found, _ = outcome(tmp_path / "one", "trust-months-shaded-one-row.xlsx")
    assert (planned, found) == ([(P, 2, ALL)], [("H2", "month-marked-by-fill")])


@pytest.mark.parametrize("name, planned, found", [
    # the header's month cells in the same tint
    ("trust-months-tinted-header.xlsx", [(P, 3, (1,)), (P, 4, span(4, 6))],
     [("H2", "no-month"), ("K4", "month-marked-by-fill")]),
    # empty template rows below in the same tint
    ("trust-months-tinted-template-rows.xlsx", [(P, 3, (4,))], [("H2", "no-month")]),
    # every row of the table shaded alike, none marked
    ("trust-months-tinted-every-row.xlsx", [],
     [("H2", "no-month"), ("H3", "no-month"), ("H4", "no-month")]),
])
def test_a_tinted_month_area_is_background(tmp_path, name, planned, found):
    assert outcome(tmp_path, name)[:2] == (planned, found)


def test_a_shaded_bar_with_a_mark_in_some_of_its_cells_is_the_whole_bar(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-bar-beside-marks.xlsx")
    assert planned == [(P, 2, span(1, 6)), (P, 3, ALL),
                       (P, 4, (4,)),  # the green ก.ค. touches no mark: not a bar of it
                       (P, 5, span(1, 6))]
    # ... but it is said, at its cell, never passed over
    assert found == [("H3", "month-marked-by-fill"), ("I2", "month-marked-by-fill"),
                     ("I5", "month-marked-by-fill"), ("Q4", "month-fill-not-counted")]


def test_bars_shaded_over_a_tinted_template(tmp_path):
    planned, found, _ = outcome(tmp_path, "trust-months-tint-and-bars.xlsx")
    assert planned == [(P, 2, span(1, 3)), (P, 4, ALL)]
    assert found == [("H3", "no-month"),  # only the template's grey
                     ("H4", "month-marked-by-fill"), ("I2", "month-marked-by-fill")]


MIXED = [(P, 2, span(1, 6)), (P, 3, span(4, 6)), (P, 4, span(3, 6)), (P, 5, ALL),
         (P, 6, (1, 4, 5, 6)), (P, 7, (7,)), (P, 8, span(10, 12))]
MIXED_FOUND = [("H2", "month-span-in-cell"), ("H5", "month-marked-by-fill"),
               ("J4", "month-bar-arrows"), ("K3", "month-bar-merged"),
               ("K6", "month-marked-by-fill"), ("Q8", "month-marked-by-fill")]


@pytest.mark.parametrize("name", ["trust-months-mixed.xlsx", "trust-months-mixed.ods",
                                  "trust-months-mixed-resaved.xlsx"])
def test_xlsx_and_ods_read_the_months_alike(tmp_path, name):
    assert outcome(tmp_path, name)[:2] == (MIXED, MIXED_FOUND)


def test_what_an_xls_cannot_show_is_a_finding_not_a_shorter_bar(tmp_path):
    planned, found, report = outcome(tmp_path, "trust-months-mixed.xls")
    assert planned == [MIXED[0], MIXED[1], MIXED[2], MIXED[5]]
    assert found == [("H2", "month-span-in-cell"), ("H5", "no-month"), ("H8", "no-month"),
                     ("J4", "month-bar-arrows"), ("K3", "month-bar-merged"),
                     ("K6", "month-colour-unknown")]  # ✓ ต.ค. is there, the bar is not seen
    unknown = next(f for f in report.findings if f.code == "month-colour-unknown")
    assert (unknown.severity, dict(unknown.params)["months"]) == ("error", "ม.ค., ก.พ., มี.ค.")


@pytest.mark.parametrize("value, month, kind, named", [
    ("✓", 3, MARK, (3,)), ("✔", 0, MARK, (0,)), (" x ", 5, MARK, (5,)), (1, 2, MARK, (2,)),
    (1.0, 2, MARK, (2,)), (True, 4, MARK, (4,)), ("๑", 1, MARK, (1,)), ("ü", 1, MARK, (1,)),
    ("ดำเนินการ", 7, MARK, (7,)), ("", 0, NONE, ()), (None, 0, NONE, ()), (0, 0, NONE, ()),
    ("-", 0, NONE, ()), ("--", 0, NONE, ()), ("ไม่มี", 0, NONE, ()), (False, 0, NONE, ()),
    ("อบรม", 3, WORDS, (3,)), ("2", 0, ODD, ()), (2, 0, ODD, ()), (50000, 0, ODD, ()),
    ("x?", 0, ODD, ()), ("ดำเนินการ?", 0, ODD, ()), ("งดดำเนินการ", 0, ODD, ()),
    ("←", 2, LEFT, (2,)), ("<---", 2, LEFT, (2,)), ("--->", 5, RIGHT, (5,)),
    ("►", 5, RIGHT, (5,)), ("←――→", 3, BOTH, (3,)), ("<-->", 3, BOTH, (3,)),
    ("↔", 3, BOTH, (3,)), ("―――", 3, LINE, (3,)),
    ("ต.ค.67-มี.ค.68", 0, SPAN, span(0, 5)), ("ตลอดปี", 4, SPAN, tuple(range(12))),
    ("ม.ค.", 3, MARK, (3,)), ("ม.ค.", 0, ODD, ()), ("มี.ค.-ต.ค.", 0, BACKWARDS, ()),
    (dt.datetime(2025, 1, 15), 3, MARK, (3,)), (dt.datetime(2024, 10, 1), 0, MARK, (0,)),
    (dt.datetime(2025, 1, 15), 4, ODD, ()),
])
def test_what_one_month_cell_says(value, month, kind, named):
    assert cell_kind(value, month)[:2] == (kind, named)


@pytest.mark.parametrize("text, spans", [
    ("ต.ค.67-มี.ค.68", [(0, 5, True)]), ("ต.ค.-ธ.ค.", [(0, 2, True)]),
    ("ตุลาคม 2567 - มีนาคม 2568", [(0, 5, True)]), ("ต.ค ๖๗ – ธ.ค ๖๗", [(0, 2, True)]),
    ("เม.ย. ถึง มิ.ย.", [(6, 8, True)]), ("ไตรมาสที่ 1", [(0, 2, True)]),
    ("ตลอดปี", [(0, 11, True)]), ("12 เดือน", [(0, 11, True)]),
    ("มี.ค.-ต.ค.", [(5, 0, False)]), ("ก.ย.67-ต.ค.67", [(11, 0, False)]),
    ("ต.ค.2024-ธ.ค.2024", [(0, 2, True)]), ("ถนน คสล. หมู่ 5", []),
])
def test_month_spans(text, spans):
    assert [(first, last, forward) for _, first, last, forward in month_spans(text)] == spans


def test_months_in_text_still_reads_a_backwards_span_as_its_months():
    assert months_in_text("ดำเนินการ มี.ค.-ม.ค.")[1] == (3, 4, 5)


# --- a property over generated rows: the months a person sees, or an error ---

HABITS = ("marks", "span", "merged", "arrows", "shaded", "mark-and-shade")
_SHORT = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
          "ส.ค.", "ก.ย.")


@st.composite
def marked_row(draw):
    """A row's intended months (a run, first to last, 0-based) and the habit that marks it."""
    first = draw(st.integers(0, 11))
    last = draw(st.integers(first, 11))
    return first, last, draw(st.sampled_from(HABITS)), draw(st.sampled_from(["✓", "x", "●", 1]))


def _write_rows(path, rows) -> None:
    """A department workbook whose project rows mark their months by *rows*' habits."""
    labels = [c.label for c in project_columns()]
    first_month = [c.key for c in project_columns()].index("m01")
    book = xlsxwriter.Workbook(str(path))
    info = book.add_worksheet("หน่วยงาน")
    info.write_row(0, 0, ["หน่วยงาน", "กองช่าง"])
    sheet = book.add_worksheet("โครงการ")
    sheet.write_row(0, 0, labels)
    shade = book.add_format({"bg_color": "#FFC000", "pattern": 1})
    for r, (first, last, habit, mark) in enumerate(rows, 1):
        sheet.write_row(r, 0, ["1", "แผนงานเคหะและชุมชน", f"ถนนสายที่ {r}", "ถนนกว้าง 4 เมตร",
                               100000, "หมู่ที่ 1"])
        h, t = first_month + first, first_month + last
        if habit == "marks":
            for c in range(h, t + 1):
                sheet.write(r, c, mark)
        elif habit == "span":
            sheet.write(r, h, f"{_SHORT[first]}-{_SHORT[last]}")
        elif habit == "merged" and last > first:
            sheet.merge_range(r, h, r, t, mark)
        elif habit == "merged":
            sheet.write(r, h, mark)
        elif habit == "arrows" and last > first:
            sheet.write(r, h, "←")
            sheet.write(r, t, "→")
            for c in range(h + 1, t):
                sheet.write(r, c, "-")
        elif habit == "arrows":
            sheet.write(r, h, "←→")
        else:  # shaded, with a mark in its first cell or none
            for c in range(h, t + 1):
                sheet.write_blank(r, c, None, shade)
            if habit == "mark-and-shade":
                sheet.write(r, h, mark, shade)
    book.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(marked_row(), min_size=1, max_size=6))
def test_every_bar_is_read_whole_or_is_an_error_at_its_row(tmp_path, rows):
    path = tmp_path / "months.xlsx"
    _write_rows(path, rows)
    table = read_submission(path).projects
    assert len(table.rows) == len(rows)
    for raw, (first, last, habit, _) in zip(table.rows, rows, strict=True):
        intended = tuple(first <= m <= last for m in range(12))
        if raw.months.marks == intended:
            continue
        # only a colour over a whole year, on two rows, may be taken for the form's
        # tint: a row shaded in it is then an error (no-month), a row marked in
        # some of its months says its other months were not counted
        assert habit in ("shaded", "mark-and-shade"), (habit, raw.months)
        assert any(row[:2] == (0, 11) and row[2] in ("shaded", "mark-and-shade") for row in rows)
        codes = {note.code for note in raw.months.notes}
        assert codes & {"no-month", "month-tint-not-counted"}, (habit, raw.months)
