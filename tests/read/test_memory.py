"""Issue 14, class 10: a very large sheet is refused or read in bounded memory.

A sheet's extent is measured from its XML unpacked a chunk at a time
(``guards.xlsx.sheet_extent``): the answer must not depend on where the chunks
end, and must never be under calamine's grid.  A large sheet's grid is built
row by row with one string per distinct text (``workbook._python_grid``): the
same values as calamine's ``to_python``.  The 200,000-row sheet of the issue
itself is a hostile case (``rows-200000-compact.xlsx``, memory measured by
tests/read/test_hostile.py); bench/memory.py prints the peaks of its variants.
"""

from __future__ import annotations

import io
import sys

import pytest
import python_calamine
from hypothesis import given, settings
from hypothesis import strategies as st

from oplan_xl.core import limits
from oplan_xl.read.guards import xlsx as guard
from oplan_xl.read.guards.refusal import UnreadableWorkbook
from oplan_xl.read.workbook import _python_grid, open_workbook, read_sheet

from ..builders import DATA

sys.path.insert(0, str(DATA / "hostile"))
import make_hostile  # noqa: E402

HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main"><sheetData>')
TAIL = "</sheetData></worksheet>"


def in_chunks(xml: bytes, size: int):
    return lambda: (xml[at:at + size] for at in range(0, len(xml), size))


def extent(xml: bytes, size: int) -> tuple[int, int] | str:
    try:
        return guard.sheet_extent(in_chunks(xml, size), len(xml), lambda: xml)
    except UnreadableWorkbook as refused:
        return refused.code


# Cells that hold something, formatted empty cells far out (the second pass
# must leave them out), and the odd forms that send a sheet to the careful pass.
_TOKENS = ['<row r="3">', "</row>", '<c r="B3"><v>1</v></c>', '<c r="C3" t="s"><v>0</v></c>',
           '<c r="AB7" t="inlineStr"><is><t>ก&lt;ข</t></is></c>', '<c r="XFD1048576" s="1"/>',
           '<c r="A200000" s="2"></c>', '<c r="ZZ5" s="1">  </c>', '<c r="D200001"><v>2</v></c>',
           '<c r="E9" x="a&lt;b"><v>3</v></c>', "<c r='F4'><v>4</v></c>", "<c><v>5</v></c>",
           '<c r="G2" t="str"><f>IF(A1="",0,1)</f><v>0</v></c>', "<cols>", "</cols>",
           '<col min="1" max="3" hidden="1"/>', "text ", "&amp;"]


@given(st.lists(st.sampled_from(_TOKENS), max_size=40), st.integers(1, 64))
@settings(max_examples=300, deadline=None)
def test_the_extent_does_not_depend_on_where_the_chunks_end(tokens, size):
    xml = (HEAD + "".join(tokens) + TAIL).encode()
    assert extent(xml, size) == extent(xml, len(xml))


def test_a_cell_split_across_chunks_is_still_seen():
    xml = (HEAD + '<row r="2"><c r="A2"><v>1</v></c></row>'
           '<row r="150000"><c r="B150000" s="1"></c><c r="C150000"><v>1</v></c></row>'
           + TAIL).encode()
    for size in range(1, 80):
        assert extent(xml, size) == (150_000, 26), size


@pytest.mark.parametrize("rows, far, expected", [
    (3, '<c r="XFD1048576" s="1"/>', (4, 26)),  # formatted to the corner: read
    (3, '<c r="A1048576" s="1">\n</c>', (4, 26)),
    (3, '<c r="A1048576"><v>1</v></c>', (1_048_576, 26)),
    (3, '<c r="A1048576" s="1"> <v>1</v></c>', (1_048_576, 26)),  # content after a space
    (3, '<c r="A1048576">text</c>', (1_048_576, 26)),  # not sure it is empty: it counts
])
def test_far_cells_count_only_when_they_may_hold_something(rows, far, expected):
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, rows + 2))
    xml = (HEAD + body + f'<row r="1048576">{far}</row>' + TAIL).encode()
    assert extent(xml, 7) == expected == extent(xml, len(xml))


def test_a_run_of_megabytes_without_a_tag_is_refused_without_holding_it():
    xml = (HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>' + "ก" * (2 * limits.MB)
           + "</t></is></c></row>" + TAIL).encode()
    assert extent(xml, limits.MB) == "sheet-too-large"


def _offset_sheet(first_row: int, first_col: int, count: int) -> bytes:
    letter = make_hostile.column_letter
    rows = "".join(
        f'<row r="{r}"><c r="{letter(first_col)}{r}"><v>{r}</v></c><c r="{letter(first_col + 2)}'
        f'{r}" t="inlineStr"><is><t>โครงการ {r % 3}</t></is></c></row>'
        for r in range(first_row + 1, first_row + count + 1))
    return make_hostile.xlsx({"S": make_hostile.sheet_xml([], rows)})


@pytest.mark.parametrize("first_row, first_col", [(0, 0), (2, 3), (0, 2), (4, 0)])
def test_a_large_grid_holds_what_calamine_gives_one_string_per_text(first_row, first_col):
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(
        _offset_sheet(first_row, first_col, limits.MANY_ROWS + 5)))
    values = book.get_sheet_by_name("S")
    grid = _python_grid(values)
    assert grid == values.to_python(skip_empty_area=False)
    text = first_col + 2
    same, again = grid[first_row + 3][text], grid[first_row + 6][text]
    assert same.startswith("โครงการ ") and same is again


def test_a_sheet_is_measured_before_it_is_held_in_memory(monkeypatch, tmp_path):
    """A large part's extent comes from the part unpacked in chunks: a refused
    sheet's XML is never read whole, and a read sheet's XML is unpacked once."""
    import oplan_xl.read.workbook as workbook_module

    whole_reads = []
    real = workbook_module.read_part
    monkeypatch.setattr(workbook_module, "read_part",
                        lambda archive, name: whole_reads.append(name) or real(archive, name))
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    monkeypatch.setattr(workbook_module, "CHUNK_BYTES", 256)  # sheet2 is "large"
    path = tmp_path / "rows.xlsx"
    path.write_bytes(make_hostile.compact_rows(60, fields=("strategy", "name", "budget")))
    workbook = open_workbook(path)
    assert len(read_sheet(workbook, "หน่วยงาน").grid) == 3  # a small part: read once
    with pytest.raises(UnreadableWorkbook) as refused:
        read_sheet(workbook, "โครงการ")
    assert (refused.value.code, refused.value.sheet) == ("sheet-too-large", "โครงการ")
    assert str(refused.value.reason) == "values reach row 61, beyond row 50"
    assert whole_reads.count("xl/worksheets/sheet1.xml") == 1
    assert "xl/worksheets/sheet2.xml" not in whole_reads


@pytest.mark.parametrize("inline, dimension", [(False, None), (False, "A1"), (True, None),
                                               (False, "A1:V2502")])
def test_a_big_legitimate_sheet_is_read_whole_however_it_is_written(tmp_path, inline, dimension):
    """2,501 rows (over MANY_ROWS: the grid is built row by row), text shared or
    inline, with no <dimension>, a lying one or the true one: every row read."""
    from oplan_xl.read.submission import read_submission

    path = tmp_path / "big.xlsx"
    path.write_bytes(make_hostile.compact_rows(2_501, inline=inline, dimension=dimension))
    submission = read_submission(path)
    rows = submission.projects.rows
    assert len(rows) == 2_501
    assert [f.code for f in submission.findings] == ["table-very-large"]
    last = rows[-1]
    assert last.origin.row == 2_502
    assert last.values["name"] == "โครงการรณรงค์คัดแยกขยะต้นทาง หมู่ที่ 2 ลำดับ 2501"
    assert last.values["budget"] == 2_502_000.5
    assert [index for index, marked in enumerate(last.months.marks) if marked] == [5, 6, 7]
