"""What ``oplan build`` prints of the editions (``api.build_editions``): each
edition's findings, reconciliation and findings outputs under a heading, what it
adds, changes and cancels, and the current plan.  Apart from cli.py only to keep
that module short.
"""

from __future__ import annotations

from oplan_xl.core import messages
from oplan_xl.core.model import format_baht


def print_editions(console, result, print_report) -> bool:
    """Each edition's findings, reconciliation, findings outputs and forms
    (*print_report*: the CLI's, for the original plan), then the current plan;
    True when an edition has errors."""
    errors = False
    for item in result.editions:
        console.say("edition-heading", name=item.edition.name, path=item.folder)
        # Its findings.xlsx and returned copies named as the original plan's are.
        print_report(console, item.report, item.findings)
        errors = errors or bool(item.report.errors)
        if item.blocked:
            console.error(messages.text("edition-blocked", console.lang,
                                        name=item.edition.name, path=item.folder))
        elif item.outputs:
            figures = {action: format_baht(item.outcome.satang(action))
                       for action in ("เพิ่ม", "แก้ไข", "ยกเลิก")}
            console.say("edition-built", name=item.edition.name, added=figures["เพิ่ม"],
                        changed=figures["แก้ไข"], cancelled=figures["ยกเลิก"],
                        path=item.outputs["pd01"].parent)
    if result.current:
        last = [item for item in result.editions if item.outcome is not None][-1]
        rows = last.outcome.current.projects.values()
        console.say("current-built", name=last.edition.name, projects=len(rows),
                    baht=format_baht(sum(p.row.budget_satang for p in rows)),
                    path=result.current["pd01"].parent)
    return errors
