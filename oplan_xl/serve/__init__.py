"""``oplan serve``: the officer's workflow as a page in their own browser.

A local web app (Flask, served by waitress, which runs the same on Windows) on
127.0.0.1 only, guarded by a token made for each run (``guard``).  Its pages
call the same ``api`` as the command line.
"""

from __future__ import annotations

from pathlib import Path

from oplan_xl.core.errors import UsageError

#: The port tried first, so the address stays the same from day to day; another
#: free one when it is taken (a second window, another program).
DEFAULT_PORT = 8760


def start(plan_dir: Path | None, port: int | None):
    """The server, bound and ready to ``run()``, and the address to open (token
    included).  *port* None: DEFAULT_PORT, else any free one."""
    from waitress.server import create_server

    from oplan_xl.serve.app import create_app
    from oplan_xl.serve.recent import default_file

    if plan_dir is None and (Path.cwd() / "plan.xlsx").is_file():
        plan_dir = Path.cwd()
    app = create_app(plan_dir, port=port or DEFAULT_PORT, recent_file=default_file())
    server = None
    for candidate in ([port] if port is not None else [DEFAULT_PORT, 0]):
        try:
            server = create_server(app, host="127.0.0.1", port=candidate, threads=4,
                                   clear_untrusted_proxy_headers=True, ident="oplan")
            break
        except OSError:
            continue
    if server is None:
        raise UsageError("serve-port-busy", port=port)
    state = app.extensions["oplan"]
    state.port = server.effective_port
    return server, f"http://127.0.0.1:{state.port}/?token={state.token}"
