from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from oplan_xl.core.model import to_thai_digits
from oplan_xl.core.normalise import (
    NotANumber,
    clean_text,
    is_blank,
    is_month_mark,
    label_key,
    parse_amount,
    split_numbered,
)


@pytest.mark.parametrize("raw, amount", [
    (1500000, "1500000"),
    (1234.56, "1234.56"),
    ("1,500,000", "1500000"),
    ("1,500,000.-", "1500000"),
    ("๑,๕๐๐,๐๐๐", "1500000"),
    ("150000 บาท", "150000"),
    (" 12 345.50 ", "12345.50"),
    ("\u200b99,000\u00a0", "99000"),
])
def test_budget_text_forms(raw, amount):
    assert parse_amount(raw) == Decimal(amount)


@pytest.mark.parametrize("raw", ["", "abc", "1,5,0,0.0.0", None, True, float("nan"), "ห้าพัน"])
def test_budget_not_a_number(raw):
    with pytest.raises(NotANumber):
        parse_amount(raw)


@pytest.mark.parametrize("mark", ["✓", "✔", "/", "x", "X", "*", 1, "1", "●", "๑"])
def test_month_marks(mark):
    assert is_month_mark(mark)


@pytest.mark.parametrize("blank", ["", " ", None, 0, "0", "-", float("nan"), "\u200b"])
def test_month_not_marked(blank):
    assert not is_month_mark(blank)


def test_clean_text_joins_sara_am_and_drops_invisible_characters():
    decomposed = "กํา\u200bหนด\u00a0 งาน\n"
    assert clean_text(decomposed) == "กำหนด งาน"


def test_label_key_ignores_spacing_units_and_digits():
    assert label_key("งบประมาณ\n(บาท)") == label_key("งบประมาณ")
    assert label_key(" สถานที่ ดำเนินการ ") == label_key("สถานที่ดำเนินการ")
    assert label_key("ยุทธศาสตร์ที่ ๒") == label_key("ยุทธศาสตร์ที่ 2")


@pytest.mark.parametrize("raw, expected", [
    (2, (2, "")),
    (2.0, (2, "")),
    ("2", (2, "")),
    ("๒ ยุทธศาสตร์ด้านเศรษฐกิจ", (2, "ยุทธศาสตร์ด้านเศรษฐกิจ")),
    ("2. ยุทธศาสตร์ด้านเศรษฐกิจ", (2, "ยุทธศาสตร์ด้านเศรษฐกิจ")),
    ("ยุทธศาสตร์ที่ 3 ด้านสังคม", (3, "ด้านสังคม")),
    ("ยุทธศาสตร์ด้านสังคม", (None, "ยุทธศาสตร์ด้านสังคม")),
])
def test_split_numbered(raw, expected):
    assert split_numbered(raw) == expected


thai_text = st.text(alphabet=st.sampled_from(
    list("กขคงจฉชซดตถทนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์ํ0123456789๐๑๒๓๔๕๖๗๘๙ ")
    + ["\u200b", "\u00a0", "\n", "\t"]), max_size=40)


@given(thai_text)
@example("\u0e48\u200b\u0e38")  # a zero-width space hid two marks' order from NFC
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\u200b" not in once and "\u00a0" not in once and "\n" not in once


@given(st.integers(min_value=1, max_value=10**10), st.integers(min_value=0, max_value=99))
def test_budget_thai_and_arabic_digits_agree(baht, satang):
    text = f"{baht:,}.{satang:02d}"
    assert parse_amount(text) == parse_amount(to_thai_digits(text))
    assert parse_amount(text) == Decimal(baht) + Decimal(satang) / 100


# --- more messy input -----------------------------------------------------------

from oplan_xl.core.model import MONTHS  # noqa: E402
from oplan_xl.core.normalise import is_total_label, months_in_text  # noqa: E402


@pytest.mark.parametrize("raw, amount", [
    ("฿2,000", "2000"),
    ("1,000.25 บ.", "1000.25"),
    ("๑๒,๐๐๐.๕๐", "12000.50"),
    ("-5,000", "-5000"),
])
def test_more_budget_text_forms(raw, amount):
    assert parse_amount(raw) == Decimal(amount)


@pytest.mark.parametrize("raw", ["1,5,0", "15,0000", "1,50.00", "=1+2", "1.500.000"])
def test_misgrouped_or_formula_like_text_is_not_a_number(raw):
    with pytest.raises(NotANumber):
        parse_amount(raw)


money = st.tuples(st.integers(min_value=0, max_value=10**12), st.integers(0, 99))
decorations = st.sampled_from(["{}", "{} บาท", "{}.-", " {} ", "฿{}", "{}\u00a0บาท", "{} บ."])


@given(money, decorations, st.booleans(), st.booleans())
def test_budget_text_round_trip(amount, decoration, grouped, thai):
    baht, satang = amount
    number = f"{baht:,}" if grouped else str(baht)
    if satang or decoration == "{}.-":
        number = number if decoration == "{}.-" else f"{number}.{satang:02d}"
    text = decoration.format(number)
    if thai:
        text = to_thai_digits(text)
    expected = Decimal(baht) + (0 if decoration == "{}.-" else Decimal(satang) / 100)
    assert parse_amount(text) == expected


thai_words = st.text(alphabet=st.sampled_from(list("กขคงจชซดตทนบปผพมยรลวสหอะาิีึืุูเแโไ่้๊๋็์ำ ")),
                     max_size=30)


@given(thai_words)
def test_decomposed_sara_am_reads_as_composed(text):
    decomposed = text.replace("ำ", "\u0e4d\u0e32")
    assert clean_text(decomposed) == clean_text(text)


syllables = st.lists(st.tuples(st.sampled_from(list("กขคงจชซดตทนบปผพมยรลวสหอ")),
                               st.sampled_from(["", "่", "้", "๊", "๋"]), st.booleans()),
                     max_size=8)


@given(syllables)
def test_tone_mark_typed_after_sara_am_reads_as_before(parts):
    """น้ำ typed as น + ำ + ้ (or with ํ + า in any order) reads as น้ำ."""
    right = "".join(c + tone + ("ำ" if am else "") for c, tone, am in parts)
    swapped = "".join(c + ("ำ" + tone if am else tone) for c, tone, am in parts)
    split = "".join(c + ("\u0e4d" + tone + "\u0e32" if am else tone) for c, tone, am in parts)
    assert clean_text(swapped) == clean_text(split) == clean_text(right)


@given(thai_text)
def test_label_key_is_idempotent_and_digit_blind(text):
    key = label_key(text)
    assert label_key(key) == key
    assert label_key(to_thai_digits(text)) == key


@given(st.integers(0, 11), st.integers(0, 11), st.sampled_from(["–", "-", " ถึง ", " - "]))
def test_month_spans_in_text(first, last, dash):
    first, last = min(first, last), max(first, last)
    words, months = months_in_text(f"ดำเนินการ {MONTHS[first]}{dash}{MONTHS[last]} 68")
    assert months == tuple(range(first, last + 1))
    assert words.startswith(MONTHS[first])


@pytest.mark.parametrize("text, expected", [
    ("รวม", True), ("รวมทั้งสิ้น", True), ("ยอดรวม", True), ("รวม ๑๒ โครงการ", True),
    ("รวมงบประมาณ", True), ("Total", True), ("รวมยุทธศาสตร์ที่ 1", True),
    ("รวมแผนงานการศึกษา", True), ("รวมประเภทครุภัณฑ์สำนักงาน", True),
    ("รวมพลังชุมชน", False), ("โครงการรวมกลุ่มอาชีพ", False), ("", False), (5, False),
])
def test_total_labels(text, expected):
    assert is_total_label(text) is expected


def test_month_names_in_text_need_no_dots_inside_words():
    assert months_in_text("ถนน คสล. หมู่ 5") == ("", ())
    assert months_in_text("จัดงานเดือนเมษายน")[1] == (6,)


# The fast paths (printable text, a visible first character, a whole-number
# budget) must give what the general code gives.

messy_text = st.lists(st.sampled_from(
    list("กขคงนมะาำิีึืุู่้๊๋็์ํ09๐๙ ()[]:*.aZ-")
    + ["\u0e4d\u0e32", "\u200b", "\u200d", "\u00ad", "\ufeff", "\u180e", "\u00a0", "\u2003",
       "\n", "\t", "  ", "\x00", "\ue000", "บาท"]), max_size=30).map("".join)


def _clean_text_reference(text: str) -> str:
    """clean_text as written before its fast path, step by step."""
    import re
    import unicodedata

    text = re.sub("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e]", "", text)
    text = unicodedata.normalize("NFC", text)
    text = re.sub("\u0e4d([\u0e48-\u0e4b])\u0e32", "\\1\u0e33", text).replace("\u0e4d\u0e32",
                                                                                "\u0e33")
    while re.search("\u0e33([\u0e48-\u0e4b])", text):
        text = re.sub("\u0e33([\u0e48-\u0e4b])", "\\1\u0e33", text)
    return " ".join(text.split())


@given(messy_text)
@example(" ก")
@example("ก ")
@example("ก  ข")
def test_clean_text_fast_path_agrees(text):
    assert clean_text(text) == _clean_text_reference(text)


@given(messy_text)
def test_is_blank_fast_path_agrees(text):
    import re

    visible = re.sub("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e]", "", text)
    assert is_blank(text) == (not visible.strip())


@given(messy_text)
def test_label_key_drops_every_space_and_bracket(text):
    import re

    from oplan_xl.core.model import to_arabic_digits

    expected = clean_text(re.sub(r"[\s()\[\]:*]", "", clean_text(text)))
    expected = to_arabic_digits(expected).lower()
    while "บาท" in expected:
        expected = clean_text(expected.replace("บาท", ""))
    assert label_key(text) == expected
