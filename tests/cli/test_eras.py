"""The era samples (samples/eras/): one plan per era of the regulation.

Each is built from a copy in tmp_path (samples/ is never written).  Expected
totals are recomputed from the submission files with openpyxl and Decimal,
independently of oplan_xl's reader, checks and plan code; the exact figures
are also pinned here, as in samples/README.md.
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import build
from oplan_xl.core.findings import ERROR

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SCRIPT = SAMPLES / "make_sample.py"


@dataclass(frozen=True)
class Era:
    folder: str
    fiscal_year: int
    edition: str
    plan_kind: str
    plan_period: str
    outputs: frozenset[str]
    pd02_title: str
    group_header: str  # the ผด.01 first column: ยุทธศาสตร์/แนวทาง or ยุทธศาสตร์/แผนงาน
    projects: int
    total: Decimal


ERAS = (
    Era("fy2555", 2555, "2548", "แผนพัฒนาสามปี", "2555-2557", frozenset({"pd01", "pd02", "preview"}),
        "บัญชีโครงการ/กิจกรรม/งบประมาณ", "ยุทธศาสตร์/แนวทาง", 73, Decimal("14830316.58")),
    Era("fy2562", 2562, "2561", "แผนพัฒนาท้องถิ่นสี่ปี", "2561-2564",
        frozenset({"pd01", "pd02", "pd02-1", "preview"}), "บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ",
        "ยุทธศาสตร์/แผนงาน", 74, Decimal("18387313.92")),
    Era("fy2566", 2566, "2561", "แผนพัฒนาท้องถิ่น", "2566-2570",
        frozenset({"pd01", "pd02", "pd02-1", "preview"}), "บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ",
        "ยุทธศาสตร์/แผนงาน", 76, Decimal("19633522.19")),
)


@pytest.fixture(scope="module", params=ERAS, ids=lambda era: era.folder)
def era_build(request, tmp_path_factory):
    era = request.param
    plan_dir = tmp_path_factory.mktemp(era.folder) / "plan"
    shutil.copytree(SAMPLES / "eras" / era.folder, plan_dir)
    return era, plan_dir, build(plan_dir)


def _header_index(header, label):
    return [str(cell or "").strip() for cell in header].index(label)


def _submission_rows(plan_dir: Path):
    """(file name, header, data rows) of every submission's โครงการ sheet."""
    for path in sorted((plan_dir / "submissions").glob("*.xlsx")):
        workbook = openpyxl.load_workbook(path, read_only=True)
        rows = list(workbook["โครงการ"].iter_rows(values_only=True))
        yield path.name, workbook, rows[0], [
            row for row in rows[1:] if any(cell not in (None, "") for cell in row)]


def _independent_totals(plan_dir: Path) -> tuple[int, Decimal]:
    count, total = 0, Decimal(0)
    for _, _, header, rows in _submission_rows(plan_dir):
        budget = _header_index(header, "งบประมาณ (บาท)")
        for row in rows:
            count += 1
            total += Decimal(str(row[budget]))
    return count, total


def test_builds_without_errors(era_build):
    _, _, result = era_build
    assert result.built and result.report.ok
    assert [f for f in result.report.findings if f.severity == ERROR] == []
    total = result.report.total()
    assert total.rows_rejected == 0 and total.satang_rejected == 0


def test_edition_plan_kind_and_period(era_build):
    era, plan_dir, result = era_build
    settings = result.plan.settings
    assert (settings.edition, settings.plan_kind, settings.plan_period) == (
        era.edition, era.plan_kind, era.plan_period)
    # the edition is inferred: ฉบับระเบียบ is left empty in plan.xlsx
    info = openpyxl.load_workbook(plan_dir / "plan.xlsx", read_only=True)["ข้อมูลทั่วไป"]
    values = {row[0]: row[1] for row in info.iter_rows(min_row=2, values_only=True)}
    assert values["ปีงบประมาณ (พ.ศ.)"] == era.fiscal_year
    assert values["ฉบับระเบียบ"] in (None, "")


def test_outputs_for_the_edition(era_build):
    era, plan_dir, result = era_build
    assert set(result.outputs) == era.outputs
    written = {path.stem for path in (plan_dir / "output").glob("*.*")}
    assert written == era.outputs | {"findings"}


def test_seed_is_big_enough(era_build):
    era, plan_dir, result = era_build
    plan = result.plan
    assert plan.count >= 30
    assert len([block for block in plan.strategies if block.groups]) >= 5
    assert len(list((plan_dir / "submissions").glob("*.xlsx"))) >= 5
    if "pd02-1" in era.outputs:
        assert plan.equipment_count > 0
    else:
        assert plan.equipment_count == 0


def test_submissions_state_the_plan_year(era_build):
    era, plan_dir, _ = era_build
    for name, workbook, _, _ in _submission_rows(plan_dir):
        items = {row[0]: row[1] for row in workbook["หน่วยงาน"].iter_rows(values_only=True)}
        assert items["ปีงบประมาณ"] == era.fiscal_year, name


def test_pd02_title_and_month_year_labels(era_build):
    era, _, result = era_build
    ws = openpyxl.load_workbook(result.outputs["pd02"], data_only=True).worksheets[0]
    cells = {(cell.row, cell.column): cell.value for row in ws.iter_rows(max_row=12)
             for cell in row if cell.value is not None}
    assert era.pd02_title in cells.values()
    (month_row, oct_col), = [key for key, value in cells.items() if value == "ต.ค."]
    (_, jan_col), = [key for key, value in cells.items() if value == "ม.ค."]
    assert cells[(month_row - 1, oct_col)] == f"พ.ศ. {era.fiscal_year - 1}"
    assert cells[(month_row - 1, jan_col)] == f"พ.ศ. {era.fiscal_year}"


def test_pd01_grand_total_matches_the_submissions(era_build):
    era, plan_dir, result = era_build
    count, total = _independent_totals(plan_dir)
    ws = openpyxl.load_workbook(result.outputs["pd01"], data_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert era.group_header in [row[0] for row in rows]
    (grand,) = [row for row in rows if row[0] == "รวมทั้งสิ้น"]
    assert grand[1] == count == era.projects
    assert Decimal(str(grand[3])) == total == era.total


def test_approach_cells_fit_their_strategy():
    """FY 2555 groups by แนวทาง: "1.2" and "1.2 name" both occur, always under strategy 1."""
    forms = set()
    for name, _, header, rows in _submission_rows(SAMPLES / "eras" / "fy2555"):
        strategy, approach = _header_index(header, "ยุทธศาสตร์"), _header_index(header, "แนวทาง")
        assert "แผนงาน" not in [str(cell or "") for cell in header], name
        for row in rows:
            match = re.fullmatch(r"(\d+)\.(\d+)( \S.*)?", row[approach])
            assert match, (name, row[approach])
            assert match.group(1) == str(row[strategy]).split()[0], (name, row[approach])
            forms.add(match.group(3) is None)
    assert forms == {True, False}


# --- The samples cannot drift from their generator --------------------------


def test_committed_samples_match_the_generator():
    """`make_sample.py --check` regenerates everything in a temp folder and compares."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "samples match" in result.stdout


def _load_generator(monkeypatch):
    name = "make_sample_for_tests"
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_check_reports_changed_missing_and_extra_files(tmp_path, monkeypatch):
    """The comparison behind --check, on small stand-in folders (no generation)."""
    generator = _load_generator(monkeypatch)
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for root in (fresh, committed):
        for name in ("README.md", "sample-plan/plan.xlsx", "sample-plan/submissions/a.xlsx",
                     "eras/fy2555/plan.xlsx", "eras/fy2555/submissions/a.xlsx"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(name.encode())
    assert generator.compare(committed, fresh) == []
    (committed / "eras/fy2555/submissions/a.xlsx").write_bytes(b"edited by hand")
    (committed / "sample-plan/submissions/a.xlsx").unlink()
    (committed / "eras/fy2555/submissions/stale.xlsx").write_bytes(b"old")
    (committed / "eras/fy2555/output").mkdir()
    (committed / "eras/fy2555/output/pd01.xlsx").write_bytes(b"not owned")
    assert generator.compare(committed, fresh) == [
        "changed  eras/fy2555/submissions/a.xlsx",
        "extra    eras/fy2555/submissions/stale.xlsx",
        "missing  sample-plan/submissions/a.xlsx",
    ]


REGULATION_WORDING = {
    "2548": ("พ.ศ. 2548", ()),
    "2561": ("พ.ศ. 2548", ("(ฉบับที่ 2) พ.ศ. 2559", "(ฉบับที่ 3) พ.ศ. 2561")),
}


def test_preview_wording_and_year_labels_for_the_era(era_build):
    era, _, result = era_build
    html = result.outputs["preview"].read_text(encoding="utf-8")
    base, amendments = REGULATION_WORDING[era.edition]
    assert f"ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น {base}" \
        in html
    for amendment in amendments:
        assert amendment in html
    if era.edition == "2548":
        assert "ฉบับที่ 2" not in html and "ผด.02/1" not in html
    assert f"{era.plan_kind} (พ.ศ. {era.plan_period})" in html or \
        f"{era.plan_kind} พ.ศ. {era.plan_period}" in html
    assert f"พ.ศ. {era.fiscal_year - 1}" in html and f"พ.ศ. {era.fiscal_year}" in html
    assert era.pd02_title in html
