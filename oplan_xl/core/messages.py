"""Every message the tool prints, in Thai and English, keyed by a stable name.

Finding messages live in ``findings.CATALOGUE``; this module holds the rest
(errors, command output).  ``text()`` renders either kind.
"""

from __future__ import annotations

from oplan_xl.core.wording import fill

LANGS = ("th", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- settings workbook (exit 2) ---
    "settings-not-found": (
        "ไม่พบไฟล์ตั้งค่า {path} — สร้างด้วยคำสั่ง oplan init ก่อน",
        "Settings workbook {path} not found - create it with `oplan init` first",
    ),
    "settings-unreadable": (
        "เปิดไฟล์ตั้งค่า {path} ไม่ได้ ไฟล์อาจเสียหรือคัดลอกมาไม่ครบ ({reason}) — เปิดใน Excel แล้วบันทึกใหม่ "
        "หรือใช้ฉบับสำรองที่ยังเปิดได้",
        "Cannot open settings workbook {path}; it may be damaged or incomplete ({reason}) - "
        "open it in Excel and save it again, or use a backup copy that opens",
    ),
    "settings-encrypted": (
        "ไฟล์ตั้งค่า {path} ตั้งรหัสผ่านไว้ โปรแกรมจึงอ่านไม่ได้ — เปิดใน Excel แล้วเอารหัสผ่านออก "
        "(ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน ลบรหัสให้ว่าง) แล้วบันทึก",
        "Settings workbook {path} is password protected and cannot be read - open it in "
        "Excel, remove the password (File > Info > Protect Workbook) and save",
    ),
    "settings-not-workbook": (
        "ไฟล์ตั้งค่า {path} ไม่ใช่ไฟล์ Excel ({reason}) — ใช้ไฟล์ plan.xlsx ที่สร้างด้วย oplan init "
        "หรือเปิดใน Excel แล้วบันทึกเป็น .xlsx",
        "Settings workbook {path} is not a workbook ({reason}) - use the plan.xlsx made by "
        "`oplan init`, or open it in Excel and save it as .xlsx",
    ),
    "settings-too-large": (
        "ไฟล์ตั้งค่า {path} ใหญ่ผิดปกติ ({reason}) จึงไม่อ่าน — ลบแถว คอลัมน์ หรือรูปภาพที่ไม่ใช้ออก "
        "(มักมีข้อความหลงอยู่ไกลจากตาราง) หรือสร้างใหม่ด้วย oplan init",
        "Settings workbook {path} is unusually large ({reason}) and was not read - delete "
        "unused rows, columns or pictures (often a stray value far from the table), or "
        "make a new one with `oplan init`",
    ),
    "settings-sheet-missing": (
        "ไฟล์ตั้งค่าไม่มีแผ่นงาน \"{sheet}\" — เพิ่มแผ่นงานชื่อ \"{sheet}\" ที่แถว 1 มีหัวคอลัมน์ "
        "{columns} แล้วกรอกรายการตั้งแต่แถว 2 หรือสร้างแผนตัวอย่างในโฟลเดอร์ใหม่ด้วยคำสั่ง "
        "oplan init แผนตัวอย่าง --org ตัวอย่าง --year {year} แล้วคัดลอกแผ่นงาน \"{sheet}\" "
        "จาก plan.xlsx ในโฟลเดอร์นั้นมาใส่ (คลิกขวาที่แถบแผ่นงาน > ย้ายหรือคัดลอก)",
        "The settings workbook has no sheet \"{sheet}\" - add a sheet named \"{sheet}\" whose "
        "row 1 reads {columns}, with the items from row 2; or make a sample plan in a new "
        "folder with `oplan init sample-plan --org sample --year {year}` and copy the sheet "
        "\"{sheet}\" of its plan.xlsx into yours (right-click the sheet tab > Move or Copy)",
    ),
    "settings-bad-header": (
        "แผ่นงาน \"{sheet}\" ของไฟล์ตั้งค่า: หัวตารางแถว 1 ต้องเป็น {expected} แต่พบ {found}",
        "Sheet \"{sheet}\" of the settings: row 1 must read {expected}, found {found}",
    ),
    "settings-unknown-key": (
        "แผ่นงาน \"ข้อมูลทั่วไป\" แถว {row}: ไม่รู้จักรายการ \"{key}\" — ใช้ได้เฉพาะ {known}",
        "Sheet \"ข้อมูลทั่วไป\" row {row}: unknown item \"{key}\" - allowed: {known}",
    ),
    "settings-missing-key": (
        "แผ่นงาน \"ข้อมูลทั่วไป\": ต้องกรอก \"{key}\"",
        "Sheet \"ข้อมูลทั่วไป\": \"{key}\" must be filled in",
    ),
    "settings-bad-year": (
        "ปีงบประมาณ \"{value}\" ไม่ถูกต้อง — ใส่ปี พ.ศ. 4 หลัก ระหว่าง {low} ถึง {high} เช่น 2568",
        "Fiscal year \"{value}\" is not valid - enter a Buddhist-era year between "
        "{low} and {high}, e.g. 2568",
    ),
    "settings-ce-year": (
        "ปีงบประมาณ \"{value}\" ดูเหมือนเป็นปี ค.ศ. — ใส่เป็นปี พ.ศ. ({be})",
        "Fiscal year \"{value}\" looks like a Common Era year - enter the "
        "Buddhist-era year ({be})",
    ),
    "settings-bad-edition": (
        "ฉบับระเบียบ \"{value}\" ไม่ถูกต้อง — ใช้ 2548, 2559 หรือ 2561 หรือเว้นว่างให้โปรแกรมเลือกตามปีงบประมาณ",
        "Regulation edition \"{value}\" is not valid - use 2548, 2559 or 2561, "
        "or leave it empty to infer it from the fiscal year",
    ),
    "settings-bad-yesno": (
        "รายการ \"{key}\" ต้องเป็น ใช่ หรือ ไม่ใช่ (พบ \"{value}\")",
        "Item \"{key}\" must be ใช่ (yes) or ไม่ใช่ (no), found \"{value}\"",
    ),
    "settings-bad-number": (
        "แผ่นงาน \"{sheet}\" ช่อง {cell}: {label} \"{value}\" ไม่ใช่ตัวเลข — ใส่เป็นจำนวนเต็ม "
        "เช่น 1, 2, 3",
        "Sheet \"{sheet}\" cell {cell}: {label} \"{value}\" is not a number - enter a whole "
        "number such as 1, 2, 3",
    ),
    "settings-duplicate-number": (
        "แผ่นงาน \"{sheet}\" ช่อง {cell}: ลำดับ {value} ซ้ำกับแถว {first} — แก้ลำดับให้ไม่ซ้ำกัน",
        "Sheet \"{sheet}\" cell {cell}: number {value} is already used in row {first} - give "
        "each row its own number",
    ),
    "settings-duplicate": (
        "แผ่นงาน \"{sheet}\" ช่อง {cell}: \"{value}\" ซ้ำกับแถว {first} — ลบแถวที่ซ้ำ "
        "หรือแก้ให้ไม่ซ้ำกัน",
        "Sheet \"{sheet}\" cell {cell}: \"{value}\" repeats row {first} - remove the copy "
        "or rename it",
    ),
    "settings-blank-name": (
        "แผ่นงาน \"{sheet}\" ช่อง {cell}: ยังไม่ได้กรอกชื่อ{label} (ลำดับ {number}) — กรอกชื่อ "
        "หรือลบทั้งแถวถ้าไม่ใช้",
        "Sheet \"{sheet}\" cell {cell}: the name ({label}) of number {number} is empty - "
        "fill it in, or delete the whole row if it is not used",
    ),
    "settings-bad-amount": (
        "แผ่นงาน \"{sheet}\" ช่อง {cell}: {label} \"{value}\" ไม่ใช่จำนวนเงิน — ใส่เป็นตัวเลข "
        "เช่น 150000 หรือเว้นว่างถ้าไม่ทราบ",
        "Sheet \"{sheet}\" cell {cell}: {label} \"{value}\" is not an amount - enter a "
        "number such as 150000, or leave it empty if not known",
    ),
    "settings-empty-list": (
        "แผ่นงาน \"{sheet}\" ยังไม่มีรายการ — กรอกอย่างน้อย 1 รายการ",
        "Sheet \"{sheet}\" is empty - enter at least one item",
    ),
    "settings-bad-approach": (
        "แผ่นงาน \"แนวทาง\" ช่อง {cell}: ยุทธศาสตร์ \"{value}\" ไม่มีในแผ่นงาน \"ยุทธศาสตร์\" — "
        "ใส่เลขลำดับของยุทธศาสตร์ที่มีในแผ่นงานนั้น",
        "Sheet \"แนวทาง\" cell {cell}: strategy \"{value}\" is not on sheet \"ยุทธศาสตร์\" - "
        "enter the number of one of its strategies",
    ),
    "settings-missing-code": (
        "แผ่นงาน \"หน่วยงาน\" ช่อง {cell}: ต้องกรอกรหัสหน่วยงาน (ใช้ตั้งชื่อไฟล์ เช่น works)",
        "Sheet \"หน่วยงาน\" cell {cell}: the department code (used for file names, e.g. "
        "works) is required",
    ),
    # --- usage (exit 2) ---
    "plan-dir-exists": (
        "มีไฟล์ตั้งค่า {path} อยู่แล้ว — ไม่เขียนทับ (ลบหรือย้ายไฟล์เดิมก่อนถ้าต้องการเริ่มใหม่)",
        "{path} already exists - not overwritten (move it away to start afresh)",
    ),
    "edition-kind-unknown": (
        "ไม่รู้จักฉบับ \"{kind}\" — ใช้ --kind เพิ่มเติม, --kind เปลี่ยนแปลง หรือ --kind แก้ไข "
        "(หรือ add, change, correct)",
        "Unknown edition kind \"{kind}\" - use --kind เพิ่มเติม, เปลี่ยนแปลง or แก้ไข "
        "(or add, change, correct)",
    ),
    "edition-plan-has-errors": (
        "แผนปัจจุบันยังมีข้อผิดพลาด {errors} รายการ จึงเตรียมแบบกรอกที่มีแถวเดิมให้ไม่ได้ — "
        "สั่ง oplan build แล้วแก้ข้อผิดพลาดให้หมดก่อน",
        "The current plan has {errors:n:error/errors}, so its rows cannot be filled in "
        "for an edition - run `oplan build` and fix them first",
    ),
    "plan-dir-missing": (
        "ไม่พบโฟลเดอร์แผน {path} — ตรวจชื่อโฟลเดอร์ (ชื่อที่มีเว้นวรรคต้องอยู่ในเครื่องหมาย \"...\") "
        "หรือสร้างโฟลเดอร์แผนใหม่ด้วย oplan init",
        "Plan folder {path} not found - check its name (put a name with spaces in \"...\"), "
        "or make a new plan folder with `oplan init`",
    ),
    "plan-dir-is-settings-file": (
        "{path} เป็นไฟล์ ไม่ใช่โฟลเดอร์ — ให้ระบุโฟลเดอร์แผนที่มีไฟล์นี้อยู่ คือ \"{folder}\"",
        "{path} is a file, not a folder - give the plan folder that holds it: \"{folder}\"",
    ),
    "plan-dir-is-file": (
        "{path} เป็นไฟล์ ไม่ใช่โฟลเดอร์ — ให้ระบุโฟลเดอร์แผน คือโฟลเดอร์ที่มีไฟล์ plan.xlsx "
        "และโฟลเดอร์ submissions อยู่ข้างใน",
        "{path} is a file, not a folder - give the plan folder, the one that holds "
        "plan.xlsx and the submissions folder",
    ),
    "new-dir-is-file": (
        "{path} เป็นไฟล์ที่มีอยู่แล้ว ไม่ใช่โฟลเดอร์ — ระบุชื่อโฟลเดอร์ใหม่ที่จะสร้าง เช่น {example}",
        "{path} is an existing file, not a folder - give the name of a new folder to "
        "create, e.g. {example}",
    ),
    "new-dir-named-like-file": (
        "\"{path}\" เป็นชื่อไฟล์ ที่นี่ต้องระบุชื่อโฟลเดอร์ใหม่ที่จะสร้าง (โปรแกรมสร้าง plan.xlsx ไว้ข้างใน) "
        "— เช่น {example}",
        "\"{path}\" is a file name; give the name of a new folder to create here (plan.xlsx "
        "is made inside it) - e.g. {example}",
    ),
    "sample-missing": (
        "ไม่พบแผนตัวอย่างที่มากับโปรแกรม — ติดตั้งโปรแกรมใหม่ด้วย pip install .",
        "The bundled sample plan is missing - reinstall with `pip install .`",
    ),
    "demo-dir-not-empty": (
        "โฟลเดอร์ {path} มีไฟล์อยู่แล้ว — ระบุโฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง",
        "{path} is not empty - give a new or empty folder",
    ),
    "demo-dir-edited": (
        "ไม่เขียนทับโฟลเดอร์ {path} เพราะไฟล์ในนั้นถูกแก้ไขหลังจาก oplan demo คัดลอกไปไว้ ({files}) — "
        "ถ้าต้องการสร้างแบบ ผด. จากไฟล์ที่แก้ไขแล้ว สั่ง oplan build {path} "
        "ถ้าต้องการแผนตัวอย่างชุดใหม่ ระบุโฟลเดอร์ใหม่ เช่น oplan demo {example}",
        "{path} was not overwritten: its files were changed after `oplan demo` copied them "
        "there ({files}) - to build the forms from the edited files run `oplan build "
        "{path}`; for a fresh sample plan give a new folder, e.g. `oplan demo {example}`",
    ),
    # --- outputs (exit 1) ---
    "output-locked": (
        "เขียนไฟล์ {path} ไม่ได้ — ไฟล์อาจเปิดค้างอยู่ใน Excel หรือเป็นแบบอ่านอย่างเดียว "
        "ปิดไฟล์แล้วสั่งใหม่ ({reason})",
        "Cannot write {path} - it may be open in Excel or read-only; close it and "
        "run again ({reason})",
    ),
    "outputs-in-use": (
        "ไฟล์ผลลัพธ์ต่อไปนี้เปิดอยู่ในโปรแกรมอื่น (เช่น Excel) หรือเป็นแบบอ่านอย่างเดียว: {paths} — "
        "ปิดทุกไฟล์แล้วสั่งใหม่ ครั้งนี้ยังไม่ได้เขียนแบบและ preview ใหม่ ไฟล์เดิมยังอยู่ครบ",
        "These outputs are open in another program (Excel?) or read-only: {paths} - close "
        "them all and run again; the forms and the preview were not written this time, the "
        "previous files are untouched",
    ),
    "output-failed": (
        "เขียนไฟล์ {path} ไม่ได้ ({reason}) — ตรวจว่าดิสก์ยังมีที่ว่าง และโฟลเดอร์ output เขียนได้ "
        "แล้วสั่งใหม่ ไฟล์เดิมยังอยู่ครบ",
        "Cannot write {path} ({reason}) - check there is space on the disk and the output "
        "folder can be written, then run again; the previous file is untouched",
    ),
    "stale-not-moved": (
        "ย้ายไฟล์ {path} ซึ่งสร้างไว้ครั้งก่อนออกไปไม่ได้ ({reason}) — ไฟล์นี้ไม่ตรงกับข้อมูลที่ส่งมาล่าสุดแล้ว "
        "อย่านำไปใช้ ปิดไฟล์ (เช่น ใน Excel) แล้วสั่งใหม่",
        "Cannot move {path}, made by an earlier build, aside ({reason}) - it no longer "
        "matches the submissions, do not use it; close it (in Excel?) and run again",
    ),
    "submission-not-moved": (
        "ย้ายไฟล์ {path} ไม่ได้ ({reason}) — ถ้าเปิดอยู่ในโปรแกรมอื่น (เช่น Excel) ให้ปิดก่อนแล้วลองใหม่",
        "Cannot move {path} ({reason}) - if it is open in another program (Excel?), close it "
        "and try again",
    ),
    "submission-not-found": (
        "ไม่พบไฟล์ {name} ในโฟลเดอร์ submissions",
        "No file {name} in the submissions folder",
    ),
    "internal-error": (
        "เกิดข้อผิดพลาดภายในโปรแกรม: {reason} — สั่งใหม่พร้อม --debug แล้วส่งข้อความให้ผู้ดูแล",
        "Internal error: {reason} - run again with --debug and send the output to "
        "the maintainers",
    ),
    "serve-port-busy": (
        "พอร์ต {port} มีโปรแกรมอื่นใช้อยู่ ให้สั่งใหม่โดยไม่ใส่ --port หรือใส่เลขอื่น",
        "Port {port} is in use by another program; run again without --port or with "
        "another number",
    ),
    # --- command output ---
    "serve-address": (
        "หน้าโปรแกรมแผนเปิดอยู่ที่ที่อยู่ด้านล่าง (เปิดได้เฉพาะในเครื่องนี้) "
        "ปิดหน้าต่างนี้หรือกด Ctrl+C เมื่อเลิกใช้",
        "The plan's page is at the address below (on this computer only); close this "
        "window or press Ctrl+C when done",
    ),
    "serve-stopped": (
        "ปิดหน้าโปรแกรมแผนแล้ว",
        "The plan's page is closed",
    ),
    "init-done": (
        "สร้างแผน {org} ปีงบประมาณ {year} ที่ {path} แล้ว\n"
        "ขั้นต่อไป: แก้ไขยุทธศาสตร์และหน่วยงานใน plan.xlsx แล้วสั่ง oplan template",
        "Created the plan of {org} for fiscal year {year} in {path}\n"
        "Next: edit the strategies and departments in plan.xlsx, then run `oplan template`",
    ),
    "reconciliation": (
        "กระทบยอด: อ่าน {rows_read} แถว {baht_read} บาท = เข้าแผน {rows_planned} แถว "
        "{baht_planned} บาท + ไม่เข้าแผน {rows_rejected} แถว {baht_rejected} บาท",
        "Reconciliation: read {rows_read:n:row/rows} {baht_read} baht = planned "
        "{rows_planned:n:row/rows} {baht_planned} baht + rejected {rows_rejected:n:row/rows} "
        "{baht_rejected} baht",
    ),
    "reading-files": (
        "กำลังอ่านไฟล์ของหน่วยงาน",
        "Reading the submissions",
    ),
    "summary-ok": (
        "ไม่พบข้อผิดพลาด ({warnings} คำเตือน)",
        "No errors ({warnings:n:warning/warnings})",
    ),
    "summary-errors": (
        "พบข้อผิดพลาด {errors} รายการ และคำเตือน {warnings} รายการ — แก้ข้อผิดพลาดก่อนสั่ง build",
        "{errors:n:error/errors} and {warnings:n:warning/warnings} - fix the errors before "
        "`build`",
    ),
    "build-blocked": (
        "ยังไม่สร้างแบบ ผด. เพราะมีข้อผิดพลาด — แก้ไขแล้วสั่งใหม่ หรือใช้ --force เพื่อสร้างจากแถวที่ถูกต้อง",
        "Forms not written because of errors - fix them, or use --force to build "
        "from the valid rows",
    ),
    "build-done": (
        "สร้างแผนการดำเนินงาน: {projects} โครงการ งบประมาณรวม {baht} บาท, ครุภัณฑ์ {equipment} รายการ",
        "Built the operational plan: {projects:n:project/projects}, {baht} baht in total, "
        "{equipment:n:equipment item/equipment items}",
    ),
    "build-draft": (
        "แบบ ผด. และ preview ครั้งนี้เป็นฉบับร่าง เพราะสร้างด้วย --force ทั้งที่ยังมีข้อผิดพลาด {errors} รายการ "
        "ทุกหน้าพิมพ์คำว่า “ฉบับร่าง” ไว้ — แก้ข้อผิดพลาดแล้วสั่ง build ใหม่เพื่อได้ฉบับประกาศ",
        "These forms and the preview are a draft, built with --force despite "
        "{errors:n:error/errors}; every page says so - fix the errors and build again for "
        "the final plan",
    ),
    "stale-moved": (
        "ย้ายแบบ ผด. และ preview ที่สร้างไว้ครั้งก่อนไปไว้ที่ {path} แล้ว (ไม่ได้ลบ) เพราะไม่ตรงกับข้อมูลที่ส่งมาล่าสุด: "
        "{files}",
        "Moved the forms and preview of an earlier build to {path} (nothing deleted): they "
        "no longer match the submissions: {files}",
    ),
    "wrote": ("เขียน {label}: {path}", "Wrote {label}: {path}"),
    # what build wrote, by its name in BuildResult.outputs: the forms, not the files
    "output-pd01": ("แบบ ผด.01", "form ผด.01"),
    "output-pd02": ("แบบ ผด.02", "form ผด.02"),
    "output-pd02-1": ("แบบ ผด.02/1", "form ผด.02/1"),
    "output-preview": ("เล่มแผนสำหรับอ่านบนจอและพิมพ์", "the plan book to read and print"),
    "wrote-data": (
        "เขียนข้อมูลแผน (CSV/JSON): {path} ({files})",
        "Wrote the plan record (CSV/JSON): {path} ({files})",
    ),
    "edition-done": (
        "สร้างฉบับ {name}: {path} — ส่งแบบกรอกใน templates ให้หน่วยงาน แล้ววางไฟล์ที่กรอกแล้ว"
        "ใน submissions ของฉบับนี้ จากนั้นสั่ง oplan build",
        "Made edition {name}: {path} - send the workbooks in templates to the "
        "departments, put the filled ones in this edition's submissions, then run "
        "`oplan build`",
    ),
    "edition-heading": ("— ฉบับ {name} ({path}) —", "— Edition {name} ({path}) —"),
    "edition-built": (
        "ฉบับ {name}: เพิ่ม {added} บาท, เปลี่ยนแปลง {changed} บาท, ยกเลิก {cancelled} บาท; "
        "เขียนแบบไว้ที่ {path}",
        "Edition {name}: added {added} baht, changed {changed} baht, cancelled "
        "{cancelled} baht; forms in {path}",
    ),
    "edition-blocked": (
        "ฉบับ {name} มีข้อผิดพลาด จึงไม่สร้างฉบับนี้ ฉบับถัดไป และแผนปัจจุบัน — แก้ไฟล์ใน {path} "
        "แล้วสั่ง oplan build อีกครั้ง",
        "Edition {name} was not built, nor the later editions and the current plan, "
        "because of its errors - fix the files in {path} and run `oplan build` again",
    ),
    "current-built": (
        "แผนปัจจุบัน (ฉบับรวม ณ {name}): {projects} โครงการ งบประมาณรวม {baht} บาท — {path}",
        "Current plan (as of {name}): {projects:n:project/projects}, {baht} baht in total "
        "- {path}",
    ),
    "wrote-template": ("เขียนแบบกรอกข้อมูล: {path}", "Wrote an input workbook: {path}"),
    "demo-copied": (
        "คัดลอกแผนตัวอย่างไปที่ {path}",
        "Copied the sample plan to {path}",
    ),
    "file-heading": ("ไฟล์ {file} ({department})", "File {file} ({department})"),
    "plan-heading": ("ทั้งแผน", "Whole plan"),
    # --- oplan template (department input workbooks) ---
    "template-unknown-department": (
        "ไม่พบหน่วยงานรหัส \"{code}\" ในแผ่นงาน \"หน่วยงาน\" ของ plan.xlsx — รหัสที่มี: {known}",
        "No department with code \"{code}\" on sheet \"หน่วยงาน\" of plan.xlsx - "
        "known codes: {known}",
    ),
    "template-same-file": (
        "รหัสหน่วยงาน {codes} ในแผ่นงาน \"หน่วยงาน\" ของ plan.xlsx จะได้ไฟล์ชื่อเดียวกัน ({file}) "
        "— แก้รหัสให้ต่างกันแล้วสั่งใหม่ (ยังไม่ได้เขียนไฟล์ใด)",
        "Department codes {codes} on sheet \"หน่วยงาน\" of plan.xlsx would give the same "
        "file name ({file}) - make the codes differ and run again (nothing was written)",
    ),
    "template-done": (
        "สร้างแบบกรอกข้อมูล {count} ไฟล์ใน {path}\n"
        "ขั้นต่อไป: ส่งไฟล์ให้แต่ละหน่วยงานกรอก นำไฟล์ที่ได้รับคืนไปไว้ในโฟลเดอร์ submissions "
        "แล้วสั่ง oplan check",
        "Wrote {count:n:department workbook/department workbooks} into {path}\n"
        "Next: send each to its department, put the returned files into submissions/ "
        "and run `oplan check`",
    ),
    # --- check report: findings by department, reconciliation per file, outputs ---
    "department-heading": (
        "{department} — {counts} ({files})",
        "{department} - {counts} ({files})",
    ),
    "plan-level-heading": (
        "ทั้งแผน — {counts}",
        "Whole plan - {counts}",
    ),
    "finding-counts": (
        "ข้อผิดพลาด {errors} คำเตือน {warnings}",
        "{errors:n:error/errors}, {warnings:n:warning/warnings}",
    ),
    "department-clean": ("ไม่พบปัญหา", "no problems"),
    "for-row": ("(แถว {row})", "(row {row})"),
    "more-findings": (
        "  … และอีก {count} รายการ — ดูทั้งหมดใน {path}",
        "  ... and {count} more - see {path}",
    ),
    "reconciliation-files": ("กระทบยอดรายไฟล์:", "Reconciliation by file:"),
    "file-reconciliation": (
        "  {file} ({department}): อ่าน {rows_read} แถว {baht_read} บาท = เข้าแผน {rows_planned} "
        "แถว {baht_planned} บาท + ไม่เข้าแผน {rows_rejected} แถว {baht_rejected} บาท",
        "  {file} ({department}): read {rows_read:n:row/rows} {baht_read} baht = planned "
        "{rows_planned:n:row/rows} {baht_planned} baht + rejected {rows_rejected:n:row/rows} "
        "{baht_rejected} baht",
    ),
    "not-data-rows": (
        "    (ไม่นับเป็นแถวข้อมูล: แถวรวมยอด {total_rows} แถว, แถวข้อความต่อจากแถวบน "
        "{continuation_rows} แถว, แถวลงชื่อ/หมายเหตุใต้ตาราง {note_rows} แถว, "
        "แถวหัวข้อยุทธศาสตร์/แผนงาน {heading_rows} แถว)",
        "    (not data rows: {total_rows:n:total row/total rows}, "
        "{continuation_rows:n:continuation row/continuation rows}, "
        "{note_rows:n:note row/note rows}, {heading_rows:n:heading row/heading rows})",
    ),
    "wrote-findings": ("เขียนผลการตรวจ: {path}", "Wrote the findings: {path}"),
    "wrote-returned": (
        "สำเนาส่งคืน {department}: {path}",
        "Copy to return to {department}: {path}",
    ),
    # --- oplan import ---
    "import-source-missing": (
        "ไม่พบไฟล์ที่จะนำเข้า {path} — ตรวจชื่อและที่อยู่ของไฟล์ ผด.02",
        "The file to import, {path}, was not found - check the name and folder of the "
        "ผด.02 workbook",
    ),
    "import-source-in-submissions": (
        "ไฟล์ {path} อยู่ในโฟลเดอร์ submissions ซึ่งจะถูกอ่านเป็นไฟล์ของหน่วยงานและนับซ้ำกับไฟล์ที่นำเข้า "
        "— ย้ายไฟล์ออกไปไว้นอก {folder} ก่อน แล้วสั่งนำเข้าใหม่",
        "{path} is inside the submissions folder, where it would be read as a "
        "department's file and counted twice with the imported ones - move it out of "
        "{folder} first, then import again",
    ),
    "import-unknown-department": (
        "ไม่พบหน่วยงาน \"{code}\" ที่ระบุด้วย --department ในแผ่นงาน \"หน่วยงาน\" ของ plan.xlsx "
        "— รหัสที่มี: {known}",
        "No department \"{code}\" (given with --department) on sheet \"หน่วยงาน\" of "
        "plan.xlsx - known codes: {known}",
    ),
    "import-would-overwrite": (
        "ไม่ได้นำเข้า เพราะมีไฟล์ชื่อเดียวกันอยู่แล้วใน {folder}: {files} — ถ้าต้องการเขียนทับ "
        "ให้สั่งใหม่พร้อม --replace หรือย้ายไฟล์เดิมออกก่อน",
        "Nothing imported: {folder} already holds {files} - run again with --replace to "
        "overwrite them, or move them out first",
    ),
    "import-read": (
        "อ่าน {file}: {rows_read} แถว {baht_read} บาท = นำเข้า {rows_imported} แถว "
        "{baht_imported} บาท + ไม่ได้นำเข้า {rows_rejected} แถว {baht_rejected} บาท",
        "Read {file}: {rows_read:n:row/rows} {baht_read} baht = imported "
        "{rows_imported:n:row/rows} {baht_imported} baht + not imported "
        "{rows_rejected:n:row/rows} {baht_rejected} baht",
    ),
    "import-later-rows": (
        "  ไม่ได้นำเข้า {rows} แถวของฉบับถัดไป (ตั้งแต่แถวแบ่งฉบับลงไป)",
        "  Not imported: {rows:n:row/rows} of later editions (from the divider row down)",
    ),
    "import-errors-heading": (
        "ข้อผิดพลาด {errors} รายการ — แถวเหล่านี้ไม่ได้นำเข้า แก้ในไฟล์ต้นทางแล้วนำเข้าใหม่ด้วย --replace "
        "หรือกรอกเพิ่มในไฟล์ของหน่วยงานใน submissions:",
        "{errors:n:error/errors} - these rows were not imported; fix them in the source "
        "and import again with --replace, or enter them in the department's file in "
        "submissions:",
    ),
    "import-warnings-heading": (
        "คำเตือน {warnings} รายการ (นำเข้าแล้ว แต่ควรตรวจ):",
        "{warnings:n:warning/warnings} (imported, worth a look):",
    ),
    "import-warning-code": (
        "  ! {count} รายการ เช่น {where} — {message} [{code}]",
        "  ! {count:n:time/times}, such as {where} - {message} [{code}]",
    ),
    "import-wrote": (
        "เขียน {path}: {department} — โครงการ {projects} รายการ ครุภัณฑ์ {equipment} รายการ "
        "{baht} บาท",
        "Wrote {path}: {department} - {projects:n:project/projects}, "
        "{equipment:n:equipment item/equipment items}, {baht} baht",
    ),
    "import-wrote-unknown": (
        "เขียน {path}: \"{department}\" (ไม่มีในรายชื่อหน่วยงานของ plan.xlsx) — โครงการ "
        "{projects} รายการ ครุภัณฑ์ {equipment} รายการ {baht} บาท",
        "Wrote {path}: \"{department}\" (not among plan.xlsx's departments) - "
        "{projects:n:project/projects}, {equipment:n:equipment item/equipment items}, "
        "{baht} baht",
    ),
    "import-nothing": (
        "ไม่มีแถวที่นำเข้าได้ จึงไม่ได้เขียนไฟล์ใน submissions",
        "No row could be imported; nothing was written into submissions",
    ),
    "import-done": (
        "นำเข้าแล้ว {count} ไฟล์ใน {path}\nขั้นต่อไป: สั่ง oplan check แล้ว oplan build "
        "ต่อได้เหมือนไฟล์ที่หน่วยงานส่งมา",
        "Imported into {count:n:file/files} in {path}\nNext: run `oplan check`, then "
        "`oplan build`, as with the departments' files",
    ),
    # --- follow-up: oplan results, oplan report ---
    "results-no-record": (
        "ยังไม่มีข้อมูลแผน {path} — สร้างแผนด้วยคำสั่ง oplan build ก่อน แล้วจึงออกแบบรายงานผล",
        "No plan record at {path} - build the plan with `oplan build` first",
    ),
    "results-bad-record": (
        "อ่านข้อมูลแผน {path} ไม่ได้ ({reason}) — สร้างแผนใหม่ด้วยคำสั่ง oplan build",
        "Cannot read the plan record {path} ({reason}) - build the plan again",
    ),
    "report-bad-date": (
        "วันที่ \"{value}\" อ่านไม่ได้ — เขียนเป็น ปี-เดือน-วัน เช่น 2568-03-31 (พ.ศ.) หรือ 2025-03-31 (ค.ศ.)",
        "Cannot read the date \"{value}\" - write it as year-month-day, e.g. 2568-03-31 "
        "(BE) or 2025-03-31 (CE)",
    ),
    "report-date-outside-year": (
        "วันที่ {value} ไม่อยู่ในปีงบประมาณ พ.ศ. {year} ({first} ถึง {last})",
        "The date {value} is outside fiscal year {year} ({first} to {last})",
    ),
    "wrote-results-template": ("เขียนแบบรายงานผล: {path}", "Wrote the results form: {path}"),
    "results-done": (
        "เขียนแบบรายงานผล {count} ไฟล์ใน {path} — ส่งให้หน่วยงานกรอกแล้วส่งคืนไว้ที่ {submissions}",
        "Wrote {count:n:results form/results forms} into {path} - departments return them "
        "filled in to {submissions}",
    ),
    "report-done": (
        "รายงานผล{round} ณ วันที่ {date}: รายงานแล้ว {reported} จาก {projects} โครงการ "
        "เบิกจ่าย {disbursed} บาท จากงบประมาณ {budget} บาท",
        "{round} report as of {date}: reported {reported} of {projects:n:project/projects}, "
        "{disbursed} of {budget} baht disbursed",
    ),
}


def text(key: str, lang: str = "th", /, **params: object) -> str:
    """Render message *key* in *lang* with its named placeholders filled in."""
    from oplan_xl.core.findings import CATALOGUE  # finding messages share the same renderer

    if key in MESSAGES:
        template = MESSAGES[key][LANGS.index(lang)]
    else:
        kind = CATALOGUE[key]
        template = kind.th if lang == "th" else kind.en
    return fill(template, lang, **params)


def internal_error(exc: BaseException, lang: str = "th") -> str:
    """The sentence for a fault of the program itself (no traceback for the officer):
    the command line's last line of defence and the page's."""
    from oplan_xl.core.reasons import failure

    return text("internal-error", lang, reason=failure(exc, 300))
