"""Trust classes 3, 7 and 8 (issue 14): figures formulas leave with float noise,
department names with a suffix or odd spaces, month headers typed as dates.

Each reads as a person reads it: the budget is the amount the cell shows, the
department the one the name means (with a name-variant warning), the months
and the fiscal year those the date headers show.  The same workbooks go through
LibreOffice to .xls and .ods, which keep a formula's cached value as it is.

Excel rows of the project sheets below: header in row 1, projects from row 2.
"""

from __future__ import annotations

import datetime as dt

from make_fixtures import PROJECT_KEYS, C, project, standard

#: (cached value, formula) of budgets worked out as quantity × price, with the
#: float noise Excel keeps and hides: 3 × 4,937.80 caches 14813.400000000001.
NOISY_BUDGETS = (
    (3 * 4937.8, "=3*4937.8"),  # 14813.400000000001, shown 14,813.40
    (0.1 + 0.2, "=0.1+0.2"),  # 0.30000000000000004, shown 0.30
    (12 * 1234.56, "=12*1234.56"),  # 14814.720000000001
    (7 * 0.7, "=7*0.7"),  # 4.8999999999999995, shown 4.90
    (100 * 1.1, "=100*1.1"),  # 110.00000000000001
)
#: What a person sees in each, in satang.
NOISY_SATANG = (1_481_340, 30, 1_481_472, 490, 11_000)


def _noisy() -> list:
    records = [project(n, budget=C(value, formula=formula))
               for n, (value, formula) in enumerate(NOISY_BUDGETS, 1)]
    records.append(project(6, budget=1234.567))  # a third decimal someone typed
    return standard(records)


#: Department names as people write them on the หน่วยงาน sheet, all meaning กองช่าง.
DEPARTMENT_SPELLINGS = {
    "suffix-abt": "กองช่าง อบต.",
    "suffix-org": "กองช่าง องค์การบริหารส่วนตำบลทดสอบระบบ",
    "suffix-short-org": "กองช่าง อบต.ทดสอบระบบ",
    "double-space": "กอง  ช่าง",
    "no-break-space": "กอง\u00a0ช่าง",
    "trailing-spaces": "  กองช่าง  ",
}


def _date_headers(year_of_october: int) -> list:
    """Month headers typed as dates shown ``ต.ค.-67`` … ``ก.ย.-68`` (Excel keeps 1 Oct
    2024 and so on); projects in ต.ค. and มี.ค."""
    sheets = standard([project(1, months=(1,)), project(2, months=(6,))])
    header = sheets[1].rows[0]
    for index, key in enumerate(PROJECT_KEYS):
        if key.startswith("m") and key[1:].isdigit():
            month = int(key[1:]) - 1  # 0 = ต.ค.
            date = dt.datetime(year_of_october + (month + 9) // 12, (month + 9) % 12 + 1, 1)
            header[index] = C(date, num_format="mmm-yy")
    return sheets


def fixtures() -> dict[str, object]:
    f: dict[str, object] = {"trust-values-float-noise.xlsx": _noisy()}
    for name, spelling in DEPARTMENT_SPELLINGS.items():
        f[f"trust-values-department-{name}.xlsx"] = standard([project(1)], dept=spelling)
    f["trust-values-date-months.xlsx"] = _date_headers(2024)
    f["trust-values-date-months-other-year.xlsx"] = _date_headers(2023)
    return f


def libreoffice() -> list[tuple[str, list, str]]:
    files = []
    for suffix, how in ((".xls", "xls:MS Excel 97"), (".ods", "ods:calc8")):
        files.append((f"trust-values-float-noise{suffix}", _noisy(), how))
        files.append((f"trust-values-department-suffix-abt{suffix}",
                      standard([project(1)], dept=DEPARTMENT_SPELLINGS["suffix-abt"]), how))
        files.append((f"trust-values-department-no-break-space{suffix}",
                      standard([project(1)], dept=DEPARTMENT_SPELLINGS["no-break-space"]), how))
        files.append((f"trust-values-date-months{suffix}", _date_headers(2024), how))
    return files
