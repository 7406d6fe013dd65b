"""Time every stage of ``oplan build`` and the floor, on generated corpora.

    python bench/run.py [--sizes 5x20,20x100,200x100] [--repeat 3] [--keep DIR]

For each size N×R (departments × rows) it generates a corpus (bench/make_corpus.py),
then measures, best of --repeat:
  * each stage in-process: settings, read, check, plan, pd01, pd02, pd02-1, preview;
  * the whole command, ``python -m oplan_xl build -q`` in a fresh process (wall time
    and peak memory);
  * the floor: reading the same files with python-calamine (every sheet to Python
    values) plus one XlsxWriter write of the same rows;
  * the reference: pandas' default engine (openpyxl) merely reading the inputs.
and prints a table with the ratio build / floor.  Nothing here is asserted: the
numbers go into the README's performance section.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_corpus  # noqa: E402


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def stages(plan_dir: Path, repeat: int) -> dict[str, float]:
    """Stage timings of one build, in-process (best of *repeat*)."""
    from oplan_xl import pipeline
    from oplan_xl.forms import pd01, pd02, pd02_1
    from oplan_xl.plan import make_plan
    from oplan_xl.preview import write_preview
    from oplan_xl.reader import list_submissions, read_submission

    out = plan_dir / "output"
    timings = {}
    timings["settings"] = best(repeat, lambda: pipeline.load_settings(plan_dir))
    settings = pipeline.load_settings(plan_dir)
    paths = list_submissions(plan_dir / "submissions")
    timings["read"] = best(repeat, lambda: [read_submission(p, settings.second_level_label)
                                            for p in paths])
    whole_check = best(repeat, lambda: pipeline.check(plan_dir, settings))
    timings["check"] = max(0.0, whole_check - timings["read"])
    report = pipeline.check(plan_dir, settings)
    timings["plan"] = best(repeat, lambda: make_plan(settings, report.projects,
                                                     report.equipment, report.files))
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    timings["pd01"] = best(repeat, lambda: pd01.write(plan, out / "pd01.xlsx"))
    timings["pd02"] = best(repeat, lambda: pd02.write(plan, out / "pd02.xlsx"))
    timings["pd02-1"] = best(repeat, lambda: pd02_1.write(plan, out / "pd02-1.xlsx"))
    timings["preview"] = best(repeat, lambda: write_preview(plan, report,
                                                            out / "preview.html"))
    return timings


def whole_command(plan_dir: Path, repeat: int) -> tuple[float, float]:
    """Wall seconds (best) and peak RSS in MB of ``oplan build`` in a fresh process."""
    times, peak = [], 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "oplan_xl", "build", "-q",
                                 str(plan_dir)], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(result.stderr.decode("utf-8", "replace"))
        # ru_maxrss of all waited-for children: the largest child so far (KB on Linux)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return min(times), peak


def floor(plan_dir: Path, repeat: int) -> float:
    """python-calamine reading every sheet, plus one XlsxWriter write of the rows."""
    import python_calamine
    import xlsxwriter

    paths = sorted((plan_dir / "submissions").iterdir())
    rows: list[list] = []

    def read() -> None:
        rows.clear()
        for path in paths:
            workbook = python_calamine.CalamineWorkbook.from_path(str(path))
            for name in workbook.sheet_names:
                rows.extend(workbook.get_sheet_by_name(name).to_python())

    def write() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            workbook = xlsxwriter.Workbook(str(Path(tmp) / "floor.xlsx"))
            ws = workbook.add_worksheet()
            for index, row in enumerate(rows):
                ws.write_row(index, 0, row)
            workbook.close()

    return best(repeat, read) + best(repeat, write)


def pandas_openpyxl_read(plan_dir: Path) -> float:
    import pandas as pd

    paths = sorted((plan_dir / "submissions").iterdir())
    start = time.perf_counter()
    for path in paths:
        pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5x20,20x100,200x100")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the corpora under this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="oplan-bench-"))
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    names = ("settings", "read", "check", "plan", "pd01", "pd02", "pd02-1", "preview")
    print("| size | " + " | ".join(names) + " | build (s) | peak MB | floor (s) | "
          "build/floor | pandas+openpyxl read (s) |")
    print("|---" * (len(names) + 6) + "|")
    for size in args.sizes.split(","):
        departments, rows = (int(n) for n in size.split("x"))
        plan_dir = make_corpus(work / size, departments, rows)
        timing = stages(plan_dir, args.repeat)
        wall, peak = whole_command(plan_dir, args.repeat)
        base = floor(plan_dir, args.repeat)
        reference = pandas_openpyxl_read(plan_dir) if departments * rows >= 2000 else float("nan")
        cells = " | ".join(f"{timing[name]:.3f}" for name in names)
        print(f"| {size} | {cells} | {wall:.2f} | {peak:.0f} | {base:.2f} | "
              f"{wall / base:.2f} | {reference:.2f} |", flush=True)
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
