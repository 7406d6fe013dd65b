"""The reference workbook in ``workbook_templates/`` and the command that rewrites it:
``python -m oplan_xl.write.template --regenerate``."""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.model import Settings
from oplan_xl.core.settings_layout import default_settings
from oplan_xl.write.template.workbook import write_template

#: The reference workbook in workbook_templates/: default settings, a neutral
#: organisation, the fiscal year current when it was made, no department chosen.
REFERENCE_ORG = "องค์กรปกครองส่วนท้องถิ่นตัวอย่าง"
REFERENCE_YEAR = 2570
REFERENCE_FILE = "department-template.xlsx"


def reference_settings() -> Settings:
    """The default settings the reference workbook in workbook_templates/ is made from."""
    return default_settings(REFERENCE_ORG, REFERENCE_YEAR)


def write_reference(folder: Path) -> Path:
    """Write the reference workbook (no department chosen) into *folder*."""
    return write_template(reference_settings(), None, folder / REFERENCE_FILE)


def reference_dir() -> Path:
    """``workbook_templates/`` of the source tree."""
    return Path(__file__).resolve().parents[3] / "workbook_templates"


def main(argv: list[str] | None = None) -> int:
    """``python -m oplan_xl.write.template --regenerate [--out DIR]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m oplan_xl.write.template",
                                     description="Rewrite the reference department workbook.")
    parser.add_argument("--regenerate", action="store_true", required=True,
                        help="write workbook_templates/" + REFERENCE_FILE)
    parser.add_argument("--out", type=Path, default=None,
                        help="folder to write into (default: workbook_templates/)")
    args = parser.parse_args(argv)
    path = write_reference(args.out or reference_dir())
    print(f"wrote {path}")
    return 0

