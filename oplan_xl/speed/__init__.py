"""The one place for speed: what a measurement earned, each with its measurement.

``text`` remembers the per-cell text rules of ``core.normalise`` (reading and
checking); ``rowheights`` remembers the visible length of the texts the forms
fit their row heights to; ``fastsheet`` writes the forms' large tables through an
XlsxWriter worksheet that does less per cell (only with the XlsxWriter versions it
was checked against).  (Process-wide settings for one command, the collector's,
live in ``cli.entry``: a library call changes none.)
"""
