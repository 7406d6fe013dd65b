"""oplan results: one pre-filled, locked results workbook per department."""

from __future__ import annotations

import json

import openpyxl
from click.testing import CliRunner

from oplan_xl.cli import main
from oplan_xl.followup.layout import COLUMNS, SHEET, STATUSES
from oplan_xl.followup.template import FIRST_ROW, HEADER_ROW


def test_one_template_per_department_with_its_rows(built_plan):
    record = json.loads((built_plan / "output/data/plan.json").read_text(encoding="utf-8"))
    by_code: dict[str, list[dict]] = {}
    for project in record["projects"]:
        by_code.setdefault(project["department_code"], []).append(project)
    folder = built_plan / "results" / "templates"
    assert sorted(path.stem for path in folder.glob("*.xlsx")) == sorted(by_code)
    for code, projects in by_code.items():
        ws = openpyxl.load_workbook(folder / f"{code}.xlsx")[SHEET]
        labels = [ws.cell(HEADER_ROW, col).value for col in range(1, len(COLUMNS) + 1)]
        assert labels == [column.label for column in COLUMNS]
        ids = [ws.cell(row, 1).value for row in range(FIRST_ROW, FIRST_ROW + len(projects))]
        assert ids == [project["row_id"] for project in projects]
        budgets = [ws.cell(row, 6).value for row in range(FIRST_ROW, FIRST_ROW + len(projects))]
        assert budgets == [float(project["budget"]) for project in projects]
        assert ws.cell(FIRST_ROW + len(projects), 1).value is None


def test_plan_columns_locked_inputs_open_status_a_dropdown(built_plan):
    ws = openpyxl.load_workbook(built_plan / "results/templates/works.xlsx")[SHEET]
    assert ws.protection.sheet
    for col, column in enumerate(COLUMNS, 1):
        assert ws.cell(FIRST_ROW, col).protection.locked is column.locked, column.key
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"' + ",".join(STATUSES) + '"'
    assert str(lists[0].sqref).startswith("H5:H")
    assert ws.cell(FIRST_ROW, 1).font.name == "TH SarabunPSK"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.row_dimensions[FIRST_ROW].height > 20  # fitted to the wrapped strategy


def test_results_command_without_a_built_plan_says_build_first(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "p"), "--org", "อบต.ทดสอบ",
                                "--year", "2568"]).exit_code == 0
    result = runner.invoke(main, ["results", str(tmp_path / "p"), "--lang", "en"])
    assert result.exit_code == 2 and "oplan build" in result.output


def test_results_follow_the_current_plan_with_its_editions(tmp_path):
    """With an edition built, the results forms carry the current plan's rows: the
    projects a เพิ่มเติม edition added are there to report on."""
    import shutil

    from oplan_xl.api import build, new_edition, write_results_templates

    from ..plan.test_editions import NEW_PROJECTS, SAMPLE, add_projects

    plan_dir = tmp_path / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    build(plan_dir)
    added, _ = new_edition(plan_dir, "เพิ่มเติม")
    add_projects(added / "templates" / "works.xlsx", added / "submissions" / "works.xlsx")
    assert build(plan_dir).current
    write_results_templates(plan_dir)
    current = json.loads((plan_dir / "output/current/data/plan.json").read_text(encoding="utf-8"))
    original = json.loads((plan_dir / "output/data/plan.json").read_text(encoding="utf-8"))
    assert len(current["projects"]) == len(original["projects"]) + len(NEW_PROJECTS)
    ws = openpyxl.load_workbook(plan_dir / "results/templates/works.xlsx")[SHEET]
    ids = {ws.cell(row, 1).value for row in range(FIRST_ROW, ws.max_row + 1)} - {None}
    works = {p["row_id"] for p in current["projects"] if p["department_code"] == "works"}
    assert ids == works and not works <= {p["row_id"] for p in original["projects"]}
