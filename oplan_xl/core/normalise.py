"""Turning raw cell values into clean text, exact money and month marks.

Pure functions, no I/O: the reader calls them, the checks report what they
cannot make sense of.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from oplan_xl.core.model import to_arabic_digits

# Zero-width and direction characters pasted in from web pages and Word.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e]")
# Sara am typed as nikhahit + sara aa, with a tone mark before, between or
# after (น + ่ + ํ + า, น + ํ + ่ + า, น + ำ + ่): all become น่ำ.
_NIKHAHIT_TONE_AA = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")
_AM_BEFORE_TONE = re.compile("\u0e33([\u0e48-\u0e4b])")


def is_blank(value: object) -> bool:
    """True for an empty cell: None, NaN, or text that is only spaces."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        # str.strip() knows every Unicode space, no-break ones included.
        return not _INVISIBLE.sub("", value).strip()
    return False


def clean_text(value: object) -> str:
    """Return cell text as one clean line of NFC Thai.

    Joins the decomposed sara am (nikhahit + sara aa) into ``ำ`` and puts a
    tone mark typed after ``ำ`` before it, drops zero-width characters, turns
    every kind of space and line break into one space, and strips the ends.
    Idempotent.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):  # as the cell shows it: no formula's float noise
        value = int(value) if value.is_integer() else shown_number(value)
    # Invisible characters go first: one between two marks hides their order
    # from NFC (่ + ZWSP + ุ must end as ุ่, like ุ่ does).
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", str(value)))
    text = _NIKHAHIT_TONE_AA.sub("\\1\u0e33", text).replace("\u0e4d\u0e32", "\u0e33")
    while _AM_BEFORE_TONE.search(text):  # ำำ่ needs two passes
        text = _AM_BEFORE_TONE.sub("\\1\u0e33", text)
    # str.split() splits on every Unicode space (no-break, figure, thin …).
    return " ".join(text.split())


_LABEL_NOISE = re.compile(r"[()\[\]:*]")


def label_key(value: object) -> str:
    """A comparison key for header labels and list names.

    Ignores spaces, line breaks, the unit ``(บาท)``, punctuation around
    words, and Thai versus Arabic digits, so ``งบประมาณ\\n(บาท)`` and
    ``งบประมาณ`` compare equal.
    """
    # Spaces go before cleaning again, so a ํ and an า they separated still join.
    text = clean_text(value).replace(" ", "")
    text = to_arabic_digits(clean_text(_LABEL_NOISE.sub("", text))).lower()
    while "บาท" in text:  # until none is left: removing one can join another
        text = clean_text(text.replace("บาท", ""))
    return text


class NotANumber(ValueError):
    """The cell holds something that is not an amount of money."""


_AMOUNT_TEXT = re.compile(r"^[+-]?\d+(\.\d+)?$")
# Thousands separators, where there are any, must group by three: "1,5,0" is
# a typing slip, not 150.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_amount(value: object) -> Decimal:
    """Parse a budget cell into an exact Decimal amount of baht.

    Accepts numbers and text such as ``1,500,000``, ``1,500,000.-``,
    ``๑,๕๐๐,๐๐๐``, ``150000 บาท``, ``฿1,500`` and ``1 500 บ.``.  Raises NotANumber otherwise.
    Floats go through their shortest repr, so 1234.56 stays 1234.56; a float
    within :data:`FLOAT_NOISE` of an amount in satang is that amount (see there).
    """
    if isinstance(value, bool):
        raise NotANumber(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotANumber(value)
        return _without_float_noise(value)
    text = to_arabic_digits(clean_text(value))
    text = text.replace("บาท", "").replace("฿", "").replace(" ", "")
    if "," in text:
        if not _GROUPED.match(re.sub(r"(บ\.?|\.?-)$", "", text)):
            raise NotANumber(value)
        text = text.replace(",", "")
    text = re.sub(r"บ\.?$", "", text)  # "1,500 บ."
    text = re.sub(r"\.?-$", "", text)  # "1,500,000.-" is written for "no satang"
    if not _AMOUNT_TEXT.match(text):
        raise NotANumber(value)
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise NotANumber(value) from exc


#: How far a float may sit from an amount in satang and still be that amount, as a
#: fraction of its size.  A formula's cached value carries binary noise: 3 × 4937.8
#: is stored as 14813.400000000001, which Excel shows as 14,813.40; the noise is a few
#: units in the last place (about 1e-16 of the value), far below this, while an
#: amount someone typed with a third decimal (1234.567) is far above it.
FLOAT_NOISE = Decimal("1e-12")
_SATANG = Decimal("0.01")


def shown_number(value: float) -> str:
    """A float as a person sees it: without the noise a formula leaves in it
    (14813.400000000001 is 14813.4), otherwise as Python writes it."""
    if not math.isfinite(value):
        return repr(value)
    shown = _without_float_noise(value)
    if shown == Decimal(repr(value)) or not shown:
        return repr(value)
    return format(shown.normalize(), "f")


def _without_float_noise(value: float) -> Decimal:
    exact = Decimal(repr(value))
    if exact == exact.to_integral_value():  # also every float past 2**53: no fraction
        return exact
    nearest = exact.quantize(_SATANG, rounding=ROUND_HALF_UP)
    if exact != nearest and abs(exact - nearest) <= max(abs(nearest), 1) * FLOAT_NOISE:
        return nearest
    return exact


# Texts that people put in a month cell to mean "not this month".
_NO_MARK = {"", "0", "-", "–", "—", "ไม่", "no", "n"}


def is_month_mark(value: object) -> bool:
    """True when a month cell says the work runs that month.

    Any visible mark counts (✓ ✔ / x X * 1 ● …); blanks, zero and dashes do not.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (isinstance(value, float) and math.isnan(value)) and value != 0
    return to_arabic_digits(clean_text(value)).lower() not in _NO_MARK


def month_marks(values: tuple) -> tuple[bool, ...]:
    """``is_month_mark`` of each of a row's month cells."""
    return tuple(is_month_mark(value) for value in values)


_LEADING_NUMBER = re.compile(
    r"^(?:ยุทธศาสตร์(?:ที่)?|ประเด็นการพัฒนา(?:ที่)?)?\s*(\d{1,9})(?!\d)\s*[.)]?\s*(.*)$")


def split_numbered(value: object) -> tuple[int | None, str]:
    """Split ``"2. ยุทธศาสตร์ด้าน…"`` or ``"ยุทธศาสตร์ที่ ๒ …"`` into (2, name).

    Returns (None, text) when there is no leading number.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            return None, clean_text(value)
        return int(value), ""
    text = to_arabic_digits(clean_text(value))
    match = _LEADING_NUMBER.match(text)
    if match and not re.match(r"^\d+\.\d", text):
        return int(match.group(1)), match.group(2).strip()
    return None, clean_text(value)


def parse_int(value: object) -> int | None:
    """Parse a whole number from a number or text cell (Thai digits too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = to_arabic_digits(clean_text(value))
    # Bounded: int() refuses more than 4,300 digits, and no count is that long.
    return int(text) if re.fullmatch(r"\d{1,18}", text) else None


def visible_length(text: str) -> int:
    """Characters that take width on paper: Thai vowel and tone marks above
    and below the line take none (nor any other combining mark)."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


# A total row's label: รวม, รวมทั้งสิ้น, ยอดรวม, รวม 12 โครงการ, รวมงบประมาณ …, and
# the subtotals รวมยุทธศาสตร์ที่ 1, รวมแผนงานการศึกษา, รวมประเภทครุภัณฑ์สำนักงาน.
_TOTAL_LABEL = re.compile(
    r"^(?:ยอด)?รวม(?:ทั้งสิ้น|ทั้งหมด|เป็นเงิน|งบประมาณ|เงิน)?(?:ทั้งสิ้น)?"
    r"(?:\d+(?:โครงการ|รายการ|กิจกรรม))?(?:ทั้งสิ้น)?$"
    r"|^(?:ยอด)?รวม(?:ยุทธศาสตร์|ประเด็นการพัฒนา|แผนงาน|แนวทาง|หมวด|ประเภท)"
    r"|^(?:grand|sub)?total$")


def is_total_label(value: object) -> bool:
    """True for the label of a total row (``รวม``, ``รวมทั้งสิ้น``, ``รวม 5 โครงการ``)."""
    if not isinstance(value, str) or ("รวม" not in value and "otal" not in value.lower()):
        return False
    return bool(_TOTAL_LABEL.match(label_key(value).replace(".", "")))


_MONTH_WORDS = (
    ("ต.ค.", "ตุลาคม"), ("พ.ย.", "พฤศจิกายน"), ("ธ.ค.", "ธันวาคม"), ("ม.ค.", "มกราคม"),
    ("ก.พ.", "กุมภาพันธ์"), ("มี.ค.", "มีนาคม"), ("เม.ย.", "เมษายน"), ("พ.ค.", "พฤษภาคม"),
    ("มิ.ย.", "มิถุนายน"), ("ก.ค.", "กรกฎาคม"), ("ส.ค.", "สิงหาคม"), ("ก.ย.", "กันยายน"))
_MONTH_INDEX = {word: index for index, words in enumerate(_MONTH_WORDS) for word in words}
# An abbreviation's last dot is often left out (ต.ค 67).
_MONTH = "|".join(re.escape(word) + ("?" if word.endswith(".") else "")
                  for word in sorted(_MONTH_INDEX, key=len, reverse=True))
_YEAR = r"(?:\s*(?:พ\.\s?ศ\.\s?)?(\d{4}|\d{2})(?!\d))?"
_MONTH_SPAN = re.compile(
    rf"(?:(?<=เดือน)|(?<![\u0e01-\u0e4f]))({_MONTH}){_YEAR}"
    rf"(?:\s*(?:-|–|—|―|~|ถึง(?:\s*เดือน)?)\s*({_MONTH}){_YEAR})?")
_WHOLE_YEAR = re.compile(r"ตลอดปี|ทั้งปี|12\s*เดือน|ทุกเดือน")
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])(?!\d)")


def _month_index(word: str) -> int:
    return _MONTH_INDEX.get(word, _MONTH_INDEX.get(word + ".", 0))


def _fiscal_year(month: int, year: str | None) -> int | None:
    """The Buddhist-era fiscal year a month of a written year falls in (ต.ค.–ธ.ค.
    belong to the next one); None without a year."""
    if not year:
        return None
    number = int(year)
    number += 2500 if number < 100 else (543 if number < 2300 else 0)
    return number + (1 if month < 3 else 0)


def month_spans(value: object) -> tuple[tuple[str, int, int, bool], ...]:
    """The month spans a text names: (the words, first, last fiscal-month index
    0–11, whether it runs forward within one fiscal year).

    ``"ต.ค.67-มี.ค.68"`` → (("ต.ค.67-มี.ค.68", 0, 5, True),); ``"มี.ค.-ต.ค."``
    runs backwards (False), as does ``"ก.ย.67-ต.ค.67"`` (its years put ต.ค. 67 in
    the next fiscal year).  ``ตลอดปี``, ``ทั้งปี``, ``12 เดือน`` are all twelve;
    ``ไตรมาส 2`` is ม.ค.–มี.ค.
    """
    text = to_arabic_digits(clean_text(value))
    spans: list[tuple[str, int, int, bool]] = []
    for match in _MONTH_SPAN.finditer(text):
        first = _month_index(match.group(1))
        last = _month_index(match.group(3)) if match.group(3) else first
        years = _fiscal_year(first, match.group(2)), _fiscal_year(last, match.group(4))
        forward = last >= first and (None in years or years[0] == years[1])
        spans.append((match.group(0).strip(), first, last, forward))
    for match in _QUARTER.finditer(text):
        quarter = int(match.group(1))
        spans.append((match.group(0), quarter * 3 - 3, quarter * 3 - 1, True))
    whole = _WHOLE_YEAR.search(text)
    if whole:
        spans.append((whole.group(0), 0, 11, True))
    return tuple(spans)


def months_in_text(value: object) -> tuple[str, tuple[int, ...]]:
    """Months a text names, as (the words found, fiscal-month indexes 0–11).

    ``"ดำเนินการ ม.ค.–มี.ค. 68"`` → (``"ม.ค.–มี.ค. 68"``, (3, 4, 5)); a span
    runs forward through the fiscal year (ต.ค. first).  ``ตลอดปี`` means all
    twelve.  Returns ("", ()) when the text names no month.
    """
    words: list[str] = []
    months: set[int] = set()
    for word, first, last, _ in month_spans(value):
        words.append(word)
        # ก.ย.–ต.ค. cannot run backwards within one fiscal year: the text is only
        # a hint here (its finding asks for the marks), so its months either way.
        months.update(range(min(first, last), max(first, last) + 1))
    return ", ".join(words), tuple(sorted(months))
