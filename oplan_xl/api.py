"""The library API: one call per command (init, template, import, check, build, edition,
demo).

The CLI calls exactly one of these and formats what it returns; tests and
other programs can call them directly.  Data flows one way:
settings + submissions → read → check → plan → render.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from oplan_xl.check.run import check_plan
from oplan_xl.core.errors import OutputError, UsageError
from oplan_xl.core.findings import Report
from oplan_xl.core.model import Settings
from oplan_xl.core.normalise import label_key
from oplan_xl.core.settings_layout import SETTINGS_FILE, default_settings
from oplan_xl.plan.grouping import Plan, make_plan
from oplan_xl.read.settings import read_settings
from oplan_xl.write.atomic import write_all
from oplan_xl.write.settings import write_settings

if TYPE_CHECKING:
    from oplan_xl.plan.editions import EditionOutcome
    from oplan_xl.plan.record import Edition

SUBMISSIONS = "submissions"
OUTPUT = "output"
TEMPLATES = "templates"
#: The file that marks a folder as made by ``oplan demo`` (so a new demo may refresh it).
DEMO_MARKER = ".oplan-demo"


def init_plan(plan_dir: Path, org_name: str, fiscal_year: int, district: str = "",
              province: str = "") -> Settings:
    """Create a plan folder: plan.xlsx with defaults, submissions/ and output/."""
    new_folder(plan_dir, "แผน2568")
    target = plan_dir / SETTINGS_FILE
    if target.exists():
        raise UsageError("plan-dir-exists", path=target)
    settings = default_settings(org_name, fiscal_year, district, province)
    plan_dir.mkdir(parents=True, exist_ok=True)
    (plan_dir / SUBMISSIONS).mkdir(exist_ok=True)
    (plan_dir / OUTPUT).mkdir(exist_ok=True)
    write_settings(settings, target)
    return settings


#: Names a new user may give where a folder is meant: a workbook's.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def new_folder(path: Path, example: str) -> None:
    """Refuse, with what to give instead, a folder to create that is a file, or is
    named like one (``oplan init plan.xlsx`` would make a folder called plan.xlsx)."""
    if path.is_file():
        raise UsageError("new-dir-is-file", path=path, example=example)
    if not path.exists() and path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise UsageError("new-dir-named-like-file", path=path, example=example)


def load_settings(plan_dir: Path) -> Settings:
    if plan_dir.is_file():  # plan.xlsx itself, or a department's workbook
        if plan_dir.name.casefold() == SETTINGS_FILE:
            raise UsageError("plan-dir-is-settings-file", path=plan_dir,
                             folder=plan_dir.resolve().parent)
        raise UsageError("plan-dir-is-file", path=plan_dir)
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


def import_plan(plan_dir: Path, files: list[Path], department: str | None = None,
                replace: bool = False):
    """``oplan import``: a plan's ผด.02 (and ผด.02/1) made by hand or by another
    tool into ``PLAN_DIR/submissions/``, one standard department workbook per
    responsible unit (``imports``).  The *files* are only read.

    Args:
        plan_dir: the plan folder (its plan.xlsx says the strategies, programmes
            and departments the rows are checked and sorted against).
        files: the workbooks: one holding both tables, or one for each.
        department: the code or name of the department for rows naming no unit.
        replace: overwrite submissions of the same names; without it, nothing is
            written when one exists (UsageError).

    Returns:
        The ``imports.run.ImportResult``: files written, tallies, findings.
    """
    from oplan_xl.imports.run import import_files

    settings = load_settings(plan_dir)
    submissions = plan_dir / SUBMISSIONS
    for file in files:
        if not file.is_file():
            raise UsageError("import-source-missing", path=file)
        if file.resolve().parent == submissions.resolve():
            raise UsageError("import-source-in-submissions", path=file, folder=submissions)
    default = None
    if department is not None:
        default = next((d for d in settings.departments
                        if label_key(department) in (label_key(d.code), label_key(d.name))),
                       None)
        if default is None:
            raise UsageError("import-unknown-department", code=department,
                             known=", ".join(d.code for d in settings.departments))
    return import_files(settings, list(files), submissions, plan_dir / OUTPUT, default,
                        replace)


def import_summary(result, lang: str, submissions: Path) -> list[tuple[str, bool]]:
    """What ``oplan import`` prints: (line, for stderr) pairs (``imports.summary``)."""
    from oplan_xl.imports.summary import summary_lines

    return summary_lines(result, lang, submissions)


def check(plan_dir: Path, settings: Settings | None = None,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """Read and check every submission; return the report with the accepted rows.

    Writes nothing; ``review`` also writes findings.xlsx and the returned copies.
    *progress*, if given, is called with (files done, files) as each file is
    finished (see ``check.run.check_plan``).
    """
    settings = settings or load_settings(plan_dir)
    return check_plan(settings, plan_dir / SUBMISSIONS, progress)


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


#: The official outputs of a build, in output/.  A build that writes none of them
#: (blocked by errors) moves those of an earlier build aside (``set_aside_stale``).
FORM_FILES = {"pd01": "pd01.xlsx", "pd02": "pd02.xlsx", "pd02-1": "pd02-1.xlsx",
              "preview": "preview.html"}
#: The plan record in output/data/ (``write.record``): written with the forms, and
#: moved aside with them when a build is blocked.
DATA_FILES = {"data-projects": "data/projects.csv", "data-equipment": "data/equipment.csv",
              "data-plan": "data/plan.json"}
#: The folder in output/ that earlier forms are moved to: ``เก่า-<YYYYMMDD-HHMMSS>``.
STALE_PREFIX = "เก่า-"


@dataclass
class BuildResult:
    report: Report
    plan: Plan | None = None
    #: The official workbooks written (pd01, pd02, pd02-1 → path).
    outputs: dict[str, Path] = field(default_factory=dict)
    #: The plan record written (data-projects, data-equipment, data-plan → path).
    data: dict[str, Path] = field(default_factory=dict)
    #: findings.xlsx and the returned copies (see ``write_findings``).
    findings: dict[str, Path] = field(default_factory=dict)
    #: Findings outputs that could not be written, and earlier forms that could not
    #: be moved aside; they never block the build.
    unwritten: list[OutputError] = field(default_factory=list)
    #: Earlier forms moved out of output/ because they no longer match (at their
    #: new place, in one dated folder), see ``set_aside_stale``.
    set_aside: list[Path] = field(default_factory=list)
    #: The editions built after the original plan, in order (``build_editions``).
    editions: list[EditionResult] = field(default_factory=list)
    #: output/current/: the plan as of the last edition (name → path); empty
    #: without editions, or when one of them is blocked.
    current: dict[str, Path] = field(default_factory=dict)

    @property
    def built(self) -> bool:
        return self.plan is not None

    @property
    def draft(self) -> bool:
        """Built with ``--force`` over errors: every page of the forms and the
        preview says it is a draft."""
        return self.built and bool(self.report.errors)


def build(plan_dir: Path, force: bool = False,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Check, then (unless errors and not *force*) write the official workbooks
    and preview.html.  *progress* is ``check``'s."""
    from oplan_xl.preview.book import preview_writer
    from oplan_xl.write import record
    from oplan_xl.write.forms import pd01, pd02, pd02_1

    settings = load_settings(plan_dir)
    report = check(plan_dir, settings, progress)
    result = BuildResult(report)
    output = plan_dir / OUTPUT
    if report.errors and not force:
        # Written also when the build is blocked: they say what to fix.
        result.findings = write_findings(plan_dir, report, result.unwritten)
        # An earlier build's forms no longer match the submissions.
        set_aside_stale(output, result, [*FORM_FILES.values(), *DATA_FILES.values()])
        return result
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    result.plan = plan
    draft = len(report.errors)  # forced past them: every page says "draft"
    writers = {"pd01": (output / FORM_FILES["pd01"], pd01.writer(plan, draft)),
               "pd02": (output / FORM_FILES["pd02"], pd02.writer(plan, draft))}
    if not settings.by_approach:
        writers["pd02-1"] = (output / FORM_FILES["pd02-1"], pd02_1.writer(plan, draft))
    writers["preview"] = (output / FORM_FILES["preview"], preview_writer(plan, report))
    # The plan record goes with the forms, all or none: it never tells of another plan.
    data = record.writers(plan, report, output, draft=bool(draft))
    # The findings outputs first: they are written also when an official one
    # cannot be (open in Excel, say), and one of them left open blocks nothing.
    result.findings = write_findings(plan_dir, report, result.unwritten)
    write_all([*writers.values(), *data.values()])
    result.outputs = {name: target for name, (target, _) in writers.items()}
    result.data = {name: target for name, (target, _) in data.items()}
    # A form this plan has no more (ผด.02/1 under the 2548 edition) is an earlier one.
    set_aside_stale(output, result, [file for name, file in FORM_FILES.items()
                                     if name not in writers])
    build_editions(plan_dir, settings, report, result, force)
    return result


def set_aside_stale(output: Path, result: BuildResult, files) -> None:
    """Move the forms named in *files* that an earlier build left in *output* into a
    new dated folder there (never deleted); record them in *result*: the files
    moved in ``set_aside``, the ones that could not be (open in Excel) in
    ``unwritten``."""
    import datetime as dt

    from oplan_xl.write.atomic import set_aside

    paths = [output / file for file in files]
    if not any(path.is_file() for path in paths):
        return
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder, number = output / f"{STALE_PREFIX}{stamp}", 1
    while folder.exists():  # two runs in one second
        number += 1
        folder = output / f"{STALE_PREFIX}{stamp}-{number}"
    moved, failed = set_aside(paths, folder)
    result.set_aside += moved
    result.unwritten += failed


def sample_plan_dir() -> Path:
    """The bundled sample: in the source tree, or where pip put its data files."""
    for candidate in (Path(__file__).resolve().parent.parent / "samples" / "sample-plan",
                      Path(sys.prefix) / "share" / "oplan-xl" / "sample-plan"):
        if (candidate / "plan.xlsx").is_file():
            return candidate
    raise UsageError("sample-missing")


def copy_sample(out_dir: Path) -> None:
    """Copy the sample plan to *out_dir*, refreshing an earlier demo there only if
    its plan.xlsx and submissions are still exactly what that demo copied: the
    officer's edits (a plan.xlsx tried out, a submission added) are never
    overwritten."""
    source = sample_plan_dir()
    new_folder(out_dir, "oplan-demo")
    if out_dir.exists() and any(out_dir.iterdir()):
        marker = out_dir / DEMO_MARKER
        if not marker.is_file():
            raise UsageError("demo-dir-not-empty", path=out_dir)
        edited = demo_edits(out_dir, marker, source)
        if edited:
            raise UsageError("demo-dir-edited", path=out_dir, files=", ".join(edited),
                             example=f"{out_dir}-2")
    (out_dir / SUBMISSIONS).mkdir(parents=True, exist_ok=True)
    (out_dir / OUTPUT).mkdir(exist_ok=True)
    shutil.copyfile(source / "plan.xlsx", out_dir / "plan.xlsx")
    for path in sorted((source / SUBMISSIONS).iterdir()):
        if path.is_file():
            shutil.copyfile(path, out_dir / SUBMISSIONS / path.name)
    marker = {"written by": "oplan demo", "files": _demo_inputs(out_dir)}
    (out_dir / DEMO_MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1),
                                       encoding="utf-8")


def _demo_inputs(folder: Path) -> dict[str, str]:
    """The inputs of a plan folder (plan.xlsx, the submissions) → their SHA-256."""
    paths = [folder / "plan.xlsx", *sorted((folder / SUBMISSIONS).glob("*"))]
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in paths if path.is_file()}


def demo_edits(out_dir: Path, marker: Path, source: Path) -> list[str]:
    """The inputs in an earlier demo's *out_dir* that are not what it copied there:
    changed, added or removed.  A marker of an older version names no files: the
    bundled sample's then stand for what it copied."""
    try:
        copied = json.loads(marker.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        copied = _demo_inputs(source)
    found = _demo_inputs(out_dir)
    return sorted(name for name in copied.keys() | found.keys()
                  if copied.get(name) != found.get(name))


def demo(out_dir: Path, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """``oplan demo``: copy the bundled sample plan to *out_dir* and build it."""
    copy_sample(out_dir)
    return build(out_dir, progress=progress)


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
    """After the original plan: each edition's forms in output/editions/<NN>-<kind>/,
    then the plan as of the last one in output/current/ (none if one is blocked,
    and an earlier one is then moved aside)."""
    from oplan_xl.preview.book import preview_writer
    from oplan_xl.write.editions import current_plan, current_writers, edition_writers

    output = plan_dir / OUTPUT
    current = apply_editions(plan_dir, settings, report, result, force)
    for item in result.editions:
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
    writers["preview"] = (target / FORM_FILES["preview"], preview_writer(plan, report))
    write_all(list(writers.values()))
    result.current = {name: path for name, (path, _) in writers.items()}
