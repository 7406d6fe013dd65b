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
import re
from decimal import Decimal
from itertools import islice
from pathlib import Path

from oplan_xl import __version__
from oplan_xl.core.findings import ERROR, Report
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
from oplan_xl.preview import charts
from oplan_xl.write.atomic import Writer, write_atomically

TEMPLATES = "templates"
TEMPLATE = "book.html.j2"

# Form titles and column labels, as the form writers print them (a test keeps
# them in step with oplan_xl/write/forms; this module never imports a writer).
PD01_CODE, PD02_CODE, PD02_1_CODE = "แบบ ผด.01", "แบบ ผด.02", "แบบ ผด.02/1"
PD01_TITLE = "บัญชีสรุปจำนวนโครงการและงบประมาณ"
PD02_TITLE = "บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ"
PD02_TITLE_2548 = "บัญชีโครงการ/กิจกรรม/งบประมาณ"
PD02_1_TITLE = "บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น"
PD01_COLUMNS = ("จำนวนโครงการที่ดำเนินการ", "คิดเป็นร้อยละของโครงการทั้งหมด", "จำนวนงบประมาณ",
                "คิดเป็นร้อยละของงบประมาณทั้งหมด", "หน่วยดำเนินการ")
PD02_COLUMNS = ("ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)",
                "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก")
PD02_1_COLUMNS = ("ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย (ผลผลิตของครุภัณฑ์)",
                  "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก")
# What markupsafe's escape changes (to &amp; &lt; &gt; &#39; &#34;).
_TO_ESCAPE = re.compile("[&<>'\"]")

# The cells of a row of ผด.02 and of ผด.02/1 before its month cells; "{}" is escaped
# text (Book._cells).
PD02_ROW = ('<td class="center">{}</td><td class="text">{}</td><td class="text">{}</td>'
            '<td class="money">{}</td><td class="text">{}</td><td class="text">{}</td>')
PD02_1_ROW = ('<td class="center">{}</td><td class="text">{}</td><td class="text">{}</td>'
              '<td class="text">{}</td><td class="text">{}</td><td class="money">{}</td>'
              '<td class="text">{}</td><td class="text">{}</td>')
PART1_TITLE = "ส่วนที่ 1 บทนำ"
PART2_TITLE = "ส่วนที่ 2 บัญชีโครงการ/กิจกรรม/งบประมาณ"
SEVERITY_TH = {ERROR: "ข้อผิดพลาด", "warning": "คำเตือน"}


def render_preview(plan: Plan, report: Report) -> str:
    """Return preview.html for *plan* as text; the same inputs give the same text."""
    return _template().render(book=Book(plan, report))


@functools.cache
def _template():
    """The compiled book template (jinja2 is imported here, not at start-up)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("oplan_xl.preview", TEMPLATES), autoescape=True,
                              undefined=StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True,
                              bytecode_cache=_bytecode_cache())
    return environment.get_template(TEMPLATE)


def _bytecode_cache():
    """jinja2's cache of compiled templates in the user's private temp folder.

    Compiling the book template takes about 80 ms, a tenth of a whole build of
    a 2,000-project plan; loading it compiled takes 2 ms.  The cache is keyed by
    the template's source, so an edited template is compiled afresh.  Where no
    private folder can be had, or it cannot be read or written, templates are
    simply compiled every time.
    """
    from jinja2 import FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # unreadable or stale: compile instead
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except Exception:  # a full or read-only disk costs only speed
                pass

    try:
        return QuietCache()
    except Exception:  # no safe temp folder (another user owns it, say)
        return None


def write_preview(plan: Plan, report: Report, path: Path) -> Path:
    """Write preview.html for *plan* at *path* (UTF-8, atomically); return *path*."""
    return write_atomically(path, preview_writer(plan, report))


def preview_writer(plan: Plan, report: Report) -> Writer:
    """What writes preview.html for *plan* at a path (see ``atomic.write_all``).

    The page is streamed to the file as the template produces it: a 20,000-project
    book is 17 MB of UTF-8, and holding it whole as text and again as bytes cost
    60 MB of memory at the peak of a build.  The bytes are those of render_preview.
    """
    def write(path: Path) -> None:
        stream = _template().generate(book=Book(plan, report))
        with open(path, "w", encoding="utf-8", newline="") as out:
            while chunk := list(islice(stream, 4096)):  # no Python loop per part
                out.write("".join(chunk))

    return write


@functools.lru_cache(maxsize=4096)
def month_cells(months: tuple[bool, ...]):
    """The 12 month cells of a row as table cells (markup): one spanning cell per
    run, like the merged bars of the workbooks, and an empty cell per other month.

    Built here, not in the template, and once per pattern of months: a plan has a
    few hundred patterns at most, and the labels are our own month names.
    """
    from markupsafe import Markup, escape

    starts = {start: end for start, end in month_runs(months)}
    cells, index = [], 0
    while index < len(MONTHS):
        if index in starts:
            end = starts[index]
            label = MONTHS[index] if end == index else f"{MONTHS[index]}–{MONTHS[end]}"
            cells.append(f'<td class="m run" colspan="{end - index + 1}"><span class="bar">'
                         f'</span><span class="sr">{escape(label)}</span></td>')
            index = end + 1
        else:
            cells.append('<td class="m"></td>')
            index += 1
    return Markup("".join(cells))


class Book:
    """Everything the template shows, as display-ready text.

    The template reads attributes only; it never computes.  Strings here are
    plain text (autoescaped on output) except the charts, which are SVG
    built by :mod:`oplan_xl.preview.charts` with their own escaping.
    """

    def __init__(self, plan: Plan, report: Report) -> None:
        from markupsafe import Markup, escape

        self._markup = Markup
        self._escape = escape
        self._escaped: dict[str, str] = {}
        settings = plan.settings
        self.settings = settings
        self.thai = settings.use_thai_digits
        t = self.t
        self.version = __version__
        self.org = t(settings.org_name)
        self.cover_year = t(f"ประจำปีงบประมาณ พ.ศ. {settings.fiscal_year}")
        self.year_line = f"แผนการดำเนินงาน {self.cover_year}"
        self.place = t(" ".join(part for part in (
            f"อำเภอ{settings.district}" if settings.district else "",
            f"จังหวัด{settings.province}" if settings.province else "") if part))
        self.org_place = t(" ".join(p for p in (settings.org_name, self.place) if p))
        self.responsible_unit = t(settings.responsible_unit)
        self.edition = settings.edition
        self.title = t(f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {settings.fiscal_year} "
                       f"{settings.org_name}")
        self.part1_title = t(PART1_TITLE)
        self.part2_title = t(PART2_TITLE)
        self.with_equipment_form = not settings.by_approach
        self.errors = len(report.errors)
        self.warnings = len(report.warnings)
        self.part1 = self._part1(plan)
        self.pd01 = self._pd01(plan)
        self.pd02 = self._pd02(plan)
        self.pd02_1 = self._pd02_1(plan) if self.with_equipment_form else None
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

    def _cells(self, row: str, texts: tuple[str, ...], months: tuple[bool, ...]):
        """A row of ผด.02 or ผด.02/1 as its table cells (markup): *row* (``PD02_ROW``
        or ``PD02_1_ROW``) filled with *texts*, then the month cells (``month_cells``).

        One piece of markup per row instead of a dozen template expressions: the
        rows are most of the book, and each expression costs an attribute look-up
        and an escape.  Each text is escaped here with markupsafe's ``escape``, as
        autoescape does, once per distinct text (Thai digits applied first).
        """
        escaped = self._escaped
        values = []
        for text in texts:
            html = escaped.get(text)
            if html is None:
                html = self.t(text)
                if _TO_ESCAPE.search(html):  # most text has nothing to escape
                    html = str(self._escape(html))
                escaped[text] = html
            values.append(html)
        # join, not +: str + Markup would escape the str.
        return self._markup("".join((row.format(*values), month_cells(months))))

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
            "columns": [self.t(f"{settings.group_label}/{settings.second_level_label}")]
            + [self.t(c) for c in PD01_COLUMNS],
            "rows": rows,
            "charts": [] if not plan.count else [
                {"title": budget_title, "svg": Markup(charts.bar_chart(budget_title,
                                                                      budget_bars))},
                {"title": share_title, "svg": Markup(charts.share_chart(share_title,
                                                                       share_bars))},
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
                    "rows": [self._cells(PD02_ROW, (
                        self.count(index), row.name, row.activity,
                        self.baht(row.budget_satang), row.place, row.responsible), row.months)
                        for index, row in enumerate(group.rows, 1)],
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
                "title": self.t(PD02_TITLE_2548 if settings.by_approach else PD02_TITLE),
                "columns": [self.t(c) for c in PD02_COLUMNS], "head": self._month_header(),
                "strategies": strategies,
                "chart": {"title": chart_title, "svg": self._markup(chart)} if projects
                else None}

    def _pd02_1(self, plan: Plan) -> dict:
        types = []
        for number, block in enumerate(plan.equipment, 1):
            groups = [{
                "title": self.t(group.programme.name),
                "rows": [self._cells(PD02_1_ROW, (
                    self.count(index), item.programme.name, item.category,
                    item.equipment_type.name, item.target, self.baht(item.budget_satang),
                    item.place, item.responsible), item.months)
                    for index, item in enumerate(group.rows, 1)],
                "total": self.t(f"รวม {len(group.rows):,} รายการ"),
                "total_baht": self.baht(group.satang),
            } for group in block.groups]
            types.append({"title": self.t(f"{number}. {block.equipment_type.name}"),
                          "groups": groups})
        return {"code": self.t(PD02_1_CODE), "title": self.t(PD02_1_TITLE),
                "columns": [self.t(c) for c in PD02_1_COLUMNS], "head": self._month_header(),
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
        entries = [
            {"id": "part1", "label": self.part1_title, "children": [
                {"id": s["id"], "label": s["heading"], "children": []} for s in self.part1]},
            {"id": "part2", "label": self.part2_title, "children": part2},
        ]
        if self.findings:
            entries.append({"id": "findings", "label": "ผลการตรวจสอบข้อมูล (สำหรับผู้จัดทำแผน)",
                            "children": []})
        entries.append({"id": "sources", "label": "ที่มาของข้อมูล", "children": []})
        return entries
