"""speed.text: the remembered text rules answer exactly as the rules themselves."""

from __future__ import annotations

import pytest

from oplan_xl.core import normalise
from oplan_xl.speed import text


@pytest.mark.parametrize("values", [
    (1, 1.0, True, "1", " 1 "),
    (0, 0.0, False, "", None),
    ("น\u0e4d\u0e48า", "น่ำ", "งบประมาณ\n(บาท)", "๒. ยุทธศาสตร์"),
])
def test_remembered_rules_agree_with_the_rules_value_by_value(values):
    for function in (text.clean_text, text.label_key):
        function.cache_clear()
    for value in values + values:  # the second time from the memo
        assert text.clean_text(value) == normalise.clean_text(value)
        assert text.label_key(value) == normalise.label_key(value)


def test_equal_numbers_of_other_types_are_remembered_apart():
    text.clean_text.cache_clear()
    assert [text.clean_text(v) for v in (1, 1.0, True, 1)] == ["1", "1", "True", "1"]


def test_month_marks_remembered_per_row_of_cells():
    row = ("✓", "", None, 0, 1, "-", "x", "๑", "ไม่", 0.0, True, "  ")
    text.month_marks.cache_clear()
    assert text.month_marks(row) == normalise.month_marks(row) == text.month_marks(row)
