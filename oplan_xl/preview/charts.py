"""Inline SVG charts for the preview, as pure functions returning SVG text.

The caller passes every label and value text already formatted (baht, Thai
digits); these functions only lay them out.  All text is escaped here, so a
strategy named ``<script>`` stays text.  Charts must read in black-and-white
print: every bar carries its label and its value in words and numbers, and
colour never carries meaning on its own.

Coordinates are in a fixed ``viewBox``; the SVG scales to the width of the
page, so nothing depends on the screen.  Text widths are estimated (Thai
marks above and below the line take no width), generously, so labels wrap
instead of running off the edge.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

WIDTH = 1000
FONT_SIZE = 16
LINE = 22
# Average advance of a Thai/Latin character in em; Garuda, the widest of the
# fallback fonts, averages about 0.55 em, TH Sarabun about 0.45 em.
CHAR_EM = 0.58

#: The smallest a share chart's legend line is set to fit on one line.
MIN_LEGEND_SIZE = 13

BAR_FILL = "#2f6fad"
BAR_FILL_ALT = "#9dc3e6"
TEXT_FILL = "#1a1a1a"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its size (any non-negative number) and its value text."""

    label: str
    value: int
    text: str
    #: Short mark for the share chart (the strategy number); defaults to 1, 2, …
    mark: str = ""


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated width of *text* in viewBox units at font *size*."""
    visible = sum(1 for ch in text if unicodedata.category(ch) != "Mn")
    return visible * size * CHAR_EM


def wrap(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """Split *text* into lines no wider than *width*, at spaces where possible."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        # A word wider than the line (Thai is written without spaces): cut it
        # between characters, never between a consonant and its marks.
        current = ""
        for ch in word:
            if current and unicodedata.category(ch) != "Mn" and \
                    text_width(current + ch, size) > width:
                lines.append(current)
                current = ""
            current += ch
    if current or not lines:
        lines.append(current)
    return lines


def _svg(height: float, title: str, body: list[str], width: float = WIDTH) -> str:
    label = escape(title, quote=True)
    # No xmlns: inline SVG in HTML does not need it, and the file then holds
    # no URL at all.
    return (f'<svg class="chart" role="img" '
            f'aria-label="{label}" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="100%" preserveAspectRatio="xMinYMin meet">'
            f"<title>{label}</title>" + "".join(body) + "</svg>")


def _n(value: float) -> str:
    """A coordinate with at most one decimal, stable across platforms."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, text: str, anchor: str = "start", weight: str = "",
          size: float = FONT_SIZE) -> str:
    bold = ' font-weight="bold"' if weight else ""
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
            f'fill="{TEXT_FILL}"{bold}>{escape(text)}</text>')


def bar_chart(title: str, bars: list[Bar], width: float = WIDTH) -> str:
    """Horizontal bars, one per item: the label above, the value text after the bar.
    *width*: of the viewBox; a narrower chart keeps its text larger beside another."""
    value_width = max((text_width(bar.text) for bar in bars), default=0) + 12
    bar_space = max(width * 0.4, width - value_width)
    largest = max((bar.value for bar in bars), default=0)
    body, y, thickness = [], 4.0, 20
    for bar in bars:
        for line in wrap(bar.label, width):
            y += LINE
            body.append(_text(0, y, line))
        y += 5
        length = bar_space * bar.value / largest if largest else 0
        if length:
            body.append(f'<rect x="0" y="{_n(y)}" width="{_n(max(length, 2))}" '
                        f'height="{thickness}" fill="{BAR_FILL}"/>')
        body.append(_text(length + 8, y + thickness - 4, bar.text, weight="bold"))
        y += thickness + 8
    return _svg(y, title, body, width)


def share_chart(title: str, bars: list[Bar], width: float = WIDTH) -> str:
    """One bar split into each item's share, numbered, with a legend below
    (*width* as ``bar_chart`` takes it).

    Segments alternate two tones and are separated by white gaps; their
    numbers (1, 2, …) match the legend, which repeats each value text.
    """
    total = sum(bar.value for bar in bars)
    body, top, height = [], 10.0, 44.0
    x = 0.0
    label_row = 0
    for number, bar in enumerate(bars, 1):
        if not bar.value or not total:
            continue
        segment = width * bar.value / total
        fill = BAR_FILL if number % 2 else BAR_FILL_ALT
        text_fill = "#ffffff" if number % 2 else TEXT_FILL
        body.append(f'<rect x="{_n(x)}" y="{_n(top + LINE)}" width="{_n(segment)}" '
                    f'height="{_n(height)}" fill="{fill}" stroke="#ffffff" stroke-width="2"/>')
        mark = bar.mark or str(number)
        if text_width(mark) + 8 <= segment:
            body.append(f'<text x="{_n(x + segment / 2)}" y="{_n(top + LINE + height / 2 + 6)}" '
                        f'font-size="{FONT_SIZE}" text-anchor="middle" fill="{text_fill}" '
                        f'font-weight="bold">{escape(mark)}</text>')
        else:
            # Too narrow for its number: put it above the bar, alternating
            # between two heights so neighbouring numbers do not overlap.
            body.append(_text(x + segment / 2, top + 14 - 10 * label_row, mark, "middle",
                              size=13))
            label_row = 1 - label_row
        x += segment
    y = top + LINE + height + 8
    for number, bar in enumerate(bars, 1):
        label = f"{bar.mark or number}. {bar.label}"
        # A label a little too long for its line is set a little smaller rather
        # than wrapped: Thai has no spaces to wrap at, and wrap() would cut a word.
        size = max(MIN_LEGEND_SIZE, min(FONT_SIZE, FONT_SIZE * width * 0.7
                                        / max(text_width(label), 1)))
        lines = wrap(label, width * 0.7, size)
        for index, line in enumerate(lines):
            y += LINE + 3
            body.append(_text(0, y, line, size=size))
            if index == 0:
                body.append(_text(width, y, bar.text, "end", weight="bold"))
    return _svg(y + 10, title, body, width)


def month_chart(title: str, months: list[str], values: list[int], texts: list[str],
                years: tuple[str, str], split: int) -> str:
    """Vertical bars, one per month, with the value text above each bar.

    *years* label the months before and from *split* (the calendar year
    changes between ธ.ค. and ม.ค.); a line marks the change.
    """
    count = len(months)
    column = WIDTH / count
    plot_top, plot_height = 30.0, 200.0
    base = plot_top + plot_height
    largest = max(values, default=0)
    body = [f'<line x1="0" y1="{_n(base)}" x2="{WIDTH}" y2="{_n(base)}" '
            f'stroke="{TEXT_FILL}" stroke-width="1"/>']
    for index, (month, value, text) in enumerate(zip(months, values, texts, strict=True)):
        centre = column * index + column / 2
        height = plot_height * value / largest if largest else 0
        if height:
            body.append(f'<rect x="{_n(centre - column * 0.3)}" y="{_n(base - height)}" '
                        f'width="{_n(column * 0.6)}" height="{_n(height)}" fill="{BAR_FILL}"/>')
        body.append(_text(centre, base - height - 6, text, "middle", weight="bold"))
        body.append(_text(centre, base + LINE, month, "middle"))
    divider = column * split
    body.append(f'<line x1="{_n(divider)}" y1="{_n(plot_top)}" x2="{_n(divider)}" '
                f'y2="{_n(base + LINE * 2 + 6)}" stroke="{TEXT_FILL}" '
                f'stroke-dasharray="4 4" stroke-width="1"/>')
    body.append(_text(divider / 2, base + LINE * 2 + 4, years[0], "middle", weight="bold"))
    body.append(_text((divider + WIDTH) / 2, base + LINE * 2 + 4, years[1], "middle",
                      weight="bold"))
    return _svg(base + LINE * 2 + 14, title, body)
