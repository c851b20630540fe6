"""Shared test fixtures (a library with keys in memory, a notebook, the real main window)
and the steps a user takes in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import memory_library
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.notebook_tools.summary_dialog import SummaryDialog
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library


@pytest.fixture
def library(data_dir: Path) -> Library:
    return memory_library(data_dir)


@pytest.fixture
def store(library: Library) -> Iterator[NotebookStore]:
    """A fresh notebook: Ana (me) and Ben."""
    created = library.create("Ana", "Ben", "Ana & Ben")
    yield created.store
    created.store.close()


@pytest.fixture
def window(qtbot: QtBot, library: Library) -> MainWindow:
    win = MainWindow(library, Preferences())
    qtbot.addWidget(win)
    win.show()
    win.load()
    idle(qtbot, win)
    return win


def idle(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=5000)


def create_partnership(qtbot: QtBot, win: MainWindow) -> None:
    win.new_partnership()
    dialog = win.dialogs["new_partnership_dialog"]
    qtbot.keyClicks(dialog.me, "Ana")
    qtbot.keyClicks(dialog.partner, "Ben")
    dialog.accept()
    qtbot.waitUntil(lambda: win.dialogs.is_open("recovery_code_dialog"))
    recovery = win.dialogs["recovery_code_dialog"]
    assert len(recovery.code.text().split("-")) == 14
    assert not recovery.buttons.buttons()[0].isEnabled()  # must confirm first
    recovery.stored.setChecked(True)
    recovery.accept()
    idle(qtbot, win)


def press(qtbot: QtBot, win: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A keyboard shortcut, as a user presses it in the (active) main window."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def write_note(qtbot: QtBot, win: MainWindow, text: str) -> None:
    """New note (a draft, saved with its first words), then typing, with the keyboard."""
    notes = win.notebook.notes
    press(qtbot, win, Qt.Key.Key_N, CTRL_SHIFT)
    assert notes.editor.hasFocus() and notes.editor.toPlainText() == ""  # at once: no wait
    qtbot.keyClicks(QApplication.focusWidget(), text)


def note_rows(win: MainWindow) -> list[str]:
    """The notes list's first lines (the second says kind, author, date and links)."""
    model = win.notebook.notes.model
    return [model.index(row, 0).data().split("\n")[0] for row in range(model.rowCount())]


def visible_texts(win: MainWindow) -> list[str]:
    texts = [win.windowTitle()]
    for widget in win.findChildren(QWidget):
        for getter in ("text", "toPlainText", "windowTitle", "toolTip"):
            value = getattr(widget, getter, None)
            if callable(value):
                result = value()
                if isinstance(result, str):
                    texts.append(result)
    for view in win.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            texts += [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    for combo in win.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return texts


def open_sample_summary(qtbot: QtBot, win: MainWindow) -> SummaryDialog:
    """A new partnership with test_summary's sample session; its summary dialog, opened from
    the Sessions tab with that session selected."""
    from test_summary import fill

    create_partnership(qtbot, win)
    pid = win.access.partnership_id
    win.tasks.run_and_wait(lambda: fill(win.workspace.store(pid)))
    win.reload_notebook()
    idle(qtbot, win)
    win.notebook.setCurrentWidget(win.notebook.sessions)
    qtbot.waitUntil(lambda: win.notebook.sessions.model.rowCount() == 1)
    win.notebook.sessions.table.selectRow(0)
    win.findChild(QAction, "action_export_a_summary").trigger()
    return win.dialogs["summary_dialog"]
