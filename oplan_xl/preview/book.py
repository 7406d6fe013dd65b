"""preview.html: the whole plan book in one self-contained HTML file (SPEC §5).

Cover, contents, Part 1 (the organisation's text or the edition's built-in
text), Part 2 (ผด.01 with charts, ผด.02 with month bars, ผด.02/1), the
findings, and the build's input files with their SHA-256.  Inline CSS and
inline SVG only — no script, no font or image from the network — so the file
opens on an offline office PC, can be emailed, and prints to A4 landscape.

Every figure comes from the finished :class:`~oplan_xl.plan.grouping.Plan` (its
``summary()``, ``grand_total()`` and groups); nothing is re-totalled here.
This module prepares display text (baht formatting, Thai digits) in Python,
and the jinja2 templates in ``templates/`` only place it, with
autoescape on, so text from submissions can never become markup.

Thai digits (ใช้เลขไทย) apply to the plan book itself.  The findings and the
input-file table keep Arabic digits: they name files, cells and SHA-256
hashes that must match the files and ``oplan check --json`` character for
character.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from oplan_xl import __version__
from oplan_xl.core.findings import Report
from oplan_xl.core.model import (
    MONTHS,
    MONTHS_IN_PREVIOUS_YEAR,
    format_baht,
    month_runs,
    to_thai_digits,
    year_labels,
)
from oplan_xl.core.settings_layout import SETTINGS_FILE, SETTINGS_FILE_ROLE
from oplan_xl.plan import part1
from oplan_xl.plan.grouping import Plan, SummaryLine
from oplan_xl.plan.labels import (
    PD01_CODE,
    PD01_TITLE,
    PD02_1_CODE,
    PD02_1_COLUMNS,
    PD02_1_TITLE,
    PD02_CODE,
    PD02_COLUMNS,
    draft_mark,
    pd01_columns,
    pd02_title,
)
from oplan_xl.preview import changelog, charts
from oplan_xl.write.atomic import Writer, write_atomically
from oplan_xl.write.findings import SEVERITY_TH
from oplan_xl.write.forms import pd01, pd02, pd02_1

if TYPE_CHECKING:
    from oplan_xl.plan.editions import EditionOutcome

TEMPLATES = "templates"
TEMPLATE = "book.html.j2"

#: The printed page's width inside its margins (A4 landscape, 10 mm each side, as
#: book.css's @page), in points.
PRINT_WIDTH_PT = 277 / 25.4 * 72
#: The workbooks' text size, in points (conventions.FONT_SIZE), and their month
#: columns' width (``common.Sheet.month_header``), in characters.
FORM_FONT_PT = 16
MONTH_WIDTH = 4.5
#: The preview's printed tables never get larger than this, in points.
MAX_PRINT_PT = 14

#: ผด.01's two charts stand side by side, each half the page wide: drawn that much
#: narrower than a chart of the page's width, their text prints as large.
PAIRED_CHART_WIDTH = 700

PART1_TITLE = "ส่วนที่ 1 บทนำ"
PART2_TITLE = "ส่วนที่ 2 บัญชีโครงการ/กิจกรรม/งบประมาณ"


def render_preview(plan: Plan, report: Report,
                   editions: Sequence[EditionOutcome] = ()) -> str:
    """Return preview.html for *plan* as text; the same inputs give the same text.

    *editions*: the editions applied to make *plan* (the current plan), in order;
    the book then lists them after its cover and ends Part 2 with their change log."""
    return _template().render(book=Book(plan, report, editions))


@functools.cache
def _template():
    """The compiled book template (jinja2 is imported here, not at start-up)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("oplan_xl.preview", TEMPLATES), autoescape=True,
                              undefined=StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)
    return environment.get_template(TEMPLATE)


def write_preview(plan: Plan, report: Report, path: Path) -> Path:
    """Write preview.html for *plan* at *path* (UTF-8, atomically); return *path*."""
    return write_atomically(path, preview_writer(plan, report))


def preview_writer(plan: Plan, report: Report,
                   editions: Sequence[EditionOutcome] = ()) -> Writer:
    """What writes preview.html for *plan* at a path (see ``atomic.write_all``);
    *editions* as for render_preview.

    The page is streamed to the file as the template produces it, so a large
    book is never held whole in memory; the bytes are those of render_preview.
    """
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.writelines(_template().generate(book=Book(plan, report, editions)))

    return write


@dataclass(frozen=True)
class Columns:
    """A form's columns as the workbook lays them out, for the preview's table:
    each column's share of the width, and the size its text prints at when the
    table fills the page's width as the workbook does (fit to one page wide).
    book.css prints the whole book at 87 % (its print ``zoom``), this size too."""

    widths: tuple[str, ...]
    print_size: str


def form_columns(widths: tuple[float, ...]) -> Columns:
    """*widths* in Excel's characters (of the default font: 7 px each plus 5 px of
    padding, at 96 px to the inch) as shares of the table, and the workbook's
    16 pt text scaled as printing it one page wide scales it."""
    pixels = [int(width * 7 + 0.5) + 5 for width in widths]
    total = sum(pixels)
    scale = PRINT_WIDTH_PT / (total * 0.75)
    return Columns(tuple(f"{100 * px / total:.2f}%" for px in pixels),
                   f"{min(MAX_PRINT_PT, FORM_FONT_PT * scale):.1f}pt")


@dataclass(frozen=True)
class MonthCell:
    """One cell of a row's month columns: a run of months the row runs
    (*label* names them, spanning *span* columns) or a month it does not (no label)."""

    span: int = 1
    label: str = ""


@functools.lru_cache(maxsize=4096)
def month_cells(months: tuple[bool, ...]) -> tuple[MonthCell, ...]:
    """The 12 month columns of a row as cells: one spanning cell per run of months,
    like the merged bars of the workbooks, and an empty cell for every other month.

    Cached per pattern of months: a plan has a few hundred patterns at most, and
    rows that share one share its cells instead of each holding a dozen objects.
    """
    ends = dict(month_runs(months))
    cells, index = [], 0
    while index < len(MONTHS):
        end = ends.get(index)
        if end is None:
            cells.append(MonthCell())
            index += 1
        else:
            label = MONTHS[index] if end == index else f"{MONTHS[index]}–{MONTHS[end]}"
            cells.append(MonthCell(end - index + 1, label))
            index = end + 1
    return tuple(cells)


class Book:
    """Everything the template shows, as display-ready text.

    The template reads attributes only; it never computes.  Strings here are
    plain text (autoescaped on output) except the charts, which are SVG
    built by :mod:`oplan_xl.preview.charts` with their own escaping.
    """

    def __init__(self, plan: Plan, report: Report,
                 editions: Sequence[EditionOutcome] = ()) -> None:
        from markupsafe import Markup

        self._markup = Markup
        settings = plan.settings
        self.settings = settings
        self.thai = settings.use_thai_digits
        t = self.t
        self.version = __version__
        self.org = t(settings.org_name)
        self.cover_year = t(" ".join(part for part in (
            f"ประจำปีงบประมาณ พ.ศ. {settings.fiscal_year}", settings.plan_edition) if part))
        self.year_line = t(settings.plan_year_title)
        self.place = t(" ".join(part for part in (
            f"อำเภอ{settings.district}" if settings.district else "",
            f"จังหวัด{settings.province}" if settings.province else "") if part))
        self.org_place = t(" ".join(p for p in (settings.org_name, self.place) if p))
        self.responsible_unit = t(settings.responsible_unit)
        self.edition = settings.edition
        self.title = t(f"{settings.plan_year_title} {settings.org_name}")
        self.part1_title = t(PART1_TITLE)
        self.part2_title = t(PART2_TITLE)
        self.with_equipment_form = not settings.by_approach
        self.errors = len(report.errors)
        self.warnings = len(report.warnings)
        # A plan with errors was built with --force: a draft on every page.
        self.draft_mark = draft_mark(self.errors, self.thai) if self.errors else ""
        self.part1 = self._part1(plan)
        self.pd01 = self._pd01(plan)
        self.pd02 = self._pd02(plan)
        self.pd02_1 = self._pd02_1(plan) if self.with_equipment_form else None
        # The current plan (as of its last edition): its editions and change log.
        self.editions = changelog.editions_section(editions, t, self.baht) \
            if editions else None
        self.findings = [self._finding(f.to_dict("th")) for f in report.findings]
        self.sources = self._sources(report)
        self.sources["settings"] = {
            "file": SETTINGS_FILE, "role": SETTINGS_FILE_ROLE,
            "sha256": plan.settings.source_sha256} if plan.settings.source_sha256 else None
        self.contents = self._contents()

    # --- helpers -------------------------------------------------------

    def t(self, text: str) -> str:
        """Text for the book: Thai digits when the settings ask for them."""
        return to_thai_digits(text) if self.thai else text

    def count(self, value: int) -> str:
        return self.t(f"{value:,}")

    def baht(self, satang: int) -> str:
        return format_baht(satang, self.thai)

    def percent(self, value: Decimal) -> str:
        return self.t(f"{value:.2f}")

    def _month_header(self) -> dict:
        years = year_labels(self.settings.fiscal_year, self.thai)
        return {"years": years, "split": MONTHS_IN_PREVIOUS_YEAR,
                "rest": len(MONTHS) - MONTHS_IN_PREVIOUS_YEAR, "months": MONTHS}

    # --- sections ------------------------------------------------------

    def _part1(self, plan: Plan) -> list[dict]:
        figures = part1.Figures(plan.count, plan.satang, plan.equipment_count,
                                plan.equipment_satang)
        result = []
        for number, section in enumerate(part1.sections(plan.settings, figures), 1):
            result.append({
                "id": f"part1-{number}",
                "heading": self.t(f"{number}. {section.topic}"),
                "own": section.own,
                "blocks": [{"kind": block.kind, "texts": [self.t(i) for i in block.items]}
                           for block in section.blocks],
            })
        return result

    def _line(self, line: SummaryLine) -> dict:
        return {"kind": line.kind, "label": self.t(line.label), "count": self.count(line.count),
                "count_percent": self.percent(line.count_percent),
                "baht": self.baht(line.satang), "baht_percent": self.percent(line.satang_percent),
                "units": self.t(", ".join(line.units))}

    def _pd01(self, plan: Plan) -> dict:
        settings = plan.settings
        rows, budget_bars, share_bars = [], [], []
        for block, lines, total in plan.summary():
            rows.append({"kind": "strategy", "label": self.t(block.strategy.title)})
            rows += [self._line(line) for line in lines]
            rows.append(self._line(total))
            budget_bars.append(charts.Bar(
                self.t(block.strategy.title), total.satang,
                f"{self.baht(total.satang)} บาท ({self.percent(total.satang_percent)}%)"))
            share_bars.append(charts.Bar(
                self.t(block.strategy.name), total.count,
                self.t(f"{total.count:,} โครงการ ({total.count_percent:.2f}%)"),
                mark=self.t(str(block.strategy.number))))
        rows.append(self._line(plan.grand_total()))
        Markup = self._markup
        budget_title = self.t(f"งบประมาณตาม{settings.group_label} (บาท และร้อยละของงบประมาณทั้งหมด)")
        share_title = self.t(f"สัดส่วนจำนวนโครงการตาม{settings.group_label}")
        return {
            "code": self.t(PD01_CODE), "title": self.t(PD01_TITLE),
            "columns": [self.t(c) for c in pd01_columns(settings)],
            "layout": form_columns(pd01.WIDTHS),
            "rows": rows,
            "charts": [] if not plan.count else [
                {"title": budget_title, "svg": Markup(charts.bar_chart(
                    budget_title, budget_bars, PAIRED_CHART_WIDTH))},
                {"title": share_title, "svg": Markup(charts.share_chart(
                    share_title, share_bars, PAIRED_CHART_WIDTH))},
            ],
        }

    def _pd02(self, plan: Plan) -> dict:
        settings = plan.settings
        strategies = []
        for block in plan.strategies:
            if not block.groups:
                continue
            groups = []
            for number, group in enumerate(block.groups, 1):
                groups.append({
                    "title": self.t(plan.group_title(block, number, group.group)),
                    "rows": [self._project(index, row) for index, row in enumerate(group.rows, 1)],
                    "total": self.t(f"รวม {group.count:,} โครงการ"),
                    "total_baht": self.baht(group.satang),
                })
            strategies.append({"id": f"pd02-s{block.strategy.number}",
                               "title": self.t(block.strategy.title), "groups": groups})
        projects = plan.projects()
        # Projects running in each month: one pass over the rows, a sum per month.
        values = [sum(month) for month in zip(*(row.months for row in projects),
                                                 strict=True)] \
            if projects else [0] * len(MONTHS)
        chart_title = self.t("จำนวนโครงการที่ดำเนินการในแต่ละเดือน")
        chart = charts.month_chart(chart_title, list(MONTHS), values,
                                   [self.count(v) for v in values],
                                   year_labels(settings.fiscal_year, self.thai),
                                   MONTHS_IN_PREVIOUS_YEAR)
        return {"code": self.t(PD02_CODE),
                "title": self.t(pd02_title(settings)),
                "columns": [self.t(c) for c in PD02_COLUMNS], "head": self._month_header(),
                "layout": form_columns((*pd02.WIDTHS, *[MONTH_WIDTH] * len(MONTHS))),
                "strategies": strategies,
                "chart": {"title": chart_title, "svg": self._markup(chart)} if projects
                else None}

    def _project(self, index: int, row) -> dict:
        """A row of ผด.02."""
        t = self.t
        return {"number": self.count(index), "name": t(row.name), "activity": t(row.activity),
                "baht": self.baht(row.budget_satang), "place": t(row.place),
                "responsible": t(row.responsible), "months": month_cells(row.months)}

    def _item(self, index: int, item) -> dict:
        """A row of ผด.02/1."""
        t = self.t
        return {"number": self.count(index), "programme": t(item.programme.name),
                "category": t(item.category), "type": t(item.equipment_type.name),
                "target": t(item.target), "baht": self.baht(item.budget_satang),
                "place": t(item.place), "responsible": t(item.responsible),
                "months": month_cells(item.months)}

    def _pd02_1(self, plan: Plan) -> dict:
        types = []
        for number, block in enumerate(plan.equipment, 1):
            groups = [{
                "title": self.t(group.programme.name),
                "rows": [self._item(index, item) for index, item in enumerate(group.rows, 1)],
                "total": self.t(f"รวม {len(group.rows):,} รายการ"),
                "total_baht": self.baht(group.satang),
            } for group in block.groups]
            types.append({"title": self.t(f"{number}. {block.equipment_type.name}"),
                          "groups": groups})
        return {"code": self.t(PD02_1_CODE), "title": self.t(PD02_1_TITLE),
                "columns": [self.t(c) for c in PD02_1_COLUMNS], "head": self._month_header(),
                "layout": form_columns((*pd02_1.WIDTHS, *[MONTH_WIDTH] * len(MONTHS))),
                "types": types}

    @staticmethod
    def _finding(data: dict) -> dict:
        return {**data, "severity_th": SEVERITY_TH.get(data["severity"], data["severity"]),
                "row": "" if data["row"] is None else str(data["row"])}

    @staticmethod
    def _sources(report: Report) -> dict:
        def money(satang: int) -> str:
            return format_baht(satang)

        total = report.total()
        return {
            "files": [{"file": f.file, "department": f.department, "sha256": f.sha256,
                       "size": f"{f.size:,}", "rows": f"{f.rows_read:,}",
                       "planned": f"{f.rows_planned:,}", "rejected": f"{f.rows_rejected:,}",
                       "baht": money(f.satang_read)} for f in report.files],
            "rows": f"{total.rows_read:,}", "planned": f"{total.rows_planned:,}",
            "rejected": f"{total.rows_rejected:,}", "baht": money(total.satang_read),
            "baht_planned": money(total.satang_planned),
            "baht_rejected": money(total.satang_rejected),
        }

    def _contents(self) -> list[dict]:
        """The table of contents (and the side navigation): id, label, children."""
        t = self.t
        part2 = [{"id": "pd01", "label": t(f"{PD01_CODE} {PD01_TITLE}"), "children": []},
                 {"id": "pd02", "label": f"{self.pd02['code']} {self.pd02['title']}",
                  "children": [{"id": s["id"], "label": s["title"], "children": []}
                               for s in self.pd02["strategies"]]}]
        if self.pd02_1 is not None:
            part2.append({"id": "pd02-1", "label": t(f"{PD02_1_CODE} {PD02_1_TITLE}"),
                          "children": []})
        entries = [] if self.editions is None else [
            {"id": "editions", "label": t(changelog.EDITIONS_TITLE), "children": []}]
        entries += [
            {"id": "part1", "label": self.part1_title, "children": [
                {"id": s["id"], "label": s["heading"], "children": []} for s in self.part1]},
            {"id": "part2", "label": self.part2_title, "children": part2},
        ]
        if self.editions is not None:
            entries.append({"id": "changelog", "label": t(changelog.CHANGELOG_TITLE),
                            "children": []})
        if self.findings:
            entries.append({"id": "findings", "label": "ผลการตรวจสอบข้อมูล (สำหรับผู้จัดทำแผน)",
                            "children": []})
        entries.append({"id": "sources", "label": "ที่มาของข้อมูล", "children": []})
        return entries
