"""Why a file was refused, in Thai and in English (core.reasons): each reason is
written in the language of the message it goes into, never English in a Thai one."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from oplan_xl.core.errors import SettingsError
from oplan_xl.core.findings import finding
from oplan_xl.core.reasons import REASONS, failure, reason, said

from ..languages import english_in_thai, is_thai, thai_in_english

PACKAGE = Path(__file__).resolve().parents[2] / "oplan_xl"
#: What the system says in the samples: quoted as it is, in both languages.
SYSTEM_SAYS = "Bad CRC-32 for file 'xl/styles.xml'"


def _fields(template: str) -> dict[str, str]:
    """Placeholder → its format spec."""
    return {name: spec for _, name, spec, _ in string.Formatter().parse(template) if name}


def _sample(key: str) -> dict[str, object]:
    """Values for every placeholder of *key*: a number where the template formats
    one, what the system said for ``why`` and ``text``, a name otherwise."""
    values: dict[str, object] = {}
    for name, spec in _fields(REASONS[key][1]).items():
        if spec:
            values[name] = 1234567
        elif name in ("why", "text"):
            values[name] = said(SYSTEM_SAYS) if name == "why" else SYSTEM_SAYS
        else:
            values[name] = f"Name{name}"
    return values


@pytest.mark.parametrize("key", sorted(REASONS))
def test_every_reason_is_thai_in_thai_and_english_in_english(key):
    thai, english = REASONS[key]
    assert _fields(thai) == _fields(english), key
    values = _sample(key)
    names = [value for value in values.values() if isinstance(value, str)]
    shown_th, shown_en = reason(key, **values).text("th"), reason(key, **values).text("en")
    assert is_thai(shown_th) and not english_in_thai(shown_th, *names), shown_th
    assert not thai_in_english(shown_en), shown_en
    if any(spec == "," for spec in _fields(english).values()):
        assert "1,234,567" in shown_th and "1,234,567" in shown_en  # Arabic digits, separated


def test_every_reason_is_given_somewhere():
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")
                       if path.name != "reasons.py")
    unused = [key for key in REASONS if f'"{key}"' not in source and key != "said"]
    assert not unused


def test_a_finding_says_its_reason_in_its_language():
    item = finding("sheet-too-large", "works.xlsx", "โครงการ",
                   reason=reason("beyond-row", rows=1_048_576, limit=99_999))
    assert item.message("th").startswith(
        "แผ่นงาน \"โครงการ\" ใหญ่เกินกว่าจะอ่านได้ (มีข้อมูลไปถึงแถว 1,048,576 เกินแถว 99,999 "
        "ที่โปรแกรมอ่านได้) — ")
    assert item.message("en").startswith(
        "Sheet \"โครงการ\" is too large to read (values reach row 1,048,576, beyond row 99,999) - ")
    assert item.to_dict("th")["message"] == item.message("th")


def test_what_the_system_said_is_quoted_in_thai_and_as_it_is_in_english():
    why = reason("part-damaged", part="xl/styles.xml", why=said('Error "-3" while decompressing'))
    assert why.text("th") == ('ส่วน "xl/styles.xml" ของไฟล์เสียหาย: '
                              'ระบบแจ้งว่า "Error \'-3\' while decompressing"')
    assert why.text("en") == "part xl/styles.xml is damaged: Error '-3' while decompressing"
    assert str(why) == why.text("en")  # what a traceback or pytest.raises(match=) reads
    assert failure(ValueError("x" * 500)).text("en") == "ValueError: " + "x" * 200


def test_a_settings_refusal_says_its_reason_in_its_language():
    error = SettingsError("settings-too-large", path="plan.xlsx",
                          reason=reason("file-size", megabytes=2048))
    assert error.message("th").startswith("ไฟล์ตั้งค่า plan.xlsx ใหญ่ผิดปกติ (ขนาด 2,048 MB) จึงไม่อ่าน")
    assert error.message("en").startswith(
        "Settings workbook plan.xlsx is unusually large (2,048 MB) and was not read")
    assert str(error) == error.message("en")


#: What makes a refusal, and what fills a message whose ``reason=`` goes into its text.
REFUSALS = ("UnreadableWorkbook", "_Damaged")
MESSAGE_MAKERS = ("finding", "OplanError", "SettingsError", "UsageError", "OutputError",
                  "text", "say")


def _calls(names: tuple[str, ...]):
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (getattr(node.func, "id", "") in names
                                               or getattr(node.func, "attr", "") in names):
                yield path.relative_to(PACKAGE), node


def _made_by_a_reason(node: ast.expr) -> bool:
    """A Reason made here (reason, said, failure, too_big …) or passed on (exc.reason)."""
    return isinstance(node, ast.Call) or (isinstance(node, ast.Attribute)
                                          and node.attr == "reason")


def test_no_reason_is_a_sentence_of_the_code():
    """One path per rule: a refusal and a message's reason are Reasons, never a str
    made on the spot (it would be English in a Thai message)."""
    wrong = [f"{path}:{call.lineno}" for path, call in _calls(REFUSALS)
             if not call.args or not _made_by_a_reason(call.args[0])]
    checked = 0
    for path, call in _calls(MESSAGE_MAKERS):
        for keyword in call.keywords:
            if keyword.arg == "reason":
                checked += 1
                if not _made_by_a_reason(keyword.value):
                    wrong.append(f"{path}:{call.lineno}")
    assert not wrong, wrong
    assert checked >= 12  # the reasons of the readers, the writers and the last resort
