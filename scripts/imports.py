"""The package import graph of Stockroom, and the rules it must keep.

    python scripts/imports.py            # check; prints the report, exits 1 on any violation
    python scripts/imports.py --graph    # also prints every module and the project modules it imports

It reads the source with ``ast`` (nothing is imported or run) from ``domain/``, ``persistence/``, ``ui/``,
``main.py`` and ``bootstrap.py``, and counts every import statement: at the top of a module, inside a function
(a late import still ties the two modules together), and under ``if TYPE_CHECKING:``. It reports:

- cycles: groups of modules that import each other, directly or round a longer path (the strongly connected
  components of the graph, found with Tarjan's algorithm);
- private names: a module importing another module's underscore name (``from ui.cli import _when``) or
  reaching for one through the module (``ledger._receive(...)``);
- layers: ``domain/`` imports no Qt, SQLAlchemy, Alembic or psycopg (and numpy, pandas, statsmodels only in
  ``domain/planning/``, ``domain/demo/`` and the ageing's column work, ``domain/reports/ageing_columns.py``),
  and nothing from ``persistence/``,
  ``bootstrap.py``, ``ui/`` or ``main.py``; ``persistence/`` imports nothing from ``bootstrap.py``, ``ui/`` or
  ``main.py``; ``bootstrap.py`` (the wiring both edges build on) nothing from ``ui/`` or ``main.py``; ``ui/``
  nothing from ``main.py``, and the window (``ui/`` outside ``ui/cli/``) nothing from the command line.

An import of ``a.b.c`` counts as an edge to ``a.b.c`` only, not to the packages ``a`` and ``a.b`` that Python
initialises on the way; keep a package's ``__init__.py`` light so that holds in practice.

``KNOWN`` lists violations that are known and planned away; they are reported but do not fail the check, and an
entry that no longer occurs fails it (so the list only shrinks).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "persistence", "ui")
ROOT_MODULES = ("main", "bootstrap")  # bootstrap: the wiring both edges build on; main: the entry

# Third-party top-level packages that must stay out of the domain.
DOMAIN_FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "sqlalchemy", "alembic", "psycopg", "psycopg2")

# The numeric stack is the planning area's (and the demo's, which generates history with it); the rest of the
# domain stays light enough to import and test without it.
NUMERIC = ("numpy", "pandas", "statsmodels")
NUMERIC_USERS = ("domain.planning", "domain.demo", "domain.reports.ageing_columns")

CLI = "ui.cli"  # the command line; the rest of ui/ (the window) must not import it

# Which layer may import which: a module of the key's layer must not import from the listed layers.
LAYER_FORBIDDEN = {
    "domain": ("persistence", "bootstrap", "ui", "root"),
    "persistence": ("bootstrap", "ui", "root"),
    "bootstrap": ("ui", "root"),
    "ui": ("root",),
    "root": (),
}

# Known violations, each with the reason it is still here; see the module docstring.
KNOWN: dict[str, str] = {}


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # the project module imported, or the external top-level package
    name: str | None  # the name taken from it (``from target import name``), or None
    line: int
    internal: bool


def layer(module: str) -> str:
    top = module.split(".", 1)[0]
    return top if top in (*PACKAGES, "bootstrap") else "root"


def discover(root: Path = ROOT) -> dict[str, Path]:
    """Every project module by dotted name (a package by its own name, for its ``__init__.py``)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    for name in ROOT_MODULES:
        if (root / f"{name}.py").is_file():
            found[name] = root / f"{name}.py"
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is a project module (``a.b.c`` → ``a.b`` when c is a function)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    aliases: dict[str, str] = {}  # a local name bound to a project module → that module

    def add(target: str, name: str | None, line: int) -> str | None:
        resolved = _resolve(target, modules)
        if resolved is not None:
            found.append(Import(module, resolved, name, line, True))
        else:
            found.append(Import(module, target.split(".", 1)[0], name, line, False))
        return resolved

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                resolved = add(alias.name, None, node.lineno)
                if resolved is not None and alias.asname:
                    aliases[alias.asname] = resolved
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:  # from domain.stock import ledger
                    add(submodule, None, node.lineno)
                    aliases[alias.asname or alias.name] = submodule
                else:
                    add(source, alias.name, node.lineno)
    for node in ast.walk(tree):  # ledger._receive(...) where ledger is a project module
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and _is_private(node.attr) and aliases[node.value.id] != module):
            found.append(Import(module, aliases[node.value.id], node.attr, node.lineno, True))
    return found


def graph(imports: Iterable[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        edges.setdefault(imp.importer, set())
        if imp.internal and imp.target != imp.importer:
            edges[imp.importer].add(imp.target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:  # iterative, so a long chain cannot exhaust Python's recursion limit
        nonlocal counter
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def cycle_path(component: list[str], edges: dict[str, set[str]]) -> list[str]:
    """One closed path through a component, from its first module back to it, for the report."""
    members = set(component)
    start = component[0]
    # breadth-first from start's successors back to start, inside the component
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges.get(node, ()) & members):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return [*component, start]


def violations(modules: dict[str, Path] | None = None) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every violation (its key → a readable line) and the module graph."""
    modules = modules if modules is not None else discover()
    imports = [imp for module, path in modules.items() for imp in imports_of(module, path, modules)]
    edges = graph(imports)
    found: dict[str, str] = {}
    def where(imp: Import) -> str:
        path = modules[imp.importer]
        return f"{path.relative_to(ROOT) if ROOT in path.parents else imp.importer}:{imp.line}"

    for component in cycles(edges):
        members = set(component)
        first: dict[tuple[str, str], Import] = {}
        for imp in imports:
            if imp.internal and imp.importer in members and imp.target in members and imp.target != imp.importer:
                first.setdefault((imp.importer, imp.target), imp)
        lines = [f"    {a} imports {b} ({where(first[a, b])})" for a, b in sorted(first)]
        found[f"cycle {' '.join(component)}"] = "\n".join(
            ["cycle: " + " -> ".join(cycle_path(component, edges)) + f" ({len(component)} modules; the edges:)",
             *lines])
    for imp in imports:
        if imp.internal and imp.name and _is_private(imp.name) and imp.target != imp.importer:
            key = f"private {imp.importer} {imp.target}.{imp.name}"
            found.setdefault(key, f"private name: {where(imp)} uses {imp.target}.{imp.name}")
        own, other = layer(imp.importer), layer(imp.target)
        if not imp.internal and own == "domain" and imp.target in DOMAIN_FORBIDDEN:
            key = f"layer {imp.importer} {imp.target}"
            found.setdefault(key, f"layer: {where(imp)} imports {imp.target} (the domain stays free of it)")
        elif (not imp.internal and own == "domain" and imp.target in NUMERIC
              and not any(_inside(imp.importer, package) for package in NUMERIC_USERS)):
            key = f"layer {imp.importer} {imp.target}"
            found.setdefault(key, f"layer: {where(imp)} imports {imp.target} (only {', '.join(NUMERIC_USERS)} "
                                  f"may)")
        elif imp.internal and other in LAYER_FORBIDDEN[own]:
            key = f"layer {imp.importer} {imp.target}"
            found.setdefault(key, f"layer: {where(imp)} imports {imp.target} ({own} must not import {other})")
        elif imp.internal and own == "ui" and not _inside(imp.importer, CLI) and _inside(imp.target, CLI):
            key = f"layer {imp.importer} {imp.target}"
            found.setdefault(key, f"layer: {where(imp)} imports {imp.target} (the window must not import the "
                                  f"command line)")
    return found, edges


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", action="store_true", help="print each module and the project modules it imports")
    args = parser.parse_args(argv)
    found, edges = violations()
    if args.graph:
        for module in sorted(edges):
            targets = sorted(edges[module])
            print(f"{module} -> {', '.join(targets) if targets else '(nothing of ours)'}")
        print()
    new = {key: text for key, text in found.items() if key not in KNOWN}
    known = {key: text for key, text in found.items() if key in KNOWN}
    gone = sorted(key for key in KNOWN if key not in found)
    print(f"{len(edges)} modules, {sum(len(t) for t in edges.values())} imports between them, "
          f"{len(cycles(edges))} cycle(s)")
    for text in sorted(new.values()):
        print(text)
    for key, text in sorted(known.items()):
        head, _, rest = text.partition("\n")
        print(f"known: {head} ({KNOWN[key]})" + (f"\n{rest}" if rest else ""))
    for key in gone:
        print(f"stale: the known violation {key!r} no longer occurs; remove it from KNOWN in scripts/imports.py")
    if new or gone:
        print(f"FAILED: {len(new)} violation(s), {len(gone)} stale entr{'y' if len(gone) == 1 else 'ies'}")
        return 1
    print("ok: no cycle, no private name across modules, every layer imports only what it may"
          + (f" ({len(known)} known violation(s) left)" if known else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
