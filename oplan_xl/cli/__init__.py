"""The ``oplan`` command: thin wrappers, one library call each.

Heavy libraries (openpyxl, XlsxWriter, jinja2) are imported inside the
commands so that ``oplan --help`` answers at once.  Errors become one clear
line (and an exit code) here and nowhere else; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import click

from oplan_xl.cli.console import (  # noqa: F401  (tests and callers use them from here)
    MAX_LINES_PER_DEPARTMENT,
    Console,
    Progress,
    _can_print_thai,
    _print_findings,
    print_report,
    wrapped,
)
from oplan_xl.cli.editions import print_editions
from oplan_xl.cli.help import ThaiGroup, common_options, version_option
from oplan_xl.core import messages

EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE = 0, 1, 2

#: The garbage collector's thresholds for the ``oplan`` process.  Python's default
#: (a young collection every 700 allocations, a full one every 100 young ones)
#: suits long-running programs; a command allocates millions of objects that live
#: to its end, and the collector would walk them again and again.  These keep young
#: collections (reference cycles that die young are still freed) and leave out the
#: full passes of one command.  Measured for a 20,000-project build in one process:
#: collecting costs 0.2-0.3 s instead of 1.7 s with the defaults (0.5 s with 10,000,
#: 10, 10), for a peak of 210 MB instead of 160 MB (what XlsxWriter leaves behind:
#: see :func:`entry`); a check that writes 200 returned copies peaks at 95 MB
#: instead of 85 MB.  (With the collector off, that check would keep every copy's
#: openpyxl workbook: 200 MB.)
GC_THRESHOLDS = (100_000, 20, 100)


def entry() -> None:
    """The ``oplan`` process: the console script and ``python -m oplan_xl``.

    Runs :data:`main` the way a process that does one command and ends wants it
    (tests call ``main`` itself, in their own process: none of this applies there):
    the collector's thresholds raised (:data:`GC_THRESHOLDS`), and at the end every
    object left set aside from the collector (``gc.freeze``) before Python ends
    the process as usual (exit handlers, flushing, the exit status).  The last
    collection of that ending would otherwise free what XlsxWriter leaves behind
    (each workbook and its worksheets refer to each other: a million objects after
    a 20,000-project build), 0.3-0.5 s of work (measured) to give back memory that
    the system takes back with the process anyway.
    """
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        main(prog_name="oplan")
    finally:
        gc.freeze()


def _console(ctx: click.Context, lang, quiet, debug) -> Console:
    parent = ctx.find_object(dict) or {}
    return Console(lang or parent.get("lang"), bool(quiet or parent.get("quiet")),
                   bool(debug or parent.get("debug")))


def run(console: Console, action):
    """Run one library call; turn known errors into one line and an exit code."""
    from oplan_xl.core.errors import OplanError

    try:
        return action()
    except OplanError as exc:
        if console.debug:
            raise
        console.error(exc.message(console.lang))
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # the last line of defence (a Rust panic is no Exception)
        if console.debug:
            raise
        console.error(messages.internal_error(exc, console.lang))
        sys.exit(EXIT_USAGE)


@click.group(cls=ThaiGroup, help="oplan — จัดทำแผนการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นจากไฟล์ Excel "
             "ของกอง/สำนัก\n\nBuild the operational plan of a Thai local government "
             "organisation from the departments' Excel files.")
@version_option
@common_options
@click.pass_context
def main(ctx: click.Context, lang, quiet, debug) -> None:
    ctx.ensure_object(dict).update(lang=lang, quiet=quiet, debug=debug)


def plan_command(short_help: str, help: str, *options):
    """A command on PLAN_DIR with *options* and the common ones (--version, --lang,
    --quiet, --debug): the decorators every such command stacks, in one place."""
    def decorate(function):
        for option in reversed((click.argument("plan_dir", type=click.Path(path_type=Path)),
                                *options, version_option, common_options, click.pass_context)):
            function = option(function)
        return main.command(short_help=short_help, help=help)(function)
    return decorate


@main.command(short_help="เปิดหน้าโปรแกรมแผนในเบราว์เซอร์ (ใช้แทนการพิมพ์คำสั่ง)",
              help="เปิดหน้าโปรแกรมแผนในเบราว์เซอร์ของเครื่องนี้ ทำได้ทุกขั้นตอนด้วยการคลิก "
              "(เปิดได้เฉพาะเครื่องนี้ ที่ 127.0.0.1) / serve the officer's workflow as a local "
              "web page on 127.0.0.1")
@click.argument("plan_dir", type=click.Path(path_type=Path), required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="หมายเลขพอร์ต (ไม่ใส่: 8760 หรือพอร์ตว่าง, 0: พอร์ตว่างใดก็ได้) / the port "
                   "(default 8760 or a free one; 0: any free port)")
@click.option("--no-browser", is_flag=True,
              help="ไม่ต้องเปิดเบราว์เซอร์ให้ / do not open the browser")
@version_option
@common_options
@click.pass_context
def serve(ctx, plan_dir: Path | None, port: int | None, no_browser: bool,
          lang, quiet, debug) -> None:
    import webbrowser

    from oplan_xl.serve import start

    console = _console(ctx, lang, quiet, debug)
    server, address = run(console, lambda: start(plan_dir, port))
    console.say("serve-address")
    click.echo(address)  # always, also with --quiet: the one line a launcher reads
    if not no_browser:
        webbrowser.open(address)
    try:
        server.run()
    except KeyboardInterrupt:
        console.say("serve-stopped")
    finally:
        server.close()


@main.command(short_help="สร้างโฟลเดอร์แผนและ plan.xlsx",
              help="สร้างโฟลเดอร์แผนพร้อมไฟล์ตั้งค่า plan.xlsx / create a plan folder "
              "with its settings workbook")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.option("--org", required=True, help="ชื่อ อปท. / organisation name")
@click.option("--year", required=True, type=int, help="ปีงบประมาณ พ.ศ. / fiscal year (BE)")
@click.option("--district", default="", help="อำเภอ / district")
@click.option("--province", default="", help="จังหวัด / province")
@version_option
@common_options
@click.pass_context
def init(ctx, plan_dir: Path, org: str, year: int, district: str, province: str,
         lang, quiet, debug) -> None:
    from oplan_xl.api import init_plan

    console = _console(ctx, lang, quiet, debug)
    settings = run(console, lambda: init_plan(plan_dir, org, year, district, province))
    console.say("init-done", org=settings.org_name, year=settings.fiscal_year, path=plan_dir)


@plan_command("เขียนแบบกรอกข้อมูลของแต่ละหน่วยงาน",
              "สร้างแบบกรอกข้อมูล Excel ให้แต่ละหน่วยงาน ใน templates/ / write one "
              "input workbook per department into templates/",
              click.option("--department", "code", default=None, metavar="CODE",
                           help="เฉพาะหน่วยงานรหัสนี้ / only the department with this code"))
def template(ctx, plan_dir: Path, code: str | None, lang, quiet, debug) -> None:
    from oplan_xl.api import TEMPLATES, write_templates

    console = _console(ctx, lang, quiet, debug)
    paths = run(console, lambda: write_templates(plan_dir, code))
    for path in paths:
        console.say("wrote-template", path=path)
    console.say("template-done", count=len(paths), path=plan_dir / TEMPLATES)


@main.command("import", short_help="นำเข้าแบบ ผด.02 ที่ทำเองเป็นไฟล์ของแต่ละหน่วยงาน",
              help="อ่านแบบ ผด.02 (และ ผด.02/1 คนละไฟล์ก็ได้) ที่ทำเองหรือจากโปรแกรมอื่น เขียนเป็น"
              "ไฟล์ของแต่ละหน่วยงานใน submissions/ ตามแบบกรอกมาตรฐาน ไฟล์ต้นทางไม่ถูกแก้ไข / read "
              "a ผด.02 (and ผด.02/1) made by hand into submissions/ as the standard "
              "department workbooks, one per unit; the files are only read")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--department", "code", default=None, metavar="CODE",
              help="หน่วยงานของแถวที่ไม่ระบุหน่วยงานรับผิดชอบ / the department of rows "
                   "naming no responsible unit")
@click.option("--replace", is_flag=True,
              help="เขียนทับไฟล์ชื่อเดียวกันใน submissions / overwrite files of the same "
                   "names in submissions")
@version_option
@common_options
@click.pass_context
def import_(ctx, plan_dir: Path, files: tuple[Path, ...], code: str | None, replace: bool,
            lang, quiet, debug) -> None:
    from oplan_xl.api import SUBMISSIONS, import_plan, import_summary

    console = _console(ctx, lang, quiet, debug)
    result = run(console, lambda: import_plan(plan_dir, list(files), code, replace))
    for line, on_stderr in import_summary(result, console.lang, plan_dir / SUBMISSIONS):
        console.error(line) if on_stderr else console.line(wrapped(line, console.width))
    sys.exit(EXIT_OK if not result.errors and not result.unwritten else EXIT_PLAN_ERRORS)


@plan_command("ตรวจไฟล์ของทุกหน่วยงาน (ไม่เขียนแบบ ผด.)",
              "อ่านและตรวจไฟล์ของทุกหน่วยงาน ไม่เขียนแบบ ผด. / read and check every "
              "submission; writes no forms",
              click.option("--json", "as_json", is_flag=True,
                           help="พิมพ์ผลเป็น JSON / print the report as JSON"))
def check(ctx, plan_dir: Path, as_json: bool, lang, quiet, debug) -> None:
    from oplan_xl.api import review

    console = _console(ctx, lang, quiet, debug)
    progress = Progress(console)
    try:
        result = run(console, lambda: review(plan_dir, progress))
    finally:
        progress.close()
    report = result.report
    if as_json:
        click.echo(json.dumps(report.to_dict(console.lang), ensure_ascii=not
                              _can_print_thai(sys.stdout), indent=2))
    else:
        print_report(console, report, result.outputs)
    for problem in result.unwritten:
        console.error(problem.message(console.lang))
    sys.exit(EXIT_OK if report.ok and not result.unwritten else EXIT_PLAN_ERRORS)


@plan_command("ตรวจ แล้วเขียนแบบ ผด.01 ผด.02 ผด.02/1 และ preview.html",
              "ตรวจ แล้วเขียนแบบ ผด.01 ผด.02 ผด.02/1 และ preview.html ใน output/ / check, "
              "then write the official workbooks and preview.html into output/",
              click.option("--force", is_flag=True,
                           help="สร้างจากแถวที่ถูกต้องแม้มีข้อผิดพลาด / build from the valid rows "
                                "despite errors"))
def build(ctx, plan_dir: Path, force: bool, lang, quiet, debug) -> None:
    console = _console(ctx, lang, quiet, debug)
    sys.exit(_build(console, plan_dir, force))


def _build(console: Console, plan_dir: Path, force: bool) -> int:
    from oplan_xl.api import build as build_plan

    progress = Progress(console)
    try:
        result = run(console, lambda: build_plan(plan_dir, force, progress))
    finally:
        progress.close()
    return _print_build(console, result)


def _print_build(console: Console, result) -> int:
    """What ``build`` and ``demo`` print; returns the exit code."""
    from oplan_xl.core.model import format_baht

    print_report(console, result.report, result.findings)
    for problem in result.unwritten:
        console.error(problem.message(console.lang))
    if not result.built:
        console.error(messages.text("build-blocked", console.lang))
    else:
        plan = result.plan
        console.say("build-done", projects=plan.count, baht=format_baht(plan.satang),
                    equipment=plan.equipment_count)
        for name, path in result.outputs.items():
            key = f"output-{name}"
            label = messages.text(key, console.lang) if key in messages.MESSAGES else name
            console.say("wrote", label=label, path=path)
        if result.data:
            paths = list(result.data.values())
            console.say("wrote-data", path=paths[0].parent,
                        files=", ".join(path.name for path in paths))
        if result.draft:
            console.error(messages.text("build-draft", console.lang,
                                        errors=len(result.report.errors)))
    blocked = print_editions(console, result, print_report)
    if result.set_aside:  # on stderr: seen also with --quiet, like the errors
        console.error(messages.text("stale-moved", console.lang,
                                    path=result.set_aside[0].parent,
                                    files=", ".join(path.name for path in result.set_aside)))
    if not result.built:
        return EXIT_PLAN_ERRORS
    ok = result.report.ok and not result.unwritten and not blocked
    return EXIT_OK if ok else EXIT_PLAN_ERRORS


@plan_command("สร้างฉบับเพิ่มเติม/เปลี่ยนแปลง/แก้ไข ของแผน",
              "สร้างโฟลเดอร์ฉบับใหม่ editions/<NN>-<ฉบับ>/ พร้อมแบบกรอกใน templates/ / make "
              "the next edition folder with its input workbooks",
              click.option("--kind", required=True, metavar="เพิ่มเติม|เปลี่ยนแปลง|แก้ไข",
                           help="ชนิดของฉบับ / the kind: เพิ่มเติม (add), "
                                "เปลี่ยนแปลง (change), แก้ไข (correct)"))
def edition(ctx, plan_dir: Path, kind: str, lang, quiet, debug) -> None:
    from oplan_xl.api import new_edition

    console = _console(ctx, lang, quiet, debug)
    folder, paths = run(console, lambda: new_edition(plan_dir, kind))
    for path in paths:
        console.say("wrote-template", path=path)
    console.say("edition-done", name=folder.name, path=folder)


@plan_command("เขียนแบบรายงานผลการดำเนินงานให้แต่ละหน่วยงานกรอก",
              "เขียนแบบรายงานผลการดำเนินงาน (จากแผนที่สร้างแล้ว) ให้แต่ละหน่วยงานใน results/templates/"
              " / write each department's results form into results/templates/")
def results(ctx, plan_dir: Path, lang, quiet, debug) -> None:
    from oplan_xl.api import RESULTS, SUBMISSIONS, TEMPLATES, write_results_templates

    console = _console(ctx, lang, quiet, debug)
    paths = run(console, lambda: write_results_templates(plan_dir))
    for path in paths:
        console.say("wrote-results-template", path=path)
    console.say("results-done", count=len(paths),
                path=plan_dir / RESULTS / TEMPLATES, submissions=plan_dir / RESULTS / SUBMISSIONS)


@plan_command("รายงานผลการดำเนินงาน รอบ 6 เดือน หรือสิ้นปี",
              "อ่านผลที่หน่วยงานส่งคืนใน results/submissions/ แล้วเขียน output/report-<รอบ>.xlsx และ "
              ".html / read the returned results, write the 6-month or year-end report",
              click.option("--as-of", "as_of", required=True, metavar="DATE",
                           help="ณ วันที่ เช่น 2568-03-31 (พ.ศ.) หรือ 2025-03-31 (ค.ศ.) / BE or CE"))
def report(ctx, plan_dir: Path, as_of: str, lang, quiet, debug) -> None:
    from oplan_xl.api import follow_up_report

    console = _console(ctx, lang, quiet, debug)
    result = run(console, lambda: follow_up_report(plan_dir, as_of))
    _print_findings(console, result.report, result.outputs[-1])
    console.say("report-done", **result.summary(console.lang))
    for path in result.outputs:
        console.say("wrote", label=path.name, path=path)
    sys.exit(EXIT_OK if result.report.ok else EXIT_PLAN_ERRORS)


@main.command(short_help="สร้างแผนตัวอย่างที่มากับโปรแกรม",
              help="สร้างแผนตัวอย่างที่มากับโปรแกรม / build the bundled sample plan")
@click.argument("out_dir", type=click.Path(path_type=Path), default=Path("oplan-demo"))
@version_option
@common_options
@click.pass_context
def demo(ctx, out_dir: Path, lang, quiet, debug) -> None:
    from oplan_xl.api import demo as build_demo

    console = _console(ctx, lang, quiet, debug)
    progress = Progress(console)
    try:
        result = run(console, lambda: build_demo(out_dir, progress))
    finally:
        progress.close()
    console.say("demo-copied", path=out_dir)
    sys.exit(_print_build(console, result))
