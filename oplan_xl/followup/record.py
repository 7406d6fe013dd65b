"""The plan the results are measured against: the rows of the plan record.

``current_rows`` is the one place that says which rows those are: the plan as it
stands after the last build, ``output/current/data/plan.json`` when the plan has
editions (``oplan edition``: the original with every edition applied), else the
original plan's ``output/data/plan.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from oplan_xl.core.errors import UsageError
from oplan_xl.core.model import MONTHS, baht_to_satang
from oplan_xl.core.reasons import failure

#: Where the plan record is, inside the plan folder (``write.record``).
RECORD = Path("output") / "data" / "plan.json"
#: The record of the plan with its editions applied (a build with editions).
CURRENT_RECORD = Path("output") / "current" / "data" / "plan.json"


@dataclass(frozen=True)
class PlanRows:
    """The planned projects, each a record of plan.json with ``budget_satang``
    (int) added, and the plan's particulars the reports name."""

    fiscal_year: int
    organisation: str
    district: str
    province: str
    edition: str
    strategy_label: str
    group_label: str
    projects: list[dict]


def current_rows(plan_dir: Path) -> PlanRows:
    """The rows of the plan as it stands now: the current plan's record when the
    last build applied editions, else the original plan's.  Raises UsageError when
    there is no record yet or it cannot be read."""
    path = plan_dir / CURRENT_RECORD
    if not path.is_file():
        path = plan_dir / RECORD
    if not path.is_file():
        raise UsageError("results-no-record", path=path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        projects = [dict(record, budget_satang=baht_to_satang(Decimal(record["budget"])))
                    for record in document["projects"]]
        organisation = document["organisation"]
        levels = document.get("levels") or {}
        return PlanRows(int(document["fiscal_year"]), organisation.get("name", ""),
                        organisation.get("district", ""), organisation.get("province", ""),
                        (document.get("edition") or {}).get("name", ""),
                        levels.get("strategy") or "ยุทธศาสตร์", levels.get("group") or "แผนงาน",
                        projects)
    except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
        raise UsageError("results-bad-record", path=path,
                         reason=failure(exc)) from exc


def months_text(months: list[int]) -> str:
    """The months a row runs as a person writes them: ``ก.พ.–เม.ย.``, runs joined
    by commas; empty when it names none."""
    runs: list[str] = []
    index = 0
    while index < len(months):
        if not months[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(months) and months[end + 1]:
            end += 1
        runs.append(MONTHS[index] if end == index else f"{MONTHS[index]}–{MONTHS[end]}")
        index = end + 1
    return ", ".join(runs)
