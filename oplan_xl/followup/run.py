"""``oplan report``: collect, check, merge and group with pandas, write both reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core.findings import Report
from oplan_xl.core.model import Settings, format_baht
from oplan_xl.followup import frames
from oplan_xl.followup.layout import NOT_REPORTED
from oplan_xl.followup.report_html import context, write_report_html
from oplan_xl.followup.report_xlsx import write_report
from oplan_xl.followup.rounds import Round, report_round, thai_date

GROUP_KEYS = ["strategy_number", "group_number", "strategy", "group"]
DEPARTMENT_KEYS = ["department_number", "department"]


@dataclass
class FollowUp:
    """What ``oplan report`` did: the findings (as a check's Report, with a tally
    per returned file), the round, the whole plan's figures and the files written."""

    report: Report
    round: Round
    totals: dict[str, int]
    outputs: list[Path] = field(default_factory=list)

    def summary(self, lang: str) -> dict:
        thai = lang == "th"
        return {"round": self.round.thai if thai else self.round.english,
                "date": thai_date(self.round.as_of) if thai else self.round.as_of.isoformat(),
                "reported": self.totals["count"] - self.totals[NOT_REPORTED],
                "projects": self.totals["count"],
                "disbursed": format_baht(self.totals["disbursed_satang"]),
                "budget": format_baht(self.totals["budget_satang"])}


def make_report(plan_dir: Path, settings: Settings, as_of: str, folder: Path,
                output: Path) -> FollowUp:
    collected = frames.collect(plan_dir, folder)
    round_ = report_round(as_of, collected.plan.fiscal_year)
    plan = frames.plan_frame(plan_dir, collected.plan)
    merged = frames.merged_frame(plan, frames.results_frame(plan_dir, collected))
    by_group = frames.summary(merged, GROUP_KEYS)
    by_department = frames.summary(merged, DEPARTMENT_KEYS)
    totals = frames.totals(merged)
    report = Report(findings=collected.findings)
    department_of = {p["row_id"]: p["department"] for p in collected.plan.projects}
    for result_file in collected.files:
        names = {department_of.get(row.row_id, "") for row in result_file.rows} - {""}
        report.add_file(result_file.file, ", ".join(sorted(names)), result_file.sha256,
                        result_file.size)
    stem = output / f"report-{round_.key}"
    outputs = [write_report(stem.with_suffix(".xlsx"), settings, round_, merged, by_group,
                            by_department, totals),
               write_report_html(stem.with_suffix(".html"),
                                 context(collected.plan, round_, merged, by_group,
                                         by_department, totals, collected.findings))]
    return FollowUp(report, round_, totals, outputs)
