"""The one place for speed: what a measurement earned, each with its measurement.

``text`` remembers the per-cell text rules of ``core.normalise`` (reading and
checking); ``fastsheet`` writes the forms' large tables through an
XlsxWriter worksheet that does less per cell (only with the XlsxWriter versions it
was checked against).  (Process-wide settings for one command, the collector's,
live in ``cli.entry``: a library call changes none.  The row heights' memo lives
with their rule, ``write.rowheight.fitted_height``: speed may not import write.)
"""
