"""The files of the editions: each edition's forms and the current plan's.

- ``output/editions/<NN>-<kind>/``: a เพิ่มเติม edition's ผด.01, ผด.02 (and ผด.02/1)
  of its new rows only, titled with the edition; a เปลี่ยนแปลง / แก้ไข edition's
  ผด.01 of its rows as they now are, and ผด.02 (ผด.02/1) of the old and new values
  side by side with the reason (``forms.changes``); and ``edition.json``, its own
  reconciliation: files and rows read, planned and rejected, and the satang it
  adds, changes and cancels.
- ``output/current/``: the plan as of the last edition, forms and plan record,
  each row saying which edition it comes from (under its name in ผด.02 / ผด.02/1,
  in the ฉบับ columns of the record).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from oplan_xl.core.findings import Report
from oplan_xl.core.model import Settings
from oplan_xl.plan.editions import ADD, EQUIPMENT, PROJECTS, Current, EditionOutcome
from oplan_xl.plan.grouping import Plan, make_plan
from oplan_xl.plan.record import ORIGINAL, Edition, baht
from oplan_xl.write import record
from oplan_xl.write.forms import changes as changes_form
from oplan_xl.write.forms import pd01, pd02, pd02_1

EDITION_FILE = "edition.json"


def edition_writers(settings: Settings, edition: Edition, outcome: EditionOutcome,
                    report: Report, folder: Path, draft: int = 0) -> dict[str, tuple]:
    """name → (target, writer) of one edition's files in *folder*."""
    settings = replace(settings, plan_edition=edition.name)
    new = [c for c in outcome.changes if c.new is not None]
    plan = make_plan(settings, [c.new for c in new if c.kind == PROJECTS],
                     [c.new for c in new if c.kind == EQUIPMENT], report.files)
    writers = {"pd01": (folder / "pd01.xlsx", pd01.writer(plan, draft))}
    equipment = [c for c in outcome.changes if c.kind == EQUIPMENT]
    if edition.kind == ADD:
        writers["pd02"] = (folder / "pd02.xlsx", pd02.writer(plan, draft))
        if plan.equipment_count and not settings.by_approach:
            writers["pd02-1"] = (folder / "pd02-1.xlsx", pd02_1.writer(plan, draft))
    else:
        writers["pd02"] = (folder / "pd02.xlsx", changes_form.writer(
            settings, [c for c in outcome.changes if c.kind == PROJECTS]))
        if equipment:
            writers["pd02-1"] = (folder / "pd02-1.xlsx",
                                 changes_form.writer(settings, equipment, equipment=True))
    # edition.json has no row lists: indented whole, not plan.json's row per line.
    data = (json.dumps(edition_document(edition, outcome, report, draft), ensure_ascii=False,
                       indent=2) + "\n").encode("utf-8")
    writers["edition"] = (folder / EDITION_FILE, _bytes_writer(data))
    return writers


def edition_document(edition: Edition, outcome: EditionOutcome, report: Report,
                     draft: int) -> dict:
    """edition.json: the edition, its reconciliation and its changes."""
    added, changed, cancelled = (outcome.satang(action) for action in ("เพิ่ม", "แก้ไข",
                                                                      "ยกเลิก"))
    return {
        "format": "oplan-xl edition", "format_version": 1,
        "edition": {"number": edition.number, "kind": edition.kind, "name": edition.name},
        "draft": bool(draft), "errors": len(report.errors), "warnings": len(report.warnings),
        "money": "baht, text with two decimals",
        "totals": {"before": baht(outcome.current.satang - added - changed - cancelled),
                   "added": baht(added), "changed": baht(changed),
                   "cancelled": baht(cancelled), "after": baht(outcome.current.satang)},
        "reconciliation": report.reconciliation(),
        "changes": [{"kind": c.kind, "row_id": c.row_id, "action": c.action,
                     "budget_before": baht(c.old.budget_satang) if c.old else None,
                     "budget_after": baht(c.new.budget_satang) if c.new else None,
                     "reason": c.reason,
                     "source": list(c.new.origin) if c.new else None}
                    for c in outcome.changes],
    }


def current_name(edition: Edition) -> str:
    """What the current plan's forms say they are: the plan as of *edition*."""
    return f"(ฉบับรวม ณ {edition.name})"


def current_plan(settings: Settings, current: Current, last: Edition,
                 report: Report) -> tuple[Plan, dict]:
    """The plan as of *last*: its rows, each noted with the edition it comes from
    (not the original's), and id() of each row → (row id, edition)."""
    settings = replace(settings, plan_edition=current_name(last))
    rows = [*current.projects.values(), *current.equipment.values()]
    plan = make_plan(settings, [p.row for p in current.projects.values()],
                     [p.row for p in current.equipment.values()], report.files)
    plan.row_editions = {id(p.row): p.edition.name for p in rows if p.edition != ORIGINAL}
    return plan, {id(p.row): (p.row_id, p.edition) for p in rows}


def current_writers(plan: Plan, placed: dict, last: Edition, report: Report, folder: Path,
                    draft: int = 0) -> dict[str, tuple]:
    """name → (target, writer) of output/current/: forms and the plan record."""
    writers = {"pd01": (folder / "pd01.xlsx", pd01.writer(plan, draft)),
               "pd02": (folder / "pd02.xlsx", pd02.writer(plan, draft))}
    if not plan.settings.by_approach:
        writers["pd02-1"] = (folder / "pd02-1.xlsx", pd02_1.writer(plan, draft))
    writers.update(record.writers(plan, report, folder, draft=bool(draft),
                                  edition=Edition(last.number, last.kind, current_name(last)),
                                  placed=placed))
    return writers


def _bytes_writer(data: bytes):
    def write(path: Path) -> None:
        path.write_bytes(data)
    return write
