"""Shared pytest hooks and fixtures."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from .realclients import LibreOffice, need_soffice

# No property test fails for being slow: Hypothesis's default 200 ms deadline per
# example and its too_slow health check are time bounds, which a busy or slow PC
# would break for no fault of the code.
settings.register_profile("no-time-bounds", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no-time-bounds")


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory) -> LibreOffice:
    """LibreOffice headless with its profiles made once for the whole test run;
    skips, with the reason, where it is not installed."""
    return LibreOffice(need_soffice(), tmp_path_factory.mktemp("libreoffice"))


def pytest_terminal_summary(terminalreporter):
    """The time and peak memory of every hostile input run (tests/read/test_hostile.py)."""
    from .hostile import summary_lines

    lines = summary_lines()
    if not lines:
        return
    terminalreporter.section("hostile inputs: time and peak memory of each oplan run")
    for line in lines:
        terminalreporter.write_line(line)
