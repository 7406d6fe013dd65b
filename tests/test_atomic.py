"""atomic.write_all: outputs written in two processes land exactly as if written one
at a time — renamed into place in order, errors raised, no temporary file left."""

from __future__ import annotations

import os

import pytest

from oplan_xl.core.errors import OutputError
from oplan_xl.write import atomic

needs_fork = pytest.mark.skipif(not atomic.can_fork(), reason="no second core or no fork")


def _writer(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("forked", [True, False])
def test_writes_every_output_in_place(tmp_path, monkeypatch, forked):
    if forked and not atomic.can_fork():
        pytest.skip("no second core or no fork")
    monkeypatch.setattr(atomic, "can_fork", lambda: forked)
    targets = [tmp_path / f"{name}.txt" for name in ("a", "b", "c")]
    written = atomic.write_all([(t, _writer(t.stem * 3)) for t in targets],
                               background={targets[1]})
    assert written == targets
    assert [t.read_text(encoding="utf-8") for t in targets] == ["aaa", "bbb", "ccc"]
    assert _leftovers(tmp_path) == []


@needs_fork
def test_the_childs_work_is_really_done_in_another_process(tmp_path):
    target = tmp_path / "pid.txt"
    atomic.write_all([(target, lambda path: path.write_text(str(os.getpid())))],
                     background={target})
    assert target.read_text() != str(os.getpid())


@needs_fork
def test_an_error_in_the_child_is_raised_here_and_nothing_is_replaced(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("old")

    def broken(path):
        raise ValueError("the child failed")

    with pytest.raises(ValueError, match="the child failed"):
        atomic.write_all([(first, _writer("new")), (second, broken)], background={second})
    assert first.read_text() == "old" and not second.exists()
    assert _leftovers(tmp_path) == []


@needs_fork
def test_a_child_that_dies_silently_has_its_work_done_here(tmp_path):
    target = tmp_path / "out.txt"
    parent = os.getpid()

    def dies_in_the_child(path):
        if os.getpid() != parent:
            os._exit(9)  # killed for memory, say: no word back
        path.write_text("written by the parent")

    atomic.write_all([(target, dies_in_the_child)], background={target})
    assert target.read_text() == "written by the parent"


@needs_fork
def test_a_locked_target_is_an_output_error_and_later_targets_stay(tmp_path, monkeypatch):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    second.write_text("old")
    real_replace = os.replace

    def locked(source, target):
        if str(target) == str(first):
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        atomic.write_all([(first, _writer("a")), (second, _writer("b"))],
                         background={second})
    assert caught.value.params["path"] == first
    assert second.read_text() == "old"
    assert _leftovers(tmp_path) == []


@needs_fork
def test_a_disk_error_in_the_child_is_an_output_error_for_its_target(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"

    def disk_full(path):
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as caught:
        atomic.write_all([(first, _writer("a")), (second, disk_full)], background={second})
    assert caught.value.params["path"] == second
    assert not first.exists() and _leftovers(tmp_path) == []
