"""What the person filling in each column is told: a short title, how, an example."""

from __future__ import annotations

from dataclasses import dataclass

from oplan_xl.core.layout import DEFAULT_CATEGORY, FUND_SOURCES, MONTH_KEYS, Column
from oplan_xl.core.model import MONTHS, MONTHS_IN_PREVIOUS_YEAR, Settings

#: What the month dropdown offers; the reader accepts any of ACCEPTED_MARKS.
MARK = "✓"
ACCEPTED_MARKS = ("✓", "✔", "/", "x", "X", "*", "1", "●")


@dataclass(frozen=True)
class Guide:
    """What the person filling in a column is told: a short title, how, an example."""

    title: str
    how: str
    example: str = ""


def contact(settings: Settings) -> str:
    unit = settings.responsible_unit or "งานวิเคราะห์นโยบายและแผน (ผู้จัดทำแผนการดำเนินงาน)"
    return f"{unit} {settings.org_name}"


def _example_strategy(settings: Settings) -> str:
    return strategy_choice(settings.strategies[0]) if settings.strategies else ""


def strategy_choice(strategy) -> str:
    # "number name": the reader takes the number (normalise.split_numbered) and the
    # dependent แนวทาง list takes everything before the first space.
    return f"{strategy.number} {strategy.name}"


def _example_group(settings: Settings) -> str:
    if settings.by_approach:
        first = settings.strategies[0].number if settings.strategies else None
        approach = next((a for a in settings.approaches if a.strategy == first), None)
        return approach.title if approach else ""
    names = [p.name for p in settings.programmes]
    return "แผนงานเคหะและชุมชน" if "แผนงานเคหะและชุมชน" in names else (names or [""])[0]


def _month_name(index: int, fiscal_year: int) -> str:
    year = fiscal_year - 1 if index < MONTHS_IN_PREVIOUS_YEAR else fiscal_year
    return f"{MONTHS[index]} {year}"


def project_guides(settings: Settings, department_name: str) -> dict[str, Guide]:
    if settings.by_approach:
        group = Guide("แนวทาง", "เลือกยุทธศาสตร์ในคอลัมน์ A ก่อน แล้วคลิกลูกศรท้ายช่องเพื่อเลือก"
                      "แนวทางการพัฒนาของยุทธศาสตร์นั้น", _example_group(settings))
    else:
        group = Guide("แผนงาน", "คลิกลูกศรท้ายช่องแล้วเลือกแผนงานที่ตั้งงบประมาณโครงการนี้ไว้ "
                      "(ตามข้อบัญญัติ/เทศบัญญัติงบประมาณ)", _example_group(settings))
    guides = {
        "strategy": Guide(settings.group_label or "ยุทธศาสตร์",
                          f"คลิกลูกศรท้ายช่องแล้วเลือก{settings.group_label or 'ยุทธศาสตร์'}"
                          f"ที่โครงการนี้อยู่ตามแผนพัฒนาท้องถิ่น ต้องเลือกทุกแถว",
                          _example_strategy(settings)),
        "group": group,
        "name": Guide("โครงการ", "ชื่อโครงการหรือกิจกรรมตามที่ตั้งงบประมาณไว้ "
                      "1 โครงการต่อ 1 แถว", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"),
        "activity": Guide("รายละเอียดกิจกรรม", "สิ่งที่จะทำและเป้าหมาย เช่น ขนาด จำนวน "
                          "ผู้เข้าร่วม พิมพ์ยาวในช่องเดียวได้ ไม่ต้องต่อลงแถวถัดไป",
                          "ก่อสร้างถนนคอนกรีตเสริมเหล็ก กว้าง 4 เมตร ยาว 200 เมตร "
                          "หนา 0.15 เมตร"),
        "budget": Guide("งบประมาณ (บาท)", "จำนวนเงินเป็นบาท พิมพ์เฉพาะตัวเลข มากกว่า 0 "
                        "มีสตางค์ได้ไม่เกิน 2 ตำแหน่ง ไม่ต้องพิมพ์คำว่า บาท และไม่ใส่สูตร",
                        "485000.50 (จะแสดงเป็น 485,000.50)"),
        "place": Guide("สถานที่ดำเนินการ", "หมู่บ้าน ชุมชน หรือสถานที่ที่ทำโครงการ",
                       "หมู่ที่ 3"),
        "responsible": Guide("หน่วยงานรับผิดชอบหลัก", "เว้นว่างได้ถ้าหน่วยงานของท่านรับผิดชอบเอง "
                             "ถ้ารับผิดชอบร่วมกันให้คั่นด้วย / ถ้าเป็นโครงการของหน่วยงานอื่น"
                             "ในพื้นที่ให้ใส่ชื่อหน่วยงานนั้น", department_name or "กองช่าง"),
        "fund_source": Guide("แหล่งงบประมาณ", "คลิกลูกศรท้ายช่องแล้วเลือกแหล่งเงิน "
                             "ถ้าไม่แน่ใจเว้นว่างได้", FUND_SOURCES[0]),
        "dev_plan_ref": Guide("แผนพัฒนาท้องถิ่น", "ลำดับหรือเลขหน้าของโครงการนี้ใน"
                              f"{settings.plan_kind} เพื่อให้ตรวจย้อนกลับได้ เว้นว่างได้",
                              "หน้า 45 ลำดับที่ 3"),
        "note": Guide("หมายเหตุ", "ข้อความเพิ่มเติม ถ้ามี เว้นว่างได้", ""),
    }
    return guides


def equipment_guides(settings: Settings, department_name: str) -> dict[str, Guide]:
    return {
        "programme": Guide("แผนงาน", "คลิกลูกศรท้ายช่องแล้วเลือกแผนงานที่ตั้งงบประมาณ"
                           "ครุภัณฑ์นี้ไว้", "แผนงานบริหารงานทั่วไป"),
        "category": Guide("หมวด", f"เว้นว่างได้ โปรแกรมจะใส่ \"{DEFAULT_CATEGORY}\" ให้เอง",
                          DEFAULT_CATEGORY),
        "equipment_type": Guide("ประเภทครุภัณฑ์", "คลิกลูกศรท้ายช่องแล้วเลือกประเภทครุภัณฑ์",
                                "ครุภัณฑ์สำนักงาน"),
        "target": Guide("เป้าหมาย", "ชื่อครุภัณฑ์ ขนาดหรือคุณลักษณะ และจำนวนที่จะจัดซื้อ",
                        "ตู้เหล็กเก็บเอกสาร แบบ 2 บาน จำนวน 2 ตู้"),
        "budget": Guide("งบประมาณ (บาท)", "จำนวนเงินเป็นบาท พิมพ์เฉพาะตัวเลข มากกว่า 0 "
                        "มีสตางค์ได้ไม่เกิน 2 ตำแหน่ง ไม่ต้องพิมพ์คำว่า บาท และไม่ใส่สูตร",
                        "11000"),
        "place": Guide("สถานที่ดำเนินการ", "ที่ที่จะใช้หรือเก็บครุภัณฑ์",
                       f"ที่ทำการ{department_name or 'สำนักปลัด'}"),
        "responsible": Guide("หน่วยงานรับผิดชอบหลัก", "เว้นว่างได้ถ้าหน่วยงานของท่านรับผิดชอบเอง",
                             department_name or "สำนักปลัด"),
        "note": Guide("หมายเหตุ", "ข้อความเพิ่มเติม ถ้ามี เว้นว่างได้", ""),
    }


def _month_guide(index: int, settings: Settings) -> Guide:
    return Guide(f"เดือน {_month_name(index, settings.fiscal_year)}",
                 f"ใส่ {MARK} ถ้าดำเนินการในเดือนนี้ (คลิกลูกศร หรือพิมพ์ x หรือ 1 ก็ได้) "
                 "ต้องมีอย่างน้อย 1 เดือนต่อแถว เว้นว่างถ้าไม่ดำเนินการ")


def guide_for(guides: dict[str, Guide], column: Column, settings: Settings) -> Guide:
    if column.key in MONTH_KEYS:
        return _month_guide(MONTH_KEYS.index(column.key), settings)
    return guides[column.key]
