"""The finding catalogue: every code with its severity and its Thai and English
message templates, named placeholders filled by ``findings.finding``.

Codes are stable kebab-case; tests and other tools rely on them.  ``reading``
holds the findings of reading and checking the submissions, grouped by where in
the work the problem is met; ``year`` those of the plan through the year.
"""

from __future__ import annotations

from oplan_xl.core.catalogue import reading, year
from oplan_xl.core.catalogue.kind import ERROR, WARNING, FindingKind

__all__ = ["CATALOGUE", "ERROR", "WARNING", "FindingKind"]

CATALOGUE: dict[str, FindingKind] = {kind.code: kind for kind in (*reading.KINDS, *year.KINDS)}
