"""Everything written to disk, each output atomically (``atomic``).

- ``forms/``       ผด.01, ผด.02, ผด.02/1 with XlsxWriter (``common``: the shared sheet
                   layout; ``styles``: named formats)
- ``conventions``  what every workbook we write shares: font, sizes, safe writer
                   options, fixed document properties
- ``findings``     output/findings.xlsx
- ``returned``     output/returned/<department>.xlsx, the annotated copies
- ``settings``     plan.xlsx for ``oplan init``
- ``template/``    the department input workbook of ``oplan template``
- ``reproducible`` byte-reproducible saves for openpyxl workbooks
"""
