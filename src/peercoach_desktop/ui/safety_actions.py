"""Notebook menu: back up now, and change the notebook's key (a new recovery code)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from peercoach_desktop.core import backup, rekey
from peercoach_desktop.ui.dialogs import show_error, tell
from peercoach_desktop.ui.file_choice import choose_path
from peercoach_desktop.ui.partnership_flow import NOT_SHOWN_WHILE_LOCKED, show_recovery_code
from peercoach_desktop.ui.session_widgets import ask_yes_no

if TYPE_CHECKING:
    from peercoach_desktop.ui.main_window import MainWindow

BACKUP_FILTER = "PeerCoach notebooks (*.pcnb);;All files (*)"
REKEY_QUESTION = (
    "Change this notebook's key? The notebook is re-encrypted with a new random key and you get "
    "a new recovery code: the old key and the old code stop opening it. Backups made before "
    "today still open only with the old code."
)


def _tell(window: MainWindow, text: str) -> None:
    tell(window, text, "safety_message")


def back_up_now(window: MainWindow) -> None:
    pid = window.access.partnership_id
    if pid is None:
        return
    out = choose_path(
        window, "Save an encrypted backup", BACKUP_FILTER, save=True, suggested="notebook-backup.pcnb"
    )
    if not out:
        return
    library = window.workspace.library

    def job() -> Path:
        return backup.backup_now(library, library.resolve(pid), Path(out))

    def done(path: Path) -> None:
        _tell(window, f"Backup saved to {path}. It is encrypted: your recovery code opens it on any laptop.")

    window.tasks.run(job, done, lambda error: show_error(window, error))


def change_key(window: MainWindow) -> None:
    pid = window.access.partnership_id
    if pid is None or not ask_yes_no(window, "Change the key", REKEY_QUESTION):
        return
    window.notebook.flush()  # the notebook closes for the rotation: typed words first
    workspace = window.workspace
    library = workspace.library

    def done(result: rekey.Rekeyed) -> None:
        def show() -> None:
            window.show_partnership(pid)
            show_recovery_code(window, result.recovery_code)
            if result.old_backups:
                old = len(result.old_backups)
                _tell(window, f"{old} older backup(s) still open only with the OLD recovery code.")

        window.when_unlocked(show, NOT_SHOWN_WHILE_LOCKED)

    window.tasks.run(
        lambda: workspace.reopen(pid, lambda descriptor: rekey.rekey(library, descriptor)),
        done,
        lambda error: show_error(window, error),
    )
