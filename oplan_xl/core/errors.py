"""The few exceptions the core raises; only the CLI turns them into exit codes.

Each carries a message key of ``messages.MESSAGES`` and its parameters, so
the same error can be shown in Thai or English.
"""

from __future__ import annotations

from oplan_xl.core import messages


class OplanError(Exception):
    """An error the user can fix; ``exit_code`` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, message_key: str, /, **params: object) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params

    def message(self, lang: str = "th") -> str:
        return messages.text(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class SettingsError(OplanError):
    """plan.xlsx is missing, unreadable or wrong (exit code 2)."""


class UsageError(OplanError):
    """The command was called wrongly, e.g. a plan folder that does not exist."""


class OutputError(OplanError):
    """An output could not be written, e.g. it is open in Excel (exit code 1)."""

    exit_code = 1
