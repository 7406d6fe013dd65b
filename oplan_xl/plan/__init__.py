"""The finished plan, the one object every renderer takes.

- ``grouping``  rows grouped by strategy and programme (or approach), numbered,
                totalled, with ผด.01's lines and percentages (``make_plan``)
- ``labels``    the forms' codes, titles and column labels, for the workbooks and
                the preview alike
- ``part1``     ส่วนที่ 1: the edition's built-in text, or the organisation's own

Nothing here imports a writer: ผด.01 in a workbook, in the preview and in the
tests comes from the same ``Plan``.
"""
