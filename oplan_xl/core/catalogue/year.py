"""Findings of the plan through the year: importing a plan made by hand, its
editions (เพิ่มเติม / เปลี่ยนแปลง / แก้ไข) and the follow-up of its results."""

from __future__ import annotations

from oplan_xl.core.catalogue.kind import ERROR, WARNING, FindingKind

KINDS = (
    # --- importing a plan made by hand (oplan import) ---
    FindingKind(
        "import-edition-divider", WARNING,
        "แถวนี้ \"{value}\" แบ่งฉบับของแผน ไฟล์นี้จึงมีแผนหลายฉบับ — นำเข้าเฉพาะฉบับแรกเหนือแถวนี้ "
        "(แถว {taken}) ส่วน {left} แถวตั้งแต่แถวนี้ลงไปไม่ได้นำเข้า ให้ทำเป็นฉบับเพิ่มเติมหรือเปลี่ยนแปลง"
        "ด้วยคำสั่ง oplan edition แล้วกรอกแถวเหล่านั้น",
        "This row, \"{value}\", divides editions of the plan, so the file holds several - "
        "only the first edition above it was imported (rows {taken}); the {left:n:row/rows} "
        "from here down were not: make them an edition with `oplan edition` and enter "
        "them there",
    ),
    FindingKind(
        "import-edition-more", WARNING,
        "แถวนี้ \"{value}\" เป็นอีกฉบับหนึ่งของแผน ไม่ได้นำเข้า (ดูแถวแบ่งฉบับแถวแรก)",
        "This row, \"{value}\", starts one more edition of the plan; not imported (see "
        "the first divider row)",
    ),
    FindingKind(
        "import-edition-title", WARNING,
        "ชื่อแบบ \"{value}\" ระบุว่าเป็นฉบับเพิ่มเติม/เปลี่ยนแปลง แต่นำเข้าเป็นแผนฉบับแรก — "
        "ถ้าเป็นฉบับเพิ่มเติมจริง ให้นำเข้าแผนฉบับแรกก่อน แล้วทำฉบับนี้ด้วยคำสั่ง oplan edition",
        "The form's title \"{value}\" names a later edition, but it was imported as the "
        "plan itself - if it is one, import the first edition instead and make this one "
        "with `oplan edition`",
    ),
    FindingKind(
        "import-unit-unknown", WARNING,
        "หน่วยงานรับผิดชอบหลัก \"{value}\" ไม่มีในรายชื่อหน่วยงานของ plan.xlsx — นำ {rows} แถวของ"
        "หน่วยงานนี้ไปไว้ในไฟล์ {target} แยกต่างหาก (นับเข้าแผนตามปกติ) ถ้าเป็นกอง/สำนักของเรา "
        "ให้เพิ่มชื่อในแผ่นงานหน่วยงานของ plan.xlsx ถ้าไม่ใช่ ให้ย้ายแถวไปไว้ในไฟล์ของกองที่ดูแล",
        "Responsible unit \"{value}\" is not among plan.xlsx's departments - its "
        "{rows:n:row/rows} went to a file of its own, {target} (planned as usual); if it "
        "is one of ours, add it to plan.xlsx's departments, else move the rows to the "
        "file of the department in charge",
    ),
    FindingKind(
        "import-unit-first-named", WARNING,
        "หน่วยงานรับผิดชอบหลัก \"{value}\" ระบุหลายหน่วยงาน — นำ {rows} แถวไปไว้ในไฟล์ของ "
        "{department} ({target}) ซึ่งระบุไว้เป็นหน่วยแรก (ข้อความในช่องคงไว้ตามเดิม) ถ้าไม่ถูกต้อง "
        "ให้ย้ายแถวไปไฟล์ของหน่วยงานที่ถูกต้อง",
        "Responsible unit \"{value}\" names several units - its {rows:n:row/rows} went "
        "to the file of {department} ({target}), named first (the cell kept as written); "
        "if that is wrong, move the rows to the right department's file",
    ),
    FindingKind(
        "import-no-unit", WARNING,
        "แถวนี้ไม่ระบุหน่วยงานรับผิดชอบหลัก — นำ {rows} แถวที่ไม่ระบุไปไว้ในไฟล์ {target} "
        "ให้ย้ายแถวไปไว้ในไฟล์ของกองที่รับผิดชอบ หรือนำเข้าใหม่โดยระบุ --department รหัสหน่วยงาน",
        "This row names no responsible unit - the {rows:n:row/rows} naming none went to "
        "{target}; move them to the files of the departments in charge, or import again "
        "with --department CODE",
    ),
    FindingKind(
        "import-submissions-not-empty", WARNING,
        "โฟลเดอร์ submissions มีไฟล์อื่นอยู่แล้ว ({files}) ซึ่งจะถูกนับรวมกับไฟล์ที่นำเข้า — "
        "ถ้าเป็นโครงการเดียวกัน ให้ย้ายไฟล์เหล่านั้นออก เพื่อไม่ให้นับซ้ำ",
        "The submissions folder already holds other files ({files}), counted with the "
        "imported ones - if they hold the same projects, move them out so nothing is "
        "counted twice",
    ),
    # --- editions through the year (เพิ่มเติม / เปลี่ยนแปลง / แก้ไข) ---
    FindingKind(
        "edition-unknown-row", ERROR,
        "รหัสแถว \"{value}\" ไม่มีในแผนปัจจุบัน แถวนี้จึงไม่ถูกนำไปปรับแผน — ใช้แบบกรอกของฉบับนี้ "
        "(oplan edition) ที่มีรหัสแถวให้แล้ว อย่าพิมพ์หรือคัดลอกรหัสเอง ถ้าเป็นโครงการใหม่ให้ลบรหัสออก",
        "Row id \"{value}\" is not in the current plan, so this row changes nothing - use "
        "this edition's templates (oplan edition), which carry the ids; for a new project "
        "clear the id",
    ),
    FindingKind(
        "edition-row-cancelled", ERROR,
        "แถวรหัส \"{value}\" ถูกยกเลิกไปแล้วใน{edition} จึงแก้ไขอีกไม่ได้ — ถ้าจะทำโครงการนี้อีก "
        "ให้ลบรหัสแถวออกแล้วกรอกเป็นโครงการใหม่พร้อมเหตุผล",
        "Row \"{value}\" was cancelled in {edition} and cannot be changed again - to plan "
        "it again, clear its id and enter it as a new row with a reason",
    ),
    FindingKind(
        "edition-no-reason", ERROR,
        "แถวนี้{action} แต่ไม่มีเหตุผลความจำเป็น แถวนี้จึงไม่ถูกนำไปปรับแผน — กรอกเหตุผลความจำเป็น"
        "ในคอลัมน์ \"{column}\"",
        "This row is changed, cancelled or added ({action}) without a reason, so it is "
        "not applied - fill in the \"{column}\" column",
    ),
    FindingKind(
        "edition-status-unknown", ERROR,
        "สถานะ \"{value}\" ไม่ใช่สถานะที่รู้จัก แถวนี้จึงไม่ถูกนำไปปรับแผน — เลือก {statuses}",
        "Status \"{value}\" is not one we know, so this row is not applied - choose "
        "{statuses}",
    ),
    FindingKind(
        "edition-row-id-repeated", ERROR,
        "รหัสแถว \"{value}\" ซ้ำกับแถว {other} ในไฟล์เดียวกัน แถวนี้จึงไม่ถูกนำไปปรับแผน — "
        "แถวที่คัดลอกมาเพื่อเพิ่มโครงการใหม่ให้ลบรหัสแถวออก",
        "Row id \"{value}\" repeats row {other}, so this row is not applied - a row "
        "copied to add a new project must have its id cleared",
    ),
    FindingKind(
        "edition-duplicate-row", ERROR,
        "\"{value}\" มีอยู่แล้วในแผนปัจจุบัน (รหัสแถว {row_id} จาก{edition}) จึงไม่เพิ่มซ้ำ — "
        "ถ้าจะเปลี่ยนงบประมาณหรือเดือนของโครงการเดิม ให้ทำฉบับเปลี่ยนแปลง "
        "(oplan edition --kind เปลี่ยนแปลง)",
        "\"{value}\" is already in the current plan (row id {row_id}, from {edition}) and "
        "is not added twice - to change its budget or months, make a เปลี่ยนแปลง edition",
    ),
    FindingKind(
        "edition-other-year", ERROR,
        "ฉบับนี้ทำไว้สำหรับปีงบประมาณ {value} แต่แผนเป็นปี {year} จึงไม่นำมาปรับแผน — "
        "สร้างฉบับใหม่ด้วยคำสั่ง oplan edition ในโฟลเดอร์แผนของปี {year}",
        "This edition was made for fiscal year {value} but the plan is for {year}, so it is "
        "not applied - make a new one with oplan edition in the {year} plan's folder",
    ),
    FindingKind(
        "edition-no-submissions", WARNING,
        "โฟลเดอร์ฉบับนี้ยังไม่มีไฟล์ของหน่วยงานใน submissions จึงข้ามไป แผนปัจจุบันไม่เปลี่ยน — "
        "วางไฟล์ที่หน่วยงานกรอกแล้วลงในโฟลเดอร์ submissions ของฉบับนี้ หรือลบโฟลเดอร์ฉบับนี้ทิ้ง",
        "This edition's submissions folder holds no department file, so it is skipped and "
        "the current plan is unchanged - put the filled workbooks there, or remove the folder",
    ),
    # --- follow-up: the results departments report back (followup) ---
    FindingKind(
        "result-no-table", ERROR,
        "ไม่พบตารางรายงานผลในไฟล์นี้ (ต้องมีหัวคอลัมน์ \"รหัสแถว\" และ \"สถานะ\") — "
        "ใช้แบบรายงานผลจากคำสั่ง oplan results แล้วส่งใหม่",
        "No results table in this file (it needs the headers \"รหัสแถว\" and \"สถานะ\") - "
        "use the results form written by `oplan results` and send it again",
    ),
    FindingKind(
        "result-unknown-row", ERROR,
        "รหัสแถว \"{value}\" ไม่มีในแผน แถวนี้จึงไม่นับ — อย่าแก้หรือพิมพ์รหัสแถวเอง "
        "ใช้แบบรายงานผลล่าสุดจาก oplan results",
        "Row id \"{value}\" is not in the plan; the row is not counted - do not edit or type "
        "row ids; use the latest results form from `oplan results`",
    ),
    FindingKind(
        "result-row-id-missing", ERROR,
        "แถวนี้กรอกผลไว้แต่ไม่มีรหัสแถว จึงไม่รู้ว่าเป็นโครงการใด แถวนี้ไม่นับ — "
        "กรอกผลในแถวของโครงการนั้นในแบบรายงานผล",
        "This row has results but no row id, so its project is unknown; it is not counted - "
        "fill in the results on the project's own row of the form",
    ),
    FindingKind(
        "result-row-repeated", ERROR,
        "รหัสแถว \"{value}\" รายงานซ้ำ (ครั้งแรกที่ {other}) แถวนี้ไม่นับ — ลบแถวที่ซ้ำ",
        "Row id \"{value}\" is reported twice (first at {other}); this row is not counted "
        "- remove the repeated row",
    ),
    FindingKind(
        "result-status-missing", ERROR,
        "ยังไม่ได้เลือกสถานะ โครงการนี้จึงนับเป็น \"ไม่ได้รายงาน\" — เลือกสถานะจากรายการ",
        "No status chosen, so the project counts as not reported - choose a status from the list",
    ),
    FindingKind(
        "result-status-unknown", ERROR,
        "สถานะ \"{value}\" ไม่ใช่สถานะในรายการ ({expected}) โครงการนี้จึงนับเป็น \"ไม่ได้รายงาน\" "
        "— เลือกสถานะจากรายการ",
        "Status \"{value}\" is not one of the list ({expected}), so the project counts as not "
        "reported - choose a status from the list",
    ),
    FindingKind(
        "result-amount-invalid", ERROR,
        "\"{column}\" ต้องเป็นจำนวนเงินไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง แต่พบ \"{value}\" แถวนี้จึงไม่นับ "
        "— แก้เป็นตัวเลข เช่น 150000 หรือ 150,000.50",
        "\"{column}\" must be an amount of baht, not negative, at most 2 decimals; found "
        "\"{value}\", so the row is not counted - write a number such as 150000",
    ),
    FindingKind(
        "result-disbursed-over-budget", ERROR,
        "เบิกจ่ายแล้ว {value} บาท มากกว่างบประมาณในแผน {limit} บาท แถวนี้จึงไม่นับ — "
        "ตรวจตัวเลข (เกินงบต้องโอน/แก้ไขแผนก่อน)",
        "Disbursed {value} baht is more than the planned budget of {limit} baht, so the row "
        "is not counted - check the figure",
    ),
    FindingKind(
        "result-disbursed-over-contract", WARNING,
        "เบิกจ่ายแล้ว {value} บาท มากกว่าวงเงินตามสัญญา/ก่อหนี้ผูกพัน {limit} บาท "
        "(นับตามที่กรอก) — ตรวจตัวเลขทั้งสองช่อง",
        "Disbursed {value} baht is more than the contracted {limit} baht (counted as "
        "given) - check both figures",
    ),
    FindingKind(
        "result-done-nothing-disbursed", WARNING,
        "สถานะ \"ดำเนินการแล้วเสร็จ\" แต่ยังไม่มียอดเบิกจ่าย (นับตามที่กรอก) — "
        "กรอกยอดเบิกจ่าย หรือแก้สถานะ",
        "Marked done but nothing disbursed (counted as given) - fill in the amount "
        "disbursed or correct the status",
    ),
    FindingKind(
        "result-date-invalid", WARNING,
        "อ่านวันที่ \"{value}\" ไม่ได้ จึงไม่ใช้วันที่นี้ — กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 31/3/2568",
        "Cannot read the date \"{value}\"; it is left out - write day/month/year, "
        "e.g. 31/3/2568",
    ),
    FindingKind(
        "result-date-outside-year", WARNING,
        "วันที่ {value} ไม่อยู่ในปีงบประมาณ พ.ศ. {year} (นับตามที่กรอก) — ตรวจปี พ.ศ./ค.ศ.",
        "The date {value} is outside fiscal year {year} (counted as given) - check the year",
    ),
    FindingKind(
        "result-department-missing", WARNING,
        "หน่วยงาน \"{department}\" ยังไม่ได้ส่งรายงานผล ({count} โครงการ นับเป็น "
        "\"ไม่ได้รายงาน\") — ติดตามให้ส่งแบบรายงานผล",
        "Department \"{department}\" has not reported ({count:n:project/projects} counted as not "
        "reported) - ask for its results form",
    ),
)
