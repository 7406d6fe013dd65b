"""output/data/: the plan record as projects.csv, equipment.csv and plan.json.

CSV: UTF-8 with a byte order mark (Excel takes a CSV without one for the
Windows code page and shows Thai as ``à¸...``), comma-separated, fields quoted
only where needed, lines ended by CRLF as RFC 4180 says.  A text that Excel
would take for a formula (it begins with ``=``, ``+``, ``-`` or ``@``: a Thai
list item ``- ซ่อมถนน`` shows as #NAME?, a crafted one runs) gets a leading
apostrophe in the CSV only; plan.json holds every text exactly.

JSON: UTF-8 without a byte order mark, Thai as itself (not ``\\u0e01``), two-space
indent with one row to a line, ``\\n`` line ends, keys in the order ``plan.record``
builds them.

Neither holds a date or a path of this machine: two builds of the same inputs give
the same bytes.  Each is written atomically with the forms (``api.build``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from oplan_xl.plan.grouping import Plan
from oplan_xl.plan.record import (
    EQUIPMENT_COLUMNS,
    PROJECT_COLUMNS,
    Edition,
    csv_header,
    plan_document,
)

FOLDER = "data"
PROJECTS_FILE = "projects.csv"
EQUIPMENT_FILE = "equipment.csv"
JSON_FILE = "plan.json"
#: What a spreadsheet may read as the start of a formula (OWASP's list: the tab and
#: carriage return too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(records: list[dict], columns, settings) -> bytes:
    """The CSV file of *records*: header, then one line per record."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(csv_header(columns, settings))
    for record in records:
        line: list[object] = []
        for key, _ in columns:
            value = record[key]
            if key == "months":
                line += value
            elif isinstance(value, str) and key != "budget" and value.startswith(FORMULA_STARTS):
                line.append("'" + value)
            else:
                line.append(value)
        out.writerow(line)
    return buffer.getvalue().encode("utf-8-sig")


#: The lists of rows, plan.json's last keys: one row to a line.
ROW_LISTS = ("projects", "equipment")


def json_bytes(document: dict) -> bytes:
    """plan.json: the particulars indented, then each row on a line of its own, as in
    the CSV files (a row spread over 40 lines made the file three times as long and
    no easier to read)."""
    assert tuple(document)[-len(ROW_LISTS):] == ROW_LISTS
    head = {key: value for key, value in document.items() if key not in ROW_LISTS}
    parts = [json.dumps(head, ensure_ascii=False, indent=2).removesuffix("\n}")]
    for key in ROW_LISTS:
        rows = ",\n".join("    " + json.dumps(row, ensure_ascii=False)
                          for row in document[key])
        parts.append(f'  "{key}": [\n{rows}\n  ]' if rows else f'  "{key}": []')
    return (",\n".join(parts) + "\n}\n").encode("utf-8")


def writers(plan: Plan, report, output: Path, draft: bool = False,
            edition: Edition | None = None,
            placed=None) -> dict[str, tuple[Path, object]]:
    """name → (target, writer) for ``atomic.write_all``: the two CSV files and
    plan.json in ``output/data/``.  Everything is worked out before any file is
    written, from one document, so the three always agree."""
    document = plan_document(plan, report, draft, *([edition] if edition else []),
                             placed=placed)
    folder = output / FOLDER
    files = {
        "data-projects": (folder / PROJECTS_FILE,
                          csv_bytes(document["projects"], PROJECT_COLUMNS, plan.settings)),
        "data-equipment": (folder / EQUIPMENT_FILE,
                           csv_bytes(document["equipment"], EQUIPMENT_COLUMNS, plan.settings)),
        "data-plan": (folder / JSON_FILE, json_bytes(document)),
    }
    return {name: (target, _bytes_writer(data)) for name, (target, data) in files.items()}


def _bytes_writer(data: bytes):
    def write(path: Path) -> None:
        path.write_bytes(data)
    return write
