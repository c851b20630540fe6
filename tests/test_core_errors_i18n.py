"""Core error messages are translatable: every PeerCoachError raised in core carries an English
template marked for pyside6-lupdate (context "Core"), so the German .ts has them all."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from peercoach_desktop.domain import errors
from peercoach_desktop.domain.errors import PeerCoachError, Term, UsageError
from peercoach_desktop.storage import edits

SRC = Path(__file__).parents[1] / "src" / "peercoach_desktop"
# Every layer below the window and the command line.
CORE_PACKAGES = ("domain", "system", "storage", "vault", "sync", "coaching")
# Subpackages too (coaching/workshop).
CORE_FILES = sorted(p for pkg in CORE_PACKAGES for p in (SRC / pkg).rglob("*.py") if p.stem != "__init__")
CHECKED = CORE_FILES


def _error_names() -> set[str]:
    for path in CORE_FILES:
        importlib.import_module("peercoach_desktop." + ".".join(path.relative_to(SRC).with_suffix("").parts))
    found, todo = set(), [PeerCoachError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


def _is_marked(node: ast.expr, constants: set[str]) -> bool:
    """QT_TRANSLATE_NOOP("Core", "literal"), a module constant bound to one, a choice of them, or
    another error's (already marked) template."""
    if isinstance(node, ast.Attribute):
        return node.attr == "template"
    if isinstance(node, ast.IfExp):
        return _is_marked(node.body, constants) and _is_marked(node.orelse, constants)
    if isinstance(node, ast.Name):
        return node.id in constants
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        and node.args[0].value == "Core"
    )


def _offenders(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text())
    constants = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and _is_marked(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in names and not (node.args and _is_marked(node.args[0], constants)):
            found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_every_core_error_message_is_marked_for_translation() -> None:
    names = _error_names()
    assert {"UsageError", "TemplateError", "RestoreConflictError"} <= names
    offenders = [o for path in CHECKED for o in _offenders(path, names)]
    assert offenders == []


def test_the_check_catches_an_unmarked_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(x):\n"
        "    raise UsageError(f'No {x}.')\n"
        "def g(x):\n"
        "    raise UsageError(QT_TRANSLATE_NOOP('Dialogs', 'No {x}.'), x=x)\n"
        "def h(x):\n"
        "    raise UsageError(QT_TRANSLATE_NOOP('Core', 'No {x}.'), x=x)\n"
    )
    assert _offenders(bad, {"UsageError"}) == ["bad.py:2 UsageError", "bad.py:4 UsageError"]


def test_str_is_the_english_text_with_the_values() -> None:
    with pytest.raises(UsageError) as caught:
        edits.parse_date("31.03.2026", "A due date")
    assert str(caught.value) == "A due date must be a date like 2026-03-31, not '31.03.2026'."
    assert caught.value.template == "{what} must be a date like 2026-03-31, not {text!r}."
    assert caught.value.fields == {"what": "A due date", "text": "31.03.2026"}
    assert isinstance(caught.value.fields["what"], Term)


def test_a_message_without_fields_is_kept_as_written() -> None:
    error = errors.NotFoundError("Braces {stay} as they are.")
    assert str(error) == "Braces {stay} as they are."
    assert error.args == ("Braces {stay} as they are.",)
