"""Shared pytest hooks."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter):
    """The time and peak memory of every hostile input run (tests/test_hostile.py)."""
    from .hostile import MEASURED

    if not MEASURED:
        return
    terminalreporter.section("hostile inputs: time and peak memory of each oplan run")
    for label, command, seconds, megabytes, code in MEASURED:
        terminalreporter.write_line(f"{seconds:6.2f} s {megabytes:6.0f} MB  exit {code:>2}  "
                                    f"{command:<5}  {label}")
    slowest = max(MEASURED, key=lambda m: m[2])
    largest = max(MEASURED, key=lambda m: m[3])
    terminalreporter.write_line(f"{len(MEASURED)} runs; slowest {slowest[2]:.2f} s "
                                f"({slowest[0]}), largest {largest[3]:.0f} MB ({largest[0]})")
