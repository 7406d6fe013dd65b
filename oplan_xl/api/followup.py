"""Follow-up: ``oplan results`` and ``oplan report``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from oplan_xl.api.base import OUTPUT, SUBMISSIONS, TEMPLATES, load_settings

# --- follow-up (issue 17): oplan results, oplan report ---------------------------------

RESULTS = "results"


def write_results_templates(plan_dir: Path) -> list[Path]:
    """``oplan results``: one results workbook per department with planned projects,
    pre-filled from the plan record, into ``PLAN_DIR/results/templates/<code>.xlsx``."""
    from oplan_xl.followup.record import current_rows
    from oplan_xl.followup.template import write_results_templates as write

    settings = load_settings(plan_dir)
    return write(settings, current_rows(plan_dir), plan_dir / RESULTS / TEMPLATES)


def follow_up_report(plan_dir: Path, as_of: str):
    """``oplan report``: read ``PLAN_DIR/results/submissions/``, check it, and write
    ``output/report-<round>.xlsx`` and ``.html`` as of *as_of* (BE or CE).  Returns
    a ``followup.run.FollowUp`` (findings, the round, the paths written)."""
    from oplan_xl.followup.run import make_report

    settings = load_settings(plan_dir)
    return make_report(plan_dir, settings, as_of, plan_dir / RESULTS / SUBMISSIONS,
                       plan_dir / OUTPUT)
