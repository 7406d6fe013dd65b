"""What the ``oplan`` commands print: catalogue messages in Thai or English, safely
on any console; the progress bar; the report of findings and reconciliation."""

from __future__ import annotations

import sys

import click

from oplan_xl.core import messages
from oplan_xl.core.wording import wrapped


class Console:
    """Prints catalogue messages in the chosen language, safely on any console."""

    def __init__(self, lang: str | None, quiet: bool, debug: bool) -> None:
        thai_ok = _can_print_thai(sys.stdout)
        for stream in (sys.stdout, sys.stderr):
            # A console that cannot show Thai must not crash on a Thai path, nor one
            # that shows Thai but not ✗ or ✓ (cp874: output redirected to a file on a
            # Thai Windows): what it cannot write is written as an escape.
            if not _can_print(stream, "ก✗✓—…") and hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
        self.lang = lang or ("th" if thai_ok else "en")
        self.quiet = quiet
        self.debug = debug
        #: On a terminal, its width: finding lines are folded to it at spaces
        #: (never in a pipe or a log, where one finding is one line to grep).
        self.width = 0
        if sys.stdout.isatty():
            import shutil

            self.width = max(shutil.get_terminal_size().columns - 1, 40)

    def say(self, key: str, **params: object) -> None:
        if not self.quiet:
            click.echo(messages.text(key, self.lang, **params))

    def line(self, text: str) -> None:
        if not self.quiet:
            click.echo(text)

    def error(self, text: str) -> None:
        click.echo(text, err=True)


class Progress:
    """A progress bar on stderr while the submissions are read (``check``'s callback).

    Only when there are enough files for it to be worth watching, and never with
    --quiet or when stderr is not a terminal (a log file, a pipe, a test).
    """

    #: Fewer files than this are read in about a second: no bar.
    MIN_FILES = 20

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = None
        self.shown = 0
        self.enabled = not console.quiet and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_FILES:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, file=sys.stderr,
                                         label=messages.text("reading-files",
                                                             self.console.lang))
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done == total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _can_print_thai(stream) -> bool:
    return _can_print(stream, "ก")


def _can_print(stream, text: str) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


#: Findings printed per department; the rest are in output/findings.xlsx.
MAX_LINES_PER_DEPARTMENT = 15


def print_report(console: Console, report, outputs: dict | None = None) -> None:
    """The findings grouped by department, worst first, with counts; the plan-wide
    ones last; the reconciliation per file and in total; the files written."""
    outputs = outputs or {}
    _print_findings(console, report, outputs.get("findings", "output/findings.xlsx"))
    _print_reconciliation(console, report)
    department_of = {tally.file: tally.department for tally in report.files}
    for name, path in outputs.items():
        if name == "findings":
            console.say("wrote-findings", path=path)
        elif name.startswith("returned:"):
            console.say("wrote-returned", department=department_of.get(name[9:], ""),
                        path=path)
    if report.ok:
        console.say("summary-ok", warnings=len(report.warnings))
    else:
        console.say("summary-errors", errors=len(report.errors), warnings=len(report.warnings))


def _print_findings(console: Console, report, findings_path) -> None:
    """Each department's findings under a heading with its counts, the department
    with the most errors first; then the findings of the plan as a whole."""
    files_of: dict[str, list[str]] = {}
    for tally in report.files:
        files_of.setdefault(tally.department, []).append(tally.file)
    department_of = {tally.file: tally.department for tally in report.files}
    by_department: dict[str, list] = {department: [] for department in files_of}
    plan_wide = []
    for item in report.findings:
        if item.file in department_of:
            by_department[department_of[item.file]].append(item)
        else:
            plan_wide.append(item)

    def worst_first(pair):
        department, items = pair
        return (-sum(f.severity == "error" for f in items), -len(items), department)

    for department, items in sorted(by_department.items(), key=worst_first):
        files = files_of[department]
        console.line(messages.text("department-heading", console.lang, department=department,
                                   counts=_counts(console, items), files=", ".join(files)))
        _print_some(console, items, len(files) > 1, findings_path)
    if plan_wide:
        console.line(messages.text("plan-level-heading", console.lang,
                                   counts=_counts(console, plan_wide)))
        _print_some(console, plan_wide, False, findings_path)


def _counts(console: Console, items) -> str:
    if not items:
        return messages.text("department-clean", console.lang)
    errors = sum(f.severity == "error" for f in items)
    return messages.text("finding-counts", console.lang, errors=errors,
                         warnings=len(items) - errors)


def _print_some(console: Console, items, with_file: bool, findings_path) -> None:
    """The first findings, errors first, in the order of the sheets; how many more
    there are (all of them are in findings.xlsx)."""
    items = sorted(items, key=lambda f: (f.severity != "error", f.file, f.sheet,
                                         f.row or 0, f.cell))
    for item in items[:MAX_LINES_PER_DEPARTMENT]:
        console.line(wrapped(_finding_line(console, item, with_file), console.width))
    if len(items) > MAX_LINES_PER_DEPARTMENT:
        console.line(messages.text("more-findings", console.lang,
                                   count=len(items) - MAX_LINES_PER_DEPARTMENT,
                                   path=findings_path))


def _finding_line(console: Console, item, with_file: bool) -> str:
    """``  ✗ โครงการ!E7 ก่อสร้างถนน… — what to do [code]``: where, the row's project
    (or equipment), the message, and the code last (for whoever looks it up)."""
    mark = "✗" if item.severity == "error" else "!"
    where = f"{item.sheet}!{item.cell}" if item.cell else item.sheet
    if item.row and item.cell and item.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") \
            != str(item.row):  # a merged cell found wanting for a row below it
        where = f"{where} {messages.text('for-row', console.lang, row=item.row)}"
    if with_file:
        where = f"{item.file} {where}".strip()
    head = " ".join(part for part in (where, item.subject) if part)
    lead = f"{mark} {head} — " if head else f"{mark} "  # a file's or the plan's: no place
    return f"  {lead}{item.message(console.lang)} [{item.code}]"


def _print_reconciliation(console: Console, report) -> None:
    """Rows and baht read, planned and rejected, per file and in total."""
    from oplan_xl.core.model import format_baht

    if report.files:
        console.say("reconciliation-files")
    for tally in report.files:
        console.say("file-reconciliation", file=tally.file, department=tally.department,
                    rows_read=tally.rows_read, baht_read=format_baht(tally.satang_read),
                    rows_planned=tally.rows_planned,
                    baht_planned=format_baht(tally.satang_planned),
                    rows_rejected=tally.rows_rejected,
                    baht_rejected=format_baht(tally.satang_rejected))
        if tally.total_rows or tally.continuation_rows or tally.note_rows or tally.heading_rows:
            console.say("not-data-rows", total_rows=tally.total_rows,
                        continuation_rows=tally.continuation_rows, note_rows=tally.note_rows,
                        heading_rows=tally.heading_rows)
    total = report.total()
    console.say("reconciliation", rows_read=total.rows_read,
                baht_read=format_baht(total.satang_read), rows_planned=total.rows_planned,
                baht_planned=format_baht(total.satang_planned),
                rows_rejected=total.rows_rejected,
                baht_rejected=format_baht(total.satang_rejected))
