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
    import multiprocessing  # here, not at start-up: 10 ms that --help does not need

    return "fork" in multiprocessing.get_all_start_methods()


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

    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    theirs = list(range(1, len(items), 2))  # every other item: files are alike in size
    # Forked, so *function* and *items* are not pickled; only results come back.
    child = context.Process(target=_child, args=(function, items, theirs, send), daemon=True)
    child.start()
    send.close()
    failure: BaseException | None = None

    def collect(block: bool) -> None:
        nonlocal failure
        while (block or receive.poll()) and len(results) < len(items):
            try:
                index, outcome = pickle.loads(receive.recv_bytes())
            except EOFError:
                return
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
        child.join(timeout=0 if failure is None else None)
        if child.is_alive():
            child.terminate()
            child.join()
        receive.close()
    if failure is not None:
        raise failure
    for index in theirs:  # what a child that died did not send
        if index not in results:
            finished(index, function(items[index]))
    return [results[index] for index in range(len(items))]


def _child(function, items, indexes: list[int], send) -> None:
    freeze_for_fork()
    for index in indexes:
        try:
            message = pickle.dumps((index, function(items[index])), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # raised again in the parent
            send.send_bytes(_error(exc))
            break
        send.send_bytes(message)
    send.close()


def _error(exc: BaseException) -> bytes:
    try:
        data = pickle.dumps((-1, exc))
        pickle.loads(data)  # an exception class may pickle but not unpickle
        return data
    except Exception:  # then its text will do
        return pickle.dumps((-1, RuntimeError("".join(traceback.format_exception(exc)))))
