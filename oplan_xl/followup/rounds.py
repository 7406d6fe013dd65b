"""The as-of date of a report and the round it belongs to.

A fiscal year FY (BE) runs from 1 ต.ค. FY-1 to 30 ก.ย. FY.  The 6-month round
covers ต.ค.–มี.ค.: an as-of date on or before 31 มี.ค. of the fiscal year is that
round; a later one is the year-end round.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from oplan_xl.core.errors import UsageError
from oplan_xl.followup.reading import BE_OFFSET, parse_date

SIX_MONTHS = "6-months"
YEAR_END = "year-end"
ROUND_NAMES = {SIX_MONTHS: ("รอบ 6 เดือน (ต.ค.–มี.ค.)", "6-month"),
               YEAR_END: ("ประจำปี (สิ้นปีงบประมาณ)", "Year-end")}
THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


@dataclass(frozen=True)
class Round:
    key: str  # SIX_MONTHS or YEAR_END: the file names' part
    as_of: dt.date  # Christian era, as Python counts
    fiscal_year: int  # BE

    @property
    def thai(self) -> str:
        return ROUND_NAMES[self.key][0]

    @property
    def english(self) -> str:
        return ROUND_NAMES[self.key][1]


def fiscal_year_span(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of fiscal year *fiscal_year* (BE), in CE dates."""
    year = fiscal_year - BE_OFFSET
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def thai_date(day: dt.date) -> str:
    """``31 มีนาคม 2568``."""
    return f"{day.day} {THAI_MONTH_NAMES[day.month - 1]} {day.year + BE_OFFSET}"


def report_round(text: str, fiscal_year: int) -> Round:
    """The round of a report as of *text* (BE or CE); UsageError for a date that is
    not one, or falls outside the fiscal year."""
    day = parse_date(text.strip())
    if day is None:
        raise UsageError("report-bad-date", value=text)
    first, last = fiscal_year_span(fiscal_year)
    if not first <= day <= last:
        raise UsageError("report-date-outside-year", value=thai_date(day), year=fiscal_year,
                         first=thai_date(first), last=thai_date(last))
    key = SIX_MONTHS if day <= dt.date(first.year + 1, 3, 31) else YEAR_END
    return Round(key, day, fiscal_year)
