"""The tests collect and run where POSIX-only modules are missing, as on Windows.

Each check runs pytest in a child process whose ``resource``, ``fcntl`` and
the other POSIX-only modules below cannot be imported (``sys.modules[name] =
None`` makes ``import name`` raise ImportError, as on Windows).  Collection
must find exactly the tests it finds here; the parts that need those modules
skip with a reason when the tests run, never at collection.
"""

import subprocess
import sys

from .hostile import NO_MEMORY_LIMIT, ROOT

POSIX_ONLY = ("resource", "fcntl", "termios", "pwd", "grp")


def _pytest(*args: str, windows_like: bool) -> subprocess.CompletedProcess:
    """``python -m pytest ARGS`` in this checkout, optionally without POSIX_ONLY, in
    one process (the modules are blocked in this process only, not in xdist workers)."""
    block = f"for name in {POSIX_ONLY!r}: sys.modules[name] = None\n" if windows_like else ""
    code = (f"import sys\n{block}import pytest\n"
            f"sys.exit(pytest.main({['-p', 'no:cacheprovider', '-n', '0', *args]!r}))\n")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          encoding="utf-8", errors="replace", timeout=600)


def _collected(windows_like: bool) -> list[str]:
    run = _pytest("--collect-only", "-q", "tests", windows_like=windows_like)
    assert run.returncode == 0, (run.stdout[-3000:], run.stderr[-3000:])
    return [line for line in run.stdout.splitlines() if "::" in line]


def _collected_here(request) -> list[str]:
    """The tests this run collected, when it is a run of the whole suite (no -k, no
    path): one child process fewer; else collected again in a child process."""
    config = request.config
    whole = (config.args == ["tests"] or [str(arg) for arg in config.args] == [
        str(ROOT / "tests")]) and not config.option.keyword and not config.option.markexpr
    if whole and not config.option.deselect:
        return sorted(item.nodeid for item in request.session.items)
    return sorted(_collected(windows_like=False))


def test_every_test_is_collected_without_posix_only_modules(request):
    here = _collected_here(request)
    assert len(here) > 500
    assert sorted(_collected(windows_like=True)) == here


def test_the_memory_limit_skips_with_its_reason_without_resource():
    """The hostile harness runs without ``resource``; only its memory bound skips."""
    run = _pytest("-q", "-rs", "tests/test_tests_hostile_limits.py", windows_like=True)
    assert run.returncode == 0, (run.stdout[-3000:], run.stderr[-3000:])
    assert "1 passed, 2 skipped" in run.stdout, run.stdout[-3000:]
    assert run.stdout.count(NO_MEMORY_LIMIT) == 2, run.stdout[-3000:]
