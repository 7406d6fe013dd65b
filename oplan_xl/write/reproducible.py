"""Byte-reproducible workbooks from openpyxl, which stamps the current time into
docProps/core.xml and into every zip member; XlsxWriter needs none of this."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from oplan_xl.write.conventions import FIXED_DATE

_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def save(workbook, path: Path) -> None:
    """Save the openpyxl *workbook* at *path* with FIXED_DATE as every time in it."""
    workbook.save(path)
    fix_times(path, FIXED_DATE)


def fix_times(path: Path, when: dt.datetime) -> None:
    """Rewrite the .xlsx at *path* with *when* as its document dates and zip times."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            if name == "docProps/core.xml":
                data = _CORE_TIME.sub(lambda m: m.group(1) + stamp + m.group(3), data)
            info = zipfile.ZipInfo(name, date_time=zip_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
