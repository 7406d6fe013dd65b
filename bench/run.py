"""Time every stage of ``oplan build`` and the floor, on generated corpora.

    python bench/run.py [--sizes 5x20,20x100,200x100,200x100/10] [--repeat 3] [--keep DIR]
                        [--formats xls,ods] [--format-sizes 20x100,200x100]

For each size N×R (departments × rows; N×R/Q: every Q-th file carries a warning and
so gets a returned copy) it generates a corpus (bench/make_corpus.py; with --keep,
an existing corpus of the same size is reused), then
measures, best of --repeat:

  * each stage of a build, in-process, one after the other: settings, read,
    check (normalise and check the rows read), plan, pd01, pd02, pd02-1,
    preview, findings (findings.xlsx and returned copies); ``stages`` is their
    sum, to compare with the whole command;
  * the whole command, ``python -m oplan_xl build -q`` in a fresh process (one
    process, as everywhere): wall time, and its peak memory (proportional set
    size, sampled every 5 ms);
  * the floor, in this same run: reading the same files with python-calamine
    (every sheet to Python values) plus one XlsxWriter write of those rows;
  * the reference: pandas' default engine (openpyxl) merely reading the inputs.

It prints a table with the ratio build / floor, then reading times for .xls and
.ods corpora (--formats, made with LibreOffice), then ``oplan --help`` and
``--version``.  The child processes run without PYTHONDONTWRITEBYTECODE, as an
installed ``oplan`` does (pip compiles the package); one untimed run warms the
bytecode cache.  Nothing here is asserted: the numbers go into the README's
performance section.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import convert, make_corpus  # noqa: E402

STAGES = ("settings", "read", "check", "plan", "pd01", "pd02", "pd02-1", "preview", "findings")


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus(work: Path, departments: int, rows: int, fmt: str = "xlsx",
           quirky: int = 0) -> Path:
    """A corpus folder, made once and reused while its stamp matches."""
    name = f"{departments}x{rows}" + (f"q{quirky}" if quirky else "") \
        + ("" if fmt == "xlsx" else f"-{fmt}")
    plan_dir = work / name
    stamp = plan_dir / ".bench-corpus"
    wanted = json.dumps({"departments": departments, "rows": rows, "format": fmt,
                         "quirky": quirky,
                         "generator": hashlib.sha256(
                             (ROOT / "bench" / "make_corpus.py").read_bytes()).hexdigest()})
    if stamp.is_file() and stamp.read_text() == wanted:
        shutil.rmtree(plan_dir / "output", ignore_errors=True)
        (plan_dir / "output").mkdir()
        return plan_dir
    make_corpus(plan_dir, departments, rows, quirky=quirky)
    if fmt != "xlsx":
        convert(plan_dir, fmt)
    stamp.write_text(wanted)
    return plan_dir


def stages(plan_dir: Path, repeat: int) -> dict[str, float]:
    """Stage timings of one build, in-process (best of *repeat*), with the garbage
    collector's thresholds of the ``oplan`` command (Python's defaults would add
    their own cost to every stage)."""
    import gc

    from oplan_xl import api
    from oplan_xl.cli import GC_THRESHOLDS
    from oplan_xl.plan.grouping import make_plan
    from oplan_xl.preview.book import write_preview
    from oplan_xl.read.submission import list_submissions, read_submission
    from oplan_xl.write.forms import pd01, pd02, pd02_1

    gc.set_threshold(*GC_THRESHOLDS)
    out = plan_dir / "output"
    timings = {}
    timings["settings"] = best(repeat, lambda: api.load_settings(plan_dir))
    settings = api.load_settings(plan_dir)
    paths = list_submissions(plan_dir / "submissions")
    timings["read"] = best(repeat, lambda: [read_submission(p, settings.second_level_label)
                                            for p in paths])
    whole_check = best(repeat, lambda: api.check(plan_dir, settings))
    timings["check"] = max(0.0, whole_check - timings["read"])
    report = api.check(plan_dir, settings)
    timings["plan"] = best(repeat, lambda: make_plan(settings, report.projects,
                                                     report.equipment, report.files))
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    timings["pd01"] = best(repeat, lambda: pd01.write(plan, out / "pd01.xlsx"))
    timings["pd02"] = best(repeat, lambda: pd02.write(plan, out / "pd02.xlsx"))
    timings["pd02-1"] = best(repeat, lambda: pd02_1.write(plan, out / "pd02-1.xlsx"))
    timings["preview"] = best(repeat, lambda: write_preview(plan, report,
                                                            out / "preview.html"))
    timings["findings"] = best(repeat, lambda: api.write_findings(plan_dir, report, []))
    return timings


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _tree_memory(pid: int) -> int:
    """Proportional set size (bytes) of *pid* and its descendants; RSS where PSS
    cannot be read."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            text = Path(f"/proc/{current}/smaps_rollup").read_text()
            field = next((line for line in text.splitlines() if line.startswith("Pss:")), None)
            if field is None:
                text = Path(f"/proc/{current}/status").read_text()
                field = next(line for line in text.splitlines() if line.startswith("VmRSS:"))
            total += int(field.split()[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(n) for n in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def timed_command(args: list[str], repeat: int, warm: bool = True) -> tuple[float, float]:
    """Best wall seconds and peak MB of ``python -m oplan_xl *args*``."""
    command = [sys.executable, "-m", "oplan_xl", *args]
    env = _child_env()
    if warm:
        subprocess.run(command, cwd=ROOT, capture_output=True, env=env)
    times, peak = [], 0
    for _ in range(repeat):
        highest = [0]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env)
        done = threading.Event()

        def sample(process=process, highest=highest, done=done) -> None:
            while not done.is_set():
                highest[0] = max(highest[0], _tree_memory(process.pid))
                done.wait(0.005)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        times.append(time.perf_counter() - start)
        done.set()
        sampler.join()
        if process.returncode not in (0, 1):
            raise SystemExit(stderr.decode("utf-8", "replace"))
        peak = max(peak, highest[0])
    return min(times), peak / 1024 / 1024


def floor(plan_dir: Path, repeat: int) -> float:
    """python-calamine reading every sheet, plus one XlsxWriter write of the rows."""
    import xlsxwriter

    rows: list[list] = []
    read_time = floor_read(plan_dir, repeat, rows)

    def write() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            workbook = xlsxwriter.Workbook(str(Path(tmp) / "floor.xlsx"))
            ws = workbook.add_worksheet()
            for index, row in enumerate(rows):
                ws.write_row(index, 0, row)
            workbook.close()

    return read_time + best(repeat, write)


def floor_read(plan_dir: Path, repeat: int, rows: list | None = None) -> float:
    """python-calamine reading every sheet of every submission to Python values."""
    import python_calamine

    paths = sorted(p for p in (plan_dir / "submissions").iterdir() if p.is_file())
    rows = [] if rows is None else rows

    def read() -> None:
        rows.clear()
        for path in paths:
            workbook = python_calamine.CalamineWorkbook.from_path(str(path))
            for name in workbook.sheet_names:
                rows.extend(workbook.get_sheet_by_name(name).to_python())

    return best(repeat, read)


def pandas_openpyxl_read(plan_dir: Path) -> float:
    import pandas as pd

    paths = sorted((plan_dir / "submissions").iterdir())
    start = time.perf_counter()
    for path in paths:
        pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    return time.perf_counter() - start


def read_stage(plan_dir: Path, repeat: int) -> float:
    from oplan_xl import api
    from oplan_xl.read.submission import list_submissions, read_submission

    settings = api.load_settings(plan_dir)
    paths = list_submissions(plan_dir / "submissions")
    return best(repeat, lambda: [read_submission(p, settings.second_level_label)
                                 for p in paths])


def sizes_of(text: str) -> list[tuple[int, int, int]]:
    """``200x100`` → (200, 100, 0); ``200x100/10`` → every 10th file has a finding."""
    sizes = []
    for size in filter(None, text.split(",")):
        shape, _, quirky = size.partition("/")
        departments, rows = (int(n) for n in shape.split("x"))
        sizes.append((departments, rows, int(quirky or 0)))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5x20,20x100,200x100,200x100/10",
                        help="departments x rows[/n: every n-th file has a finding]")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the corpora in this folder")
    parser.add_argument("--formats", default="xls,ods",
                        help="also time reading corpora in these formats ('' for none)")
    parser.add_argument("--format-sizes", default="20x100,200x100")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="oplan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
          f"load {load:.2f}")
    print("| size | " + " | ".join(STAGES) + " | stages | build (s) "
          "| peak MB | floor (s) | build/floor | pandas+openpyxl read (s) |")
    print("|---" * (len(STAGES) + 7) + "|")
    for departments, rows, quirky in sizes_of(args.sizes):
        plan_dir = corpus(work, departments, rows, quirky=quirky)
        timing = stages(plan_dir, args.repeat)
        wall, peak = timed_command(["build", "-q", str(plan_dir)], args.repeat)
        base = floor(plan_dir, args.repeat)
        reference = pandas_openpyxl_read(plan_dir) if departments * rows >= 2000 \
            else float("nan")
        cells = " | ".join(f"{timing[name]:.3f}" for name in STAGES)
        label = f"{departments}x{rows}" + (f" (1 file in {quirky} with findings)"
                                            if quirky else "")
        print(f"| {label} | {cells} | {sum(timing.values()):.2f} | {wall:.2f} | "
              f"{peak:.0f} | {base:.2f} | {wall / base:.2f} | {reference:.2f} |", flush=True)

    formats = [f for f in args.formats.split(",") if f]
    if formats:
        print("\n| corpus | calamine read (s) | oplan read, in-process (s) | check (s) |")
        print("|---|---|---|---|")
        for departments, rows, _ in sizes_of(args.format_sizes):
            for fmt in ["xlsx", *formats]:
                plan_dir = corpus(work, departments, rows, fmt)
                check, _ = timed_command(["check", "-q", str(plan_dir)], args.repeat)
                print(f"| {departments}x{rows} .{fmt} | {floor_read(plan_dir, args.repeat):.2f} | "
                      f"{read_stage(plan_dir, args.repeat):.2f} | {check:.2f} |", flush=True)

    print("\n| command | wall (s) |")
    print("|---|---|")
    for flag in ("--help", "--version"):
        wall, _ = timed_command([flag], max(args.repeat, 5))
        print(f"| oplan {flag} | {wall:.3f} |")
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
