"""The tree keeps the architecture of design.md §3: the import-linter contracts in pyproject.toml
hold, no module imports another in a cycle (not even inside a function or under TYPE_CHECKING),
no module reaches into another's private members, and no SQL leaves storage/."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src" / "peercoach_desktop"


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return found


def test_the_import_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_module_is_part_of_an_import_cycle() -> None:
    graph = grimp.build_graph("peercoach_desktop")  # function-level and TYPE_CHECKING imports too
    # The graph sees the imports this test is about (a blind graph would find no cycle either).
    assert "peercoach_desktop.vault.opener" in graph.find_modules_directly_imported_by(
        "peercoach_desktop.cli.context"
    )
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c", "d"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    graph.add_import(importer="c", imported="d")
    assert _cycles(graph) == [["a", "b", "c"]]


def _private_names_defined(tree: ast.Module) -> set[str]:
    """Private names a module defines itself (attributes it assigns, its functions and classes)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
    return {n for n in names if n.startswith("_")}


ALLOWED = {"_exit", "_MEIPASS"}  # os._exit and PyInstaller's sys._MEIPASS are public by contract


def test_no_module_reaches_into_another_modules_private_members() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text())
        own = _private_names_defined(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            if node.attr.startswith("__") or node.attr in ALLOWED or node.attr in own:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue  # its own, or a base class's within the class hierarchy
            offenders.append(f"{path.relative_to(SRC)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


# SQL as this code base writes it (upper-case keywords); prose like "Update the app" is not SQL.
SQL = re.compile(
    r"\b(SELECT .* FROM|INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA \w+|CREATE TABLE)\b"
)


def test_the_sql_pattern_knows_sql_from_prose() -> None:
    assert SQL.search("SELECT value FROM meta WHERE key = ?")
    assert SQL.search("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
    assert SQL.search("UPDATE notes SET deleted = 1")
    assert not SQL.search("Update the app. Select or create a note.")


def test_no_sql_outside_storage() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] == "storage":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []
