"""Turning raw cell values into clean text, exact money and month marks.

Pure functions, no I/O: the reader calls them, the checks report what they
cannot make sense of.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from oplan_xl.core.model import to_arabic_digits

# Zero-width and direction characters pasted in from web pages and Word.  A
# regex, not str.translate: translate is slow on Thai text (2.7 µs a cell).
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Sara am typed as nikhahit + sara aa, with a tone mark before, between or
# after (น + ่ + ํ + า, น + ํ + ่ + า, น + ำ + ่): all become น่ำ.
_NIKHAHIT_TONE_AA = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")
_AM_BEFORE_TONE = re.compile("\u0e33([\u0e48-\u0e4b])")


def is_blank(value: object) -> bool:
    """True for an empty cell: None, NaN, or text that is only spaces."""
    if value.__class__ is str:
        # The common cell starts with a visible character: decided by that one.
        if value and not value[0].isspace() and value[0] not in _INVISIBLE_CHARS:
            return False
        # str.strip() knows every Unicode space, no-break ones included.
        return not _INVISIBLE.sub("", value).strip()
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not _INVISIBLE.sub("", value).strip()
    return False


def clean_text(value: object) -> str:
    """Return cell text as one clean line of NFC Thai.

    Joins the decomposed sara am (nikhahit + sara aa) into ``ำ`` and puts a
    tone mark typed after ``ำ`` before it, drops zero-width characters, turns
    every kind of space and line break into one space, and strips the ends.
    Idempotent.
    """
    if value.__class__ is str:
        return _clean_str(value)
    if isinstance(value, str):
        return _clean_str(str(value))
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _clean_str(str(value))


def _clean(text: str) -> str:
    # Printable text (one C pass) holds no invisible character and no space
    # but " ": the common cell skips the regex and, if single-spaced, the split.
    plain = text.isprintable()
    # Invisible characters go first: one between two marks hides their order
    # from NFC (่ + ZWSP + ุ must end as ุ่, like ุ่ does).
    if not plain:
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # The checks before each substitution keep the common cell cheap.
    if "\u0e4d" in text:
        text = _NIKHAHIT_TONE_AA.sub("\\1\u0e33", text).replace("\u0e4d\u0e32", "\u0e33")
    while "\u0e33" in text and _AM_BEFORE_TONE.search(text):  # ำำ่ needs two passes
        text = _AM_BEFORE_TONE.sub("\\1\u0e33", text)
    if plain and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # (NFC and the sara am fixes make no space)
    # str.split() splits on every Unicode space (no-break, figure, thin …).
    return " ".join(text.split())


#: ``clean_text`` of a str, cached: strategies, programmes, places and marks
#: recur on every row.  (Called directly where every cell counts.)
clean_str = _clean_str = lru_cache(maxsize=65536)(_clean)


def label_key(value: object) -> str:
    """A comparison key for header labels and list names.

    Ignores spaces, line breaks, the unit ``(บาท)``, punctuation around
    words, and Thai versus Arabic digits, so ``งบประมาณ\\n(บาท)`` and
    ``งบประมาณ`` compare equal.
    """
    if isinstance(value, str):
        return _label_key_str(value)
    return _label_key_str(clean_text(value))


_LABEL_NOISE = re.compile(r"[()\[\]:*]")
# Either of the rarer things a label key changes: one search rules both out.
_NOISE_OR_THAI_DIGIT = re.compile(r"[()\[\]:*๐-๙]")


@lru_cache(maxsize=16384)
def _label_key_str(value: str) -> str:
    # Spaces go before clean_text, so a ํ and an า they separated still join.
    # (Clean text has no space but " ": a replace, not a regex, takes them out.)
    # Not through clean_text's cache: a label key is cached itself, and the
    # cleaning of each of 50,000 different project names would push the
    # cells' own cleaned text out of it.
    text = _clean(value).replace(" ", "")
    if _NOISE_OR_THAI_DIGIT.search(text):
        text = to_arabic_digits(_clean(_LABEL_NOISE.sub("", text)))
    else:  # (cleaning makes no Thai digit)
        text = _clean(text)
    text = text.lower()
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
    Floats go through their shortest repr, so 1234.56 stays 1234.56.
    """
    if isinstance(value, bool):
        raise NotANumber(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotANumber(value)
        return Decimal(repr(value))
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


# Texts that people put in a month cell to mean "not this month".
_NO_MARK = {"", "0", "-", "–", "—", "ไม่", "no", "n"}


def is_month_mark(value: object) -> bool:
    """True when a month cell says the work runs that month.

    Any visible mark counts (✓ ✔ / x X * 1 ● …); blanks, zero and dashes do not.
    """
    if value.__class__ is str:  # the common cell, and "" the most common of all
        return value != "" and _is_mark_text(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (isinstance(value, float) and math.isnan(value)) and value != 0
    if isinstance(value, str):
        return value != "" and _is_mark_text(value)
    return to_arabic_digits(clean_text(value)).lower() not in _NO_MARK


def month_marks(values: tuple) -> tuple[bool, ...]:
    """``is_month_mark`` of each value; cached, since a sheet repeats a few patterns
    of marks over and over."""
    try:
        return _month_marks(values)
    except TypeError:  # an unhashable value: no cache
        return tuple(is_month_mark(value) for value in values)


@lru_cache(maxsize=4096)
def _month_marks(values: tuple) -> tuple[bool, ...]:
    # 1 == 1.0 == True and 0 == 0.0 == False share a cache entry; each group
    # gives the same answer, so that is harmless.
    return tuple(is_month_mark(value) for value in values)


@lru_cache(maxsize=1024)
def _is_mark_text(text: str) -> bool:
    # Cached: a sheet holds the same few marks over and over.
    return to_arabic_digits(clean_text(text)).lower() not in _NO_MARK


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


# Text in Latin and Thai only, whose marks (category Mn) are exactly these: the
# common case, counted with two regex calls instead of a lookup per character.
_LATIN_AND_THAI = re.compile("[\x00-\u02ff\u0e00-\u0e7f]*")
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def visible_length(text: str) -> int:
    """Characters that take width on paper: Thai vowel and tone marks above
    and below the line take none (nor any other combining mark)."""
    if _LATIN_AND_THAI.fullmatch(text):
        return len(text) - len(_THAI_MARKS.findall(text))
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
_MONTH = "|".join(re.escape(word) for word in sorted(_MONTH_INDEX, key=len, reverse=True))
_MONTH_SPAN = re.compile(
    rf"(?:(?<=เดือน)|(?<![\u0e01-\u0e4f]))({_MONTH})(?:\s*\d{{2,4}})?"
    rf"(?:\s*(?:-|–|—|ถึง|ถึงเดือน)\s*({_MONTH})(?:\s*\d{{2,4}})?)?")
_WHOLE_YEAR = re.compile(r"ตลอดปี|ทั้งปี|12\s*เดือน")


def months_in_text(value: object) -> tuple[str, tuple[int, ...]]:
    """Months a text names, as (the words found, fiscal-month indexes 0–11).

    ``"ดำเนินการ ม.ค.–มี.ค. 68"`` → (``"ม.ค.–มี.ค. 68"``, (3, 4, 5)); a span
    runs forward through the fiscal year (ต.ค. first).  ``ตลอดปี`` means all
    twelve.  Returns ("", ()) when the text names no month.
    """
    text = to_arabic_digits(clean_text(value))
    words: list[str] = []
    months: set[int] = set()
    for match in _MONTH_SPAN.finditer(text):
        words.append(match.group(0).strip())
        first = _MONTH_INDEX[match.group(1)]
        last = _MONTH_INDEX[match.group(2)] if match.group(2) else first
        if last < first:  # ก.ย.–ต.ค. cannot run backwards within one fiscal year
            first, last = last, first
        months.update(range(first, last + 1))
    whole = _WHOLE_YEAR.search(text)
    if whole:
        words.append(whole.group(0))
        months.update(range(12))
    return ", ".join(words), tuple(sorted(months))
