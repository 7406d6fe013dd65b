"""The inline SVG charts: pure functions, escaped text, labels on every bar."""

import re
from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from oplan_xl.preview import charts
from oplan_xl.preview.charts import Bar


def _texts(svg: str) -> list[str]:
    root = ElementTree.fromstring(svg)  # well-formed XML, not just HTML
    return ["".join(node.itertext()) for node in root.iter("text")]


def test_bar_chart_labels_values_and_lengths():
    svg = charts.bar_chart("งบประมาณ", [Bar("1. ถนน", 300, "3.00 บาท (75.00%)"),
                                         Bar("2. น้ำ", 100, "1.00 บาท (25.00%)"),
                                         Bar("3. ว่าง", 0, "0.00 บาท (0.00%)")])
    assert _texts(svg) == ["1. ถนน", "3.00 บาท (75.00%)", "2. น้ำ", "1.00 บาท (25.00%)",
                           "3. ว่าง", "0.00 บาท (0.00%)"]
    widths = [float(w) for w in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and abs(widths[0] / widths[1] - 3) < 0.01
    assert 'aria-label="งบประมาณ"' in svg and "<title>งบประมาณ</title>" in svg


def test_text_is_escaped():
    hostile = '<script>alert("x")</script> & "q"'
    for svg in (charts.bar_chart(hostile, [Bar(hostile, 1, hostile)]),
                charts.share_chart(hostile, [Bar(hostile, 1, hostile, mark="<1>")]),
                charts.month_chart(hostile, [hostile] * 12, [1] * 12, [hostile] * 12,
                                   (hostile, hostile), 3)):
        assert "<script" not in svg and "&lt;script&gt;" in svg
        assert hostile in _texts(svg)


def test_share_chart_numbers_segments_and_lists_every_item():
    bars = [Bar("ก", 14, "14 โครงการ (50.00%)", "1"), Bar("ข", 0, "0 โครงการ (0.00%)", "2"),
            Bar("ค", 14, "14 โครงการ (50.00%)", "3")]
    texts = _texts(charts.share_chart("สัดส่วน", bars))
    assert texts[:2] == ["1", "3"]  # one numbered segment per non-empty item
    assert texts[2:] == ["1. ก", "14 โครงการ (50.00%)", "2. ข", "0 โครงการ (0.00%)",
                         "3. ค", "14 โครงการ (50.00%)"]
    assert charts.share_chart("ว่าง", [Bar("ก", 0, "0")])  # no projects: no division by zero


def test_month_chart_values_and_year_labels():
    values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    svg = charts.month_chart("เดือน", [f"m{i}" for i in range(12)], values,
                             [str(v) for v in values], ("พ.ศ. 2567", "พ.ศ. 2568"), 3)
    texts = _texts(svg)
    assert texts[-2:] == ["พ.ศ. 2567", "พ.ศ. 2568"]
    assert texts[:-2] == [t for v in values for t in (str(v), f"m{v}")]
    assert svg.count("<rect") == 11  # a zero month has its value but no bar


@given(st.text(alphabet="กขคงจ่้ำ ิีabc", min_size=0, max_size=200),
       st.integers(min_value=40, max_value=1000))
def test_wrap_keeps_every_character_and_fits(text, width):
    lines = charts.wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # a line is wider than asked only when it is a single character with its marks
        assert charts.text_width(line) <= width or charts.text_width(line) <= \
            charts.text_width("ก")


def test_long_labels_wrap_instead_of_running_off():
    label = "ยุทธศาสตร์" * 30
    svg = charts.bar_chart("t", [Bar(label, 1, "1")])
    lines = _texts(svg)[:-1]
    assert len(lines) > 1 and "".join(lines) == label
    assert all(charts.text_width(line) <= charts.WIDTH for line in lines)
