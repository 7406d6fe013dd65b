"""Editions through the year: which rows an edition adds, changes and cancels, and
the current plan they make.

An LAO announces its plan, then amends it: เพิ่มเติม (new rows only), เปลี่ยนแปลง and
แก้ไข (rows changed or cancelled, and new ones), each numbered per kind and year
(``เพิ่มเติม ครั้งที่ 1/2568``).  Each edition is a folder
``PLAN_DIR/editions/<NN>-<kind>/`` whose submissions are read and checked like the
original ones; this module applies them, in the order of NN, to the *current*
rows, keyed by row id (``core.rowid``):

- the original plan's rows are the current rows of edition 0;
- a เพิ่มเติม row is new: it gets a fresh id; one whose id (department, name,
  place) is a current row's is ``edition-duplicate-row``, and not added;
- a เปลี่ยนแปลง / แก้ไข row names its row by the locked รหัสแถว column: marked
  ยกเลิก it is cancelled, marked แก้ไข (or with any value different) it replaces
  the current row under the same id; either needs a เหตุผลความจำเป็น.  A row
  without an id is new, with a reason too.  An id not in the current rows
  (never was, or cancelled earlier) is an error and nothing is applied;
- a current row an edition does not mention stays as it is.

So the current plan's total is the original's + added − cancelled ± changed, to
the satang (``EditionOutcome`` keeps the three figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Union

from oplan_xl.core import rowid
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import STATUS_CANCEL, STATUS_CHANGE, STATUS_KEEP
from oplan_xl.core.model import EquipmentRow, ProjectRow
from oplan_xl.core.normalise import label_key
from oplan_xl.plan.record import ORIGINAL, Edition

ADD, CHANGE, CORRECT = "เพิ่มเติม", "เปลี่ยนแปลง", "แก้ไข"
KINDS = (ADD, CHANGE, CORRECT)
#: What ``--kind`` accepts: the Thai names and English words.
KIND_ALIASES = {ADD: ADD, CHANGE: CHANGE, CORRECT: CORRECT,
                "add": ADD, "change": CHANGE, "correct": CORRECT}
#: ``01-เพิ่มเติม``: the edition's number, then its kind.
FOLDER_NAME = re.compile(r"^(\d{1,3})-(" + "|".join(KINDS) + r")$")
PROJECTS, EQUIPMENT = "projects", "equipment"
#: A change's action when it adds a row (the others are STATUS_CHANGE, STATUS_CANCEL).
ADD_ACTION = "เพิ่ม"
#: The words of the สถานะ column, as label keys: what each means.
_STATUS_WORDS = {label_key(word): meaning for word, meaning in (
    (STATUS_KEEP, STATUS_KEEP), ("ไม่เปลี่ยน", STATUS_KEEP), (STATUS_CHANGE, STATUS_CHANGE),
    ("เปลี่ยนแปลง", STATUS_CHANGE), ("แก้", STATUS_CHANGE), (STATUS_CANCEL, STATUS_CANCEL),
    ("ยกเลิกโครงการ", STATUS_CANCEL))}

Row = Union[ProjectRow, EquipmentRow]  # noqa: UP007 - a runtime alias


def kind_of(text: str) -> str | None:
    """The edition kind *text* names (Thai or English), or None."""
    return KIND_ALIASES.get(text.strip()) or KIND_ALIASES.get(text.strip().casefold())


def folder_name(number: int, kind: str) -> str:
    return f"{number:02d}-{kind}"


def edition_name(kind: str, count: int, fiscal_year: int) -> str:
    """``เพิ่มเติม ครั้งที่ 1/2568``: *count* is its number among the editions of its kind."""
    return f"{kind} ครั้งที่ {count}/{fiscal_year}"


def editions_of(names: list[str], fiscal_year: int) -> list[tuple[str, Edition]]:
    """(folder name, Edition) of each edition folder among *names*, in their order
    (NN); other names are not editions.  Each is named with its count per kind."""
    found = sorted((int(match.group(1)), match.group(2), name) for name in names
                   if (match := FOLDER_NAME.match(name)))
    counts: dict[str, int] = {}
    result = []
    for number, kind, name in found:
        counts[kind] = counts.get(kind, 0) + 1
        result.append((name, Edition(number, kind, edition_name(kind, counts[kind],
                                                                   fiscal_year))))
    return result


@dataclass
class Placed:
    """A current row: its id, its values and the edition they come from."""

    row_id: str
    row: Row
    edition: Edition


@dataclass
class Current:
    """The plan's rows as of an edition, by id, in the order they came."""

    projects: dict[str, Placed] = field(default_factory=dict)
    equipment: dict[str, Placed] = field(default_factory=dict)
    #: Ids cancelled by an edition → that edition.
    cancelled: dict[str, Edition] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Placed]:
        return self.projects if kind == PROJECTS else self.equipment

    def copy(self) -> Current:
        return Current(dict(self.projects), dict(self.equipment), dict(self.cancelled))

    @property
    def satang(self) -> int:
        return sum(p.row.budget_satang for p in [*self.projects.values(),
                                                   *self.equipment.values()])


def original_rows(projects: list[ProjectRow], equipment: list[EquipmentRow],
                  codes: dict[str, str]) -> Current:
    """The original plan's rows with their ids (as the plan record gives them)."""
    current = Current()
    for placed, rows, ids in ((current.projects, projects, rowid.project_ids(projects, codes)),
                              (current.equipment, equipment,
                               rowid.equipment_ids(equipment, codes))):
        for row, row_id in zip(rows, ids, strict=True):
            placed[row_id] = Placed(row_id, row, ORIGINAL)
    return current


@dataclass
class EditionRow:
    """A row an edition's submission gives: the checked row and the edition columns
    (``read.edition_columns``: key → cell, with ``text``, ``label``, ``cell``)."""

    kind: str
    row: Row
    cells: dict = field(default_factory=dict)

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.text if cell else ""


@dataclass
class Change:
    """One row an edition adds (old None), changes, or cancels (new None)."""

    kind: str
    row_id: str
    old: Row | None
    new: Row | None
    reason: str = ""

    @property
    def action(self) -> str:
        return ADD_ACTION if self.old is None else STATUS_CANCEL if self.new is None \
            else STATUS_CHANGE

    @property
    def delta(self) -> int:
        """What the change does to the plan's total, in satang."""
        return (self.new.budget_satang if self.new else 0) - \
            (self.old.budget_satang if self.old else 0)


@dataclass
class EditionOutcome:
    """An edition applied: its changes, its findings, and the rows after it."""

    edition: Edition
    changes: list[Change]
    findings: list[Finding]
    current: Current

    def satang(self, action: str) -> int:
        """The satang the changes of *action* (เพิ่ม, แก้ไข, ยกเลิก) move."""
        return sum(c.delta for c in self.changes if c.action == action)


def _values(row: Row) -> tuple:
    """Everything of a row that prints, apart from where it was read."""
    return tuple(getattr(row, f.name) for f in fields(row) if f.name not in ("origin", "cells"))


def apply_edition(current: Current, edition: Edition, rows: list[EditionRow],
                  codes: dict[str, str]) -> EditionOutcome:
    """Apply *rows* of *edition* to *current* (left unchanged): the outcome holds
    the rows after it.  A row that cannot be applied is an error at its cell."""
    after = current.copy()
    changes: list[Change] = []
    findings: list[Finding] = []
    new_rows: list[EditionRow] = []
    seen: dict[str, EditionRow] = {}
    for item in rows:
        row_id = item.text("row_id") if edition.kind != ADD else ""
        if not row_id:
            new_rows.append(item)
            continue
        if row_id in seen:
            findings.append(_at(item, "row_id", "edition-row-id-repeated", row_id,
                                other=seen[row_id].row.origin.row))
            continue
        seen[row_id] = item
        _change(after, edition, item, row_id, changes, findings)
    _add(after, edition, new_rows, codes, changes, findings)
    return EditionOutcome(edition, changes, findings, after)


def _change(after: Current, edition: Edition, item: EditionRow, row_id: str,
            changes: list[Change], findings: list[Finding]) -> None:
    """Apply a row of a เปลี่ยนแปลง / แก้ไข edition that names its row."""
    table = after.table(item.kind)
    placed = table.get(row_id)
    if placed is None:
        cancelled = after.cancelled.get(row_id)
        if cancelled is not None:
            findings.append(_at(item, "row_id", "edition-row-cancelled", row_id,
                                edition=cancelled.name))
        else:
            findings.append(_at(item, "row_id", "edition-unknown-row", row_id))
        return
    status_text = item.text("status")
    status = _STATUS_WORDS.get(label_key(status_text)) if status_text else STATUS_KEEP
    if status is None:
        findings.append(_at(item, "status", "edition-status-unknown", status_text,
                            statuses=", ".join((STATUS_KEEP, STATUS_CHANGE, STATUS_CANCEL))))
        return
    if status == STATUS_KEEP and _values(item.row) == _values(placed.row):
        return
    reason = item.text("reason")
    if not reason:
        findings.append(_at(item, "reason", "edition-no-reason", "",
                            action=STATUS_CANCEL if status == STATUS_CANCEL else STATUS_CHANGE))
        return
    if status == STATUS_CANCEL:
        del table[row_id]
        after.cancelled[row_id] = edition
        changes.append(Change(item.kind, row_id, placed.row, None, reason))
        return
    table[row_id] = Placed(row_id, item.row, edition)
    changes.append(Change(item.kind, row_id, placed.row, item.row, reason))


def _add(after: Current, edition: Edition, rows: list[EditionRow], codes: dict[str, str],
         changes: list[Change], findings: list[Finding]) -> None:
    """Add the new rows of an edition, each with a fresh id."""
    for kind in (PROJECTS, EQUIPMENT):
        mine = [item for item in rows if item.kind == kind]
        table = after.table(kind)
        taken = [*after.projects, *after.equipment, *after.cancelled]
        make_ids = rowid.project_ids if kind == PROJECTS else rowid.equipment_ids
        ids = make_ids([item.row for item in mine], codes, taken)
        for item, row_id in zip(mine, ids, strict=True):
            base = make_ids([item.row], codes)[0]
            if base in table:
                findings.append(_at(item, "row_id", "edition-duplicate-row",
                                    _subject(item.row), row_id=base,
                                    edition=table[base].edition.name))
                continue
            reason = item.text("reason")
            if edition.kind != ADD and not reason:
                findings.append(_at(item, "reason", "edition-no-reason", "", action="เพิ่ม"))
                continue
            table[row_id] = Placed(row_id, item.row, edition)
            changes.append(Change(kind, row_id, None, item.row, reason))


def _subject(row: Row) -> str:
    return row.name if isinstance(row, ProjectRow) else row.target


def _at(item: EditionRow, key: str, code: str, value: object, **params: object) -> Finding:
    """A finding at the row's edition column *key* (its first cell when the
    column is missing)."""
    origin = item.row.origin
    cell = item.cells.get(key)
    address = cell.cell if cell else (item.row.cells.get("name") or
                                      item.row.cells.get("target") or "")
    label = cell.label if cell else {"row_id": "รหัสแถว", "status": "สถานะ",
                                     "reason": "เหตุผลความจำเป็น"}[key]
    return finding(code, origin.file, origin.sheet, origin.row, label, address, value,
                   subject=_subject(item.row), **params)
