from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oplan_xl.core.model import (
    MONTHS,
    Settings,
    baht_to_satang,
    default_plan_kind,
    default_plan_period,
    format_baht,
    infer_edition,
    month_runs,
    percent,
    satang_to_decimal,
    to_arabic_digits,
    to_thai_digits,
    year_labels,
)


def test_months_run_october_to_september():
    assert MONTHS[0] == "ต.ค." and MONTHS[2] == "ธ.ค." and MONTHS[3] == "ม.ค."
    assert MONTHS[-1] == "ก.ย." and len(MONTHS) == 12


def test_year_labels_cover_previous_and_fiscal_year():
    assert year_labels(2568) == ("พ.ศ. 2567", "พ.ศ. 2568")
    assert year_labels(2568, thai_digits=True) == ("พ.ศ. ๒๕๖๗", "พ.ศ. ๒๕๖๘")


@pytest.mark.parametrize("year, edition", [(2550, "2548"), (2560, "2548"), (2561, "2559"),
                                           (2562, "2561"), (2568, "2561")])
def test_edition_inferred_from_fiscal_year(year, edition):
    assert infer_edition(year) == edition
    assert Settings("อบต.ก", year).edition == edition


@pytest.mark.parametrize("year, kind, period", [
    (2558, "แผนพัฒนาสามปี", "2558-2560"),
    (2561, "แผนพัฒนาท้องถิ่นสี่ปี", "2561-2564"),
    (2565, "แผนพัฒนาท้องถิ่นสี่ปี", "2561-2565"),
    (2566, "แผนพัฒนาท้องถิ่น", "2566-2570"),
    (2570, "แผนพัฒนาท้องถิ่น", "2566-2570"),
    (2571, "แผนพัฒนาท้องถิ่น", "2571-2575"),
])
def test_default_development_plan(year, kind, period):
    edition = infer_edition(year)
    assert default_plan_kind(edition, year) == kind
    assert default_plan_period(edition, year) == period


def test_percent_rounds_half_up_like_excel():
    # 1/8 = 12.5 % exactly; 1/800 = 0.125 % -> 0.13 (round() would give 0.12)
    assert percent(1, 800) == Decimal("0.13")
    assert round(0.125, 2) == 0.12  # the trap this avoids
    assert percent(1, 3) == Decimal("33.33")
    assert percent(2, 3) == Decimal("66.67")
    assert percent(5, 5) == Decimal("100.00")
    assert percent(0, 0) == Decimal("0.00")


def test_money_is_exact_satang():
    assert baht_to_satang(Decimal("1234.56")) == 123456
    assert baht_to_satang(Decimal("1500000")) == 150000000
    with pytest.raises(ValueError):
        baht_to_satang(Decimal("1.005"))
    assert satang_to_decimal(123456) == Decimal("1234.56")
    assert format_baht(123456789) == "1,234,567.89"
    assert format_baht(123456789, thai_digits=True) == "๑,๒๓๔,๕๖๗.๘๙"


def test_month_runs():
    marks = tuple(i in (0, 1, 6, 7, 11) for i in range(12))
    assert month_runs(marks) == [(0, 1), (6, 7), (11, 11)]
    assert month_runs((True,) * 12) == [(0, 11)]
    assert month_runs((False,) * 12) == []


@given(st.integers(min_value=0, max_value=10**12))
def test_thai_and_arabic_digits_agree(number):
    text = str(number)
    thai = to_thai_digits(text)
    assert not any(ch.isascii() and ch.isdigit() for ch in thai)
    assert to_arabic_digits(thai) == text
    assert int(to_arabic_digits(thai)) == number


@given(st.lists(st.integers(min_value=1, max_value=10**11), min_size=1, max_size=50))
def test_satang_sums_never_drift(amounts):
    decimal_sum = sum(satang_to_decimal(a) for a in amounts)
    assert baht_to_satang(decimal_sum) == sum(amounts)


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_baht_is_the_decimal_text(satang):
    assert format_baht(satang) == f"{satang_to_decimal(satang):,.2f}"
