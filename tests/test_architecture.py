"""The layout keeps its promises: parts as folders, imports one way, no circles, small units.

Read from the source with ``ast`` (nothing is imported), so a deferred import inside a
function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "oplan_xl"

#: Which parts each part may import (its own modules always).  Data flows one way:
#: settings + submissions → read → check → plan → write / preview, over core.
ALLOWED = {
    "core": set(),
    "speed": {"core"},
    "read": {"core", "speed"},
    "check": {"core", "read", "speed"},
    "plan": {"core"},
    "write": {"core", "plan", "read", "speed"},
    "preview": {"core", "plan", "write"},
    # A plan made by hand in: read and checked as a submission, written as templates.
    "imports": {"core", "read", "check", "write", "speed"},
    # Follow-up: reads the returned results (read), writes its workbooks and reports
    # (write); the api runs it.
    "followup": {"core", "read", "write", "speed"},
    "api": {"core", "read", "check", "plan", "write", "preview", "speed", "imports", "followup"},
    # The local web page: the same api as the command line.
    "serve": {"api", "core"},
    "cli": {"api", "core", "serve"},
    "__main__": {"cli"},
    "__init__": set(),
}
MAX_TOP_LEVEL_MODULES = 8
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of ours that *name* imports, anywhere in its file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
        else:
            continue
        for target in targets:
            target = target.removeprefix("oplan_xl.").removeprefix("oplan_xl")
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _part(module: str) -> str:
    return module.split(".")[0]


def test_few_top_level_modules_and_the_parts_as_folders():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    for part in ("core", "read", "check", "plan", "write", "preview"):
        assert (PACKAGE / part / "__init__.py").is_file(), part


def test_imports_go_one_way():
    wrong = []
    for module, targets in _graph().items():
        part = _part(module)
        for target in targets:
            other = _part(target)
            if other != part and other not in ALLOWED[part]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_circles_deferred_imports_included():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not circles, circles


def test_no_module_too_long_to_read():
    long = {name: len(path.read_text(encoding="utf-8").splitlines())
            for name, path in _modules().items()}
    assert not {n: lines for n, lines in long.items() if lines > MAX_MODULE_LINES}


def test_no_function_too_long_to_read():
    long = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long, "\n".join(long)


def test_the_graph_sees_deferred_imports():
    """The checks above would pass vacuously if the graph missed imports."""
    graph = _graph()
    assert "core.model" in graph["read.submission"] or any(
        target.startswith("core.") for target in graph["read.submission"])
    assert any(target.startswith("write.forms") for target in graph["api.build"])  # deferred
