"""The row id rule (core.rowid): what goes in, what stays out, collisions."""

from oplan_xl.core import rowid
from oplan_xl.core.model import Origin, Programme, ProjectRow, Strategy

CODES = {"กองช่าง": "works", "กองคลัง": "finance"}


def _row(name="ก่อสร้างถนน หมู่ที่ 1", place="หมู่ที่ 1", department="กองช่าง", row=5,
         file="works.xlsx", budget=100_00, months=(True,) + (False,) * 11, activity="ถนน",
         strategy=1, responsible="กองช่าง"):
    return ProjectRow(origin=Origin(file, "โครงการ", row), department=department,
                      strategy=Strategy(strategy, "s"), group=Programme(1, "g"), name=name,
                      activity=activity, budget_satang=budget, place=place,
                      responsible=responsible, months=months)


def _id(**changes):
    return rowid.project_ids([_row(**changes)], CODES)[0]


def test_the_id_is_the_kind_and_a_hash_of_department_code_name_and_place():
    import hashlib

    text = "\x1f".join(["works", "ก่อสร้างถนนหมู่ที่1", "หมู่ที่1"])
    assert _id() == "P-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    assert _id() == "P-c9c4c1ef903f"  # rule 1: a change here changes every plan's ids


def test_what_does_not_change_the_id():
    same = [dict(budget=999_99), dict(months=(False,) * 11 + (True,)), dict(row=99),
            dict(file="กองช่าง-แก้ไข.xlsx"), dict(activity="อื่น"), dict(strategy=2),
            dict(responsible="สำนักปลัด"), dict(name="ก่อสร้างถนน  หมู่ที่ ๑"),
            dict(name="ก่อสร้างถนน\nหมู่ที่ 1"), dict(place=" หมู่ที่\u200b1 ")]
    for changes in same:
        assert _id(**changes) == _id(), changes


def test_what_changes_the_id():
    for changes in (dict(name="ก่อสร้างถนน หมู่ที่ 2"), dict(place="หมู่ที่ 2"),
                    dict(department="กองคลัง")):
        assert _id(**changes) != _id(), changes
    # the name's end never passes for the place's start
    assert _id(name="ab", place="c") != _id(name="a", place="bc")


def test_a_department_not_in_the_settings_stands_for_itself():
    assert _id(department="กองใหม่") == rowid.base_id("P-", "กองใหม่", "ก่อสร้างถนน หมู่ที่ 1",
                                                      "หมู่ที่ 1")


def test_collisions_are_numbered_by_file_sheet_and_row_whatever_the_order_given():
    first, second, third = _row(row=7), _row(row=3), _row(row=9, file="a.xlsx")
    base = _id()
    ids = rowid.project_ids([first, second, third], CODES)
    # a.xlsx comes first by name, then works.xlsx row 3, then row 7
    assert ids == [f"{base}-3", f"{base}-2", base]
    assert rowid.project_ids([third, first, second], CODES) == [base, f"{base}-3", f"{base}-2"]


def test_ids_taken_by_earlier_editions_are_skipped():
    base = _id()
    assert rowid.project_ids([_row()], CODES, taken={base}) == [f"{base}-2"]
    assert rowid.project_ids([_row(), _row(row=6)], CODES, taken={f"{base}-2"}) == \
        [base, f"{base}-3"]


def test_equipment_ids_use_the_target_as_the_name():
    from oplan_xl.core.model import EquipmentRow, EquipmentType

    item = EquipmentRow(origin=Origin("works.xlsx", "ครุภัณฑ์", 3), department="กองช่าง",
                        programme=Programme(1, "g"), category="ค่าครุภัณฑ์",
                        equipment_type=EquipmentType(1, "ครุภัณฑ์สำนักงาน"),
                        target="ตู้เหล็ก 2 ตู้", budget_satang=1, place="ที่ทำการ",
                        responsible="กองช่าง", months=(True,) * 12)
    assert rowid.equipment_ids([item], CODES) == [
        rowid.base_id("E-", "works", "ตู้เหล็ก 2 ตู้", "ที่ทำการ")]
