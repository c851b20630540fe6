"""Small things people notice (issue 22, item 9): Quit last in its menu, and file dialogs that
open where the user last was rather than in the program's working folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle

from peercoach_desktop.ui.infra import file_choice
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library


def test_quit_is_last_in_the_notebook_menu_after_a_separator(window: MainWindow) -> None:
    notebook_menu = window.menuBar().actions()[0].menu()
    actions = notebook_menu.actions()
    assert actions[-1].objectName() == "action_quit"
    assert actions[-2].isSeparator()
    assert not any(a.objectName() == "action_quit" for a in actions[:-1])


def _back_up(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    set_next_path(str(out))
    window.findChild(QAction, "action_back_up_now").trigger()
    qtbot.waitUntil(lambda: out.exists() and window.tasks.pending == 0, timeout=15_000)
    window.dialogs["safety_message"].accept()


def test_file_dialogs_open_in_the_last_folder_of_their_kind_else_home(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    backups = tmp_path / "my backups"
    backups.mkdir()

    _back_up(qtbot, window, backups / "first.pcnb")
    # Never used before: the user's home, not wherever the program was started from
    assert file_choice.last_start[0] == str(Path.home()) != os.getcwd()

    _back_up(qtbot, window, backups / "second.pcnb")
    assert file_choice.last_start[0] == str(backups)  # where the last backup went

    # Another kind of file keeps its own folder: a sync file does not open among backups
    set_next_path(None)  # the user looks, then cancels
    window.findChild(QAction, "action_import_from_partner").trigger()
    assert file_choice.last_start[0] == str(Path.home())

    # Remembered with the window's state: the next start of the app opens there too
    window.close()
    again = MainWindow(library, Preferences())
    qtbot.addWidget(again)
    again.show()
    again.load()
    idle(qtbot, again)
    _back_up(qtbot, again, backups / "third.pcnb")
    assert file_choice.last_start[0] == str(backups)
