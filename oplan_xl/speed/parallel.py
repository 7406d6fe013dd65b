"""Using a second core: a forked child process that shares the work of a loop.

Department files are read and checked independently of each other, so with
two cores the child takes every other file while this process takes the
rest; results come back pickled, one file at a time, and are put back in
the order of the files, so the outcome does not depend on who did what.

Only where ``fork`` is safe and there is a second core (Linux, the BSDs);
elsewhere, and for a handful of items, the loop simply runs here.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many items a child costs more than it saves (fork, pickling).
MIN_ITEMS = 4


#: Set (to anything but "" or "0") to keep everything in one process.
ONE_PROCESS_VARIABLE = "OPLAN_ONE_PROCESS"


def can_fork() -> bool:
    """True where a second process can start from this one's memory: Linux and the
    BSDs with two cores or more.  (macOS has fork but Apple's libraries may not
    survive it; Windows has none.  There, everything runs in this process.)
    OPLAN_ONE_PROCESS=1 in the environment asks for one process anyway: to leave
    the other core free, or to compare."""
    if os.environ.get(ONE_PROCESS_VARIABLE, "") not in ("", "0"):
        return False
    if (os.cpu_count() or 1) < 2 or not sys.platform.startswith(("linux", "freebsd")):
        return False
    return hasattr(os, "fork")


class Child:
    """A forked child process running ``work(send)``, where ``send(data)`` sends
    bytes back to this process, one message at a time.

    Plain ``os.fork`` and a pipe: multiprocessing would do the same, but importing
    it and starting its first process cost some 35 ms of a build's start
    (measured), all of it before the second core has anything to do.  The child
    never returns into the caller's code: it ends with ``os._exit`` when *work*
    returns or raises (nothing of this process's exit handlers or buffered output
    runs twice), so *work* must send back whatever the caller should know,
    exceptions included.
    """

    def __init__(self, work: Callable[[Callable[[bytes], None]], None]) -> None:
        _flush_std_streams()  # or the child's copy of unwritten output is written twice
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
            status = 1
            try:
                os.close(read)
                freeze_for_fork()
                with open(write, "wb") as out:
                    work(lambda data: _send(out, data))
                status = 0
            finally:
                _flush_std_streams()
                os._exit(status)
        os.close(write)
        self.pid = pid
        self._pipe = open(read, "rb", buffering=0)  # unbuffered: ready() sees all
        self._ended = False

    def ready(self) -> bool:
        """True if a message (or the end) can be received without waiting."""
        return bool(select.select([self._pipe], [], [], 0)[0])

    def receive(self) -> bytes | None:
        """The next message; None once the child has ended and sent everything."""
        head = self._read(8)
        if head is None:
            return None
        return self._read(int.from_bytes(head, "little"))

    def _read(self, size: int) -> bytes | None:
        parts, missing = [], size
        while missing:
            data = self._pipe.read(missing)
            if not data:  # the end (a message cut short counts as none)
                return None
            parts.append(data)
            missing -= len(data)
        return b"".join(parts)

    def join(self) -> None:
        """Wait for the child to end, and close the pipe."""
        if not self._ended:
            self._ended = True
            os.waitpid(self.pid, 0)
        self._pipe.close()

    def stop(self) -> None:
        """End the child now (if it has not ended), wait for it, close the pipe."""
        if not self._ended:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:  # pragma: no cover - already reaped
                pass
        self.join()


def _send(out, data: bytes) -> None:
    out.write(len(data).to_bytes(8, "little"))
    out.write(data)
    out.flush()


def _flush_std_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):  # closed or replaced: nothing to do
            pass


def freeze_for_fork() -> None:
    """Call first thing in a forked child: keep its garbage collector off the
    objects it inherited.

    A child shares its parent's memory until either writes to a page, and a
    collection walking every inherited object writes to (so copies) them all.
    ``gc.freeze()`` sets them aside for the child's short life; the parent's
    collector is left as it was.
    """
    import gc

    gc.freeze()


def map_in_two(function: Callable[[Item], Result], items: Sequence[Item],
               done: Callable[[int], None] | None = None) -> list[Result]:
    """``[function(item) for item in items]``, shared with a forked child when that pays.

    *done* (if given) is called here with each item's index as its result
    arrives, in no particular order: for a progress bar.  An exception raised
    by *function* in either process is raised here.  If the child dies without
    a word (killed for memory, say), its items are done here.
    """
    results: dict[int, Result] = {}

    def finished(index: int, result: Result) -> None:
        results[index] = result
        if done is not None:
            done(index)

    if len(items) < MIN_ITEMS or not can_fork():
        for index, item in enumerate(items):
            finished(index, function(item))
        return [results[index] for index in range(len(items))]

    theirs = list(range(1, len(items), 2))  # every other item: files are alike in size
    # Forked, so *function* and *items* are not pickled; only results come back.
    child = Child(lambda send: _child(function, items, theirs, send))
    failure: BaseException | None = None

    def collect(block: bool) -> None:
        nonlocal failure
        while (block or child.ready()) and len(results) < len(items):
            data = child.receive()
            if data is None:  # ended: what it did not send is done here
                return
            index, outcome = pickle.loads(data)
            if index < 0:
                failure = failure or outcome
                return
            finished(index, outcome)

    try:
        for index in range(0, len(items), 2):
            finished(index, function(items[index]))
            collect(block=False)
        if failure is None:
            collect(block=True)
    finally:
        if failure is None and len(results) < len(items):
            child.stop()  # this process failed, or the child died: no more waiting
        else:
            child.join()
    if failure is not None:
        raise failure
    for index in theirs:  # what a child that died did not send
        if index not in results:
            finished(index, function(items[index]))
    return [results[index] for index in range(len(items))]


def _child(function, items, indexes: list[int], send) -> None:
    for index in indexes:
        try:
            message = pickle.dumps((index, function(items[index])), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # raised again in the parent
            send(_error(exc))
            break
        send(message)


def _error(exc: BaseException) -> bytes:
    return pickle.dumps((-1, picklable(exc)))


def picklable(exc: BaseException) -> BaseException:
    """*exc* if it comes through pickling both ways (an exception class may pickle
    but not unpickle), else a RuntimeError carrying its traceback as text: what a
    child sends back for the parent to raise."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError("".join(traceback.format_exception(exc)))
