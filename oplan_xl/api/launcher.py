"""``เปิดโปรแกรมแผน.cmd``: the file in a plan folder that the officer double-clicks
on Windows to open the plan's page (``oplan serve``), so nothing is typed after
the install."""

from __future__ import annotations

import sys
from pathlib import Path

LAUNCHER = "เปิดโปรแกรมแผน.cmd"


def launcher_text(python: str) -> str:
    """The batch file: the Python that made it runs the page of the folder the file
    is in; ``oplan`` on PATH when that Python is gone (reinstalled elsewhere).  The
    window stays open with the message when the page cannot start."""
    lines = [
        "@echo off",
        # UTF-8, so that a Thai user or folder name in the lines below reads right.
        "chcp 65001 >nul",
        'cd /d "%~dp0"',
        f'if exist "{python}" (',
        f'  "{python}" -m oplan_xl serve .',
        ") else (",
        "  oplan serve .",
        ")",
        "if errorlevel 1 pause",
    ]
    return "\r\n".join(lines) + "\r\n"


def write_launcher(plan_dir: Path) -> Path:
    """Write the launcher into *plan_dir* (replacing an earlier one: it holds no data)."""
    target = plan_dir / LAUNCHER
    target.write_bytes(launcher_text(sys.executable).encode("utf-8"))
    return target
