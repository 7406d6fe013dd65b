"""preview.html: the plan book, checked against the Plan it was rendered from.

Figures are compared with ``plan.summary()`` and the plan's rows exactly, by
reading the HTML back with html.parser (tests/htmlbook.py).
"""

import configparser
import hashlib
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

import oplan_xl
from oplan_xl.api import build
from oplan_xl.core.findings import Report
from oplan_xl.core.model import MONTHS, format_baht, to_thai_digits
from oplan_xl.core.settings_layout import default_settings
from oplan_xl.plan import labels
from oplan_xl.plan.grouping import make_plan
from oplan_xl.preview.book import render_preview, write_preview

from .. import builders
from ..htmlbook import Book

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-plan"
ROOT = Path(__file__).resolve().parents[2]
BOOK_SECTIONS = ("cover", "contents", "part1", "part2", "pd01", "pd02", "pd02-1")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    plan_dir = tmp_path_factory.mktemp("sample") / "plan"
    shutil.copytree(SAMPLE, plan_dir)
    result = build(plan_dir)
    assert result.built and result.report.ok
    html = result.outputs["preview"].read_text(encoding="utf-8")
    return result, html, Book(html)


def _empty_plan(year, **changes):
    settings = default_settings("องค์การบริหารส่วนตำบลทดสอบ", year, "เมืองทดสอบ", "ทดสอบ")
    for name, value in changes.items():
        setattr(settings, name, value)
    return make_plan(settings, [], [])


# --- structure and figures --------------------------------------------------


def test_build_writes_preview_with_the_whole_book_in_order(sample):
    result, _, book = sample
    assert result.outputs["preview"].name == "preview.html"
    assert book.sections == [*BOOK_SECTIONS, "sources"]  # no findings in the sample
    cover = book.section_text("cover")
    for text in ("แผนการดำเนินงาน", "ประจำปีงบประมาณ พ.ศ. 2568", "องค์การบริหารส่วนตำบลหนองสมมุติ",
                 "อำเภอเมืองตัวอย่าง", "จังหวัดสมมุติ", "งานวิเคราะห์นโยบายและแผน สำนักปลัด"):
        assert text in cover
    part1 = book.section_text("part1")
    for topic in ("บทนำ", "วัตถุประสงค์ของแผนการดำเนินงาน", "ขั้นตอนการจัดทำแผนการดำเนินงาน",
                  "ประโยชน์ของแผนการดำเนินงาน"):
        assert topic in part1
    contents = book.section_text("contents")
    assert "แบบ ผด.01" in contents and "แบบ ผด.02/1" in contents


def test_pd01_figures_equal_plan_summary_exactly(sample):
    result, _, book = sample
    plan = result.plan
    expected = [[f"{plan.settings.group_label}/แผนงาน",
                 *labels.PD01_FIGURE_COLUMNS]]
    for block, lines, total in plan.summary():
        expected.append([block.strategy.title])
        for line in [*lines, total]:
            expected.append([line.label, f"{line.count:,}", f"{line.count_percent:.2f}",
                             format_baht(line.satang), f"{line.satang_percent:.2f}",
                             ", ".join(line.units)])
    grand = plan.grand_total()
    expected.append(["รวมทั้งสิ้น", f"{grand.count:,}", "100.00", format_baht(grand.satang),
                     "100.00", ", ".join(grand.units)])
    assert [row.cells for row in book.rows_in("pd01")] == expected
    # the figure the README and the build message quote
    assert expected[-1][1:5] == ["74", "100.00", "20,732,952.90", "100.00"]


def test_every_project_and_item_appears_once_with_its_months(sample):
    result, _, book = sample
    plan = result.plan
    rows = book.rows_in("pd02", "project")
    assert len(rows) == plan.count == 74
    assert Counter((r.cells[1], r.cells[3]) for r in rows) == Counter(
        (p.name, format_baht(p.budget_satang)) for p in plan.projects())
    for row, project in zip(rows, plan.projects(), strict=True):
        months = []
        for text, span in zip(row.cells[6:], row.spans[6:], strict=True):
            months += [bool(text)] * span
        assert tuple(months) == project.months, project.name
    items = book.rows_in("pd02-1", "item")
    assert len(items) == plan.equipment_count == 15
    assert Counter(r.cells[5] for r in items) == Counter(
        format_baht(item.budget_satang)
        for block in plan.equipment for group in block.groups for item in group.rows)
    # group totals as the Plan has them
    totals = [r.cells[1] for r in book.rows_in("pd02", "total")]
    assert totals == [format_baht(g.satang) for b in plan.strategies for g in b.groups]


def test_column_labels_and_titles_match_the_forms(sample):
    result, _, book = sample
    plan = result.plan
    assert labels.pd01_columns(plan.settings) == (
        f"{plan.settings.group_label}/{plan.settings.second_level_label}",
        *labels.PD01_FIGURE_COLUMNS)
    assert labels.pd02_title(plan.settings) == labels.PD02_TITLE
    header = book.rows_in("pd02")[0].cells
    assert header[:6] == list(labels.PD02_COLUMNS) and header[6:8] == ["พ.ศ. 2567", "พ.ศ. 2568"]
    assert book.rows_in("pd02")[1].cells == list(MONTHS)
    # the workbooks print the same labels (one definition, in plan/labels)
    forms = openpyxl.load_workbook(result.outputs["pd02"], read_only=True)
    assert labels.PD02_COLUMNS[0] in [c for row in forms.worksheets[0].iter_rows(
        max_row=8, values_only=True) for c in row]


def test_charts_carry_labels_and_values(sample):
    result, html, book = sample
    text = book.section_text("pd01")
    for _, _, total in result.plan.summary():
        assert f"{format_baht(total.satang)} บาท ({total.satang_percent:.2f}%)" in text
        assert f"{total.count} โครงการ ({total.count_percent:.2f}%)" in text
    assert html.count("<svg") == 3
    months = book.section_text("pd02")
    assert "จำนวนโครงการที่ดำเนินการในแต่ละเดือน" in months


def test_sources_list_every_input_with_its_hash(sample):
    result, _, book = sample
    rows = book.rows_in("sources")[1:]
    settings = hashlib.sha256((SAMPLE / "plan.xlsx").read_bytes()).hexdigest()
    assert [(r.cells[0], r.cells[2], r.cells[6]) for r in rows] == [("plan.xlsx", "", settings)] + [
        (f.file, str(f.rows_read), f.sha256) for f in result.report.files]
    for f in result.report.files:
        data = (SAMPLE / "submissions" / f.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f.sha256
    assert "ไม่พบข้อผิดพลาดหรือคำเตือน" in book.section_text("sources")


# --- safety and self-containment ----------------------------------------------


def test_self_contained_no_script_no_network(sample):
    html = sample[1].lower()
    assert "<script" not in html
    assert not re.search(r"https?:|//[a-z]", html)
    for needle in ("<link", " src=", "url(", "@import", "@font-face", "<iframe", "<object"):
        assert needle not in html
    for tag, attributes in sample[2].tags:
        href = attributes.get("href")
        assert href is None or href.startswith("#"), (tag, href)


def test_print_and_screen_css(sample):
    html = sample[1]
    assert "size: A4 landscape" in html
    assert "thead { display: table-header-group; }" in html
    assert "position: sticky" in html
    assert '"TH Sarabun New", "TH SarabunPSK", Sarabun, Laksaman, Garuda' in html


def test_submission_text_is_escaped(tmp_path):
    plan_dir = builders.make_plan(tmp_path)
    builders.write_submission(plan_dir / "submissions" / "works.xlsx", [
        builders.project(name="<script>alert(1)</script>", activity="=1+2",
                         place="<b>หมู่ที่ 1</b>"),
        builders.project(name="=1+2", activity="@SUM(A1)", responsible="<i>กองช่าง</i>"),
        builders.project(name="งบผิด", budget="<img src=x onerror=alert(1)>"),
    ], department="กองช่าง")
    result = build(plan_dir, force=True)
    assert result.built and result.report.errors
    html = result.outputs["preview"].read_text(encoding="utf-8")
    lower = html.lower()
    assert "<script" not in lower and "<img" not in lower and "<b>" not in lower
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    book = Book(html)
    assert not any("onerror" in attributes for _, attributes in book.tags)
    names = [row.cells[1] for row in book.rows_in("pd02", "project")]
    assert names == ["<script>alert(1)</script>", "=1+2"]
    assert [row.cells[2] for row in book.rows_in("pd02", "project")] == ["=1+2", "@SUM(A1)"]
    # the rejected row is in the findings section, its value escaped
    assert "findings" in book.sections
    findings = book.rows_in("findings")
    assert any(r.cells[7] == "budget-not-number" and r.cells[5] == "<img src=x onerror=alert(1)>"
               and r.cells[3] == "งบผิด" for r in findings)  # the row's project is named
    assert "ฉบับร่าง — ยังมีข้อผิดพลาด 1 รายการ ไม่ใช่ฉบับประกาศ" in book.section_text("cover")



def test_row_text_is_escaped_as_autoescape_does(tmp_path):
    """ผด.02 rows are made in Python (Book._cells), not by the template: their text
    must come out exactly as jinja2's autoescape writes it, quotes included."""
    from markupsafe import escape

    plan_dir = builders.make_plan(tmp_path)
    odd = ["ค่าน้ำ & ไฟ \"ประปา\" 'หมู่ 1'", "<i>x</i> > y", "a&amp;b", "ปกติ",
           "ชื่อ \"ในเครื่องหมาย\"", "บ้าน'ใหม่"]
    builders.write_submission(plan_dir / "submissions" / "works.xlsx", [
        builders.project(name=text, activity=text, place=text) for text in odd
    ], department="กองช่าง")
    result = build(plan_dir)
    html = result.outputs["preview"].read_text(encoding="utf-8")
    for text in odd:
        assert html.count(f'<td class="text">{escape(text)}</td>') == 3, text
    names = [row.cells[1] for row in Book(html).rows_in("pd02", "project")]
    assert names == odd

# --- Part 1 per edition ---------------------------------------------------------

REGULATION = "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548"
COMMON = ("ข้อ 26", "คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่น", "คณะกรรมการพัฒนาท้องถิ่น",
          "ผู้บริหารท้องถิ่นประกาศ", "ภายใน 15 วันนับแต่วันที่ประกาศ", "ไม่น้อยกว่า 30 วัน",
          "หน่วยราชการส่วนกลาง ส่วนภูมิภาค", "รัฐวิสาหกิจ", "องค์การบริหารส่วนตำบลทดสอบ")


@pytest.mark.parametrize(("year", "edition", "present", "absent", "sections"), [
    (2559, "2548", [REGULATION, "แผนพัฒนาสามปี (พ.ศ. 2559-2561)", "ปีงบประมาณ พ.ศ. 2559",
                    "ตามยุทธศาสตร์และแนวทางการพัฒนาของแผนพัฒนาสามปี",
                    "บัญชีโครงการ/กิจกรรม/งบประมาณ (แบบ ผด.02)"],
     ["ฉบับที่ 2", "ฉบับที่ 3", "สี่ปี", "ผด.02/1"], BOOK_SECTIONS[:-1]),
    (2561, "2559", [f"{REGULATION} แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559",
                    "แผนพัฒนาท้องถิ่นสี่ปี (พ.ศ. 2561-2564)", "ปีงบประมาณ พ.ศ. 2561",
                    "และจำแนกตามแผนงาน", "(แบบ ผด.02/1)"],
     ["ฉบับที่ 3", "สามปี"], BOOK_SECTIONS),
    (2568, "2561", [f"{REGULATION} แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 และ (ฉบับที่ 3) พ.ศ. 2561",
                    "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", "ปีงบประมาณ พ.ศ. 2568",
                    "และจำแนกตามแผนงาน", "(แบบ ผด.02/1)"],
     ["สี่ปี", "สามปี"], BOOK_SECTIONS),
])
def test_part1_text_per_edition(year, edition, present, absent, sections):
    plan = _empty_plan(year)
    assert plan.settings.edition == edition
    book = Book(render_preview(plan, Report()))
    text = book.section_text("part1")
    for phrase in (*COMMON, *present):
        assert phrase in text, phrase
    for phrase in absent:
        assert phrase not in text, phrase
    assert tuple(book.sections[:-1]) == sections


def test_part1_follows_plan_kind_and_period_settings():
    plan = _empty_plan(2571, plan_kind="แผนพัฒนาท้องถิ่น", plan_period="2571-2575",
                       group_label="ประเด็นการพัฒนา")
    text = Book(render_preview(plan, Report())).section_text("part1")
    assert "แผนพัฒนาท้องถิ่น (พ.ศ. 2571-2575)" in text
    assert "ตามประเด็นการพัฒนาของแผนพัฒนาท้องถิ่น (พ.ศ. 2571-2575) และจำแนกตามแผนงาน" in text


def test_organisations_own_text_replaces_a_section():
    plan = _empty_plan(2568)
    plan.settings.part1 = {
        "วัตถุประสงค์ของแผนการดำเนินงาน": "ข้อความของ อบต. เอง บรรทัดแรก\nบรรทัดที่สอง <แก้ไข>",
        "4. ประโยชน์": "ประโยชน์ตามที่ อบต. เขียน",
        "ภาคผนวก": "ข้อความเพิ่มเติม",
    }
    html = render_preview(plan, Report())
    book = Book(html)
    objectives = book.section_text("part1").split("2. วัตถุประสงค์ของแผนการดำเนินงาน")[1]
    objectives = objectives.split("3. ขั้นตอนการจัดทำแผนการดำเนินงาน")[0]
    assert "ข้อความของ อบต. เอง บรรทัดแรก บรรทัดที่สอง <แก้ไข>" in objectives
    assert "เพื่อแสดงโครงการและกิจกรรมพัฒนา" not in objectives
    assert "&lt;แก้ไข&gt;" in html
    text = book.section_text("part1")
    assert "ประโยชน์ตามที่ อบต. เขียน" in text and "ส่งเสริมความโปร่งใส" not in text
    assert "คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่น" in text  # built-in step text kept
    assert "5. ภาคผนวก ข้อความเพิ่มเติม" in text  # an extra topic is kept, not dropped


# --- digits, determinism, laziness --------------------------------------------------


def test_thai_digits_in_the_book_arabic_in_the_audit_trail(sample):
    result = sample[0]
    plan = result.plan
    plan.settings.use_thai_digits = True
    try:
        book = Book(render_preview(plan, result.report))
    finally:
        plan.settings.use_thai_digits = False
    for section in BOOK_SECTIONS:
        assert not re.search("[0-9]", book.section_text(section)), section
    grand = book.rows_in("pd01", "grand-total")[0].cells
    assert grand[1:5] == ["๗๔", "๑๐๐.๐๐", "๒๐,๗๓๒,๙๕๒.๙๐", "๑๐๐.๐๐"]
    assert book.rows_in("pd02")[0].cells[6:8] == ["พ.ศ. ๒๕๖๗", "พ.ศ. ๒๕๖๘"]
    assert to_thai_digits("(ฉบับที่ 3) พ.ศ. 2561") in book.section_text("part1")
    # file names and SHA-256 stay exactly as on disk
    assert result.report.files[0].sha256 in book.section_text("sources")


def test_deterministic(sample, tmp_path):
    result, html, _ = sample
    assert render_preview(result.plan, result.report) == html
    other = tmp_path / "อีกโฟลเดอร์"
    shutil.copytree(SAMPLE, other)
    again = build(other).outputs["preview"].read_bytes()
    assert again == html.encode("utf-8")


def test_write_preview_is_atomic_and_utf8(sample, tmp_path):
    result = sample[0]
    target = tmp_path / "out" / "preview.html"
    assert write_preview(result.plan, result.report, target) == target
    assert target.read_bytes() == sample[1].encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["preview.html"]


def test_empty_plan_renders():
    book = Book(render_preview(_empty_plan(2568), Report()))
    assert book.rows_in("pd01", "grand-total")[0].cells[1:5] == ["0", "0.00", "0.00", "0.00"]
    assert not book.rows_in("pd02", "project")


def test_jinja2_is_imported_lazily():
    code = ("import sys, oplan_xl.cli, oplan_xl.api, oplan_xl.preview.book, "
            "oplan_xl.preview.charts; "
            "sys.exit('jinja2' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_templates_are_package_data():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    # setuptools reads this value as a list separated by commas or line breaks
    value = config["options.package_data"]["oplan_xl.preview"]
    patterns = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
    package = Path(oplan_xl.__file__).parent / "preview"
    templates = sorted(p.relative_to(package) for p in (package / "templates").iterdir()
                       if p.is_file())
    assert templates
    for path in templates:
        assert any(path.match(pattern) for pattern in patterns), path


def test_own_text_from_the_settings_workbook(tmp_path):
    plan_dir = builders.make_plan(tmp_path)
    workbook = openpyxl.load_workbook(plan_dir / "plan.xlsx")
    sheet = workbook["ส่วนที่ 1"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "บทนำ":
            row[1].value = "บทนำที่ อบต. เขียนเอง\nย่อหน้าที่สอง"
    workbook.save(plan_dir / "plan.xlsx")
    builders.write_submission(plan_dir / "submissions" / "works.xlsx", [builders.project()],
                              department="กองช่าง")
    html = build(plan_dir).outputs["preview"].read_text(encoding="utf-8")
    text = Book(html).section_text("part1")
    assert "1. บทนำ บทนำที่ อบต. เขียนเอง ย่อหน้าที่สอง 2. วัตถุประสงค์" in text
    assert "<p>บทนำที่ อบต. เขียนเอง</p>\n<p>ย่อหน้าที่สอง</p>" in html
