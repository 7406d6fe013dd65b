"""output/report-<round>.html: the follow-up report for the screen and for print.

The figures are the same frames as the workbook's (``frames``), formatted here;
the jinja2 template (``templates/report.html.j2``, autoescape on) only places
them.  The chart of status by strategy is CSS bars: one stacked bar per strategy,
each status's share of its projects, nothing to load.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.model import MONTHS, format_baht, percent
from oplan_xl.followup.layout import DONE, IN_PROGRESS, REPORT_STATUSES
from oplan_xl.followup.report_xlsx import DENOMINATORS
from oplan_xl.followup.rounds import Round, fiscal_year_span, thai_date
from oplan_xl.write.atomic import write_atomically

STATUS_COLOURS = dict(zip(REPORT_STATUSES, ("#2e7d32", "#f9a825", "#9e9e9e", "#6d4c41",
                                            "#c62828"), strict=True))


def line(label: str, values: dict) -> dict:
    """A table line's figures as text: counts, baht, percentages, and the bar's parts."""
    count = int(values["count"])
    return {
        "label": label, "count": f"{count:,}", "budget": format_baht(int(values["budget_satang"])),
        "statuses": [f"{int(values[status]):,}" for status in REPORT_STATUSES],
        "contracted": format_baht(int(values["contracted_satang"])),
        "disbursed": format_baht(int(values["disbursed_satang"])),
        "done_pct": str(percent(int(values[DONE]), count)),
        "disbursed_pct": str(percent(int(values["disbursed_satang"]),
                                     int(values["budget_satang"]))),
        "bar": [(status, STATUS_COLOURS[status], float(percent(int(values[status]), count)))
                for status in REPORT_STATUSES if int(values[status])],
    }


def schedule(plan, round_: Round, merged) -> list[dict]:
    """Planned months against progress as of the date, per strategy and in total:
    the projects whose first planned month has come by the as-of date (they were
    due to have started), and the projects reported done or in progress."""
    as_of = round_.as_of
    month = 11 if as_of >= fiscal_year_span(round_.fiscal_year)[1] else (as_of.month - 10) % 12
    first_month = {project["row_id"]: next((i for i, m in enumerate(project["months"]) if m), 12)
                   for project in plan.projects}
    status = dict(zip(merged["row_id"], merged["status"], strict=True))
    lines: dict[object, list[int]] = {}
    for project in plan.projects:
        for key in (project["strategy_number"], "total"):
            figures = lines.setdefault(key, [0, 0, 0])
            figures[0] += 1
            figures[1] += first_month[project["row_id"]] <= month
            figures[2] += status.get(project["row_id"]) in (DONE, IN_PROGRESS)
    titles = {project["strategy_number"]: f"{project['strategy_number']}. {project['strategy']}"
              for project in plan.projects}
    return [{"title": titles.get(key, "รวมทั้งสิ้น"), "count": count, "due": due,
             "started": started, "due_pct": float(percent(due, count)),
             "started_pct": float(percent(started, count))}
            for key, (count, due, started) in sorted(
                lines.items(), key=lambda item: (item[0] == "total", str(item[0]).zfill(3)))]


def context(plan, round_: Round, merged, by_group, by_department, totals, findings) -> dict:
    strategies = []
    for number, lines in by_group.groupby("strategy_number", sort=True):
        sums = {key: int(lines[key].sum()) for key in lines.columns
                if key not in ("strategy", "group", "strategy_number", "group_number")}
        strategies.append({
            "title": f"{number}. {lines['strategy'].iloc[0]}",
            "lines": [line(item.group, item._asdict()) for item in lines.itertuples(index=False)],
            "total": line(f"รวมยุทธศาสตร์ที่ {number}", sums)})
    projects = [{"number": item.number, "name": item.name, "department": item.department,
                 "budget": format_baht(int(item.budget_satang)), "status": item.status,
                 "colour": STATUS_COLOURS[item.status],
                 "disbursed": format_baht(int(item.disbursed_satang)),
                 "as_of": thai_date(item.as_of.date()) if item.as_of == item.as_of else "",
                 "remark": item.remark if isinstance(item.remark, str) else ""}
                for item in merged.itertuples(index=False)]
    return {
        "plan": plan, "round": round_, "as_of": thai_date(round_.as_of),
        "statuses": REPORT_STATUSES, "colours": STATUS_COLOURS, "strategies": strategies,
        "departments": [line(item.department, item._asdict())
                        for item in by_department.itertuples(index=False)],
        "total": line("รวมทั้งสิ้น", totals), "projects": projects,
        "denominators": DENOMINATORS, "schedule": schedule(plan, round_, merged),
        "as_of_month": MONTHS[11 if round_.as_of >= fiscal_year_span(round_.fiscal_year)[1]
                              else (round_.as_of.month - 10) % 12],
        "findings": [{"where": " ".join(p for p in (f.file, f"{f.sheet}!{f.cell}" if f.cell
                                                     else f.sheet) if p),
                      "subject": f.subject, "message": f.message("th"), "severity": f.severity,
                      "code": f.code} for f in findings],
    }


def write_report_html(path: Path, values: dict) -> Path:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("oplan_xl.followup", "templates"),
                              autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)
    html = environment.get_template("report.html.j2").render(**values)
    return write_atomically(path, lambda temp: temp.write_text(html, encoding="utf-8",
                                                               newline="\n"))
