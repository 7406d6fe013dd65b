"""What ``oplan import`` prints, Thai first: the lines, the CLI only shows them.

Rows read = imported + not imported (with baht) per source file and the rows that
are not data (totals, headings, continuations); the rows left with a later
edition; each row not imported, at its cell, with why (the errors, at most
:data:`MAX_ERROR_LINES`, the rest in the findings file); the warnings counted by
code with their first place; each file written with what it holds.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core import messages
from oplan_xl.core.findings import ERROR, WARNING, Finding
from oplan_xl.core.model import format_baht
from oplan_xl.imports.run import FINDINGS_FILE, ImportResult

#: Error lines printed; every finding is in the findings file.
MAX_ERROR_LINES = 30


def summary_lines(result: ImportResult, lang: str, submissions: Path) -> list[tuple[str, bool]]:
    """(line, whether it belongs on stderr) in the order to print them."""
    say = lambda key, **params: (messages.text(key, lang, **params), False)  # noqa: E731
    lines = []
    for tally in result.tallies:
        lines.append(say("import-read", file=tally.file, rows_read=tally.rows_read,
                         baht_read=format_baht(tally.satang_read),
                         rows_imported=tally.rows_planned,
                         baht_imported=format_baht(tally.satang_planned),
                         rows_rejected=tally.rows_rejected,
                         baht_rejected=format_baht(tally.satang_rejected)))
        if tally.total_rows or tally.continuation_rows or tally.note_rows or tally.heading_rows:
            lines.append(say("not-data-rows", total_rows=tally.total_rows,
                             continuation_rows=tally.continuation_rows,
                             note_rows=tally.note_rows, heading_rows=tally.heading_rows))
    if result.later_rows:
        lines.append(say("import-later-rows", rows=result.later_rows))
    errors = result.by_code(ERROR)
    if errors:
        lines.append(say("import-errors-heading", errors=len(result.errors)))
        shown = sorted(result.errors, key=lambda f: (f.file, f.sheet, f.row or 0, f.cell))
        several = len(result.tallies) > 1
        lines += [(_error_line(item, lang, several), False) for item in shown[:MAX_ERROR_LINES]]
        if len(shown) > MAX_ERROR_LINES:
            lines.append(say("more-findings", count=len(shown) - MAX_ERROR_LINES,
                             path=result.findings_file or FINDINGS_FILE))
    warnings = result.by_code(WARNING)
    if warnings:
        lines.append(say("import-warnings-heading", warnings=len(result.warnings)))
        for code, items in warnings.items():
            lines.append(say("import-warning-code", count=len(items), where=_where(items[0]),
                             message=items[0].message(lang), code=code))
    for item in result.files:
        lines.append(say("import-wrote" if item.known else "import-wrote-unknown",
                         path=item.path, department=item.department, projects=item.projects,
                         equipment=item.equipment, baht=format_baht(item.satang)))
    if result.findings_file is not None:
        lines.append(say("wrote-findings", path=result.findings_file))
    lines += [(problem.message(lang), True) for problem in result.unwritten]
    if result.files:
        lines.append(say("import-done", count=len(result.files), path=submissions))
    else:
        lines.append((messages.text("import-nothing", lang), True))
    return lines


def _where(item: Finding) -> str:
    return f"{item.sheet}!{item.cell}" if item.cell else item.sheet or item.file


def _error_line(item: Finding, lang: str, with_file: bool) -> str:
    """``  ✗ ผด.02!D11 โครงการซ่อมแซม… — what to do [code]``, as ``check`` prints one."""
    where = f"{item.file} {_where(item)}" if with_file else _where(item)
    head = " ".join(part for part in (where, item.subject) if part)
    return f"  ✗ {head} — {item.message(lang)} [{item.code}]"
