"""The Partner menu: invite, join, export for the partner, import (with a preview first)
and resolve conflicts. Every file and crypto step runs on the notebook worker; a busy
dialog shows while it works (Argon2id and large files take a moment)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QProgressDialog

from peercoach_desktop.core import pairing, sync
from peercoach_desktop.ui.dialogs import show_error, tell
from peercoach_desktop.ui.file_choice import choose_path
from peercoach_desktop.ui.partner_dialogs import (
    ConflictsDialog,
    ImportPreviewDialog,
    PairingPassphraseDialog,
    counts_text,
)

if TYPE_CHECKING:
    from peercoach_desktop.ui.main_window import MainWindow

SYNC_FILTER = "PeerCoach sync files (*.pcsync);;All files (*)"
INVITE_FILTER = "PeerCoach invitations (*.pcinvite);;All files (*)"
INVITE_TEXT = (
    "The invitation carries this partnership's shared notebook and its sync key, encrypted "
    "with a passphrase. Give your partner the file, and tell them the passphrase another way "
    "(in person or by phone), never in the same e-mail."
)


def _busy(window: MainWindow, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, window)  # no range: it moves until the job is done
    dialog.setObjectName("busy_dialog")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle("Please wait")
    return dialog


def _run(window: MainWindow, text: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
    busy = _busy(window, text)

    def finished(result: Any) -> None:
        busy.reset()
        done(result)

    def failed(error: BaseException) -> None:
        busy.reset()
        show_error(window, error)

    window.tasks.run(job, finished, failed)


def _tell(window: MainWindow, text: str) -> None:
    tell(window, text, "sync_message")


def _current(window: MainWindow) -> str | None:
    return window.access.partnership_id


# ----- pairing ------------------------------------------------------------------------------


def invite(window: MainWindow) -> None:
    pid = _current(window)
    if pid is None:
        return
    dialog = PairingPassphraseDialog("Invite your partner", INVITE_TEXT, confirm=True, parent=window)
    dialog.setObjectName("invite_dialog")
    window.invite_dialog = dialog

    def chosen() -> None:
        passphrase = dialog.passphrase.text()
        out = choose_path(
            window, "Save the invitation", INVITE_FILTER, save=True, suggested="partner.pcinvite"
        )
        if not out:
            return
        library = window.workspace.library
        _run(
            window,
            "Writing the invitation…",
            lambda: pairing.write_invitation(library, pid, passphrase, Path(out)),
            lambda _inv: _tell(
                window, f"Invitation saved to {out}. Your partner opens it with Partner ▸ Join."
            ),
        )

    dialog.accepted.connect(chosen)
    dialog.open()


def join(window: MainWindow) -> None:
    source = choose_path(window, "Open your partner's invitation", INVITE_FILTER, save=False)
    if not source:
        return
    dialog = PairingPassphraseDialog(
        "Join a partnership",
        "Type the pairing passphrase your partner told you.",
        confirm=False,
        parent=window,
    )
    dialog.setObjectName("join_dialog")
    window.join_dialog = dialog
    library = window.workspace.library

    def joined(result: pairing.Joined) -> None:
        from peercoach_desktop.ui.partnership_flow import NOT_SHOWN_WHILE_LOCKED, show_recovery_code

        def show() -> None:
            window.show_partnership(result.descriptor.partnership_id)
            if result.recovery_code:
                show_recovery_code(window, result.recovery_code)
            else:
                _tell(window, "This partnership was already here; it now uses the invitation's sync key.")

        window.when_unlocked(show, NOT_SHOWN_WHILE_LOCKED)

    def chosen() -> None:
        passphrase = dialog.passphrase.text()
        dialog.passphrase.clear()
        data = Path(source).read_bytes
        _run(window, "Opening the invitation…", lambda: pairing.join(library, data(), passphrase), joined)

    dialog.accepted.connect(chosen)
    dialog.open()


# ----- export and import --------------------------------------------------------------------


def export(window: MainWindow) -> None:
    pid = _current(window)
    if pid is None:
        return
    out = choose_path(
        window, "Export for your partner", SYNC_FILTER, save=True, suggested="for-partner.pcsync"
    )
    if not out:
        return
    workspace = window.workspace
    library = workspace.library

    def job() -> sync.ExportReport:
        store = workspace.store(pid)  # on the worker: the notebook as it is now
        key = sync.sync_key(library, library.resolve(pid), store)
        return sync.export_file(store, key, Path(out))

    _run(
        window,
        "Exporting…",
        job,
        lambda r: _tell(window, f"Exported {r.records} shared records to {out}. Private notes stay here."),
    )


def import_file(window: MainWindow, source: str | None = None) -> None:
    source = source or choose_path(window, "Import your partner's file", SYNC_FILTER, save=False)
    if not source:
        return
    path, workspace = Path(source), window.workspace
    library = workspace.library

    def preview() -> tuple[str, str, bytes, sync.ImportReport]:
        descriptor = sync.notebook_for_file(library, path)
        store = workspace.store(descriptor.partnership_id)
        key = sync.sync_key(library, descriptor, store)
        report = sync.preview_import(store, path, key)
        sender = store.partner().name if report.sender == store.partner().id else store.me().name
        return descriptor.partnership_id, sender, key, report

    def previewed(result: tuple[str, str, bytes, sync.ImportReport]) -> None:
        pid, sender, key, report = result
        dialog = ImportPreviewDialog(sender, report, window)
        dialog.setObjectName("import_preview_dialog")
        window.import_preview_dialog = dialog

        def apply() -> None:
            _run(
                window,
                "Importing…",
                lambda: sync.apply_import(workspace.store(pid), path, key),
                lambda r: _imported(window, pid, r),
            )

        dialog.accepted.connect(apply)
        dialog.open()

    _run(window, "Reading the file…", preview, previewed)


def _imported(window: MainWindow, pid: str, report: sync.ImportReport) -> None:
    if window.locked:
        return  # the import is in; the notebook shows after unlock
    window.show_partnership(pid)  # every view re-reads the notebook
    text = f"Imported: {counts_text(report)}."
    if report.counts.conflicted:
        text += " Partner ▸ Conflicts shows both versions of what you both changed."
    _tell(window, text)


# ----- conflicts ----------------------------------------------------------------------------


def conflicts(window: MainWindow) -> None:
    if window.access.partnership_id is None:
        return
    dialog = ConflictsDialog(window)
    dialog.setObjectName("conflicts_dialog")
    window.conflicts_dialog = dialog

    def refresh() -> None:
        window.access.run(sync.list_conflicts, dialog.show_conflicts)

    def resolve(record_id: str, keep: str) -> None:
        window.access.write(lambda s: sync.resolve_conflict(s, record_id, keep), lambda _r: refresh())

    dialog.resolve_requested.connect(resolve)
    dialog.finished.connect(lambda _code: window.reload_notebook())
    refresh()
    dialog.open()
