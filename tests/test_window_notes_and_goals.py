"""Typing goes to the record on screen, and notes say what they are about: driven through
the real window as a coach uses it (shortcuts, typing at once, ticking boxes first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_driver import CTRL_SHIFT, create_partnership, idle, note_rows, press

from peercoach_desktop.domain.model import Goal, Note, Session
from peercoach_desktop.ui.notebook.notes_view import AUTOSAVE_MS
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library


def type_here(qtbot: QtBot, text: str) -> None:
    """Keys to whatever has the keyboard focus, as a fast typist's next keystrokes."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def new_goal(qtbot: QtBot, win: MainWindow, title: str) -> None:
    goals = win.notebook.goals
    press(qtbot, win, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.waitUntil(lambda: goals.title.text() == "New goal" and goals.title.hasFocus())
    type_here(qtbot, title)  # the title is selected: typing replaces it


def test_typing_right_after_new_goal_never_lands_in_the_previous_goal(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    new_goal(qtbot, window, "Speak up in meetings")
    goals = window.notebook.goals
    assert goals.title.hasFocus()
    press(qtbot, window, Qt.Key.Key_G, CTRL_SHIFT)
    # at once, before the new goal exists: neither the focused widget nor the old title takes it
    type_here(qtbot, "Delegate")
    qtbot.keyClicks(goals.title, "Delegate")
    assert goals.title.text() != "Speak up in meetingsDelegate"
    qtbot.waitUntil(lambda: goals.title.text() == "New goal" and goals.title.hasFocus())
    type_here(qtbot, "Delegate more")
    window.notebook.flush()
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        titles = sorted(g.title for g in store.list(Goal))
        first = next(g for g in store.list(Goal) if g.title == "Speak up in meetings")
        assert store.versions(first.id)[0].fields["title"] == "New goal"  # no version with stray keys
    assert titles == ["Delegate more", "Speak up in meetings"]


def test_typing_right_after_new_note_goes_to_the_new_note(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    notes = window.notebook.notes
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    type_here(qtbot, "first thoughts")
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    type_here(qtbot, "second thoughts")  # no wait at all
    assert notes.editor.toPlainText() == "second thoughts"
    window.notebook.flush()
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        assert sorted(n.body for n in store.list(Note)) == ["first thoughts", "second thoughts"]
    assert note_rows(window) == ["second thoughts", "first thoughts"]


def test_a_note_is_private_from_its_first_save_when_ticked_before_typing(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    notes = window.notebook.notes
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    notes.private.click()  # before a word is typed: nothing is saved yet
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        assert store.list(Note) == []  # an empty new note is no record
    notes.editor.setFocus()
    type_here(qtbot, "I felt out of my depth")
    qtbot.wait(AUTOSAVE_MS + 300)
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        (note,) = store.list(Note)
        assert note.visibility == "private" and store.versions(note.id) == []  # never shared, not once
    assert note_rows(window) == ["[Private] I felt out of my depth"]


def test_new_notes_follow_the_private_preference(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    window.preferences.set("new_notes_private", True)
    window.apply_preferences()
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    assert window.notebook.notes.private.isChecked()


def test_notes_carry_goal_session_and_kind_and_the_goal_lists_them(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    new_goal(qtbot, window, "Speak up in meetings")
    pid = window.access.partnership_id
    session = window.tasks.run_and_wait(lambda: window.workspace.store(pid).add_session("2026-03-03T10:00"))
    window.notebook.flush()
    window.reload_notebook()
    idle(qtbot, window)

    notes = window.notebook.notes
    window.notebook.setCurrentWidget(notes)
    qtbot.waitUntil(lambda: notes.links.goal.count() == 2 and notes.links.session.count() == 2)
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    links = notes.links
    links.kind.setCurrentIndex(links.kind.findData("reflection"))
    links.goal.setCurrentIndex(links.goal.findText("Speak up in meetings"))
    links.session.setCurrentIndex(1)
    notes.editor.setFocus()
    type_here(qtbot, "I waited too long to speak")
    window.notebook.flush()
    idle(qtbot, window)
    with library.open(library.descriptors()[0]) as store:
        (note,) = store.list(Note)
        goal = store.list(Goal)[0]
        assert (note.kind, note.goal_id, note.session_id) == ("reflection", goal.id, session.id)
        assert store.list(Session)[0].id == session.id
    row = notes.model.index(0, 0).data()
    assert "Reflection" in row and "Ana" in row and "Goal: Speak up in meetings" in row

    # the filter: by kind and by goal
    notes.filter.kind.setCurrentIndex(notes.filter.kind.findData("feedback"))
    qtbot.waitUntil(lambda: notes.model.rowCount() == 0)
    notes.filter.kind.setCurrentIndex(notes.filter.kind.findData("reflection"))
    notes.filter.goal.setCurrentIndex(notes.filter.goal.findText("Speak up in meetings"))
    qtbot.waitUntil(lambda: notes.model.rowCount() == 1)

    goals = window.notebook.goals
    window.notebook.setCurrentWidget(goals)
    goals.select(goal.id)
    qtbot.waitUntil(lambda: "Notes (1)" in goals.linked.toPlainText())
    assert "I waited too long to speak" in goals.linked.toPlainText()


def test_a_private_note_written_in_the_window_reaches_its_sessions_summary_when_asked(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtGui import QAction

    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: window.workspace.store(pid).add_session("2026-03-03T10:00"))
    window.reload_notebook()
    idle(qtbot, window)
    notes = window.notebook.notes
    window.notebook.setCurrentWidget(notes)
    qtbot.waitUntil(lambda: notes.links.session.count() == 2)
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    notes.private.click()
    notes.links.session.setCurrentIndex(1)
    notes.editor.setFocus()
    type_here(qtbot, "I rushed to advice")
    window.notebook.flush()
    idle(qtbot, window)

    sessions = window.notebook.sessions
    window.notebook.setCurrentWidget(sessions)
    qtbot.waitUntil(lambda: sessions.model.rowCount() == 1)
    sessions.table.selectRow(0)
    qtbot.waitUntil(lambda: "I rushed to advice" in sessions.detail.toPlainText())
    window.findChild(QAction, "action_export_a_summary").trigger()
    dialog = window.dialogs["summary_dialog"]
    qtbot.waitUntil(lambda: "Not held" in dialog.preview.toPlainText())
    assert "I rushed to advice" not in dialog.preview.toPlainText()
    assert "Includes private notes" not in dialog.preview.toPlainText()
    dialog.private.setChecked(True)
    qtbot.waitUntil(lambda: "I rushed to advice" in dialog.preview.toPlainText())
    assert "Includes private notes" in dialog.preview.toPlainText()
    dialog.reject()


def test_history_wraps_at_words_and_restores_the_versions_private_flag(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    notes = window.notebook.notes
    long_words = " ".join(f"word{n:02d}" for n in range(60))
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    type_here(qtbot, f"shared {long_words}")
    window.notebook.flush()
    idle(qtbot, window)
    library.clock.advance(seconds=600)  # a later sitting
    notes.private.click()
    notes.editor.selectAll()
    type_here(qtbot, f"private {long_words} more")
    window.notebook.flush()
    idle(qtbot, window)
    assert note_rows(window)[0].startswith("[Private]")

    press(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: "history_dialog" in window.dialogs and window.dialogs["history_dialog"].list.count() == 1
    )
    dialog = window.dialogs["history_dialog"]
    assert "[Private]" not in dialog.list.item(0).text()  # the version was shared
    # every line of the side-by-side view ends between two words, never inside one
    document, broken, lines = dialog.diff.document(), [], 0
    document.setTextWidth(400)  # a narrow dialog: each side about 200 px
    document.size()  # lays it out
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        lines += layout.lineCount()
        for i in range(layout.lineCount() - 1):
            end = layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
            if not (text[end - 1 : end].isspace() or text[end : end + 1].isspace()):
                broken.append(text[end - 8 : end + 8])
        block = block.next()
    assert lines > 2 * document.blockCount() and broken == []  # it wrapped, and only between words
    dialog.restore.click()
    qtbot.waitUntil(lambda: bool(note_rows(window)) and note_rows(window)[0].startswith("shared"))
    with library.open(library.descriptors()[0]) as store:
        (note,) = store.list(Note)
        assert note.visibility == "shared"  # as that version was
