"""Checks: raw rows become plan rows, or findings that say what to fix.

Each check is a small function that yields findings; a row with an error
finding is rejected (and counted as such in the reconciliation), a row with
only warnings is planned.  Cross-file checks run once all files are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from oplan_xl.core.findings import ERROR, Finding, finding
from oplan_xl.core.layout import DEFAULT_CATEGORY, MONTH_KEYS, OTHER_AGENCY_FUNDS, PRINT_LIMITS
from oplan_xl.core.limits import EXCEL_CELL_CHARS, MAX_BUDGET_BAHT
from oplan_xl.core.model import (
    MONTHS,
    Department,
    EquipmentRow,
    EquipmentType,
    Programme,
    ProjectRow,
    Settings,
    Strategy,
    baht_to_satang,
    format_baht,
    to_arabic_digits,
)
from oplan_xl.core.normalise import (
    NotANumber,
    clean_str,
    clean_text,
    is_blank,
    label_key,
    month_marks,
    months_in_text,
    parse_amount,
    parse_int,
    split_numbered,
    visible_length,
)
from oplan_xl.read.submission import RawRow, Submission, Table, month_values

#: Text columns written into the forms: none may exceed what one Excel cell holds.
_WRITTEN = frozenset((*PRINT_LIMITS, "category"))

# Loose spellings seen in real files, mapped to the standard wording.
_SPELLING = (("พานิชย์", "พาณิชย์"),)


def _programme_key(name: object) -> str:
    key = label_key(name).removeprefix("แผนงาน").removeprefix("การ")
    for wrong, right in _SPELLING:
        key = key.replace(wrong, right)
    return key


def _equipment_key(name: object) -> str:
    key = label_key(name).removeprefix("ครุภัณฑ์")
    return "คอมพิวเตอร์หรืออิเล็กทรอนิกส์" if key == "คอมพิวเตอร์" else key


#: Distinct cell values a Resolver remembers the answer for (then it starts over).
_MAX_REMEMBERED = 10_000


class Resolver:
    """Looks up strategies, programmes, approaches and equipment types."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.strategies = {s.number: s for s in settings.strategies}
        self.strategy_names = {label_key(s.name): s for s in settings.strategies}
        self.programmes = {_programme_key(p.name): p for p in settings.programmes}
        self.approaches = {a.code: a for a in settings.approaches}
        self.types = {_equipment_key(t.name): t for t in settings.equipment_types}
        self.by_approach = settings.by_approach
        self._strategy_of: dict[object, Strategy | None] = {}
        self._programme_of: dict[str, tuple[Programme | None, bool]] = {}

    def strategy(self, value: object) -> Strategy | None:
        key = (value.__class__, value)  # by type too: True == 1, but is no strategy 1
        try:  # the same few strategy cells, row after row
            return self._strategy_of[key]
        except (KeyError, TypeError):
            pass
        number, name = split_numbered(value)
        found = self.strategies.get(number) if number is not None \
            else self.strategy_names.get(label_key(name))
        if len(self._strategy_of) >= _MAX_REMEMBERED:
            self._strategy_of.clear()
        try:
            self._strategy_of[key] = found
        except TypeError:  # an unhashable value: no cache
            pass
        return found

    def programme_named(self, text: str) -> tuple[Programme | None, bool]:
        """The programme *text* names, and whether *text* spells it otherwise than
        the list does (spacing alone does not count)."""
        try:  # the same few programme cells, row after row
            return self._programme_of[text]
        except KeyError:
            pass
        found = self.programmes.get(_programme_key(text))
        answer = found, found is not None and label_key(text) != label_key(found.name)
        if len(self._programme_of) >= _MAX_REMEMBERED:
            self._programme_of.clear()
        self._programme_of[text] = answer
        return answer

    def approach(self, value: object, strategy: Strategy) -> Programme | None:
        text = to_arabic_digits(clean_text(value))
        match = re.match(r"^(\d{1,9})\.(\d{1,9})(?!\d)", text)
        if match:
            found = self.approaches.get(f"{int(match.group(1))}.{int(match.group(2))}")
        else:
            found = next((a for a in self.settings.approaches
                          if label_key(a.name) == label_key(text)), None)
        return found if found is not None and found.strategy == strategy.number else None

    def equipment_type(self, value: object) -> EquipmentType | None:
        return self.types.get(_equipment_key(value))


def budget_satang(value: object) -> tuple[int, str | None]:
    """Return (satang, error code or None) for a budget cell.

    The satang are what the row contributes to the reconciliation even when
    it is rejected: unparseable counts 0, extra decimals round half-up.
    """
    cls = value.__class__
    if (cls is int or cls is float and value.is_integer()) and abs(value) <= MAX_BUDGET_BAHT:
        # The common cell, a whole number: what the exact arithmetic below gives.
        satang = int(value) * 100
        return satang, None if satang > 0 else "budget-not-positive"
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


def _month_list(marks: tuple[bool, ...]) -> str:
    return ", ".join(month for month, marked in zip(MONTHS, marks, strict=True) if marked)


#: Text no longer than this is within every limit: only its emptiness is checked.
_SHORT_TEXT = min(PRINT_LIMITS.values())


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
        value = self.values.get(key, "")
        value = clean_str(value) if value.__class__ is str else clean_text(value)
        if len(value) <= _SHORT_TEXT:  # the common cell: too short to be too long
            if not value and required and key in self.values:
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
        if problem and "budget" in self.values:
            extra = {"limit": f"{MAX_BUDGET_BAHT:,}"} if problem == "budget-too-large" else {}
            self.report(problem, "budget", **extra)
        return satang

    def months(self, text_keys: tuple[str, ...]) -> tuple[bool, ...]:
        """The months marked by a value, or else by colour alone (with a warning).

        With none marked, a month span written in *text_keys* (the activity
        text, say) gets its own finding: it is the likely intent, but the
        form needs the marks.
        """
        values = self.values
        marks = self.raw.marks  # as the reader found them, when it looked
        if marks is None:
            marks = month_marks(month_values(values))
        if any(marks):
            return marks
        if self.raw.filled:
            marks = tuple(key in self.raw.filled for key in MONTH_KEYS)
            first = next(key for key in MONTH_KEYS if key in self.raw.filled)
            self.report("month-marked-by-fill", first, "", marks=_month_list(marks))
            return marks
        present = [key for key in MONTH_KEYS if key in values]
        if not present:
            return marks
        for key in text_keys:
            words, months = months_in_text(values.get(key, ""))
            if months:
                self.report("month-in-text-only", present[0], "", months=words,
                            marks=_month_list(tuple(i in months for i in range(12))))
                return marks
        self.report("no-month", present[0], "")
        return marks

    def formulas(self) -> None:
        for key, formula in self.raw.formulas.items():
            self.report("formula-cell", key, formula=formula)

    @property
    def has_error(self) -> bool:
        return bool(self.findings) and any(f.severity == ERROR for f in self.findings)

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
    months = row.months(("activity", "name", "note"))
    responsible = row.text("responsible")
    if raw.formulas:
        row.formulas()
    if table.header.missing or row.has_error or strategy is None or group is None:
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
    months = row.months(("target", "note"))
    responsible = row.text("responsible")
    category = row.text("category")
    row.formulas()
    if table.header.missing or row.has_error or programme is None or equipment_type is None:
        return None, satang, row.findings
    item = EquipmentRow(
        origin=raw.origin, department=department.name, programme=programme,
        category=category or DEFAULT_CATEGORY, equipment_type=equipment_type,
        target=target, budget_satang=satang, place=place,
        responsible=responsible or department.name, months=months,
        note=row.text("note"), cells=raw.cells)
    return item, satang, row.findings


def resolve_department(submission: Submission, settings: Settings) -> tuple[Department, list]:
    """The department that sent a file: by its หน่วยงาน sheet, else its file name."""
    keys = {}
    for department in settings.departments:
        keys[label_key(department.name)] = department
        keys[label_key(department.code)] = department
    for hint in (submission.department_name, submission.path.stem):
        if hint and label_key(hint) in keys:
            return keys[label_key(hint)], []
    hint = submission.department_name or submission.path.stem
    if not submission.kind:  # never opened: its own finding says why, nothing to add
        return Department(0, hint, submission.path.stem), []
    unknown = finding("unknown-department", submission.name, value=hint)
    return Department(0, hint, submission.path.stem), [unknown]


def check_fiscal_year(submission: Submission, settings: Settings) -> Iterator[Finding]:
    """The year on the หน่วยงาน sheet, in titles or header labels, against the plan's."""
    if submission.fiscal_year is not None:
        value, cell = submission.fiscal_year
        year = parse_int(value)
        if year is not None and year != settings.fiscal_year:
            yield finding("fiscal-year-mismatch", submission.name, "หน่วยงาน", int(cell[1:]),
                          "ปีงบประมาณ", cell, clean_text(value), year=settings.fiscal_year)
    for stated in submission.stated_years:
        if stated.year != settings.fiscal_year:
            yield finding("fiscal-year-mismatch", submission.name, stated.sheet,
                          int(re.sub(r"\D", "", stated.cell)), "", stated.cell, stated.year,
                          year=settings.fiscal_year)


def check_totals(table: Table, satang_by_row: dict[int, int]) -> Iterator[Finding]:
    """A total row whose figure is neither the sum of the rows since the previous
    total row nor the sum of all rows above it.  (Totals are never counted.)"""
    previous = 0
    for total in table.totals:
        value = total.values.get("budget", "")
        if is_blank(value):
            previous = total.origin.row
            continue
        above = [row for row in satang_by_row if row < total.origin.row]
        section = sum(satang for row, satang in satang_by_row.items()
                      if previous < row < total.origin.row)
        everything = sum(satang_by_row[row] for row in above)
        figure, problem = budget_satang(value)
        if problem in (None, "budget-not-positive") and figure in (section, everything):
            previous = total.origin.row
            continue
        yield finding("total-row-mismatch", total.origin.file, total.origin.sheet,
                      total.origin.row, table.label("budget"), total.cells.get("budget", ""),
                      clean_text(value), expected=format_baht(section))
        previous = total.origin.row


def check_missing_departments(settings: Settings,
                              senders: Iterable[Department]) -> Iterator[Finding]:
    sent = {department.code for department in senders}
    for department in settings.departments:
        if department.code not in sent:
            yield finding("department-no-submission", department=department.name)


def check_duplicates(projects: list[ProjectRow]) -> Iterator[Finding]:
    """The same project twice, within or across files: the same name at the same
    place, after Thai text normalisation (spaces, digits, sara am, invisible
    characters).  Names alone repeat legitimately (a road in each village)."""
    first: dict[tuple[str, str], ProjectRow] = {}
    for project in projects:
        key = (label_key(project.name), label_key(project.place))
        if key in first:
            other = first[key].origin
            yield finding("duplicate-project", project.origin.file, project.origin.sheet,
                          project.origin.row, "โครงการ", project.cells.get("name", ""),
                          project.name, other=str(other), place=project.place)
        else:
            first[key] = project


def check_same_files(submissions: list[Submission]) -> Iterator[Finding]:
    """A file that is a byte-for-byte copy of an earlier one (``works (1).xlsx``)."""
    first: dict[str, str] = {}
    for submission in submissions:
        if not submission.sha256:
            continue
        if submission.sha256 in first:
            yield finding("duplicate-file", submission.name,
                          other=first[submission.sha256])
        else:
            first[submission.sha256] = submission.name


def check_several_files(senders: list[tuple[str, Department]]) -> Iterator[Finding]:
    """A department in the settings that sent more than one file."""
    by_code: dict[str, list[str]] = {}
    for file, department in senders:
        if department.order:  # departments not in the settings are reported apart
            by_code.setdefault(department.code, []).append(file)
    for files in by_code.values():
        if len(files) > 1:
            department = next(d for f, d in senders if f == files[0])
            yield finding("department-several-files", files[-1], department=department.name,
                          files=", ".join(files))


def check_dev_plan(settings: Settings, projects: list[ProjectRow]) -> Iterator[Finding]:
    if not settings.dev_plan:
        return
    known = {label_key(p.name) for p in settings.dev_plan}
    other_agency = label_key(OTHER_AGENCY_FUNDS)
    for project in projects:
        # Another agency's project is in the plan but not in our development plan.
        if label_key(project.name) not in known and label_key(project.fund_source) != other_agency:
            yield finding("not-in-dev-plan", project.origin.file, project.origin.sheet,
                          project.origin.row, "โครงการ", project.cells.get("name", ""),
                          project.name)

