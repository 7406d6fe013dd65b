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

from oplan_xl import __version__
from oplan_xl.core import messages
from oplan_xl.core.wording import wrapped

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


class Console:
    """Prints catalogue messages in the chosen language, safely on any console."""

    def __init__(self, lang: str | None, quiet: bool, debug: bool) -> None:
        thai_ok = _can_print_thai(sys.stdout)
        if not thai_ok:
            # A console that cannot show Thai must not crash on a Thai path.
            for stream in (sys.stdout, sys.stderr):
                if hasattr(stream, "reconfigure"):
                    stream.reconfigure(errors="backslashreplace")
        self.lang = lang or ("th" if thai_ok else "en")
        self.quiet = quiet
        self.debug = debug
        #: On a terminal, its width: finding lines are folded to it at spaces
        #: (never in a pipe or a log, where one finding is one line to grep).
        self.width = 0
        if sys.stdout.isatty():
            import shutil

            self.width = max(shutil.get_terminal_size().columns - 1, 40)

    def say(self, key: str, **params: object) -> None:
        if not self.quiet:
            click.echo(messages.text(key, self.lang, **params))

    def line(self, text: str) -> None:
        if not self.quiet:
            click.echo(text)

    def error(self, text: str) -> None:
        click.echo(text, err=True)


class Progress:
    """A progress bar on stderr while the submissions are read (``check``'s callback).

    Only when there are enough files for it to be worth watching, and never with
    --quiet or when stderr is not a terminal (a log file, a pipe, a test).
    """

    #: Fewer files than this are read in about a second: no bar.
    MIN_FILES = 20

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = None
        self.shown = 0
        self.enabled = not console.quiet and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_FILES:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, file=sys.stderr,
                                         label=messages.text("reading-files",
                                                             self.console.lang))
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done == total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _can_print_thai(stream) -> bool:
    try:
        "ก".encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class ThaiHelpFormatter(click.HelpFormatter):
    """Help text whose fixed words are in Thai and English, like the rest of it."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "วิธีใช้ / Usage: " if prefix is None else prefix)


class ThaiContext(click.Context):
    formatter_class = ThaiHelpFormatter


class ThaiUsageError(click.UsageError):
    """click's own usage errors (a missing PLAN_DIR, ``--year abc``, a mistyped
    command) in Thai first, then click's English, like the help."""

    def __init__(self, original: click.UsageError, thai: str | None = None) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original
        self.thai = thai or thai_usage_message(original)

    def show(self, file=None) -> None:
        err = file is None  # on stderr, as click shows its errors
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=file, err=err)
            click.echo(f"ดูวิธีใช้ / for help: {self.ctx.command_path} --help\n", file=file,
                       err=err)
        click.echo(f"ข้อผิดพลาด: {self.thai}\nError: {self.original.format_message()}",
                   file=file, err=err)


def thai_usage_message(error: click.UsageError) -> str:
    """What went wrong on the command line, in Thai."""
    param = getattr(error, "param", None)
    name = ""
    if param is not None:
        name = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
    if isinstance(error, click.MissingParameter):
        return f"ยังไม่ได้ระบุ {name}"
    if isinstance(error, click.NoSuchOption):
        close = getattr(error, "possibilities", None)
        hint = f" — หรือหมายถึง {', '.join(close)}" if close else ""
        return f"ไม่มีตัวเลือก {error.option_name}{hint}"
    if isinstance(error, click.BadOptionUsage):
        return f"ตัวเลือก {error.option_name} ต้องมีค่าตามหลัง"
    if isinstance(error, click.BadParameter):
        kind = getattr(param, "type", None)
        if isinstance(kind, click.types.IntParamType):
            return f"ค่าของ {name} ต้องเป็นตัวเลข"
        if isinstance(kind, click.Choice):
            return f"ค่าของ {name} ต้องเป็น {' หรือ '.join(map(str, kind.choices))}"
        return f"ค่าของ {name} ไม่ถูกต้อง"
    return "ใช้คำสั่งไม่ถูกต้อง"


class ThaiCommand(click.Command):
    """A command whose ``--help`` speaks Thai first: click's own words (Usage,
    Options, Show this message and exit.) are English only."""

    context_class = ThaiContext

    def make_context(self, *args, **kwargs) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except ThaiUsageError:
            raise
        except click.UsageError as error:
            raise ThaiUsageError(error) from None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "แสดงวิธีใช้นี้ / show this help"
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        options = [param.get_help_record(ctx) for param in self.get_params(ctx)
                   if not isinstance(param, click.Argument)]
        options = [record for record in options if record is not None]
        if options:
            with formatter.section("ตัวเลือก / Options"):
                formatter.write_dl(options)


class ThaiGroup(ThaiCommand, click.Group):
    command_class = ThaiCommand

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order of the work: init, template, check, build

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            known = ", ".join(self.list_commands(ctx))
            raise ThaiUsageError(error, f"ไม่มีคำสั่ง \"{args[0]}\" — คำสั่งที่มี: {known}") \
                from None

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ThaiCommand.format_options(self, ctx, formatter)
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        rows = [(name, command.short_help or command.get_short_help_str(200))
                for name, command in commands if command is not None and not command.hidden]
        if rows:
            with formatter.section("คำสั่ง / Commands"):
                formatter.write_dl(rows)


def version_option(function):
    return click.version_option(__version__, "--version", prog_name="oplan",
                                help="แสดงรุ่นของโปรแกรม / show the version")(function)


def common_options(function):
    """--lang, --quiet and --debug on every command (and on the group)."""
    function = click.option("--debug", is_flag=True, default=None,
                            help="แสดง traceback เมื่อผิดพลาด / show tracebacks")(function)
    function = click.option("--quiet", "-q", is_flag=True, default=None,
                            help="พิมพ์เฉพาะข้อผิดพลาด / print errors only")(function)
    function = click.option("--lang", type=click.Choice(messages.LANGS), default=None,
                            help="ภาษาของข้อความ th|en / message language")(function)
    return function


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
        console.error(messages.text("internal-error", console.lang,
                                    reason=f"{type(exc).__name__}: {str(exc)[:300]}"))
        sys.exit(EXIT_USAGE)


@click.group(cls=ThaiGroup, help="oplan — จัดทำแผนการดำเนินงานขององค์กรปกครองส่วนท้องถิ่นจากไฟล์ Excel "
             "ของกอง/สำนัก\n\nBuild the operational plan of a Thai local government "
             "organisation from the departments' Excel files.")
@version_option
@common_options
@click.pass_context
def main(ctx: click.Context, lang, quiet, debug) -> None:
    ctx.ensure_object(dict).update(lang=lang, quiet=quiet, debug=debug)


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


@main.command(short_help="เขียนแบบกรอกข้อมูลของแต่ละหน่วยงาน",
              help="สร้างแบบกรอกข้อมูล Excel ให้แต่ละหน่วยงาน ใน templates/ / write one "
              "input workbook per department into templates/")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.option("--department", "code", default=None, metavar="CODE",
              help="เฉพาะหน่วยงานรหัสนี้ / only the department with this code")
@version_option
@common_options
@click.pass_context
def template(ctx, plan_dir: Path, code: str | None, lang, quiet, debug) -> None:
    from oplan_xl.api import TEMPLATES, write_templates

    console = _console(ctx, lang, quiet, debug)
    paths = run(console, lambda: write_templates(plan_dir, code))
    for path in paths:
        console.say("wrote-template", path=path)
    console.say("template-done", count=len(paths), path=plan_dir / TEMPLATES)


@main.command(short_help="ตรวจไฟล์ของทุกหน่วยงาน (ไม่เขียนแบบ ผด.)",
              help="อ่านและตรวจไฟล์ของทุกหน่วยงาน ไม่เขียนแบบ ผด. / read and check every "
              "submission; writes no forms")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="พิมพ์ผลเป็น JSON / print the report as JSON")
@version_option
@common_options
@click.pass_context
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


@main.command(short_help="ตรวจ แล้วเขียนแบบ ผด.01 ผด.02 ผด.02/1 และ preview.html",
              help="ตรวจ แล้วเขียนแบบ ผด.01 ผด.02 ผด.02/1 และ preview.html ใน output/ / check, "
              "then write the official workbooks and preview.html into output/")
@click.argument("plan_dir", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True,
              help="สร้างจากแถวที่ถูกต้องแม้มีข้อผิดพลาด / build from the valid rows "
                   "despite errors")
@version_option
@common_options
@click.pass_context
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
    if result.set_aside:  # on stderr: seen also with --quiet, like the errors
        console.error(messages.text("stale-moved", console.lang,
                                    path=result.set_aside[0].parent,
                                    files=", ".join(path.name for path in result.set_aside)))
    if not result.built:
        return EXIT_PLAN_ERRORS
    return EXIT_OK if result.report.ok and not result.unwritten else EXIT_PLAN_ERRORS


def plan_command(short_help: str, help: str, *options):
    """A command on PLAN_DIR with *options* and the common ones (the follow-up commands)."""
    def decorate(function):
        for option in reversed((click.argument("plan_dir", type=click.Path(path_type=Path)),
                                *options, version_option, common_options, click.pass_context)):
            function = option(function)
        return main.command(short_help=short_help, help=help)(function)
    return decorate


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


#: Findings printed per department; the rest are in output/findings.xlsx.
MAX_LINES_PER_DEPARTMENT = 15


def print_report(console: Console, report, outputs: dict | None = None) -> None:
    """The findings grouped by department, worst first, with counts; the plan-wide
    ones last; the reconciliation per file and in total; the files written."""
    outputs = outputs or {}
    _print_findings(console, report, outputs.get("findings", "output/findings.xlsx"))
    _print_reconciliation(console, report)
    department_of = {tally.file: tally.department for tally in report.files}
    for name, path in outputs.items():
        if name == "findings":
            console.say("wrote-findings", path=path)
        elif name.startswith("returned:"):
            console.say("wrote-returned", department=department_of.get(name[9:], ""),
                        path=path)
    if report.ok:
        console.say("summary-ok", warnings=len(report.warnings))
    else:
        console.say("summary-errors", errors=len(report.errors), warnings=len(report.warnings))


def _print_findings(console: Console, report, findings_path) -> None:
    """Each department's findings under a heading with its counts, the department
    with the most errors first; then the findings of the plan as a whole."""
    files_of: dict[str, list[str]] = {}
    for tally in report.files:
        files_of.setdefault(tally.department, []).append(tally.file)
    department_of = {tally.file: tally.department for tally in report.files}
    by_department: dict[str, list] = {department: [] for department in files_of}
    plan_wide = []
    for item in report.findings:
        if item.file in department_of:
            by_department[department_of[item.file]].append(item)
        else:
            plan_wide.append(item)

    def worst_first(pair):
        department, items = pair
        return (-sum(f.severity == "error" for f in items), -len(items), department)

    for department, items in sorted(by_department.items(), key=worst_first):
        files = files_of[department]
        console.line(messages.text("department-heading", console.lang, department=department,
                                   counts=_counts(console, items), files=", ".join(files)))
        _print_some(console, items, len(files) > 1, findings_path)
    if plan_wide:
        console.line(messages.text("plan-level-heading", console.lang,
                                   counts=_counts(console, plan_wide)))
        _print_some(console, plan_wide, False, findings_path)


def _counts(console: Console, items) -> str:
    if not items:
        return messages.text("department-clean", console.lang)
    errors = sum(f.severity == "error" for f in items)
    return messages.text("finding-counts", console.lang, errors=errors,
                         warnings=len(items) - errors)


def _print_some(console: Console, items, with_file: bool, findings_path) -> None:
    """The first findings, errors first, in the order of the sheets; how many more
    there are (all of them are in findings.xlsx)."""
    items = sorted(items, key=lambda f: (f.severity != "error", f.file, f.sheet,
                                         f.row or 0, f.cell))
    for item in items[:MAX_LINES_PER_DEPARTMENT]:
        console.line(wrapped(_finding_line(console, item, with_file), console.width))
    if len(items) > MAX_LINES_PER_DEPARTMENT:
        console.line(messages.text("more-findings", console.lang,
                                   count=len(items) - MAX_LINES_PER_DEPARTMENT,
                                   path=findings_path))


def _finding_line(console: Console, item, with_file: bool) -> str:
    """``  ✗ โครงการ!E7 ก่อสร้างถนน… — what to do [code]``: where, the row's project
    (or equipment), the message, and the code last (for whoever looks it up)."""
    mark = "✗" if item.severity == "error" else "!"
    where = f"{item.sheet}!{item.cell}" if item.cell else item.sheet
    if item.row and item.cell and item.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") \
            != str(item.row):  # a merged cell found wanting for a row below it
        where = f"{where} {messages.text('for-row', console.lang, row=item.row)}"
    if with_file:
        where = f"{item.file} {where}".strip()
    head = " ".join(part for part in (where, item.subject) if part)
    lead = f"{mark} {head} — " if head else f"{mark} "  # a file's or the plan's: no place
    return f"  {lead}{item.message(console.lang)} [{item.code}]"


def _print_reconciliation(console: Console, report) -> None:
    """Rows and baht read, planned and rejected, per file and in total."""
    from oplan_xl.core.model import format_baht

    if report.files:
        console.say("reconciliation-files")
    for tally in report.files:
        console.say("file-reconciliation", file=tally.file, department=tally.department,
                    rows_read=tally.rows_read, baht_read=format_baht(tally.satang_read),
                    rows_planned=tally.rows_planned,
                    baht_planned=format_baht(tally.satang_planned),
                    rows_rejected=tally.rows_rejected,
                    baht_rejected=format_baht(tally.satang_rejected))
        if tally.total_rows or tally.continuation_rows or tally.note_rows or tally.heading_rows:
            console.say("not-data-rows", total_rows=tally.total_rows,
                        continuation_rows=tally.continuation_rows, note_rows=tally.note_rows,
                        heading_rows=tally.heading_rows)
    total = report.total()
    console.say("reconciliation", rows_read=total.rows_read,
                baht_read=format_baht(total.satang_read), rows_planned=total.rows_planned,
                baht_planned=format_baht(total.satang_planned),
                rows_rejected=total.rows_rejected,
                baht_rejected=format_baht(total.satang_rejected))
