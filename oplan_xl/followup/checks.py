"""Checks of the returned results against the plan: every problem a finding at its
cell.  A row with an error is not counted, so its project stays ไม่ได้รายงาน; a
warning's row is counted as given.
"""

from __future__ import annotations

from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.model import format_baht
from oplan_xl.followup.layout import BY_KEY, DONE, STATUSES
from oplan_xl.followup.reading import ResultFile, ResultRow
from oplan_xl.followup.rounds import fiscal_year_span, thai_date


def check_results(projects: list[dict], files: list[ResultFile], fiscal_year: int,
                  departments: dict[str, str], findings: list[Finding]) -> dict[str, ResultRow]:
    """Row id → the accepted result of that project.

    *projects*: the plan's records (``record.current_rows``); *departments*: code →
    name of the plan's departments.  Findings are appended to *findings*.
    """
    plan = {project["row_id"]: project for project in projects}
    accepted: dict[str, ResultRow] = {}
    seen: dict[str, ResultRow] = {}
    for result_file in files:
        for row in result_file.rows:
            if _row_ok(row, plan, seen, fiscal_year, findings):
                accepted[row.row_id] = row
    reported = {plan[row_id]["department_code"] for row_id in seen}
    planned: dict[str, int] = {}
    for project in projects:
        planned[project["department_code"]] = planned.get(project["department_code"], 0) + 1
    for code, count in planned.items():
        if code not in reported:
            findings.append(finding("result-department-missing",
                                    department=departments.get(code, code), count=count))
    return accepted


def _row_ok(row: ResultRow, plan: dict[str, dict], seen: dict[str, ResultRow],
            fiscal_year: int, findings: list[Finding]) -> bool:
    """Check one row; True when it is counted."""
    def add(code: str, key: str, value: object = "", **params) -> None:
        findings.append(finding(code, row.file, row.sheet, row.row, BY_KEY[key].label,
                                row.cells.get(key, ""), value, subject=subject, **params))

    project = plan.get(row.row_id)
    subject = project["name"] if project else ""
    if not row.row_id:
        add("result-row-id-missing", "row_id")
        return False
    if project is None:
        add("result-unknown-row", "row_id", row.row_id)
        return False
    if row.row_id in seen:
        add("result-row-repeated", "row_id", row.row_id, other=seen[row.row_id].place())
        return False
    seen[row.row_id] = row
    ok = not row.unreadable
    if not row.status_text:
        add("result-status-missing", "status")
        ok = False
    elif row.status is None:
        add("result-status-unknown", "status", row.status_text, expected=", ".join(STATUSES))
        ok = False
    ok = _money_ok(row, project, add) and ok
    if row.as_of is not None:
        first, last = fiscal_year_span(fiscal_year)
        if not first <= row.as_of <= last:
            add("result-date-outside-year", "as_of", thai_date(row.as_of), year=fiscal_year)
    return ok


def _money_ok(row: ResultRow, project: dict, add) -> bool:
    disbursed = row.disbursed
    if disbursed is not None and disbursed > project["budget_satang"]:
        add("result-disbursed-over-budget", "disbursed", format_baht(disbursed),
            limit=format_baht(project["budget_satang"]))
        return False
    if disbursed is not None and row.contracted is not None and disbursed > row.contracted:
        add("result-disbursed-over-contract", "disbursed", format_baht(disbursed),
            limit=format_baht(row.contracted))
    if row.status == DONE and not disbursed and not row.unreadable:
        add("result-done-nothing-disbursed", "disbursed", format_baht(disbursed or 0))
    return True
