"""Checking: raw rows become plan rows, or findings that say what to fix.

``run.check_plan`` reads and checks every submission of a plan and returns the
Report.  Inside: ``resolve`` looks names up in the settings' lists, ``rows``
checks one row, ``submission`` one file as a whole, ``plan_wide`` what can
only be seen across files.
"""
