"""Writing outputs safely: to a temporary file beside the target, then rename.

A crash or a full disk never leaves a half-written workbook under the real
name, and the previous output stays intact until the new one is complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)`` and move the finished file onto *target*.

    Raises OutputError when the target is locked (open in Excel) or read-only.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix,
                                    dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, _shared_mode())  # mkstemp makes 0600; outputs are for sharing
        os.replace(temp, target)
    except PermissionError as exc:
        raise OutputError("output-locked", path=target, reason=exc.strerror) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def _shared_mode() -> int:
    """The mode a normally created file gets: 0666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
