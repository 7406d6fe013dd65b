"""``oplan build`` and ``oplan demo``: the forms, the preview, the record and the
editions, written all or none; earlier outputs set aside when blocked."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from oplan_xl.core.errors import UsageError
from oplan_xl.plan.grouping import make_plan
from oplan_xl.write.atomic import write_all

if TYPE_CHECKING:
    pass

from oplan_xl.api.base import (
    DATA_FILES,
    DEMO_MARKER,
    FORM_FILES,
    OUTPUT,
    SUBMISSIONS,
    BuildResult,
    check,
    load_settings,
    new_folder,
    set_aside_stale,
    write_findings,
)
from oplan_xl.api.editions import build_editions
from oplan_xl.api.launcher import write_launcher


def build(plan_dir: Path, force: bool = False,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Check, then (unless errors and not *force*) write the official workbooks
    and preview.html.  *progress* is ``check``'s."""
    from oplan_xl.preview.book import preview_writer
    from oplan_xl.write import record
    from oplan_xl.write.forms import pd01, pd02, pd02_1

    settings = load_settings(plan_dir)
    report = check(plan_dir, settings, progress)
    result = BuildResult(report)
    output = plan_dir / OUTPUT
    if report.errors and not force:
        # Written also when the build is blocked: they say what to fix.
        result.findings = write_findings(plan_dir, report, result.unwritten)
        # An earlier build's forms no longer match the submissions.
        set_aside_stale(output, result, [*FORM_FILES.values(), *DATA_FILES.values()])
        return result
    plan = make_plan(settings, report.projects, report.equipment, report.files)
    result.plan = plan
    draft = len(report.errors)  # forced past them: every page says "draft"
    writers = {"pd01": (output / FORM_FILES["pd01"], pd01.writer(plan, draft)),
               "pd02": (output / FORM_FILES["pd02"], pd02.writer(plan, draft))}
    if not settings.by_approach:
        writers["pd02-1"] = (output / FORM_FILES["pd02-1"], pd02_1.writer(plan, draft))
    writers["preview"] = (output / FORM_FILES["preview"], preview_writer(plan, report))
    # The plan record goes with the forms, all or none: it never tells of another plan.
    data = record.writers(plan, report, output, draft=bool(draft))
    # The findings outputs first: they are written also when an official one
    # cannot be (open in Excel, say), and one of them left open blocks nothing.
    result.findings = write_findings(plan_dir, report, result.unwritten)
    write_all([*writers.values(), *data.values()])
    result.outputs = {name: target for name, (target, _) in writers.items()}
    result.data = {name: target for name, (target, _) in data.items()}
    # A form this plan has no more (ผด.02/1 under the 2548 edition) is an earlier one.
    set_aside_stale(output, result, [file for name, file in FORM_FILES.items()
                                     if name not in writers])
    build_editions(plan_dir, settings, report, result, force)
    return result


def sample_plan_dir() -> Path:
    """The bundled sample: in the source tree, or where pip put its data files."""
    for candidate in (Path(__file__).resolve().parents[2] / "samples" / "sample-plan",
                      Path(sys.prefix) / "share" / "oplan-xl" / "sample-plan"):
        if (candidate / "plan.xlsx").is_file():
            return candidate
    raise UsageError("sample-missing")


def copy_sample(out_dir: Path) -> None:
    """Copy the sample plan to *out_dir*, refreshing an earlier demo there only if
    its plan.xlsx and submissions are still exactly what that demo copied: the
    officer's edits (a plan.xlsx tried out, a submission added) are never
    overwritten."""
    source = sample_plan_dir()
    new_folder(out_dir, "oplan-demo")
    if out_dir.exists() and any(out_dir.iterdir()):
        marker = out_dir / DEMO_MARKER
        if not marker.is_file():
            raise UsageError("demo-dir-not-empty", path=out_dir)
        edited = demo_edits(out_dir, marker, source)
        if edited:
            raise UsageError("demo-dir-edited", path=out_dir, files=", ".join(edited),
                             example=f"{out_dir}-2")
    (out_dir / SUBMISSIONS).mkdir(parents=True, exist_ok=True)
    (out_dir / OUTPUT).mkdir(exist_ok=True)
    shutil.copyfile(source / "plan.xlsx", out_dir / "plan.xlsx")
    for path in sorted((source / SUBMISSIONS).iterdir()):
        if path.is_file():
            shutil.copyfile(path, out_dir / SUBMISSIONS / path.name)
    marker = {"written by": "oplan demo", "files": _demo_inputs(out_dir)}
    write_launcher(out_dir)
    (out_dir / DEMO_MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1),
                                       encoding="utf-8")


def _demo_inputs(folder: Path) -> dict[str, str]:
    """The inputs of a plan folder (plan.xlsx, the submissions) → their SHA-256."""
    paths = [folder / "plan.xlsx", *sorted((folder / SUBMISSIONS).glob("*"))]
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in paths if path.is_file()}


def demo_edits(out_dir: Path, marker: Path, source: Path) -> list[str]:
    """The inputs in an earlier demo's *out_dir* that are not what it copied there:
    changed, added or removed.  A marker of an older version names no files: the
    bundled sample's then stand for what it copied."""
    try:
        copied = json.loads(marker.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        copied = _demo_inputs(source)
    found = _demo_inputs(out_dir)
    return sorted(name for name in copied.keys() | found.keys()
                  if copied.get(name) != found.get(name))


def demo(out_dir: Path, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """``oplan demo``: copy the bundled sample plan to *out_dir* and build it."""
    copy_sample(out_dir)
    return build(out_dir, progress=progress)
