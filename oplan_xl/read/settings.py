"""Reading the settings workbook ``plan.xlsx`` back, strictly: sheets, header labels and
known items are checked, and every problem is a Thai message saying what to fix; only
spacing and Thai digits are tolerated."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from oplan_xl.core.cells import a1
from oplan_xl.core.errors import SettingsError
from oplan_xl.core.model import (
    EDITIONS,
    MAX_FISCAL_YEAR,
    MIN_FISCAL_YEAR,
    Department,
    DevPlanProject,
    EquipmentType,
    Programme,
    Settings,
    Strategy,
    baht_to_satang,
    to_arabic_digits,
)
from oplan_xl.core.normalise import (
    NotANumber,
    clean_text,
    is_blank,
    label_key,
    parse_amount,
    parse_int,
)
from oplan_xl.core.settings_layout import (
    APPROACHES,
    DEPARTMENTS,
    DEV_PLAN,
    EQUIPMENT,
    HEADERS,
    INFO,
    INFO_ITEMS,
    PART1,
    PROGRAMMES,
    STRATEGIES,
    InfoItem,
    check_year,
)
from oplan_xl.read.workbook import UnreadableWorkbook, open_workbook, read_grid

#: What to tell the planning officer for each reason plan.xlsx cannot be opened.
_UNREADABLE_KEYS = {
    "file-encrypted": "settings-encrypted",
    "file-not-workbook": "settings-not-workbook",
    "file-too-large": "settings-too-large",
    "sheet-too-large": "settings-too-large",
}


def read_settings(path: Path) -> Settings:
    """Read and validate a settings workbook; raise SettingsError on any problem."""
    if not path.is_file():
        raise SettingsError("settings-not-found", path=path)
    try:
        workbook = open_workbook(path)
        names = {clean_text(name): name for name in workbook.sheet_names}
        grids = {title: read_grid(workbook, names[title])
                 for title in HEADERS if title in names}
    except UnreadableWorkbook as exc:
        key = _UNREADABLE_KEYS.get(exc.code, "settings-unreadable")
        raise SettingsError(key, path=path, reason=exc.reason) from exc
    for title, grid in grids.items():
        _check_header(title, grid)

    info = _read_info(_rows(grids, INFO))
    settings = Settings(**info)
    year = settings.fiscal_year
    settings.strategies = [Strategy(number, name) for number, name, _ in
                           _numbered(_rows(grids, STRATEGIES, year), STRATEGIES)]
    numbers = {s.number for s in settings.strategies}
    if PROGRAMMES in grids or not settings.by_approach:
        settings.programmes = [Programme(number, name) for number, name, _ in
                               _numbered(_rows(grids, PROGRAMMES, year), PROGRAMMES)]
    if APPROACHES in grids or settings.by_approach:
        settings.approaches = _read_approaches(_rows(grids, APPROACHES, year), numbers)
    settings.departments = _read_departments(_rows(grids, DEPARTMENTS, year))
    settings.source_sha256 = hashlib.sha256(workbook.data).hexdigest()
    settings.source_size = len(workbook.data)
    settings.equipment_types = [EquipmentType(number, name) for number, name, _ in
                                _numbered(_rows(grids, EQUIPMENT, year), EQUIPMENT)]
    settings.dev_plan = _read_dev_plan(_rows(grids, DEV_PLAN, year) if DEV_PLAN in grids else [])
    settings.part1 = {clean_text(row[0]): str(row[1]).strip()
                      for row in grids.get(PART1, [])[1:]
                      if len(row) > 1 and not is_blank(row[0]) and not is_blank(row[1])}
    return settings


def _rows(grids: dict, title: str, year: int = 2568) -> list[tuple[int, list]]:
    """Non-blank data rows of a required sheet as (Excel row, cells).

    A missing sheet is named with its header, and with a way to get a copy: ``oplan
    init`` refuses a folder that has a plan.xlsx, so into a new folder, for a year
    whose plan has that sheet (the plan's own year)."""
    if title not in grids:
        raise SettingsError("settings-sheet-missing", sheet=title, year=year,
                            columns=" | ".join(HEADERS[title]))
    width = len(HEADERS[title])
    rows = []
    for index, row in enumerate(grids[title][1:], 2):
        cells = (list(row) + [""] * width)[:width]
        if not all(is_blank(cell) for cell in cells):
            rows.append((index, cells))
    return rows


def _check_header(title: str, grid: list) -> None:
    expected = HEADERS[title]
    found = tuple(clean_text(cell) for cell in (grid[0] if grid else []))
    extra = [cell for cell in found[len(expected):] if cell]
    if (tuple(label_key(c) for c in found[:len(expected)])
            != tuple(label_key(c) for c in expected) or extra):
        raise SettingsError("settings-bad-header", sheet=title,
                            expected=" | ".join(expected),
                            found=" | ".join(c for c in found if c) or "(ว่าง)")


def _read_info(rows: list[tuple[int, list]]) -> dict:
    by_key = {label_key(item.label): item for item in INFO_ITEMS}
    values: dict[str, object] = {}
    items = _Seen(INFO, 0)
    for row, (key, value) in rows:
        item = by_key.get(label_key(key))
        if item is None:
            raise SettingsError("settings-unknown-key", row=row, key=clean_text(key),
                                known=", ".join(i.label for i in INFO_ITEMS))
        # Two rows for one item: which one is meant is not certain.
        items.add(row, item.attr, item.label, "settings-duplicate")
        values[item.attr] = _info_value(item, value)
    for required in ("org_name", "fiscal_year"):
        if not values.get(required):
            label = next(i.label for i in INFO_ITEMS if i.attr == required)
            raise SettingsError("settings-missing-key", key=label)
    values = {attr: value for attr, value in values.items() if value not in ("", None)}
    return values


def _info_value(item: InfoItem, value: object) -> object:
    if item.kind == "year":
        if is_blank(value):
            return None
        year = parse_int(value)
        if year is None:
            raise SettingsError("settings-bad-year", value=clean_text(value),
                                low=MIN_FISCAL_YEAR, high=MAX_FISCAL_YEAR)
        return check_year(year)
    if item.kind == "edition":
        text = to_arabic_digits(clean_text(value))
        if text.endswith(".0"):
            text = text[:-2]
        if text and text not in EDITIONS:
            raise SettingsError("settings-bad-edition", value=text)
        return text
    if item.kind == "yesno":
        text = clean_text(value).lower()
        if text in ("", "ไม่ใช่", "ไม่", "no", "n", "false", "0"):
            return False
        if text in ("ใช่", "yes", "y", "true", "1"):
            return True
        raise SettingsError("settings-bad-yesno", key=item.label, value=text)
    if isinstance(value, (dt.date, dt.datetime)):
        return thai_date(value)
    return clean_text(value)


THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


def thai_date(date: dt.date) -> str:
    """``dt.date(2025, 10, 1)`` → ``1 ตุลาคม 2568``."""
    return f"{date.day} {THAI_MONTH_NAMES[date.month - 1]} {date.year + 543}"


def _numbered(rows, title: str) -> list[tuple[int, str, int]]:
    """(order, name, Excel row) for ลำดับ | name sheets: every order a whole number
    given once, every name filled in and given once."""
    if not rows:
        raise SettingsError("settings-empty-list", sheet=title)
    items = []
    numbers, names = _Seen(title, 0), _Seen(title, 1)
    for row, cells in rows:
        number = _number(title, row, 0, cells[0])
        name = _name(title, row, 1, cells[1], number)
        numbers.add(row, number, number, "settings-duplicate-number")
        names.add(row, label_key(name), name, "settings-duplicate")
        items.append((number, name, row))
    return items


class _Seen:
    """The values of one column met so far, to stop at the first repeat (at its cell)."""

    def __init__(self, sheet: str, column: int) -> None:
        self.sheet, self.column = sheet, column
        self.first_row: dict[object, int] = {}

    def add(self, row: int, key: object, shown: object, message_key: str) -> None:
        if key in self.first_row:
            raise SettingsError(message_key, sheet=self.sheet, row=row,
                                cell=a1(row - 1, self.column), value=shown,
                                first=self.first_row[key])
        self.first_row[key] = row


def _number(sheet: str, row: int, column: int, value: object) -> int:
    """A ลำดับ cell: a whole number (Thai digits too), or an error at its cell."""
    number = parse_int(value)
    if number is None:
        raise SettingsError("settings-bad-number", sheet=sheet, row=row,
                            cell=a1(row - 1, column), value=clean_text(value),
                            label=HEADERS[sheet][column])
    return number


def _name(sheet: str, row: int, column: int, value: object, number: object) -> str:
    """A name cell: filled in, or an error at its cell (a blank name would print as
    "2. " in the forms)."""
    name = clean_text(value)
    if not name:
        raise SettingsError("settings-blank-name", sheet=sheet, row=row,
                            cell=a1(row - 1, column), label=HEADERS[sheet][column],
                            number=number)
    return name


def _read_approaches(rows, strategy_numbers: set[int]) -> list[Programme]:
    if not rows:
        raise SettingsError("settings-empty-list", sheet=APPROACHES)
    approaches = []
    codes, names = _Seen(APPROACHES, 1), _Seen(APPROACHES, 2)
    for order, (row, (strategy_cell, number_cell, name_cell)) in enumerate(rows, 1):
        strategy = parse_int(strategy_cell)
        if strategy not in strategy_numbers:
            raise SettingsError("settings-bad-approach", row=row, cell=a1(row - 1, 0),
                                value=clean_text(strategy_cell))
        # ลำดับ is 2, or 1.2 when the officer wrote the strategy in front of it.
        number = _number(APPROACHES, row, 1,
                         to_arabic_digits(clean_text(number_cell)).split(".")[-1])
        code = f"{strategy}.{number}"
        name = _name(APPROACHES, row, 2, name_cell, code)
        codes.add(row, code, code, "settings-duplicate-number")
        names.add(row, (strategy, label_key(name)), name, "settings-duplicate")
        approaches.append(Programme(order, name, strategy, code))
    return approaches


def _read_departments(rows) -> list[Department]:
    if not rows:
        raise SettingsError("settings-empty-list", sheet=DEPARTMENTS)
    departments = []
    numbers, names = _Seen(DEPARTMENTS, 0), _Seen(DEPARTMENTS, 1)
    codes = _Seen(DEPARTMENTS, 2)
    for row, (number_cell, name_cell, code_cell) in rows:
        number = _number(DEPARTMENTS, row, 0, number_cell)
        name = _name(DEPARTMENTS, row, 1, name_cell, number)
        code = clean_text(code_cell)
        if not code:
            raise SettingsError("settings-missing-code", row=row, cell=a1(row - 1, 2))
        numbers.add(row, number, number, "settings-duplicate-number")
        names.add(row, label_key(name), name, "settings-duplicate")
        codes.add(row, label_key(code), code, "settings-duplicate")
        departments.append(Department(number, name, code))
    return departments


def _read_dev_plan(rows) -> list[DevPlanProject]:
    """The optional list of the development plan's projects: a row with anything in
    it needs its project's name, and a budget, if given, must be an amount."""
    projects = []
    for row, cells in rows:
        name = _name(DEV_PLAN, row, 1, cells[1], clean_text(cells[0]) or "-")
        try:
            budget = None if is_blank(cells[2]) else baht_to_satang(parse_amount(cells[2]))
        except (NotANumber, ValueError):
            raise SettingsError("settings-bad-amount", sheet=DEV_PLAN, row=row,
                                cell=a1(row - 1, 2), value=clean_text(cells[2]),
                                label=HEADERS[DEV_PLAN][2]) from None
        projects.append(DevPlanProject(clean_text(cells[0]), name, budget,
                                       clean_text(cells[3])))
    return projects
