"""Writing outputs safely: to a temporary file beside the target, then rename.

A crash or a full disk never leaves a half-written workbook under the real
name, and the previous output stays intact until the new one is complete.
A run killed outright (power cut, Task Manager) cannot remove its temporary
file; the next run that writes the same output removes such leftovers once
they are older than ``limits.STALE_TEMP_SECONDS`` (a run still writing keeps
its file younger than that).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import limits
from .errors import OutputError

#: Temporary files are ``.<stem>-<random>.oplan-tmp``: hidden, and never taken
#: for an output by name or by extension.
TEMP_SUFFIX = ".oplan-tmp"


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp_path)`` and move the finished file onto *target*.

    Raises OutputError when the target is locked (open in Excel) or read-only,
    or the folder cannot be written (read-only, disk full); the previous
    *target* is then left as it was and no temporary file remains.
    """
    temp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=TEMP_SUFFIX,
                                        dir=target.parent)
        os.close(handle)
        temp = Path(name)
        write(temp)
        os.chmod(temp, _shared_mode())  # mkstemp makes 0600; outputs are for sharing
        os.replace(temp, target)
        temp = None
    except PermissionError as exc:
        raise OutputError("output-locked", path=target, reason=exc.strerror) from exc
    except OSError as exc:
        raise OutputError("output-failed", path=target,
                          reason=exc.strerror or type(exc).__name__) from exc
    finally:
        if temp is not None:
            try:
                temp.unlink(missing_ok=True)
            except OSError:  # pragma: no cover - nothing more can be done
                pass
    return target


def _remove_stale(target: Path) -> None:
    """Remove this output's temporary files left behind by a run that was killed."""
    cutoff = time.time() - limits.STALE_TEMP_SECONDS
    for old in target.parent.glob(f".{target.stem}-*{TEMP_SUFFIX}"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:  # another run's file, or already gone: leave it
            pass


def _shared_mode() -> int:
    """The mode a normally created file gets: 0666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
