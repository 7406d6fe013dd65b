"""Filling a message template: ``str.format`` plus counted nouns for English.

Used by ``messages`` (errors, command output) and ``findings`` (finding messages)."""

from __future__ import annotations

import string


class _Formatter(string.Formatter):
    """``str.format`` plus counted nouns for the English messages:
    ``{rows:n:row/rows}`` → ``1 row``, ``2 rows`` (Thai nouns do not change)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("n:"):
            one, many = format_spec[2:].split("/")
            return f"{value} {one if str(value) == '1' else many}"
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fill(template: str, /, **params: object) -> str:
    """Fill a message template's named placeholders (counted nouns too)."""
    return _FORMATTER.format(template, **params)
