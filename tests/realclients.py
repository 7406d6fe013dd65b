"""Opening our outputs in real clients: LibreOffice headless (and, later, Chromium).

Tests that need a client call ``need_soffice()``, which skips with the reason
when LibreOffice is not installed; CI installs it, so there they run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

# A LibreOffice profile that recalculates every formula on load; by default
# LibreOffice trusts the values cached in an .xlsx and would prove nothing.
_RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def need_soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs "
                    "libreoffice-calc-nogui")
    return path


def soffice_convert(source: Path, out_dir: Path, target: str, profile: Path,
                    recalc: bool = False, timeout: int = 180) -> Path:
    """Convert *source* with LibreOffice headless into *out_dir* as *target* (e.g. xlsx)."""
    soffice = need_soffice()
    if recalc:
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_PROFILE,
                                                                   encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=timeout)
    result = out_dir / f"{source.stem}.{target.split(':')[0]}"
    assert result.is_file(), f"LibreOffice wrote nothing for {source.name}"
    return result
