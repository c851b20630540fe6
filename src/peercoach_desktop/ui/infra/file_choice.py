"""Choosing a file to read or write, behind a hook so tests never block on a file dialog.

A dialog opens in the folder last used for that kind of file (remembered in the window's
state, apart from the preferences), else in the user's home: never in the program's working
folder, which for a desktop launch is some install directory."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget


class FolderMemory(Protocol):
    def last_folder(self, kind: str) -> str: ...

    def remember_folder(self, kind: str, folder: str) -> None: ...


_next_paths: list[str | None] = []
_memory: list[FolderMemory | None] = [None]
last_suggested: list[str] = [""]  # the name the last file dialog proposed (tests check it)
last_start: list[str] = [""]  # the folder the last dialog opened in (tests check it)


def set_next_path(path: str | None) -> None:
    """Tests queue the answer of the next file dialog (None: the user cancelled)."""
    _next_paths.append(path)


def remember_folders_in(memory: FolderMemory) -> None:
    """The main window hands over where the last folders are kept (its Preferences)."""
    _memory[0] = memory


def kind_of(name_filter: str) -> str:
    """The kind of file a dialog is for: its filter's first extension (backups, sync files…)."""
    found = re.search(r"\*\.(\w+)", name_filter)
    return found.group(1) if found else "files"


def start_folder(kind: str) -> str:
    memory = _memory[0]
    last = memory.last_folder(kind) if memory is not None else ""
    return last if last and os.path.isdir(last) else str(Path.home())


def _remember(kind: str, folder: str) -> None:
    memory = _memory[0]
    if memory is not None and folder:
        memory.remember_folder(kind, folder)


def _answer(caption: str) -> str | None:
    if _next_paths:
        return _next_paths.pop(0)
    raise AssertionError(f"unanswered file dialog in a test: {caption}")


def choose_path(
    parent: QWidget, caption: str, name_filter: str, *, save: bool, suggested: str = ""
) -> str | None:
    last_suggested[0] = suggested
    kind = kind_of(name_filter)
    start = last_start[0] = start_folder(kind)
    if _next_paths or os.environ.get("PYTEST_CURRENT_TEST"):
        path = _answer(caption)
    elif save:
        path, _ = QFileDialog.getSaveFileName(parent, caption, os.path.join(start, suggested), name_filter)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, caption, start, name_filter)
    if path:
        _remember(kind, os.path.dirname(os.path.abspath(path)))
    return path or None


def choose_folder(parent: QWidget, caption: str, start: str = "") -> str | None:
    """A folder; `start` (e.g. the folder set now) comes before the last one chosen."""
    last_suggested[0] = ""
    begin = last_start[0] = start if start and os.path.isdir(start) else start_folder("folder")
    if _next_paths or os.environ.get("PYTEST_CURRENT_TEST"):
        folder = _answer(caption)
    else:
        folder = QFileDialog.getExistingDirectory(parent, caption, begin)
    if folder:
        _remember("folder", os.path.abspath(folder))
    return folder or None
