"""Write ``oplan_xl/write/fontmetrics.py``: the widths and line height of the forms' font.

    python tools/font_metrics.py THSarabun.ttf /usr/share/fonts/truetype/tlwg

Needs fontTools (``pip install fonttools``); the program itself does not: it reads the
small table this script writes, which is committed.  Run it again only when the fonts
or the characters measured change.

Two programs draw our workbooks with two fonts:

- Excel draws TH SarabunPSK (the file's font; installed on government machines).
  A column width unit is the widest digit of the workbook's default font, TH SarabunPSK
  14 pt: 7 pixels at 96 dpi, as with Calibri 11.  Its line height is usWinAscent +
  usWinDescent.
- LibreOffice on Debian draws Laksaman (fonts-thai-tlwg's free TH Sarabun, drawn
  1.5 times larger in its em square), at the same point size: fontconfig's 0.66 scale
  for it is not applied by LibreOffice (measured: 27.6 pt rows for one line of 16 pt).
  Its column unit is the widest digit of Laksaman 14 pt; its line height is the
  OS/2 typo ascender + descender, because Laksaman sets USE_TYPO_METRICS (measured).

Every character's width is stored as the larger of the two, in column units per point
of font size, so one sum says whether a text fits in both programs.  TH SarabunPSK
Bold was not at hand: its widths are TH SarabunPSK's scaled per character as
Laksaman-Bold is to Laksaman (the same design), which is close, and Laksaman-Bold's
own widths are larger anyway.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "oplan_xl" / "write" / "fontmetrics.py"
#: The workbooks' default font size (conventions.DEFAULT_SIZE): its digit is the column unit.
DEFAULT_SIZE = 14
#: Excel's column unit in pixels (96 dpi) for TH SarabunPSK 14 pt, as for Calibri 11.
EXCEL_DIGIT_PX = 7
#: Characters the workbooks hold: ASCII, Latin-1, Thai, general punctuation.
RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x0E01, 0x0E5B), (0x2010, 0x2030))
#: Quanta per column unit per point: every width is rounded up to one.
SCALE = 2000


def advances(path: Path) -> dict[int, int]:
    font = TTFont(str(path))
    metrics = font["hmtx"]
    return {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}


def line_em(path: Path, as_libreoffice: bool) -> float:
    font = TTFont(str(path))
    em = font["head"].unitsPerEm
    os2, hhea = font["OS/2"], font["hhea"]
    if as_libreoffice and os2.fsSelection & (1 << 7):  # USE_TYPO_METRICS
        return (os2.sTypoAscender - os2.sTypoDescender) / em
    if as_libreoffice:
        return (hhea.ascent - hhea.descent) / em
    return (os2.usWinAscent + os2.usWinDescent) / em


def table(sarabun: dict[int, int], laksaman: dict[int, int], laksaman_regular: dict[int, int],
          bold: bool) -> dict[int, int]:
    lo_digit = max(laksaman_regular[ord(d)] for d in "0123456789") * DEFAULT_SIZE
    widths = {}
    for first, last in RANGES:
        for code in range(first, last + 1):
            if code not in laksaman and code not in sarabun:
                continue
            lo = laksaman.get(code, 0) / lo_digit
            excel = sarabun.get(code, 0)
            if bold and laksaman_regular.get(code):
                excel = excel * laksaman.get(code, 0) / laksaman_regular[code]
            excel = excel / 1000 * 96 / 72 / EXCEL_DIGIT_PX
            widths[code] = math.ceil(max(lo, excel) * SCALE)
    return widths


def render(regular: dict[int, int], bold: dict[int, int], line: float, fonts: str) -> str:
    def rows(widths: dict[int, int]) -> str:
        items = sorted(widths.items())
        lines = (" ".join(f"0x{code:04X}: {width}," for code, width in items[i:i + 6])
                 for i in range(0, len(items), 6))
        return "\n".join("    " + line for line in lines)

    return f'''"""Widths and line height of the workbooks' font, written by tools/font_metrics.py.

Do not edit: run the script again (it says why each figure is what it is).
Measured from {fonts}.
"""

#: Quanta per column width unit per point of font size.
SCALE = {SCALE}
#: Line height in ems (points per point of font size), the larger of the two programs.
LINE_EM = {line:.4f}
#: The width of a character not listed: the widest listed.
DEFAULT_REGULAR = {max(regular.values())}
DEFAULT_BOLD = {max(bold.values())}

#: Width of each character in column width units per point of font size, times SCALE.
REGULAR = {{
{rows(regular)}
}}

BOLD = {{
{rows(bold)}
}}
'''


def main(argv: list[str]) -> int:
    sarabun_path, tlwg = Path(argv[0]), Path(argv[1])
    sarabun = advances(sarabun_path)
    laksaman = advances(tlwg / "Laksaman.ttf")
    laksaman_bold = advances(tlwg / "Laksaman-Bold.ttf")
    line = max(line_em(tlwg / "Laksaman.ttf", True), line_em(tlwg / "Laksaman-Bold.ttf", True),
               line_em(sarabun_path, False))
    fonts = (f"{sarabun_path.name} (TH SarabunPSK 2.0), Laksaman.ttf, Laksaman-Bold.ttf "
             "(fonts-thai-tlwg)")
    OUT.write_text(render(table(sarabun, laksaman, laksaman, False),
                          table(sarabun, laksaman_bold, laksaman, True), line, fonts),
                   encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
