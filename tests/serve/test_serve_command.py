"""``oplan serve`` as the officer starts it: the address on standard output, a
server on 127.0.0.1 only, the launcher that ``oplan init`` leaves."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from oplan_xl import api
from oplan_xl.api.launcher import launcher_text
from oplan_xl.cli import main

from .helpers import sample_copy


@contextlib.contextmanager
def serving(*args: str, profile: Path, cwd: Path | None = None):
    """``python -m oplan_xl serve ARGS --port 0 --no-browser`` running, with *profile*
    for the user's settings folder (it remembers the plans opened); the lines it
    printed up to the address."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "APPDATA": str(profile)}
    process = subprocess.Popen(
        [sys.executable, "-m", "oplan_xl", "serve", *args, "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, encoding="utf-8", cwd=cwd)
    try:
        lines = []
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("http://"):
                break
        assert lines and lines[-1].startswith("http://127.0.0.1:"), (lines, process.poll())
        yield lines
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def served(tmp_path):
    plan = sample_copy(tmp_path / "แผน ตัวอย่าง")
    with serving(str(plan), profile=tmp_path / "profile") as lines:
        yield plan, lines


def _open(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_address_is_one_line_of_output_and_answers_with_the_plan(served):
    plan, lines = served
    address = lines[-1]
    assert "?token=" in address and len(address.split("?token=")[1]) >= 24
    assert "Ctrl+C" in lines[-2]  # what to do when done, before the address
    status, page = _open(address)
    assert status == 200 and "องค์การบริหารส่วนตำบลหนองสมมุติ" in page
    token = address.split("?token=")[1]
    base = address.split("?")[0]
    status, page = _open(base, {"X-Oplan-Token": token})
    assert status == 200 and "องค์การบริหารส่วนตำบลหนองสมมุติ" in page
    status, job = _open(base + "job", {"X-Oplan-Token": token})
    assert status == 200 and "running" in json.loads(job)
    status, page = _open(base, {"X-Oplan-Token": token, "Origin": "http://evil.test"})
    assert status == 403
    status, page = _open(base)
    assert status == 403 and "รหัสเข้าใช้" in page


def test_it_answers_on_127_0_0_1_only(served):
    _, lines = served
    port = int(lines[-1].split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), timeout=10):
        pass
    others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None,
                                                        socket.AF_INET)}
    others |= {"127.0.0.2"} if sys.platform.startswith("linux") else set()
    for address in sorted(others - {"127.0.0.1"}):
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=3).close()


def test_a_port_in_use_is_a_thai_message(tmp_path):
    plan = sample_copy(tmp_path / "แผน")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        from click.testing import CliRunner

        result = CliRunner().invoke(main, ["serve", str(plan), "--port", str(port),
                                           "--no-browser", "--lang", "th"])
    assert result.exit_code == 2
    assert f"พอร์ต {port} มีโปรแกรมอื่นใช้อยู่" in result.output


def test_a_folder_that_is_no_plan_is_said_before_anything_starts(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["serve", str(tmp_path / "ไม่มี"), "--no-browser",
                                       "--lang", "th"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_init_and_demo_leave_a_launcher_to_double_click(tmp_path):
    plan = tmp_path / "แผน2569"
    api.init_plan(plan, "เทศบาลตำบลทดลอง", 2569)
    launcher = (plan / "เปิดโปรแกรมแผน.cmd").read_bytes()
    assert launcher == launcher_text(sys.executable).encode("utf-8")
    text = launcher.decode("utf-8")
    assert text.count("\r\n") == len(text.splitlines())  # cmd.exe wants CRLF
    lines = text.splitlines()
    assert lines[:3] == ["@echo off", "chcp 65001 >nul", 'cd /d "%~dp0"']
    assert f'"{sys.executable}" -m oplan_xl serve .' in text
    assert "oplan serve ." in text and lines[-1] == "if errorlevel 1 pause"
    demo = sample_copy(tmp_path / "demo")
    assert (demo / api.LAUNCHER).is_file()


def test_the_launchers_line_opens_the_plan_of_its_own_folder(tmp_path):
    """What the launcher runs, from the folder it is in: ``serve .``."""
    plan = sample_copy(tmp_path / "แผน")
    with serving(".", profile=tmp_path / "profile", cwd=plan) as lines:
        status, page = _open(lines[-1])
    assert status == 200 and "องค์การบริหารส่วนตำบลหนองสมมุติ" in page
    assert str(plan.resolve()) in page
    remembered = json.loads((tmp_path / "profile" / "oplan-xl" / "recent.json").read_text(
        encoding="utf-8"))
    assert remembered == [str(plan.resolve())]
