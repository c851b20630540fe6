"""Joining a partnership from the window, on a second laptop with its own real keyring: a wrong
pairing passphrase asks again, and the partner's shared notebook shows at once."""

from __future__ import annotations

from pathlib import Path

from helpers import memory_library
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from window_driver import idle, note_rows, visible_texts

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.sync import pairing
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library

PAIRING = "blue heron at dawn"


def column(model, col: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(model.index(row, col).data()) for row in range(model.rowCount())]


def test_joining_from_the_window_shows_the_partners_notebook_at_once(
    qtbot: QtBot, secret_service: dict[str, str], tmp_path: Path
) -> None:
    # Ana's laptop: a partnership with a goal, a session, notes (one private) and a step
    ana = memory_library(tmp_path / "ana")
    created = ana.create("Ana", "Ben", "Ana & Ben")
    store = created.store
    goal = store.add_goal("me", "Speak up in design reviews")
    session = store.add_session("2026-03-02T10:00:00+00:00")
    store.add_note("What I'm hearing is: more structure", session=session.id)
    store.add_note("Ana's private worry", private=True)
    store.add_step("partner", "Draft the review agenda", goal=goal.id)
    pid = store.partnership_id
    store.close()
    invitation = tmp_path / "ben.pcinvite"
    pairing.write_invitation(ana, pid, PAIRING, invitation)
    assert b"private worry" not in invitation.read_bytes()

    # Ben's laptop: its own data dir and its own (real) keyring, the real window
    ben = Library(tmp_path / "ben", OsKeyStore(), FakeClock())
    window = MainWindow(ben, Preferences())
    qtbot.addWidget(window)
    window.show()
    window.load()
    idle(qtbot, window)

    # the menus are built just after the first paint
    qtbot.waitUntil(lambda: window.findChild(QAction, "action_join_a_partnership") is not None)
    action = window.findChild(QAction, "action_join_a_partnership")
    assert action.isEnabled()
    set_next_path(str(invitation))
    action.trigger()
    first = window.dialogs["join_dialog"]
    first.passphrase.setText("blue heron at dusk")  # a typo
    first.accept()
    qtbot.waitUntil(lambda: window.dialogs["join_dialog"] is not first, timeout=15_000)
    again = window.dialogs["join_dialog"]
    qtbot.waitUntil(again.isVisible)
    assert "does not open the invitation" in again.problem.text() and again.problem.isVisible()
    assert ben.descriptors() == []  # nothing created by the wrong passphrase

    again.passphrase.setText(PAIRING)
    again.accept()
    qtbot.waitUntil(lambda: window.dialogs.is_open("recovery_code_dialog"), timeout=15_000)
    errors = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert errors == [], [b.text() for b in errors]
    recovery = window.dialogs["recovery_code_dialog"]
    recovery.stored.setChecked(True)
    recovery.accept()
    idle(qtbot, window)

    # Selected and open, with Ana's shared records in every tab
    assert window.access.partnership_id == pid
    assert window.partnerships.currentItem() is not None
    notebook = window.notebook
    qtbot.waitUntil(lambda: note_rows(window) != [], timeout=5000)
    assert any("more structure" in row for row in note_rows(window))
    assert not any("private worry" in text for text in visible_texts(window))
    qtbot.waitUntil(lambda: notebook.goals.model.rowCount() == 1, timeout=5000)
    assert "Speak up in design reviews" in column(notebook.goals.model)[0]
    qtbot.waitUntil(lambda: notebook.steps.model.rowCount() == 1, timeout=5000)
    assert any("Draft the review agenda" in text for text in column(notebook.steps.model))
    notebook.setCurrentWidget(notebook.sessions)
    qtbot.waitUntil(lambda: notebook.sessions.model.rowCount() == 1, timeout=5000)
    # The key is in Ben's keyring, not in a file
    descriptor = ben.descriptors()[0]
    assert OsKeyStore().get(descriptor.notebook_id) is not None
