"""The library API: one call per command (init, template, check, build, demo).

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


# --- follow-up (issue 17): oplan results, oplan report ---------------------------------

RESULTS = "results"


def write_results_templates(plan_dir: Path) -> list[Path]:
    """``oplan results``: one results workbook per department with planned projects,
    pre-filled from the plan record, into ``PLAN_DIR/results/templates/<code>.xlsx``."""
    from oplan_xl.followup.record import current_rows
    from oplan_xl.followup.template import write_results_templates as write

    settings = load_settings(plan_dir)
    return write(settings, current_rows(plan_dir), plan_dir / RESULTS / TEMPLATES)


def follow_up_report(plan_dir: Path, as_of: str):
    """``oplan report``: read ``PLAN_DIR/results/submissions/``, check it, and write
    ``output/report-<round>.xlsx`` and ``.html`` as of *as_of* (BE or CE).  Returns
    a ``followup.run.FollowUp`` (findings, the round, the paths written)."""
    from oplan_xl.followup.run import make_report

    settings = load_settings(plan_dir)
    return make_report(plan_dir, settings, as_of, plan_dir / RESULTS / SUBMISSIONS,
                       plan_dir / OUTPUT)
