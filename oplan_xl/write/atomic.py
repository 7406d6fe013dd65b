"""Writing outputs safely: to a temporary file beside the target, then rename.

A crash or a full disk never leaves a half-written workbook under the real
name, and the previous output stays intact until the new one is complete.

:func:`write_all` writes several outputs that way, some of them in a second
process when the machine has a second core: each output is written to its own
temporary file, then this process renames them into place one by one, so a
target open in Excel is reported exactly as when writing them one at a time.

A run killed outright (power cut, Task Manager) cannot remove its temporary
file; the next run that writes the same output removes such leftovers once
they are older than ``limits.STALE_TEMP_SECONDS`` (a run still writing keeps
its file younger than that).
"""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.errors import OutputError
from oplan_xl.speed.parallel import Child, can_fork, picklable

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
        raise OutputError("output-locked", path=target, reason=exc.strerror) from exc
    except OSError as exc:
        raise OutputError("output-failed", path=target,
                          reason=exc.strerror or type(exc).__name__) from exc


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


def write_all(outputs: list[tuple[Path, Writer]], background: set[Path] | None = None,
              meanwhile: Callable[[], None] | None = None) -> list[Path]:
    """Write every ``(target, write)`` atomically; return the targets.

    The writers of the targets in *background* run in one forked child process
    (when :func:`can_fork`), the others here, at the same time; files are renamed
    into place afterwards, in the order given.  *meanwhile* (if given) is called
    here once the child has started, before the writers of this process.  Raises
    OutputError naming every target held open in another program (Windows) before
    writing anything; else the first writer's exception, or OutputError for the
    first target that cannot be replaced, and then no later target is touched;
    no temporary file is left either way.
    """
    in_use = [target for target, _ in outputs if _in_use(target)]
    if in_use:  # say so for all of them at once, before anything is written
        raise OutputError("outputs-in-use", path=in_use[0],
                          paths=", ".join(target.name for target in in_use))
    background = background if background and can_fork() else set()
    temps: list[Path] = []
    for target, _ in outputs:
        try:
            temps.append(_stage(target))
        except OutputError:
            for temp in temps:
                _discard(temp)
            raise
    child = None
    try:
        jobs = [(target, temp, write)
                for (target, write), temp in zip(outputs, temps, strict=True)
                if target in background]
        if jobs:
            child = _Child(jobs)
        if meanwhile is not None:
            meanwhile()
        for (target, write), temp in zip(outputs, temps, strict=True):
            if target not in background:
                with _output_errors(target):
                    write(temp)
        if child is not None:
            child.wait()
            child = None
        for (target, _), temp in zip(outputs, temps, strict=True):
            _commit(temp, target)
    finally:
        if child is not None:
            child.stop()
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


class _Child:
    """A forked process running some writers; it reports back through a pipe."""

    def __init__(self, jobs: list[tuple[Path, Path, Writer]]) -> None:
        self.jobs = jobs
        # Forked, so the writers and the plan they close over are not pickled.
        self.process = Child(lambda send: _run_jobs(jobs, send))

    def wait(self) -> None:
        """Wait for the child; raise what it raised.  If it died without a word
        (killed for memory, say), do its work here instead."""
        data = self.process.receive()
        self.process.join()
        if data is None:
            _run(self.jobs)
            return
        outcome = pickle.loads(data)
        if outcome != "ok":
            raise outcome

    def stop(self) -> None:
        self.process.stop()


def _run(jobs: list[tuple[Path, Path, Writer]]) -> None:
    """Write each (target, temporary file, writer): file-system failures are
    OutputErrors for the target, as for the writers run here."""
    for target, temp, write in jobs:
        with _output_errors(target):
            write(temp)


def _run_jobs(jobs: list[tuple[Path, Path, Writer]], send) -> None:
    try:
        _run(jobs)
        outcome: object = "ok"
    except BaseException as exc:  # everything goes back to the parent, which raises it
        outcome = picklable(exc)
    send(pickle.dumps(outcome))
