"""Checking a plan's submissions: each file read and checked on its own, then the
checks across files; the outcome is one Report.

Files are checked one after the other in the order of their names, and what
each gives is put into the report in that order, so the same folder always
gives the same report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.check import plan_wide
from oplan_xl.check.resolve import Resolver
from oplan_xl.check.rows import check_equipment, check_project
from oplan_xl.check.submission import (
    check_empty_form,
    check_fiscal_year,
    check_totals,
    resolve_department,
)
from oplan_xl.core.findings import FileTally, Finding, Report, short_subject
from oplan_xl.core.model import Department, Settings
from oplan_xl.read.submission import Submission, Table, list_submissions, read_submission
from oplan_xl.speed.text import clean_text

#: The column that names a row of each kind of table: what a finding on the row is about.
SUBJECT_KEYS = {"projects": "name", "equipment": "target"}


@dataclass
class CheckedTable:
    """One table (projects or equipment) of a file, its rows checked."""

    kind: str  # "projects" or "equipment"
    #: (the plan row or None if rejected, its satang, its findings) per data row.
    rows: list[tuple[object, int, list[Finding]]]
    total_rows: int
    continuation_rows: int
    note_rows: int
    heading_rows: int
    total_findings: list[Finding]


@dataclass
class CheckedFile:
    """One submission read and checked on its own: what the report needs of it.
    (The raw rows are let go once checked.)"""

    submission: Submission
    department: Department
    department_findings: list[Finding]
    fiscal_year_findings: list[Finding]
    tables: list[CheckedTable]
    #: (sheet, Excel row) → the name of the project or equipment on that row
    #: (continuation rows: the row they continue), for findings to name it.
    subjects: dict[tuple[str, int], str] = field(default_factory=dict)


def check_plan(settings: Settings, submissions: Path,
               progress: Callable[[int, int], None] | None = None) -> Report:
    """Read and check every submission in the folder *submissions*; return the
    report with the accepted rows.

    *progress*, if given, is called with (files done, files) as each file is
    finished.  Bad data never raises: it becomes findings in the report.
    """
    resolve = Resolver(settings)
    paths = list_submissions(submissions)
    checked = []
    for done, path in enumerate(paths, 1):
        checked.append(check_file(path, settings, resolve))
        if progress is not None:
            progress(done, len(paths))
    return _report(settings, checked)


def check_file(path: Path, settings: Settings, resolve: Resolver) -> CheckedFile:
    """Read one submission and check its rows, its total rows and its fiscal year."""
    # The plan's year tells this year's budget column from last year's (``read.columns``).
    submission = read_submission(path, settings.second_level_label, settings.fiscal_year)
    department, found = resolve_department(submission, resolve)
    found += check_empty_form(submission)
    fiscal_year = list(check_fiscal_year(submission, settings))
    tables, subjects = [], {}
    for kind, table, check_row in (("projects", submission.projects, check_project),
                                   ("equipment", submission.equipment, check_equipment)):
        if table is None:
            continue
        rows = []
        satang_by_row = {}
        for raw in table.rows:
            plan_row, satang, row_findings = check_row(raw, table, department, resolve)
            rows.append((plan_row, satang, row_findings))
            satang_by_row[raw.origin.row] = satang
        tables.append(CheckedTable(kind, rows, len(table.totals), len(table.continuations),
                                   len(table.notes), len(table.headings),
                                   list(check_totals(table, satang_by_row))))
        subjects.update(row_subjects(table, SUBJECT_KEYS[kind]))
    submission.projects = submission.equipment = None
    return CheckedFile(submission, department, found, fiscal_year, tables, subjects)


def row_subjects(table: Table, key: str) -> dict[tuple[str, int], str]:
    """(sheet, Excel row) → the shortened text of column *key* of each data row
    of *table*, and of the continuation rows appended to it."""
    subjects = {}
    for raw in table.rows:
        text = clean_text(raw.values.get(key, ""))
        if text:
            subject = short_subject(text)
            for row in (raw.origin.row, *raw.continued):
                subjects[(raw.origin.sheet, row)] = subject
    return subjects


def name_rows(findings: list[Finding], checked: list[CheckedFile]) -> list[Finding]:
    """Each finding on a data row (whoever made it: the reader, a row's checks, a
    check across files) naming the row's project or equipment."""
    subjects = {item.submission.name: item.subjects for item in checked}
    named = []
    for item in findings:
        of_file = subjects.get(item.file)
        if of_file and item.row is not None and not item.subject:
            item = item.about(of_file.get((item.sheet, item.row), ""))
        named.append(item)
    return named


def _report(settings: Settings, checked: list[CheckedFile]) -> Report:
    """The files' outcomes put together in order, then the checks across files.

    A byte-for-byte copy of an earlier file is reported as such, once: its own
    findings would say everything twice, and none of its rows is planned.
    """
    report = Report()
    copies = {f.file: f for f in plan_wide.check_same_files([c.submission for c in checked])}
    senders = []
    for item in checked:
        name = item.submission.name
        senders.append((name, item.department))
        if name not in copies:
            report.findings += item.submission.findings + item.department_findings
        file_errors = list(item.fiscal_year_findings)
        if name in copies:
            file_errors.append(copies[name])
        report.findings += file_errors
        tally = report.add_file(name, item.department.name, item.submission.sha256,
                                item.submission.size)
        for table in item.tables:
            _add_table(report, tally, table, planned=not file_errors,
                       with_findings=name not in copies)
    report.findings += plan_wide.check_missing_departments(settings, [d for _, d in senders])
    report.findings += plan_wide.check_several_files(
        [(file, department) for file, department in senders if file not in copies])
    report.findings += plan_wide.check_duplicates(report.projects)
    report.findings += plan_wide.check_duplicate_equipment(report.equipment)
    report.findings += plan_wide.check_dev_plan(settings, report.projects)
    report.findings = name_rows(report.findings, checked)
    return report


def _add_table(report: Report, tally: FileTally, table: CheckedTable, planned: bool,
               with_findings: bool) -> None:
    """Count a table's rows in its file's tally and accept its good rows (unless
    the file as a whole is in error)."""
    accepted = report.projects if table.kind == "projects" else report.equipment
    for plan_row, satang, row_findings in table.rows:
        if row_findings and with_findings:
            report.findings += row_findings
        row_planned = plan_row is not None and planned
        tally.add(row_planned, satang)
        if row_planned:
            accepted.append(plan_row)
    tally.total_rows += table.total_rows
    tally.continuation_rows += table.continuation_rows
    tally.note_rows += table.note_rows
    tally.heading_rows += table.heading_rows
    report.findings += table.total_findings
