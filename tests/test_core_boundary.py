"""The layers below the window must stay free of Qt: the CLI and the tests run them headless.
The one exception is the PDF writer (coaching/summary_pdf.py), which imports Qt when it runs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "peercoach_desktop"
CORE_FILES = sorted(
    p
    for pkg in ("domain", "system", "storage", "vault", "sync", "coaching")
    for p in (SRC / pkg).rglob("*.py")  # subpackages too (coaching/workshop)
    if p.name != "summary_pdf.py"
)
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def test_no_core_module_imports_qt() -> None:
    offenders = []
    for path in CORE_FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT_ROOTS]
    assert offenders == []


def test_cli_and_core_load_without_qt() -> None:
    modules = [
        "peercoach_desktop." + ".".join(p.relative_to(SRC).with_suffix("").parts)
        for p in CORE_FILES
        if p.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "import peercoach_desktop.cli.main\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
