"""Peak memory and time of ``oplan check`` on very large sheets (issue 14, class 10).

    python bench/memory.py [--cases NAME,NAME] [--keep DIR]

Each case is one department file on the โครงการ sheet, built by
``tests/data/hostile/make_hostile.py`` (``compact_rows``) into a plan folder
made as ``oplan init`` makes it, then checked by ``python -m oplan_xl check
--json`` in a child process.  Printed for each: wall time, the child's peak
resident memory (VmHWM, as tests/hostile.py measures it), exit code, rows read
and the file's finding codes; CPU seconds too (user + system: steadier than wall
time on a shared machine).  POSIX only (resource).  The bar is 200 MB for the whole process.

The cases: a sheet Excel writes compactly (text in the shared strings, a few
dozen bytes a cell) with 200,000 rows and no ``<dimension>``; the same with
inline strings; with a ``<dimension ref="A1">`` that lies; and big but
legitimate sheets (20,000 and 60,000 rows; 99,999, the most rows a sheet may
have) that must still be read; and an .ods of 200,000 short rows.  Nothing is
asserted: the numbers go into reports.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "hostile"))

import make_hostile  # noqa: E402

from tests.builders import make_plan  # noqa: E402
from tests.hostile import run_oplan  # noqa: E402

#: The fields of a compact row (with its month marks): 200,000 such rows stay under
#: the 64 MB a part may unpack to; full rows of 12 cells do not (file-too-large),
#: nor do inline strings unless the row is shorter still.
FEW = ("strategy", "group", "name", "budget", "responsible")
FEWER = ("strategy", "group", "budget")


def ods_rows(count: int) -> bytes:
    """*count* rows of two values (a strategy and a budget) on the โครงการ table of an .ods."""
    row = ("<table:table-row>" + make_hostile.ods_cell("1")
           + '<table:table-cell table:number-columns-repeated="3"/>'
           + make_hostile.ods_cell(1000) + "</table:table-row>")
    return make_hostile.ods_department(row * count)


CASES = {
    "shared-200000-no-dimension.xlsx": lambda: make_hostile.compact_rows(200_000, fields=FEW),
    "inline-200000-no-dimension.xlsx": lambda: make_hostile.compact_rows(
        200_000, inline=True, fields=FEWER),
    "shared-200000-dimension-A1.xlsx": lambda: make_hostile.compact_rows(
        200_000, dimension="A1", fields=FEW),
    "shared-200000-full-rows.xlsx": lambda: make_hostile.compact_rows(200_000),
    "rows-200000.ods": lambda: ods_rows(200_000),
    "shared-60000.xlsx": lambda: make_hostile.compact_rows(60_000, dimension="A1:V60001"),
    "shared-99999.xlsx": lambda: make_hostile.compact_rows(99_998, dimension="A1:V99999"),
    "shared-20000.xlsx": lambda: make_hostile.compact_rows(20_000, dimension="A1:V20001"),
}
#: The child's address space limit: far above the bar, so that "before" numbers show.
LIMIT_MB = 4096


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated, of: {', '.join(CASES)}")
    parser.add_argument("--keep", type=Path, help="build the plan folders here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="oplan-memory-"))
    try:
        print(f"{'case':<32} {'file':>7} {'seconds':>8} {'cpu s':>6} {'peak MB':>8} exit  rows"
              "  findings")
        for name in args.cases.split(","):
            folder = work / name
            shutil.rmtree(folder, ignore_errors=True)
            plan_dir = make_plan(folder)
            target = plan_dir / "submissions" / name
            target.write_bytes(CASES[name]())
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            run = run_oplan(["check", str(plan_dir), "--json", "--lang", "en"], name,
                            megabytes=LIMIT_MB)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            try:
                report = run.json()
            except ValueError:
                print(f"{name:<32} no report: {run.stderr[-300:]}")
                continue
            codes = sorted({f["code"] for f in report["findings"] if f["file"] == target.name})
            tally = next((t for t in report["reconciliation"]["files"]
                          if t["file"] == target.name), {})
            print(f"{name:<32} {target.stat().st_size / 2**20:6.1f}M {run.seconds:8.2f} {cpu:6.2f} "
                  f"{run.megabytes:8.0f} {run.returncode:>4} {tally.get('rows_read', '?'):>5}  "
                  f"{','.join(codes)}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
