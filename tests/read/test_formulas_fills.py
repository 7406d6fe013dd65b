"""What an .ods's values do not show: merges, formulas and fills from content.xml."""

from __future__ import annotations

import io
import zipfile

from oplan_xl.read.fills import fills
from oplan_xl.read.workbook import ODS, Workbook

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def _ods(cells: str) -> Workbook:
    content = (f'<office:document-content {_NS}><office:automatic-styles>'
               '<style:style style:name="ce1" style:family="table-cell">'
               '<style:table-cell-properties fo:background-color="#5b9bd5"/></style:style>'
               '</office:automatic-styles><office:body><office:spreadsheet>'
               '<table:table table:name="โครงการ"><table:table-column '
               'table:number-columns-repeated="3"/>'
               f'<table:table-row>{cells}</table:table-row>'
               '</table:table></office:spreadsheet></office:body></office:document-content>')
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", f"<office:document-styles {_NS}/>")
    return Workbook(data.getvalue(), ODS, None, ["โครงการ"])


def test_fills_found_although_nothing_is_merged_or_a_formula():
    workbook = _ods('<table:table-cell><text:p>x</text:p></table:table-cell>'
                    '<table:table-cell table:style-name="ce1"/><table:table-cell/>')
    extras = workbook.ods_sheets.get("โครงการ")
    assert extras.merges == [] and extras.formulas == {}
    assert fills(workbook, "โครงการ", {0}) == {(0, 1): "rgb:#5b9bd5"}


def test_merges_and_formulas_are_parsed_when_there_are_some():
    workbook = _ods('<table:table-cell table:number-rows-spanned="2" '
                    'table:number-columns-spanned="2"><text:p>1</text:p></table:table-cell>'
                    '<table:covered-table-cell/>'
                    '<table:table-cell table:formula="of:=[.A1]*2" table:style-name="ce1"/>')
    extras = workbook.ods_sheets.get("โครงการ")
    assert extras.merges == [(0, 0, 1, 1)]
    assert extras.formulas == {(0, 2): "=A1*2"}
    assert extras.fills == {(0, 2): "rgb:#5b9bd5"}


def test_a_repeat_count_that_is_not_a_number_means_no_extras():
    workbook = _ods('<table:table-cell table:number-rows-spanned="2"/>'
                    '<table:table-cell table:number-columns-repeated="many"/>')
    assert workbook.ods_sheets.get("โครงการ") is None
