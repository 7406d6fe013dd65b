"""``oplan import``: a hand-made ผด.02 workbook into the plan's submissions.

Read and check the file (``source``), sort its rows into units (``units``),
refuse before writing anything if a file to write is already there (unless
told to replace it), then write one standard department workbook per unit
(``write.template.filled``) and the findings (``import-findings.xlsx``).  The
input file is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core.errors import OutputError, UsageError
from oplan_xl.core.findings import ERROR, FileTally, Finding, Report, finding
from oplan_xl.core.model import Department, Settings
from oplan_xl.imports.source import EQUIPMENT, PROJECTS, Source, read_source
from oplan_xl.imports.units import Unit, Units, unit_key
from oplan_xl.read.submission import list_submissions

#: The findings of an import, in the plan's output folder.
FINDINGS_FILE = "import-findings.xlsx"
#: The characters of a unit's name a file named for it keeps (file systems allow
#: 255 bytes; a Thai letter is 3 in UTF-8).
UNIT_NAME_CHARS = 60


@dataclass
class ImportedFile:
    """One submission written: whose, where, and what it holds."""

    department: str
    #: False for a unit that is not a department of plan.xlsx.
    known: bool
    path: Path
    projects: int
    equipment: int
    satang: int


@dataclass
class ImportResult:
    """What ``import_plan`` did: the files written and the tally of the rows."""

    sources: list[Path]
    findings: list[Finding] = field(default_factory=list)
    files: list[ImportedFile] = field(default_factory=list)
    #: Each source file's reconciliation: rows read = imported + not imported.
    tallies: list[FileTally] = field(default_factory=list)
    #: Rows left out with a later edition (from the first divider row down).
    later_rows: int = 0
    findings_file: Path | None = None
    unwritten: list[OutputError] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [item for item in self.findings if item.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [item for item in self.findings if item.severity != ERROR]

    def by_code(self, severity: str) -> dict[str, list[Finding]]:
        """Code → its findings of *severity*, codes in the order first met."""
        found: dict[str, list[Finding]] = {}
        for item in self.findings:
            if item.severity == severity:
                found.setdefault(item.code, []).append(item)
        return found


def import_files(settings: Settings, paths: list[Path], submissions: Path, output: Path,
                 default: Department | None = None, replace: bool = False) -> ImportResult:
    """Import the workbooks *paths* (a ผด.02 and a ผด.02/1 may come in separate
    files) into *submissions*, one file per unit for all of them together; the
    findings go to *output*.

    Raises UsageError before writing anything when a file to write exists and
    *replace* is not set.
    """
    result = ImportResult(list(paths))
    units = Units(settings, default)
    sources = [read_source(path, settings) for path in paths]
    for source in sources:
        result.findings += source.findings
        for row in source.rows():
            result.findings += row.findings
            if row.imported:
                units.add(row)
        result.tallies.append(_tally(source))
        result.later_rows += sum(table.later_rows for table in source.tables)
    targets = _targets(units.ordered(), submissions)
    existing = [path for _, path in targets if path.exists()]
    if existing and not replace:
        raise UsageError("import-would-overwrite", files=", ".join(p.name for p in existing),
                         folder=submissions)
    written = {path for _, path in targets}
    others = [path.name for path in list_submissions(submissions) if path not in written]
    if others and targets:
        result.findings.append(finding("import-submissions-not-empty", files=", ".join(others)))
    result.findings += units.finish({unit_key(unit): path.name for unit, path in targets})
    submissions.mkdir(parents=True, exist_ok=True)
    from oplan_xl.write.template.filled import write_filled_template

    for unit, path in targets:
        projects = [row.row for row in unit.rows if row.kind == PROJECTS]
        equipment = [row.row for row in unit.rows if row.kind == EQUIPMENT]
        write_filled_template(settings, unit.department, path, projects, equipment)
        result.files.append(ImportedFile(unit.department.name, unit.known, path, len(projects),
                                         len(equipment), unit.satang))
    result.findings_file = _write_findings(result, output)
    return result


def _targets(units: list[Unit], submissions: Path) -> list[tuple[Unit, Path]]:
    """Each unit's file: ``<code>.xlsx`` as ``oplan template`` names it (a unit not
    in plan.xlsx: its name, cut short), made unique regardless of case (Windows)."""
    from oplan_xl.write.template import template_file_name

    taken: set[str] = set()
    targets = []
    for unit in units:
        department = unit.department
        if not unit.known:  # a unit's whole name may be long: 60 Thai letters are 180 bytes
            department = Department(0, department.name, department.code[:UNIT_NAME_CHARS])
        name = template_file_name(department)
        stem, number = name[:-len(".xlsx")], 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}.xlsx"
        taken.add(name.casefold())
        targets.append((unit, submissions / name))
    return targets


def _tally(source: Source) -> FileTally:
    tally = FileTally(source.submission.name, "", source.submission.sha256,
                      source.submission.size)
    for row in source.rows():
        tally.add(row.imported, row.satang)
    for table in source.tables:
        tally.total_rows += table.total_rows
        tally.continuation_rows += table.continuation_rows
        tally.note_rows += table.note_rows
        tally.heading_rows += table.heading_rows
    return tally


def _write_findings(result: ImportResult, output: Path) -> Path | None:
    """The findings as ``oplan check`` writes them (one sortable table and the
    tally); a file left open in Excel is said, and blocks nothing."""
    from oplan_xl.write import findings as findings_workbook

    report = Report(findings=list(result.findings), files=list(result.tallies))
    try:
        return findings_workbook.write(report, output / FINDINGS_FILE)
    except OutputError as exc:
        result.unwritten.append(exc)
        return None
