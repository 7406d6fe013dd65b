"""Small builders for plan folders and submissions, written in tmp_path."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from oplan_xl.api import init_plan
from oplan_xl.core.layout import (
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    MONTH_KEYS,
    PROJECT_SHEET,
    project_columns,
)

ORG = "องค์การบริหารส่วนตำบลทดสอบระบบ"


def make_plan(tmp_path: Path, year: int = 2568) -> Path:
    plan_dir = tmp_path / "แผนทดสอบ"
    init_plan(plan_dir, ORG, year, "เมืองทดสอบ", "ทดสอบ")
    return plan_dir


def project(strategy="1", group="แผนงานเคหะและชุมชน", name="ก่อสร้างถนน หมู่ที่ 1",
            activity="ถนนคอนกรีต กว้าง 4 เมตร", budget=100000, place="หมู่ที่ 1",
            months=(1,), **extra) -> dict:
    """A project row as column key → cell value; months are 1-based fiscal months."""
    row = {"strategy": strategy, "group": group, "name": name, "activity": activity,
           "budget": budget, "place": place, **extra}
    for month in months:
        row[MONTH_KEYS[month - 1]] = "✓"
    return row


def equipment(programme="แผนงานบริหารงานทั่วไป", equipment_type="ครุภัณฑ์สำนักงาน",
              target="ตู้เหล็ก 2 บาน จำนวน 2 ตู้", budget=11000, place="ที่ทำการ",
              months=(2,), **extra) -> dict:
    row = {"programme": programme, "equipment_type": equipment_type, "target": target,
           "budget": budget, "place": place, **extra}
    for month in months:
        row[MONTH_KEYS[month - 1]] = "✓"
    return row


def write_submission(path: Path, projects=(), equipment_rows=(), department: str | None = None,
                     year: int | None = 2568, title_rows: int = 0, group_label="แผนงาน",
                     column_order=None) -> Path:
    """Write a department workbook in the SPEC §4 layout.

    *title_rows* blank-ish title lines go above the header; *column_order*
    (a list of column keys) reorders or drops columns.
    """
    workbook = openpyxl.Workbook()
    info = workbook.active
    info.title = DEPARTMENT_SHEET
    info.append(["รายการ", "ค่า"])
    if department:
        info.append(["หน่วยงาน", department])
    if year:
        info.append(["ปีงบประมาณ", year])
    for title, columns, rows in ((PROJECT_SHEET, project_columns(group_label), projects),
                                 (EQUIPMENT_SHEET, EQUIPMENT_COLUMNS, equipment_rows)):
        ws = workbook.create_sheet(title)
        if column_order and title == PROJECT_SHEET:
            by_key = {c.key: c for c in columns}
            columns = [by_key[key] for key in column_order]
        for index in range(title_rows):
            ws.append([f"หัวเรื่องที่ {index + 1}"])
        ws.append([c.label for c in columns])
        for row in rows:
            ws.append([row.get(c.key, None) for c in columns])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed text, as a user would enter '=…
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def fill_template(path: Path, projects=(), equipment_rows=(), department: str | None = None,
                  out: Path | None = None) -> Path:
    """Type rows into a workbook written by ``oplan template``, as a person would.

    Columns are found by the labels on the header row, never by position;
    *department* chooses the department on a blank (reference) template.
    """
    from oplan_xl.write.template import FIRST_DATA_ROW, HEADER_ROW

    workbook = openpyxl.load_workbook(path)
    for title, columns, rows in ((PROJECT_SHEET, None, projects),
                                 (EQUIPMENT_SHEET, EQUIPMENT_COLUMNS, equipment_rows)):
        if not rows:
            continue
        ws = workbook[title]
        labels = {cell.value: cell.column for cell in ws[HEADER_ROW] if cell.value}
        columns = columns or project_columns(ws.cell(HEADER_ROW, 2).value)
        position = {c.key: labels[c.label] for c in columns}
        for offset, row in enumerate(rows):
            for key, value in row.items():
                ws.cell(FIRST_DATA_ROW + offset, position[key], value)
    if department:
        workbook[DEPARTMENT_SHEET]["B2"] = department
    target = out or path
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


# --- the odd-file fixtures of tests/data/ (made by tests/data/make_fixtures.py) ---

DATA = Path(__file__).resolve().parent / "data"


def fixture_names() -> list[str]:
    return sorted(p.name for p in DATA.iterdir()
                  if p.name.startswith(("habit-", "check-", "trust-")))


def plan_with(tmp_path: Path, *names: str, year: int = 2568, settings=None) -> Path:
    """A plan folder (``oplan init`` defaults) whose submissions are copies of fixtures.

    *settings*, if given, is called with the Settings to change them before
    they are written back.
    """
    import shutil

    from oplan_xl.core.settings_layout import SETTINGS_FILE
    from oplan_xl.read.settings import read_settings
    from oplan_xl.write.settings import write_settings

    plan_dir = make_plan(tmp_path, year)
    if settings is not None:
        current = read_settings(plan_dir / SETTINGS_FILE)
        settings(current)
        (plan_dir / SETTINGS_FILE).unlink()
        write_settings(current, plan_dir / SETTINGS_FILE)
    for name in names:
        shutil.copyfile(DATA / name, plan_dir / "submissions" / name)
    return plan_dir


def positions(report, severity=None, plan_level=False) -> list[tuple[str, str, str]]:
    """The report's findings as sorted (file, cell, code) tuples.

    department-no-submission is left out unless *plan_level*: with one fixture
    in a plan of six departments it is always there.
    """
    return sorted((f.file, f.cell, f.code) for f in report.findings
                  if (severity is None or f.severity == severity)
                  and (plan_level or f.code != "department-no-submission"))
