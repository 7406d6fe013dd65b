"""The golden cases: plan folders built from the bundled samples, one per edition.

Each case copies a sample plan folder (never writing into samples/), applies
an optional change to its settings, and builds it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl

from oplan_xl.api import build
from oplan_xl.write.reproducible import fix_times

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 10, 1)

#: case name → (sample folder, settings items to override)
CASES: dict[str, tuple[Path, dict[str, str]]] = {
    "sample-2561": (ROOT / "samples" / "sample-plan", {}),
    "sample-2559": (ROOT / "samples" / "sample-plan", {"ฉบับระเบียบ": "2559"}),
    "sample-thai-digits": (ROOT / "samples" / "sample-plan", {"ใช้เลขไทย": "ใช่"}),
}
for _era in ("fy2555", "fy2562", "fy2566"):
    if (ROOT / "samples" / "eras" / _era / "plan.xlsx").is_file():
        CASES[f"era-{_era}"] = (ROOT / "samples" / "eras" / _era, {})


def build_case(name: str, work: Path) -> dict[str, Path]:
    """Build golden case *name* in *work*; return form name → workbook path."""
    source, overrides = CASES[name]
    plan_dir = work / name
    shutil.copytree(source, plan_dir)
    if overrides:
        settings = plan_dir / "plan.xlsx"
        workbook = openpyxl.load_workbook(settings)
        for row in workbook["ข้อมูลทั่วไป"].iter_rows(min_row=2):
            if row[0].value in overrides:
                row[1].value = overrides[row[0].value]
        workbook.save(settings)
        fix_times(settings, FIXED_TIME)  # its SHA-256 is in every ที่มา sheet
    result = build(plan_dir)
    assert result.built and result.report.ok, [f.code for f in result.report.errors]
    return {form: path for form, path in result.outputs.items() if path.suffix == ".xlsx"}
