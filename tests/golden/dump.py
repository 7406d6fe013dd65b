"""A semantic, reviewable dump of a workbook, for golden-file comparisons.

Compared: values, formulas with their cached values, number formats, fonts,
fills, merges, column widths, row heights, frozen panes, print titles, page
setup and footer.  Ignored (not semantic, or not ours to control): document
properties, zip layout, style ids, theme, default column widths, cell borders
and alignment (borders are one style for every table cell; alignment is
checked by the rendered-PDF tests).  One line per cell keeps diffs readable.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl


def _font(cell) -> str:
    font = cell.font
    return f"{font.name} {font.sz:g}{' b' if font.b else ''}{' i' if font.i else ''}"


def _fill(cell) -> str:
    fill = cell.fill
    if fill is None or fill.fill_type is None:
        return ""
    return f"fill {fill.fgColor.rgb}"


def dump_workbook(path: Path) -> dict:
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    sheets = {}
    for ws in formulas.worksheets:
        values = cached[ws.title]
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                fill = _fill(cell)
                if cell.value is None and not fill:
                    continue
                if cell.data_type == "f":
                    shown = f"{cell.value} -> {values[cell.coordinate].value!r}"
                else:
                    shown = repr(cell.value)
                parts = [cell.coordinate, shown, cell.number_format, _font(cell), fill]
                cells.append(" | ".join(parts).rstrip(" |"))
        setup = ws.page_setup
        margins = ws.page_margins
        sheets[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items())
                       if v.customWidth},
            "heights": {str(k): v.height for k, v in sorted(ws.row_dimensions.items())
                        if v.height is not None},
            "freeze": ws.freeze_panes,
            "print_titles": [ws.print_title_rows, ws.print_title_cols],
            "page": [setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight,
                     ws.sheet_properties.pageSetUpPr.fitToPage
                     if ws.sheet_properties.pageSetUpPr else None,
                     [margins.left, margins.right, margins.top, margins.bottom],
                     ws.print_options.horizontalCentered],
            "footer": ws.oddFooter.center.text,
            "autofilter": ws.auto_filter.ref,
        }
    return {"sheets": [ws.title for ws in formulas.worksheets], "sheet": sheets}
