"""Trust class 6 (issue 14), and the hidden-column half of class 1: rows a person
hid, filtered out or struck through, and columns a person hid.

Every such row is still data: it is read like any other and warned about at its
row.  A hidden column holding last year's budget beside this year's is not read,
with a warning.  The same workbooks go through LibreOffice to .ods and .xls, whose
hidden rows, filters, hidden columns and struck fonts are kept in their own ways.

Excel rows of the project sheets below: header in row 1, projects from row 2.
"""

from __future__ import annotations

from make_fixtures import (
    EQUIPMENT_KEYS,
    PROJECT_KEYS,
    PROJECT_LABELS,
    C,
    Sheet,
    department,
    equipment,
    project,
    standard,
    table,
)


def _struck(record: dict, keys) -> dict:
    """*record* with the cells of *keys* struck through."""
    return {key: C(value, strike=True) if key in keys else value
            for key, value in record.items()}


def hidden_rows() -> list[Sheet]:
    """Projects 1–5 in rows 2–6, rows 3 and 5 hidden; a hidden total row (7) that adds
    them all up; equipment rows 2–3, row 3 hidden."""
    records = [project(n) for n in range(1, 6)]
    total = {"name": "รวมทั้งสิ้น", "budget": 1500000}
    sheets = standard(records + [total], [equipment(1), equipment(2)])
    sheets[1].hidden_rows = {2, 4, 6}
    sheets[2].hidden_rows = {2}
    return sheets


def filtered_rows() -> list[Sheet]:
    """An autofilter keeping กองช่าง's projects: กองคลัง's, rows 3 and 5, filtered out."""
    records = [project(n, responsible="กองคลัง" if n in (2, 4) else "กองช่าง")
               for n in range(1, 6)]
    sheets = standard(records)
    responsible = PROJECT_KEYS.index("responsible")
    sheets[1].autofilter = (0, 0, len(records), len(PROJECT_KEYS) - 1)
    sheets[1].filters = {responsible: ["กองช่าง"]}
    sheets[1].hidden_rows = {2, 4}
    return sheets


def struck_rows() -> list[Sheet]:
    """Row 3 struck through in every cell; row 4 in its name only; row 5 in most of
    its cells but not the name; equipment row 3 in its target (รายการ)."""
    every = set(PROJECT_KEYS)
    most = every - {"name", "strategy", "group"}
    records = [project(1), _struck(project(2), every), _struck(project(3), {"name"}),
               _struck(project(4), most), project(5)]
    equipment_records = [equipment(1), _struck(equipment(2), {"target"})]
    return standard(records, equipment_records)


def struck_cells() -> list[Sheet]:
    """Single cells struck through, the row not: the budget of row 2, one of the two
    month marks of row 3 (May), the activity of row 4; a struck empty cell in row 5
    (nothing to say)."""
    records = [_struck(project(1), {"budget"}), _struck(project(2, months=(4, 8)), {"m08"}),
               _struck(project(3), {"activity"}), project(4, note=C(None, strike=True))]
    return standard(records)


def hidden_and_struck() -> list[Sheet]:
    """Row 3 hidden and struck through (two things seen, two warnings); a struck total
    row 5 that is hidden too (a total row is never planned: nothing more to say)."""
    records = [project(1), _struck(project(2), set(PROJECT_KEYS)), project(3),
               _struck({"name": "รวม", "budget": 600000}, {"name", "budget"})]
    sheets = standard(records)
    sheets[1].hidden_rows = {2, 4}
    return sheets


def hidden_budget_column(after: bool = False) -> list[Sheet]:
    """Last year's budget in a hidden column labelled งบประมาณ too, before this year's
    (column E hidden, F read) or *after* it (E read, F hidden)."""
    keys = list(PROJECT_KEYS)
    position = keys.index("budget") + (1 if after else 0)
    keys.insert(position, "last_year")
    labels = {**PROJECT_LABELS, "budget": "งบประมาณ", "last_year": "งบประมาณ"}
    records = [project(n, last_year=90000 * n) for n in range(1, 4)]
    projects = table("โครงการ", records, keys=keys, labels=labels)
    projects.hidden_columns = {position}
    return [department(), projects, table("ครุภัณฑ์", [], keys=EQUIPMENT_KEYS)]


def _all() -> dict[str, list[Sheet]]:
    return {"hidden-rows": hidden_rows(), "filtered-rows": filtered_rows(),
            "struck-rows": struck_rows(), "struck-cells": struck_cells(),
            "hidden-and-struck": hidden_and_struck(),
            "hidden-column-before": hidden_budget_column(),
            "hidden-column-after": hidden_budget_column(after=True)}


def fixtures() -> dict[str, list[Sheet]]:
    return {f"trust-rowsvis-{name}.xlsx": sheets for name, sheets in _all().items()}


def libreoffice() -> list[tuple[str, list[Sheet], str]]:
    files = []
    for name, sheets in _all().items():
        files.append((f"trust-rowsvis-{name}.ods", sheets, "ods:calc8"))
        files.append((f"trust-rowsvis-{name}.xls", sheets, "xls:MS Excel 97"))
    return files
