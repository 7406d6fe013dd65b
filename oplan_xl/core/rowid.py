"""The row id of the plan record: which planned row is which, across rebuilds and
editions.

An id names a row by what the row *is*, never by where it sits or what it costs:

- its kind: ``P-`` for a project (ผด.02), ``E-`` for an equipment item (ผด.02/1);
- its department's code (the หน่วยงาน sheet of plan.xlsx), so two departments'
  rows never share an id;
- its name: the project's โครงการ, the equipment's เป้าหมาย;
- its place (สถานที่ดำเนินการ): the same project name repeats legitimately, a
  road in each village, and the place tells them apart.

Each text is compared as :func:`identity_text` makes it (spaces, line breaks,
invisible characters, Thai/Arabic digits and letter case do not count).  The id is
the kind's prefix and the first HASH_CHARS hex digits of the SHA-256 of those four
texts: ``P-3f9a2c1b7d04``.

Left out on purpose, so an id survives them: the budget and the months (a
เปลี่ยนแปลง edition changes them for the same row), the activity, the strategy and
programme, the responsible unit and the notes (corrected without the row becoming
another), the file's name, the sheet and the row number (rows are moved, files
renamed).  A new name or a new place is a new row.

Two rows of one department with the same name and place (a collision) get the id,
``-2``, ``-3`` … in the order of their files by name, then sheet and row; such
projects are also reported as ``duplicate-project``.  Ids already *taken* (the
rows of earlier editions) are skipped, so a new row never takes an existing id.

Changing anything here changes every id: it is ``RULE`` 1, named in plan.json.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from oplan_xl.core.model import EquipmentRow, ProjectRow, to_arabic_digits
from oplan_xl.core.normalise import clean_text

#: The version of the rule, written into plan.json: ids made by another rule differ.
RULE = 1
PROJECT_PREFIX = "P-"
EQUIPMENT_PREFIX = "E-"
#: 12 hex digits, 48 bits: two different rows share a hash about once in 10,000
#: plans of 100,000 rows, and then the collision rule still keeps them apart.
HASH_CHARS = 12
#: Between the texts hashed.  identity_text removes it from every text (str.split
#: counts it as a space), so a name's end can never pass for the place's start.
_SEPARATOR = "\x1f"


def identity_text(value: object) -> str:
    """*value* as the id compares it: clean NFC Thai (sara am joined, invisible
    characters dropped, see ``normalise.clean_text``) without any space or line
    break, Thai digits as Arabic ones, letter case folded."""
    return to_arabic_digits("".join(clean_text(value).split())).casefold()


def base_id(prefix: str, department_code: str, name: str, place: str) -> str:
    """The id of a row before any collision suffix."""
    text = _SEPARATOR.join(identity_text(part) for part in (department_code, name, place))
    return prefix + hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def project_ids(rows: Sequence[ProjectRow], codes: Mapping[str, str],
                taken: Iterable[str] = ()) -> list[str]:
    """The id of each of *rows*, in their order.

    *codes* maps a department's name (as rows carry it) to its code; a name not
    in it stands for itself.  *taken*: ids that exist already (earlier editions).
    """
    bases = [base_id(PROJECT_PREFIX, codes.get(row.department, row.department), row.name,
                     row.place) for row in rows]
    return _unique(bases, [row.origin for row in rows], taken)


def equipment_ids(rows: Sequence[EquipmentRow], codes: Mapping[str, str],
                  taken: Iterable[str] = ()) -> list[str]:
    """The id of each equipment row: as :func:`project_ids`, its target as its name."""
    bases = [base_id(EQUIPMENT_PREFIX, codes.get(row.department, row.department), row.target,
                     row.place) for row in rows]
    return _unique(bases, [row.origin for row in rows], taken)


def _unique(bases: list[str], origins: list, taken: Iterable[str]) -> list[str]:
    """*bases* made unique: the first (by origin: file, sheet, row) of equal ones
    keeps its base, the next get ``-2``, ``-3`` …, never an id of *taken*."""
    used = set(taken)
    ids = [""] * len(bases)
    for index in sorted(range(len(bases)), key=lambda i: (origins[i], i)):
        candidate, number = bases[index], 1
        while candidate in used:
            number += 1
            candidate = f"{bases[index]}-{number}"
        used.add(candidate)
        ids[index] = candidate
    return ids
