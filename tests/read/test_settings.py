from pathlib import Path

import openpyxl
import pytest

from oplan_xl.core.errors import SettingsError
from oplan_xl.core.model import Strategy
from oplan_xl.core.settings_layout import (
    APPROACHES,
    HEADERS,
    INFO,
    INFO_ITEMS,
    STANDARD_EQUIPMENT_TYPES,
    STANDARD_PROGRAMMES,
    default_settings,
)
from oplan_xl.read.settings import read_settings
from oplan_xl.write.settings import write_settings


@pytest.mark.parametrize("year, edition", [(2559, "2548"), (2561, "2559"), (2568, "2561")])
def test_round_trip(tmp_path, year, edition):
    settings = default_settings("เทศบาลตำบลทดลอง", year, "เมือง", "ทดลอง")
    settings.use_thai_digits = True
    settings.strategies.append(Strategy(7, "ยุทธศาสตร์ที่เพิ่มโดยเจ้าหน้าที่"))
    path = write_settings(settings, tmp_path / "plan.xlsx")
    back = read_settings(path)
    assert back == settings
    assert back.edition == edition


def test_an_edition_fixed_by_hand_survives_a_round_trip(tmp_path):
    settings = default_settings("เทศบาลตำบลทดลอง", 2568)
    settings.edition = "2559"
    back = read_settings(write_settings(settings, tmp_path / "plan.xlsx"))
    assert back.edition == "2559" and back == settings


def test_init_writes_every_sheet_and_label(tmp_path):
    path = write_settings(default_settings("อบต.ก", 2560), tmp_path / "plan.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert set(workbook.sheetnames) == set(HEADERS)  # 2548 edition has แนวทาง
    for title, header in HEADERS.items():
        assert tuple(c.value for c in workbook[title][1]) == header
    labels = [row[0] for row in workbook[INFO].iter_rows(min_row=2, values_only=True)]
    assert labels == [item.label for item in INFO_ITEMS]
    programmes = [row[1] for row in workbook["แผนงาน"].iter_rows(min_row=2, values_only=True)]
    assert programmes == list(STANDARD_PROGRAMMES) and len(programmes) == 12
    types = [row[1] for row in workbook["ครุภัณฑ์"].iter_rows(min_row=2, values_only=True)]
    assert types == list(STANDARD_EQUIPMENT_TYPES) and len(types) == 16


def test_no_approaches_sheet_after_2548(tmp_path):
    path = write_settings(default_settings("อบต.ก", 2568), tmp_path / "plan.xlsx")
    assert APPROACHES not in openpyxl.load_workbook(path).sheetnames


def _edit(path: Path, edit) -> Path:
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


@pytest.fixture
def plan_xlsx(tmp_path):
    return write_settings(default_settings("อบต.ก", 2568), tmp_path / "plan.xlsx")


def _set_info(workbook, label, value):
    for row in workbook[INFO].iter_rows(min_row=2):
        if row[0].value == label:
            row[1].value = value


@pytest.mark.parametrize("edit, key, params", [
    (lambda wb: wb.remove(wb["หน่วยงาน"]), "settings-sheet-missing", {"sheet": "หน่วยงาน"}),
    (lambda wb: setattr(wb["ยุทธศาสตร์"]["B1"], "value", "ชื่อยุทธศาสตร์"),
     "settings-bad-header", {"sheet": "ยุทธศาสตร์"}),
    (lambda wb: wb[INFO].append(["สีประจำองค์กร", "เขียว"]), "settings-unknown-key",
     {"key": "สีประจำองค์กร", "row": 15}),
    (lambda wb: _set_info(wb, "ปีงบประมาณ (พ.ศ.)", "สองห้าหกแปด"), "settings-bad-year", {}),
    (lambda wb: _set_info(wb, "ปีงบประมาณ (พ.ศ.)", 2025), "settings-ce-year", {"be": 2568}),
    (lambda wb: _set_info(wb, "ปีงบประมาณ (พ.ศ.)", 3000), "settings-bad-year", {}),
    (lambda wb: _set_info(wb, "ปีงบประมาณ (พ.ศ.)", None), "settings-missing-key", {}),
    (lambda wb: _set_info(wb, "ฉบับระเบียบ", "2550"), "settings-bad-edition", {}),
    (lambda wb: _set_info(wb, "ใช้เลขไทย", "บางที"), "settings-bad-yesno", {}),
    (lambda wb: wb["หน่วยงาน"].append([7, "กองสวัสดิการสังคม", "x"]), "settings-duplicate", {}),
    (lambda wb: wb["หน่วยงาน"].append([7, "กองใหม่", None]), "settings-missing-code", {}),
])
def test_bad_settings_stop_with_a_message(plan_xlsx, edit, key, params):
    _edit(plan_xlsx, edit)
    with pytest.raises(SettingsError) as info:
        read_settings(plan_xlsx)
    assert info.value.key == key
    for name, value in params.items():
        assert info.value.params[name] == value
    assert info.value.exit_code == 2
    assert info.value.message("th") and info.value.message("en")


def test_year_with_thai_digits_and_spaces_in_labels(plan_xlsx):
    def edit(workbook):
        _set_info(workbook, "ปีงบประมาณ (พ.ศ.)", "๒๕๖๙")
        workbook[INFO]["A1"].value = " รายการ "
    _edit(plan_xlsx, edit)
    assert read_settings(plan_xlsx).fiscal_year == 2569


def test_not_a_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        read_settings(path)
    assert info.value.key == "settings-not-workbook"
