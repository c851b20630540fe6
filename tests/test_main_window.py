"""The real window, driven offscreen: create, write, search, lock, close."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import files_containing, memory_library
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peercoach_desktop.core.library import Library
from peercoach_desktop.core.model import Note
from peercoach_desktop.ui.main_window import MainWindow
from peercoach_desktop.ui.notes_view import AUTOSAVE_MS

MARKER = "OKAPI-PRIVATE-9931"


@pytest.fixture
def library(data_dir: Path) -> Library:
    return memory_library(data_dir)


@pytest.fixture
def window(qtbot: QtBot, library: Library) -> MainWindow:
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    win.load()
    idle(qtbot, win)
    return win


def idle(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.tasks.pending == 0, timeout=5000)


def create_partnership(qtbot: QtBot, win: MainWindow) -> None:
    win.new_partnership()
    dialog = win.new_partnership_dialog
    qtbot.keyClicks(dialog.me, "Ana")
    qtbot.keyClicks(dialog.partner, "Ben")
    dialog.accept()
    qtbot.waitUntil(lambda: hasattr(win, "recovery_dialog") and win.recovery_dialog.isVisible())
    recovery = win.recovery_dialog
    assert len(recovery.code.text().split("-")) == 14
    assert not recovery.buttons.buttons()[0].isEnabled()  # must confirm first
    recovery.stored.setChecked(True)
    recovery.accept()
    idle(qtbot, win)


def write_note(qtbot: QtBot, win: MainWindow, text: str) -> None:
    win.new_note()
    qtbot.waitUntil(lambda: win.notes.editor.isEnabled() and win.notes.editor.toPlainText() == "New note")
    win.notes.editor.selectAll()
    qtbot.keyClicks(win.notes.editor, text)


def visible_texts(win: MainWindow) -> list[str]:
    texts = [win.windowTitle()]
    for widget in win.findChildren(QWidget):
        for getter in ("text", "toPlainText", "windowTitle", "toolTip"):
            value = getattr(widget, getter, None)
            if callable(value):
                result = value()
                if isinstance(result, str):
                    texts.append(result)
    return texts


def test_first_run_shows_a_welcome_then_a_new_partnership(qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome_page
    create_partnership(qtbot, window)
    assert window.partnerships.count() == 1
    assert "Ana & Ben" in window.partnerships.item(0).text()
    assert window.pages.currentWidget() is window.tabs
    qtbot.waitUntil(lambda: "Ana & Ben" in window.overview.toPlainText())


def test_autosave_survives_closing_right_after_typing(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "typed just before closing")
    window.close()  # well inside the autosave debounce
    with library.open(library.descriptors()[0]) as store:
        assert [n.body for n in store.list(Note)] == ["typed just before closing"]


def test_autosave_writes_after_the_debounce(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "saved by the timer")
    qtbot.wait(AUTOSAVE_MS + 300)
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        assert [n.body for n in store.list(Note)] == ["saved by the timer"]
    assert window.notes.list.item(0).text() == "saved by the timer"


def test_private_toggle_shows_a_lock_and_is_stored(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "only mine")
    window.notes.private.click()
    idle(qtbot, window)
    assert window.notes.list.item(0).text().startswith("[Private]")
    with library.open(library.descriptors()[0]) as store:
        assert store.list(Note)[0].visibility == "private"


def test_search_highlights_and_jumps_to_the_note(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "first about budgets")
    write_note(qtbot, window, "second about feedback")
    window.notes.flush()
    idle(qtbot, window)
    window.focus_search()
    qtbot.keyClicks(window.search_field, "budget")
    qtbot.waitUntil(lambda: window.results.count() == 1)
    assert "«budgets»" in window.results.item(0).text()
    window.results.itemActivated.emit(window.results.item(0))
    qtbot.waitUntil(lambda: window.notes.editor.toPlainText() == "first about budgets")
    assert window.tabs.currentWidget() is window.notes


def test_lock_hides_everything_and_unlock_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, f"secret {MARKER}")
    window.lock()
    assert not any(MARKER in t or "Ana & Ben" in t for t in visible_texts(window))
    assert window.partnerships.count() == 0 and window.pages.currentWidget() is window.lock_page
    assert window.workspace._stores == {}
    assert not window.sidebar.isEnabled()  # no new partnership while locked
    window.unlock()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: window.notes.list.count() == 1)
    assert MARKER in window.notes.list.item(0).text()


def test_idle_time_locks_the_window(qtbot: QtBot, library: Library) -> None:
    win = MainWindow(library, idle_lock_minutes=1)
    qtbot.addWidget(win)
    win.idle_timer.setInterval(200)  # the same timer, shortened for the test
    win.show()
    win.load()
    qtbot.waitUntil(lambda: win.locked, timeout=3000)
    assert win.pages.currentWidget() is win.lock_page


def test_window_leaves_no_plaintext_in_the_data_dir(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, f"words {MARKER}")
    window.close()
    assert files_containing(data_dir, MARKER) == []


def test_item_models_pass_the_model_tester(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "a note")
    window.notes.flush()
    idle(qtbot, window)
    for view in (window.partnerships, window.notes.list, window.results):
        qtmodeltester.check(view.model())
