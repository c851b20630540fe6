"""Ten years of notes in the Notes tab (issue 19): the list fetches a page at a time as it is
scrolled, and scrolling on to the end reaches the oldest note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle, note_rows

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.storage.browse import PAGE_SIZE
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.shell.main_window import MainWindow

NOTES = 2 * PAGE_SIZE + 50  # three pages


def write_notes(store: NotebookStore) -> None:
    clock = store.clock
    assert isinstance(clock, FakeClock)
    for n in range(NOTES):
        store.add_note(f"Note number {n:03d}")
        clock.advance(seconds=60)


def test_scrolling_the_notes_list_to_the_end_reaches_the_oldest_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: write_notes(window.workspace.store(pid)))
    window.reload_notebook()
    idle(qtbot, window)
    notes = window.notebook.notes
    window.notebook.setCurrentWidget(notes)
    qtbot.waitUntil(lambda: notes.model.rowCount() == PAGE_SIZE)  # one page, not all of them
    assert note_rows(window)[0] == f"Note number {NOTES - 1:03d}"  # the newest first

    def scrolled_to_the_end() -> bool:
        notes.list.scrollToBottom()  # as the user drags the scroll bar down, again and again
        return notes.model.rowCount() == NOTES

    qtbot.waitUntil(scrolled_to_the_end, timeout=10000)
    rows = note_rows(window)
    assert rows[-1] == "Note number 000"  # the oldest, last
    assert len(set(rows)) == NOTES  # none twice, none left out
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    notes.list.setFocus()
    qtbot.waitUntil(notes.list.hasFocus)
    qtbot.keyClick(notes.list, Qt.Key.Key_End)  # the keyboard's way down selects it
    qtbot.waitUntil(lambda: notes.editor.toPlainText() == "Note number 000")
