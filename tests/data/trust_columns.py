"""Fixtures of reader trust, classes 1, 2 and 8 (issue 14): which column holds a field.

Two columns for the budget (last year's kept beside this year's, hidden or not,
labelled with years or synonyms), a budget spread over columns (บาท | สตางค์,
years under a merged งบประมาณ), numbers in a column no label names, row-number
columns, month headers typed as dates, and a header missing a column.  Every
department sheet says กองช่าง and 2568 unless the case is about the year; the
projects are project(1) (100,000 baht, in E unless said) and project(2) (200,000).
"""

from __future__ import annotations

import datetime as dt

from make_fixtures import (
    EQUIPMENT_KEYS,
    EQUIPMENT_LABELS,
    PROJECT_KEYS,
    PROJECT_LABELS,
    C,
    Sheet,
    department,
    equipment,
    project,
    table,
)

EQUIPMENT = "ครุภัณฑ์"
PROJECTS = "โครงการ"


def _with(after: str, extra: dict[str, str], keys=PROJECT_KEYS) -> list[str]:
    """*keys* with the *extra* keys inserted after the key *after*."""
    at = keys.index(after) + 1
    return [*keys[:at], *extra, *keys[at:]]


def _projects(extra: dict[str, str], after: str = "budget", values=({}, {}),
              labels: dict[str, str] | None = None, titles=()) -> Sheet:
    """The โครงการ sheet with the columns *extra* (key → label) after *after*;
    *values* are each project's values of them (and any others)."""
    keys = _with(after, extra)
    records = [project(number, **dict(more)) for number, more in enumerate(values, 1)]
    return table(PROJECTS, records, keys=keys,
                 labels={**PROJECT_LABELS, **extra, **(labels or {})}, titles=titles)


def _book(sheet: Sheet, year=2568, equipment_sheet: Sheet | None = None) -> list[Sheet]:
    return [department("กองช่าง", year), sheet,
            equipment_sheet or table(EQUIPMENT, [])]


def _hidden_last_year(side: str, label: str = "งบประมาณ") -> list[Sheet]:
    """Last year's budget (130,000 and 80,000) in a hidden column left or right of
    this year's (E then)."""
    old = {"old": label}
    values = ({"old": 130000}, {"old": 80000})
    sheet = (_projects(old, "activity", values) if side == "left"
             else _projects(old, "note", values))
    sheet.hidden_columns = {sheet.rows[0].index(label)}
    return _book(sheet)


def _hidden_this_year() -> list[Sheet]:
    """The evidence disagrees: this year's column (งบประมาณ ปี 2568, E) hidden, last
    year's (ปี 2567, F) visible."""
    sheets = _two_years("งบประมาณ ปี 2568", "งบประมาณ ปี 2567")
    sheets[1].hidden_columns = {4}
    return sheets


def _two_years(this: str, last: str, this_first: bool = True,
               year=2568) -> list[Sheet]:
    """Two visible budget columns labelled *this* (E: the projects' budgets) and
    *last* (130,000 and 80,000), last year's right of this year's or left of it."""
    values = ({"old": 130000}, {"old": 80000})
    if this_first:
        sheet = _projects({"old": last}, "budget", values, labels={"budget": this})
    else:
        sheet = _projects({"old": last}, "activity", values, labels={"budget": this})
    return _book(sheet, year)


def _band(sub: tuple[object, object], parts=(None, None), merged=True,
          budgets=(100000, 200000)) -> list[Sheet]:
    """A header over two rows: งบประมาณ over E:F (merged or written in E alone), the
    sub-labels *sub* under E and F, every other label in the first row; E and F of
    each project hold its budget and *parts*."""
    keys = _with("budget", {"part": ""})
    values = [{"budget": b, "part": p} for b, p in zip(budgets, parts, strict=True)]
    sheet = table(PROJECTS, [project(n, **v) for n, v in enumerate(values, 1)], keys=keys,
                  labels={**PROJECT_LABELS, "part": None})
    budget = keys.index("budget")
    sub_row = [None] * len(keys)
    sub_row[budget], sub_row[budget + 1] = sub
    sheet.rows.insert(1, sub_row)
    if merged:
        sheet.rows[0][budget] = None
        sheet.merges.append((0, budget, 0, budget + 1, "งบประมาณ"))
    else:
        sheet.rows[0][budget] = "งบประมาณ"
    return _book(sheet)


def _satang_beside(parts) -> list[Sheet]:
    """งบประมาณ (บาท) in E and สตางค์ in F, one header row."""
    values = [{"part": part} for part in parts]
    values += [{}] * (3 - len(values))
    sheet = _projects({"part": "สตางค์"}, "budget", values)
    return _book(sheet)


def _unknown_numbers() -> list[Sheet]:
    """Columns the form has not: ราคาต่อหน่วย (numbers, between the budget and the
    place), ตัวชี้วัด (text only) and one with no label (numbers), then the note."""
    extra = {"unit_price": "ราคาต่อหน่วย", "kpi": "ตัวชี้วัด", "nolabel": None}
    values = ({"unit_price": 500, "kpi": "ร้อยละ 80", "nolabel": 3},
              {"unit_price": "1,200", "kpi": "ร้อยละ 90"},
              {"kpi": "ร้อยละ 95", "nolabel": 7.5})
    return _book(_projects(extra, "budget", values))


def _row_numbers() -> list[Sheet]:
    """A ที่ column before the strategy, and an unlabelled running number at the end."""
    keys = ["rowno", *PROJECT_KEYS, "running"]
    values = [{"rowno": n, "running": n} for n in (1, 2, 3)]
    sheet = table(PROJECTS, [project(n, **v) for n, v in enumerate(values, 1)], keys=keys,
                  labels={**PROJECT_LABELS, "rowno": "ที่", "running": None})
    return _book(sheet)


def _date_months(year=None, title=None) -> list[Sheet]:
    """Month headers typed as dates shown ต.ค.-67 … ก.ย.-68, two budget columns
    labelled งบ 67 (left) and งบ 68; the หน่วยงาน sheet gives no year."""
    values = ({"old": 130000}, {"old": 80000})
    sheet = _projects({"old": "งบ 67"}, "activity", values, labels={"budget": "งบ 68"},
                      titles=(title,) if title else ())
    header = sheet.rows[len(sheet.rows) - 3]
    for offset, key in enumerate(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08",
                                  "m09", "m10", "m11", "m12")):
        month = (offset + 9) % 12 + 1
        when = dt.datetime(2024 if month >= 10 else 2025, month, 1)
        header[header.index(PROJECT_LABELS[key])] = C(when, num_format="mmm-yy")
    return _book(sheet, year=year)


def _equipment_years() -> list[Sheet]:
    """The ครุภัณฑ์ sheet with จำนวนเงิน ปี 2567 (hidden, 4,000 and 9,000) left of
    งบประมาณ ปี 2568 (5,500 and 11,000)."""
    keys = _with("target", {"old": None}, keys=EQUIPMENT_KEYS)
    records = [equipment(1, old=4000), equipment(2, old=9000)]
    sheet = table(EQUIPMENT, records, keys=keys,
                  labels={**EQUIPMENT_LABELS, "old": "จำนวนเงิน ปี 2567",
                          "budget": "งบประมาณ ปี 2568"})
    sheet.hidden_columns = {keys.index("old")}
    return [department(), table(PROJECTS, [project(1)]), sheet]


def _missing_place() -> list[Sheet]:
    """สถานที่ดำเนินการ labelled พื้นที่ดำเนินการ: missing, and the message lists
    the labels found (ที่ first)."""
    keys = ["rowno", *PROJECT_KEYS]
    values = [{"rowno": 1}, {"rowno": 2}]
    sheet = table(PROJECTS, [project(n, **v) for n, v in enumerate(values, 1)], keys=keys,
                  labels={**PROJECT_LABELS, "rowno": "ที่", "place": "พื้นที่ดำเนินการ"})
    return _book(sheet)


def fixtures() -> dict[str, list[Sheet]]:
    f: dict[str, list[Sheet]] = {}
    # Class 1: two candidate columns for the budget.
    f["trust-columns-hidden-last-year-left.xlsx"] = _hidden_last_year("left")
    f["trust-columns-hidden-last-year-right.xlsx"] = _hidden_last_year("right")
    f["trust-columns-hidden-synonym.xlsx"] = _hidden_last_year("right", "จำนวนเงิน")
    f["trust-columns-hidden-this-year.xlsx"] = _hidden_this_year()
    f["trust-columns-two-years.xlsx"] = _two_years("งบประมาณ ปี 2568", "งบประมาณ ปี 2567")
    f["trust-columns-two-years-last-first.xlsx"] = _two_years(
        "งบประมาณ ปี 2568", "งบประมาณ ปี 2567", this_first=False)
    f["trust-columns-short-years.xlsx"] = _two_years("งบ 68", "งบ 67", this_first=False)
    f["trust-columns-synonym-years.xlsx"] = _two_years("งบประมาณที่ตั้งไว้ ปี 2568",
                                                       "จำนวนเงิน (บาท) พ.ศ. 2567")
    f["trust-columns-last-year-labelled.xlsx"] = _two_years("งบประมาณ", "งบประมาณ ปี 2567")
    f["trust-columns-synonyms-ambiguous.xlsx"] = _two_years("งบประมาณ", "จำนวนเงิน")
    f["trust-columns-years-neither.xlsx"] = _two_years("งบประมาณ ปี 2569", "งบประมาณ ปี 2567")
    f["trust-columns-one-column-last-year.xlsx"] = _book(_projects(
        {}, labels={"budget": "งบประมาณ ปี 2567"}, values=({}, {})))
    f["trust-columns-no-year.xlsx"] = _two_years("งบประมาณ ปี 2568", "งบประมาณ ปี 2567",
                                                 year=None)
    f["trust-columns-date-months.xlsx"] = _date_months()
    f["trust-columns-title-year.xlsx"] = _date_months(
        title="แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568")
    f["trust-columns-equipment-years.xlsx"] = _equipment_years()
    # Class 2: a budget spread over columns.
    f["trust-columns-baht-satang-merged.xlsx"] = _band(("บาท", "สตางค์"), (50, None))
    f["trust-columns-baht-satang-unmerged.xlsx"] = _band(("(บาท)", "(สตางค์)"),
                                                         (25, 0), merged=False)
    f["trust-columns-satang-beside.xlsx"] = _satang_beside((75, None, "5"))
    f["trust-columns-satang-invalid.xlsx"] = _satang_beside((150, 12.5, "ห้าสิบ"))
    f["trust-columns-year-band.xlsx"] = _band(("ปี 2567 (บาท)", "ปี 2568 (บาท)"),
                                              (300000, 400000))
    f["trust-columns-year-band-numbers.xlsx"] = _band((2568, 2567), (300000, 400000))
    f["trust-columns-split-sources.xlsx"] = _band(("เงินรายได้", "เงินอุดหนุน"),
                                                  (30000, 40000))
    # Class 2: numbers in columns no label names as a field; row numbers are not.
    f["trust-columns-unknown-numbers.xlsx"] = _unknown_numbers()
    f["trust-columns-row-numbers.xlsx"] = _row_numbers()
    # Class 8: what the header holds is said.
    f["trust-columns-missing-place.xlsx"] = _missing_place()
    return f


def libreoffice() -> list[tuple[str, list[Sheet], str]]:
    files = []
    for suffix, how in ((".xls", "xls:MS Excel 97"), (".ods", "ods:calc8")):
        files += [
            (f"trust-columns-hidden-last-year-left{suffix}", _hidden_last_year("left"), how),
            (f"trust-columns-baht-satang-merged{suffix}",
             _band(("บาท", "สตางค์"), (50, None)), how),
            (f"trust-columns-satang-invalid{suffix}", _satang_beside((150, 12.5, "ห้าสิบ")),
             how),
            (f"trust-columns-two-years{suffix}",
             _two_years("งบประมาณ ปี 2568", "งบประมาณ ปี 2567"), how),
        ]
    return files
