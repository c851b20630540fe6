"""Choosing a file to read or write, behind a hook so tests never block on a file dialog."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QWidget

_next_paths: list[str | None] = []
last_suggested: list[str] = [""]  # the name the last file dialog proposed (tests check it)


def set_next_path(path: str | None) -> None:
    """Tests queue the answer of the next file dialog (None: the user cancelled)."""
    _next_paths.append(path)


def choose_path(
    parent: QWidget, caption: str, name_filter: str, *, save: bool, suggested: str = ""
) -> str | None:
    last_suggested[0] = suggested
    if _next_paths:
        return _next_paths.pop(0)
    if os.environ.get("PYTEST_CURRENT_TEST"):
        raise AssertionError(f"unanswered file dialog in a test: {caption}")
    if save:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, name_filter)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, caption, suggested, name_filter)
    return path or None


def choose_folder(parent: QWidget, caption: str) -> str | None:
    last_suggested[0] = ""
    if _next_paths:
        return _next_paths.pop(0)
    if os.environ.get("PYTEST_CURRENT_TEST"):
        raise AssertionError(f"unanswered folder dialog in a test: {caption}")
    return QFileDialog.getExistingDirectory(parent, caption) or None
