"""Each imported row's responsible unit, found among the plan's departments.

A printed ผด.02 has no department per file, only each row's
หน่วยงานรับผิดชอบหลัก.  That cell is looked up the way ``check`` looks up a
file's department (by name or code, or a name followed by the organisation's:
``กองช่าง อบต.หนองสมมุติ``).  What else a cell may hold, and where its rows go:

- several units, the first a department (``กองช่าง / การไฟฟ้าส่วนภูมิภาค…``):
  that department's file, with a warning (the cell is kept as written);
- a unit not among the plan's departments (``อบจ.สมมุติ``): a file of its own
  named for it, with a warning: ``oplan check`` reads it as any file of a
  department it does not know (``unknown-department``) and plans its rows, so
  no baht is lost; the officer adds the unit to plan.xlsx or moves the rows;
- nothing (the column blank, or no such column): the department given with
  ``--department``, else a file of its own (``ไม่ระบุหน่วยงาน.xlsx``), with a
  warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oplan_xl.check.resolve import Resolver
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.model import Department, Settings
from oplan_xl.imports.source import ImportRow
from oplan_xl.speed.text import clean_text

#: The file of rows naming no unit when no --department is given.
NO_UNIT = "ไม่ระบุหน่วยงาน"

#: What separates units named together in one cell.
_SEPARATORS = re.compile(r"\s*(?:/|,|;|\n|\bและ\b|ร่วมกับ)\s*")


@dataclass
class Unit:
    """The rows going to one submission file."""

    department: Department
    #: True for a department of plan.xlsx; False for a unit named for the rows.
    known: bool
    rows: list[ImportRow] = field(default_factory=list)

    @property
    def satang(self) -> int:
        return sum(row.satang for row in self.rows)


class Units:
    """Sorts imported rows into units, collecting a warning per odd unit name."""

    def __init__(self, settings: Settings, default: Department | None) -> None:
        self.resolve = Resolver(settings)
        self.default = default
        self.units: dict[str, Unit] = {}
        self.findings: list[Finding] = []
        #: Unit text → (the unit, the finding code and its parameters) once worked out.
        self._seen: dict[str, tuple[Unit, str | None, dict]] = {}
        self._counts: dict[str, list] = {}  # text → [first row, rows]

    def add(self, row: ImportRow) -> None:
        text = clean_text(getattr(row.row, "responsible", ""))
        if text not in self._seen:
            self._seen[text] = self._unit_for(text)
            self._counts[text] = [row, 0]
        unit = self._seen[text][0]
        unit.rows.append(row)
        self._counts[text][1] += 1

    def _unit(self, department: Department, known: bool) -> Unit:
        key = department.name if known else f"?{department.name}"
        if key not in self.units:
            self.units[key] = Unit(department, known)
        return self.units[key]

    def _unit_for(self, text: str) -> tuple[Unit, str | None, dict]:
        resolve = self.resolve
        if not text:
            if self.default is not None:
                return self._unit(self.default, True), None, {}
            return self._unit(Department(0, NO_UNIT, NO_UNIT), False), "import-no-unit", {}
        found = resolve.department(text) or resolve.department_with_suffix(text)
        if found is not None:
            return self._unit(found, True), None, {}
        first = _SEPARATORS.split(text, maxsplit=1)[0]
        if first != text:
            found = resolve.department(first) or resolve.department_with_suffix(first)
            if found is not None:
                return self._unit(found, True), "import-unit-first-named", \
                    {"department": found.name}
        return self._unit(Department(0, text, text), False), "import-unit-unknown", {}

    def finish(self, file_names: dict[str, str]) -> list[Finding]:
        """One warning per unit text that needed one, at its first row, naming the
        file its rows went to (*file_names*: unit key → file name)."""
        for text, (unit, code, params) in self._seen.items():
            if code is None:
                continue
            first, count = self._counts[text]
            origin = first.origin
            key = unit.department.name if unit.known else f"?{unit.department.name}"
            cell = getattr(first.row, "cells", {}).get("responsible", "")
            self.findings.append(finding(
                code, origin.file, origin.sheet, origin.row, "หน่วยงานรับผิดชอบหลัก", cell,
                text, rows=count, target=file_names.get(key, ""), **params))
        return self.findings

    def ordered(self) -> list[Unit]:
        """The plan's departments in plan.xlsx's order, then the others as met."""
        known = sorted((u for u in self.units.values() if u.known),
                       key=lambda unit: unit.department.order)
        return known + [u for u in self.units.values() if not u.known]


def unit_key(unit: Unit) -> str:
    return unit.department.name if unit.known else f"?{unit.department.name}"
