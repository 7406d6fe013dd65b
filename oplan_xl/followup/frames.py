"""The plan and its results as pandas DataFrames, and the group-bys of the report.

Money is integer satang in ``int64`` columns throughout (``*_satang``): sums of
int64 are exact, where float baht would not be.  pandas is imported inside each
function, so importing this module (and ``oplan --help``) stays fast.

For analysts::

    from oplan_xl.followup import frames
    plan = frames.plan_frame("แผน2568")
    results = frames.results_frame("แผน2568")
    merged = frames.merged_frame(plan, results)
    merged.groupby("status")["disbursed_satang"].sum() / 100
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core.findings import Finding
from oplan_xl.followup.checks import check_results
from oplan_xl.followup.layout import NOT_REPORTED, REPORT_STATUSES
from oplan_xl.followup.reading import ResultFile, ResultRow, read_results
from oplan_xl.followup.record import PlanRows, current_rows

RESULTS_FOLDER = Path("results") / "submissions"
PLAN_COLUMNS = ("row_id", "number", "strategy_number", "strategy", "group_number", "group",
                "name", "department_number", "department_code", "department", "budget_satang")
RESULT_COLUMNS = ("row_id", "status", "contracted_satang", "disbursed_satang", "as_of",
                  "remark", "file", "sheet", "row")
#: The money columns of the tables; with the counts, what every table row sums.
MONEY = ("budget_satang", "contracted_satang", "disbursed_satang")


@dataclass
class Collected:
    """The plan's rows, the returned files, the accepted results and the findings."""

    plan: PlanRows
    files: list[ResultFile]
    accepted: dict[str, ResultRow]
    findings: list[Finding] = field(default_factory=list)


def collect(plan_dir: Path | str, folder: Path | None = None) -> Collected:
    """Read and check the results in *folder* (``results/submissions``) against the
    plan's current rows."""
    plan_dir = Path(plan_dir)
    plan = current_rows(plan_dir)
    findings: list[Finding] = []
    files = read_results(folder or plan_dir / RESULTS_FOLDER, findings)
    departments = {p["department_code"]: p["department"] for p in plan.projects}
    accepted = check_results(plan.projects, files, plan.fiscal_year, departments, findings)
    return Collected(plan, files, accepted, findings)


def plan_frame(plan_dir: Path | str, plan: PlanRows | None = None):
    """One row per planned project, in ผด.02's order: its row id, strategy and
    programme (with their order numbers), name, department and ``budget_satang``."""
    import pandas as pd

    plan = plan or current_rows(Path(plan_dir))
    groups: dict[tuple, int] = {}
    departments: dict[str, int] = {}
    rows = []
    for project in plan.projects:
        group = groups.setdefault((project["strategy_number"], project["group"]), len(groups) + 1)
        department = departments.setdefault(project["department_code"], len(departments) + 1)
        rows.append((project["row_id"], project["number"], project["strategy_number"],
                     project["strategy"], group, project["group"], project["name"], department,
                     project["department_code"], project["department"],
                     project["budget_satang"]))
    frame = pd.DataFrame(rows, columns=list(PLAN_COLUMNS))
    return frame.astype({"strategy_number": "int64", "group_number": "int64",
                         "department_number": "int64", "budget_satang": "int64"})


def results_frame(plan_dir: Path | str, collected: Collected | None = None):
    """One row per accepted result (rows with errors left out, see ``checks``):
    status, ``contracted_satang`` and ``disbursed_satang`` (nullable Int64: blank
    stays blank), the as-of date and where the row is."""
    import pandas as pd

    collected = collected or collect(plan_dir)
    rows = [(row.row_id, row.status, row.contracted, row.disbursed,
             pd.Timestamp(row.as_of) if row.as_of else pd.NaT, row.remark, row.file,
             row.sheet, row.row) for row in collected.accepted.values()]
    frame = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    return frame.astype({"contracted_satang": "Int64", "disbursed_satang": "Int64",
                         "row": "int64", "as_of": "datetime64[ns]"})


def merged_frame(plan, results):
    """The plan with each project's result: projects without one are NOT_REPORTED
    with nothing contracted or disbursed; money int64 satang."""
    merged = plan.merge(results, on="row_id", how="left", validate="one_to_one")
    merged["status"] = merged["status"].fillna(NOT_REPORTED)
    for column in ("contracted_satang", "disbursed_satang"):
        merged[column] = merged[column].fillna(0).astype("int64")
    return merged


def summary(merged, keys: list[str]):
    """Per *keys*: the count and budget planned, the count of each status of
    REPORT_STATUSES, the contracted and disbursed totals; in the plan's order."""
    import pandas as pd

    grouped = merged.groupby(keys, sort=True)
    table = grouped.agg(count=("row_id", "size"), **{m: (m, "sum") for m in MONEY})
    statuses = pd.crosstab([merged[key] for key in keys], merged["status"])
    statuses = statuses.reindex(columns=list(REPORT_STATUSES), fill_value=0)
    table = table.join(statuses).fillna(0)
    return table.astype("int64").reset_index()


def totals(merged) -> dict[str, int]:
    """The whole plan's figures, as ``summary`` gives them per group."""
    figures = {"count": int(len(merged))}
    figures.update({money: int(merged[money].sum()) for money in MONEY})
    counts = merged["status"].value_counts()
    figures.update({status: int(counts.get(status, 0)) for status in REPORT_STATUSES})
    return figures
