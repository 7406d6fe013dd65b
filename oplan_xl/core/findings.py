"""Findings and the report that carries them with the reconciliation.

A finding is data, never an exception: a code of the catalogue (``catalogue``),
its place to the cell and the values that fill its message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from oplan_xl.core.catalogue import CATALOGUE, ERROR, WARNING, FindingKind  # noqa: F401
from oplan_xl.core.limits import MAX_FINDING_VALUE_CHARS
from oplan_xl.core.model import satang_to_decimal
from oplan_xl.core.normalise import shown_number
from oplan_xl.core.wording import fill


@dataclass(frozen=True)
class Finding:
    """One problem, located to the cell (SPEC §5 --json shape plus its params)."""

    code: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    cell: str = ""
    value: str = ""
    params: tuple[tuple[str, object], ...] = ()
    #: What the row is, in the clerk's words: the project's name (โครงการ) of a
    #: project row, the target (เป้าหมาย) of an equipment row, shortened
    #: (:func:`short_subject`); empty for a finding about a file, a sheet or a header.
    subject: str = ""

    @property
    def kind(self) -> FindingKind:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> str:
        return self.kind.severity

    def message(self, lang: str = "th") -> str:
        template = self.kind.th if lang == "th" else self.kind.en
        return fill(template, lang, value=self.value, column=self.column, sheet=self.sheet,
                    **dict(self.params))

    def to_dict(self, lang: str = "th") -> dict:
        return {"severity": self.severity, "code": self.code, "file": self.file,
                "sheet": self.sheet, "cell": self.cell, "row": self.row,
                "column": self.column, "value": self.value, "subject": self.subject,
                "message": self.message(lang)}

    def about(self, subject: str) -> Finding:
        """This finding naming the row's *subject* (kept if it names one already)."""
        if self.subject or not subject:
            return self
        return replace(self, subject=short_subject(subject))


#: The characters of a row's subject shown with a finding: enough to tell one
#: project from another, short enough for a console line and a table cell.
SUBJECT_CHARS = 60


def short_subject(text: str) -> str:
    """*text* on one line, cut to SUBJECT_CHARS characters with "…" when longer."""
    text = " ".join(text.split())
    if len(text) <= SUBJECT_CHARS:
        return text
    return text[:SUBJECT_CHARS - 1].rstrip() + "…"


def finding(code: str, file: str = "", sheet: str = "", row: int | None = None,
            column: str = "", cell: str = "", value: object = "", *, subject: str = "",
            **params: object) -> Finding:
    """Make a Finding; *params* fill the message placeholders beyond value/column/sheet;
    *subject* names the row (the project or the equipment target)."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown finding code {code!r}")
    shown = "" if value is None else shown_number(value) if isinstance(value, float) \
        else str(value)
    if len(shown) > MAX_FINDING_VALUE_CHARS:  # a 100,000-character cell stays in its file
        shown = shown[:MAX_FINDING_VALUE_CHARS] + "…"
    return Finding(code, file, sheet, row, column, cell, shown, tuple(sorted(params.items())),
                   short_subject(subject) if subject else "")


@dataclass
class FileTally:
    """Reconciliation of one input file: everything read is planned or rejected."""

    file: str
    department: str = ""
    sha256: str = ""
    size: int = 0
    rows_read: int = 0
    rows_planned: int = 0
    rows_rejected: int = 0
    satang_read: int = 0
    satang_planned: int = 0
    satang_rejected: int = 0
    #: Not data rows, so outside rows_read: recognised total rows (their figure
    #: is a sum of the rows, counting it would count the baht twice) and
    #: continuation rows (their text is part of the data row above) and note
    #: rows (a signature block or a note under the table, never a project) and
    #: heading rows (1. ยุทธศาสตร์… / 1.1 แผนงาน… of a printed ผด.02: they give the
    #: rows under them their strategy and programme).
    total_rows: int = 0
    continuation_rows: int = 0
    note_rows: int = 0
    heading_rows: int = 0

    def add(self, planned: bool, satang: int) -> None:
        self.rows_read += 1
        self.satang_read += satang
        if planned:
            self.rows_planned += 1
            self.satang_planned += satang
        else:
            self.rows_rejected += 1
            self.satang_rejected += satang

    @property
    def balanced(self) -> bool:
        return (self.rows_read == self.rows_planned + self.rows_rejected
                and self.satang_read == self.satang_planned + self.satang_rejected)


@dataclass
class Report:
    """What ``check`` returns: findings, per-file tallies, and the accepted rows."""

    findings: list[Finding] = field(default_factory=list)
    files: list[FileTally] = field(default_factory=list)
    projects: list = field(default_factory=list)
    equipment: list = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_file(self, file: str, department: str, sha256: str, size: int) -> FileTally:
        tally = FileTally(file, department, sha256, size)
        self.files.append(tally)
        return tally

    def total(self) -> FileTally:
        total = FileTally("")
        for tally in self.files:
            for name in ("rows_read", "rows_planned", "rows_rejected",
                         "satang_read", "satang_planned", "satang_rejected",
                         "total_rows", "continuation_rows", "note_rows", "heading_rows"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
        return total

    def reconciliation(self) -> dict:
        def as_dict(tally: FileTally) -> dict:
            data = asdict(tally)
            for kind in ("read", "planned", "rejected"):
                data[f"baht_{kind}"] = str(satang_to_decimal(data.pop(f"satang_{kind}")))
            return data

        total = as_dict(self.total())
        for key in ("file", "department", "sha256", "size"):
            total.pop(key)
        return {"total": total, "files": [as_dict(t) for t in self.files]}

    def to_dict(self, lang: str = "th") -> dict:
        """The ``check --json`` document (SPEC §5)."""
        return {"ok": self.ok, "reconciliation": self.reconciliation(),
                "findings": [f.to_dict(lang) for f in self.findings]}
