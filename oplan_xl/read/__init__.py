"""Reading: settings and department workbooks in, raw rows located to the cell out.

- ``guards/``      what a file's bytes ask of the readers, refused before they read
                   (one module per container: zip, xml_parts, xlsx, ods, xls)
- ``workbook``     opening a workbook (format sniffed from its bytes, guards run)
                   and reading one sheet's values, merges and formulas
- ``ods_content``  an .ods's content.xml: merges, formulas and fills
- ``formulas``     an .xlsx sheet's formulas, from its XML
- ``fills``        fill colours (.xlsx from its XML, .ods from content.xml)
- ``months``       a row's month bar, decided from all the evidence: marks, words,
                   spans, merges, arrows, colours — with a finding saying how
- ``header``       finding a table's header by its labels
- ``rows``         lifting the rows under a header, each sorted once
- ``row_kinds``    which rows are totals, continuations or notes
- ``raw``          what reading produces: RawRow, Table
- ``submission``   one department workbook → its tables and findings
- ``settings``     plan.xlsx → Settings
"""
