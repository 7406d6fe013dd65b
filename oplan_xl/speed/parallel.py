"""Left only for ``write/returned.py``, which still calls :func:`map_in_two`.

There is no second process any more (issue 13: a forked one never ran on
Windows, and one started by spawning did not pay for itself).  Once
``returned.write_all`` writes its copies in a plain loop, delete this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_in_two(function: Callable[[Item], Result], items: Sequence[Item],
               done: Callable[[int], None] | None = None) -> list[Result]:
    """``[function(item) for item in items]``, in this process."""
    results = []
    for index, item in enumerate(items):
        results.append(function(item))
        if done is not None:
            done(index)
    return results
