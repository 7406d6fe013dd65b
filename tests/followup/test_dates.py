"""Dates as departments write them, and the round an as-of date falls in."""

from __future__ import annotations

import datetime as dt

import pytest

from oplan_xl.core.errors import UsageError
from oplan_xl.followup.reading import parse_date
from oplan_xl.followup.rounds import SIX_MONTHS, YEAR_END, report_round


@pytest.mark.parametrize("value", ["31/3/2568", "2568-03-31", "2025-03-31", "31/03/2025",
                                   "๓๑/๓/๒๕๖๘", "31 มี.ค. 68", "31 มีนาคม 2568",
                                   dt.date(2025, 3, 31), dt.datetime(2568, 3, 31)])
def test_one_day_written_many_ways(value):
    assert parse_date(value) == dt.date(2025, 3, 31)


@pytest.mark.parametrize("value", ["31/2/2568", "เดือนหน้า", "", 45747.0, None])
def test_not_dates(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("text, key", [("2567-10-01", SIX_MONTHS), ("2568-03-31", SIX_MONTHS),
                                       ("2025-04-01", YEAR_END), ("30/9/2568", YEAR_END)])
def test_round_of_the_as_of_date(text, key):
    assert report_round(text, 2568).key == key


@pytest.mark.parametrize("text", ["2567-09-30", "2568-10-01", "tomorrow"])
def test_as_of_outside_the_year_or_unreadable(text):
    with pytest.raises(UsageError):
        report_round(text, 2568)
