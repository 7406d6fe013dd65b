"""Reading: settings and department workbooks in, raw rows located to the cell out.

- ``guards/``      what a file's bytes ask of the readers, refused before they read
                   (one module per container: zip, xml_parts, xlsx, ods, xls)
- ``workbook``     opening a workbook (format sniffed from its bytes, guards run)
                   and reading one sheet's values, merges and formulas
- ``ods_content``  an .ods's content.xml: merges, formulas, fills, hidden rows
                   and columns, struck text
- ``visibility``   what a person sees of a sheet that its values do not tell:
                   hidden and filtered rows, hidden columns, struck text
- ``formulas``     an .xlsx sheet's formulas, from its XML
- ``fills``        fill colours (.xlsx from its XML, .ods from content.xml)
- ``months``       a row's month bar, decided from all the evidence: marks, words,
                   spans, merges, arrows, colours — with a finding saying how
- ``header``       finding a table's header by its labels
- ``columns``      which column holds each field, decided once from all the evidence
                   (hidden, labelled years, บาท | สตางค์); numbers in unread columns
- ``rows``         lifting the rows under a header, each sorted once
- ``row_kinds``    which rows are totals, continuations or notes
- ``row_visibility`` the data rows a person hid, filtered out or struck through:
                   read, and warned about at the row
- ``raw``          what reading produces: RawRow, Table
- ``submission``   one department workbook → its tables and findings
- ``settings``     plan.xlsx → Settings
"""
