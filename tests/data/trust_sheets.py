"""Fixtures of issue 14, classes 4 and 9: which sheet holds which table, and a
printed ผด.02 pasted in.

Class 4: renamed sheets (โครงการ (2), Sheet1, ครุภัณฑ์ (2)), equipment before
projects, the two standard names swapped, two project sheets, an empty template
sheet beside the one filled in, hidden sheets, a header naming only the columns
both kinds share.  Class 9: the ผด.02 the tool itself writes (title block, the
header merged over two rows with พ.ศ. 2567 / พ.ศ. 2568 over the months, heading
rows ``1. ยุทธศาสตร์…`` / ``1.1 แผนงาน…`` merged across, month bars as shading,
a รวม row under each programme) pasted as values, and its variants.
"""

from __future__ import annotations

from make_fixtures import (
    EQUIPMENT_KEYS,
    EQUIPMENT_LABELS,
    MARK,
    PROJECT_KEYS,
    PROJECT_LABELS,
    C,
    Sheet,
    department,
    equipment,
    project,
    table,
)

P = project
BAR = "#5B9BD5"  # the month bar colour of the tool's own ผด.02
HEADING_FILL = "#F2F2F2"


def _projects(name: str, records, **options) -> Sheet:
    return table(name, records, keys=PROJECT_KEYS, labels=PROJECT_LABELS, **options)


def _equipment(name: str, records, **options) -> Sheet:
    return table(name, records, keys=EQUIPMENT_KEYS, labels=EQUIPMENT_LABELS, **options)


def _class4() -> dict[str, list[Sheet]]:
    f: dict[str, list[Sheet]] = {}
    E = equipment
    f["trust-sheets-renamed-copy.xlsx"] = [
        department(), _projects("โครงการ (2)", [P(1), P(2)]),
        _equipment("ครุภัณฑ์ (2)", [E(1)])]
    f["trust-sheets-sheet1-sheet2.xlsx"] = [
        department(), _projects("Sheet1", [P(1), P(2, budget=250000.5)]),
        _equipment("Sheet2", [E(1), E(2)])]
    # The equipment table first, under a name that says nothing: its header names
    # แผนงาน, งบประมาณ and สถานที่ – half the project columns.
    f["trust-sheets-equipment-first.xlsx"] = [
        _equipment("Sheet1", [E(1), E(3)]), department(),
        _projects("Sheet2", [P(1), P(2)])]
    f["trust-sheets-names-swapped.xlsx"] = [
        department(), _equipment("โครงการ", [E(2)]), _projects("ครุภัณฑ์", [P(3)])]
    f["trust-sheets-two-project-sheets.xlsx"] = [
        department(), _projects("โครงการ", [P(1), P(2)]), _equipment("ครุภัณฑ์", []),
        _projects("โครงการ (2)", [P(3), P(4)])]
    f["trust-sheets-empty-template-and-filled.xlsx"] = [
        department(), _projects("โครงการ", []), _equipment("ครุภัณฑ์", []),
        _projects("แผนปี 68", [P(1), P(2), P(3)], titles=("แผนการดำเนินงาน ปี 2568",))]
    hidden_copy = _projects("โครงการ ปีก่อน", [P(5), P(6)])
    hidden_copy.hidden = True
    f["trust-sheets-hidden-copy.xlsx"] = [
        department(), _projects("โครงการ", [P(1)]), _equipment("ครุภัณฑ์", []), hidden_copy]
    hidden_only = _projects("ข้อมูล", [P(1), P(2)])
    hidden_only.hidden = True
    f["trust-sheets-hidden-only.xlsx"] = [
        department(), _equipment("ครุภัณฑ์", [E(1)]), hidden_only]
    shared_only = ["group", "budget", "place", "responsible", *PROJECT_KEYS[7:19]]
    f["trust-sheets-kind-unclear.xlsx"] = [
        department(), _projects("โครงการ", [P(1)]), _equipment("ครุภัณฑ์", []),
        table("สรุป", [P(7), P(8)], keys=shared_only, labels=PROJECT_LABELS)]
    # ประเภท and เป้าหมาย beside แผนงาน: equipment, though the sheet is called โครงการ
    # and its header also says รายละเอียด (a project's activity label).
    mixed = {**EQUIPMENT_LABELS, "target": "รายละเอียด"}
    f["trust-sheets-equipment-on-project-sheet.xlsx"] = [
        department(), table("โครงการ", [E(4)], keys=EQUIPMENT_KEYS, labels=mixed)]
    return f


# --- class 9: a printed ผด.02 pasted in -------------------------------------------

S1 = "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
S2 = "2. ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจและการเกษตร"
G11 = "1.1 แผนงานเคหะและชุมชน"
G12 = "1.2 แผนงานอุตสาหกรรมและการโยธา"
G21 = "2.1 แผนงานการเกษตร"

#: (name, activity, budget, place, months) of the projects under each heading.
ROADS = [("โครงการวางท่อระบายน้ำ หมู่ที่ 2", "วางท่อ ค.ส.ล. ยาว 120 เมตร", 312000, "หมู่ที่ 2",
          (4,)),
         ("โครงการติดตั้งโคมไฟถนน หมู่ที่ 9", "โคมไฟ LED 20 ต้น", 380000.5, "หมู่ที่ 9",
          (6, 7, 8))]
WORKS = [("โครงการก่อสร้างถนน ค.ส.ล. หมู่ที่ 3", "กว้าง 4 เมตร ยาว 200 เมตร", 478000,
          "หมู่ที่ 3", (4,))]
FARMS = [("โครงการส่งเสริมการปลูกผักปลอดสาร", "อบรมเกษตรกร 50 คน", 45000.25, "ศาลาประชาคม",
          (2, 3))]
BLOCKS = [(S1, [(G11, ROADS), (G12, WORKS)]), (S2, [(G21, FARMS)])]
LAST_COL = 17  # R: six columns and twelve months


def pd02(name: str = "โครงการ", blocks=BLOCKS, marks: str = "fill", heading_col: int = 0,
         merged: bool = True, number_col: bool = True, totals: bool = True,
         loose: list | None = None) -> Sheet:
    """A ผด.02 as the tool prints it, pasted as values (``marks`` "fill" for bars
    of colour, "text" for ✓).  *loose* projects come right under the header,
    before any heading row."""
    shift = 0 if number_col else -1
    labels = ["ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)",
              "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"][0 if number_col else 1:]
    last = LAST_COL + shift
    first_month = len(labels)
    sheet = Sheet(name, [["แบบ ผด.02"], ["บัญชีโครงการพัฒนาท้องถิ่น กิจกรรมและงบประมาณ"],
                         ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568"],
                         ["องค์การบริหารส่วนตำบลทดสอบ อำเภอเมืองทดสอบ จังหวัดทดสอบ"], [],
                         [None] * (last + 1),
                         [None] * first_month + ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.",
                                                 "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
                                                 "ส.ค.", "ก.ย."]])
    for col, label in enumerate(labels):
        sheet.merges.append((5, col, 6, col, label))
    sheet.merges += [(5, first_month, 5, first_month + 2, "พ.ศ. 2567"),
                     (5, first_month + 3, 5, last, "พ.ศ. 2568")]

    def heading(text: str) -> None:
        index = len(sheet.rows)
        row = [None] * (last + 1)
        if merged:
            sheet.rows.append(row)
            sheet.merges.append((index, heading_col, index, last, C(text, fill=HEADING_FILL)))
        else:
            row[heading_col] = text
            sheet.rows.append(row)

    def projects(records) -> None:
        first = len(sheet.rows)
        for number, (title, activity, budget, place, months) in enumerate(records, 1):
            cells = ([number] if number_col else []) + [title, activity, budget, place,
                                                       "กองช่าง"]
            for month in range(1, 13):
                if month not in months:
                    cells.append(None)
                else:
                    cells.append(C(None, fill=BAR) if marks == "fill" else MARK)
            sheet.rows.append(cells)
        if totals:
            total = sum(r[2] for r in records)
            sheet.rows.append([f"รวม {len(records)} โครงการ"] + [None] * (2 + shift)
                              + [C(total, formula=f"=SUM({_budget_col(shift)}{first + 1}:"
                                                    f"{_budget_col(shift)}{len(sheet.rows)})")])

    if loose:
        projects(loose)
    for strategy, groups in blocks:
        heading(strategy)
        for group, records in groups:
            if group is not None:  # None: no programme headings, strategies only
                heading(group)
            projects(records)
    return sheet


def _budget_col(shift: int) -> str:
    return "D" if shift == 0 else "C"


def _thai(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def _class9() -> dict[str, list[Sheet]]:
    f: dict[str, list[Sheet]] = {}
    empty_equipment = _equipment("ครุภัณฑ์", [])
    f["trust-sheets-pd02-pasted.xlsx"] = [department(), pd02(), empty_equipment]
    f["trust-sheets-pd02-heading-in-b.xlsx"] = [
        department(), pd02(marks="text", heading_col=1, merged=False), empty_equipment]
    thai = [(_thai(s), [(_thai(g), records) for g, records in groups]) for s, groups in BLOCKS]
    f["trust-sheets-pd02-thai-digits-sheet1.xlsx"] = [
        department(), pd02("Sheet1", thai, totals=False), empty_equipment]
    f["trust-sheets-pd02-no-number-column.xlsx"] = [
        department(), pd02(number_col=False, merged=False, marks="text"), empty_equipment]
    f["trust-sheets-pd02-row-before-heading.xlsx"] = [
        department(), pd02(loose=[("โครงการซ่อมแซมศาลา", "ทาสีและเปลี่ยนหลังคา", 20000,
                                   "หมู่ที่ 1", (5,))]), empty_equipment]
    strategies_only = [(s, [(None, [r for _, records in groups for r in records])])
                       for s, groups in BLOCKS]
    f["trust-sheets-pd02-strategy-only.xlsx"] = [
        department(), pd02(blocks=strategies_only), empty_equipment]
    named = [("ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจและการเกษตร",
              [("แผนงานการเกษตร", FARMS)])]
    f["trust-sheets-pd02-named-headings.xlsx"] = [
        department(), pd02(blocks=named, marks="text"), empty_equipment]
    return f


def fixtures() -> dict[str, list[Sheet]]:
    return {**_class4(), **_class9()}


def libreoffice() -> list[tuple[str, list[Sheet], str]]:
    c4, c9 = _class4(), _class9()
    return [
        ("trust-sheets-sheet1-sheet2.xls", c4["trust-sheets-sheet1-sheet2.xlsx"],
         "xls:MS Excel 97"),
        ("trust-sheets-two-project-sheets.ods", c4["trust-sheets-two-project-sheets.xlsx"],
         "ods:calc8"),
        ("trust-sheets-hidden-copy.ods", c4["trust-sheets-hidden-copy.xlsx"], "ods:calc8"),
        ("trust-sheets-hidden-copy.xls", c4["trust-sheets-hidden-copy.xlsx"],
         "xls:MS Excel 97"),
        ("trust-sheets-pd02-pasted.ods", c9["trust-sheets-pd02-pasted.xlsx"], "ods:calc8"),
        ("trust-sheets-pd02-heading-in-b.xls", c9["trust-sheets-pd02-heading-in-b.xlsx"],
         "xls:MS Excel 97"),
    ]
