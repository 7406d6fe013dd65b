"""``python -m oplan_xl`` runs the ``oplan`` command."""

from .cli import entry

entry()
