"""Guards: what a workbook's bytes ask of the readers, before they read.

python-calamine and openpyxl trust the files they are given.  Measured on
python-calamine 0.9 (calamine 0.37), a file of a few kB can make them:

- abort the whole process: an .xlsx declaring ``<sst uniqueCount="2000000000">``
  (calamine reserves 48 GB for the shared strings), an .xls whose DIMENSIONS
  record claims 4 billion rows, an .xls whose compound-file chains loop;
- allocate gigabytes: a value at XFD1048576 (every cell of the grid from A1 is
  allocated), an .ods row or cell with ``number-rows-repeated`` /
  ``number-columns-repeated`` in the millions (calamine expands them when the
  file is opened), a merged range or hyperlink over a whole sheet (openpyxl
  makes an object per cell);
- panic (a Rust panic reaches Python as ``PanicException``, which is not an
  ``Exception``) on a damaged .xls record;
- expand an XML entity bomb, or read a file named by an external entity, in
  an XML parser that allows a DTD.

So each file is looked at first, without allocating more than its own size,
one module per container: ``zip`` (the table of contents and the integrity of
every part) with ``xml_parts`` (no DTD or entity, by defusedxml), ``xlsx`` and
``ods`` (how far each sheet's values reach), ``xls`` (the OLE2 container by
olefile, the BIFF records).  What goes beyond ``core.limits`` raises
UnreadableWorkbook (``refusal``) with the finding code to report.
"""
