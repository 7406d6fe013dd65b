"""The one place for speed: what a measurement earned, each with its measurement.

``text`` remembers the per-cell text rules of ``core.normalise``; ``fastsheet``
writes XlsxWriter rows in bulk.  (Process-wide settings for one command, the
collector's, live in ``cli.entry``: a library call changes none.)
"""
