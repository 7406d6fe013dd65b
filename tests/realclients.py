"""Opening our outputs in real clients: LibreOffice headless and headless Chromium.

Starting a client is the slow part of these tests, so each start does as much
as it can: one LibreOffice start converts every workbook a test module needs
(``LibreOffice.convert``, through the session fixture ``libreoffice`` in
conftest.py), and one Chromium start both dumps a page's DOM and prints it
(``open_page``).  Test modules cache the results in module-scoped fixtures.

Where a client is not installed its tests skip with the reason; CI
(.ci/run) installs both, so there they run.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
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

# Where the Windows installer puts LibreOffice, which it does not add to PATH.
_WINDOWS_SOFFICE = (Path("C:/Program Files/LibreOffice/program/soffice.exe"),
                    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"))


def need_soffice() -> str:
    """The LibreOffice executable; skips the calling test where there is none."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        path = next((str(exe) for exe in _WINDOWS_SOFFICE if exe.is_file()), None)
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs "
                    "libreoffice-calc-nogui")
    return path


class LibreOffice:
    """LibreOffice headless with two private profiles, kept for the whole test run:
    one that opens files as a user's LibreOffice does, one that recalculates every
    formula on load.  Each ``convert`` is one LibreOffice start for many files."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice = soffice
        self.folder = folder
        self.starts = 0

    def _profile(self, recalc: bool) -> Path:
        profile = self.folder / ("profile-recalc" if recalc else "profile")
        if recalc and not profile.exists():
            (profile / "user").mkdir(parents=True)
            (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_PROFILE,
                                                                       encoding="utf-8")
        return profile

    def convert(self, sources: dict[str, Path], target: str, recalc: bool = False,
                timeout: int = 300, infilter: str | None = None) -> dict[str, Path]:
        """Convert every source into *target* (e.g. ``xlsx``, ``pdf``) in one start.

        The keys name the converted files (LibreOffice names each after its
        source, so two sources may share a name); returns key → converted file.
        *infilter* opens the sources with that import filter and its options
        (``CSV:44,34,76``: comma, double quote, UTF-8)."""
        self.starts += 1
        staged = self.folder / f"in-{self.starts}"
        out_dir = self.folder / f"out-{self.starts}"
        staged.mkdir()
        copies = []
        for key, source in sources.items():
            copies.append(staged / f"{key}{source.suffix}")
            shutil.copyfile(source, copies[-1])
        run = subprocess.run([self.soffice,
                              f"-env:UserInstallation={self._profile(recalc).as_uri()}",
                              "--headless", *([f"--infilter={infilter}"] if infilter else []),
                              "--convert-to", target, "--outdir", str(out_dir),
                              *map(str, copies)],
                             capture_output=True, timeout=timeout)
        assert run.returncode == 0, run.stderr[-2000:]
        results = {key: out_dir / f"{key}.{target.split(':')[0]}" for key in sources}
        for key, result in results.items():
            assert result.is_file(), f"LibreOffice wrote nothing for {sources[key].name}"
        return results


# --- Chromium -------------------------------------------------------------------------------

_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                   "chrome", "msedge")
#: The Chromium executable, or None where none is installed.
CHROMIUM = next((shutil.which(name) for name in _CHROMIUM_NAMES if shutil.which(name)), None)
NO_CHROMIUM = ("Chromium is not installed (apt-get install chromium); the real-client "
               "check of preview.html needs it")
_CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--enable-logging=stderr",
                   "--v=0")


@dataclass
class PageRun:
    """What one headless Chromium start saw of a page."""

    returncode: int
    dom: str  # the DOM after the page's scripts ran
    stderr: str  # Chromium's log, console messages included
    pdf: Path | None  # the page printed, when asked for

    def console_lines(self) -> list[str]:
        """The page's console messages: each is logged on a line with ``:CONSOLE``."""
        return [line for line in self.stderr.splitlines()
                if ":CONSOLE" in line or "Uncaught" in line]


def open_page(page: Path, folder: Path, pdf: bool = False) -> PageRun:
    """Load *page* in one headless Chromium start: dump its DOM and, with *pdf*,
    print it (no header or footer of Chromium's own) to ``folder/page.pdf``."""
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    folder.mkdir(parents=True, exist_ok=True)
    printed = folder / f"{page.stem}.pdf" if pdf else None
    printing = ["--no-pdf-header-footer", f"--print-to-pdf={printed}"] if pdf else []
    run = subprocess.run([CHROMIUM, *_CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}",
                          "--dump-dom", *printing, page.as_uri()],
                         capture_output=True, text=True, encoding="utf-8", errors="replace",
                         timeout=120)
    return PageRun(run.returncode, run.stdout, run.stderr, printed)


#: Pythons that may have LibreOffice's ``uno`` module (Debian's python3-uno).
_UNO_PYTHONS = ("/usr/bin/python3", "python3")


def uno_python() -> str:
    """A Python that imports ``uno``; skips the calling test where there is none."""
    need_soffice()
    for python in _UNO_PYTHONS:
        exe = shutil.which(python)
        if exe and subprocess.run([exe, "-c", "import uno"], capture_output=True,
                                  timeout=60).returncode == 0:
            return exe
    pytest.skip("no Python with LibreOffice's uno module; .ci/run installs python3-uno")


def rows_too_short(paths: list[Path], timeout: int = 900) -> tuple[int, list[str]]:
    """Every row of *paths* whose text LibreOffice needs more height for than the file
    gives it (tests/lo_rowfit.py, one LibreOffice start): (rows measured, the rows too
    short as ``file|sheet|row|given mm|needed mm|text``)."""
    script = Path(__file__).resolve().parent / "lo_rowfit.py"
    done = subprocess.run([uno_python(), str(script), *map(str, paths)], capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines and lines[-1].startswith("rows: "), (
        done.stdout[-2000:] + done.stderr[-2000:])
    return int(lines[-1].split()[1]), lines[:-1]
