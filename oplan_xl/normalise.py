"""Turning raw cell values into clean text, exact money and month marks.

Pure functions, no I/O: the reader calls them, the checks report what they
cannot make sense of.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .model import to_arabic_digits

# Zero-width characters pasted in from web pages and Word.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def is_blank(value: object) -> bool:
    """True for an empty cell: None, NaN, or text that is only spaces."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return clean_text(value) == ""
    return False


def clean_text(value: object) -> str:
    """Return cell text as one clean line of NFC Thai.

    Joins the decomposed sara am (nikhahit + sara aa) into ``ำ``, drops
    zero-width characters, turns every kind of space and line break into one
    space, and strips the ends.  Idempotent.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    return _SPACES.sub(" ", text).strip()


def label_key(value: object) -> str:
    """A comparison key for header labels and list names.

    Ignores spaces, line breaks, the unit ``(บาท)``, punctuation around
    words, and Thai versus Arabic digits, so ``งบประมาณ\\n(บาท)`` and
    ``งบประมาณ`` compare equal.
    """
    text = re.sub(r"[\s()\[\]:*]", "", to_arabic_digits(clean_text(value)).lower())
    return text.replace("บาท", "")


class NotANumber(ValueError):
    """The cell holds something that is not an amount of money."""


_AMOUNT_TEXT = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_amount(value: object) -> Decimal:
    """Parse a budget cell into an exact Decimal amount of baht.

    Accepts numbers and text such as ``1,500,000``, ``1,500,000.-``,
    ``๑,๕๐๐,๐๐๐`` and ``150000 บาท``.  Raises NotANumber otherwise.
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
    text = text.replace("บาท", "").replace(",", "").replace(" ", "")
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
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (isinstance(value, float) and math.isnan(value)) and value != 0
    return to_arabic_digits(clean_text(value)).lower() not in _NO_MARK


_LEADING_NUMBER = re.compile(r"^(?:ยุทธศาสตร์(?:ที่)?|ประเด็นการพัฒนา(?:ที่)?)?\s*(\d+)\s*[.)]?\s*(.*)$")


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
    return int(text) if re.fullmatch(r"\d+", text) else None
