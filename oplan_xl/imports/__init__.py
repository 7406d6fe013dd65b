"""Importing a plan published by hand: a ผด.02 workbook in, standard submissions out.

An officer who made the year's ผด.02 (and ผด.02/1) by hand, or with another
tool, carries on with this one: ``oplan import PLAN_DIR FILE`` reads the
workbook with the same reader as any submission (``read``: headers, heading
rows, month bars, continuation and total rows) and checks each row with the
same row checks (``check.rows``), then writes the rows it could read into
``PLAN_DIR/submissions/`` as the standard department workbooks that
``oplan template`` writes, one per responsible unit, so that ``oplan check``
and ``oplan build`` take them as any department's.

- ``source``  the file read: its tables, what a printed plan adds to a
              department's form (total rows with their label in a number
              format, heading rows of ผด.02/1, edition divider rows), each
              row checked
- ``units``   each row's responsible unit (หน่วยงานรับผิดชอบหลัก) found among the
              plan's departments, and the file its rows go to
- ``run``     the workflow: read, group, refuse to overwrite, write, tally
- ``summary`` what the command prints, Thai first

Nothing the importer cannot read is dropped in silence: every such row is a
finding at its cell, and a budget it cannot read is an error, never 0.
"""
