"""Follow-up: what departments report back on the plan, and the 6-month and
year-end reports made from it (issue 17).

- ``layout``    the columns of the results workbook and the four statuses
- ``record``    the plan record the results are measured against (``current_rows``)
- ``template``  ``results/templates/<code>.xlsx``: pre-filled, locked, with inputs
- ``reading``   the returned workbooks of ``results/submissions/``, read by labels
- ``checks``    findings about them, located to the cell
- ``rounds``    the as-of date (BE or CE) and the round it falls in
- ``frames``    pandas: the plan and the results as DataFrames, merged and grouped,
                money as int64 satang
- ``report_xlsx`` / ``report_html``  output/report-<round>.xlsx and .html

Data flows one way: record + submissions → reading → checks → frames → report.
"""
