"""Long work (check, build, report) run beside the page, one at a time, with the
progress the page shows while it waits.

A plain thread: the work is the same library call the command line makes; the
thread only lets the server answer "how far along" meanwhile.  Errors become the
Thai message the command line would print, never a traceback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from oplan_xl.core import messages
from oplan_xl.core.errors import OplanError


@dataclass
class Job:
    """One piece of long work and where it stands."""

    name: str  # "check", "build", … : which result page shows it
    title: str  # Thai, shown while it runs
    done: int = 0
    total: int = 0
    running: bool = True
    #: The Thai message when the work failed; its result is then None.
    error: str = ""
    result: object = None
    started: float = field(default_factory=time.monotonic)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "done": self.done,
                "total": self.total, "running": self.running, "error": self.error}


class Jobs:
    """The one job running now and the last result of each kind of work."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.current: Job | None = None
        self.last: dict[str, Job] = {}
        #: Work asked for while another job ran, started when it ends (a file dropped
        #: during a check is checked after it, never left out of the page's figures).
        self.queued: tuple | None = None

    @property
    def busy(self) -> bool:
        return self.current is not None and self.current.running

    def start(self, name: str, title: str, work: Callable[[Job], object],
              wait: bool = False, queue: bool = False) -> Job | None:
        """Run ``work(job)`` in a thread; None when another job is still running
        (with *queue*, it then runs when that one ends).  *wait* runs it here
        instead (tests)."""
        with self._lock:
            if self.busy:
                if queue:
                    self.queued = (name, title, work, wait)
                return None
            job = self.current = Job(name, title)
        self._launch(job, work, wait)
        return job

    def _launch(self, job: Job, work: Callable[[Job], object], wait: bool) -> None:
        if wait:
            self._run(job, work)
        else:
            threading.Thread(target=self._run, args=(job, work), daemon=True,
                             name=f"oplan-{job.name}").start()

    def _run(self, job: Job, work: Callable[[Job], object]) -> None:
        try:
            job.result = work(job)
        except OplanError as exc:
            job.error = exc.message("th")
        except Exception as exc:  # the page shows a sentence, the officer never a traceback
            job.error = messages.internal_error(exc)
        finally:
            self.last[job.name] = job
            with self._lock:  # the queued work is current before this job is seen done
                job.running = False
                queued, self.queued = self.queued, None
                if queued is not None:
                    name, title, work, wait = queued
                    following = self.current = Job(name, title)
            if queued is not None:
                self._launch(following, work, wait)

    def wait(self, timeout: float = 600) -> None:
        """Until the current job ends (tests)."""
        deadline = time.monotonic() + timeout
        while self.busy and time.monotonic() < deadline:
            time.sleep(0.02)
