"""The progress bar while files are read: on a terminal only, never with --quiet."""

from __future__ import annotations

import io

from click.testing import CliRunner

from oplan_xl import cli

from ..builders import make_plan, project, write_submission


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _feed(progress, total: int) -> None:
    for done in range(1, total + 1):
        progress(done, total)
    progress.close()


def test_bar_on_a_terminal_for_many_files(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    _feed(cli.Progress(cli.Console("en", quiet=False, debug=False)), 25)
    assert "Reading the submissions" in terminal.getvalue()
    assert "100%" in terminal.getvalue()


def test_no_bar_when_quiet_not_a_terminal_or_few_files(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    _feed(cli.Progress(cli.Console("en", quiet=True, debug=False)), 25)
    _feed(cli.Progress(cli.Console("en", quiet=False, debug=False)), 3)
    assert terminal.getvalue() == ""
    pipe = io.StringIO()
    monkeypatch.setattr(cli.sys, "stderr", pipe)
    _feed(cli.Progress(cli.Console("en", quiet=False, debug=False)), 25)
    assert pipe.getvalue() == ""


def test_check_and_build_report_progress_per_file(tmp_path, monkeypatch):
    plan_dir = make_plan(tmp_path)
    for name in ("a", "b", "c"):
        write_submission(plan_dir / "submissions" / f"{name}.xlsx", [project(name=name)])
    calls = []
    monkeypatch.setattr(cli.Progress, "__call__", lambda self, done, total:
                        calls.append((done, total)))
    runner = CliRunner()
    runner.invoke(cli.main, ["check", str(plan_dir)])
    assert calls == [(1, 3), (2, 3), (3, 3)]
    calls.clear()
    runner.invoke(cli.main, ["build", "--force", str(plan_dir)])
    assert calls == [(1, 3), (2, 3), (3, 3)]
