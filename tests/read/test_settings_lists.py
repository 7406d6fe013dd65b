"""plan.xlsx's lists (issue 15): every name filled in, every number a whole number
given once, every repeat named as what it is, each at its cell; a missing sheet
says how to get it back in a way that works."""

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from oplan_xl.cli import main
from oplan_xl.core.errors import SettingsError
from oplan_xl.core.settings_layout import default_settings
from oplan_xl.read.settings import read_settings
from oplan_xl.write.settings import write_settings

LISTS = ("ยุทธศาสตร์", "แผนงาน", "ครุภัณฑ์", "หน่วยงาน")


@pytest.fixture
def plan_xlsx(tmp_path):
    return write_settings(default_settings("อบต.ก", 2568), tmp_path / "plan.xlsx")


@pytest.fixture
def plan_2548(tmp_path):
    """A 2548-edition plan: its strategies have แนวทาง, not แผนงาน."""
    return write_settings(default_settings("อบต.ก", 2559), tmp_path / "plan.xlsx")


def _edit(path: Path, edit) -> Path:
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


def _error(path: Path, edit) -> SettingsError:
    _edit(path, edit)
    with pytest.raises(SettingsError) as info:
        read_settings(path)
    assert info.value.message("th") and info.value.message("en")
    return info.value


def _set(sheet, cell, value):
    return lambda wb: setattr(wb[sheet][cell], "value", value)


@pytest.mark.parametrize("sheet", LISTS)
def test_a_blank_name_stops_at_its_cell(plan_xlsx, sheet):
    error = _error(plan_xlsx, _set(sheet, "B3", None))
    assert error.key == "settings-blank-name"
    assert (error.params["sheet"], error.params["cell"], error.params["number"]) == (sheet, "B3", 2)
    assert "ช่อง B3" in error.message("th") and "ยังไม่ได้กรอกชื่อ" in error.message("th")


@pytest.mark.parametrize("blank", ["", "   ", "\u200b"])
def test_a_strategy_of_spaces_is_blank(plan_xlsx, blank):
    """ผด.01 printed "2. " for it."""
    error = _error(plan_xlsx, _set("ยุทธศาสตร์", "B3", blank))
    assert error.key == "settings-blank-name" and error.params["cell"] == "B3"


@pytest.mark.parametrize("sheet", LISTS)
def test_a_repeated_number_is_a_repeated_number(plan_xlsx, sheet):
    error = _error(plan_xlsx, _set(sheet, "A4", 2))
    assert error.key == "settings-duplicate-number"
    assert (error.params["cell"], error.params["value"], error.params["first"]) == ("A4", 2, 3)
    assert "ลำดับ 2 ซ้ำกับแถว 3" in error.message("th")


@pytest.mark.parametrize("sheet", LISTS)
def test_a_repeated_name_is_a_repeated_name(plan_xlsx, sheet):
    def edit(workbook):
        workbook[sheet]["B4"].value = workbook[sheet]["B2"].value
    error = _error(plan_xlsx, edit)
    assert error.key == "settings-duplicate"
    assert (error.params["cell"], error.params["first"]) == ("B4", 2)


@pytest.mark.parametrize("sheet", LISTS)
@pytest.mark.parametrize("value", ["สอง", "2.5", "-1", None])
def test_a_number_that_is_not_a_number(plan_xlsx, sheet, value):
    error = _error(plan_xlsx, _set(sheet, "A3", value))
    assert error.key == "settings-bad-number"
    assert (error.params["sheet"], error.params["cell"]) == (sheet, "A3")


def test_numbers_in_thai_digits_are_numbers(plan_xlsx):
    _edit(plan_xlsx, _set("ยุทธศาสตร์", "A3", "๒"))
    assert read_settings(plan_xlsx).strategies[1].number == 2


def test_a_repeated_department_code(plan_xlsx):
    error = _error(plan_xlsx, _set("หน่วยงาน", "C3", "PALAD"))
    assert error.key == "settings-duplicate" and error.params["cell"] == "C3"
    assert error.params["first"] == 2


def test_a_missing_department_code_at_its_cell(plan_xlsx):
    error = _error(plan_xlsx, _set("หน่วยงาน", "C5", None))
    assert error.key == "settings-missing-code" and "ช่อง C5" in error.message("th")


def test_approaches(plan_2548):
    error = _error(plan_2548, _set("แนวทาง", "C3", " "))
    assert error.key == "settings-blank-name" and error.params["cell"] == "C3"
    assert error.params["number"] == "1.2"


def test_a_repeated_approach_number(plan_2548):
    error = _error(plan_2548, _set("แนวทาง", "B3", 1))
    assert error.key == "settings-duplicate-number"
    assert (error.params["cell"], error.params["value"]) == ("B3", "1.1")


def test_an_approach_under_no_strategy(plan_2548):
    error = _error(plan_2548, _set("แนวทาง", "A3", 9))
    assert error.key == "settings-bad-approach" and error.params["cell"] == "A3"


def test_an_approach_number_that_is_not_a_number(plan_2548):
    error = _error(plan_2548, _set("แนวทาง", "B3", "ข"))
    assert error.key == "settings-bad-number" and error.params["cell"] == "B3"


def test_an_info_item_given_twice(plan_xlsx):
    error = _error(plan_xlsx, lambda wb: wb["ข้อมูลทั่วไป"].append(["ปีงบประมาณ (พ.ศ.)", 2569]))
    assert error.key == "settings-duplicate"
    assert (error.params["cell"], error.params["first"]) == ("A15", 5)


def test_dev_plan_rows(plan_xlsx):
    _edit(plan_xlsx, lambda wb: wb["แผนพัฒนา"].append(["1", "ถนนหมู่ 1", 150000, "หน้า 3"]))
    assert read_settings(plan_xlsx).dev_plan[0].budget_satang == 15_000_000
    error = _error(plan_xlsx, _set("แผนพัฒนา", "C2", "แสนห้า"))
    assert error.key == "settings-bad-amount" and error.params["cell"] == "C2"
    error = _error(plan_xlsx, _set("แผนพัฒนา", "B2", None))
    assert error.key == "settings-blank-name" and error.params["cell"] == "B2"


@pytest.mark.parametrize("sheet, year", [("หน่วยงาน", 2568), ("ครุภัณฑ์", 2568),
                                         ("ยุทธศาสตร์", 2568)])
def test_a_missing_sheet_says_how_to_get_it_back(plan_xlsx, sheet, year):
    error = _error(plan_xlsx, lambda wb: wb.remove(wb[sheet]))
    assert error.key == "settings-sheet-missing"
    text = error.message("th")
    assert "ดูตัวอย่างจาก oplan init" not in text
    assert f"--year {year}" in text and "โฟลเดอร์ใหม่" in text and "ลำดับ |" in text


def test_the_advice_for_a_missing_sheet_works(plan_2548, tmp_path, monkeypatch):
    """Run as the message says, in the folder where the plan is: the new folder gets
    a plan.xlsx that has the missing sheet, with its header."""
    error = _error(plan_2548, lambda wb: wb.remove(wb["แนวทาง"]))
    text = error.message("th")
    command = text[text.index("oplan init"):].split(" แล้ว")[0].split()[1:]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(tmp_path / command[1] / "plan.xlsx")
    header = " | ".join(cell.value for cell in workbook["แนวทาง"][1])
    assert header in text


@pytest.mark.parametrize("sheet", LISTS)
def test_init_asks_excel_for_whole_numbers(plan_xlsx, sheet):
    """Excel and LibreOffice refuse "สอง" in a ลำดับ cell as it is typed."""
    validations = openpyxl.load_workbook(plan_xlsx)[sheet].data_validations.dataValidation
    assert [(v.type, v.operator, v.formula1, str(v.sqref)) for v in validations] == [
        ("whole", "greaterThanOrEqual", "1", "A2:A1000")]
    assert validations[0].showErrorMessage and "จำนวนเต็ม" in validations[0].error
