"""The library API: one call per command (init, template, check, build).

The CLI calls exactly one of these and formats what it returns; tests and
other programs can call them directly.  Data flows one way:
settings + submissions → read → check → plan → render.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.check import checks
from oplan_xl.core.errors import OutputError, UsageError
from oplan_xl.core.findings import Finding, Report
from oplan_xl.core.model import Department, Settings
from oplan_xl.core.normalise import label_key
from oplan_xl.core.settings_layout import SETTINGS_FILE, default_settings
from oplan_xl.plan.grouping import Plan, make_plan
from oplan_xl.read.settings import read_settings
from oplan_xl.read.submission import Submission, list_submissions, read_submission
from oplan_xl.speed.parallel import map_in_two
from oplan_xl.write.atomic import write_all
from oplan_xl.write.settings import write_settings

SUBMISSIONS = "submissions"
OUTPUT = "output"
TEMPLATES = "templates"


def init_plan(plan_dir: Path, org_name: str, fiscal_year: int, district: str = "",
              province: str = "") -> Settings:
    """Create a plan folder: plan.xlsx with defaults, submissions/ and output/."""
    target = plan_dir / SETTINGS_FILE
    if target.exists():
        raise UsageError("plan-dir-exists", path=target)
    settings = default_settings(org_name, fiscal_year, district, province)
    plan_dir.mkdir(parents=True, exist_ok=True)
    (plan_dir / SUBMISSIONS).mkdir(exist_ok=True)
    (plan_dir / OUTPUT).mkdir(exist_ok=True)
    write_settings(settings, target)
    return settings


def load_settings(plan_dir: Path) -> Settings:
    if not plan_dir.is_dir():
        raise UsageError("plan-dir-missing", path=plan_dir)
    return read_settings(plan_dir / SETTINGS_FILE)


def write_templates(plan_dir: Path, code: str | None = None) -> list[Path]:
    """Write one input workbook per department into ``PLAN_DIR/templates/<code>.xlsx``.

    Args:
        plan_dir: the plan folder; its plan.xlsx feeds the dropdowns.
        code: only this department (its code, or its name); None for all.

    Returns:
        The paths written, in the order of the settings' departments.

    Raises UsageError when *code* names no department of the settings, or when
    two departments' codes would give the same file name (``a/b`` and ``a-b``,
    or ``WORKS`` and ``works`` on Windows), before anything is written.
    """
    from oplan_xl.write.template import template_file_name, write_template

    settings = load_settings(plan_dir)
    departments = settings.departments
    if code is not None:
        departments = [d for d in departments
                       if label_key(code) in (label_key(d.code), label_key(d.name))]
        if not departments:
            raise UsageError("template-unknown-department", code=code,
                             known=", ".join(d.code for d in settings.departments))
    by_name: dict[str, list[str]] = {}
    for department in settings.departments:  # all of them: files from earlier runs too
        by_name.setdefault(template_file_name(department).casefold(), []).append(
            department.code)
    for department in departments:
        codes = by_name[template_file_name(department).casefold()]
        if len(codes) > 1:
            raise UsageError("template-same-file", codes=", ".join(codes),
                             file=template_file_name(department))
    folder = plan_dir / TEMPLATES
    return [write_template(settings, department, folder / template_file_name(department))
            for department in departments]


def check(plan_dir: Path, settings: Settings | None = None,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """Read and check every submission; return the report with the accepted rows.

    Writes nothing; ``review`` also writes findings.xlsx and the returned copies.
    Files are read and checked independently, by a second process too where
    that pays (``parallel.map_in_two``), then put together in file order, so
    the report is the same either way.  *progress*, if given, is called with
    (files done, files) as each file is finished.
    """
    settings = settings or load_settings(plan_dir)
    resolve = checks.Resolver(settings)
    report = Report()
    senders = []
    paths = list_submissions(plan_dir / SUBMISSIONS)
    finished = 0

    def done(_: int) -> None:
        nonlocal finished
        finished += 1
        if progress is not None:
            progress(finished, len(paths))

    checked = map_in_two(lambda path: _check_file(path, settings, resolve), paths, done)
    copies = {f.file: f for f in checks.check_same_files([c.submission for c in checked])}
    for item in checked:
        submission = item.submission
        department = item.department
        senders.append((submission.name, department))
        if submission.name not in copies:  # a copy would say it all twice
            report.findings += submission.findings + item.department_findings
        file_errors = list(item.fiscal_year_findings)
        if submission.name in copies:
            file_errors.append(copies[submission.name])
        report.findings += file_errors
        tally = report.add_file(submission.name, department.name, submission.sha256,
                                submission.size)
        a_copy = submission.name in copies
        for table in item.tables:
            accepted = report.projects if table.kind == "projects" else report.equipment
            for plan_row, satang, row_findings in table.rows:
                if row_findings and not a_copy:
                    report.findings += row_findings
                planned = plan_row is not None and not file_errors
                tally.add(planned, satang)
                if planned:
                    accepted.append(plan_row)
            tally.total_rows += table.total_rows
            tally.continuation_rows += table.continuation_rows
            tally.note_rows += table.note_rows
            report.findings += table.total_findings
    report.findings += checks.check_missing_departments(settings, [d for _, d in senders])
    report.findings += checks.check_several_files(
        [(file, department) for file, department in senders if file not in copies])
    report.findings += checks.check_duplicates(report.projects)
    report.findings += checks.check_dev_plan(settings, report.projects)
    return report


@dataclass
class _CheckedTable:
    kind: str  # "projects" or "equipment"
    #: (the plan row or None if rejected, its satang, its findings) per data row.
    rows: list[tuple[object, int, list[Finding]]]
    total_rows: int
    continuation_rows: int
    note_rows: int
    total_findings: list[Finding]


@dataclass
class _CheckedFile:
    """One submission read and checked on its own: what ``check`` needs of it.
    (The raw rows stay behind: they are not needed once checked, and leaving
    them out keeps what a second process sends back small.)"""

    submission: Submission
    department: Department
    department_findings: list[Finding]
    fiscal_year_findings: list[Finding]
    tables: list[_CheckedTable]


def _check_file(path: Path, settings: Settings, resolve: checks.Resolver) -> _CheckedFile:
    with _collector_paused():
        return _read_and_check(path, settings, resolve)


def _read_and_check(path: Path, settings: Settings, resolve: checks.Resolver) -> _CheckedFile:
    submission = read_submission(path, settings.second_level_label)
    department, found = checks.resolve_department(submission, settings)
    fiscal_year = list(checks.check_fiscal_year(submission, settings))
    tables = []
    for kind, table, check_row in (("projects", submission.projects, checks.check_project),
                                   ("equipment", submission.equipment,
                                    checks.check_equipment)):
        if table is None:
            continue
        rows = []
        satang_by_row = {}
        for raw in table.rows:
            plan_row, satang, row_findings = check_row(raw, table, department, resolve)
            rows.append((plan_row, satang, row_findings))
            satang_by_row[raw.origin.row] = satang
        tables.append(_CheckedTable(kind, rows, len(table.totals), len(table.continuations),
                                    len(table.notes),
                                    list(checks.check_totals(table, satang_by_row))))
    submission.projects = submission.equipment = None
    return _CheckedFile(submission, department, found, fiscal_year, tables)


@dataclass
class CheckResult:
    """What ``review`` returns: the report, the files written (name → path) and
    the ones that could not be (open in Excel, say)."""

    report: Report
    outputs: dict[str, Path] = field(default_factory=dict)
    unwritten: list[OutputError] = field(default_factory=list)


def review(plan_dir: Path, progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """``oplan check``: check, then write output/findings.xlsx and the returned copies.

    Neither is an official form; the submissions are only read.  A findings
    file left open in Excel does not stop the check: it is listed in
    ``unwritten`` and the report is still returned.
    """
    settings = load_settings(plan_dir)
    report = check(plan_dir, settings, progress)
    result = CheckResult(report)
    result.outputs = write_findings(plan_dir, report, result.unwritten)
    return result


def write_findings(plan_dir: Path, report: Report,
                   failures: list[OutputError] | None = None) -> dict[str, Path]:
    """Write output/findings.xlsx and output/returned/<department>.xlsx.

    Files that cannot be written go to *failures* (raised if it is None).
    """
    from oplan_xl.write import findings as findings_workbook
    from oplan_xl.write import returned

    output = plan_dir / OUTPUT
    outputs: dict[str, Path] = {}
    try:
        outputs["findings"] = findings_workbook.write(report,
                                                      output / findings_workbook.FILE_NAME)
    except OutputError as exc:
        if failures is None:
            raise
        failures.append(exc)
    copies = returned.write_all(report, plan_dir / SUBMISSIONS, output / returned.FOLDER,
                                failures)
    for file, path in copies.items():
        outputs[f"returned:{file}"] = path
    return outputs


@dataclass
class BuildResult:
    report: Report
    plan: Plan | None = None
    #: The official workbooks written (pd01, pd02, pd02-1 → path).
    outputs: dict[str, Path] = field(default_factory=dict)
    #: findings.xlsx and the returned copies (see ``write_findings``).
    findings: dict[str, Path] = field(default_factory=dict)
    #: Findings outputs that could not be written; they never block the build.
    unwritten: list[OutputError] = field(default_factory=list)

    @property
    def built(self) -> bool:
        return self.plan is not None


def build(plan_dir: Path, force: bool = False,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Check, then (unless errors and not *force*) write the official workbooks
    and preview.html.  *progress* is ``check``'s."""
    from oplan_xl.preview.book import preview_writer
    from oplan_xl.write.forms import pd01, pd02, pd02_1

    settings = load_settings(plan_dir)
    report = check(plan_dir, settings, progress)
    result = BuildResult(report)
    written = False

    def findings() -> None:
        # Written also when the build is blocked; one left open in Excel blocks nothing.
        nonlocal written
        written = True
        result.findings = write_findings(plan_dir, report, result.unwritten)

    if report.errors and not force:
        findings()
        return result
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    result.plan = plan
    output = plan_dir / OUTPUT
    writers = {"pd01": (output / "pd01.xlsx", pd01.writer(plan)),
               "pd02": (output / "pd02.xlsx", pd02.writer(plan))}
    if not settings.by_approach:
        writers["pd02-1"] = (output / "pd02-1.xlsx", pd02_1.writer(plan))
    writers["preview"] = (output / "preview.html", preview_writer(plan, report))
    # On a second core, when there is one, ผด.02 and ผด.02/1 are written meanwhile:
    # about half the work, as ผด.01 and the preview (with jinja2 to import) are the
    # other half.  The findings outputs are written here once that has started.
    # (All the files are renamed into place here, in order.)
    background = {writers[name][0] for name in ("pd02", "pd02-1") if name in writers}
    try:
        with _collector_paused():
            write_all(list(writers.values()), background=background, meanwhile=findings)
    finally:
        if not written:  # write_all stopped before it: they are written all the same
            findings()
    result.outputs = {name: target for name, (target, _) in writers.items()}
    return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one file is read and checked,
    or while the outputs are written (in either process).

    Both make a few objects per cell and per row that live until the file is
    checked or the workbook saved, and no reference cycles to speak of; each of
    the collector's full passes would walk them all again: a quarter of the time
    of a 50,000-row file, 40-60 ms of writing a 2,000-project build, 0.26 s of a
    20,000-project one (measured with gc.callbacks).  Memory is still freed as it
    is let go (reference counting); what little cyclic garbage there is goes once
    the collector is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                # What the writing made and kept (modules it imported, caches) goes to
                # the oldest generation without a pass over it: freeze, then unfreeze,
                # does that.  Else the first young collection would walk it all (20 ms).
                gc.freeze()
                gc.unfreeze()
            gc.enable()
