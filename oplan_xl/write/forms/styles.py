"""Named cell formats of the official workbooks, defined once per workbook.

Every writer asks for formats by name (``styles["money"]``); a format is never
created inside a loop.  Font and sizes are the conventions of every workbook.
"""

from __future__ import annotations

from oplan_xl.write.conventions import DATA_SIZE, FONT, FONT_SIZE, HEADER_FILL, TITLE_SIZE

MONEY = "#,##0.00"
COUNT = "#,##0"
PERCENT = "0.00"
# With ใช้เลขไทย the numbers stay numbers; the D0 numeral-system prefix makes
# Excel (and LibreOffice, which imports it) draw them with Thai digits.
# Measured: LibreOffice shows Thai digits for [$-D00041E] (Thai numerals, Thai
# locale) but not for [$-D000000] or [$-D07041E].
THAI_DIGITS_PREFIX = "[$-D00041E]"

_BASE = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", "text_wrap": True}
_CELL = {**_BASE, "border": 1}

_FORMATS: dict[str, dict] = {
    "form-code": {**_BASE, "align": "right", "bold": True, "text_wrap": False},
    "title": {**_BASE, "font_size": TITLE_SIZE, "bold": True, "align": "center"},
    "subtitle": {**_BASE, "bold": True, "align": "center"},
    "header": {**_CELL, "bold": True, "align": "center", "valign": "vcenter",
               "bg_color": f"#{HEADER_FILL}"},
    "strategy": {**_CELL, "bold": True, "bg_color": "#F2F2F2"},
    "group": {**_CELL, "bold": True},
    "text": _CELL,
    "center": {**_CELL, "align": "center"},
    "indent": {**_CELL, "indent": 1},
    "count": {**_CELL, "num_format": COUNT, "align": "center"},
    "money": {**_CELL, "num_format": MONEY},
    "percent": {**_CELL, "num_format": PERCENT, "align": "center"},
    "total-label": {**_CELL, "bold": True, "align": "center"},
    "total-count": {**_CELL, "bold": True, "num_format": COUNT, "align": "center"},
    "total-money": {**_CELL, "bold": True, "num_format": MONEY},
    "total-percent": {**_CELL, "bold": True, "num_format": PERCENT, "align": "center"},
    "total-text": {**_CELL, "bold": True},
    "total-projects": {**_CELL, "bold": True, "align": "center",
                       "num_format": '"รวม "#,##0" โครงการ"'},
    "total-items": {**_CELL, "bold": True, "align": "center",
                    "num_format": '"รวม "#,##0" รายการ"'},
    "month": {**_CELL, "align": "center"},
    "month-bar": {**_CELL, "bg_color": "#5B9BD5"},
    # provenance and data sheets: plain, smaller, no wrapping of hashes
    "data-title": {**_BASE, "bold": True, "text_wrap": False},
    "data-header": {**_CELL, "bold": True, "bg_color": f"#{HEADER_FILL}", "font_size": DATA_SIZE},
    "data-text": {**_CELL, "font_size": DATA_SIZE},
    "data-count": {**_CELL, "font_size": DATA_SIZE, "num_format": COUNT},
    "data-money": {**_CELL, "font_size": DATA_SIZE, "num_format": MONEY},
    "data-code": {**_CELL, "font_size": 12, "font_name": "Courier New", "text_wrap": False},
    "screen-note": {**_BASE, "font_size": DATA_SIZE, "text_wrap": False, "font_color": "#595959"},
    "note": {**_BASE, "italic": True, "font_size": DATA_SIZE},
}


class Styles:
    """The workbook's formats by name; Thai digits applied to number formats.

    ``text_of[name]`` says how the format draws text, for the row heights:
    ``(font size, bold, wrapped, indent)``.
    """

    def __init__(self, workbook, thai_digits: bool = False) -> None:
        self._formats = {}
        self.text_of = {name: (spec.get("font_size", FONT_SIZE), spec.get("bold", False),
                               spec.get("text_wrap", False), spec.get("indent", 0))
                        for name, spec in _FORMATS.items()}
        for name, spec in _FORMATS.items():
            spec = dict(spec)
            if thai_digits and "num_format" in spec:
                spec["num_format"] = THAI_DIGITS_PREFIX + spec["num_format"]
            self._formats[name] = workbook.add_format(spec)

    def __getitem__(self, name: str):
        return self._formats[name]
