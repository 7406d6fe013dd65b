"""The harness of the hostile-input tests (tests/hostile.py) holds its limits.

The 500 MB limit on a child's address space is RLIMIT_AS, which only POSIX
has: on Windows these tests skip with that reason, and the hostile inputs
run without the limit (tests/read/test_hostile.py checks everything else there).
"""

import subprocess
import sys

import pytest

from .hostile import (
    MEGABYTES,
    MEMORY_LIMITED,
    NO_MEMORY_LIMIT,
    assert_clean,
    limited_popen,
    run_oplan,
)

posix_only = pytest.mark.skipif(not MEMORY_LIMITED, reason=NO_MEMORY_LIMIT)


def test_an_oplan_run_is_measured_and_clean():
    """Everywhere, Windows included: the child runs, is timed, and passes the checks."""
    run = run_oplan(["--version"], "oplan --version (harness check)")
    assert_clean(run)
    assert run.returncode == 0 and run.seconds > 0 and "oplan" in run.stdout


@posix_only
def test_a_child_asking_for_more_memory_than_the_limit_fails():
    child = limited_popen([sys.executable, "-c", f"bytearray({MEGABYTES + 100} * 1024 * 1024)"],
                          MEGABYTES, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode != 0 and b"MemoryError" in stderr, stderr[-2000:]


@posix_only
def test_an_oplan_run_reports_its_peak_memory():
    run = run_oplan(["--version"], "oplan --version (harness check)")
    assert run.returncode == 0 and not run.killed, run.stderr[-2000:]
    assert 0 < run.megabytes < MEGABYTES
