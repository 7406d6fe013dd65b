"""The current plan's editions and change log, for preview.html.

A plan as of its last edition (``output/current/preview.html``) says, on the
page after its cover, which editions it is made of: the original plan's total,
then each edition's rows added, changed and cancelled with the satang each
moves, and the total after it, so the reader can add the figures up to the
current total.  Its change log (บันทึกการเปลี่ยนแปลง) lists every change, one
row each: the edition, the row id, the project or item, what was done, the
budget and months before and after, and the reason the department gave.

Every figure comes from :class:`~oplan_xl.plan.editions.EditionOutcome`; this
module only makes display text of it (Thai digits when the settings ask).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from oplan_xl.core.layout import STATUS_CANCEL, STATUS_CHANGE, STATUS_KEEP
from oplan_xl.core.model import MONTHS, ProjectRow, month_runs
from oplan_xl.plan.editions import ADD_ACTION, EditionOutcome, Row

#: The actions of a change, in the order the editions table shows them.
ACTIONS = (ADD_ACTION, STATUS_CHANGE, STATUS_CANCEL)
#: A value a change does not have (no budget before a row is added, none after
#: it is cancelled).
NONE = "–"

EDITIONS_TITLE = "ฉบับของแผน"
CHANGELOG_TITLE = "บันทึกการเปลี่ยนแปลง"


def months_text(months: tuple[bool, ...]) -> str:
    """``ต.ค.–ธ.ค., ก.พ.``: the runs of months a row runs, as the forms' bars name them."""
    return ", ".join(MONTHS[first] if first == last else f"{MONTHS[first]}–{MONTHS[last]}"
                     for first, last in month_runs(months)) or NONE


def subject(row: Row) -> str:
    """What a row is called: a project's name, an equipment item's target."""
    return row.name if isinstance(row, ProjectRow) else row.target


def editions_section(outcomes: Sequence[EditionOutcome], t: Callable[[str], str],
                     baht: Callable[[int], str]) -> dict:
    """The editions table and the change log of the plan as of *outcomes*' last.

    *t* makes text for the book (Thai digits on request), *baht* formats satang."""
    first = outcomes[0]
    total = first.current.satang - sum(c.delta for c in first.changes)
    original = total
    editions, changes = [], []
    for outcome in outcomes:
        edition = outcome.edition
        moved = {}
        for action in ACTIONS:
            mine = [c for c in outcome.changes if c.action == action]
            moved[action] = {"rows": t(f"{len(mine):,}"),
                             "baht": baht(sum(c.delta for c in mine))}
        total = outcome.current.satang
        editions.append({"number": t(str(edition.number)), "kind": edition.kind,
                         "name": t(edition.name),
                         "moved": [moved[action] for action in ACTIONS],
                         "total": baht(total)})
        changes += [_change(outcome, change, t, baht) for change in outcome.changes]
    last = outcomes[-1].edition
    return {"title": EDITIONS_TITLE, "changelog_title": CHANGELOG_TITLE,
            "current": t(f"ฉบับรวม ณ {last.name}"),
            "intro": t(f"แผนฉบับนี้คือแผนการดำเนินงานฉบับรวม ณ {last.name} ได้แก่แผนฉบับแรกที่"
                       "ประกาศใช้ และการเปลี่ยนแปลงตามลำดับต่อไปนี้ โครงการ/รายการที่มาจากการ"
                       "เปลี่ยนแปลงมีชื่อฉบับกำกับไว้ในแบบ ผด.02 และ ผด.02/1 รายละเอียดทุกรายการ"
                       "อยู่ในหัวข้อ"),
            "note": t("งบประมาณรวมคือยอดของโครงการ (ผด.02) รวมกับครุภัณฑ์ (ผด.02/1) "
                      "จำนวนเงินของการแก้ไขและการยกเลิกคือผลที่เปลี่ยนงบประมาณรวม "
                      "(งบประมาณใหม่ลบงบประมาณเดิม) งบประมาณรวมหลังแต่ละฉบับจึงเท่ากับ"
                      "งบประมาณรวมก่อนหน้าบวกจำนวนเงินทั้งสามช่องของฉบับนั้น"),
            "actions": list(ACTIONS),
            "original": baht(original), "editions": editions, "total": baht(total),
            "count": t(f"{len(outcomes):,}"), "changes": changes}


def _change(outcome: EditionOutcome, change, t: Callable[[str], str],
            baht: Callable[[int], str]) -> dict:
    """One row of the change log."""
    old, new = change.old, change.new
    if old is not None and new is not None:
        months = (t(STATUS_KEEP) if old.months == new.months else
                  f"{months_text(old.months)} → {months_text(new.months)}")
    else:
        months = months_text((new or old).months)
    return {"edition": t(outcome.edition.name), "row_id": change.row_id,
            "subject": t(subject(new or old)), "action": change.action,
            "before": baht(old.budget_satang) if old is not None else NONE,
            "after": baht(new.budget_satang) if new is not None else NONE,
            "months": t(months), "reason": t(change.reason)}
