"""The README is the officer's manual and the developer's: what it shows and tells to type
must exist and work.

Its pictures are files in the repository (made by tools/make_readme_images.py) and small;
its links inside the page lead to a heading or an anchor; the commands it gives for Windows
work in Windows PowerShell 5.1 and in cmd (no ``&&``, no ``;`` between commands, no
``python3``); its test command is the one CI runs; and it cites nothing a reader of the
repository cannot open.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
IMAGES = ROOT / "docs" / "images"
MAX_IMAGE_BYTES = 300_000


def readme() -> str:
    return README.read_text(encoding="utf-8")


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.M | re.S)


def test_every_picture_exists_is_a_png_and_is_small():
    shown = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", readme())
    assert shown, "the README shows no pictures"
    for link in shown:
        path = ROOT / link
        assert path.is_file(), link
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", link
        assert path.stat().st_size < MAX_IMAGE_BYTES, link
    on_disk = {path.relative_to(ROOT).as_posix() for path in IMAGES.glob("*.png")}
    # The pictures of the local page (tools/make_serve_screenshots.py) wait for the
    # README's section on it; once it shows one of them, it must show them all.
    serve = {link for link in on_disk if Path(link).name.startswith("serve-")}
    if not serve & set(shown):
        on_disk -= serve
    assert on_disk == set(shown), "pictures in docs/images/ that the README does not show"
    for path in IMAGES.glob("*.png"):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path.name
        assert path.stat().st_size < MAX_IMAGE_BYTES, path.name


def slug(heading: str) -> str:
    """GitHub's anchor for an (ASCII) heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_inside_the_page_leads_somewhere():
    text = readme()
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    anchors |= {slug(heading) for heading in re.findall(r"^#+ (.+)$", prose, flags=re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", prose)
    assert links
    assert [link for link in links if link not in anchors] == []


def test_windows_commands_work_in_powershell_and_cmd():
    windows = [body for _, body in code_blocks(readme()) if "\\Scripts\\" in body]
    assert windows, "the README gives no Windows commands"
    for body in windows:
        for line in body.splitlines():
            assert "&&" not in line and " ; " not in line, line
            assert not line.startswith("python3"), line
    assert any("py -m venv .venv" in body and ".venv\\Scripts\\oplan demo" in body
               for body in windows)


def test_the_test_command_is_the_one_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = ci[ci.index("# The README's test command, verbatim:") + 1]
    assert command == ".venv/bin/ruff check . && .venv/bin/python -m pytest -q"
    bash = [body for language, body in code_blocks(readme()) if language == "bash"]
    assert any(command in body.splitlines() for body in bash)
    demo = 'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/oplan demo'
    assert any(demo in body.splitlines() for body in bash)


def test_it_cites_nothing_a_reader_cannot_open():
    text = readme()
    assert not re.search(r"SPEC\s*§|§\s*\d", text)
    assert not re.search(r"\bissues?\s+#?\d+", text, flags=re.I)
