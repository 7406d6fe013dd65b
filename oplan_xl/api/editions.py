"""Editions through the year: ``oplan edition`` and applying editions in a build."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from oplan_xl.check.run import check_plan
from oplan_xl.core.errors import UsageError
from oplan_xl.core.findings import Report
from oplan_xl.core.model import Settings
from oplan_xl.write.atomic import write_all

if TYPE_CHECKING:
    from oplan_xl.plan.editions import EditionOutcome
    from oplan_xl.plan.record import Edition

from oplan_xl.api.base import (
    DATA_FILES,
    FORM_FILES,
    OUTPUT,
    SUBMISSIONS,
    TEMPLATES,
    BuildResult,
    check,
    load_settings,
    set_aside_stale,
    write_findings_in,
)

# --- Editions through the year (plan.editions) --------------------------------------

EDITIONS = "editions"
#: What ``oplan edition`` writes into a new edition folder: its kind and year.
EDITION_FILE = "edition.json"
#: Where a build writes the consolidated plan, in output/.
CURRENT = "current"


def new_edition(plan_dir: Path, kind_text: str) -> tuple[Path, list[Path]]:
    """``oplan edition``: make ``editions/<NN>-<kind>/`` with templates/ and
    submissions/, the templates pre-filled with each department's current rows for
    a เปลี่ยนแปลง or แก้ไข edition.  Returns the folder and the templates written.

    The current rows are the plan's as of the last edition built from the folder's
    submissions now; the plan must have no errors (it raises UsageError)."""
    from oplan_xl.plan.editions import ADD, editions_of, folder_name, kind_of
    from oplan_xl.plan.record import department_codes
    from oplan_xl.write.template import template_file_name
    from oplan_xl.write.template.edition import write_edition_template

    settings = load_settings(plan_dir)
    kind = kind_of(kind_text)
    if kind is None:
        raise UsageError("edition-kind-unknown", kind=kind_text)
    root = plan_dir / EDITIONS
    names = [p.name for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    known = editions_of(names, settings.fiscal_year)
    number = max((edition.number for _, edition in known), default=0) + 1
    name, edition = editions_of([folder_name(number, kind)] + [n for n, _ in known],
                                settings.fiscal_year)[-1]
    rows_by_department: dict[str, list] = {}
    if kind != ADD:
        current = current_rows(plan_dir, settings)
        codes = department_codes(settings)
        for placed in [*current.projects.values(), *current.equipment.values()]:
            code = codes.get(placed.row.department, placed.row.department)
            rows_by_department.setdefault(code, []).append((placed.row_id, placed.row))
    folder = root / name
    (folder / SUBMISSIONS).mkdir(parents=True, exist_ok=False)
    (folder / EDITION_FILE).write_text(json.dumps(
        {"kind": kind, "number": number, "name": edition.name,
         "fiscal_year": settings.fiscal_year}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    title = f"{settings.plan_year_title} {edition.name}"
    written = [write_edition_template(
        settings, department, title,
        None if kind == ADD else rows_by_department.get(department.code, []),
        folder / TEMPLATES / template_file_name(department))
        for department in settings.departments]
    return folder, written


def current_rows(plan_dir: Path, settings: Settings):
    """The plan's rows as of its last edition (``plan.editions.Current``)."""
    result = BuildResult(check(plan_dir, settings))
    if result.report.errors:
        raise UsageError("edition-plan-has-errors", errors=len(result.report.errors))
    current = apply_editions(plan_dir, settings, result.report, result, force=False)
    if any(item.blocked for item in result.editions):
        raise UsageError("edition-plan-has-errors",
                         errors=sum(len(item.report.errors) for item in result.editions))
    return current


@dataclass
class EditionResult:
    """One edition of a build: its submissions checked, its changes applied."""

    folder: Path
    edition: Edition
    report: Report
    outcome: EditionOutcome | None = None
    #: Its forms in output/editions/<NN>-<kind>/ (pd01, pd02, pd02-1, data → path).
    outputs: dict[str, Path] = field(default_factory=dict)
    #: Its findings.xlsx and returned copies there ("findings", "returned:<file>"
    #: → path), written also when it is blocked (``api.base.write_findings_in``).
    findings: dict[str, Path] = field(default_factory=dict)
    #: Skipped: no submissions (a warning says so).
    skipped: bool = False
    blocked: bool = False


def apply_editions(plan_dir: Path, settings: Settings, report: Report, result: BuildResult,
                   force: bool):
    """Check and apply every edition in order onto the original plan's rows;
    record each in ``result.editions``; stop at one with errors (unless *force*).
    Returns the rows after the last one applied."""
    from oplan_xl.core.findings import finding
    from oplan_xl.plan.editions import editions_of, original_rows
    from oplan_xl.plan.record import department_codes

    codes = department_codes(settings)
    current = original_rows(report.projects, report.equipment, codes)
    root = plan_dir / EDITIONS
    names = [p.name for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    for name, edition in editions_of(names, settings.fiscal_year):
        folder = root / name
        item = EditionResult(folder, edition, Report())
        result.editions.append(item)
        year = _edition_year(folder)
        if year is not None and year != settings.fiscal_year:
            item.report.findings.append(finding("edition-other-year",
                                                f"{EDITIONS}/{name}/{EDITION_FILE}", value=year,
                                                year=settings.fiscal_year))
        elif not list_submissions_of(folder):
            item.report.findings.append(finding("edition-no-submissions",
                                                f"{EDITIONS}/{name}/{SUBMISSIONS}"))
            item.skipped = True
            continue
        else:
            item.report = check_plan(settings, folder / SUBMISSIONS)
            # An edition comes from the departments that have something to change.
            item.report.findings = [f for f in item.report.findings
                                    if f.code != "department-no-submission"]
            item.outcome = _apply(folder, edition, item.report, current, codes)
            item.report.findings += item.outcome.findings
        if item.report.errors and not force:
            item.blocked = True
            break
        if item.outcome is not None:
            current = item.outcome.current
    return current


def list_submissions_of(folder: Path) -> list[Path]:
    from oplan_xl.read.submission import list_submissions

    return list_submissions(folder / SUBMISSIONS)


def _edition_year(folder: Path) -> int | None:
    """The fiscal year ``oplan edition`` wrote into the folder, if it did."""
    try:
        year = json.loads((folder / EDITION_FILE).read_text(encoding="utf-8"))["fiscal_year"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return year if isinstance(year, int) else None


def _apply(folder: Path, edition, report: Report, current, codes) -> EditionOutcome:
    """The edition's accepted rows with their edition columns, applied to *current*."""
    from oplan_xl.plan.editions import EQUIPMENT, PROJECTS, EditionRow, apply_edition
    from oplan_xl.read.edition_columns import read_edition_cells

    by_file: dict[str, list] = {}
    for kind, rows in ((PROJECTS, report.projects), (EQUIPMENT, report.equipment)):
        for row in rows:
            by_file.setdefault(row.origin.file, []).append((kind, row))
    rows = []
    for file, items in by_file.items():
        cells = read_edition_cells(folder / SUBMISSIONS / file,
                                   [(row.origin.sheet, row.origin.row) for _, row in items])
        rows += [EditionRow(kind, row, cells.get((row.origin.sheet, row.origin.row), {}))
                 for kind, row in items]
    return apply_edition(current, edition, rows, codes)


def build_editions(plan_dir: Path, settings: Settings, report: Report, result: BuildResult,
                   force: bool) -> None:
    """After the original plan: each edition's findings outputs and forms in
    output/editions/<NN>-<kind>/, then the plan as of the last one in output/current/
    (none if one is blocked, and an earlier one is then moved aside)."""
    from oplan_xl.preview.book import preview_writer
    from oplan_xl.write.editions import current_plan, current_writers, edition_writers

    output = plan_dir / OUTPUT
    current = apply_editions(plan_dir, settings, report, result, force)
    for item in result.editions:
        # Each edition's findings, and a department's workbook marked where to fix it,
        # from its own submissions: written first, and also when it is blocked.
        item.findings = write_findings_in(output / EDITIONS / item.folder.name, item.report,
                                          item.folder / SUBMISSIONS, result.unwritten)
        if item.outcome is None or item.blocked:
            continue
        writers = edition_writers(settings, item.edition, item.outcome, item.report,
                                  output / EDITIONS / item.folder.name,
                                  draft=len(item.report.errors))
        write_all(list(writers.values()))
        item.outputs = {name: target for name, (target, _) in writers.items()}
    target = output / CURRENT
    applied = [item for item in result.editions if item.outcome is not None]
    if any(item.blocked for item in result.editions) or not applied:
        if target.is_dir():
            set_aside_stale(output, result, [f"{CURRENT}/{file}" for file in
                                             [*FORM_FILES.values(), *DATA_FILES.values()]])
        return
    plan, placed = current_plan(settings, current, applied[-1].edition, report)
    writers = current_writers(plan, placed, applied[-1].edition, report, target,
                              draft=len(report.errors))
    writers["preview"] = (target / FORM_FILES["preview"], preview_writer(
        plan, report, [item.outcome for item in applied]))
    write_all(list(writers.values()))
    result.current = {name: path for name, (path, _) in writers.items()}
