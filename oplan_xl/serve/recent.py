"""The plan folders opened on this PC, newest first, so that the page offers them
with one click the next time (a path typed once is enough)."""

from __future__ import annotations

import json
import os
from pathlib import Path

#: Folders remembered.
KEEP = 8


def default_file() -> Path:
    """``%APPDATA%\\oplan-xl\\recent.json`` on Windows, ``~/.config/oplan-xl/`` elsewhere."""
    base = os.environ.get("APPDATA") or os.environ.get("XDG_CONFIG_HOME") \
        or Path.home() / ".config"
    return Path(base) / "oplan-xl" / "recent.json"


def recent(file: Path | None) -> list[Path]:
    """The folders remembered that still hold a plan.xlsx."""
    if file is None or not file.is_file():
        return []
    try:
        names = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # a damaged list only costs the shortcut
    folders = [Path(name) for name in names if isinstance(name, str)]
    return [folder for folder in folders if (folder / "plan.xlsx").is_file()]


def remember(file: Path | None, folder: Path) -> None:
    if file is None:
        return
    folders = [folder, *(f for f in recent(file) if f != folder)][:KEEP]
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps([str(f) for f in folders], ensure_ascii=False, indent=1),
                        encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the page still works, it only forgets
