"""Editions through the year (issue 16): ``oplan edition`` makes the next edition's
folder and templates; ``oplan build`` builds each edition's forms and the current
plan; the checks of an edition's rows.  Totals are read back from the written
workbooks' cached values (calamine), to the satang."""

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from click.testing import CliRunner

from oplan_xl.api import build, new_edition
from oplan_xl.cli import main
from oplan_xl.core.errors import UsageError
from oplan_xl.core.layout import REASON_LABEL, ROW_ID_LABEL, STATUS_LABEL

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
NEW_PROJECTS = (("โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 9", "หมู่ที่ 9 บ้านใหม่", 123456.78),
                ("โครงการขยายเขตประปา หมู่ที่ 2", "หมู่ที่ 2 บ้านนาสาธิต", 250000.05))
CHANGED_BY = Decimal("-12345.67")


def grid(path: Path, sheet: int = 0) -> list[list]:
    return python_calamine.CalamineWorkbook.from_path(str(path)) \
        .get_sheet_by_index(sheet).to_python()


def grand_total(pd01: Path) -> Decimal:
    """ผด.01's รวมทั้งสิ้น budget, as the file caches it."""
    for line in grid(pd01):
        if line and line[0] == "รวมทั้งสิ้น":
            return Decimal(str(line[3])).quantize(Decimal("0.01"))
    raise AssertionError("no grand total")


def pd02_names(pd02: Path) -> list[str]:
    return [str(line[1]) for line in grid(pd02)
            if line and isinstance(line[0], float) and line[1]]


def header(ws) -> dict[str, int]:
    return {ws.cell(2, col).value: col for col in range(1, ws.max_column + 1)}


def add_projects(template: Path, target: Path, projects=NEW_PROJECTS) -> None:
    """Two new projects typed into an edition's template, as a department would."""
    workbook = openpyxl.load_workbook(template)
    ws = workbook["โครงการ"]
    columns = header(ws)
    for row, (name, place, budget) in enumerate(projects, 3):
        values = {"ยุทธศาสตร์": 1, "แผนงาน": "แผนงานอุตสาหกรรมและการโยธา", "โครงการ": name,
                  "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ": "ก่อสร้างตามแบบ",
                  "งบประมาณ (บาท)": budget, "สถานที่ดำเนินการ": place, "ม.ค.": "✓"}
        for label, value in values.items():
            ws.cell(row, columns[label], value)
    workbook.save(target)


def change_row(template: Path, target: Path, by: Decimal = CHANGED_BY, reason="งบไม่พอ",
               status="แก้ไข", row_id: str | None = None, alone: bool = False) -> str:
    """The first pre-filled row's budget changed by *by*, marked and reasoned;
    *alone*: the other rows cleared (a file sending just that row)."""
    workbook = openpyxl.load_workbook(template)
    if alone:
        for sheet, first in (("โครงการ", 4), ("ครุภัณฑ์", 3)):
            for line in workbook[sheet].iter_rows(min_row=first):
                for cell in line:
                    cell.value = None
    ws = workbook["โครงการ"]
    columns = header(ws)
    budget = ws.cell(3, columns["งบประมาณ (บาท)"])
    budget.value = float(Decimal(str(budget.value)) + by)
    ws.cell(3, columns[STATUS_LABEL], status)
    ws.cell(3, columns[REASON_LABEL], reason)
    if row_id is not None:
        ws.cell(3, columns[ROW_ID_LABEL], row_id)
    workbook.save(target)
    return ws.cell(3, columns[ROW_ID_LABEL]).value


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """The sample plan with a เพิ่มเติม edition (two new projects of กองช่าง) and a
    เปลี่ยนแปลง edition (one budget cut, with a reason), built."""
    plan_dir = tmp_path_factory.mktemp("editions") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    original = build(plan_dir)
    added, _ = new_edition(plan_dir, "เพิ่มเติม")
    add_projects(added / "templates" / "works.xlsx", added / "submissions" / "works.xlsx")
    changed, _ = new_edition(plan_dir, "change")
    row_id = change_row(changed / "templates" / "works.xlsx",
                        changed / "submissions" / "works.xlsx")
    result = build(plan_dir)
    return plan_dir, original, result, row_id


def test_edition_folders_and_templates(plan):
    plan_dir, _, _, row_id = plan
    added = plan_dir / "editions" / "01-เพิ่มเติม"
    changed = plan_dir / "editions" / "02-เปลี่ยนแปลง"
    assert (added / "templates" / "works.xlsx").is_file()
    assert json.loads((added / "edition.json").read_text(encoding="utf-8"))["fiscal_year"] == 2568
    # เพิ่มเติม: the standard template, no rows, no edition columns.
    ws = openpyxl.load_workbook(added / "templates" / "works.xlsx")["โครงการ"]
    assert ROW_ID_LABEL not in header(ws) and ws.cell(3, 3).value is None
    assert "เพิ่มเติม ครั้งที่ 1/2568" in ws.cell(1, 1).value
    # เปลี่ยนแปลง: the department's rows, the id locked, everything else editable.
    ws = openpyxl.load_workbook(changed / "templates" / "works.xlsx")["โครงการ"]
    columns = header(ws)
    assert ws.protection.sheet
    assert ws.cell(3, columns[ROW_ID_LABEL]).value == row_id and row_id.startswith("P-")
    assert ws.cell(3, columns[ROW_ID_LABEL]).protection.locked
    assert not ws.cell(3, columns[STATUS_LABEL]).protection.locked
    assert not ws.cell(3, columns["งบประมาณ (บาท)"]).protection.locked
    assert ws.cell(3, columns[STATUS_LABEL]).value == "คงเดิม"
    names = [ws.cell(row, columns["โครงการ"]).value for row in range(3, ws.max_row + 1)]
    # กองช่าง's current rows: its 17 of the original and the 2 the เพิ่มเติม added.
    assert len([n for n in names if n]) == 19


def test_done_when_the_editions_build(plan):
    plan_dir, original, result, row_id = plan
    assert result.built and result.report.ok
    assert [item.edition.name for item in result.editions] == [
        "เพิ่มเติม ครั้งที่ 1/2568", "เปลี่ยนแปลง ครั้งที่ 1/2568"]
    assert all(item.report.ok and item.outputs for item in result.editions)
    out = plan_dir / "output"
    # The เพิ่มเติม edition's ผด.01 and ผด.02 hold exactly the two projects.
    added = out / "editions" / "01-เพิ่มเติม"
    assert grand_total(added / "pd01.xlsx") == Decimal("373456.83")
    assert sorted(pd02_names(added / "pd02.xlsx")) == sorted(p[0] for p in NEW_PROJECTS)
    assert not (added / "pd02-1.xlsx").exists()
    titles = [line[0] for line in grid(added / "pd01.xlsx")[:4]]
    assert "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 เพิ่มเติม ครั้งที่ 1/2568" in titles
    # current = original + added + change, to the satang.
    before = grand_total(out / "pd01.xlsx")
    assert before == Decimal(original.plan.satang) / 100
    assert grand_total(out / "current" / "pd01.xlsx") == before + Decimal("373456.83") \
        + CHANGED_BY


def test_the_change_edition_side_by_side(plan):
    plan_dir, _, result, row_id = plan
    folder = plan_dir / "output" / "editions" / "02-เปลี่ยนแปลง"
    lines = grid(folder / "pd02.xlsx")
    mine = [line for line in lines if len(line) > 1 and line[1] == row_id]
    assert len(mine) == 1
    line = mine[0]
    assert line[5] == "แก้ไข" and line[12] == "งบไม่พอ"
    assert Decimal(str(line[8])).quantize(Decimal("0.01")) == CHANGED_BY
    assert Decimal(str(line[7])) - Decimal(str(line[6])) == CHANGED_BY
    document = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
    assert document["totals"]["changed"] == str(CHANGED_BY)
    assert document["totals"]["added"] == "0.00"
    # กองช่าง's 19 projects and 3 equipment items read back: all planned.
    assert document["reconciliation"]["total"]["rows_planned"] == 22


def test_the_current_plan_says_where_each_row_comes_from(plan):
    plan_dir, original, result, row_id = plan
    current = plan_dir / "output" / "current"
    for name in ("pd01.xlsx", "pd02.xlsx", "pd02-1.xlsx", "preview.html",
                 "data/projects.csv", "data/plan.json"):
        assert (current / name).is_file(), name
    document = json.loads((current / "data" / "plan.json").read_text(encoding="utf-8"))
    by_id = {record["row_id"]: record for record in document["projects"]}
    assert len(by_id) == original.plan.count + 2
    assert by_id[row_id]["edition_name"] == "เปลี่ยนแปลง ครั้งที่ 1/2568"
    new = [r for r in by_id.values() if r["edition_name"] == "เพิ่มเติม ครั้งที่ 1/2568"]
    assert sorted(r["name"] for r in new) == sorted(p[0] for p in NEW_PROJECTS)
    originals = [r for r in by_id.values() if r["edition"] == 0]
    assert len(originals) == original.plan.count - 1
    total = sum(Decimal(r["budget"]) for r in by_id.values())
    assert total == grand_total(current / "pd01.xlsx")
    # ผด.02 notes the edition under the project's name.
    names = pd02_names(current / "pd02.xlsx")
    assert sum("(เพิ่มเติม ครั้งที่ 1/2568)" in name for name in names) == 2
    assert sum("(เปลี่ยนแปลง ครั้งที่ 1/2568)" in name for name in names) == 1


def test_original_plan_unchanged_by_editions(plan):
    _, original, result, _ = plan
    assert result.plan.satang == original.plan.satang
    assert grand_total(result.outputs["pd01"]) == Decimal(original.plan.satang) / 100


def _fresh(tmp_path) -> Path:
    plan_dir = tmp_path / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    return plan_dir


def codes(result) -> list[str]:
    """The editions' findings of this issue (new projects are not-in-dev-plan, etc.)."""
    return [f.code for item in result.editions for f in item.report.findings
            if f.code.startswith("edition-")]


def test_checks_unknown_cancelled_and_no_reason(tmp_path):
    plan_dir = _fresh(tmp_path)
    first, _ = new_edition(plan_dir, "แก้ไข")
    row_id = change_row(first / "templates" / "works.xlsx",
                        first / "submissions" / "works.xlsx", by=Decimal(0), status="ยกเลิก",
                        reason="ไม่มีความจำเป็นแล้ว")
    result = build(plan_dir)
    assert codes(result) == [] and result.current
    cancelled = result.editions[0].outcome
    assert cancelled.satang("ยกเลิก") < 0 and len(cancelled.changes) == 1
    second, _ = new_edition(plan_dir, "correct")
    assert row_id not in {cell.value for ws in openpyxl.load_workbook(
        second / "templates" / "works.xlsx").worksheets for line in ws.iter_rows()
        for cell in line}
    # The cancelled row named again; an id that never was; a change without reason.
    template = second / "templates" / "works.xlsx"
    change_row(template, second / "submissions" / "works.xlsx", row_id=row_id, alone=True)
    change_row(template, second / "submissions" / "works2.xlsx", row_id="P-000000000000",
               alone=True)
    change_row(template, second / "submissions" / "works3.xlsx", reason=None, alone=True)
    result = build(plan_dir)
    # (The three files send one row each, the same project: duplicate-project says so.)
    assert sorted(codes(result)) == sorted(
        ["edition-row-cancelled", "edition-unknown-row", "edition-no-reason"])
    item = result.editions[1]
    assert item.blocked and not item.outputs and not result.current
    found = {f.code: f for f in item.report.findings}
    assert found["edition-no-reason"].file == "works3.xlsx"
    assert found["edition-no-reason"].row == 3 and found["edition-no-reason"].cell
    assert found["edition-unknown-row"].value == "P-000000000000"
    # The CLI: exit 1, the edition's findings printed, Thai first.
    run = CliRunner().invoke(main, ["build", str(plan_dir)])
    assert run.exit_code == 1
    assert "แก้ไข ครั้งที่ 2/2568" in run.output


def test_checks_duplicate_other_year_and_empty_folder(tmp_path):
    plan_dir = _fresh(tmp_path)
    first, _ = new_edition(plan_dir, "add")
    empty, _ = new_edition(plan_dir, "add")  # left without submissions
    workbook = openpyxl.load_workbook(SAMPLE / "submissions" / "works.xlsx")
    existing = workbook["โครงการ"]
    name, place = existing.cell(3, 3).value, existing.cell(3, 6).value
    add_projects(first / "templates" / "works.xlsx", first / "submissions" / "works.xlsx",
                 [(name, place, 1000.0), NEW_PROJECTS[0]])
    result = build(plan_dir)
    assert codes(result) == ["edition-duplicate-row"]  # an error: the edition stops there
    assert result.editions[0].blocked and len(result.editions) == 1 and not result.current
    add_projects(first / "templates" / "works.xlsx", first / "submissions" / "works.xlsx",
                 [NEW_PROJECTS[0]])
    result = build(plan_dir)
    assert codes(result) == ["edition-no-submissions"]  # a warning: skipped
    assert result.editions[1].skipped and result.current
    other, _ = new_edition(plan_dir, "add")
    meta = json.loads((other / "edition.json").read_text(encoding="utf-8"))
    (other / "edition.json").write_text(json.dumps({**meta, "fiscal_year": 2567}),
                                        encoding="utf-8")
    result = build(plan_dir)
    assert "edition-other-year" in codes(result)
    assert result.editions[-1].blocked


def test_kind_aliases_and_unknown(tmp_path):
    plan_dir = _fresh(tmp_path)
    with pytest.raises(UsageError):
        new_edition(plan_dir, "supplement")
    run = CliRunner().invoke(main, ["edition", str(plan_dir), "--kind", "change"])
    assert run.exit_code == 0, run.output
    assert (plan_dir / "editions" / "01-เปลี่ยนแปลง" / "submissions").is_dir()
    assert str(plan_dir / "editions" / "01-เปลี่ยนแปลง") in run.output


def test_an_edition_workbook_read_as_an_original_plans_the_same(tmp_path):
    """The edition columns are text: the original reader leaves them alone."""
    from oplan_xl.api import check

    plan_dir = _fresh(tmp_path)
    before = check(plan_dir)
    folder, _ = new_edition(plan_dir, "change")
    shutil.copyfile(folder / "templates" / "works.xlsx", plan_dir / "submissions" / "works.xlsx")
    after = check(plan_dir)
    assert after.total().satang_planned == before.total().satang_planned
    assert [f.code for f in after.findings] == [f.code for f in before.findings]


def test_the_current_preview_lists_the_editions_and_their_changes(plan):
    """output/current/preview.html: which edition it is, the editions applied with
    their figures, and a change log row per change; the original's has neither."""
    from ..htmlbook import Book

    plan_dir, original, result, row_id = plan
    out = plan_dir / "output"
    book = Book((out / "current" / "preview.html").read_text(encoding="utf-8"))
    assert book.sections[:3] == ["cover", "editions", "contents"]
    assert "changelog" in book.sections
    assert "(ฉบับรวม ณ เปลี่ยนแปลง ครั้งที่ 1/2568)" in book.section_text("cover")
    assert "การเปลี่ยนแปลงอีก 2 ฉบับ" in book.section_text("cover")
    # The totals are the plan's whole budget: projects (ผด.01) and equipment (ผด.02/1).
    before = Decimal(original.plan.satang + original.plan.equipment_satang) / 100
    added = Decimal("373456.83")
    rows = [row.cells for row in book.rows_in("editions") if row.cells[0] not in
            ("ครั้งที่", "รายการ")]
    assert rows[0][2] == "ฉบับแรก (แผนที่ประกาศใช้)" and rows[0][-1] == f"{before:,.2f}"
    # number, kind, name, then rows and baht added, changed, cancelled, the total after.
    assert rows[1] == ["1", "เพิ่มเติม", "เพิ่มเติม ครั้งที่ 1/2568", "2", f"{added:,.2f}",
                       "0", "0.00", "0", "0.00", f"{before + added:,.2f}"]
    after = before + added + CHANGED_BY
    assert rows[2] == ["2", "เปลี่ยนแปลง", "เปลี่ยนแปลง ครั้งที่ 1/2568", "0", "0.00",
                       "1", f"{CHANGED_BY:,.2f}", "0", "0.00", f"{after:,.2f}"]
    assert rows[3] == ["รวมทั้งสิ้น ฉบับรวม ณ เปลี่ยนแปลง ครั้งที่ 1/2568", f"{after:,.2f}"]
    record = json.loads((out / "current" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert after == sum(Decimal(r["budget"]) for r in [*record["projects"],
                                                         *record["equipment"]])
    log = [row.cells for row in book.rows_in("changelog")][1:]
    assert len(log) == 3
    mine = [cells for cells in log if cells[1] == row_id]
    assert len(mine) == 1
    edition, _, name, action, old, new, months, reason = mine[0]
    assert (edition, action, reason) == ("เปลี่ยนแปลง ครั้งที่ 1/2568", "แก้ไข", "งบไม่พอ")
    assert Decimal(new.replace(",", "")) - Decimal(old.replace(",", "")) == CHANGED_BY
    changed = next(r for r in record["projects"] if r["row_id"] == row_id)
    assert new == f"{Decimal(changed['budget']):,.2f}" and changed["name"] == name
    assert months == "คงเดิม"
    assert sorted(cells[2] for cells in log if cells[3] == "เพิ่ม") == sorted(
        p[0] for p in NEW_PROJECTS)
    assert {cells[4] for cells in log if cells[3] == "เพิ่ม"} == {"–"}
    assert {cells[6] for cells in log if cells[3] == "เพิ่ม"} == {"ม.ค."}
    # The original plan's book is as it always was: no editions, no change log.
    html = (out / "preview.html").read_text(encoding="utf-8")
    assert "บันทึกการเปลี่ยนแปลง" not in html and "ฉบับของแผน" not in html
    assert Book(html).sections[:2] == ["cover", "contents"]
