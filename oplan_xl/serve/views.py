"""What the pages show, made from what the library returns: departments worst
first with their findings and reconciliation, a build's outputs, folder lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.api import SUBMISSIONS
from oplan_xl.core.findings import ERROR, Finding, Report
from oplan_xl.core.model import format_baht
from oplan_xl.core.settings_layout import SETTINGS_FILE

#: Findings listed per department on the page; findings.xlsx and the returned copy
#: have them all.
MAX_FINDINGS_SHOWN = 200


@dataclass
class DepartmentView:
    """One submitted file on the check page."""

    file: str
    department: str
    errors: int = 0
    warnings: int = 0
    rows_read: int = 0
    rows_planned: int = 0
    rows_rejected: int = 0
    baht_read: str = "0.00"
    baht_planned: str = "0.00"
    baht_rejected: str = "0.00"
    balanced: bool = True
    findings: list[Finding] = field(default_factory=list)
    #: The returned copy, relative to the plan folder (for its download link).
    returned: str = ""

    @property
    def state(self) -> str:
        return "error" if self.errors else "warning" if self.warnings else "ok"


def departments(report: Report, outputs: dict[str, Path] | None = None,
                plan_dir: Path | None = None) -> list[DepartmentView]:
    """The files of *report*, worst first (most errors, then most warnings); the
    findings of no file (the plan as a whole) first of all, under "ทั้งแผน".  With
    *outputs* (a check's, see ``api.CheckResult``), each file's returned copy
    relative to *plan_dir*."""
    views: dict[str, DepartmentView] = {}
    for tally in report.files:
        views[tally.file] = DepartmentView(
            tally.file, tally.department,
            rows_read=tally.rows_read, rows_planned=tally.rows_planned,
            rows_rejected=tally.rows_rejected, baht_read=format_baht(tally.satang_read),
            baht_planned=format_baht(tally.satang_planned),
            baht_rejected=format_baht(tally.satang_rejected), balanced=tally.balanced)
    for item in report.findings:
        view = views.get(item.file)
        if view is None:
            view = views[item.file] = DepartmentView(item.file, "" if item.file else "ทั้งแผน")
        view.findings.append(item)
        if item.severity == ERROR:
            view.errors += 1
        else:
            view.warnings += 1
    for view in views.values():
        view.findings.sort(key=lambda f: (f.severity != ERROR, f.sheet, f.row or 0))
        returned = (outputs or {}).get(f"returned:{view.file}")
        if returned is not None:
            view.returned = relative(returned, plan_dir)
    return sorted(views.values(), key=lambda v: (bool(v.file), -v.errors, -v.warnings,
                                                 v.department, v.file))


def totals(report: Report) -> dict[str, object]:
    total = report.total()
    return {"files": len(report.files), "errors": len(report.errors),
            "warnings": len(report.warnings), "rows_read": total.rows_read,
            "rows_planned": total.rows_planned, "rows_rejected": total.rows_rejected,
            "baht_read": format_baht(total.satang_read),
            "baht_planned": format_baht(total.satang_planned),
            "baht_rejected": format_baht(total.satang_rejected),
            "balanced": total.balanced}


def relative(path: Path, plan_dir: Path) -> str:
    """*path* inside the plan folder, with forward slashes (for a link)."""
    return Path(path).resolve().relative_to(plan_dir.resolve()).as_posix()


@dataclass
class FileView:
    name: str
    link: str  # relative to the plan folder
    size: str
    modified: str


def files_in(folder: Path, plan_dir: Path, suffixes: tuple[str, ...] | None = None
             ) -> list[FileView]:
    """The files of *folder* (none if it is not there), by name; hidden ones left out."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.casefold()):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        if suffixes and path.suffix.lower() not in suffixes:
            continue
        stat = path.stat()
        found.append(FileView(path.name, relative(path, plan_dir), _size(stat.st_size),
                              thai_time(stat.st_mtime)))
    return found


def thai_time(timestamp: float) -> str:
    """``02/12/2569 14:05``: the day in the Buddhist era, as the officer writes it."""
    moment = dt.datetime.fromtimestamp(timestamp)
    return f"{moment:%d/%m}/{moment.year + 543} {moment:%H:%M}"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} ไบต์"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass
class DepartmentStatus:
    """One department of plan.xlsx on the overview: sent or not, and how its files fared."""

    code: str
    name: str
    files: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    rows_planned: int = 0
    satang_planned: int = 0

    @property
    def baht_planned(self) -> str:
        return format_baht(self.satang_planned)

    @property
    def state(self) -> str:
        if not self.files:
            return "missing"
        return "error" if self.errors else "warning" if self.warnings else "ok"


def department_status(report: Report, settings) -> list[DepartmentStatus]:
    """Each department of *settings*, in its order, with the files it sent (in the
    order they were read) and their findings as the check page counts them; then
    any file whose department plan.xlsx does not list."""
    per_file = {view.file: view for view in departments(report)}
    # A file's tally names its department by the name plan.xlsx gives it.
    statuses = {d.name: DepartmentStatus(d.code, d.name) for d in settings.departments}
    for tally in report.files:
        name = tally.department or tally.file
        status = statuses.setdefault(name, DepartmentStatus("", name))
        status.files.append(tally.file)
        status.errors += per_file[tally.file].errors
        status.warnings += per_file[tally.file].warnings
        status.rows_planned += tally.rows_planned
        status.satang_planned += tally.satang_planned
    return list(statuses.values())


def inputs_state(plan_dir: Path) -> tuple:
    """What a check reads, as names, sizes and times: plan.xlsx and the workbooks in
    submissions/.  Two equal states mean the check's figures still stand."""
    paths = [plan_dir / SETTINGS_FILE]
    folder = plan_dir / SUBMISSIONS
    if folder.is_dir():
        paths += sorted(path for path in folder.iterdir() if path.is_file())
    state = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # gone between listing and looking
            continue
        state.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(state)
