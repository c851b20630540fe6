"""The meeting flow in the real window: starting is a choice, a session can be abandoned
before its end without losing what was typed, and the window says when one is open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_driver import CTRL, create_partnership, idle, press

from peercoach_desktop.domain.model import Feedback, Note, Session
from peercoach_desktop.domain.session_timer import Kind
from peercoach_desktop.ui.session import session_widgets
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library


def start_session(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.notebook.session
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert tab.view is None  # the chooser first
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)


def test_abandoning_a_session_asks_first_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    create_partnership(qtbot, window)
    start_session(qtbot, window)
    tab = window.notebook.session
    runner = tab.view
    assert tab.abandon_button.isVisible() and tab.abandon_button.isEnabled()
    assert "Session open since" in tab.running_label.text()
    qtbot.waitUntil(lambda: "A session is open" in window.notebook.overview.toPlainText())
    runner.go_to(runner.timer.first(Kind.TALK))
    qtbot.keyClicks(runner.turn.notes, "She wants to say no more often")
    runner.go_to(runner.timer.first(Kind.FEEDBACK))
    qtbot.keyClicks(runner.feedback.forms[0].fields["situation"], "When you paused")
    runner.go_to(runner.timer.first(Kind.NEXT_STEPS))
    qtbot.keyClicks(runner.next_steps.text, "Ask Kim")  # typed, not added yet

    session_widgets.set_next_answer(False)  # "Abandon this session?" — No: nothing happens
    tab.abandon_button.click()
    assert tab.view is runner and not runner.timer.done
    session_widgets.set_next_answer(True)
    tab.abandon_button.click()
    idle(qtbot, window)
    assert tab.view is None and tab.open_state.text() == "No session is open."
    qtbot.waitUntil(lambda: "No session is open" in window.notebook.overview.toPlainText())
    with library.open(library.descriptors()[0]) as store:
        (session,) = store.list(Session)
        assert session.status == "cancelled" and session.ended_at is not None
        assert [n.body for n in store.list(Note)] == ["She wants to say no more often"]
        assert [f.situation for f in store.list(Feedback)] == ["When you paused"]

    # the next session is a new one, and the step typed but not added is still in its field
    start_session(qtbot, window)
    assert tab.view.state.session.id != session.id
    assert tab.view.next_steps.text.text() == "Ask Kim"
