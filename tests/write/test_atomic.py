"""atomic.write_all: outputs land all together — renamed into place in order once all
are written, errors raised for the right target, no temporary file left."""

from __future__ import annotations

import os

import pytest

from oplan_xl.core.errors import OutputError
from oplan_xl.write import atomic


def _writer(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_every_output_in_place(tmp_path):
    targets = [tmp_path / f"{name}.txt" for name in ("a", "b", "c")]
    written = atomic.write_all([(t, _writer(t.stem * 3)) for t in targets])
    assert written == targets
    assert [t.read_text(encoding="utf-8") for t in targets] == ["aaa", "bbb", "ccc"]
    assert _leftovers(tmp_path) == []


def test_nothing_is_replaced_until_every_output_is_written(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("old")

    def broken(path):
        assert first.read_text() == "old"  # the new first is not in place yet
        raise ValueError("the writer failed")

    with pytest.raises(ValueError, match="the writer failed"):
        atomic.write_all([(first, _writer("new")), (second, broken)])
    assert first.read_text() == "old" and not second.exists()
    assert _leftovers(tmp_path) == []


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
        atomic.write_all([(first, _writer("a")), (second, _writer("b"))])
    assert caught.value.params["path"] == first
    assert second.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_a_disk_error_is_an_output_error_for_its_target(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"

    def disk_full(path):
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as caught:
        atomic.write_all([(first, _writer("a")), (second, disk_full)])
    assert caught.value.params["path"] == second
    assert not first.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize("error, key", [
    (PermissionError(13, "Permission denied"), "output-locked"),
    (OSError(28, "No space left on device"), "output-failed"),
])
def test_why_a_write_failed_is_quoted_in_thai_and_as_it_is_in_english(tmp_path, error, key):
    def failing(path):
        raise error

    with pytest.raises(OutputError) as caught:
        atomic.write_atomically(tmp_path / "แบบ.xlsx", failing)
    assert caught.value.key == key
    said = error.strerror
    assert f'(ระบบแจ้งว่า "{said}")' in caught.value.message("th")
    assert f"({said})" in caught.value.message("en")
    assert "ระบบ" not in caught.value.message("en")
