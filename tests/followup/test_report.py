"""oplan report on the sample plan with every department's results filled in: the
figures equal an independent computation; the workbook recalculates to its cached
values in LibreOffice; the page renders in Chromium; wrong rows are located."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from oplan_xl.api import follow_up_report
from oplan_xl.cli import main
from oplan_xl.followup import frames
from oplan_xl.followup.layout import COLUMNS, NOT_REPORTED, SHEET, STATUSES
from oplan_xl.followup.report_xlsx import DEPARTMENT_SHEET, LIST_SHEET, SUMMARY_SHEET
from oplan_xl.followup.template import FIRST_ROW

from ..realclients import open_page

COL = {column.key: col for col, column in enumerate(COLUMNS, 1)}


def fill(template: Path, target: Path, choose) -> list[dict]:
    """Fill *template*'s rows with ``choose(index, budget_satang)`` → (status,
    contracted satang, disbursed satang) as a department would; save at *target*."""
    workbook = openpyxl.load_workbook(template)
    ws = workbook[SHEET]
    filled = []
    row = FIRST_ROW
    while ws.cell(row, COL["row_id"]).value:
        budget = int(round(Decimal(str(ws.cell(row, COL["budget"]).value)) * 100))
        status, contracted, disbursed = choose(row, budget)
        ws.cell(row, COL["status"], status)
        if contracted is not None:
            ws.cell(row, COL["contracted"], float(Decimal(contracted) / 100))
        if disbursed is not None:
            ws.cell(row, COL["disbursed"], float(Decimal(disbursed) / 100))
        ws.cell(row, COL["as_of"], dt.date(2025, 3, 31))
        filled.append({"row_id": ws.cell(row, COL["row_id"]).value, "status": status,
                       "budget": budget, "disbursed": disbursed or 0})
        row += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return filled


def choose(row: int, budget: int):
    status = STATUSES[row % 4]
    if status == STATUSES[0]:
        return status, budget, budget - row  # done: a little under budget, satang exact
    if status == STATUSES[1]:
        return status, budget, budget // 3
    return status, None, None


@pytest.fixture(scope="module")
def reported(built_plan, tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("reported") / "plan"
    shutil.copytree(built_plan, plan_dir)
    filled = []
    for template in sorted((plan_dir / "results/templates").glob("*.xlsx")):
        filled += fill(template, plan_dir / "results/submissions" / template.name, choose)
    result = follow_up_report(plan_dir, "2568-03-31")
    return plan_dir, filled, result


def test_figures_equal_an_independent_computation(reported):
    plan_dir, filled, result = reported
    assert result.round.key == "6-months" and result.report.ok, result.report.findings
    counts = {status: sum(item["status"] == status for item in filled) for status in STATUSES}
    disbursed = sum(item["disbursed"] for item in filled)
    totals = result.totals
    assert {status: totals[status] for status in STATUSES} == counts
    assert totals[NOT_REPORTED] == 0 and totals["count"] == len(filled) == 74
    assert totals["disbursed_satang"] == disbursed
    book = CalamineWorkbook.from_path(str(result.outputs[0]))
    grid = book.get_sheet_by_name(SUMMARY_SHEET).to_python()
    grand = next(row for row in grid if row[0] == "รวมทั้งสิ้น")
    assert grand[1] == 74 and round(grand[9] * 100) == disbursed
    assert [grand[3 + n] for n in range(4)] == [counts[s] for s in STATUSES]
    # per strategy: budget and disbursed of its projects, as the plan record says
    record = {p["row_id"]: p for p in frames.current_rows(plan_dir).projects}
    by_strategy: dict[int, list[int]] = {}
    for item in filled:
        sums = by_strategy.setdefault(record[item["row_id"]]["strategy_number"], [0, 0])
        sums[0] += item["budget"]
        sums[1] += item["disbursed"]
    lines = [row for row in grid if str(row[0]).startswith("รวมยุทธศาสตร์ที่")]
    assert {int(row[0].split()[-1]): [round(row[2] * 100), round(row[9] * 100)]
            for row in lines} == by_strategy


def test_no_report_counts_apart_and_the_department_is_named(built_plan, tmp_path):
    plan_dir = tmp_path / "plan"
    shutil.copytree(built_plan, plan_dir)
    filled = fill(plan_dir / "results/templates/works.xlsx",
                  plan_dir / "results/submissions/works.xlsx", choose)
    result = follow_up_report(plan_dir, "2025-09-30")
    assert result.round.key == "year-end"
    assert result.totals[NOT_REPORTED] == 74 - len(filled)
    missing = [f for f in result.report.findings if f.code == "result-department-missing"]
    assert len(missing) == 5 and "กองช่าง" not in str([f.params for f in missing])


def test_wrong_row_id_and_disbursed_over_budget_are_located(built_plan, tmp_path):
    plan_dir = tmp_path / "plan"
    shutil.copytree(built_plan, plan_dir)
    target = plan_dir / "results/submissions/works.xlsx"
    fill(plan_dir / "results/templates/works.xlsx", target, choose)
    workbook = openpyxl.load_workbook(target)
    ws = workbook[SHEET]
    ws.protection.sheet = False
    ws.cell(FIRST_ROW, COL["row_id"], "P-000000000000")
    budget = ws.cell(FIRST_ROW + 1, COL["budget"]).value
    ws.cell(FIRST_ROW + 1, COL["disbursed"], budget + 1)
    ws.cell(FIRST_ROW + 2, COL["status"], "เสร็จแล้ว")
    workbook.save(target)
    result = follow_up_report(plan_dir, "2568-03-31")
    found = {f.code: f for f in result.report.findings}
    unknown = found["result-unknown-row"]
    assert (unknown.file, unknown.sheet, unknown.row, unknown.cell) == (
        "works.xlsx", SHEET, FIRST_ROW, f"A{FIRST_ROW}")
    over = found["result-disbursed-over-budget"]
    assert (over.file, over.sheet, over.row, over.cell) == (
        "works.xlsx", SHEET, FIRST_ROW + 1, f"J{FIRST_ROW + 1}")
    status = found["result-status-unknown"]
    assert (status.row, status.cell, status.value) == (FIRST_ROW + 2, f"H{FIRST_ROW + 2}",
                                                       "เสร็จแล้ว")
    assert not result.report.ok
    assert result.totals[NOT_REPORTED] == 74 - 17 + 3  # the three rows are not counted


def test_report_command_bad_date_and_outside_year(reported):
    plan_dir = reported[0]
    runner = CliRunner()
    out = runner.invoke(main, ["report", str(plan_dir), "--as-of", "31 ธันวา", "--lang", "en"])
    assert out.exit_code == 2 and "Cannot read the date" in out.output
    out = runner.invoke(main, ["report", str(plan_dir), "--as-of", "2026-01-01", "--lang", "en"])
    assert out.exit_code == 2 and "outside fiscal year 2568" in out.output
    out = runner.invoke(main, ["report", str(plan_dir), "--as-of", "2567-10-01"])
    assert out.exit_code == 0 and "report-6-months.html" in out.output


def test_frames_keep_money_as_int64_satang(reported):
    plan_dir = reported[0]
    plan = frames.plan_frame(plan_dir)
    results = frames.results_frame(plan_dir)
    assert str(plan["budget_satang"].dtype) == "int64"
    assert str(results["disbursed_satang"].dtype) == "Int64"
    merged = frames.merged_frame(plan, results)
    assert str(merged["disbursed_satang"].dtype) == "int64"
    assert int(plan["budget_satang"].sum()) == 2073295290


def test_workbook_recalculates_to_its_cached_values(reported, libreoffice):
    source = reported[2].outputs[0]
    converted = libreoffice.convert({"report": source}, "xlsx", recalc=True)["report"]
    ours, theirs = CalamineWorkbook.from_path(str(source)), CalamineWorkbook.from_path(
        str(converted))
    for sheet in (SUMMARY_SHEET, DEPARTMENT_SHEET, LIST_SHEET):
        mine, recalculated = (_grid(book, sheet) for book in (ours, theirs))
        numbers = [(r, c, value) for r, row in enumerate(mine) for c, value in enumerate(row)
                   if isinstance(value, (int, float)) and not isinstance(value, bool)]
        assert numbers
        for r, c, value in numbers:
            assert recalculated[r][c] == pytest.approx(value, abs=1e-9), (sheet, r, c)


def _grid(book: CalamineWorkbook, sheet: str) -> list[list]:
    """The sheet's values from A1 (calamine starts at the first cell with a value)."""
    return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def test_page_renders_in_chromium(reported, tmp_path):
    page = reported[2].outputs[1]
    run = open_page(page, tmp_path, pdf=True)
    assert run.returncode == 0 and 'id="chart"' in run.dom and "รวมทั้งสิ้น" in run.dom
    assert run.pdf is not None and run.pdf.stat().st_size > 10_000
    assert not [line for line in run.console_lines() if "Uncaught" in line]


def test_the_schedule_chart_counts_due_and_started_projects(reported):
    """Planned months against progress as of 31 มี.ค. 2568: a project is due when its
    first planned month (ต.ค. … มี.ค.) has come, started when reported done or in
    progress; counted here from the plan record and the filled forms."""
    plan_dir, filled, _ = reported
    result = follow_up_report(plan_dir, "2568-03-31")  # other tests report other dates
    projects = frames.current_rows(plan_dir).projects
    due = sum(next((i for i, m in enumerate(p["months"]) if m), 12) <= 5 for p in projects)
    started = sum(item["status"] in STATUSES[:2] for item in filled)
    html = result.outputs[1].read_text(encoding="utf-8")
    chart = html[html.index('id="schedule"'):html.index("</div>\n<p class=\"legend\">ความยาว")]
    total = chart[chart.rindex("รวมทั้งสิ้น"):]
    assert f"ถึงกำหนดเริ่ม {due} จาก {len(projects)}" in total
    assert f"ดำเนินการแล้ว/แล้วเสร็จ {started}" in total
    assert chart.count('class="row"') == len({p["strategy_number"] for p in projects}) + 1


def test_results_saved_as_ods_and_xls_report_the_same(reported, libreoffice, tmp_path):
    """A department that saves its results form in LibreOffice (.ods) or as .xls is
    read alike: the same statuses and the same disbursed total to the satang."""
    plan_dir, filled, _ = reported
    expected = follow_up_report(plan_dir, "2568-03-31").totals
    for target in ("ods", "xls"):
        copy = tmp_path / target
        shutil.copytree(plan_dir, copy)
        submissions = copy / "results/submissions"
        converted = libreoffice.convert({p.stem: p for p in submissions.glob("*.xlsx")}, target)
        for path in submissions.glob("*.xlsx"):
            path.unlink()
        for stem, path in converted.items():
            shutil.copyfile(path, submissions / f"{stem}.{target}")
        result = follow_up_report(copy, "2568-03-31")
        assert result.report.ok, result.report.findings
        assert result.totals == expected, target
