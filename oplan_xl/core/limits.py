"""Every limit the tool puts on what it reads, in one place.

Department files arrive by email and USB stick from many hands, and a few are
broken or hostile: a zip bomb, a sheet that claims a million rows, a cell
far out at XFD1048576, a budget of 10^30.  The readers underneath (python-
calamine, openpyxl) trust such files and can ask for gigabytes or abort the
whole process, so ``read.guards`` checks a file against these limits *before*
handing it to them, and refuses what goes beyond with a finding (SPEC §6,
README "What the tool refuses and why").

The limits are far above anything a department sends — a template holds 300
rows, a real submission a few hundred kB — and low enough that one file can
never take more than a few hundred MB of memory.  To change one, change it
here; the README's table of limits names each constant.
"""

from __future__ import annotations

MB = 1024 * 1024

# --- the file ------------------------------------------------------------------

#: Size of a submission or of plan.xlsx on disk.
MAX_FILE_BYTES = 50 * MB
#: Total size of a zip-based workbook's (.xlsx/.xlsm/.ods) parts once unpacked.
MAX_UNZIPPED_BYTES = 256 * MB
#: Size of one part once unpacked (a sheet's XML, the shared strings, content.xml).
MAX_PART_BYTES = 64 * MB
#: Parts in one zip-based workbook (Excel writes 10–30; pictures add a few).
MAX_ZIP_MEMBERS = 10_000
#: Bytes of an XML part before its first element (declaration, comments).
MAX_XML_PROLOG_BYTES = 64 * 1024
#: Shared strings an .xlsx may declare (``<sst uniqueCount=…>``): calamine
#: reserves memory for the declared number before reading one.
MAX_SHARED_STRINGS = 3_000_000

# --- one sheet -----------------------------------------------------------------

#: Rows of a sheet, counted from row 1, that may hold a value.
MAX_ROWS = 99_999
#: Columns (A … CZ) that may hold a value.
MAX_COLUMNS = 104
#: Cells of a sheet's grid from A1 to its last row and column holding a value
#: (calamine allocates every one of them, empty or not).
MAX_SHEET_CELLS = 3_000_000
#: A sheet's XML whose cells are not all written ``<c r="A1" …>`` (with a
#: namespace prefix, or without references, as a few libraries write them) is
#: walked cell by cell in Python to find how far its values reach; above this
#: size that would take too long, and the sheet is refused.
MAX_UNUSUAL_SHEET_BYTES = 16 * MB

# --- what is read --------------------------------------------------------------

#: Data rows in one table above which the file gets the table-very-large
#: warning: a whole organisation plans a few hundred projects a year.
MANY_ROWS = 2_000
#: A budget above this many baht is a slip (the national budget is about
#: 3.5 million million); the row gets budget-too-large.
MAX_BUDGET_BAHT = 100_000_000_000
#: Characters one Excel cell can hold; longer text cannot be written to the
#: forms without cutting it, so the row gets text-over-cell-limit.
EXCEL_CELL_CHARS = 32_767
#: Characters of a cell's value shown in a finding (the message, findings.xlsx,
#: the returned copy's comment); the rest is cut with "…".
MAX_FINDING_VALUE_CHARS = 300

# --- what is written -----------------------------------------------------------

#: openpyxl loads a whole workbook into memory (a few hundred bytes a cell), so
#: it opens a submission — for fill colours, or for its returned copy — only
#: when its parts unpack to at most this much …
MAX_OPENPYXL_BYTES = 20 * MB
#: … and its sheets and merged ranges cover at most this many cells.  A larger
#: file gets no returned copy (findings.xlsx lists its findings all the same)
#: and its months are read from marks only, not from fill colours.
MAX_OPENPYXL_CELLS = 50_000
#: Findings of one file listed in findings.xlsx; a row says how many more
#: there are (``oplan check --json`` lists them all).
MAX_FINDINGS_PER_FILE = 1_000
#: A file with more findings than this gets no returned copy either: thousands
#: of comments help no one, and writing them takes minutes.
MAX_RETURNED_FINDINGS = 2_000
#: A temporary output file left behind by a run that was killed is removed by
#: a later run once it is this old (a live run's temporary file is younger).
STALE_TEMP_SECONDS = 15 * 60
