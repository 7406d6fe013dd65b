"""``oplan template``: a thin wrapper over pipeline.write_templates."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from oplan_xl.cli import main

from ..builders import make_plan

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def runner():
    return CliRunner()


def test_template_writes_one_workbook_per_department(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    result = runner.invoke(main, ["template", str(plan_dir)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (plan_dir / "templates").iterdir())
    assert names == sorted(f"{code}.xlsx" for code in (
        "palad", "finance", "works", "education", "health", "welfare"))
    assert "สร้างแบบกรอกข้อมูล 6 ไฟล์" in result.output and "submissions" in result.output


def test_one_department_and_english(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    result = runner.invoke(main, ["--lang", "en", "template", str(plan_dir),
                                  "--department", "works"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (plan_dir / "templates").iterdir()] == ["works.xlsx"]
    assert "Wrote 1 department workbook " in result.output


def test_unknown_department_is_a_usage_error(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    result = runner.invoke(main, ["template", str(plan_dir), "--department", "roads"])
    assert result.exit_code == 2
    assert "ไม่พบหน่วยงานรหัส \"roads\"" in result.output and "works" in result.output
    assert "Traceback" not in result.output
    assert not (plan_dir / "templates").exists()


def test_codes_that_give_the_same_file_name_are_refused_before_writing(runner, tmp_path):
    """w/x and w-x would both be w-x.xlsx: one template would overwrite the other."""
    import openpyxl

    plan_dir = make_plan(tmp_path)
    workbook = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    workbook["หน่วยงาน"]["C4"], workbook["หน่วยงาน"]["C5"] = "w/x", "w-x"
    workbook.save(plan_dir / "plan.xlsx")
    result = runner.invoke(main, ["template", str(plan_dir)])
    assert result.exit_code == 2
    assert "รหัสหน่วยงาน w/x, w-x" in result.output and "(w-x.xlsx)" in result.output
    assert "Traceback" not in result.output
    assert not (plan_dir / "templates").exists()
    # a department whose file name is its own is still written
    result = runner.invoke(main, ["template", str(plan_dir), "--department", "palad"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (plan_dir / "templates").iterdir()] == ["palad.xlsx"]


def test_missing_plan_folder_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["template", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "ไม่พบโฟลเดอร์แผน" in result.output


def test_help_and_readme(runner):
    result = runner.invoke(main, ["template", "--help"])
    assert result.exit_code == 0 and "--department" in result.output
    assert "template" in runner.invoke(main, ["--help"]).output
    readme = README.read_text(encoding="utf-8")
    assert "`oplan template PLAN_DIR [--department CODE]`" in readme
    assert "python -m oplan_xl.write.template --regenerate" in readme
