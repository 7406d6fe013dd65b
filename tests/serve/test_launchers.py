"""The files the officer double-clicks on Windows: the install, and the page of
the program folder (the plan folder's own launcher is in test_serve_command)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "ติดตั้งโปรแกรม.cmd"
OPEN = ROOT / "เปิดโปรแกรมแผน.cmd"


@pytest.mark.parametrize("launcher", [INSTALL, OPEN], ids=["install", "open"])
def test_a_launcher_is_a_batch_file_cmd_reads_right(launcher):
    raw = launcher.read_bytes()
    text = raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")  # a BOM would be read as a command
    assert text.count("\r\n") == len(text.splitlines())  # CRLF, as .gitattributes keeps
    lines = text.splitlines()
    assert lines[:3] == ["@echo off", "chcp 65001 >nul", 'cd /d "%~dp0"']
    depth = 0
    for line in lines:
        words = line.strip()
        if words.startswith("echo") and depth:
            # a bracket in an echo inside a block ends the block early
            assert "(" not in words and ")" not in words, line
        depth -= words.startswith(")")
        depth += words.endswith("(")
        assert depth >= 0, line
    assert depth == 0


def test_the_install_makes_the_venv_the_open_launcher_uses():
    install = INSTALL.read_text(encoding="utf-8")
    opening = OPEN.read_text(encoding="utf-8")
    assert "-m venv .venv" in install and "-m pip install" in install
    assert '".venv\\Scripts\\oplan.exe" serve' in opening
    for name in re.findall(r"\S+\.cmd", install + opening):
        assert (ROOT / name).is_file(), name
