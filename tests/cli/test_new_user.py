"""Tried as a new user would (issue 15): a file where a folder is meant, and a demo
folder the officer edited."""

import json

import pytest
from click.testing import CliRunner

from oplan_xl.cli import main

from ..builders import make_plan


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", ["check", "build", "template"])
def test_plan_xlsx_given_as_the_plan_folder(runner, tmp_path, command):
    plan_dir = make_plan(tmp_path)
    result = runner.invoke(main, [command, str(plan_dir / "plan.xlsx")])
    assert result.exit_code == 2
    assert "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in result.output
    assert f'"{plan_dir.resolve()}"' in result.output
    assert "ไม่พบโฟลเดอร์แผน" not in result.output


def test_another_file_given_as_the_plan_folder(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    workbook = plan_dir / "submissions" / "works.xlsx"
    workbook.write_bytes(b"x")
    result = runner.invoke(main, ["--lang", "en", "check", str(workbook)])
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output and "plan.xlsx" in result.output


def test_a_missing_folder_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["check", str(tmp_path / "ไม่มี")])
    assert result.exit_code == 2 and "oplan init" in result.output


@pytest.mark.parametrize("command", [["init", "--org", "x", "--year", "2568"], ["demo"]])
def test_a_new_folder_that_is_a_file(runner, tmp_path, command):
    existing = tmp_path / "notes.txt"
    existing.write_text("x", encoding="utf-8")
    result = runner.invoke(main, [command[0], str(existing), *command[1:]])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "เป็นไฟล์ที่มีอยู่แล้ว ไม่ใช่โฟลเดอร์" in result.output
    assert existing.read_text(encoding="utf-8") == "x"


def test_init_into_a_name_like_plan_xlsx(runner, tmp_path):
    """It would make a folder called plan.xlsx."""
    result = runner.invoke(main, ["init", str(tmp_path / "plan.xlsx"), "--org", "x",
                                  "--year", "2568"])
    assert result.exit_code == 2 and "ชื่อโฟลเดอร์ใหม่" in result.output
    assert not (tmp_path / "plan.xlsx").exists()


def test_demo_refreshes_only_what_it_wrote(runner, tmp_path):
    out = tmp_path / "demo"
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0
    marker = json.loads((out / ".oplan-demo").read_text(encoding="utf-8"))
    assert "plan.xlsx" in marker["files"] and "submissions/works.xlsx" in marker["files"]
    (out / "output" / "pd01.xlsx").write_bytes(b"outputs are the build's")
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0  # unchanged: refreshed


@pytest.mark.parametrize("edit, named", [
    (lambda out: (out / "plan.xlsx").write_bytes(b"my edits"), "plan.xlsx"),
    (lambda out: (out / "submissions" / "mine.xlsx").write_bytes(b"x"),
     "submissions/mine.xlsx"),
    (lambda out: (out / "submissions" / "works.xlsx").unlink(), "submissions/works.xlsx"),
])
def test_demo_keeps_the_officers_edits(runner, tmp_path, edit, named):
    out = tmp_path / "demo"
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0
    edit(out)
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    result = runner.invoke(main, ["demo", str(out)])
    assert result.exit_code == 2
    assert "ไม่เขียนทับ" in result.output and named in result.output
    assert f"oplan build {out}" in result.output
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before


def test_a_demo_of_an_older_version_is_compared_with_the_sample(runner, tmp_path):
    out = tmp_path / "demo"
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0
    (out / ".oplan-demo").write_text("oplan demo\n", encoding="utf-8")
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0
    (out / "plan.xlsx").write_bytes(b"my edits")
    (out / ".oplan-demo").write_text("oplan demo\n", encoding="utf-8")
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 2


@pytest.mark.parametrize("args, thai", [
    (["check"], "ยังไม่ได้ระบุ PLAN_DIR"),
    (["init", "x", "--org", "ก", "--year", "abc"], "ค่าของ --year ต้องเป็นตัวเลข"),
    (["init", "x", "--year", "2568"], "ยังไม่ได้ระบุ --org"),
    (["chek", "x"], 'ไม่มีคำสั่ง "chek" — คำสั่งที่มี: serve, init, template, import, check, build, '
                    'edition, results, report, demo'),
    (["check", "--bogus", "x"], "ไม่มีตัวเลือก --bogus"),
    (["--lang", "fr", "check", "x"], "ค่าของ --lang ต้องเป็น th หรือ en"),
    (["init", "x", "--org"], "ตัวเลือก --org ต้องมีค่าตามหลัง"),
])
def test_command_line_mistakes_in_thai(runner, args, thai):
    """click's own errors were English only ("Error: Missing argument 'PLAN_DIR'.")."""
    result = runner.invoke(main, args, prog_name="oplan")
    assert result.exit_code == 2
    assert f"ข้อผิดพลาด: {thai}\nError: " in result.output
    assert "Try '" not in result.output


def test_build_names_the_forms_it_wrote(runner, tmp_path):
    result = runner.invoke(main, ["demo", str(tmp_path / "demo")])
    lines = result.output.splitlines()
    for form, file in (("แบบ ผด.01", "pd01.xlsx"), ("แบบ ผด.02", "pd02.xlsx"),
                       ("แบบ ผด.02/1", "pd02-1.xlsx")):
        assert any(line.startswith(f"เขียน {form}: ") and line.endswith(file)
                   for line in lines), form
    assert not any(line.startswith("เขียน pd") for line in lines)
    result = runner.invoke(main, ["--lang", "en", "build", str(tmp_path / "demo")])
    assert "Wrote form ผด.02/1: " in result.output and "Wrote pd" not in result.output
