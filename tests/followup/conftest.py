"""The sample plan built once per module, its results templates written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from oplan_xl.api import build, write_results_templates

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"


@pytest.fixture(scope="module")
def built_plan(tmp_path_factory) -> Path:
    """A copy of the sample plan, built (so its plan record exists), with the
    results templates written."""
    plan_dir = tmp_path_factory.mktemp("followup") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    assert build(plan_dir).built
    write_results_templates(plan_dir)
    return plan_dir
