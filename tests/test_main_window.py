"""The real window, driven offscreen: create, write, search, lock, close."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from helpers import files_containing
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from window_driver import (
    CTRL,
    CTRL_SHIFT,
    create_partnership,
    idle,
    note_rows,
    press,
    visible_texts,
    write_note,
)

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import DEFAULT_TURN_MINUTES, Goal, NextStep, Note
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.notebook.notes_view import AUTOSAVE_MS
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.ui.shell.single_instance import InstanceServer, start_or_wake, wake_running
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

MARKER = "OKAPI-PRIVATE-9931"


def test_first_run_shows_a_welcome_then_a_new_partnership(qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome_page
    create_partnership(qtbot, window)
    assert window.partnerships.count() == 1
    assert "Ana & Ben" in window.partnerships.item(0).text()
    assert window.pages.currentWidget() is window.notebook
    qtbot.waitUntil(lambda: "Ana & Ben" in window.notebook.overview.toPlainText())
    assert window.windowTitle().startswith("Ana & Ben")


def test_autosave_survives_closing_right_after_typing(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "typed just before closing")
    window.close()  # well inside the autosave debounce
    with open_notebook(library, library.descriptors()[0]) as store:
        assert [n.body for n in store.list(Note)] == ["typed just before closing"]


def test_autosave_writes_after_the_debounce(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "saved by the timer")
    qtbot.wait(AUTOSAVE_MS + 300)
    idle(qtbot, window)
    with open_notebook(library, library.descriptors()[0]) as store:
        assert [n.body for n in store.list(Note)] == ["saved by the timer"]
    assert note_rows(window) == ["saved by the timer"]


def test_private_toggle_shows_a_lock_and_is_stored(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "only mine")
    window.notebook.notes.private.click()
    idle(qtbot, window)
    assert note_rows(window)[0].startswith("[Private]")
    with open_notebook(library, library.descriptors()[0]) as store:
        assert store.list(Note)[0].visibility == "private"


def test_search_highlights_and_jumps_to_the_note(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "first about budgets")
    write_note(qtbot, window, "second about feedback")
    window.notebook.flush()
    idle(qtbot, window)
    search = window.notebook.search
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.notebook.currentWidget() is search
    qtbot.keyClicks(search.field, "budget")
    qtbot.waitUntil(lambda: search.results.count() == 1)
    assert "«budgets»" in search.results.item(0).text()
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.notebook.notes.editor.toPlainText() == "first about budgets")
    assert window.notebook.currentWidget() is window.notebook.notes


def add_goal(qtbot: QtBot, win: MainWindow, title: str) -> None:
    goals = win.notebook.goals
    press(qtbot, win, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.waitUntil(lambda: goals.title.text() == "New goal" and goals.form.isEnabled())
    goals.title.selectAll()
    qtbot.keyClicks(goals.title, title)


def test_goal_form_saves_itself_and_search_jumps_to_it(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    add_goal(qtbot, window, "Delegate the budget review")
    goals = window.notebook.goals
    goals.progress.setValue(40)
    goals.status.setCurrentIndex(goals.status.findData("paused"))
    goals.target.enabled.setChecked(True)
    goals.target.date.setDate(QDate(2027, 3, 31))
    qtbot.keyClicks(goals.why, "I am the bottleneck")
    qtbot.wait(AUTOSAVE_MS + 300)
    idle(qtbot, window)
    with open_notebook(library, library.descriptors()[0]) as store:
        saved = store.list(Goal)[0]
    assert (saved.title, saved.progress, saved.status, saved.target_date, saved.why) == (
        "Delegate the budget review",
        40,
        "paused",
        "2027-03-31",
        "I am the bottleneck",
    )
    assert "Delegate the budget review" in goals.model.index(0, 0).data()
    window.notebook.setCurrentWidget(window.notebook.notes)
    window.notebook.search.field.setText("bottleneck")
    qtbot.waitUntil(lambda: window.notebook.search.results.count() == 1)
    assert window.notebook.search.results.item(0).text().startswith("Goal:")
    window.notebook.search.results.itemActivated.emit(window.notebook.search.results.item(0))
    assert window.notebook.currentWidget() is goals
    assert goals.title.text() == "Delegate the budget review"


def test_next_steps_checklist_with_owner_due_date_and_goal(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    add_goal(qtbot, window, "Speak up")
    window.notebook.flush()
    idle(qtbot, window)
    steps = window.notebook.steps
    press(qtbot, window, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.notebook.currentWidget() is steps
    qtbot.waitUntil(lambda: steps.goal.count() == 2)
    steps.owner.set_owner("partner")
    steps.due.enabled.setChecked(True)
    steps.due.date.setDate(QDate(2020, 1, 2))  # long past: overdue
    steps.goal.setCurrentIndex(1)
    qtbot.keyClicks(steps.text, "Ask one question on Monday")
    qtbot.keyClick(steps.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.model.rowCount() == 1)
    assert steps.text.text() == ""
    row = [steps.model.index(0, c).data() for c in range(4)]
    assert row == ["Ask one question on Monday", "Ben", "2020-01-02 (overdue)", "Open"]
    qtbot.waitUntil(lambda: "overdue" in window.notebook.overview.toPlainText())

    # tick the checkbox: done, and it leaves the list of open steps
    steps.model.setData(steps.model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    idle(qtbot, window)
    assert steps.model.index(0, 3).data() == "Done"
    steps.show_all.setChecked(True)
    idle(qtbot, window)
    steps.table.selectRow(0)
    qtbot.mouseClick(steps.findChild(QPushButton, "step_drop"), Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    with open_notebook(library, library.descriptors()[0]) as store:
        saved = store.list(NextStep)[0]
        goal = store.list(Goal)[0]
        partner = store.partner()
    assert (saved.status, saved.owner_id, saved.due_date, saved.goal_id) == (
        "dropped",
        partner.id,
        "2020-01-02",
        goal.id,
    )


def test_session_history_shows_planned_meetings(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    sessions = window.notebook.sessions
    window.notebook.setCurrentWidget(sessions)
    sessions.when.setDateTime(QDateTime(QDate(2031, 5, 6), QTime(9, 30)))
    qtbot.mouseClick(sessions.findChild(QPushButton, "plan_session"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sessions.model.rowCount() == 1)
    assert sessions.model.index(0, 0).data() == "Tue 06 May 2031, 09:30"
    assert sessions.model.index(0, 1).data() == "Planned"
    qtbot.waitUntil(lambda: "Tue 06 May 2031, 09:30" in window.partnerships.item(0).text())
    sessions.table.selectRow(0)
    qtbot.waitUntil(lambda: "15-minute turns" in sessions.detail.toPlainText())


def test_lock_hides_everything_and_unlock_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, f"secret {MARKER}")
    add_goal(qtbot, window, f"goal {MARKER}")
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.locked
    assert not any(MARKER in t or "Ana & Ben" in t for t in visible_texts(window))
    assert window.partnerships.count() == 0 and window.pages.currentWidget() is window.lock_page
    idle(qtbot, window)  # the notebooks close on the worker, after the last saves
    assert window.workspace._stores == {}
    assert not window.sidebar.isEnabled()  # no new partnership while locked
    window.unlock()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: len(note_rows(window)) == 1)
    assert MARKER in note_rows(window)[0]
    assert MARKER in window.notebook.goals.model.index(0, 0).data()


def test_idle_time_locks_the_window(qtbot: QtBot, library: Library) -> None:
    preferences = Preferences()
    preferences.set("idle_lock_minutes", 1)
    win = MainWindow(library, preferences)
    qtbot.addWidget(win)
    assert win.idle_timer.interval() == 60_000
    win.idle_timer.setInterval(200)  # the same timer, shortened for the test
    win.show()
    win.load()
    qtbot.waitUntil(lambda: win.locked, timeout=3000)
    assert win.pages.currentWidget() is win.lock_page


def test_input_restarts_the_idle_countdown_once_the_window_has_started(
    qtbot: QtBot, window: MainWindow
) -> None:
    create_partnership(qtbot, window)
    qtbot.waitUntil(lambda: window.actions_built)  # input is watched from here on
    assert window.idle_timer.isActive()
    window.idle_timer.stop()
    qtbot.keyClick(window.notebook.overview, Qt.Key.Key_Down)
    assert window.idle_timer.isActive()
    window.idle_timer.stop()
    qtbot.mouseClick(window.partnerships.viewport(), Qt.MouseButton.LeftButton)
    assert window.idle_timer.isActive()


def test_preferences_are_kept_and_applied(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    window.open_preferences()
    dialog = window.dialogs["preferences_dialog"]
    dialog.turn_minutes.setValue(25)
    dialog.idle_minutes.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.history_versions.setValue(7)
    dialog.accept()
    idle(qtbot, window)
    assert window.workspace.history_policy.max_versions == 7  # every open notebook keeps 7 now
    assert window.idle_timer.interval() == 12 * 60_000
    assert window.notebook.sessions.turn_minutes == 25
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    fresh = Preferences()  # what the next start reads
    assert (fresh.get("turn_minutes"), fresh.get("idle_lock_minutes"), fresh.get("theme")) == (25, 12, "dark")
    window.open_preferences()
    window.dialogs["preferences_dialog"].theme.setCurrentIndex(
        window.dialogs["preferences_dialog"].theme.findData("light")
    )
    window.dialogs["preferences_dialog"].accept()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_window_geometry_is_remembered(qtbot: QtBot, library: Library) -> None:
    first = MainWindow(library, Preferences())
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 455)
    first.close()
    second = MainWindow(library, Preferences())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 455)


def test_a_passphrase_notebook_asks_for_its_passphrase(qtbot: QtBot, library: Library) -> None:
    library.create("Ana", "Cleo", "With Cleo", passphrase="correct horse battery").store.close()
    win = MainWindow(library, Preferences())
    qtbot.addWidget(win)
    win.show()
    win.load()
    qtbot.waitUntil(
        lambda: win.dialogs.is_open("passphrase_dialog"),
        timeout=10_000,
    )
    qtbot.keyClicks(win.dialogs["passphrase_dialog"].passphrase, "correct horse battery")
    win.dialogs["passphrase_dialog"].accept()
    qtbot.waitUntil(lambda: "With Cleo" in win.notebook.overview.toPlainText(), timeout=10_000)
    qtbot.waitUntil(lambda: "With Cleo" in win.partnerships.item(0).text())  # the sidebar refreshes after


def test_no_keyring_offers_a_passphrase_notebook(qtbot: QtBot, data_dir: Path) -> None:
    library = Library(data_dir, OsKeyStore(), FakeClock())  # tests have only the refused "fail" backend
    win = MainWindow(library, Preferences())
    qtbot.addWidget(win)
    win.show()
    win.load()
    idle(qtbot, win)
    create_partnership_fields(qtbot, win)
    win.dialogs["new_partnership_dialog"].accept()
    qtbot.waitUntil(
        lambda: win.dialogs["new_partnership_dialog"].findChild(QLabel, "keyring_problem") is not None
    )
    dialog = win.dialogs["new_partnership_dialog"]
    assert dialog.use_passphrase.isChecked()
    qtbot.keyClicks(dialog.me, "Ana")
    qtbot.keyClicks(dialog.partner, "Ben")
    qtbot.keyClicks(dialog.passphrase, "correct horse battery")
    assert not dialog.buttons.buttons()[0].isEnabled()  # not repeated yet
    qtbot.keyClicks(dialog.repeat, "correct horse battery")
    dialog.accept()
    qtbot.waitUntil(lambda: "recovery_code_dialog" in win.dialogs, timeout=10_000)
    assert [d.key_mode for d in library.descriptors()] == ["passphrase"]


def create_partnership_fields(qtbot: QtBot, win: MainWindow) -> None:
    win.new_partnership()
    qtbot.keyClicks(win.dialogs["new_partnership_dialog"].me, "Ana")
    qtbot.keyClicks(win.dialogs["new_partnership_dialog"].partner, "Ben")


def test_window_leaves_no_plaintext_in_the_data_dir(
    qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, f"words {MARKER}")
    add_goal(qtbot, window, f"goal {MARKER}")
    window.close()
    assert files_containing(data_dir, MARKER) == []
    assert files_containing(tmp_path / "config", MARKER) == []  # preferences and window state


def test_item_models_pass_the_model_tester(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "a note")
    add_goal(qtbot, window, "a goal")
    window.notebook.flush()
    idle(qtbot, window)
    view = window.notebook
    for model in (
        window.partnerships.model(),
        view.notes.model,
        view.goals.model,
        view.steps.model,
        view.sessions.model,
        view.search.results.model(),
    ):
        qtmodeltester.check(model)


def _inside_a_qt_control(widget: QWidget) -> bool:
    """Scroll buttons, headers, popups: parts Qt builds inside its own composite controls."""
    composite = (
        QComboBox,
        QAbstractSpinBox,
        QTabBar,
        QAbstractItemView,
        QCalendarWidget,
        QMenuBar,
        QLineEdit,
    )
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, composite):
            return True
        parent = parent.parent()
    return False


def test_every_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    controls = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QComboBox, QAbstractSpinBox)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if isinstance(w, controls)
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text().replace("&", ""))
        and not _inside_a_qt_control(w)
    ]
    assert unnamed == [], unnamed


def test_a_second_launch_wakes_the_first(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    server = InstanceServer(data_dir)
    assert server.listening
    with qtbot.waitSignal(server.wake_requested, timeout=3000):
        assert wake_running(data_dir)
    assert not wake_running(tmp_path / "another-data-dir")  # each data dir has its own instance
    server.close()
    assert not wake_running(data_dir)


def test_the_turn_length_preference_defaults_to_the_core_default() -> None:
    assert Preferences().get("turn_minutes") == DEFAULT_TURN_MINUTES


def test_a_session_runs_in_the_window_resumes_after_lock_and_lock_hides_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    create_partnership(qtbot, window)
    tab = window.notebook.session
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert window.notebook.currentWidget() is tab
    # Ctrl+R opens the chooser, it does not start a session behind the user's back
    assert tab.view is None and tab.start_button.hasFocus()
    assert tab.open_state.text() == "No session is open."
    assert "new session" in tab.start_button.text().replace("&", "")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the focused Start button
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    first = tab.view.state.session.id
    assert any("Ben" in t for t in visible_texts(window))  # the runner names the peers
    window.lock()
    assert tab.view is None
    assert not any("Ben" in t for t in visible_texts(window))
    window.unlock()
    idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: "A session is open since" in tab.open_state.text())
    assert "Resume the open session" in tab.start_button.text().replace("&", "")
    assert "A session is open" in window.notebook.overview.toPlainText()
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    assert tab.view.state.session.id == first  # the running session resumes, not a new one


def test_the_instance_socket_is_claimed_before_the_window_serves_it(qtbot: QtBot, data_dir: Path) -> None:
    running, claimed = start_or_wake(data_dir)
    assert not running and claimed is not None
    assert start_or_wake(data_dir) == (True, None)  # a second launch finds the first before it painted
    server = InstanceServer(data_dir, claimed=claimed)
    assert server.listening
    with qtbot.waitSignal(server.wake_requested, timeout=3000):
        assert wake_running(data_dir)
    server.close()


def test_a_result_arriving_after_lock_stays_hidden_until_unlock(qtbot: QtBot, window: MainWindow) -> None:
    window.new_partnership()
    dialog = window.dialogs["new_partnership_dialog"]
    qtbot.keyClicks(dialog.me, "Ana")
    qtbot.keyClicks(dialog.partner, f"Ben {MARKER}")
    dialog.accept()  # the notebook is created on the worker…
    window.lock()  # …while the user locks
    idle(qtbot, window)
    assert not any(MARKER in t for t in visible_texts(window))
    recovery = window.dialogs.get("recovery_code_dialog")
    assert recovery is None or not recovery.isVisible()  # no recovery code over the lock screen
    window.unlock()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "notices") is not None)
    assert "Change the key" in window.findChild(QMessageBox, "notices").text()


def test_delete_goes_to_the_trash_and_undo_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "keep me")
    write_note(qtbot, window, "delete me")
    window.notebook.flush()
    idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Delete, CTRL_SHIFT)  # the note in the editor goes to the trash
    qtbot.waitUntil(lambda: note_rows(window) == ["keep me"])
    window.findChild(QAction, "action_trash").trigger()
    qtbot.waitUntil(lambda: window.dialogs["trash_dialog"].list.count() == 1)
    assert window.dialogs["trash_dialog"].list.item(0).text().startswith("Note: delete me")
    window.dialogs["trash_dialog"].reject()
    window.notebook.setCurrentWidget(window.notebook.overview)  # focus away from the text editor
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: sorted(note_rows(window)) == ["delete me", "keep me"])


def test_undo_reverses_a_next_step_marked_done(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    create_partnership(qtbot, window)
    steps = window.notebook.steps
    window.notebook.setCurrentWidget(steps)
    qtbot.keyClicks(steps.text, "Call the client")
    qtbot.keyClick(steps.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.model.rowCount() == 1)
    steps.set_status(steps.model.item(0), "done")
    idle(qtbot, window)
    window.notebook.setCurrentWidget(window.notebook.overview)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    idle(qtbot, window)
    with open_notebook(library, library.descriptors()[0]) as store:
        assert [s.status for s in store.list(NextStep)] == ["open"]


def test_history_shows_what_changed_and_restores_an_earlier_version(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    write_note(qtbot, window, "We agreed on Tuesday")
    window.notebook.flush()
    idle(qtbot, window)
    library.clock.advance(seconds=600)  # a later sitting
    window.notebook.notes.editor.selectAll()
    qtbot.keyClicks(window.notebook.notes.editor, "We agreed on Friday")
    window.notebook.flush()
    idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)
    # the Tuesday words only: a new note is saved with its first words, no placeholder before them
    qtbot.waitUntil(
        lambda: "history_dialog" in window.dialogs and window.dialogs["history_dialog"].list.count() == 1
    )
    diff = window.dialogs["history_dialog"].diff.toPlainText()
    assert "Tuesday" in diff and "Friday" in diff
    window.dialogs["history_dialog"].restore.click()
    qtbot.waitUntil(lambda: window.notebook.notes.editor.toPlainText() == "We agreed on Tuesday")
    with open_notebook(library, library.descriptors()[0]) as store:
        note = store.list(Note)[0]
        assert note.body == "We agreed on Tuesday"
        assert store.versions(note.id)[0].fields["body"] == "We agreed on Friday"  # kept, not overwritten


def test_a_crashed_instances_socket_file_is_replaced(data_dir: Path) -> None:
    import socket

    from peercoach_desktop.ui.shell.single_instance import server_name

    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(server_name(data_dir))
    left.close()  # its file stays behind, nobody listening: as after a crash
    running, claimed = start_or_wake(data_dir)
    assert not running and claimed is not None
    import os

    os.close(claimed)
    os.unlink(server_name(data_dir))


def test_a_next_step_typed_but_not_added_survives_a_lock(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    steps = window.notebook.steps
    window.notebook.setCurrentWidget(steps)
    qtbot.keyClicks(steps.text, f"Call the client {MARKER}")
    window.lock()
    assert not any(MARKER in t for t in visible_texts(window))
    window.unlock()
    idle(qtbot, window)
    window.notebook.setCurrentWidget(window.notebook.steps)
    qtbot.waitUntil(lambda: window.notebook.steps.text.text() == f"Call the client {MARKER}")


def test_a_next_step_typed_in_the_session_runner_survives_a_lock(qtbot: QtBot, window: MainWindow) -> None:
    create_partnership(qtbot, window)
    tab = window.notebook.session
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    tab.view.next_steps.text.setText(f"Send the agenda {MARKER}")
    window.lock()
    assert not any(MARKER in t for t in visible_texts(window))
    window.unlock()
    idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    assert tab.view.next_steps.text.text() == f"Send the agenda {MARKER}"


def test_lock_hides_at_once_while_the_worker_is_busy(qtbot: QtBot, window: MainWindow) -> None:
    """A busy worker (a keyring prompt, a large import) never keeps a notebook on screen: lock()
    hides and returns without waiting for it; the saves it queued still land afterwards."""
    create_partnership(qtbot, window)
    write_note(qtbot, window, f"typed before the lock {MARKER}")
    tab = window.notebook.session
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    tab.start_button.click()  # the runner's save is the one that used to wait on the worker
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    release, finished = threading.Event(), threading.Event()

    def busy() -> None:  # holds the worker until the test lets go (at most 3 s)
        release.wait(3.0)
        finished.set()

    window.tasks.run(busy)
    window.lock()
    assert not finished.is_set(), "lock() waited for the busy worker"
    assert window.pages.currentWidget() is window.lock_page
    assert not any(MARKER in t or "Ben" in t for t in visible_texts(window))
    release.set()
    idle(qtbot, window)
    window.unlock()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: any(MARKER in row for row in note_rows(window)))


def test_an_unexpected_error_in_the_window_is_one_sentence_and_a_local_log(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peercoach_desktop.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(str(data_dir), window)
    try:
        raise RuntimeError(f"a note's words {MARKER}")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    box = window.findChild(QMessageBox, "error_message")
    assert box is not None and box.isVisible()
    assert "Something went wrong (RuntimeError)" in box.text() and MARKER not in box.text()
    log = (data_dir / "logs" / "errors.log").read_text()
    assert "RuntimeError" in log and "test_main_window.py" in log
    assert MARKER not in log  # the message may quote a note: only the type and the frames
