"""The plan record (output/data/): projects.csv, equipment.csv and plan.json, written by
every build; their columns, money to the satang, row ids that survive rebuilds and
reordering, and what Excel and LibreOffice make of them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from oplan_xl.api import build
from oplan_xl.cli import main
from oplan_xl.plan.record import EQUIPMENT_COLUMNS, PROJECT_COLUMNS

from ..builders import equipment, make_plan, project, write_submission

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
          "ส.ค.", "ก.ย."]
PROJECT_HEADER = ["รหัสแถว", "ฉบับที่", "ฉบับ", "ที่ (ผด.02)", "ยุทธศาสตร์ที่", "ยุทธศาสตร์",
                  "แผนงาน", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ",
                  "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", *MONTHS,
                  "แหล่งงบประมาณ", "แผนพัฒนาท้องถิ่น (ลำดับ/หน้า)", "หมายเหตุ", "รหัสหน่วยงาน",
                  "หน่วยงาน", "ไฟล์", "แผ่นงาน", "แถว"]
EQUIPMENT_HEADER = ["รหัสแถว", "ฉบับที่", "ฉบับ", "ที่ (ผด.02/1)", "แผนงาน", "หมวด", "ประเภท",
                    "เป้าหมาย (ผลผลิตของครุภัณฑ์)", "งบประมาณ (บาท)", "สถานที่ดำเนินการ",
                    "หน่วยงานรับผิดชอบหลัก", *MONTHS, "หมายเหตุ", "รหัสหน่วยงาน", "หน่วยงาน",
                    "ไฟล์", "แผ่นงาน", "แถว"]


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _records(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"),
                                           newline="")))


def _baht(text: str) -> Decimal:
    value = Decimal(text)
    assert value == value.quantize(Decimal("0.01")) and value.as_tuple().exponent == -2, text
    return value


def _ids(result) -> dict[str, str]:
    """project name → row id."""
    return {r["โครงการ"]: r["รหัสแถว"] for r in _records(result.data["data-projects"])}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("record") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    result = build(plan_dir)
    assert result.built and result.report.ok
    return result


def test_every_build_writes_the_three_files(sample):
    data = sample.data
    assert sorted(data) == ["data-equipment", "data-plan", "data-projects"]
    folder = data["data-plan"].parent
    assert folder.name == "data" and folder.parent.name == "output"
    assert sorted(p.name for p in folder.iterdir()) == ["equipment.csv", "plan.json",
                                                        "projects.csv"]


def test_csv_header_and_a_row_of_the_sample(sample):
    rows = _rows(sample.data["data-projects"])
    assert rows[0] == PROJECT_HEADER
    assert rows[1] == [
        "P-2f1ac967fe55", "0", "ฉบับแรก", "1.1/1", "1",
        "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐานและสาธารณูปโภค", "แผนงานเคหะและชุมชน",
        "โครงการก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็กพร้อมฝาปิด หมู่ที่ 6",
        "ก่อสร้างรางระบายน้ำ ค.ส.ล. รูปตัวยู กว้างภายใน 0.40 เมตร ลึกเฉลี่ย 0.50 เมตร ยาว 180 "
        "เมตร พร้อมฝาตะแกรงเหล็ก", "398000.00", "หมู่ที่ 6 บ้านหนองสมมุติใต้", "กองช่าง",
        "0", "0", "0", "0", "1", "1", "1", "0", "0", "0", "0", "0",
        "ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่ายประจำปี", "หน้า 63 ลำดับ 8", "", "works", "กองช่าง",
        "works.xlsx", "โครงการ", "10"]
    equipment_rows = _rows(sample.data["data-equipment"])
    assert equipment_rows[0] == EQUIPMENT_HEADER
    assert equipment_rows[1] == [
        "E-6285b72c83ab", "0", "ฉบับแรก", "1.1/1", "แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์",
        "ครุภัณฑ์สำนักงาน", "จัดซื้อตู้เหล็กเก็บเอกสาร แบบ 2 บาน จำนวน 4 ตู้", "22000.00",
        "ที่ทำการ อบต.หนองสมมุติ", "สำนักปลัด", "0", "0", "1", *["0"] * 9, "", "palad",
        "สำนักปลัด", "palad.xlsx", "ครุภัณฑ์", "2"]


def test_one_line_per_planned_row_and_ids_unique(sample):
    projects = _records(sample.data["data-projects"])
    equipment_rows = _records(sample.data["data-equipment"])
    assert len(projects) == sample.plan.count == 74
    assert len(equipment_rows) == sample.plan.equipment_count == 15
    ids = [r["รหัสแถว"] for r in projects + equipment_rows]
    assert len(set(ids)) == len(ids)
    assert all(set(r[m] for m in MONTHS) <= {"0", "1"} for r in projects + equipment_rows)


def test_the_budget_column_sums_to_pd01s_total_to_the_satang(sample):
    total = sum(_baht(r["งบประมาณ (บาท)"]) for r in _records(sample.data["data-projects"]))
    assert total == Decimal("20732952.90") == Decimal(sample.plan.satang) / 100
    ws = openpyxl.load_workbook(sample.outputs["pd01"], data_only=True).worksheets[0]
    grand = next(row for row in ws.iter_rows(values_only=True) if row[0] == "รวมทั้งสิ้น")
    assert Decimal(str(grand[3])) == total  # the cached value of ผด.01's figure
    equipment_total = sum(_baht(r["งบประมาณ (บาท)"])
                          for r in _records(sample.data["data-equipment"]))
    assert equipment_total == Decimal(sample.plan.equipment_satang) / 100
    document = json.loads(sample.data["data-plan"].read_text(encoding="utf-8"))
    assert Decimal(document["reconciliation"]["total"]["baht_planned"]) == \
        total + equipment_total


def test_utf8_with_bom_and_crlf(sample):
    for name in ("data-projects", "data-equipment"):
        data = sample.data[name].read_bytes()
        assert data.startswith(b"\xef\xbb\xbf\xe0\xb8\xa3")  # BOM, then ร of รหัสแถว
        assert data.count(b"\r\n") == data.count(b"\n") > 1
    json_bytes = sample.data["data-plan"].read_bytes()
    assert json_bytes.startswith(b"{\n") and b"\r" not in json_bytes
    assert "ฉบับแรก".encode() in json_bytes and b"\\u0e" not in json_bytes
    lines = json_bytes.decode("utf-8").splitlines()
    assert sum(line.startswith('    {"row_id": ') for line in lines) == 74 + 15  # a row a line


def test_plan_json_keys_and_inputs(sample):
    document = json.loads(sample.data["data-plan"].read_text(encoding="utf-8"))
    assert list(document) == [
        "format", "format_version", "row_id_rule", "organisation", "fiscal_year", "edition",
        "regulation_edition", "development_plan", "levels", "draft", "errors", "warnings",
        "money", "months", "totals", "inputs", "reconciliation", "projects", "equipment"]
    assert document["organisation"]["name"] == "องค์การบริหารส่วนตำบลหนองสมมุติ"
    assert (document["fiscal_year"], document["regulation_edition"]) == (2568, "2561")
    assert document["edition"] == {"number": 0, "kind": "", "name": "ฉบับแรก"}
    assert document["draft"] is False and document["months"] == MONTHS
    assert document["totals"] == {"projects": 74, "projects_budget": "20732952.90",
                                  "equipment": 15, "equipment_budget": "3057787.50",
                                  "budget": "23790740.40"}
    plan_dir = sample.data["data-plan"].parents[2]
    for item in document["inputs"]:
        data = (plan_dir / item["file"]).read_bytes()
        assert (item["sha256"], item["size"]) == (hashlib.sha256(data).hexdigest(), len(data))
    assert [i["file"] for i in document["inputs"]] == [
        "plan.xlsx", *(f"submissions/{name}" for name in
                       ("education.xlsx", "finance.xlsx", "health.xlsx", "palad.xlsx",
                        "welfare.xlsx", "works.xlsx"))]
    assert list(document["reconciliation"]) == ["total", "files"]
    assert len(document["reconciliation"]["files"]) == 6
    assert list(document["projects"][0]) == [key for key, _ in PROJECT_COLUMNS]
    assert list(document["equipment"][0]) == [key for key, _ in EQUIPMENT_COLUMNS]
    first = document["projects"][0]
    assert first["budget"] == "398000.00" and first["months"] == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0,
                                                                  0, 0]
    assert first["row_id"] == "P-2f1ac967fe55" and first["source_row"] == 10
    # the same rows as the CSV file
    csv_rows = _rows(sample.data["data-projects"])[1:]
    assert [r["row_id"] for r in document["projects"]] == [r[0] for r in csv_rows]


def test_a_rebuild_is_byte_identical_also_in_another_folder(sample, tmp_path):
    before = {name: path.read_bytes() for name, path in sample.data.items()}
    other = tmp_path / "อีกที่"
    shutil.copytree(sample.data["data-plan"].parents[2], other)
    again = build(other)
    assert {name: path.read_bytes() for name, path in again.data.items()} == before


def _works(tmp_path, rows, file="works.xlsx", equipment_rows=(), built=True):
    plan_dir = tmp_path / "แผนทดสอบ"
    if not plan_dir.exists():
        make_plan(tmp_path)
    for old in (plan_dir / "submissions").glob("*"):
        old.unlink()
    write_submission(plan_dir / "submissions" / file, rows, equipment_rows,
                     department="กองช่าง")
    result = build(plan_dir)
    assert result.built == built
    return result


ROWS = [project(name="ถนน ก", place="หมู่ที่ 1", budget=100),
        project(name="ถนน ข", place="หมู่ที่ 2", budget=200),
        project(name="ถนน ค", place="หมู่ที่ 3", budget=300, months=(5, 6))]


def test_row_ids_survive_reordering_and_a_renamed_file(tmp_path):
    ids = _ids(_works(tmp_path, ROWS))
    assert len(set(ids.values())) == 3
    assert _ids(_works(tmp_path, ROWS[::-1])) == ids
    assert _ids(_works(tmp_path, ROWS, file="กองช่าง แผน 2568 (แก้ไขแล้ว).xlsx")) == ids
    # another strategy, activity, responsible unit: the same row
    moved = [dict(ROWS[0], strategy="3", group="แผนงานสาธารณสุข", activity="อื่น"), *ROWS[1:]]
    assert _ids(_works(tmp_path, moved)) == ids


def test_row_ids_survive_budget_and_month_edits_and_change_with_the_name(tmp_path):
    ids = _ids(_works(tmp_path, ROWS))
    edited = [project(name="ถนน ก", place="หมู่ที่ 1", budget=999_999.99, months=(12,)),
              *ROWS[1:]]
    assert _ids(_works(tmp_path, edited)) == ids
    renamed = _ids(_works(tmp_path, [project(name="ถนน ก ใหม่", place="หมู่ที่ 1"), *ROWS[1:]]))
    assert renamed["ถนน ก ใหม่"] != ids["ถนน ก"]
    assert {renamed["ถนน ข"], renamed["ถนน ค"]} == {ids["ถนน ข"], ids["ถนน ค"]}
    moved = _ids(_works(tmp_path, [project(name="ถนน ก", place="หมู่ที่ 9"), *ROWS[1:]]))
    assert moved["ถนน ก"] != ids["ถนน ก"]


def test_a_collision_is_numbered_in_row_order_and_warned(tmp_path):
    rows = [project(name="ถนน ก", place="หมู่ที่ 1", budget=100),
            project(name="ถนน  ก", place="หมู่ที่ ๑", budget=200)]
    result = _works(tmp_path, rows)
    records = _records(result.data["data-projects"])
    first, second = (r["รหัสแถว"] for r in sorted(records, key=lambda r: int(r["แถว"])))
    assert second == f"{first}-2" and len(first) == len("P-") + 12
    assert [(f.code, f.row) for f in result.report.findings if f.file] == \
        [("duplicate-project", 3)]
    # the same name and place in another department is another row
    plan_dir = tmp_path / "แผนทดสอบ"
    write_submission(plan_dir / "submissions" / "finance.xlsx", rows[:1], department="กองคลัง")
    records = _records(build(plan_dir).data["data-projects"])
    ids = [r["รหัสแถว"] for r in records]
    assert len(set(ids)) == 3 and sum(1 for i in ids if i.endswith("-2")) == 1


def test_text_excel_would_take_for_a_formula_is_text_in_the_csv_exact_in_json(tmp_path):
    rows = [project(name="=HYPERLINK(\"http://x\")", activity="- ซ่อมถนน", place="@หมู่ 1")]
    result = _works(tmp_path, rows, equipment_rows=[equipment(target="+1 ตู้")])
    record = _records(result.data["data-projects"])[0]
    assert (record["โครงการ"], record["รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ"],
            record["สถานที่ดำเนินการ"]) == ("'=HYPERLINK(\"http://x\")", "'- ซ่อมถนน", "'@หมู่ 1")
    assert _records(result.data["data-equipment"])[0]["เป้าหมาย (ผลผลิตของครุภัณฑ์)"] == \
        "'+1 ตู้"
    document = json.loads(result.data["data-plan"].read_text(encoding="utf-8"))
    assert document["projects"][0]["activity"] == "- ซ่อมถนน"
    assert document["equipment"][0]["target"] == "+1 ตู้"


def test_the_2548_edition_heads_the_second_level_แนวทาง_with_its_code(tmp_path):
    plan_dir = make_plan(tmp_path, year=2559)
    write_submission(plan_dir / "submissions" / "works.xlsx", [project(group="1.2", name="a")],
                     group_label="แนวทาง", department="กองช่าง", year=2559)
    result = build(plan_dir)
    rows = _rows(result.data["data-projects"])
    assert rows[0][6] == "แนวทาง" and rows[1][6] == "1.2 ขยายเขตไฟฟ้าและประปา"
    assert _rows(result.data["data-equipment"]) == [EQUIPMENT_HEADER]
    document = json.loads(result.data["data-plan"].read_text(encoding="utf-8"))
    assert document["levels"] == {"strategy": "ยุทธศาสตร์", "group": "แนวทาง"}
    assert document["regulation_edition"] == "2548"


def test_a_forced_build_writes_a_record_that_says_draft(tmp_path):
    _works(tmp_path, [*ROWS, project(name="เสีย", budget="abc")], built=False)
    assert not (tmp_path / "แผนทดสอบ" / "output" / "data").exists()
    result = build(tmp_path / "แผนทดสอบ", force=True)
    document = json.loads(result.data["data-plan"].read_text(encoding="utf-8"))
    assert document["draft"] is True and document["errors"] == 1
    assert len(document["projects"]) == 3
    assert document["reconciliation"]["total"]["rows_rejected"] == 1


def test_the_console_names_the_record(tmp_path):
    _works(tmp_path, ROWS)
    result = CliRunner().invoke(main, ["--lang", "th", "build", str(tmp_path / "แผนทดสอบ")])
    assert result.exit_code == 0
    folder = tmp_path / "แผนทดสอบ" / "output" / "data"
    assert (f"เขียนข้อมูลแผน (CSV/JSON): {folder} (projects.csv, equipment.csv, plan.json)"
            in result.output)


def test_libreoffice_opens_projects_csv_with_thai_intact(sample, libreoffice):
    from python_calamine import CalamineWorkbook

    converted = libreoffice.convert({"projects": sample.data["data-projects"]}, "xlsx",
                                    infilter="CSV:44,34,76")["projects"]
    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_index(0).to_python()
    assert [str(cell) for cell in rows[0]] == PROJECT_HEADER
    assert rows[1][0] == "P-2f1ac967fe55" and rows[1][7].startswith("โครงการก่อสร้างรางระบายน้ำ")
    budget = PROJECT_HEADER.index("งบประมาณ (บาท)")
    satang = sum(round(Decimal(str(row[budget])) * 100) for row in rows[1:])
    assert satang == sample.plan.satang
    assert len(rows) == 75


def test_the_same_equipment_twice_in_a_department_is_numbered_and_warned(tmp_path):
    items = [equipment(target="ตู้เหล็ก 2 ตู้"), equipment(target="ตู้เหล็ก  ๒ ตู้", budget=5000),
             equipment(target="ตู้เหล็ก 2 ตู้", place="ห้องประชุม")]
    result = _works(tmp_path, [], equipment_rows=items)
    ids = [r["รหัสแถว"] for r in sorted(_records(result.data["data-equipment"]),
                                        key=lambda r: int(r["แถว"]))]
    assert ids[1] == f"{ids[0]}-2" and not ids[2].endswith("-2") and ids[2] != ids[0]
    found = [f for f in result.report.findings if f.code == "duplicate-equipment"]
    assert [(f.sheet, f.row, f.cell, f.column, f.value) for f in found] == [
        ("ครุภัณฑ์", 3, "D3", "เป้าหมาย (ผลผลิตของครุภัณฑ์)", "ตู้เหล็ก ๒ ตู้")]
    assert found[0].severity == "warning"
    assert "works.xlsx › ครุภัณฑ์ › แถว 2" in found[0].message()
    # another department's same item is another row, and no finding
    plan_dir = tmp_path / "แผนทดสอบ"
    write_submission(plan_dir / "submissions" / "finance.xlsx", equipment_rows=items[:1],
                     department="กองคลัง")
    again = build(plan_dir)
    assert [f.row for f in again.report.findings if f.code == "duplicate-equipment"] == [3]
    ids = [r["รหัสแถว"] for r in _records(again.data["data-equipment"])]
    assert len(set(ids)) == 4
