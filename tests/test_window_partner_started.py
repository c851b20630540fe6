"""Running one meeting on two laptops, in the real window: when the partner's laptop starts the
meeting after this one did, and their file comes through the sync folder, the runner says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sync_helpers import make_pair
from test_window_meeting import start_session
from window_driver import idle

from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain.model import Session
from peercoach_desktop.sync.folder import FolderState, sync_round
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow


def test_the_runner_says_when_the_partner_starts_the_meeting_later(qtbot: QtBot, tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    pair.ana.close()  # Ana's laptop: the window opens her notebook
    window = MainWindow(pair.ana_library, Preferences())
    qtbot.addWidget(window)
    window.show()
    window.load()
    idle(qtbot, window)
    try:
        start_session(qtbot, window)  # Ana first: nothing from Ben yet
        view = window.notebook.session.view
        assert "started this session" not in view.status.text()

        pair.clock.advance(120)
        ben_state = runner.open_session(pair.ben, pair.clock)  # Ben presses Start two minutes later
        assert ben_state.session.id == view.state.session.id  # the same meeting
        shared = tmp_path / "shared"
        shared.mkdir()
        sync_round(pair.ben, pair.key, pair.ben_library.descriptors()[0].notebook_id, shared, FolderState())

        qtbot.waitUntil(lambda: window.findChild(QAction, "action_sync_folder") is not None)
        set_next_path(str(shared))
        window.findChild(QAction, "action_sync_folder").trigger()
        qtbot.waitUntil(
            lambda: view.status.text().startswith("Ben started this session on their laptop at "),
            timeout=15_000,
        )
        assert window.notebook.session.view is view  # the same runner, still running
        pid = window.access.partnership_id
        sessions = window.tasks.run_and_wait(lambda: window.workspace.store(pid).list(Session))
        assert len(sessions) == 1
    finally:
        pair.ben.close()
