"""Each edition's findings outputs: ``output/editions/<NN>-<kind>/findings.xlsx`` and a
returned copy per department file with findings, made from the edition's own
submissions, also (above all) when the edition is blocked by errors; the
submissions themselves never change."""

import hashlib
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from oplan_xl.api import build, new_edition
from oplan_xl.cli import main
from oplan_xl.core.layout import RETURNED_ERROR_FILL

from .test_editions import NEW_PROJECTS, _fresh, add_projects, change_row

#: What the budget of the edition's faulty project says.
NOT_A_NUMBER = "abc"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def findings_rows(path: Path) -> list[tuple]:
    """findings.xlsx's table: (sheet, row, cell, project, code) of each finding."""
    ws = openpyxl.load_workbook(path)["ผลการตรวจ"]
    return [(line[1], line[2], line[3], line[4], line[8])
            for line in ws.iter_rows(min_row=2, values_only=True) if line[8]]


def marked(copy: Path, sheet: str, cell: str) -> tuple[str, str]:
    """The fill and the comment of *cell* in a returned copy."""
    target = openpyxl.load_workbook(copy)[sheet][cell]
    return target.fill.fgColor.rgb, target.comment.text if target.comment else ""


def test_a_blocked_add_edition_gets_its_findings_and_a_marked_copy(tmp_path):
    plan_dir = _fresh(tmp_path)
    folder, _ = new_edition(plan_dir, "เพิ่มเติม")
    submission = folder / "submissions" / "works.xlsx"
    add_projects(folder / "templates" / "works.xlsx", submission,
                 [(NEW_PROJECTS[0][0], NEW_PROJECTS[0][1], NOT_A_NUMBER), NEW_PROJECTS[1]])
    before = digest(submission)
    result = build(plan_dir)
    item = result.editions[0]
    assert item.blocked and not item.outputs and not result.current
    error = next(f for f in item.report.errors if f.code == "budget-not-number")
    assert (error.file, error.sheet, error.row) == ("works.xlsx", "โครงการ", 3)
    out = plan_dir / "output" / "editions" / "01-เพิ่มเติม"
    assert item.findings == {"findings": out / "findings.xlsx",
                             "returned:works.xlsx": out / "returned" / "กองช่าง.xlsx"}
    # findings.xlsx: the edition's error, at its cell, with its project.
    assert ("โครงการ", 3, error.cell, NEW_PROJECTS[0][0], "budget-not-number") \
        in findings_rows(out / "findings.xlsx")
    # The original plan's own findings.xlsx is not the edition's.
    assert "budget-not-number" not in {row[4] for row in
                                       findings_rows(plan_dir / "output" / "findings.xlsx")}
    # The returned copy: the department's workbook, the budget cell pink with what to do.
    fill, comment = marked(out / "returned" / "กองช่าง.xlsx", "โครงการ", error.cell)
    assert fill == RETURNED_ERROR_FILL and NOT_A_NUMBER in comment
    assert openpyxl.load_workbook(out / "returned" / "กองช่าง.xlsx")["โครงการ"][
        error.cell].value == NOT_A_NUMBER
    assert digest(submission) == before
    # The CLI names both under the edition's heading.
    run = CliRunner().invoke(main, ["build", str(plan_dir)])
    assert run.exit_code == 1
    edition_part = run.output[run.output.index("เพิ่มเติม ครั้งที่ 1/2568"):]
    assert str(out / "findings.xlsx") in edition_part
    assert str(out / "returned" / "กองช่าง.xlsx") in edition_part
    assert digest(submission) == before
    # Fixed and built again: no error left to mark, the forms written.
    add_projects(folder / "templates" / "works.xlsx", submission, NEW_PROJECTS)
    result = build(plan_dir)
    item = result.editions[0]
    assert not item.blocked and item.outputs and item.findings["findings"].is_file()
    assert "budget-not-number" not in {row[4] for row in findings_rows(out / "findings.xlsx")}
    copy = item.findings.get("returned:works.xlsx")
    if copy is not None:  # warnings of the new rows only
        assert marked(copy, "โครงการ", error.cell)[0] != RETURNED_ERROR_FILL


def test_a_change_without_reason_is_marked_in_that_files_copy(tmp_path):
    plan_dir = _fresh(tmp_path)
    folder, _ = new_edition(plan_dir, "เปลี่ยนแปลง")
    template = folder / "templates" / "works.xlsx"
    change_row(template, folder / "submissions" / "works.xlsx", reason=None)
    sent = {path.name: digest(path) for path in (folder / "submissions").iterdir()}
    result = build(plan_dir)
    item = result.editions[0]
    assert item.blocked
    missing = next(f for f in item.report.errors if f.code == "edition-no-reason")
    assert missing.file == "works.xlsx" and missing.cell
    out = plan_dir / "output" / "editions" / "01-เปลี่ยนแปลง"
    copy = item.findings["returned:works.xlsx"]
    assert copy == out / "returned" / "กองช่าง.xlsx"
    fill, comment = marked(copy, missing.sheet, missing.cell)
    assert fill == RETURNED_ERROR_FILL and comment
    assert ("โครงการ", missing.row, missing.cell, missing.subject, "edition-no-reason") \
        in findings_rows(item.findings["findings"])
    assert sent == {path.name: digest(path) for path in (folder / "submissions").iterdir()}
    assert not result.unwritten
