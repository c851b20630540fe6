"""Notebook menu: back up now, and change the notebook's key (a new recovery code)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from peercoach_desktop.ui.infra.dialogs import ask_choice, show_error, tell
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, plural, translate
from peercoach_desktop.ui.infra.widgets import named
from peercoach_desktop.ui.partners.partnership_flow import NOT_SHOWN_WHILE_LOCKED, show_recovery_code
from peercoach_desktop.ui.session.session_widgets import ask_yes_no
from peercoach_desktop.vault import backup, rekey, restore

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.window_host import NotebookHost

BACKUP_FILTER = QT_TRANSLATE_NOOP("SafetyActions", "PeerCoach notebooks (*.pcnb);;All files (*)")
ALREADY_HERE = QT_TRANSLATE_NOOP(
    "SafetyActions",
    "This backup is of a notebook that is already on this laptop. Nothing has been changed yet.",
)
RESTORE_CHOICES = QT_TRANSLATE_NOOP(
    "SafetyActions",
    "Replace: the notebook here becomes the backup; the one here is first kept, encrypted, in "
    "the data folder's backups/replaced.\nKeep both: the backup is restored beside it, as a "
    "separate notebook with its own ids.\nCancel: nothing is restored.",
)
RESTORED_WHILE_LOCKED = QT_TRANSLATE_NOOP(
    "SafetyActions", "A backup was restored while the window was locked."
)
REKEY_QUESTION = QT_TRANSLATE_NOOP(
    "SafetyActions",
    "Change this notebook's key? The notebook is re-encrypted with a new random key and you get "
    "a new recovery code: the old key and the old code stop opening it. Backups made before "
    "today still open only with the old code.",
)


def _tell(window: NotebookHost, text: str) -> None:
    window.dialogs.keep("safety_message", tell(window, text, "safety_message"))


def back_up_now(window: NotebookHost) -> None:
    pid = window.access.partnership_id
    if pid is None:
        return
    out = choose_path(
        window,
        translate("SafetyActions", "Save an encrypted backup"),
        translate("SafetyActions", BACKUP_FILTER),
        save=True,
        suggested="notebook-backup.pcnb",
    )
    if not out:
        return
    library = window.workspace.library

    def job() -> Path:
        return backup.backup_now(library, library.resolve(pid), Path(out))

    def done(path: Path) -> None:
        _tell(
            window,
            translate(
                "SafetyActions",
                "Backup saved to {path}. It is encrypted: your recovery code opens it on any laptop.",
            ).format(path=path),
        )

    window.tasks.run(job, done, lambda error: show_error(window, error))


def change_key(window: NotebookHost) -> None:
    pid = window.access.partnership_id
    if pid is None or not ask_yes_no(
        window, translate("SafetyActions", "Change the key"), translate("SafetyActions", REKEY_QUESTION)
    ):
        return
    window.notebook.flush()  # the notebook closes for the rotation: typed words first
    workspace = window.workspace
    library = workspace.library

    def done(result: rekey.Rekeyed) -> None:
        def show() -> None:
            window.show_partnership(pid)
            show_recovery_code(window, result.recovery_code)
            # Only now may the rotation forget it: had the app died before, the next open names it.
            window.tasks.run(lambda: rekey.code_shown(library, result.descriptor))
            if result.old_backups:
                old = len(result.old_backups)
                _tell(
                    window,
                    plural(
                        old,
                        translate(
                            "SafetyActions", "{n} older backup still opens only with the OLD recovery code."
                        ),
                        translate(
                            "SafetyActions", "{n} older backups still open only with the OLD recovery code."
                        ),
                    ),
                )

        window.when_unlocked(show, translate("PartnershipFlow", NOT_SHOWN_WHILE_LOCKED))

    window.tasks.run(
        lambda: workspace.reopen(pid, lambda descriptor: rekey.rekey(library, descriptor)),
        done,
        lambda error: show_error(window, error),
    )


class CodeDialog(QDialog):
    """The recovery code that opens a backup (the backup is its notebook's key, encrypted)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SafetyActions", "Restore a backup"))
        self.setMinimumWidth(520)
        self.code = named(QLineEdit(), "restore_code", translate("SafetyActions", "Recovery code"))
        self.code.setPlaceholderText(
            translate("SafetyActions", "XXXX-XXXX-… (as written down when the notebook was made)")
        )
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("SafetyActions", "The backup opens with its notebook's recovery code:"))
        )
        layout.addWidget(self.code)
        layout.addWidget(buttons)


def restore_backup(window: NotebookHost) -> None:
    source = choose_path(
        window,
        translate("SafetyActions", "Restore a backup"),
        translate("SafetyActions", BACKUP_FILTER),
        save=False,
    )
    if not source:
        return
    dialog = CodeDialog(window)
    window.dialogs.keep("restore_code_dialog", dialog)
    workspace = window.workspace
    library = workspace.library

    def attempt(code: str, how: str, here: str = "") -> None:
        def job() -> restore.Restored:
            if how != restore.REPLACE:
                return restore.restore(library, Path(source), code, conflict=how)
            workspace.close_one(here)  # its file is about to be replaced
            try:
                return restore.restore(library, Path(source), code, conflict=how)
            finally:
                workspace.open_all()  # the notebook (replaced, or not if that failed) opens again

        def failed(error: BaseException) -> None:
            if not isinstance(error, restore.RestoreConflictError):
                show_error(window, error)
            elif not window.locked:  # never a question over the lock screen: restore again later
                here = error.partnership_id
                question = ask_choice(
                    window,
                    translate("SafetyActions", ALREADY_HERE)
                    + "\n\n"
                    + translate("SafetyActions", RESTORE_CHOICES),
                    (
                        ("replace", translate("SafetyActions", "&Replace")),
                        ("both", translate("SafetyActions", "Keep &both")),
                        ("cancel", translate("SafetyActions", "Cancel")),
                    ),
                    lambda choice: chose(choice, here),
                )
                window.dialogs.keep("restore_choice", question)

        def chose(choice: str, here: str) -> None:
            if window.locked:
                return  # the lock closed the question; nothing was chosen
            if choice == "both":
                attempt(code, restore.BESIDE)
            elif choice == "replace":
                window.notebook.flush()  # typed words are saved before the file is replaced
                attempt(code, restore.REPLACE, here)

        def done(result: restore.Restored) -> None:
            window.when_unlocked(
                lambda: _restored(window, result), translate("SafetyActions", RESTORED_WHILE_LOCKED)
            )

        window.tasks.run(job, done, failed)

    def chosen() -> None:
        code = dialog.code.text()
        dialog.code.clear()
        attempt(code, restore.REFUSE)

    dialog.accepted.connect(chosen)
    dialog.open()


def _restored(window: NotebookHost, result: restore.Restored) -> None:
    window.show_partnership(result.descriptor.partnership_id)
    if result.how == restore.BESIDE:
        _tell(
            window,
            translate("SafetyActions", "Restored beside the notebook that was here, as “{title}”.").format(
                title=result.title
            ),
        )
    elif result.how == restore.REPLACE:
        _tell(
            window,
            translate(
                "SafetyActions", "Restored. The notebook it replaced is kept, encrypted, in {path}."
            ).format(path=result.replaced_copy),
        )
