"""The plan record: every planned row as plain data, for output/data/.

One record (a dict, keys in the order of PROJECT_COLUMNS / EQUIPMENT_COLUMNS) per
row of ผด.02 and ผด.02/1, in their printed order, with its row id
(``core.rowid``), its edition and where it came from; and the document of
plan.json around them.  ``write.record`` turns them into CSV and JSON; editions
and follow-up build on the same records.

Money is baht as text with exactly two decimals (``"150000.00"``), made from the
integer satang, so no reader ever sees a float.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from oplan_xl.core import rowid
from oplan_xl.core.findings import Report
from oplan_xl.core.model import MONTHS, EquipmentRow, ProjectRow, Settings, satang_to_decimal
from oplan_xl.plan.grouping import Plan

#: The version of plan.json's layout (its keys and what they hold).
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Edition:
    """Which edition of the operational plan rows belong to: 0 is the plan as first
    announced; later editions (เพิ่มเติม, เปลี่ยนแปลง, แก้ไข) count up from 1."""

    number: int = 0
    kind: str = ""
    name: str = "ฉบับแรก"


ORIGINAL = Edition()

#: (key, CSV header) of projects.csv; ``months`` stands for the 12 month columns,
#: ``group`` is headed แผนงาน or แนวทาง and ``strategy`` as plan.xlsx names the
#: first level (see :func:`csv_header`).
PROJECT_COLUMNS = (
    ("row_id", "รหัสแถว"), ("edition", "ฉบับที่"), ("edition_name", "ฉบับ"),
    ("number", "ที่ (ผด.02)"), ("strategy_number", "ยุทธศาสตร์ที่"),
    ("strategy", "ยุทธศาสตร์"), ("group", "แผนงาน"), ("name", "โครงการ"),
    ("activity", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ"), ("budget", "งบประมาณ (บาท)"),
    ("place", "สถานที่ดำเนินการ"), ("responsible", "หน่วยงานรับผิดชอบหลัก"),
    ("months", ""), ("fund_source", "แหล่งงบประมาณ"),
    ("dev_plan_ref", "แผนพัฒนาท้องถิ่น (ลำดับ/หน้า)"), ("note", "หมายเหตุ"),
    ("department_code", "รหัสหน่วยงาน"), ("department", "หน่วยงาน"),
    ("source_file", "ไฟล์"), ("source_sheet", "แผ่นงาน"), ("source_row", "แถว"),
)
EQUIPMENT_COLUMNS = (
    ("row_id", "รหัสแถว"), ("edition", "ฉบับที่"), ("edition_name", "ฉบับ"),
    ("number", "ที่ (ผด.02/1)"), ("programme", "แผนงาน"), ("category", "หมวด"),
    ("equipment_type", "ประเภท"), ("target", "เป้าหมาย (ผลผลิตของครุภัณฑ์)"),
    ("budget", "งบประมาณ (บาท)"), ("place", "สถานที่ดำเนินการ"),
    ("responsible", "หน่วยงานรับผิดชอบหลัก"), ("months", ""), ("note", "หมายเหตุ"),
    ("department_code", "รหัสหน่วยงาน"), ("department", "หน่วยงาน"),
    ("source_file", "ไฟล์"), ("source_sheet", "แผ่นงาน"), ("source_row", "แถว"),
)


def csv_header(columns: tuple[tuple[str, str], ...], settings: Settings) -> list[str]:
    """The CSV header of *columns*: the months as ต.ค. … ก.ย., the two grouping levels
    as the plan names them (ยุทธศาสตร์ / แผนงาน, or แนวทาง under the 2548 edition)."""
    header: list[str] = []
    for key, label in columns:
        if key == "months":
            header += MONTHS
        elif key == "strategy":
            header.append(settings.group_label or label)
        elif key == "strategy_number":
            header.append(f"{settings.group_label or 'ยุทธศาสตร์'}ที่")
        elif key == "group" and columns is PROJECT_COLUMNS:
            header.append(settings.second_level_label)
        else:
            header.append(label)
    return header


def baht(satang: int) -> str:
    """Satang as baht text with exactly two decimals, no thousands separator."""
    return str(satang_to_decimal(satang))


def department_codes(settings: Settings) -> dict[str, str]:
    """Department name (as rows carry it) → its code."""
    return {department.name: department.code for department in settings.departments}


#: id() of a row → (its row id, the edition it comes from): the current plan's rows
#: keep the ids and editions the editions gave them (``plan.editions``).
Placements = Mapping[int, tuple[str, Edition]]


def project_records(plan: Plan, edition: Edition = ORIGINAL,
                    placed: Placements | None = None) -> list[dict]:
    """One record per project, in ผด.02's order."""
    def fields(row: ProjectRow) -> dict:
        return {"strategy_number": row.strategy.number, "strategy": row.strategy.name,
                "group": row.group.title, "name": row.name, "activity": row.activity,
                "budget": baht(row.budget_satang), "place": row.place,
                "responsible": row.responsible, "months": [int(m) for m in row.months],
                "fund_source": row.fund_source, "dev_plan_ref": row.dev_plan_ref}

    return _records(plan, plan.project_entries(), rowid.project_ids, fields, edition, placed)


def equipment_records(plan: Plan, edition: Edition = ORIGINAL,
                      placed: Placements | None = None) -> list[dict]:
    """One record per equipment item, in ผด.02/1's order."""
    def fields(row: EquipmentRow) -> dict:
        return {"programme": row.programme.title, "category": row.category,
                "equipment_type": row.equipment_type.name, "target": row.target,
                "budget": baht(row.budget_satang), "place": row.place,
                "responsible": row.responsible, "months": [int(m) for m in row.months]}

    return _records(plan, plan.equipment_entries(), rowid.equipment_ids, fields, edition,
                    placed)


def _records(plan: Plan, entries, make_ids, fields, edition: Edition,
             placed: Placements | None) -> list[dict]:
    """The records of *entries*: id, edition and place on the form first, the
    kind's own *fields*, then note, department and source; an id and edition
    *placed* by the editions win over the ones worked out here."""
    codes = department_codes(plan.settings)
    ids = make_ids([entry.row for entry in entries], codes)
    records = []
    for entry, row_id in zip(entries, ids, strict=True):
        row = entry.row
        row_id, of = (placed or {}).get(id(row), (row_id, edition))
        records.append({"row_id": row_id, "edition": of.number, "edition_name": of.name,
                        "number": entry.place, **fields(row), "note": row.note,
                        **_department_and_origin(row, codes)})
    return records


def _department_and_origin(row: ProjectRow | EquipmentRow, codes: dict[str, str]) -> dict:
    return {"department_code": codes.get(row.department, ""), "department": row.department,
            "source_file": row.origin.file, "source_sheet": row.origin.sheet,
            "source_row": row.origin.row}


def plan_document(plan: Plan, report: Report, draft: bool = False,
                  edition: Edition = ORIGINAL, placed: Placements | None = None) -> dict:
    """plan.json: the plan's particulars, its inputs with their SHA-256, the
    reconciliation, and the same records as the CSV files.  Keys in a fixed order;
    nothing in it depends on the time or the machine."""
    settings = plan.settings
    projects = project_records(plan, edition, placed)
    equipment = equipment_records(plan, edition, placed)
    inputs = [{"file": "plan.xlsx", "role": "settings", "department": "",
               "sha256": settings.source_sha256, "size": settings.source_size}]
    inputs += [{"file": f"submissions/{tally.file}", "role": "submission",
                "department": tally.department, "sha256": tally.sha256, "size": tally.size}
               for tally in report.files]
    return {
        "format": "oplan-xl plan record", "format_version": FORMAT_VERSION,
        "row_id_rule": rowid.RULE,
        "organisation": {"name": settings.org_name, "district": settings.district,
                         "province": settings.province},
        "fiscal_year": settings.fiscal_year,
        "edition": {"number": edition.number, "kind": edition.kind, "name": edition.name},
        "regulation_edition": settings.edition,
        "development_plan": {"kind": settings.plan_kind, "period": settings.plan_period},
        "levels": {"strategy": settings.group_label, "group": settings.second_level_label},
        "draft": draft, "errors": len(report.errors), "warnings": len(report.warnings),
        "money": "baht, text with two decimals",
        "months": list(MONTHS),
        "totals": {"projects": len(projects), "projects_budget": baht(plan.satang),
                   "equipment": len(equipment), "equipment_budget": baht(plan.equipment_satang),
                   "budget": baht(plan.satang + plan.equipment_satang)},
        "inputs": inputs,
        "reconciliation": report.reconciliation(),
        "projects": projects,
        "equipment": equipment,
    }
