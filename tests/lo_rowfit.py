"""Rows whose text LibreOffice cannot fit in the height the file gives them.

    python3 tests/lo_rowfit.py [--tol-mm 1.0] A.xlsx [B.xlsx ...]

Run by the tests (``realclients.rows_too_short``) with a Python that has
LibreOffice's ``uno`` module (Debian: /usr/bin/python3 with python3-uno), never
imported by them.  One LibreOffice start for every file: each workbook is loaded
headless, and every used row of every sheet, shown or hidden, has its stored height
compared with the height LibreOffice computes as optimal for its content (Format >
Rows > Optimal Height).  Prints one line per row too short, ``file|sheet|row|given
mm|needed mm|text``, and last ``rows: N``.
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def _hidden():
    prop = PropertyValue()
    prop.Name, prop.Value = "Hidden", True
    return (prop,)


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.25)
    return None


def _check(desktop, path, tolerance):
    rows = 0
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                       "_blank", 0, _hidden())
    if doc is None:
        print(f"{path}|cannot load")
        return 0
    try:
        for sheet in doc.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            used = cursor.RangeAddress
            for r in range(used.EndRow + 1):
                row = sheet.Rows.getByIndex(r)
                given = row.Height
                row.OptimalHeight = True
                rows += 1
                if row.Height - given > tolerance * 100:
                    text = " | ".join(sheet.getCellByPosition(c, r).String[:20]
                                      for c in range(min(used.EndColumn + 1, 6)))
                    print(f"{os.path.basename(path)}|{sheet.Name}|{r + 1}|{given / 100:.1f}|"
                          f"{row.Height / 100:.1f}|{text}")
    finally:
        doc.close(True)
    return rows


def main(argv):
    tolerance = 1.0
    if argv[:1] == ["--tol-mm"]:
        tolerance, argv = float(argv[1]), argv[2:]
    profile = tempfile.mkdtemp()
    pipe = f"oplanrowfit{os.getpid()}"
    soffice = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = _connect(pipe)
    if context is None:
        soffice.kill()
        print("soffice did not answer")
        return 2
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                               context)
    rows = 0
    try:
        for path in argv:
            rows += _check(desktop, path, tolerance)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        soffice.wait(timeout=60)
    print(f"rows: {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
