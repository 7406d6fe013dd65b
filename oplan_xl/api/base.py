"""The plan folder, its settings, templates, import, check and the findings
outputs; what a build returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from oplan_xl.api.launcher import write_launcher
from oplan_xl.check.run import check_plan
from oplan_xl.core.errors import OutputError, UsageError
from oplan_xl.core.findings import Report
from oplan_xl.core.model import Settings
from oplan_xl.core.normalise import label_key
from oplan_xl.core.settings_layout import SETTINGS_FILE, default_settings
from oplan_xl.plan.grouping import Plan
from oplan_xl.read.settings import read_settings
from oplan_xl.write.settings import write_settings

if TYPE_CHECKING:
    pass


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
    write_launcher(plan_dir)
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
    return write_findings_in(plan_dir / OUTPUT, report, plan_dir / SUBMISSIONS, failures)


def write_findings_in(output: Path, report: Report, submissions: Path,
                      failures: list[OutputError] | None = None) -> dict[str, Path]:
    """Write *output*/findings.xlsx and *output*/returned/<department>.xlsx, the
    copies made from the files in *submissions* (only read): the original plan's
    (``write_findings``) or an edition's (``api.editions.build_editions``).

    Returns "findings" and "returned:<file>" → path.  Files that cannot be
    written go to *failures* (raised if it is None).
    """
    from oplan_xl.write import findings as findings_workbook
    from oplan_xl.write import returned

    outputs: dict[str, Path] = {}
    try:
        outputs["findings"] = findings_workbook.write(report,
                                                      output / findings_workbook.FILE_NAME)
    except OutputError as exc:
        if failures is None:
            raise
        failures.append(exc)
    copies = returned.write_all(report, submissions, output / returned.FOLDER, failures)
    for file, path in copies.items():
        outputs[f"returned:{file}"] = path
    return outputs


#: The folder inside submissions/ for an earlier version the officer sets aside:
#: the reader reads no subfolder.
EARLIER_VERSIONS = "ฉบับเก่า"


def set_aside_submission(plan_dir: Path, name: str) -> Path:
    """Move the workbook *name* (exactly as named, directly in submissions/) into
    ``submissions/ฉบับเก่า/`` so that it no longer counts; never deleted, a name
    taken there gets " (2)".  Returns its new place; UsageError when there is no
    such file, OutputError when it cannot be moved (open in Excel)."""
    from oplan_xl.write.atomic import set_aside

    folder = plan_dir / SUBMISSIONS
    found = [path for path in folder.iterdir() if path.is_file() and path.name == name] \
        if folder.is_dir() else []
    if not found:
        raise UsageError("submission-not-found", name=name)
    moved, failed = set_aside(found, folder / EARLIER_VERSIONS, "submission-not-moved")
    if failed:
        raise failed[0]
    return moved[0]


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
    editions: list = field(default_factory=list)  # of api.editions.EditionResult
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
