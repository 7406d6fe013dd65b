"""ส่วนที่ 1 of the plan book: the built-in text for each edition of the regulation.

The four sections (บทนำ, วัตถุประสงค์, ขั้นตอนการจัดทำ, ประโยชน์) are written for
this project in formal Thai and filled with the organisation's name, the
fiscal year and the development plan it follows.  They state the regulation
as it stood for the edition in force (SPEC §3 editions table).

An organisation that writes its own text in the ส่วนที่ 1 sheet of plan.xlsx
replaces the built-in text section by section; a topic of its own that
matches none of the four is kept as an extra section, never dropped.

Everything returned is plain text with Arabic digits; the renderer escapes it
and applies Thai digits when the settings ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oplan_xl.core.model import Settings, format_baht
from oplan_xl.core.settings_layout import PART1_TOPICS
from oplan_xl.plan.labels import (
    PD01_CODE,
    PD01_TITLE,
    PD02_1_CODE,
    PD02_1_TITLE,
    PD02_CODE,
    PD02_TITLE,
    PD02_TITLE_2548,
)

REGULATION = "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548"
AMENDMENT_2 = "(ฉบับที่ 2) พ.ศ. 2559"
AMENDMENT_3 = "(ฉบับที่ 3) พ.ศ. 2561"

#: The regulation as it stood for each edition.
REGULATION_BY_EDITION = {
    "2548": REGULATION,
    "2559": f"{REGULATION} แก้ไขเพิ่มเติม {AMENDMENT_2}",
    "2561": f"{REGULATION} แก้ไขเพิ่มเติม {AMENDMENT_2} และ {AMENDMENT_3}",
}

#: A word each topic's heading is recognised by, so that an organisation may
#: write "วัตถุประสงค์" or "1.2 วัตถุประสงค์ของแผน" in the หัวข้อ column.
TOPIC_KEYS = dict(zip(PART1_TOPICS, ("บทนำ", "วัตถุประสงค์", "ขั้นตอน", "ประโยชน์"),
                      strict=True))


@dataclass(frozen=True)
class Block:
    """A paragraph (``p``) or a numbered list (``ol``) of text items."""

    kind: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    topic: str
    blocks: tuple[Block, ...]
    #: True when the text is the organisation's own (from plan.xlsx).
    own: bool = False


def _p(*texts: str) -> Block:
    return Block("p", texts)


def _ol(*items: str) -> Block:
    return Block("ol", items)


def regulation(edition: str) -> str:
    """The regulation's full name as amended for *edition*."""
    return REGULATION_BY_EDITION.get(edition, REGULATION_BY_EDITION["2561"])


def dev_plan(settings: Settings) -> str:
    """``แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)``: the plan this one follows."""
    if settings.plan_period:
        return f"{settings.plan_kind} (พ.ศ. {settings.plan_period})"
    return settings.plan_kind


def forms_sentence(settings: Settings) -> str:
    """The forms Part 2 holds, as the edition names them."""
    if settings.by_approach:
        return f"{PD01_TITLE} ({PD01_CODE}) และ{PD02_TITLE_2548} ({PD02_CODE})"
    return (f"{PD01_TITLE} ({PD01_CODE}) {PD02_TITLE} ({PD02_CODE}) "
            f"และ{PD02_1_TITLE} ({PD02_1_CODE})")


@dataclass(frozen=True)
class Figures:
    """The plan's totals quoted in the introduction (taken from the Plan)."""

    projects: int = 0
    satang: int = 0
    equipment: int = 0
    equipment_satang: int = 0


def builtin_sections(settings: Settings, figures: Figures | None = None) -> list[Section]:
    """The edition's own text for the four topics, filled in for *settings*."""
    texts = (_introduction(settings, figures), _objectives(settings), _steps(settings),
             _benefits(settings))
    return [Section(topic, blocks) for topic, blocks in zip(PART1_TOPICS, texts, strict=True)]


def _introduction(settings: Settings, figures: Figures | None) -> tuple[Block, ...]:
    """บทนำ: why a yearly plan, how this one is ordered, and its totals."""
    org = settings.org_name
    year = settings.fiscal_year
    plan = dev_plan(settings)
    rule = regulation(settings.edition)
    if settings.by_approach:
        grouping = f"ตาม{settings.group_label}และแนวทางการพัฒนาของ{plan}"
    else:
        grouping = f"ตาม{settings.group_label}ของ{plan} และจำแนกตามแผนงาน"
    place = " ".join(part for part in (
        f"อำเภอ{settings.district}" if settings.district else "",
        f"จังหวัด{settings.province}" if settings.province else "") if part)
    where = f"{org} {place}".strip()

    intro = [
        f"{where} มีหน้าที่พัฒนาท้องถิ่นให้ตอบสนองความต้องการของประชาชนในพื้นที่ "
        f"โดยได้กำหนดทิศทางการพัฒนาไว้ใน{plan} ซึ่งระบุ{settings.group_label} "
        f"เป้าหมาย และโครงการพัฒนาที่จะดำเนินการตลอดช่วงเวลาของแผน "
        f"อย่างไรก็ตาม แผนพัฒนาเป็นแผนระยะปานกลาง ยังมิได้ระบุว่าในแต่ละปีงบประมาณ"
        f"จะดำเนินโครงการใด ในช่วงเวลาใด และด้วยงบประมาณเท่าใด",
        f"{rule} ข้อ 26 จึงกำหนดให้องค์กรปกครองส่วนท้องถิ่นจัดทำแผนการดำเนินงานขึ้นทุกปีงบประมาณ "
        f"เพื่อแสดงโครงการและกิจกรรมพัฒนาทั้งหมดที่จะดำเนินการจริงในพื้นที่ในปีนั้น "
        f"ไม่ว่าจะเป็นโครงการขององค์กรปกครองส่วนท้องถิ่นเอง หรือโครงการของหน่วยราชการส่วนกลาง "
        f"ส่วนภูมิภาค รัฐวิสาหกิจ และหน่วยงานอื่นที่เข้ามาดำเนินการในพื้นที่ "
        f"ให้อยู่ในเอกสารฉบับเดียวกัน",
        f"แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. {year} ฉบับนี้ จัดเรียงโครงการ{grouping} "
        f"ประกอบด้วย{forms_sentence(settings)}",
    ]
    if figures is not None and figures.projects:
        summary = (f"ในปีงบประมาณ พ.ศ. {year} มีโครงการและกิจกรรมที่จะดำเนินการรวมทั้งสิ้น "
                   f"{figures.projects:,} โครงการ งบประมาณรวม {format_baht(figures.satang)} บาท")
        if figures.equipment and not settings.by_approach:
            summary += (f" และมีรายการครุภัณฑ์ที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น "
                        f"{figures.equipment:,} รายการ งบประมาณ "
                        f"{format_baht(figures.equipment_satang)} บาท")
        intro.append(summary)
    return tuple(_p(text) for text in intro)


def _objectives(settings: Settings) -> tuple[Block, ...]:
    """วัตถุประสงค์ของแผนการดำเนินงาน."""
    org = settings.org_name
    year = settings.fiscal_year
    plan = dev_plan(settings)
    return (_ol(
        f"เพื่อแสดงโครงการและกิจกรรมพัฒนาที่จะดำเนินการจริงในพื้นที่ของ{org} "
        f"ในปีงบประมาณ พ.ศ. {year} ให้เห็นเป็นภาพรวมในเอกสารฉบับเดียว",
        f"เพื่อให้การนำ{plan} ไปสู่การปฏิบัติเป็นไปอย่างเป็นระบบ โดยระบุงบประมาณ สถานที่ "
        f"หน่วยงานรับผิดชอบ และช่วงเดือนที่ดำเนินการของแต่ละโครงการไว้อย่างชัดเจน",
        f"เพื่อให้{org}ประสานงานกับหน่วยราชการส่วนกลาง ส่วนภูมิภาค รัฐวิสาหกิจ "
        f"และหน่วยงานอื่นที่ทำงานในพื้นที่ได้อย่างสอดคล้องกัน และลดความซ้ำซ้อนของโครงการ",
        "เพื่อเป็นเครื่องมือของผู้บริหารและหน่วยงานในการควบคุม ติดตาม "
        "และเร่งรัดการดำเนินงานให้เป็นไปตามเป้าหมายและระยะเวลาที่กำหนด",
        "เพื่อเปิดเผยให้ประชาชนในท้องถิ่นได้รับรู้ และมีส่วนร่วมในการติดตามตรวจสอบการพัฒนาท้องถิ่น",
    ),)


def _steps(settings: Settings) -> tuple[Block, ...]:
    """ขั้นตอนการจัดทำแผนการดำเนินงาน, as the edition's regulation lays them down."""
    org = settings.org_name
    rule = regulation(settings.edition)
    triggers = ("มีการประกาศใช้งบประมาณรายจ่ายเพิ่มเติม มีการจ่ายขาดเงินสะสม "
                "หรือได้รับแจ้งแผนงานและโครงการจากหน่วยงานอื่นที่จะเข้ามาดำเนินการในพื้นที่")
    if settings.edition == "2561":
        triggers = ("มีการประกาศใช้งบประมาณรายจ่ายเพิ่มเติม มีการจ่ายขาดเงินสะสม "
                    "มีการโอนงบประมาณที่ทำให้เกิดรายการใหม่ "
                    "หรือได้รับแจ้งแผนงานและโครงการจากหน่วยงานอื่นที่จะเข้ามาดำเนินการในพื้นที่")
    steps = [
        _p(f"{rule} ข้อ 26 วางขั้นตอนการจัดทำแผนการดำเนินงานไว้ "
           f"{org}ได้ดำเนินการตามลำดับ ดังนี้"),
        _ol(
            "คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่นรวบรวมแผนงานและโครงการพัฒนาที่จะดำเนินการในพื้นที่ "
            f"ทั้งของ{org} ของหน่วยราชการส่วนกลางและส่วนภูมิภาค ของรัฐวิสาหกิจ "
            "และของหน่วยงานอื่นที่ดำเนินการในพื้นที่",
            "คณะกรรมการสนับสนุนการจัดทำแผนพัฒนาท้องถิ่นนำข้อมูลที่รวบรวมได้มาจัดทำเป็นร่างแผนการดำเนินงาน "
            "แล้วเสนอต่อคณะกรรมการพัฒนาท้องถิ่น",
            "คณะกรรมการพัฒนาท้องถิ่นพิจารณาร่างแผนการดำเนินงาน แล้วเสนอต่อผู้บริหารท้องถิ่น",
            "ผู้บริหารท้องถิ่นประกาศใช้เป็นแผนการดำเนินงาน และปิดประกาศให้ประชาชนในท้องถิ่นทราบโดยทั่วกัน "
            "ภายใน 15 วันนับแต่วันที่ประกาศ โดยปิดประกาศไว้ไม่น้อยกว่า 30 วัน",
        ),
        _p("แผนการดำเนินงานจัดทำให้แล้วเสร็จภายใน 30 วันนับแต่วันที่ประกาศใช้งบประมาณรายจ่ายประจำปี "
           f"และเมื่อ{triggers} จะจัดทำแผนการดำเนินงานเพิ่มเติมหรือเปลี่ยนแปลงตามขั้นตอนเดียวกัน"),
    ]
    if settings.announce_date and settings.announcer:
        signer = " ".join(part for part in (settings.announcer, settings.announcer_title)
                          if part)
        steps.append(_p(f"แผนการดำเนินงานฉบับนี้ประกาศใช้เมื่อวันที่ {settings.announce_date} "
                        f"โดย{signer}"))
    return tuple(steps)


def _benefits(settings: Settings) -> tuple[Block, ...]:
    """ประโยชน์ของแผนการดำเนินงาน."""
    year = settings.fiscal_year
    plan = dev_plan(settings)
    return (_ol(
        f"ผู้บริหาร สมาชิกสภาท้องถิ่น และเจ้าหน้าที่ทราบว่าในปีงบประมาณ พ.ศ. {year} "
        "มีโครงการใดจะดำเนินการที่ใด ในช่วงเดือนใด ใช้งบประมาณเท่าใด และหน่วยงานใดรับผิดชอบ",
        "หน่วยงานที่รับผิดชอบวางแผนการใช้งบประมาณ บุคลากร และวัสดุอุปกรณ์ได้สอดคล้องกับช่วงเวลาดำเนินการ "
        "ทำให้การเบิกจ่ายงบประมาณเป็นไปตามเป้าหมาย",
        "การทำงานร่วมกับหน่วยงานอื่นที่ดำเนินโครงการในพื้นที่เป็นไปอย่างสอดคล้อง ไม่ซ้ำซ้อน "
        "และใช้ทรัพยากรได้คุ้มค่า",
        f"มีข้อมูลพื้นฐานสำหรับการติดตามและประเมินผลการนำ{plan} ไปปฏิบัติเมื่อสิ้นปีงบประมาณ",
        "ประชาชนและผู้ตรวจสอบเห็นทุกโครงการและทุกยอดงบประมาณอย่างเปิดเผย "
        "ส่งเสริมความโปร่งใสของการบริหารงานท้องถิ่น",
    ),)


def _topic_key(text: str) -> str:
    """Heading without numbering or spaces: ``1.2 วัตถุประสงค์`` → ``วัตถุประสงค์``."""
    return re.sub(r"[\s\d๐-๙.)]+", "", text)


def own_topic(heading: str) -> str | None:
    """The standard topic an organisation's heading stands for, or None."""
    key = _topic_key(heading)
    for topic, word in TOPIC_KEYS.items():
        if key == _topic_key(topic) or key.startswith(word):
            return topic
    return None


def own_blocks(text: str) -> tuple[Block, ...]:
    """An organisation's text: one paragraph per non-empty line."""
    return tuple(_p(line.strip()) for line in text.splitlines() if line.strip())


def sections(settings: Settings, figures: Figures | None = None) -> list[Section]:
    """Part 1 as it will be printed: the organisation's text where it wrote one,
    the edition's built-in text elsewhere, then any extra topics of its own."""
    own: dict[str, str] = {}
    extra: list[Section] = []
    for heading, text in settings.part1.items():
        topic = own_topic(heading)
        if topic is None:
            extra.append(Section(heading, own_blocks(text), own=True))
        elif text.strip():
            own[topic] = text
    result = []
    for section in builtin_sections(settings, figures):
        if section.topic in own:
            section = Section(section.topic, own_blocks(own[section.topic]), own=True)
        result.append(section)
    return result + extra
