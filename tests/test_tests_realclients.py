"""Where LibreOffice and Chromium are not installed, their tests skip with the reason.

The check runs those test modules in a child pytest whose PATH finds no
program at all, as on a PC without the clients (Windows usually has neither
on PATH)."""

import os
import subprocess
import sys

from .hostile import ROOT
from .realclients import NO_CHROMIUM


def test_the_real_client_tests_skip_with_the_reason_without_the_clients(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "0",
                          "-q", "-rs",
                          "tests/write/test_forms_libreoffice.py",
                          "tests/preview/test_preview_chromium.py"],
                         cwd=ROOT, env=env, capture_output=True, encoding="utf-8",
                         errors="replace", timeout=300)
    assert run.returncode == 0, (run.stdout[-3000:], run.stderr[-3000:])
    assert "9 skipped" in run.stdout and "passed" not in run.stdout, run.stdout[-3000:]
    reasons = {"test_forms_libreoffice.py": "LibreOffice (soffice) is not installed",
               "test_preview_chromium.py": NO_CHROMIUM}
    skipped = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert skipped, run.stdout[-3000:]
    for line in skipped:
        assert any(module in line and reason in line for module, reason in reasons.items()), line
