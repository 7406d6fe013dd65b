"""Writing outputs safely: to a temporary file beside the target, then rename.

A crash or a full disk never leaves a half-written workbook under the real
name, and the previous output stays intact until the new one is complete.

:func:`write_all` writes several outputs that way, all or none: each output is
written to its own temporary file, then they are renamed into place one by one.

A run killed outright (power cut, Task Manager) cannot remove its temporary
file; the next run that writes the same output removes such leftovers once
they are older than ``limits.STALE_TEMP_SECONDS`` (a run still writing keeps
its file younger than that).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.errors import OutputError
from oplan_xl.core.reasons import os_said

Writer = Callable[[Path], None]

#: Temporary files are ``.<stem>-<random>.oplan-tmp``: hidden, and never taken
#: for an output by name or by extension.
TEMP_SUFFIX = ".oplan-tmp"


def write_atomically(target: Path, write: Writer) -> Path:
    """Call ``write(temp_path)`` and move the finished file onto *target*.

    Raises OutputError when the target is locked (open in Excel) or read-only,
    or the folder cannot be written (read-only, disk full); the previous
    *target* is then left as it was and no temporary file remains.
    """
    temp = _stage(target)
    try:
        with _output_errors(target):
            write(temp)
        _commit(temp, target)
    finally:
        _discard(temp)
    return target


@contextmanager
def _output_errors(target: Path) -> Iterator[None]:
    """File-system failures while making *target* become one clear OutputError."""
    try:
        yield
    except PermissionError as exc:
        raise OutputError("output-locked", path=target, reason=os_said(exc)) from exc
    except OSError as exc:
        raise OutputError("output-failed", path=target, reason=os_said(exc)) from exc


def _stage(target: Path) -> Path:
    """An empty temporary file beside *target* (same folder, so the rename is atomic)."""
    with _output_errors(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=TEMP_SUFFIX,
                                        dir=target.parent)
        os.close(handle)
    return Path(name)


def _commit(temp: Path, target: Path) -> None:
    with _output_errors(target):
        os.chmod(temp, _shared_mode())  # mkstemp makes 0600; outputs are for sharing
        os.replace(temp, target)


def _discard(temp: Path) -> None:
    try:
        temp.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - nothing more can be done
        pass


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


def write_all(outputs: list[tuple[Path, Writer]]) -> list[Path]:
    """Write every ``(target, write)`` atomically; return the targets.

    Every writer writes its temporary file first; the files are renamed into
    place afterwards, in the order given.  Raises OutputError naming every
    target held open in another program (Windows) before writing anything;
    else the first writer's exception, or OutputError for the first target
    that cannot be replaced, and then no later target is touched; no
    temporary file is left either way.
    """
    in_use = [target for target, _ in outputs if _in_use(target)]
    if in_use:  # say so for all of them at once, before anything is written
        raise OutputError("outputs-in-use", path=in_use[0],
                          paths=", ".join(target.name for target in in_use))
    temps: list[Path] = []
    for target, _ in outputs:
        try:
            temps.append(_stage(target))
        except OutputError:
            for temp in temps:
                _discard(temp)
            raise
    try:
        for (target, write), temp in zip(outputs, temps, strict=True):
            with _output_errors(target):
                write(temp)
        for (target, _), temp in zip(outputs, temps, strict=True):
            _commit(temp, target)
    finally:
        for temp in temps:
            _discard(temp)
    return [target for target, _ in outputs]


def _in_use(target: Path) -> bool:
    """Whether *target* is held open by a program that forbids writing to it.

    Windows only: Excel keeps the workbooks it shows open with writing denied,
    and the file can then neither be written nor replaced.  Elsewhere an open
    file can be replaced, so nothing is held and the answer is always no.
    """
    if os.name != "nt":
        return False
    try:
        os.close(os.open(target, os.O_RDWR | getattr(os, "O_BINARY", 0)))
    except PermissionError:
        return True
    except OSError:  # not there yet, say: nothing holds it
        return False
    return False


def set_aside(paths: list[Path], folder: Path, failure: str = "stale-not-moved"
              ) -> tuple[list[Path], list[OutputError]]:
    """Move each file of *paths* that exists into *folder*, under its own name, or
    with " (2)", " (3)" … before its suffix when that name is taken there.

    For files that must stop counting but not be lost: outputs that no longer match
    the inputs (the forms of an earlier build, when this one is blocked), or an
    earlier version of a submission.  *folder* is made only when there is a file to
    move.  Returns the files moved (at their new place) and, for each file that
    could not be moved (open in Excel on Windows, say), an OutputError *failure*
    naming it; a file is never overwritten.
    """
    moved: list[Path] = []
    failed: list[OutputError] = []
    for path in paths:
        if not path.is_file():
            continue
        target, number = folder / path.name, 1
        while target.exists():
            number += 1
            target = folder / f"{path.stem} ({number}){path.suffix}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError as exc:
            failed.append(OutputError(failure, path=path, reason=os_said(exc)))
        else:
            moved.append(target)
    return moved, failed
