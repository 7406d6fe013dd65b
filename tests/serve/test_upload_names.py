"""The names an upload may have: every name the page stores is one the reader reads."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from oplan_xl.read.submission import list_submissions
from oplan_xl.serve.uploads import name_problem, store

NAMES = ["กองช่าง.xlsx", "works.XLSX", "แผน 2569 (แก้ไข).xlsm", "old.xls", "calc.ods",
         ".x.xlsx", "..x.xlsx", "._works.xlsx", ".~lock.works.xlsx#", "~$works.xlsx",
         "notes.csv", "con.xlsx", "a.b.xlsx"]


@dataclass
class Upload:
    filename: str
    stream: io.BytesIO


def test_every_name_stored_is_read_and_hidden_names_are_refused(tmp_path):
    result = store([Upload(name, io.BytesIO(b"PK\x03\x04")) for name in NAMES], tmp_path,
                   replace=False)
    assert [path.name for path in list_submissions(tmp_path)] == sorted(result.saved)
    assert sorted(result.saved) == sorted(["กองช่าง.xlsx", "works.XLSX", "old.xls",
                                           "แผน 2569 (แก้ไข).xlsm", "calc.ods", "a.b.xlsx"])
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(result.saved)


@pytest.mark.parametrize("name", [".x.xlsx", "..x.xlsx", "._works.xlsx"])
def test_a_hidden_name_is_refused_with_its_reason(name):
    assert "ไฟล์ซ่อน" in name_problem(name)
