"""Running ``oplan`` on a hostile input in a child process, under limits, measured.

The child gets an address-space limit (RLIMIT_AS) so that a reader asking for
gigabytes fails inside the test instead of slowing the machine, and a
watchdog kills it at its time budget.  Its peak resident memory is the
kernel's high-water mark of its own address space (VmHWM), which it writes
at exit: ``ru_maxrss`` of a forked child would include the size of the
pytest process it was forked from.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The bar of issue 8: every hostile input answered within 5 s and 500 MB.
SECONDS = 5.0
MEGABYTES = 500

#: (case, command, seconds, MB, exit code) of every run, for the summary at the end.
MEASURED: list[tuple[str, str, float, float, int]] = []


# ``python -m oplan_xl ARGS``, writing VmHWM (kB) to OPLAN_TEST_PEAK_FILE at exit.
_LAUNCH = """
import atexit, os, runpy, sys

def peak():
    kilobytes = None
    try:
        with open("/proc/self/status") as status:
            kilobytes = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except OSError:  # not Linux: the process's own peak (bytes on macOS)
        import resource
        kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (
            1024 if sys.platform == "darwin" else 1)
    with open(os.environ["OPLAN_TEST_PEAK_FILE"], "w") as out:
        out.write(str(kilobytes))

atexit.register(peak)
sys.argv[0] = "oplan"
runpy.run_module("oplan_xl", run_name="__main__", alter_sys=True)
"""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    megabytes: float  # peak resident set size
    killed: bool

    def json(self) -> dict:
        return json.loads(self.stdout)


def run_oplan(args: list[str], label: str, seconds: float = SECONDS,
              megabytes: int = MEGABYTES) -> Run:
    """Run ``python -m oplan_xl ARGS`` from this checkout, limited and measured."""
    limit = megabytes * 1024 * 1024

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    # What a user's machine has: no Rust backtraces, this checkout first on the path.
    env = {key: value for key, value in os.environ.items() if key != "RUST_BACKTRACE"}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env["OPLAN_TEST_PEAK_FILE"] = peak.name
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _LAUNCH, *args], stdout=out,
                                 stderr=err, env=env, cwd=ROOT, preexec_fn=limit_memory)
        killed = threading.Event()

        def watchdog() -> None:
            if not finished.wait(seconds + 5):  # some slack, then the hard stop
                killed.set()
                child.kill()

        finished = threading.Event()
        threading.Thread(target=watchdog, daemon=True).start()
        child.wait()
        elapsed = time.perf_counter() - start
        finished.set()
        out.seek(0)
        err.seek(0)
        written = peak.read().strip()
        run = Run(child.returncode, out.read().decode("utf-8", "replace"),
                  err.read().decode("utf-8", "replace"), elapsed,
                  int(written) / 1024 if written else float("nan"), killed.is_set())
    MEASURED.append((label, args[0], run.seconds, run.megabytes, run.returncode))
    return run


def assert_clean(run: Run, seconds: float = SECONDS, megabytes: int = MEGABYTES) -> None:
    """No crash, no Python traceback, within time and memory."""
    assert not run.killed, f"killed after {run.seconds:.1f} s"
    assert run.returncode in (0, 1, 2), (run.returncode, run.stderr[-2000:])
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert "Internal error" not in run.stderr and "ภายในโปรแกรม" not in run.stderr, run.stderr
    assert run.seconds <= seconds, f"{run.seconds:.2f} s"
    assert run.megabytes <= megabytes, f"{run.megabytes:.0f} MB"  # NaN (no report) fails too
