"""``python -m oplan_xl`` runs the ``oplan`` command."""

from .cli import main

main(prog_name="oplan")
