"""The text rules of ``core.normalise`` that run on every cell, remembered per value.

A department's sheets repeat a few values row after row: the same strategy,
programme, place and unit, a ✓ or nothing in each month cell.  Working a rule
out once per distinct value is what keeps reading and checking at the speed of
the libraries underneath.  Measured for a 200-department × 100-row build in one
process (Python 3.11, a shared two-core machine): the build takes about 1 s of
CPU more with the plain rules (5.1-6.5 s against 4.1-4.7 s); over the values
such a build passes them, clean_text takes 1.27 s plain and 0.21 s remembered
(840,000 calls), label_key 0.64 s and 0.11 s, month_marks 0.34 s and 0.004 s.

The rules themselves stay in ``core.normalise``, written once; this module only
remembers their answers, for the code that runs once per cell or per row
(reading and checking).  Each memo is bounded (the answers least recently asked
for make room), so a run over many distinct values costs what the plain rule
costs.  Values are
cell values (text, numbers, booleans, dates, None): hashable.
"""

from __future__ import annotations

from functools import lru_cache

from oplan_xl.core import normalise

#: ``normalise.clean_text``, remembered.  *typed*: 1, 1.0 and True are equal
#: keys to a dict, but clean to "1", "1" and "True".
clean_text = lru_cache(maxsize=65536, typed=True)(normalise.clean_text)

#: ``normalise.label_key``, remembered (strategy, programme and equipment type
#: cells; header labels).
label_key = lru_cache(maxsize=16384, typed=True)(normalise.label_key)

#: ``normalise.month_marks`` of a row's twelve month cells, remembered: a sheet
#: holds a few patterns of marks.  (1, 1.0 and True share an entry, as do 0,
#: 0.0 and False: each group gives the same answer.)
month_marks = lru_cache(maxsize=4096)(normalise.month_marks)
