import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from oplan_xl import __version__
from oplan_xl.api import check
from oplan_xl.cli import main

from ..builders import make_plan, project, write_submission


@pytest.fixture
def runner():
    return CliRunner()


def test_version_and_help(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("init", "check", "build", "results", "report", "demo"):
        assert command in result.output
        sub = runner.invoke(main, [command, "--help"])
        assert sub.exit_code == 0 and "--lang" in sub.output


def test_help_speaks_thai_and_cuts_nothing(runner):
    """click's own words (Usage, Options, Show this message and exit.) are English
    only and it cuts command descriptions short with "…": neither reaches the officer."""
    result = runner.invoke(main, ["--help"], terminal_width=80, prog_name="oplan")
    lines = result.output.splitlines()
    assert lines[0].startswith("วิธีใช้ / Usage: oplan")
    assert "ตัวเลือก / Options:" in lines and "คำสั่ง / Commands:" in lines
    commands = lines[lines.index("คำสั่ง / Commands:") + 1:]
    assert [line.split()[0] for line in commands] == ["serve", "init", "template", "import",
                                                       "check", "build", "edition", "results",
                                                       "report", "demo"]
    assert "  build     ตรวจ แล้วเขียนแบบ ผด.01 ผด.02 ผด.02/1 และ preview.html" in commands
    for command in ([], ["init"], ["template"], ["import"], ["check"], ["build"], ["edition"],
                    ["results"], ["report"],
                    ["demo"]):
        output = runner.invoke(main, [*command, "--help"], terminal_width=80).output
        assert "Show this message" not in output and "…" not in output
        assert re.search(r"--help +แสดงวิธีใช้นี้ / show this help", output)


def test_init_then_check_exit_codes(runner, tmp_path):
    plan_dir = tmp_path / "อบต ทดสอบ"
    result = runner.invoke(main, ["init", str(plan_dir), "--org", "อบต.ทดสอบ", "--year", "2568",
                                  "--district", "เมือง", "--province", "ทดสอบ"])
    assert result.exit_code == 0, result.output
    assert (plan_dir / "plan.xlsx").is_file() and (plan_dir / "submissions").is_dir()
    # again: refuses to overwrite the officer's settings
    again = runner.invoke(main, ["init", str(plan_dir), "--org", "x", "--year", "2568"])
    assert again.exit_code == 2 and "plan.xlsx" in again.output
    # no submissions yet: warnings only, exit 0
    assert runner.invoke(main, ["check", str(plan_dir)]).exit_code == 0


def test_bad_year_and_missing_folder_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["init", str(tmp_path / "p"), "--org", "x", "--year", "2025"])
    assert result.exit_code == 2 and "พ.ศ." in result.output
    result = runner.invoke(main, ["--lang", "en", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "not found" in result.output
    assert "Traceback" not in result.output


def test_plan_errors_exit_1_and_force_builds(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name="ดี"), project(name="เสีย", budget="abc")],
                     department="กองช่าง")
    result = runner.invoke(main, ["build", str(plan_dir)])
    assert result.exit_code == 1
    assert "budget-not-number" in result.output
    assert not (plan_dir / "output" / "pd01.xlsx").exists()
    result = runner.invoke(main, ["build", str(plan_dir), "--force"])
    assert result.exit_code == 1  # still errors, but the forms are written
    assert (plan_dir / "output" / "pd01.xlsx").is_file()


def test_check_json_equals_library_report(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(budget="๑๒,๐๐๐.๕๐"), project(name="x", months=())],
                     department="กองช่าง")
    result = runner.invoke(main, ["check", str(plan_dir), "--json"])
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document == check(plan_dir).to_dict("th")
    assert document["ok"] is False
    no_month = next(f for f in document["findings"] if f["code"] == "no-month")
    assert (no_month["cell"], no_month["row"], no_month["severity"]) == ("H3", 3, "error")
    # SPEC §5's keys, and the row's project (an added key: readers of the shape keep working)
    assert set(no_month) == {"severity", "code", "file", "sheet", "cell", "row", "column",
                             "value", "subject", "message"}
    assert no_month["subject"] == "x"  # the project's name
    no_submission = next(f for f in document["findings"]
                         if f["code"] == "department-no-submission")
    assert no_submission["subject"] == ""
    assert document["reconciliation"]["total"]["baht_read"] == "112000.50"


def test_english_messages(runner, tmp_path):
    plan_dir = make_plan(tmp_path)
    result = runner.invoke(main, ["check", str(plan_dir), "--lang", "en"])
    assert "has sent nothing" in result.output and "Reconciliation" in result.output


def test_demo_builds_sample(runner, tmp_path):
    out = tmp_path / "demo"
    result = runner.invoke(main, ["demo", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("pd01.xlsx", "pd02.xlsx", "pd02-1.xlsx"):
        assert (out / "output" / name).is_file()
    assert "20,732,952.90" in result.output
    # running it again refreshes the same folder
    assert runner.invoke(main, ["demo", str(out)]).exit_code == 0
    other = tmp_path / "mine"
    other.mkdir()
    (other / "keep.txt").write_text("x", encoding="utf-8")
    assert runner.invoke(main, ["demo", str(other)]).exit_code == 2


def test_console_that_cannot_print_thai(tmp_path):
    """On a cp1252 console the tool falls back to English instead of crashing."""
    plan_dir = make_plan(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUTF8"}
    env["PYTHONIOENCODING"] = "cp1252"  # the rest kept: Windows needs SYSTEMROOT to start Python
    result = subprocess.run([sys.executable, "-m", "oplan_xl", "check", str(plan_dir)],
                            capture_output=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"has sent nothing" in result.stdout and b"Traceback" not in result.stderr


def test_thai_console_without_the_marks_does_not_crash(tmp_path):
    """cp874 (a Thai Windows writing to a file: ``oplan check PLAN > log.txt``) has Thai
    but no ✗ or ✓: the findings are printed in Thai, the marks as escapes."""
    plan_dir = make_plan(tmp_path)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(budget="ไม่ทราบ")], department="กองช่าง")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUTF8"}
    env["PYTHONIOENCODING"] = "cp874"
    result = subprocess.run([sys.executable, "-m", "oplan_xl", "check", str(plan_dir)],
                            capture_output=True, env=env, cwd=tmp_path)
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
    text = result.stdout.decode("cp874")
    assert "[budget-not-number]" in text and "\\u2717" in text and "งบประมาณ" in text


def test_entry_flushes_runs_exit_handlers_and_keeps_the_status(tmp_path):
    """``entry`` ends the process as ``sys.exit`` does: what was printed, the exit
    handlers (registered before the command or by it) and the status."""
    marker = tmp_path / "handler-ran"
    early = tmp_path / "early-handler-ran"
    code = ("import atexit, pathlib, sys\n"
            "import click\n"
            "from oplan_xl import cli\n"
            f"atexit.register(pathlib.Path({str(early)!r}).touch)\n"
            "@cli.main.command('probe')\n"
            "@click.argument('code')\n"
            "def probe(code):\n"
            f"    atexit.register(pathlib.Path({str(marker)!r}).touch)\n"
            "    print('printed', end='')\n"
            "    sys.exit(int(code) if code.isdigit() else code)\n"
            "cli.entry()\n")
    for argument, status in (("3", 3), ("0", 0), ("a message", 1)):
        marker.unlink(missing_ok=True)
        early.unlink(missing_ok=True)
        result = subprocess.run([sys.executable, "-c", code, "probe", argument],
                                capture_output=True, text=True)
        assert result.returncode == status and result.stdout == "printed"
        assert marker.is_file() and early.is_file()
    assert "a message" in result.stderr


def test_entry_ends_with_status_1_after_an_uncaught_exception(tmp_path):
    code = ("from oplan_xl import cli\n"
            "@cli.main.command('probe')\n"
            "def probe():\n"
            "    raise RuntimeError('not caught')\n"
            "cli.entry()\n")
    result = subprocess.run([sys.executable, "-c", code, "probe"], capture_output=True,
                            text=True)
    assert result.returncode == 1 and "RuntimeError: not caught" in result.stderr
