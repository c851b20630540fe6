"""The sync folder's status line in the real window: who it is in step with and since when,
kept true as time passes, or the one problem that needs the user until it is gone."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import memory_library
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_driver import create_partnership

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.sync import exchange, file_names, pairing
from peercoach_desktop.sync.folder import FolderState, sync_round
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

PAIRING = "blue heron at dawn"
TIME = r"\d{1,2}:\d{2}( [AP]M)?"  # the locale's short time of day, today


def test_the_status_names_the_partner_stays_true_and_shows_a_bad_file_until_it_goes(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    assert pid is not None
    invitation = tmp_path / "ben.pcinvite"
    pairing.write_invitation(library, pid, PAIRING, invitation)
    ben_library = memory_library(tmp_path / "ben")
    ben_descriptor = pairing.join(ben_library, invitation.read_bytes(), PAIRING).descriptor
    shared = tmp_path / "shared"
    shared.mkdir()
    with open_notebook(ben_library, ben_descriptor) as ben:  # Ben's laptop has written its file
        ben.add_note("Ben's note")
        key = exchange.sync_key(ben_library, ben_descriptor, ben)
        sync_round(ben, key, ben_descriptor.notebook_id, shared, FolderState())

    qtbot.waitUntil(lambda: window.findChild(QAction, "action_sync_folder") is not None)
    set_next_path(str(shared))
    window.findChild(QAction, "action_sync_folder").trigger()
    folders = window.sync_folders

    def status() -> str:
        return folders.label.text() if folders.label is not None else ""

    qtbot.waitUntil(lambda: status().startswith("Synced with Ben just now"), timeout=10_000)
    assert re.fullmatch(f"Synced with Ben just now · sent {TIME} · received {TIME}", status()), status()

    # time passes, nothing changes: the poll's tick keeps "ago" true (no round needed for it)
    clock = library.clock
    assert isinstance(clock, FakeClock)
    clock.advance(150)
    qtbot.waitUntil(lambda: status().startswith("Synced with Ben 2 min ago · "), timeout=10_000)
    clock.advance(3 * 3600)
    qtbot.waitUntil(lambda: status().startswith("Synced with Ben 3 h ago · "), timeout=10_000)

    # a damaged file of this partnership: named in the status, and it stays there, not for one
    # round only, until the file is gone
    bad = shared / (file_names.short(pid) + "-0000aaaa-beef.pcsync")
    bad.write_bytes(b"not a sync file at all")
    qtbot.waitUntil(lambda: status().startswith(bad.name + ": "), timeout=10_000)
    assert "not a PeerCoach sync file" in status()
    for _ in range(2):  # two more polls, each round done: still said
        with qtbot.waitSignal(folders.ticker.timeout, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
        assert status().startswith(bad.name + ": ")
    bad.unlink()
    qtbot.waitUntil(lambda: status().startswith("Synced with Ben "), timeout=10_000)

    # locked: the status bar names no one
    window.lock()
    assert status() == ""
