"""Shared pytest hooks and fixtures."""

from __future__ import annotations

import pytest

from .realclients import LibreOffice, need_soffice


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory) -> LibreOffice:
    """LibreOffice headless with its profiles made once for the whole test run;
    skips, with the reason, where it is not installed."""
    return LibreOffice(need_soffice(), tmp_path_factory.mktemp("libreoffice"))


def pytest_terminal_summary(terminalreporter):
    """The time and peak memory of every hostile input run (tests/test_hostile.py)."""
    from .hostile import summary_lines

    lines = summary_lines()
    if not lines:
        return
    terminalreporter.section("hostile inputs: time and peak memory of each oplan run")
    for line in lines:
        terminalreporter.write_line(line)
