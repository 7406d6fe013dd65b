"""Which language a message is written in: a Thai message holds no English words of
ours, an English message no Thai.

What a message quotes is not its language: the finding's own data (the file and
sheet names, the column, the cell's value) is taken out first, and so is any text
in double quotes (a name inside the file, the file's own words, what the system
said: ``ระบบแจ้งว่า "…"``).  What is left of a Thai message may still hold:

- a file or part name, or an extension: a word with a dot or a slash (``.xlsx``,
  ``plan.xlsx``, ``content.xml``);
- a word of at most three capitals: a column's letters (``XFD``) or an abbreviation
  Thai writes the same way (``PDF``, ``CSV``, ``XML``, ``ZIP``, ``MB``);
- the programs an officer knows by their English names (PROGRAMS);
- a command to type: ``oplan`` and its command word.
"""

from __future__ import annotations

import re

#: Programs named in English in Thai too: what the officer sees on his screen.
PROGRAMS = frozenset({"Excel", "LibreOffice", "Word", "PowerPoint"})

_THAI = re.compile("[\u0e00-\u0e7f]")
_QUOTED = re.compile(r'"[^"\n]*"')
_COMMAND = re.compile(r"\boplan [a-z]+")
_LETTERS = re.compile(r"[A-Za-z]{3,}")
_NAME = re.compile(r"[./][A-Za-z0-9]")


def _without(message: str, data: tuple[object, ...]) -> str:
    for item in sorted((str(item) for item in data if item), key=len, reverse=True):
        message = message.replace(item, " ")
    return message


def english_in_thai(message: str, *data: object) -> list[str]:
    """The English words of a Thai *message* that the rules above do not allow;
    *data* are the texts it quotes from the file (names, values, paths)."""
    text = _COMMAND.sub(" ", _QUOTED.sub(" ", _without(message, data)))
    found = []
    for word in text.split():
        if _NAME.search(word):
            continue
        for letters in _LETTERS.findall(word):
            if letters not in PROGRAMS and not (letters.isupper() and len(letters) <= 3):
                found.append(letters)
    return found


def thai_in_english(message: str, *data: object) -> list[str]:
    """The Thai of an English *message*, once the *data* it quotes is taken out."""
    return [match.group() for match in re.finditer("[\u0e00-\u0e7f]+",
                                                   _without(message, data))]


def is_thai(message: str) -> bool:
    return bool(_THAI.search(message))
