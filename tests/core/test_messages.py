"""Messages as a user reads them (issue 15): English counts agree with their noun."""

import re
import string

import pytest

from oplan_xl.core.findings import CATALOGUE, finding
from oplan_xl.core.messages import MESSAGES, text

#: "1 rows", "1 total rows", "1 department workbooks" …
ONE_PLURAL = re.compile(r"\b1 (?:[a-z]+ )?(?:rows|errors|warnings|projects|items|workbooks|"
                        r"files|characters)\b")


def _placeholders(template: str) -> set[str]:
    return {field.split(".")[0] for _, field, _, _ in string.Formatter().parse(template)
            if field}


def _fill(key: str, template: str, value: int) -> dict:
    return {name: value for name in _placeholders(template)}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_one_of_a_thing_is_singular(key):
    template = MESSAGES[key][1]
    one = text(key, "en", **_fill(key, template, 1))
    assert not ONE_PLURAL.search(one), one
    text(key, "th", **_fill(key, MESSAGES[key][0], 1))  # Thai renders too


#: Their count is always over a limit in the hundreds: never one.
OVER_A_LIMIT = {"table-very-large", "text-too-long", "text-over-cell-limit"}


@pytest.mark.parametrize("code", sorted(set(CATALOGUE) - OVER_A_LIMIT))
def test_findings_too(code):
    template = CATALOGUE[code].en
    params = _fill(code, template, 1)
    for name in ("value", "column", "sheet"):
        params.pop(name, None)
    one = finding(code, value=1, column="1", sheet="1", **params).message("en")
    assert not ONE_PLURAL.search(one), one


def test_counts_in_english():
    assert text("reconciliation", "en", rows_read=1, baht_read="5.00", rows_planned=1,
                baht_planned="5.00", rows_rejected=0, baht_rejected="0.00") == (
        "Reconciliation: read 1 row 5.00 baht = planned 1 row 5.00 baht + rejected 0 rows "
        "0.00 baht")
    assert text("finding-counts", "en", errors=2, warnings=1) == "2 errors, 1 warning"
    assert text("build-done", "en", projects=1, baht="1.00", equipment=1) == (
        "Built the operational plan: 1 project, 1.00 baht in total, 1 equipment item")
    assert text("finding-counts", "th", errors=1, warnings=2) == "ข้อผิดพลาด 1 คำเตือน 2"
