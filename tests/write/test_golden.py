"""The official workbooks equal their reviewed golden dumps.

On a deliberate change run ``python -m tests.golden.regenerate`` and review the
diff of tests/golden/ before committing it.
"""

import json

import pytest

from ..golden.cases import CASES, build_case
from ..golden.dump import dump_workbook
from ..golden.regenerate import golden_path


@pytest.mark.parametrize("case", sorted(CASES))
def test_workbooks_match_golden(case, tmp_path):
    outputs = build_case(case, tmp_path)
    assert outputs
    for form, path in outputs.items():
        golden = golden_path(case, form)
        assert golden.is_file(), f"no golden {case}/{form}: python -m tests.golden.regenerate"
        expected = json.loads(golden.read_text(encoding="utf-8"))
        assert dump_workbook(path) == expected, f"{case}/{form} differs from its golden"


def test_every_golden_has_a_case():
    from ..golden.cases import GOLDEN

    cases = {path.parent.name for path in GOLDEN.glob("*/*.json")}
    assert cases <= set(CASES)
