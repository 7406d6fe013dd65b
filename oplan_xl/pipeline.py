"""The library API: one call per command (init, template, check, build).

The CLI calls exactly one of these and formats what it returns; tests and
other programs can call them directly.  Data flows one way:
settings + submissions → read → check → plan → render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .errors import UsageError
from .findings import Report
from .model import Settings
from .normalise import label_key
from .plan import Plan, make_plan
from .reader import list_submissions, read_submission
from .settings import SETTINGS_FILE, default_settings, read_settings, write_settings

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

    Raises UsageError when *code* names no department of the settings.
    """
    from .template import template_file_name, write_template

    settings = load_settings(plan_dir)
    departments = settings.departments
    if code is not None:
        departments = [d for d in departments
                       if label_key(code) in (label_key(d.code), label_key(d.name))]
        if not departments:
            raise UsageError("template-unknown-department", code=code,
                             known=", ".join(d.code for d in settings.departments))
    folder = plan_dir / TEMPLATES
    return [write_template(settings, department, folder / template_file_name(department))
            for department in departments]


def check(plan_dir: Path, settings: Settings | None = None) -> Report:
    """Read and check every submission; return the report with the accepted rows."""
    settings = settings or load_settings(plan_dir)
    resolve = checks.Resolver(settings)
    report = Report()
    senders = []
    for path in list_submissions(plan_dir / SUBMISSIONS):
        submission = read_submission(path, settings.second_level_label)
        department, found = checks.resolve_department(submission, settings)
        senders.append(department)
        report.findings += submission.findings + found
        year_findings = list(checks.check_fiscal_year(submission, settings))
        report.findings += year_findings
        tally = report.add_file(submission.name, department.name, submission.sha256,
                                submission.size)
        for table, check_row, accepted in (
                (submission.projects, checks.check_project, report.projects),
                (submission.equipment, checks.check_equipment, report.equipment)):
            for raw in table.rows if table else ():
                item, satang, row_findings = check_row(raw, table, department, resolve)
                report.findings += row_findings
                planned = item is not None and not year_findings
                tally.add(planned, satang)
                if planned:
                    accepted.append(item)
    report.findings += checks.check_missing_departments(settings, senders)
    report.findings += checks.check_duplicates(report.projects)
    report.findings += checks.check_dev_plan(settings, report.projects)
    return report


@dataclass
class BuildResult:
    report: Report
    plan: Plan | None = None
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def built(self) -> bool:
        return self.plan is not None


def build(plan_dir: Path, force: bool = False) -> BuildResult:
    """Check, then (unless errors and not *force*) write the official workbooks
    and preview.html."""
    from .forms import pd01, pd02, pd02_1
    from .preview import write_preview

    settings = load_settings(plan_dir)
    report = check(plan_dir, settings)
    result = BuildResult(report)
    if report.errors and not force:
        return result
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    result.plan = plan
    output = plan_dir / OUTPUT
    result.outputs["pd01"] = pd01.write(plan, output / "pd01.xlsx")
    result.outputs["pd02"] = pd02.write(plan, output / "pd02.xlsx")
    if not settings.by_approach:
        result.outputs["pd02-1"] = pd02_1.write(plan, output / "pd02-1.xlsx")
    result.outputs["preview"] = write_preview(plan, report, output / "preview.html")
    return result
