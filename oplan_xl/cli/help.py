"""The ``oplan`` command's help and usage errors in Thai first: click's own words
(Usage, Options, Show this message and exit., Error: Missing argument) are
English only."""

from __future__ import annotations

import click

from oplan_xl import __version__
from oplan_xl.core import messages


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
