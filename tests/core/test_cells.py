from hypothesis import given
from hypothesis import strategies as st

from oplan_xl.core.cells import a1, a1_range, column_index, column_letter


def test_known_addresses():
    assert [column_letter(c) for c in (0, 25, 26, 701, 702, 16383)] == [
        "A", "Z", "AA", "ZZ", "AAA", "XFD"]
    assert column_index("CZ") == 103 and column_index(b"XFD") == 16383
    assert a1(6, 4) == "E7" and a1(0, 0, absolute=True) == "$A$1"
    assert a1_range(0, 0, 9, 2) == "A1:C10"


@given(st.integers(0, 16383))
def test_letters_round_trip(col):
    assert column_index(column_letter(col)) == col
