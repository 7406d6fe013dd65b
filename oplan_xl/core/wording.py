"""Filling a message template: ``str.format`` plus counted nouns for English, and
parameters that are themselves worded in either language (``Worded``).

Used by ``messages`` (errors, command output), ``findings`` (finding messages) and
``reasons`` (why a file was refused)."""

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


class Worded:
    """A message parameter that is written in the message's own language when the
    message is filled: a Thai message never carries an English phrase made by the
    code, nor an English one a Thai phrase (``reasons.Reason``)."""

    def text(self, lang: str = "th") -> str:
        raise NotImplementedError


def fill(template: str, lang: str, /, **params: object) -> str:
    """Fill a message template of language *lang* ("th" or "en"): its named
    placeholders, counted nouns, and Worded parameters written in *lang*."""
    params = {name: value.text(lang) if isinstance(value, Worded) else value
              for name, value in params.items()}
    return _FORMATTER.format(template, **params)


#: The indent of a finding's line folded to the terminal's width: a line the
#: terminal itself folds mid-word, back at the left edge, is hard to read.
WRAP_INDENT = "      "


def wrapped(line: str, width: int) -> str:
    """*line* folded at spaces into lines of at most *width* visible columns (Thai
    marks above and below the line take none), later lines indented; a word longer
    than a line stays whole."""
    from oplan_xl.core.normalise import visible_length

    if width <= 0 or visible_length(line) <= width:
        return line
    body = line.lstrip(" ")
    lines, current = [], line[:len(line) - len(body)]  # the line's own indent kept
    for word in body.split(" "):
        if current.strip() and visible_length(f"{current} {word}") > width:
            lines.append(current)
            current = f"{WRAP_INDENT}{word}"
        else:
            current = f"{current} {word}" if current.strip() else f"{current}{word}"
    lines.append(current)
    return "\n".join(lines)
