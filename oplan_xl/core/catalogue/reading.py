"""Findings of reading and checking the submissions: the file, finding the table,
its columns, its rows, the values of a row, the plan as a whole."""

from __future__ import annotations

from oplan_xl.core.catalogue.kind import ERROR, WARNING, FindingKind

KINDS = (
    # --- the file as a whole ---
    FindingKind(
        "file-unreadable", ERROR,
        "เปิดไฟล์ไม่ได้ ไฟล์อาจเสียหรือส่งมาไม่ครบ ({reason}) — ขอไฟล์ใหม่จากหน่วยงาน "
        "เปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "Cannot open the file; it may be damaged or incomplete ({reason}) - ask the "
        "department for a new copy, opened in Excel and saved as .xlsx",
    ),
    FindingKind(
        "file-encrypted", ERROR,
        "ไฟล์ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ — ขอให้หน่วยงานเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) "
        "แล้วส่งใหม่",
        "The file is password protected and cannot be read - ask the department to "
        "remove the password (File > Info > Protect Workbook) and send it again",
    ),
    FindingKind(
        "file-not-workbook", ERROR,
        "ไฟล์นี้ไม่ใช่ไฟล์ Excel ({reason}) — ขอให้หน่วยงานกรอกในแบบฟอร์ม Excel แล้วส่งใหม่",
        "This file is not a workbook ({reason}) - ask the department to fill in the "
        "Excel form and send that",
    ),
    FindingKind(
        "file-too-large", ERROR,
        "ไฟล์ใหญ่ผิดปกติ ({reason}) จึงไม่อ่าน — ตรวจว่าส่งไฟล์ถูก หรือลบรูปภาพและแผ่นงานที่ไม่ใช้ออก",
        "The file is unusually large ({reason}) and was not read - check it is the "
        "right file, or remove pictures and unused sheets",
    ),
    FindingKind(
        "sheet-too-large", ERROR,
        "แผ่นงาน \"{sheet}\" ใหญ่เกินกว่าจะอ่านได้ ({reason}) — ลบแถวและคอลัมน์ท้ายแผ่นงานที่ไม่ใช้ออก "
        "(มักมีข้อความหลงอยู่ไกลจากตาราง)",
        "Sheet \"{sheet}\" is too large to read ({reason}) - delete the unused rows and "
        "columns at its end (usually a stray value far from the table)",
    ),
    FindingKind(
        "duplicate-file", ERROR,
        "ไฟล์นี้เหมือนกับไฟล์ {other} ทุกไบต์ จึงไม่นับซ้ำ — ลบไฟล์ที่ซ้ำออกจากโฟลเดอร์ submissions",
        "This file is byte-for-byte the same as {other} and is not counted twice - "
        "remove the copy from the submissions folder",
    ),
    # --- finding the table ---
    FindingKind(
        "no-header", ERROR,
        "ไม่พบหัวตาราง \"{sheet}\" (ต้องมีคอลัมน์ {expected}; ที่พบคือ {found}) — ใช้แบบฟอร์มจาก "
        "oplan template และอย่าแก้ชื่อหัวคอลัมน์",
        "No header row found for \"{sheet}\" (needs columns {expected}; found {found}) - use "
        "the workbook from `oplan template` and keep its headers",
    ),
    FindingKind(
        "missing-column", ERROR,
        "ไม่พบคอลัมน์ \"{column}\" ในหัวตาราง (หัวตารางที่พบ: {found}) — เพิ่มคอลัมน์นี้กลับเข้าไป "
        "หรือแก้ชื่อหัวคอลัมน์ให้ตรงกับแบบฟอร์ม",
        "Column \"{column}\" is missing from the header (labels found: {found}) - put it "
        "back, or rename its header to the form's label",
    ),
    FindingKind(
        "column-ambiguous", ERROR,
        "หัวตารางมีคอลัมน์ \"{column}\" มากกว่าหนึ่งคอลัมน์ ({columns}) จึงไม่แน่ใจว่าต้องอ่านค่าจากคอลัมน์ใด "
        "(หัวตารางที่พบ: {found}) — ลบหรือเปลี่ยนชื่อคอลัมน์ที่ไม่ใช้ (เช่น งบประมาณปีก่อน) "
        "ให้เหลือคอลัมน์เดียว หรือระบุปีงบประมาณในหัวคอลัมน์",
        "The header names \"{column}\" in more than one column ({columns}), so which one "
        "holds the value is not certain (labels found: {found}) - delete or rename the one "
        "not meant (last year's budget, say) so that one is left, or put the fiscal year "
        "in its label",
    ),
    FindingKind(
        "column-hidden-not-read", WARNING,
        "หัวตารางมีคอลัมน์ \"{column}\" มากกว่าหนึ่งคอลัมน์ — อ่านจากคอลัมน์ {chosen} ที่มองเห็น "
        "ไม่อ่านคอลัมน์ที่ซ่อนไว้ ({hidden}) — ตรวจว่าถูกต้อง แล้วลบคอลัมน์ที่ไม่ใช้ออก",
        "The header names \"{column}\" in more than one column - column {chosen}, the "
        "visible one, was read, not the hidden {hidden} - check this, then delete the "
        "column not meant",
    ),
    FindingKind(
        "column-other-year-not-read", WARNING,
        "หัวตารางมีคอลัมน์ \"{column}\" มากกว่าหนึ่งคอลัมน์ — อ่านจากคอลัมน์ {chosen} "
        "ไม่อ่าน {others} เพราะหัวคอลัมน์ระบุปีอื่น ไม่ใช่ปีงบประมาณ {year} — ตรวจว่าถูกต้อง "
        "แล้วลบคอลัมน์ที่ไม่ใช้ออก",
        "The header names \"{column}\" in more than one column - column {chosen} was "
        "read, not {others}, whose label names a year other than fiscal year {year} - "
        "check this, then delete the column not meant",
    ),
    FindingKind(
        "column-names-other-year", WARNING,
        "หัวคอลัมน์ \"{column}\" ระบุปี {value} ไม่ใช่ปีงบประมาณ {year} — อ่านตัวเลขจากคอลัมน์นี้ "
        "ตรวจว่าเป็นงบประมาณของปี {year} แล้วแก้หัวคอลัมน์ให้ถูก",
        "Column \"{column}\" names the year {value}, not fiscal year {year} - its figures "
        "were read; check they are for {year}, then correct the label",
    ),
    FindingKind(
        "column-not-read", WARNING,
        "คอลัมน์ {letter} (\"{value}\") อยู่ในตารางและมีตัวเลขใน {rows} แถว แต่ไม่ใช่คอลัมน์ของแบบฟอร์ม "
        "จึงไม่ได้อ่าน — ถ้าเป็นตัวเลขที่ต้องใช้ (เช่น งบประมาณ) ให้ย้ายไปไว้ในคอลัมน์ที่ถูกต้อง "
        "ถ้าไม่ใช้ก็ลบคอลัมน์นี้ออก",
        "Column {letter} (\"{value}\") is inside the table and holds numbers in "
        "{rows:n:row/rows}, but is none of the form's columns, so it was not read - if a "
        "figure there is needed (the budget, say) move it to its column, otherwise delete "
        "the column",
    ),
    FindingKind(
        "budget-satang-invalid", ERROR,
        "สตางค์ \"{value}\" ไม่ถูกต้อง: ต้องเป็นจำนวนเต็ม 0 ถึง 99 และช่องบาทต้องไม่มีทศนิยม — "
        "แก้ให้ถูก เช่น บาท 150000 สตางค์ 50",
        "Satang \"{value}\" is not valid: it must be a whole number from 0 to 99, with no "
        "decimals in the baht cell - correct it, e.g. baht 150000, satang 50",
    ),
    FindingKind(
        "table-very-large", WARNING,
        "ตาราง \"{sheet}\" มี {rows} แถว มากผิดปกติสำหรับหน่วยงานเดียว (เกิน {limit} แถว) — "
        "ตรวจว่าไม่ได้วางข้อมูลซ้ำหลายครั้ง หรือส่งไฟล์ผิด",
        "Table \"{sheet}\" has {rows} rows, unusually many for one department (over "
        "{limit}) - check that nothing was pasted twice and that it is the right file",
    ),
    FindingKind(
        "sheet-not-read", ERROR,
        "แผ่นงาน \"{sheet}\" มีตาราง{kind}อีกชุดหนึ่งที่โปรแกรมไม่ได้อ่าน (อ่านตาราง{kind}จากแผ่นงาน "
        "\"{read}\" แล้ว) — ย้ายแถวไปไว้ในแผ่นงาน \"{read}\" แล้วลบแผ่นงานนี้ (ถ้าเป็นสำเนา ลบทิ้งได้เลย)",
        "Sheet \"{sheet}\" holds another {kind_en} table that was not read (the {kind_en} "
        "table was read from sheet \"{read}\") - move its rows to \"{read}\" and delete this "
        "sheet (if it is a copy, just delete it)",
    ),
    # issue 14 class 4 and 9: which sheet holds which table; a printed ผด.02 pasted in
    FindingKind(
        "sheet-read-as", WARNING,
        "อ่านแผ่นงาน \"{sheet}\" เป็นตาราง{kind} (ดูจากหัวตาราง) — ตรวจว่าถูกต้อง "
        "แล้วเปลี่ยนชื่อแผ่นงานเป็น \"{standard}\"",
        "Sheet \"{sheet}\" was read as the {kind_en} table (by its header) - check this, "
        "then rename the sheet \"{standard}\"",
    ),
    FindingKind(
        "sheet-hidden-read", WARNING,
        "ตาราง{kind}อยู่ในแผ่นงาน \"{sheet}\" ที่ซ่อนไว้ จึงอ่านจากแผ่นงานนี้ — ตรวจว่าเป็นข้อมูลปีนี้ "
        "แล้วยกเลิกการซ่อน (คลิกขวาที่แถบแผ่นงาน > ยกเลิกการซ่อน)",
        "The {kind_en} table is on sheet \"{sheet}\", which is hidden, and was read from "
        "it - check it is this year's, then unhide the sheet (right-click a sheet tab > "
        "Unhide)",
    ),
    FindingKind(
        "sheet-hidden-not-read", ERROR,
        "แผ่นงาน \"{sheet}\" ซ่อนไว้และมีตาราง{kind}อีกชุดหนึ่งที่โปรแกรมไม่ได้อ่าน (อ่านตาราง{kind}"
        "จากแผ่นงาน \"{read}\" แล้ว) — ยกเลิกการซ่อน (คลิกขวาที่แถบแผ่นงาน > ยกเลิกการซ่อน) "
        "ย้ายแถวที่ต้องการไปไว้ในแผ่นงาน \"{read}\" แล้วลบแผ่นงานนี้",
        "Sheet \"{sheet}\" is hidden and holds another {kind_en} table that was not read "
        "(the {kind_en} table was read from sheet \"{read}\") - unhide it (right-click a "
        "sheet tab > Unhide), move the rows meant to \"{read}\" and delete this sheet",
    ),
    FindingKind(
        "table-kind-unclear", ERROR,
        "แผ่นงาน \"{sheet}\" มีตาราง แต่หัวตารางไม่บอกว่าเป็นตารางโครงการหรือครุภัณฑ์ จึงไม่ได้อ่าน "
        "(หัวตารางมี {found}) — ตารางโครงการต้องมีคอลัมน์ \"ยุทธศาสตร์\" \"โครงการ\" "
        "\"รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ\" ตารางครุภัณฑ์ต้องมี \"ประเภท\" และ "
        "\"เป้าหมาย (ผลผลิตของครุภัณฑ์)\" — ใช้หัวตารางตามแบบฟอร์ม",
        "Sheet \"{sheet}\" holds a table whose header says neither projects nor equipment, "
        "so it was not read (the header has {found}) - a project table has the columns "
        "ยุทธศาสตร์, โครงการ and รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ, an equipment "
        "table ประเภท and เป้าหมาย (ผลผลิตของครุภัณฑ์) - use the form's headers",
    ),
    FindingKind(
        "strategy-from-heading-rows", WARNING,
        "ตารางนี้ไม่มีคอลัมน์ {columns} (เป็นแบบ ผด.02 ที่วางมา) จึงอ่าน {columns} ของแต่ละโครงการ"
        "จากแถวหัวข้อที่อยู่เหนือโครงการนั้น (เช่น แถวนี้ \"{value}\") — ตรวจว่าแต่ละโครงการอยู่ใต้หัวข้อ"
        "ที่ถูกต้อง",
        "This table has no {columns} column (a printed ผด.02 pasted in), so each project's "
        "{columns} was read from the heading rows above it (such as this one, \"{value}\") - "
        "check that each project sits under the right heading",
    ),
    FindingKind(
        "no-heading-above", ERROR,
        "โครงการนี้ไม่มีแถวหัวข้อ {columns} อยู่ด้านบน (ตารางนี้ไม่มีคอลัมน์ {columns} "
        "จึงอ่านจากแถวหัวข้อ เช่น \"1. ยุทธศาสตร์…\" และ \"1.1 แผนงาน…\") — เพิ่มแถวหัวข้อเหนือโครงการนี้",
        "This project has no {columns} heading row above it (the table has no {columns} "
        "column, so they are read from heading rows such as \"1. ยุทธศาสตร์…\" and "
        "\"1.1 แผนงาน…\") - add the heading row above it",
    ),
    FindingKind(
        "fiscal-year-mismatch", ERROR,
        "ไฟล์นี้ระบุปีงบประมาณ {value} แต่แผนเป็นปี {year} — ตรวจว่าส่งไฟล์ของปีที่ถูกต้อง",
        "The file says fiscal year {value} but the plan is for {year} - check it is "
        "this year's file",
    ),
    # --- the rows ---
    FindingKind(
        "required-empty", ERROR,
        "ยังไม่ได้กรอก \"{column}\" — กรอกให้ครบ",
        "\"{column}\" is empty - fill it in",
    ),
    FindingKind(
        "budget-not-number", ERROR,
        "งบประมาณ \"{value}\" ไม่ใช่ตัวเลข — พิมพ์เป็นตัวเลข เช่น 150000 หรือ 150,000.50",
        "Budget \"{value}\" is not a number - type a number such as 150000 or 150,000.50",
    ),
    FindingKind(
        "budget-too-large", ERROR,
        "งบประมาณ \"{value}\" สูงเกินจริง (เกิน {limit} บาท) — ตรวจว่าพิมพ์ตัวเลขถูก",
        "Budget \"{value}\" is implausibly large (over {limit} baht) - check the figure",
    ),
    FindingKind(
        "budget-not-positive", ERROR,
        "งบประมาณ {value} ต้องมากกว่า 0",
        "Budget {value} must be greater than 0",
    ),
    FindingKind(
        "budget-too-many-decimals", ERROR,
        "งบประมาณ {value} มีทศนิยมเกิน 2 ตำแหน่ง — ปัดให้เหลือไม่เกินสตางค์",
        "Budget {value} has more than 2 decimals - round it to satang",
    ),
    FindingKind(
        "no-month", ERROR,
        "ยังไม่ได้ทำเครื่องหมายเดือนที่ดำเนินการ — ใส่ ✓ ในช่องเดือน ต.ค. ถึง ก.ย. อย่างน้อย 1 เดือน "
        "(โปรแกรมไม่นับการระบายสีในไฟล์ .xls สีพื้นที่เหมือนกันทั้งตาราง หรือเส้นและลูกศรที่วาดทับช่อง)",
        "No month is marked - put a ✓ in at least one month column (Oct to Sep); colour "
        "is not counted in an .xls file, nor a tint the whole table shares, nor lines and "
        "arrows drawn over the cells",
    ),
    FindingKind(
        "month-in-text-only", ERROR,
        "ระบุช่วงเวลา \"{months}\" ไว้ในข้อความ แต่ไม่ได้ทำเครื่องหมายในช่องเดือน — ใส่ ✓ ในช่องเดือน "
        "{marks}",
        "The text names \"{months}\" but no month column is marked - put a ✓ in "
        "{marks}",
    ),
    FindingKind(
        "month-marked-by-fill", WARNING,
        "อ่านเดือนที่ดำเนินการจากสีพื้นของช่อง ({marks}) เพราะไม่มีเครื่องหมายในช่อง — ตรวจว่าถูกต้อง "
        "และควรใส่ ✓ แทนการระบายสี",
        "The months were read from the cells' fill colour ({marks}) as no cell holds a "
        "mark - check them, and prefer a ✓ to colour",
    ),
    # --- months read other than by a mark in each month (read.months) ---
    FindingKind(
        "month-span-in-cell", WARNING,
        "อ่านช่วงเดือนจากข้อความ \"{words}\" ในช่องเดือน เป็น {months} — ตรวจว่าถูกต้อง "
        "และควรใส่ ✓ ในทุกเดือนที่ดำเนินการแทนการเขียนช่วงเดือน",
        "The span \"{words}\" written in a month cell was read as {months} - check it, "
        "and prefer a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-bar-merged", WARNING,
        "ช่องเดือนถูกผสานเป็นแถบเดียว จึงอ่านเป็นทุกเดือนที่แถบครอบคลุม ({months}) — ตรวจว่าถูกต้อง "
        "และควรยกเลิกการผสานเซลล์แล้วใส่ ✓ ทีละเดือน",
        "The month cells are merged into one bar, read as every month it covers "
        "({months}) - check it, and prefer unmerged cells with a ✓ in each month",
    ),
    FindingKind(
        "month-bar-arrows", WARNING,
        "อ่านเดือนจากลูกศรหัวท้าย เป็นทุกเดือนตั้งแต่ลูกศรแรกถึงลูกศรสุดท้าย ({months}) — "
        "ตรวจว่าถูกต้อง และควรใส่ ✓ ในทุกเดือนที่ดำเนินการแทนลูกศร",
        "The months were read from arrows at the two ends of a span, as every month "
        "from the first arrow to the last ({months}) - check it, and prefer a ✓ in each month",
    ),
    FindingKind(
        "month-mark-words", WARNING,
        "ช่องเดือนมีข้อความ \"{value}\" แทนเครื่องหมาย จึงนับเป็นเดือนที่ดำเนินการ ({months}) — "
        "ตรวจว่าถูกต้อง และควรใส่ ✓ แทนข้อความ",
        "The month cell holds the words \"{value}\" instead of a mark, counted as a month "
        "the work runs ({months}) - check it, and prefer a ✓",
    ),
    FindingKind(
        "month-tint-not-counted", WARNING,
        "อ่านเดือนจากเครื่องหมายเท่านั้น ({months}) ส่วนช่องเดือนอื่นที่ระบายสีเดียวกันทั้งหมด ถือเป็นสีพื้นของแบบฟอร์ม "
        "— ถ้าสีนั้นคือช่วงเวลาดำเนินการ ให้ใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The months were read from the marks only ({months}); the other month cells, all "
        "in one colour, were taken for the form's background - if the colour shows when "
        "the work runs, put a ✓ in each of those months",
    ),
    FindingKind(
        "month-fill-not-counted", WARNING,
        "อ่านเดือนจากเครื่องหมายเท่านั้น ({months}) ส่วนเดือน {shaded} ระบายสีไว้แต่ไม่มีเครื่องหมาย "
        "จึงไม่นับ — ถ้าดำเนินการในเดือนเหล่านั้นด้วย ให้ใส่ ✓ ถ้าไม่ใช่ ให้ลบสีออก",
        "The months were read from the marks only ({months}); {shaded} are shaded but hold "
        "no mark, so they were not counted - if the work runs then too, put a ✓ in them, "
        "otherwise clear the colour",
    ),
    FindingKind(
        "month-unreadable", ERROR,
        "อ่านช่องเดือนไม่ได้: \"{value}\" ไม่ใช่เครื่องหมาย ช่วงเดือน หรือลูกศร จึงไม่แน่ใจว่าดำเนินการ"
        "เดือนนี้หรือไม่ — ใส่ ✓ ถ้าดำเนินการ หรือลบข้อความออกถ้าไม่ดำเนินการ",
        "The month cell holds \"{value}\", which is not a mark, a span or an arrow, so "
        "whether the work runs that month is not certain - put a ✓ if it does, or clear "
        "the cell if it does not",
    ),
    FindingKind(
        "month-arrow-unmatched", ERROR,
        "ลูกศร \"{value}\" ในช่องเดือนไม่มีลูกศรอีกด้านมาคู่กัน จึงไม่รู้ว่าช่วงเดือนเริ่มหรือสิ้นสุดเดือนใด "
        "— ใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The arrow \"{value}\" in a month cell has no arrow at the other end, so where "
        "the span starts or ends is not known - put a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-span-backwards", ERROR,
        "ช่วงเดือน \"{words}\" ย้อนกลับหรือข้ามปีงบประมาณ (ปีงบประมาณเริ่ม ต.ค. สิ้นสุด ก.ย.) — "
        "แก้ช่วงเดือนให้ถูกต้อง หรือใส่ ✓ ในทุกเดือนที่ดำเนินการ",
        "The span \"{words}\" runs backwards or across fiscal years (the fiscal year runs "
        "from Oct to Sep) - correct it, or put a ✓ in each month the work runs",
    ),
    FindingKind(
        "month-colour-unknown", ERROR,
        "ช่องเดือน {months} ผสานเป็นแถบแต่ไม่มีเครื่องหมาย และไฟล์ .xls ไม่เก็บสีให้โปรแกรมอ่านได้ — "
        "ใส่ ✓ ในทุกเดือนที่ดำเนินการ หรือบันทึกไฟล์เป็น .xlsx",
        "Month cells {months} are merged into a bar with no mark, and an .xls file keeps "
        "no colour the program can read - put a ✓ in each month, or save as .xlsx",
    ),
    FindingKind(
        "unknown-strategy", ERROR,
        "ไม่พบยุทธศาสตร์ \"{value}\" ในไฟล์ตั้งค่า — เลือกจากรายการ (ใส่เลขยุทธศาสตร์ 1 ถึง {count})",
        "Strategy \"{value}\" is not in the settings - choose from the list "
        "(strategy numbers 1 to {count})",
    ),
    FindingKind(
        "unknown-programme", ERROR,
        "ไม่พบแผนงาน \"{value}\" ในไฟล์ตั้งค่า — เลือกแผนงานจากรายการ",
        "Programme \"{value}\" is not in the settings - choose one from the list",
    ),
    FindingKind(
        "unknown-approach", ERROR,
        "ไม่พบแนวทาง \"{value}\" ภายใต้ยุทธศาสตร์ที่ {strategy} — เลือกแนวทางจากรายการของยุทธศาสตร์นั้น",
        "Approach \"{value}\" is not under strategy {strategy} - choose one of "
        "that strategy's approaches",
    ),
    FindingKind(
        "unknown-equipment-type", ERROR,
        "ไม่พบประเภทครุภัณฑ์ \"{value}\" ในไฟล์ตั้งค่า — เลือกประเภทจากรายการ",
        "Equipment type \"{value}\" is not in the settings - choose one from the list",
    ),
    FindingKind(
        "equipment-no-form", ERROR,
        "ระเบียบฉบับ พ.ศ. 2548 ไม่มีแบบ ผด.02/1 รายการครุภัณฑ์นี้จึงไม่ปรากฏในแผน — "
        "ย้ายไปกรอกเป็นโครงการในแผ่นงาน \"โครงการ\"",
        "The 2548 edition has no ผด.02/1 form, so this equipment item would appear "
        "nowhere - enter it as a project on the โครงการ sheet",
    ),
    FindingKind(
        "continuation-row", WARNING,
        "แถวนี้มีเฉพาะข้อความใน \"{column}\" จึงถือเป็นข้อความต่อจากแถว {previous} และนำไปต่อท้ายแล้ว "
        "— ถ้าเป็นโครงการใหม่ ให้กรอกช่องอื่นให้ครบ",
        "This row holds only text in \"{column}\", so it was appended to row {previous} - if "
        "it is a new project, fill in its other cells",
    ),
    FindingKind(
        "note-row", WARNING,
        "ข้อความใต้ตาราง \"{value}\" (ลงชื่อ ตำแหน่ง หมายเหตุ) ไม่ได้นำเข้าแผน — ถ้าไม่ใช่โครงการ "
        "ให้ลบออกจากตารางหรือย้ายไปไว้ใต้ตารางโดยเว้นแถวว่าง ถ้าเป็นโครงการ ให้กรอกงบประมาณและช่องอื่นให้ครบ",
        "The text under the table \"{value}\" (a signature, position or note) was not taken "
        "into the plan - if it is not a project, delete it from the table or move it below; "
        "if it is a project, fill in its budget and other cells",
    ),
    # --- rows a person hid, filtered out or struck through: still data, read ---
    FindingKind(
        "row-hidden", WARNING,
        "แถวนี้ถูกซ่อนไว้ (มองไม่เห็นเมื่อเปิดไฟล์) แต่ยังอ่านเข้าแผนเหมือนแถวอื่น — ถ้าไม่ต้องการ "
        "ให้ลบแถวออก ถ้าต้องการ ให้เลิกซ่อนแถว (คลิกขวาที่หัวแถว > ยกเลิกการซ่อน) เพื่อให้ทุกคนเห็นตรงกัน",
        "This row is hidden (not seen when the file is opened) but was read into the plan "
        "like any other - if it is not wanted, delete the row; if it is, unhide it so that "
        "everyone sees the same",
    ),
    FindingKind(
        "row-filtered-out", WARNING,
        "แถวนี้ถูกตัวกรอง (Filter) ซ่อนไว้ แต่ยังอ่านเข้าแผนเหมือนแถวอื่น เพราะตัวกรองแค่ซ่อน "
        "ไม่ได้ลบ — ล้างตัวกรอง (ข้อมูล > ล้าง) เพื่อดูทุกแถว ถ้าไม่ต้องการแถวนี้ ให้ลบแถวออก",
        "This row is hidden by a filter but was read into the plan like any other, since a "
        "filter only hides rows - clear the filter (Data > Clear) to see every row, and "
        "delete this one if it is not wanted",
    ),
    FindingKind(
        "row-struck-through", WARNING,
        "ข้อความในแถวนี้ถูกขีดฆ่า ซึ่งอาจหมายถึงยกเลิก แต่ยังอ่านเข้าแผนเหมือนแถวอื่น — ถ้ายกเลิกแล้ว "
        "ให้ลบแถวออก ถ้ายังทำอยู่ ให้เอาเส้นขีดฆ่าออก",
        "The text of this row is struck through, which may mean cancelled, but the row was "
        "read into the plan like any other - if it is cancelled, delete the row; if not, "
        "remove the strikethrough",
    ),
    FindingKind(
        "cell-struck-through", WARNING,
        "ค่าในช่อง \"{column}\" ({value}) ถูกขีดฆ่า แต่ยังอ่านค่านี้เข้าแผน — ถ้าเป็นค่าที่ยกเลิกแล้ว "
        "ให้แก้เป็นค่าที่ถูกต้อง ถ้าค่านี้ถูกต้อง ให้เอาเส้นขีดฆ่าออก",
        "The value in \"{column}\" ({value}) is struck through but was read into the plan - "
        "if it was cancelled, put the right value in; if it is right, remove the "
        "strikethrough",
    ),
    FindingKind(
        "total-row-mismatch", WARNING,
        "แถวรวมระบุ {value} บาท แต่ผลรวมของแถวข้างบนคือ {expected} บาท — โปรแกรมรวมยอดเองและไม่ใช้แถวนี้ "
        "ตรวจว่ามีแถวตกหล่นหรือพิมพ์ยอดผิด",
        "The total row says {value} baht but the rows above add up to {expected} baht - "
        "the tool sums the rows itself and ignores this row; check for a missing row or "
        "a mistyped total",
    ),
    FindingKind(
        "formula-cell", WARNING,
        "ช่องนี้เป็นสูตร {formula} โปรแกรมใช้ค่าที่คำนวณไว้ \"{value}\" — ตรวจว่าค่าถูกต้อง "
        "และควรพิมพ์เป็นตัวเลขหรือข้อความแทนสูตร",
        "This cell holds the formula {formula}; its saved value \"{value}\" is used - "
        "check it, and prefer typing the value",
    ),
    FindingKind(
        "text-too-long", WARNING,
        "ข้อความใน \"{column}\" ยาว {length} ตัวอักษร เกินกว่าที่พิมพ์ในแบบฟอร์มได้พอดี ({limit}) — "
        "ย่อให้สั้นลง",
        "The text in \"{column}\" is {length} characters long, more than fits the printed "
        "form ({limit}) - shorten it",
    ),
    FindingKind(
        "text-over-cell-limit", ERROR,
        "ข้อความใน \"{column}\" ยาว {length} ตัวอักษร เกินที่ช่องหนึ่งของ Excel เก็บได้ ({limit}) "
        "จึงใส่ในแบบฟอร์มไม่ได้ — ตรวจว่าไม่ได้วางข้อความผิดช่อง แล้วย่อให้สั้นลง",
        "The text in \"{column}\" is {length} characters long, more than one Excel cell "
        "holds ({limit}), so it cannot go into the forms - check it was not pasted into "
        "the wrong cell, and shorten it",
    ),
    FindingKind(
        "name-variant", WARNING,
        "\"{value}\" ถือเป็น \"{standard}\" — ควรเลือกชื่อจากรายการให้ตรงกัน",
        "\"{value}\" was read as \"{standard}\" - pick the exact name from the list",
    ),
    # a blank form sent back
    FindingKind(
        "no-data-rows", WARNING,
        "ไฟล์นี้มีแต่หัวตาราง ยังไม่มีโครงการหรือครุภัณฑ์สักแถว (หน่วยงานส่งแบบฟอร์มเปล่ามา) — ถ้าหน่วยงาน"
        "มีโครงการในปีนี้ ขอให้กรอกแล้วส่งใหม่ ถ้าไม่มีจริงก็ไม่ต้องแก้ไข",
        "This file holds the table headers but not one project or equipment row (the "
        "department sent the blank form back) - if it has projects this year, ask it to "
        "fill them in and send the file again; if it truly has none, nothing to fix",
    ),
    # --- the plan as a whole ---
    FindingKind(
        "department-no-submission", WARNING,
        "หน่วยงาน \"{department}\" ยังไม่ได้ส่งไฟล์ — ติดตามให้ส่งก่อนจัดทำแผน",
        "Department \"{department}\" has sent nothing - follow up before publishing",
    ),
    FindingKind(
        "unknown-department", WARNING,
        "ไม่ทราบว่าไฟล์นี้เป็นของหน่วยงานใด (\"{value}\" ไม่มีในไฟล์ตั้งค่า) — ตั้งชื่อไฟล์ตามรหัสหน่วยงาน "
        "หรือกรอกชื่อหน่วยงานในแผ่นงาน \"หน่วยงาน\"",
        "Cannot tell which department sent this file (\"{value}\" is not in the "
        "settings) - name it after the department code or fill in its หน่วยงาน sheet",
    ),
    FindingKind(
        "department-several-files", WARNING,
        "หน่วยงาน \"{department}\" ส่งมาหลายไฟล์ ({files}) ทุกไฟล์ถูกนับ — ถ้าเป็นฉบับแก้ไข "
        "ให้ลบฉบับเก่าออก",
        "Department \"{department}\" sent several files ({files}) and all are counted - "
        "if one replaces another, remove the old one",
    ),
    FindingKind(
        "duplicate-project", WARNING,
        "โครงการ \"{value}\" ที่ \"{place}\" ซ้ำกับ {other} — ตรวจว่าไม่ได้ส่งซ้ำ",
        "Project \"{value}\" at \"{place}\" repeats {other} - check it was not "
        "submitted twice",
    ),
    # --- the plan record: a second row the row id cannot tell apart ---
    FindingKind(
        "duplicate-equipment", WARNING,
        "ครุภัณฑ์ \"{value}\" ที่ \"{place}\" ซ้ำกับ {other} ของหน่วยงานเดียวกัน — ตรวจว่าไม่ได้"
        "กรอกซ้ำ ถ้าซื้อสองครั้งจริง ให้รวมเป็นรายการเดียว หรือเขียนเป้าหมายให้ต่างกัน",
        "Equipment \"{value}\" at \"{place}\" repeats {other} of the same department - "
        "check it was not entered twice; if it is bought twice, make it one item or tell "
        "the targets apart",
    ),
    FindingKind(
        "not-in-dev-plan", WARNING,
        "ไม่พบโครงการ \"{value}\" ในบัญชีแผนพัฒนา — ตรวจชื่อหรือเพิ่มในแผ่นงาน \"แผนพัฒนา\"",
        "Project \"{value}\" is not in the development-plan list - check its name",
    ),
)
