"""Checks across files, once every file is read: departments that sent nothing
or more than one file, copies of a file, the same project twice, projects
missing from the development plan."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import OTHER_AGENCY_FUNDS
from oplan_xl.core.model import Department, EquipmentRow, ProjectRow, Settings
from oplan_xl.read.submission import Submission
from oplan_xl.speed.text import label_key


def check_missing_departments(settings: Settings,
                              senders: Iterable[Department]) -> Iterator[Finding]:
    sent = {department.code for department in senders}
    for department in settings.departments:
        if department.code not in sent:
            yield finding("department-no-submission", department=department.name)


def check_duplicates(projects: list[ProjectRow]) -> Iterator[Finding]:
    """The same project twice, within or across files: the same name at the same
    place, after Thai text normalisation (spaces, digits, sara am, invisible
    characters).  Names alone repeat legitimately (a road in each village)."""
    first: dict[tuple[str, str], ProjectRow] = {}
    for project in projects:
        key = (label_key(project.name), label_key(project.place))
        if key in first:
            other = first[key].origin
            yield finding("duplicate-project", project.origin.file, project.origin.sheet,
                          project.origin.row, "โครงการ", project.cells.get("name", ""),
                          project.name, other=str(other), place=project.place)
        else:
            first[key] = project


def check_duplicate_equipment(items: list[EquipmentRow]) -> Iterator[Finding]:
    """The same equipment twice in one department: the same target at the same
    place, after Thai text normalisation.  Across departments it is not (each
    may buy a computer for the same office); within one it is likely typed twice,
    and the plan record could tell the two apart only by their order
    (``core.rowid``)."""
    first: dict[tuple[str, str, str], EquipmentRow] = {}
    for item in items:
        key = (item.department, label_key(item.target), label_key(item.place))
        if key in first:
            yield finding("duplicate-equipment", item.origin.file, item.origin.sheet,
                          item.origin.row, "เป้าหมาย (ผลผลิตของครุภัณฑ์)",
                          item.cells.get("target", ""), item.target,
                          other=str(first[key].origin), place=item.place)
        else:
            first[key] = item


def check_same_files(submissions: list[Submission]) -> Iterator[Finding]:
    """A file that is a byte-for-byte copy of an earlier one (``works (1).xlsx``)."""
    first: dict[str, str] = {}
    for submission in submissions:
        if not submission.sha256:
            continue
        if submission.sha256 in first:
            yield finding("duplicate-file", submission.name,
                          other=first[submission.sha256])
        else:
            first[submission.sha256] = submission.name


def check_several_files(senders: list[tuple[str, Department]]) -> Iterator[Finding]:
    """A department in the settings that sent more than one file."""
    by_code: dict[str, list[str]] = {}
    for file, department in senders:
        if department.order:  # departments not in the settings are reported apart
            by_code.setdefault(department.code, []).append(file)
    for files in by_code.values():
        if len(files) > 1:
            department = next(d for f, d in senders if f == files[0])
            yield finding("department-several-files", files[-1], department=department.name,
                          files=", ".join(files))


def check_dev_plan(settings: Settings, projects: list[ProjectRow]) -> Iterator[Finding]:
    if not settings.dev_plan:
        return
    known = {label_key(p.name) for p in settings.dev_plan}
    other_agency = label_key(OTHER_AGENCY_FUNDS)
    for project in projects:
        # Another agency's project is in the plan but not in our development plan.
        if label_key(project.name) not in known and label_key(project.fund_source) != other_agency:
            yield finding("not-in-dev-plan", project.origin.file, project.origin.sheet,
                          project.origin.row, "โครงการ", project.cells.get("name", ""),
                          project.name)

