"""``python -m oplan_xl`` runs the ``oplan`` command."""

from oplan_xl.cli import entry

entry()
