"""Partner ▸ Sync folder… in the real window, with a second laptop writing into a plain folder."""

from __future__ import annotations

from pathlib import Path

from helpers import files_containing, memory_library
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_driver import create_partnership, idle, note_rows

from peercoach_desktop.domain.model import Note
from peercoach_desktop.sync import exchange, file_names, pairing
from peercoach_desktop.sync.folder import FolderState, sync_round
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

PAIRING = "blue heron at dawn"


def test_the_window_keeps_a_partnership_in_step_through_a_folder(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    assert pid is not None
    window.tasks.run_and_wait(lambda: window.workspace.store(pid).add_note("Ana's private", private=True))
    invitation = tmp_path / "ben.pcinvite"
    pairing.write_invitation(library, pid, PAIRING, invitation)
    ben_library = memory_library(tmp_path / "ben")
    ben_descriptor = pairing.join(ben_library, invitation.read_bytes(), PAIRING).descriptor
    shared = tmp_path / "shared"
    shared.mkdir()
    me = window.tasks.run_and_wait(lambda: window.workspace.store(pid).me_id)
    ana_file = shared / file_names.sync_file_name(pid, me, library.resolve(pid).notebook_id)

    qtbot.waitUntil(lambda: window.findChild(QAction, "action_sync_folder") is not None)
    action = window.findChild(QAction, "action_sync_folder")
    set_next_path(str(shared))
    action.trigger()
    qtbot.waitUntil(ana_file.exists, timeout=10_000)
    assert files_containing(shared, "Ana's private") == []

    # Ben's laptop (headless here) takes Ana's file and writes his own into the folder
    with open_notebook(ben_library, ben_descriptor) as ben:
        ben.add_note("Ben's note from the folder")
        key = exchange.sync_key(ben_library, ben_descriptor, ben)
        sync_round(ben, key, ben_descriptor.notebook_id, shared, FolderState())
    # Ana's window notices, imports and shows it, and says so in its status line
    qtbot.waitUntil(lambda: "Ben's note from the folder" in note_rows(window), timeout=15_000)
    folders = window.sync_folders
    qtbot.waitUntil(lambda: folders.label is not None and "received" in folders.label.text(), timeout=10_000)

    # locking sends the last edit first; then locked means closed: nothing is read or written
    window.tasks.run_and_wait(lambda: window.workspace.store(pid).add_note("Ana's last words"))
    window.lock()
    idle(qtbot, window)
    before = ana_file.stat().st_mtime_ns
    window.sync_folders.run_round()
    assert window.tasks.pending == 0 and ana_file.stat().st_mtime_ns == before
    with open_notebook(ben_library, ben_descriptor) as ben:
        key = exchange.sync_key(ben_library, ben_descriptor, ben)
        sync_round(ben, key, ben_descriptor.notebook_id, shared, FolderState(), send=False)
        bodies = [n.body for n in ben.list(Note)]
    assert "Ana's last words" in bodies and "Ana's private" not in bodies
