"""Department input workbooks (SPEC §4) that lead the person filling them in.

``write_template(settings, department, path)`` writes one workbook: an
instructions sheet in plain Thai, the โครงการ and ครุภัณฑ์ input sheets and the
หน่วยงาน sheet, with dropdowns fed from the plan's settings through a hidden
list sheet, input messages, locked headers and print setup.  The columns and
their labels come from ``core.layout``; this package only adds the guidance.

Why some things are the way they are:

- Dropdown lists point at **defined names** (``strategies`` …), not at sheet
  ranges: Excel 2007 refuses a list on another sheet unless it goes through a
  name (``lists``).
- Sheets are protected **without a password**: protection is there to stop
  accidents (typing over a header, inserting a column), not people.
- Nothing that reads like a header row may appear on the instructions or the
  list sheet, because the reader looks for a table on every sheet when the
  expected one is missing (``instructions``).
- Dates inside the file and the zip are fixed, so writing the same settings
  twice gives byte-identical files (and the reference in ``workbook_templates/``
  only changes in git when its content does).

The parts: ``workbook`` assembles the sheets; ``guides`` holds what each column's
message says; ``style`` the cell styles, print setup, protection and validation
limits; ``lists`` the hidden list sheet and the dropdowns; ``tables`` the input
sheets; ``instructions`` the instructions sheet; ``reference`` the reference
workbook.

Run ``python -m oplan_xl.write.template --regenerate`` to rewrite the reference
workbook in ``workbook_templates/``; ``tests/test_template.py`` fails when it
drifts from what this package writes.
"""

from oplan_xl.write.template.guides import ACCEPTED_MARKS, MARK
from oplan_xl.write.template.lists import LISTS_SHEET
from oplan_xl.write.template.reference import (
    REFERENCE_FILE,
    REFERENCE_ORG,
    REFERENCE_YEAR,
    main,
    reference_dir,
    reference_settings,
    write_reference,
)
from oplan_xl.write.template.tables import (
    EQUIPMENT_ROWS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    PROJECT_ROWS,
    TITLE_ROW,
)
from oplan_xl.write.template.workbook import build_template, template_file_name, write_template

__all__ = [
    "ACCEPTED_MARKS", "EQUIPMENT_ROWS", "FIRST_DATA_ROW", "HEADER_ROW", "LISTS_SHEET", "MARK",
    "PROJECT_ROWS", "REFERENCE_FILE", "REFERENCE_ORG", "REFERENCE_YEAR", "TITLE_ROW",
    "build_template", "main", "reference_dir", "reference_settings", "template_file_name",
    "write_reference", "write_template",
]
