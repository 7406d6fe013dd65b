"""Regenerate the golden workbook dumps: ``python -m tests.golden.regenerate``.

Review the diff (``git diff tests/golden``) before committing: every change in
a golden file is a change in what auditors receive.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from .cases import CASES, GOLDEN, build_case
from .dump import dump_workbook


def golden_path(case: str, form: str) -> Path:
    return GOLDEN / case / f"{form}.json"


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        for case in CASES:
            for form, path in build_case(case, Path(work)).items():
                write_json(golden_path(case, form), dump_workbook(path))
                print(f"wrote {golden_path(case, form).relative_to(GOLDEN.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
