"""Draft and stale outputs: a ``--force`` build over errors says "draft" on every
page of every form and of the preview; a blocked build never leaves an earlier
build's forms in output/ looking current (they are moved into a dated folder,
never deleted, and the console says so)."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from oplan_xl.api import DATA_FILES, FORM_FILES, STALE_PREFIX, build
from oplan_xl.cli import main

from ..builders import equipment, make_plan, project, write_submission

ROOT = Path(__file__).resolve().parents[2]
MARK = "ฉบับร่าง — ยังมีข้อผิดพลาด {} รายการ ไม่ใช่ฉบับประกาศ"
FORMS = ("pd01", "pd02", "pd02-1")


def _plan(tmp_path: Path, bad_rows: int) -> Path:
    plan_dir = make_plan(tmp_path)
    rows = [project(name="ดี"), project(name="ดีด้วย", months=(3, 4))]
    rows += [project(name=f"เสีย {n}", budget="abc") for n in range(bad_rows)]
    write_submission(plan_dir / "submissions" / "works.xlsx", rows, [equipment()],
                     department="กองช่าง")
    return plan_dir


def _headers(path: Path) -> dict[str, str]:
    """Each worksheet's XML part → the text of its page header ('' when none)."""
    headers = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                xml = archive.read(name).decode("utf-8")
                found = re.search(r"<oddHeader>(.*?)</oddHeader>", xml)
                headers[name] = found.group(1).replace("&amp;", "&") if found else ""
    return headers


def test_forced_build_marks_every_sheet_of_every_form(tmp_path):
    result = build(_plan(tmp_path, bad_rows=2), force=True)
    assert result.built and result.draft and len(result.report.errors) == 2
    for form in FORMS:
        headers = _headers(result.outputs[form])
        assert len(headers) >= 2  # the form and its ที่มา sheet (pd01: its data too)
        for part, header in headers.items():
            assert header == ('&C&"TH SarabunPSK,Bold"&20&KC00000' + MARK.format(2)), \
                (form, part)


def test_clean_build_has_no_draft_mark(tmp_path):
    result = build(_plan(tmp_path, bad_rows=0))
    assert result.built and not result.draft
    for form in FORMS:
        assert set(_headers(result.outputs[form]).values()) == {""}, form
    html = result.outputs["preview"].read_text(encoding="utf-8")
    assert "ฉบับร่าง" not in html and "@top-center { content" not in html


def test_forced_preview_says_draft_on_screen_and_on_every_printed_page(tmp_path):
    html = build(_plan(tmp_path, bad_rows=3), force=True).outputs["preview"].read_text(
        encoding="utf-8")
    # printed: the page header of every page (an @page margin box)
    assert f'@page {{ @top-center {{ content: "{MARK.format(3)}"; }} }}' in html
    # on screen: the cover's banner and a note atop every part
    notes = re.findall(r'<p class="draft-note screen-only">(.*?)</p>', html)
    assert notes and set(notes) == {MARK.format(3)}
    parts = re.findall(r'<(?:section|footer) class="page ', html)
    assert len(notes) == len(parts) - 1  # every part but the cover, which has the banner
    assert f'<p class="banner">{MARK.format(3)} —' in html


def test_draft_mark_in_thai_digits(tmp_path):
    from oplan_xl.read.settings import read_settings
    from oplan_xl.write.settings import write_settings

    plan_dir = _plan(tmp_path, bad_rows=2)
    settings = read_settings(plan_dir / "plan.xlsx")
    settings.use_thai_digits = True
    write_settings(settings, plan_dir / "plan.xlsx")
    result = build(plan_dir, force=True)
    assert result.plan.settings.use_thai_digits
    mark = MARK.format("๒")
    assert all(h.endswith(mark) for h in _headers(result.outputs["pd02"]).values())
    assert mark in result.outputs["preview"].read_text(encoding="utf-8")


#: The forms, the preview and the plan record (output/data/): all of a build's.
BUILT = [*FORM_FILES.values(), *DATA_FILES.values()]


def _snapshot(output: Path) -> dict[str, bytes]:
    return {Path(file).name: (output / file).read_bytes() for file in BUILT}


def test_blocked_build_moves_earlier_forms_aside(tmp_path):
    plan_dir = _plan(tmp_path, bad_rows=0)
    output = plan_dir / "output"
    assert build(plan_dir).built
    before = _snapshot(output)
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name="ดี"), project(name="เสีย", budget="abc")],
                     department="กองช่าง")
    result = build(plan_dir)
    assert not result.built
    for file in BUILT:
        assert not (output / file).exists(), file
    folders = [p for p in output.iterdir() if p.is_dir() and p.name.startswith(STALE_PREFIX)]
    assert len(folders) == 1
    assert re.fullmatch(STALE_PREFIX + r"\d{8}-\d{6}", folders[0].name)
    assert sorted(result.set_aside) == sorted(folders[0] / Path(f).name for f in BUILT)
    assert {p.name: p.read_bytes() for p in result.set_aside} == before  # moved, not changed
    assert (output / "findings.xlsx").is_file()  # what to fix: current, stays
    # blocked again: nothing left to move, no second folder
    again = build(plan_dir)
    assert again.set_aside == [] and len([p for p in output.iterdir() if p.is_dir()
                                          and p.name.startswith(STALE_PREFIX)]) == 1


def test_blocked_build_says_it_moved_them(tmp_path):
    plan_dir = _plan(tmp_path, bad_rows=0)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(plan_dir)]).exit_code == 0
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name="เสีย", budget="abc")], department="กองช่าง")
    result = runner.invoke(main, ["--lang", "th", "build", str(plan_dir)])
    assert result.exit_code == 1
    folder = next(p for p in (plan_dir / "output").iterdir() if p.is_dir()
                  and p.name.startswith(STALE_PREFIX))
    assert (f"ย้ายแบบ ผด. และ preview ที่สร้างไว้ครั้งก่อนไปไว้ที่ {folder} แล้ว (ไม่ได้ลบ)"
            in result.output)
    assert ("pd01.xlsx, pd02.xlsx, pd02-1.xlsx, preview.html, projects.csv, equipment.csv, "
            "plan.json") in result.output


def test_forced_build_says_it_is_a_draft(tmp_path):
    result = CliRunner().invoke(main, ["--lang", "en", "build", str(_plan(tmp_path, 1)),
                                       "--force"])
    assert result.exit_code == 1
    assert "are a draft, built with --force despite 1 error; every page says so" \
        in result.output


def test_moved_message_on_a_console_that_cannot_print_thai(tmp_path):
    plan_dir = _plan(tmp_path, bad_rows=0)
    assert build(plan_dir).built
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(name="เสีย", budget="abc")], department="กองช่าง")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUTF8"}
    env["PYTHONIOENCODING"] = "cp1252"
    env["PYTHONPATH"] = str(ROOT)  # this tree's oplan_xl, whatever is installed
    run = subprocess.run([sys.executable, "-m", "oplan_xl", "build", str(plan_dir)],
                         capture_output=True, env=env, cwd=tmp_path)
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr
    assert b"Moved the forms and preview of an earlier build to " in run.stderr
    assert not (plan_dir / "output" / "pd01.xlsx").exists()


def test_successful_build_moves_a_form_it_no_longer_writes(tmp_path):
    plan_dir = make_plan(tmp_path, year=2559)  # the 2548 edition: no ผด.02/1
    write_submission(plan_dir / "submissions" / "works.xlsx",
                     [project(group="1.1 ก่อสร้างและปรับปรุงถนน")], group_label="แนวทาง",
                     department="กองช่าง", year=2559)
    (plan_dir / "output" / "pd02-1.xlsx").write_bytes(b"an earlier edition's form")
    result = build(plan_dir)
    assert result.built and "pd02-1" not in result.outputs
    assert [p.name for p in result.set_aside] == ["pd02-1.xlsx"]
    assert result.set_aside[0].read_bytes() == b"an earlier edition's form"
    assert not (plan_dir / "output" / "pd02-1.xlsx").exists()


def test_forced_rebuild_is_byte_identical(tmp_path):
    plan_dir = _plan(tmp_path, bad_rows=1)
    first = {form: path.read_bytes() for form, path in build(plan_dir, force=True).outputs.items()}
    again = {form: path.read_bytes() for form, path in build(plan_dir, force=True).outputs.items()}
    assert first == again
