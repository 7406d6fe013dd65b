"""The bundled sample, checked against figures computed here from its files.

The expected totals are recomputed from the submissions with openpyxl and
plain Decimal arithmetic, independently of the reader, checks and plan code.
"""

import re
import shutil
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from oplan_xl.api import build

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"


def _independent_totals():
    """strategy number → (project count, baht) straight from the submissions."""
    totals = defaultdict(lambda: [0, Decimal(0)])
    for path in sorted((SAMPLE / "submissions").glob("*.xlsx")):
        ws = openpyxl.load_workbook(path, read_only=True)["โครงการ"]
        rows = ws.iter_rows(values_only=True)
        header = next(rows)
        strategy_col = header.index("ยุทธศาสตร์")
        budget_col = header.index("งบประมาณ (บาท)")
        for row in rows:
            if not any(cell not in (None, "") for cell in row):
                continue
            number = int(re.match(r"\d+", str(row[strategy_col])).group())
            totals[number][0] += 1
            totals[number][1] += Decimal(str(row[budget_col]))
    return totals


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("sample") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    result = build(plan_dir)
    assert result.built and result.report.ok
    return result


def test_sample_is_big_enough(sample_build):
    plan = sample_build.plan
    assert plan.count >= 60 and plan.equipment_count >= 10
    used = [block for block in plan.strategies if block.groups]
    assert len(used) >= 5
    assert len({g.group for block in used for g in block.groups}) >= 8
    assert len(sample_build.report.files) >= 5
    assert any(p.budget_satang % 100 for p in plan.projects())


def test_pd01_matches_independent_totals(sample_build):
    expected = _independent_totals()
    ws = openpyxl.load_workbook(sample_build.outputs["pd01"], data_only=True).active
    found, strategy = {}, None
    grand = None
    for row in ws.iter_rows(min_row=7, values_only=True):
        label = row[0]
        if isinstance(label, str) and re.match(r"\d+\. ", label):
            strategy = int(label.split(".")[0])
        elif label == "รวม":
            found[strategy] = (row[1], Decimal(str(row[3])))
        elif label == "รวมทั้งสิ้น":
            grand = row
    assert found == {n: (count, baht) for n, (count, baht) in expected.items()}
    total_count = sum(count for count, _ in expected.values())
    total_baht = sum(baht for _, baht in expected.values())
    assert grand[1] == total_count == 74
    assert Decimal(str(grand[3])) == total_baht == Decimal("20732952.90")
    assert grand[2] == 100 and grand[4] == 100
    # each strategy's percentage of the budget, rounded half-up from exact sums
    for row in ws.iter_rows(min_row=7, values_only=True):
        if row[0] == "รวม" and row[1]:
            share = (Decimal(str(row[3])) * 100 / total_baht).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert Decimal(str(row[4])) == share


def test_pd02_lists_every_project_once_numbered_per_group(sample_build):
    ws = openpyxl.load_workbook(sample_build.outputs["pd02"], data_only=True).active
    numbers, names = [], []
    for row in ws.iter_rows(min_row=8, values_only=True):
        if isinstance(row[0], int) and row[1]:  # a project row, not a group's รวม
            numbers.append(row[0])
            names.append(row[1])
        elif isinstance(row[0], str) and re.match(r"\d+\.\d+ ", row[0]):
            numbers.append("group")
    assert len(names) == 74 == len(set(names))
    runs = " ".join(str(n) for n in numbers).split("group")
    for run in filter(str.strip, runs):
        values = [int(v) for v in run.split()]
        assert values == list(range(1, len(values) + 1))


def test_reconciliation_balances(sample_build):
    total = sample_build.report.total()
    assert total.rows_read == total.rows_planned == 89  # 74 projects + 15 equipment
    assert total.rows_rejected == 0
    assert total.satang_read == total.satang_planned == 2379074040
