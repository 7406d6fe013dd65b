"""Every check of SPEC §6, each on a fixture named after it, asserted as
(file, cell, code) tuples with exact baht in the reconciliation."""

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from oplan_xl.api import check, load_settings
from oplan_xl.core import limits
from oplan_xl.core.findings import CATALOGUE, ERROR, WARNING, finding
from oplan_xl.core.model import DevPlanProject
from oplan_xl.read.submission import read_submission

from ..builders import DATA, plan_with, positions

README = Path(__file__).resolve().parents[2] / "README.md"
F = "check-{}.xlsx".format


def only(name, *cells_and_codes):
    return [(name, cell, code) for cell, code in cells_and_codes]


# --- the catalogue ------------------------------------------------------------


def test_every_code_has_thai_and_english_templates_and_a_readme_row():
    readme = README.read_text(encoding="utf-8")
    sample = {"reason": "r", "expected": "e", "year": 2568, "count": 6, "strategy": 1,
              "standard": "s", "department": "d", "other": "o", "place": "p",
              "files": "a, b", "months": "ม.ค.", "marks": "ม.ค.", "previous": 2,
              "formula": "=1", "length": 900, "limit": 700, "rows": "2,500",
              "columns": "E, W", "chosen": "E", "hidden": "W", "found": "ที่, โครงการ",
              "others": "W \"งบ 67\"", "letter": "W",
              "kind": "โครงการ", "kind_en": "project", "read": "โครงการ", "words": "ม.ค.-มี.ค.",
              "shaded": "ก.ค.",
              "taken": "8–17", "left": 4, "target": "works.xlsx",
              "edition": "เพิ่มเติม ครั้งที่ 1/2568", "action": "แก้ไข", "row_id": "P-1",
              "statuses": "คงเดิม, แก้ไข, ยกเลิก"}
    for code, kind in CATALOGUE.items():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code), code
        assert kind.severity in (ERROR, WARNING)
        item = finding(code, "f.xlsx", "โครงการ", 2, "งบประมาณ", "E2", "x", **sample)
        thai, english = item.message("th"), item.message("en")
        assert re.search("[\u0e01-\u0e5b]", thai), code
        assert english.isascii() or re.search("[a-z]{4}", english), code
        assert thai != english
        assert f"`{code}`" in readme, f"{code} is not in the README's table of codes"


# --- the file as a whole ------------------------------------------------------


@pytest.mark.parametrize("name, code", [
    ("check-file-corrupt.xlsx", "file-unreadable"),
    ("check-file-encrypted.xlsx", "file-encrypted"),
    ("check-file-not-workbook.xls", "file-not-workbook"),
    ("check-file-xml-entities.xlsx", "file-unreadable"),  # billion laughs: refused, fast
])
def test_files_that_cannot_be_read(tmp_path, name, code):
    report = check(plan_with(tmp_path, name))
    assert positions(report) == [(name, "", code)]
    assert report.total().rows_read == 0 and not report.ok


def test_a_stray_cell_at_the_far_corner_is_a_finding_not_a_crash(tmp_path):
    report = check(plan_with(tmp_path, F("sheet-too-large")))
    assert positions(report) == [("check-sheet-too-large.xlsx", "", "sheet-too-large")]


def test_too_large_file(tmp_path, monkeypatch):
    plan_dir = plan_with(tmp_path, "habit-title-rows.xlsx")
    settings = load_settings(plan_dir)  # plan.xlsx is over the lowered limit too
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    report = check(plan_dir, settings)
    assert positions(report) == [("habit-title-rows.xlsx", "", "file-too-large")]


def test_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNZIPPED_BYTES", 10_000)
    submission = read_submission(DATA / "habit-title-rows.xlsx")
    assert [f.code for f in submission.findings] == ["file-too-large"]


@pytest.mark.parametrize("content, code", [
    (b"", "file-not-workbook"),
    (b"%PDF-1.7\n...", "file-not-workbook"),
    ("ยุทธศาสตร์,โครงการ\n1,ถนน\n".encode(), "file-not-workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"),
     "file-not-workbook"),
    (b"PK\x03\x04 cut short", "file-unreadable"),
])
def test_things_sent_instead_of_a_workbook(tmp_path, content, code):
    path = tmp_path / "works.xlsx"
    path.write_bytes(content)
    assert [f.code for f in read_submission(path).findings] == [code]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_word_document_and_encrypted_ods(tmp_path):
    word = _zip(tmp_path / "a.xlsx", {"word/document.xml": b"<w/>"})
    ods = _zip(tmp_path / "b.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"x",
        "META-INF/manifest.xml": b'<manifest:encryption-data manifest:checksum="x"/>'})
    assert [f.code for f in read_submission(word).findings] == ["file-not-workbook"]
    assert [f.code for f in read_submission(ods).findings] == ["file-encrypted"]


def test_an_xls_named_xlsx_is_read_by_its_content(tmp_path):
    plan_dir = plan_with(tmp_path)
    shutil.copyfile(DATA / "habit-saved-as-xls.xls", plan_dir / "submissions" / "works.xlsx")
    report = check(plan_dir)
    assert report.total().rows_read == 3 and len(report.projects) == 2


def test_same_file_twice_is_counted_once(tmp_path):
    plan_dir = plan_with(tmp_path, "habit-title-rows.xlsx")
    shutil.copyfile(DATA / "habit-title-rows.xlsx",
                    plan_dir / "submissions" / "habit-title-rows (1).xlsx")
    report = check(plan_dir)
    # files are taken in name order: "… (1).xlsx" sorts first, so the other is the copy
    assert positions(report) == [("habit-title-rows.xlsx", "", "duplicate-file")]
    total = report.total()
    assert (total.rows_planned, total.rows_rejected) == (2, 2)
    assert total.satang_planned == total.satang_rejected == 30000000


# --- finding the table ----------------------------------------------------------


def test_no_recognisable_header(tmp_path):
    report = check(plan_with(tmp_path, F("no-header")))
    assert positions(report) == only("check-no-header.xlsx", ("A1", "no-header"))


def test_missing_required_column_rejects_the_rows(tmp_path):
    report = check(plan_with(tmp_path, F("missing-column")))
    assert positions(report) == only("check-missing-column.xlsx", ("A1", "missing-column"))
    total = report.total()
    assert (total.rows_read, total.rows_rejected, total.satang_rejected) == (1, 1, 10000000)


def test_another_table_on_another_sheet(tmp_path):
    report = check(plan_with(tmp_path, F("sheet-not-read")))
    assert positions(report) == only("check-sheet-not-read.xlsx", ("A1", "sheet-not-read"))
    assert report.findings[0].sheet == "โครงการเพิ่มเติม"


def test_fiscal_year_differs_from_the_plan(tmp_path):
    report = check(plan_with(tmp_path, F("fiscal-year")))
    assert positions(report) == only("check-fiscal-year.xlsx", ("A1", "fiscal-year-mismatch"),
                                     ("B3", "fiscal-year-mismatch"))
    assert {f.value for f in report.findings if f.code == "fiscal-year-mismatch"} == {"2567"}
    assert report.total().rows_rejected == 1


# --- the rows -----------------------------------------------------------------


def test_required_cells_empty(tmp_path):
    report = check(plan_with(tmp_path, F("required-empty")))
    assert positions(report) == only("check-required-empty.xlsx", ("A5", "required-empty"),
                                     ("C3", "required-empty"), ("D4", "required-empty"),
                                     ("F2", "required-empty"))


def test_budget_not_a_number(tmp_path):
    report = check(plan_with(tmp_path, F("budget-not-number")))
    assert positions(report) == only("check-budget-not-number.xlsx",
                                     ("E2", "budget-not-number"), ("E3", "budget-not-number"),
                                     ("E4", "budget-not-number"))
    assert [f.value for f in report.findings if f.code == "budget-not-number"] == [
        "ห้าพันบาท", "=1+2", "1,5,0"]
    total = report.total()
    assert (total.rows_rejected, total.satang_rejected) == (3, 0)


def test_budget_not_positive(tmp_path):
    report = check(plan_with(tmp_path, F("budget-not-positive")))
    assert positions(report) == only("check-budget-not-positive.xlsx",
                                     ("E2", "budget-not-positive"),
                                     ("E3", "budget-not-positive"))
    assert report.total().satang_rejected == -500000


def test_budget_with_more_than_two_decimals(tmp_path):
    report = check(plan_with(tmp_path, F("budget-decimals")))
    assert positions(report) == only("check-budget-decimals.xlsx",
                                     ("E2", "budget-too-many-decimals"),
                                     ("E3", "budget-too-many-decimals"))
    assert report.total().satang_rejected == 10056 + 10000  # rounded half-up for the tally


def test_no_month_marked(tmp_path):
    report = check(plan_with(tmp_path, F("no-month")))
    assert positions(report) == only("check-no-month.xlsx", ("H2", "no-month"),
                                     ("H3", "no-month"))


def test_month_span_only_in_the_activity_text(tmp_path):
    report = check(plan_with(tmp_path, F("month-in-text-only")))
    assert positions(report) == only("check-month-in-text-only.xlsx",
                                     ("H2", "month-in-text-only"),
                                     ("H3", "month-in-text-only"))
    first = report.findings[0]
    assert dict(first.params) == {"months": "ม.ค.–มี.ค. 68", "marks": "ม.ค., ก.พ., มี.ค."}


def test_unknown_strategy_also_when_merged(tmp_path):
    report = check(plan_with(tmp_path, F("unknown-strategy")))
    found = [(f.cell, f.row, f.code) for f in report.findings
             if f.code == "unknown-strategy"]
    # rows 4 and 5 share the merged cell A4: both are rejected, both located there
    assert found == [("A2", 2, "unknown-strategy"), ("A3", 3, "unknown-strategy"),
                     ("A4", 4, "unknown-strategy"), ("A4", 5, "unknown-strategy")]
    assert report.total().rows_rejected == 4


def test_unknown_programme_and_loose_spellings(tmp_path):
    report = check(plan_with(tmp_path, F("unknown-programme")))
    assert positions(report) == only("check-unknown-programme.xlsx",
                                     ("B2", "unknown-programme"), ("B3", "name-variant"),
                                     ("B4", "name-variant"))


def test_unknown_approach_in_the_2548_edition(tmp_path):
    report = check(plan_with(tmp_path, F("unknown-approach"), year=2560))
    assert positions(report) == only("check-unknown-approach.xlsx",
                                     ("B3", "unknown-approach"), ("B4", "unknown-approach"))
    assert [p.group.code for p in report.projects] == ["1.1"]


def test_unknown_equipment_type(tmp_path):
    report = check(plan_with(tmp_path, F("unknown-equipment-type")))
    assert positions(report) == only("check-unknown-equipment-type.xlsx",
                                     ("C2", "unknown-equipment-type"), ("C3", "name-variant"))
    assert [e.budget_satang for e in report.equipment] == [1100000]


def test_text_too_long_for_the_printed_form(tmp_path):
    report = check(plan_with(tmp_path, F("text-too-long")))
    assert positions(report) == only("check-text-too-long.xlsx", ("D2", "text-too-long"))
    assert report.ok  # a warning: the row is planned


def test_total_row_that_disagrees_with_the_rows(tmp_path):
    report = check(plan_with(tmp_path, F("total-row-mismatch")))
    assert positions(report) == only("check-total-row-mismatch.xlsx",
                                     ("E5", "total-row-mismatch"))
    mismatch = report.findings[0]
    assert (mismatch.value, dict(mismatch.params)["expected"]) == ("599,000", "600,000.00")
    assert report.total().satang_planned == 60000000


# --- the plan as a whole ---------------------------------------------------------


def test_same_project_twice_after_normalisation(tmp_path):
    report = check(plan_with(tmp_path, F("duplicate-project")))
    assert positions(report) == only("check-duplicate-project.xlsx",
                                     ("C3", "duplicate-project"))


def test_same_project_across_departments(tmp_path):
    plan_dir = plan_with(tmp_path, F("duplicate-project"))
    other = plan_dir / "submissions" / "palad.xlsx"
    shutil.copyfile(DATA / F("duplicate-project"), other)
    # not byte-identical: another department's copy of the workbook
    from openpyxl import load_workbook

    book = load_workbook(other)
    book["หน่วยงาน"]["B2"] = "สำนักปลัด"
    book.save(other)
    report = check(plan_dir)
    dupes = [(f.file, f.cell) for f in report.findings if f.code == "duplicate-project"]
    assert dupes == [("check-duplicate-project.xlsx", "C3"), ("palad.xlsx", "C2"),
                     ("palad.xlsx", "C3"), ("palad.xlsx", "C4")]


def test_project_not_in_the_development_plan(tmp_path):
    def dev_plan(settings):
        settings.dev_plan = [DevPlanProject("1", "ก่อสร้างรางระบายน้ำ หมู่ที่ ๑", None, "1/10")]

    report = check(plan_with(tmp_path, F("not-in-dev-plan"), settings=dev_plan))
    # row 4 is another agency's project: in the plan, not in our development plan
    assert positions(report) == only("check-not-in-dev-plan.xlsx", ("C3", "not-in-dev-plan"))


def test_department_not_in_the_settings(tmp_path):
    report = check(plan_with(tmp_path, F("unknown-department")))
    assert positions(report) == only("check-unknown-department.xlsx",
                                     ("", "unknown-department"))


def test_departments_that_sent_nothing(tmp_path):
    report = check(plan_with(tmp_path, "habit-title-rows.xlsx"))
    missing = sorted(dict(f.params)["department"] for f in report.findings
                     if f.code == "department-no-submission")
    assert missing == sorted(["สำนักปลัด", "กองคลัง", "กองการศึกษา ศาสนาและวัฒนธรรม",
                              "กองสาธารณสุขและสิ่งแวดล้อม", "กองสวัสดิการสังคม"])


def test_department_sending_several_files(tmp_path):
    report = check(plan_with(tmp_path, "habit-title-rows.xlsx", "habit-formulas.xlsx"))
    assert ("habit-title-rows.xlsx", "", "department-several-files") in positions(report)


def test_an_xls_that_mentions_encryption_is_still_read(tmp_path):
    """Only a stream *named* EncryptedPackage means protected: an .xls whose
    bytes merely contain the name (as a cell's UTF-16 text would) reads as usual."""
    original = DATA / "habit-saved-as-xls.xls"
    data = original.read_bytes()
    mention = "EncryptedPackage ทดสอบ".encode("utf-16-le")
    mentions = tmp_path / "mentions.xls"
    mentions.write_bytes(data + mention.ljust(512, b"\0"))
    plain, mentioned = read_submission(original), read_submission(mentions)
    assert [f.code for f in mentioned.findings] == [f.code for f in plain.findings]
    assert [r.values for r in mentioned.projects.rows] == [r.values for r in plain.projects.rows]
    assert mentioned.projects.rows


def test_a_damaged_container_naming_encryptedpackage_is_reported_protected(tmp_path):
    damaged = tmp_path / "protected.xlsx"
    data = (DATA / "check-file-encrypted.xlsx").read_bytes()
    damaged.write_bytes(data[:1536 + 512])  # header, FAT, directory, one stream sector
    assert [f.code for f in read_submission(damaged).findings] == ["file-encrypted"]


def test_no_code_is_catalogued_twice():
    from oplan_xl.core.catalogue import reading, year

    codes = [kind.code for kind in (*reading.KINDS, *year.KINDS)]
    assert len(codes) == len(set(codes)) == len(CATALOGUE)
