"""parallel.map_in_two: the same results, in the same order, whoever computed them."""

from __future__ import annotations

import os

import pytest

from oplan_xl.speed import parallel

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no second core or no fork")


def test_results_in_item_order_and_every_item_reported_done():
    done = []
    results = parallel.map_in_two(lambda n: n * n, list(range(11)), done.append)
    assert results == [n * n for n in range(11)]
    assert sorted(done) == list(range(11))


@needs_fork
def test_the_child_really_takes_every_other_item():
    pids = parallel.map_in_two(lambda _: os.getpid(), list(range(8)))
    assert pids[0::2] == [os.getpid()] * 4
    assert len(set(pids[1::2])) == 1 and pids[1] != os.getpid()


@needs_fork
def test_an_error_in_the_child_is_raised_here():
    parent = os.getpid()

    def fails_in_the_child(n):
        if os.getpid() != parent and n == 3:
            raise ValueError("bad file 3")
        return n

    with pytest.raises(ValueError, match="bad file 3"):
        parallel.map_in_two(fails_in_the_child, list(range(8)))


@needs_fork
def test_items_of_a_child_that_died_are_done_here():
    parent = os.getpid()

    def dies_in_the_child(n):
        if os.getpid() != parent:
            os._exit(9)
        return -n

    assert parallel.map_in_two(dies_in_the_child, list(range(6))) == [0, -1, -2, -3, -4, -5]


def test_few_items_stay_in_this_process():
    pids = parallel.map_in_two(lambda _: os.getpid(), [1, 2, 3])
    assert pids == [os.getpid()] * 3


def test_one_process_when_asked(monkeypatch):
    monkeypatch.setenv(parallel.ONE_PROCESS_VARIABLE, "1")
    assert not parallel.can_fork()
    pids = parallel.map_in_two(lambda _: os.getpid(), list(range(8)))
    assert pids == [os.getpid()] * 8


@needs_fork
def test_output_printed_before_the_fork_is_written_once():
    """The child is a copy of this process, unwritten output included: it must not
    write that again when it ends."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from oplan_xl.speed import parallel\n"
            "print('before', end='')\n"  # to a pipe: held in the buffer
            "print(parallel.map_in_two(lambda n: n + 1, list(range(6))))\n")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "before[1, 2, 3, 4, 5, 6]\n"
