"""The walls inside the code: app/ never imports Qt, ui/ or tools/; app/'s packages import only
downwards in the order of app/layers.py; no module imports itself back through others.

Imports are read from the source (top-level and inside functions), not from a running program,
so an import on a rarely taken path counts as much as one at the top.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from app.layers import LAYERS

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui", "tools")


def _module_name(root: Path, path: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _imported_names(path: Path, module: str) -> list[str]:
    """Every module name an import statement or a literal ``__import__`` in ``path`` names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            names.append(base)
            names += [f"{base}.{a.name}" for a in node.names]  # `from app import resources`
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.append(arg.value)
    return names


def module_graph(root: Path, tops: tuple[str, ...] = ("app", "ui")) -> dict[str, set[str]]:
    """Module → the project modules it imports (a name from a module, such as ``from app.i18n
    import _``, counts as importing that module)."""
    paths = {_module_name(root, p): p for top in tops for p in sorted((root / top).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        names = [n for n in _imported_names(path, module) if n in paths and n != module]
        # `from app.cli import demo` imports the module app.cli.demo, not app.cli's own code
        graph[module] = {n for n in names if not any(m.startswith(n + ".") for m in names)}
    return graph


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 1 else None


def upward_imports(root: Path) -> list[str]:
    """Each import from an app/ package to one above it (or one missing from the layer table)."""
    found = []
    for module, targets in sorted(module_graph(root, ("app",)).items()):
        src = _layer(module)
        if src is None:
            continue
        if src not in LAYERS:
            found.append(f"{module}: package '{src}' is not in app/layers.py")
            continue
        for target in sorted(targets):
            dst = _layer(target)
            if dst is not None and dst in LAYERS and LAYERS.index(dst) > LAYERS.index(src):
                found.append(f"{module} imports {target}: '{dst}' is above '{src}' in app/layers.py")
    return found


def cycles(graph: dict[str, set[str]]) -> list[str]:
    """One import loop per group of modules that import each other, as ``a → b → a``."""
    found, seen = [], set()
    for start in sorted(graph):
        if start in seen:
            continue
        path = _loop_from(graph, start)
        if path:
            seen.update(path)
            found.append(" → ".join([*path, path[0]]))
    return found


def _loop_from(graph: dict[str, set[str]], start: str) -> list[str]:
    """The shortest path start → … → start, or []."""
    frontier, came_from = [start], {start: ""}
    while frontier:
        nxt = []
        for node in frontier:
            for target in sorted(graph.get(node, ())):
                if target == start:
                    path = [node]
                    while came_from[path[-1]]:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if target not in came_from:
                    came_from[target] = node
                    nxt.append(target)
        frontier = nxt
    return []


def test_no_qt_ui_or_tools_import_under_app():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for name in _imported_names(path, _module_name(ROOT, path)):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_app_packages_import_only_downwards():
    assert upward_imports(ROOT) == []


def test_no_import_cycles_in_app_or_ui():
    assert cycles(module_graph(ROOT)) == []


def test_every_app_package_is_in_the_layer_table():
    packages = {p.stem if p.is_file() else p.name for p in (ROOT / "app").iterdir()
                if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert packages - set(LAYERS) == set()
    assert set(LAYERS) - packages == set()


def _copy_app(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_check_names_both_ends_of_an_upward_import(tmp_path):
    root = _copy_app(tmp_path)
    _append(root / "app" / "store" / "schema.py", "from app.referrals import recipients")
    assert upward_imports(root) == [
        "app.store.schema imports app.referrals.recipients: 'referrals' is above 'store' in app/layers.py"]


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    root = _copy_app(tmp_path)
    _append(root / "app" / "contacts" / "model.py", "def late():\n    from app.printing.scripts import split_runs")
    assert upward_imports(root) == [
        "app.contacts.model imports app.printing.scripts: 'printing' is above 'contacts' in app/layers.py"]


def test_the_check_names_a_cycle(tmp_path):
    root = _copy_app(tmp_path)
    _append(root / "app" / "printing" / "fonts.py", "def late():\n    from app.printing import scripts")
    assert cycles(module_graph(root, ("app",))) == ["app.printing.fonts → app.printing.scripts → app.printing.fonts"]


def test_scanner_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QLabel\nimport ui.main\n")
    assert [n.split(".")[0] for n in _imported_names(bad, "bad")][:2] == ["PySide6", "PySide6"]
    assert "ui.main" in _imported_names(bad, "bad")


def test_importing_every_app_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "app").rglob("*.py") if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
