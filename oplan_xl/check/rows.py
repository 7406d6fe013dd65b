"""A row's checks: one raw row becomes a plan row, or findings that say what to fix.

Each check reports its findings on the row; a row with an error finding is
rejected (and counted as such in the reconciliation), a row with only
warnings is planned.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from oplan_xl.check.resolve import Resolver
from oplan_xl.core.findings import ERROR, Finding, finding
from oplan_xl.core.layout import DEFAULT_CATEGORY, MONTH_KEYS, PRINT_LIMITS
from oplan_xl.core.limits import EXCEL_CELL_CHARS, MAX_BUDGET_BAHT
from oplan_xl.core.model import (
    Department,
    EquipmentRow,
    ProjectRow,
    Strategy,
    baht_to_satang,
)
from oplan_xl.core.normalise import (
    NotANumber,
    is_blank,
    parse_amount,
    visible_length,
)
from oplan_xl.read.columns import SATANG_PART
from oplan_xl.read.submission import RawRow, Table
from oplan_xl.speed.text import clean_text, label_key

#: Text columns written into the forms: none may exceed what one Excel cell holds.
_WRITTEN = frozenset((*PRINT_LIMITS, "category"))


def budget_satang(value: object) -> tuple[int, str | None]:
    """Return (satang, error code or None) for a budget cell.

    The satang are what the row contributes to the reconciliation even when
    it is rejected: unparseable counts 0, extra decimals round half-up.
    """
    if is_blank(value):
        return 0, "required-empty"
    try:
        amount = parse_amount(value)
    except NotANumber:
        return 0, "budget-not-number"
    if abs(amount) > MAX_BUDGET_BAHT:  # 1e30 would overflow the exact arithmetic below
        return 0, "budget-too-large"
    satang = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    try:
        baht_to_satang(amount)
    except ValueError:
        return satang, "budget-too-many-decimals"
    if amount <= 0:
        return satang, "budget-not-positive"
    return satang, None


def satang_part(value: object) -> int | None:
    """The satang of a budget's สตางค์ cell (blank is 0), or None when the cell is
    not a whole number from 0 to 99."""
    if is_blank(value):
        return 0
    try:
        amount = parse_amount(value)
    except NotANumber:
        return None
    return int(amount) if amount == int(amount) and 0 <= amount <= 99 else None


class RowCheck:
    """Checks one row of a table, collecting its findings."""

    __slots__ = ("raw", "table", "values", "findings")

    def __init__(self, raw: RawRow, table: Table) -> None:
        self.raw = raw
        self.table = table
        self.values = raw.values
        self.findings: list[Finding] = []

    def report(self, code: str, key: str, value: object = None, **params: object) -> None:
        origin = self.raw.origin
        shown = self.raw.values.get(key, "") if value is None else value
        self.findings.append(finding(code, origin.file, origin.sheet, origin.row,
                                     self.table.label(key), self.raw.cells.get(key, ""),
                                     clean_text(shown), **params))

    def text(self, key: str, required: bool = False) -> str:
        value = clean_text(self.values.get(key, ""))
        if not value:
            if required and key in self.values:
                self.report("required-empty", key)
            return value
        limit = PRINT_LIMITS.get(key)
        if len(value) > EXCEL_CELL_CHARS and key in _WRITTEN:
            self.report("text-over-cell-limit", key, value[:80] + "…", length=f"{len(value):,}",
                        limit=f"{EXCEL_CELL_CHARS:,}")
        elif limit and len(value) > limit and visible_length(value) > limit:
            self.report("text-too-long", key, value[:80] + "…", length=visible_length(value),
                        limit=limit)
        return value

    def budget(self) -> int:
        satang, problem = budget_satang(self.values.get("budget", ""))
        if SATANG_PART in self.values:
            satang, problem = self.with_satang_part(satang, problem)
        if problem and "budget" in self.values:
            extra = {"limit": f"{MAX_BUDGET_BAHT:,}"} if problem == "budget-too-large" else {}
            self.report(problem, "budget", **extra)
        return satang

    def with_satang_part(self, satang: int, problem: str | None) -> tuple[int, str | None]:
        """A budget written in บาท and สตางค์ columns, read whole: the สตางค์ added
        (checked at its own cell), the baht cell's checks kept."""
        part = satang_part(self.values[SATANG_PART])
        if part is None or (part and satang % 100):  # 1500.50 baht and 50 satang too
            self.report("budget-satang-invalid", SATANG_PART)
            return satang, problem
        satang += part
        if problem == "budget-not-positive" and satang > 0:
            problem = None  # 0 baht 50 satang
        return satang, problem

    def months(self) -> tuple[bool, ...]:
        """The months the reader decided (``read.months``), its notes reported here:
        a warning for each way other than a plain mark it read them, an error for
        what it could not read, or for no month at all."""
        bar = self.raw.months
        if bar is None:  # the table has no month column (reported as missing)
            return (False,) * len(MONTH_KEYS)
        for note in bar.notes:
            self.report(note.code, note.key, note.value, **dict(note.params))
        return bar.marks

    def formulas(self) -> None:
        for key, formula in self.raw.formulas.items():
            self.report("formula-cell", key, formula=formula)

    @property
    def has_error(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    def name_variant(self, key: str, standard: str) -> None:
        """Warn when a loose spelling was mapped to the listed name (spacing alone
        is not worth a warning)."""
        value = self.text(key)
        if label_key(value) != label_key(standard):
            self.report("name-variant", key, standard=standard)


def check_project(raw: RawRow, table: Table, department: Department,
                  resolve: Resolver) -> tuple[ProjectRow | None, int, list[Finding]]:
    """Return (the plan row or None if rejected, its satang, its findings)."""
    row = RowCheck(raw, table)
    strategy_text = row.text("strategy", required=True)
    strategy = resolve.strategy(raw.values.get("strategy", "")) if strategy_text else None
    if strategy_text and strategy is None:
        row.report("unknown-strategy", "strategy", count=len(resolve.settings.strategies))
    group = _check_group(row, resolve, strategy)
    name = row.text("name", required=True)
    activity = row.text("activity", required=True)
    satang = row.budget()
    place = row.text("place", required=True)
    months = row.months()
    responsible = row.text("responsible")
    if raw.formulas:
        row.formulas()
    if table.header.missing or table.header.ambiguous or row.has_error or strategy is None \
            or group is None:
        return None, satang, row.findings
    project = ProjectRow(
        origin=raw.origin, department=department.name, strategy=strategy, group=group,
        name=name, activity=activity, budget_satang=satang, place=place,
        responsible=responsible or department.name, months=months,
        fund_source=row.text("fund_source"), dev_plan_ref=row.text("dev_plan_ref"),
        note=row.text("note"), cells=raw.cells)
    return project, satang, row.findings


def _check_group(row: RowCheck, resolve: Resolver, strategy: Strategy | None):
    text = row.text("group", required=True)
    if not text:
        return None
    if resolve.by_approach:
        if strategy is None:
            return None
        approach = resolve.approach(row.raw.values["group"], strategy)
        if approach is None:
            row.report("unknown-approach", "group", strategy=strategy.number)
        return approach
    programme, variant = resolve.programme_named(text)
    if programme is None:
        row.report("unknown-programme", "group")
    elif variant:
        row.report("name-variant", "group", standard=programme.name)
    return programme


def check_equipment(raw: RawRow, table: Table, department: Department,
                    resolve: Resolver) -> tuple[EquipmentRow | None, int, list[Finding]]:
    """Return (the equipment row or None if rejected, its satang, its findings)."""
    row = RowCheck(raw, table)
    if resolve.by_approach:
        # No ผด.02/1 in the 2548 edition: planning the row would lose it.
        row.report("equipment-no-form", "target")
    programme = None
    text = row.text("programme", required=True)
    if text:  # as a project's แผนงาน: looked up, and its spelling judged, once per text
        programme, variant = resolve.programme_named(text)
        if programme is None:
            row.report("unknown-programme", "programme")
        elif variant:
            row.report("name-variant", "programme", standard=programme.name)
    equipment_type = None
    if row.text("equipment_type", required=True):
        equipment_type = resolve.equipment_type(raw.values["equipment_type"])
        if equipment_type is None:
            row.report("unknown-equipment-type", "equipment_type")
        else:
            row.name_variant("equipment_type", equipment_type.name)
    target = row.text("target", required=True)
    satang = row.budget()
    place = row.text("place", required=True)
    months = row.months()
    responsible = row.text("responsible")
    category = row.text("category")
    row.formulas()
    if table.header.missing or table.header.ambiguous or row.has_error or programme is None \
            or equipment_type is None:
        return None, satang, row.findings
    item = EquipmentRow(
        origin=raw.origin, department=department.name, programme=programme,
        category=category or DEFAULT_CATEGORY, equipment_type=equipment_type,
        target=target, budget_satang=satang, place=place,
        responsible=responsible or department.name, months=months,
        note=row.text("note"), cells=raw.cells)
    return item, satang, row.findings


