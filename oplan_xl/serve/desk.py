"""What the server keeps between requests (``Desk``), and the helpers every page uses:
the desk of the running app, and a refusal in Thai."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flask import jsonify, render_template, request

from oplan_xl.serve.jobs import Jobs


def open_with_default_app(path: Path) -> None:
    """Open *path* as a double-click would (plan.xlsx in Excel)."""
    if sys.platform == "win32":
        os.startfile(path)  # noqa: S606 (the officer's own file, on their own PC)
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)


@dataclass
class Desk:
    """What the server keeps between requests: the plan folder open now and its work."""

    token: str
    port: int
    plan_dir: Path | None = None
    jobs: Jobs = field(default_factory=Jobs)
    open_file: Callable[[Path], None] = open_with_default_app
    #: Run long work in the request (tests); a thread otherwise.
    wait: bool = False
    #: The last check's result (``api.CheckResult``), from a check or a build.
    checked: object = None
    #: The inputs as that check found them (``views.inputs_state``): the page says when
    #: they have changed since, so nobody acts on figures that no longer hold.
    checked_inputs: tuple = ()
    #: The last build's result (``api.BuildResult``).
    built: object = None
    #: What the last import from the page said: (line, is a problem) pairs.
    imported: list = field(default_factory=list)
    #: Where the plan folders opened before are remembered (``recent``); None: nowhere.
    recent_file: Path | None = None


def desk() -> Desk:
    from flask import current_app

    return current_app.extensions["oplan"]


def wants_json() -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def refused(reason: str, status: int):
    """A refusal in Thai: JSON for the page's scripts, a page for the browser."""
    if wants_json():
        return jsonify({"error": reason}), status
    return render_template("refused.html.j2", reason=reason, status=status), status
