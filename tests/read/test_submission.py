from oplan_xl.core.cells import column_letter
from oplan_xl.core.layout import project_columns
from oplan_xl.read.submission import list_submissions, read_submission

from ..builders import equipment, project, write_submission


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == \
        ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_header_found_by_labels_below_titles_with_columns_moved(tmp_path):
    order = ["name", "budget", "strategy", "group", "place", "activity"] + \
        [f"m{i:02d}" for i in range(1, 13)]
    path = write_submission(tmp_path / "works.xlsx",
                            [project(name="ถนน ก", budget=5000),
                             project(name="ถนน ข", budget="๑,๐๐๐.-")],
                            title_rows=3, column_order=order)
    submission = read_submission(path)
    table = submission.projects
    assert table.header.row == 3  # 0-based: Excel row 4
    assert table.header.columns["name"] == 0 and table.header.columns["strategy"] == 2
    assert [r.origin.row for r in table.rows] == [5, 6]
    assert table.rows[1].values["budget"] == "๑,๐๐๐.-"
    assert table.rows[1].cells["budget"] == "B6"
    assert submission.findings == []


def test_missing_required_column_is_a_finding(tmp_path):
    order = [c.key for c in project_columns() if c.key != "place"]
    path = write_submission(tmp_path / "works.xlsx", [project()], column_order=order)
    findings = read_submission(path).findings
    assert [(f.code, f.column, f.cell) for f in findings] == \
        [("missing-column", "สถานที่ดำเนินการ", "A1")]


def test_unreadable_file_is_a_finding_not_a_crash(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    submission = read_submission(path)
    assert [f.code for f in submission.findings] == ["file-unreadable"]
    assert submission.projects is None


def test_no_header_is_a_finding(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["รายการ", "จำนวน"])
    path = tmp_path / "other.xlsx"
    workbook.save(path)
    assert [f.code for f in read_submission(path).findings] == ["no-header"]


def test_department_sheet_and_equipment(tmp_path):
    path = write_submission(tmp_path / "ชื่อไทย กองช่าง.xlsx", [project()], [equipment()],
                            department="กองช่าง", year=2568)
    submission = read_submission(path)
    assert submission.department_name == "กองช่าง"
    assert submission.fiscal_year == (2568, "B3")
    assert len(submission.equipment.rows) == 1
    assert submission.equipment.rows[0].values["equipment_type"] == "ครุภัณฑ์สำนักงาน"


def test_lock_and_hidden_files_are_skipped(tmp_path):
    for name in ("a.xlsx", "~$a.xlsx", ".~lock.a.xlsx#", ".hidden.xlsx", "notes.txt",
                 "b.ods", "c.XLS"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in list_submissions(tmp_path)] == ["a.xlsx", "b.ods", "c.XLS"]


def test_a_header_without_any_month_column_is_missing_the_months(tmp_path):
    order = [c.key for c in project_columns() if not c.key.startswith("m")]
    path = write_submission(tmp_path / "works.xlsx", [project()], column_order=order)
    findings = read_submission(path).findings
    assert [(f.code, f.column) for f in findings] == [
        ("missing-column", "ต.ค. ถึง ก.ย. (เดือนที่ดำเนินการ)")]
