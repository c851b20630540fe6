"""The Partner menu: invite, join, export for the partner, import (with a preview first)
and resolve conflicts. Every file and crypto step runs on the notebook worker; a busy
dialog shows while it works (Argon2id and large files take a moment)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QProgressDialog

from peercoach_desktop.domain.errors import WrongPassphraseError
from peercoach_desktop.sync import conflict_choice, exchange, file_names, pairing, sync_file
from peercoach_desktop.ui.infra.dialogs import message_text, show_error, tell
from peercoach_desktop.ui.infra.file_choice import choose_path
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, plural, translate
from peercoach_desktop.ui.partners.partner_dialogs import (
    ConflictsDialog,
    ImportPreviewDialog,
    PairingPassphraseDialog,
    counts_text,
)

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost

SYNC_FILTER = QT_TRANSLATE_NOOP("PartnerSync", "PeerCoach sync files (*.pcsync);;All files (*)")
INVITE_FILTER = QT_TRANSLATE_NOOP("PartnerSync", "PeerCoach invitations (*.pcinvite);;All files (*)")
INVITE_TEXT = QT_TRANSLATE_NOOP(
    "PartnerSync",
    "The invitation carries this partnership's shared notebook and its sync key, encrypted "
    "with a passphrase. Give your partner the file, and tell them the passphrase another way "
    "(in person or by phone), never in the same e-mail.",
)


def _busy(window: WindowHost, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, window)  # no range: it moves until the job is done
    dialog.setObjectName("busy_dialog")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle(translate("PartnerSync", "Please wait"))
    return dialog


def _run(
    window: WindowHost,
    text: str,
    job: Callable[[], Any],
    done: Callable[[Any], None],
    fail: Callable[[BaseException], None] | None = None,
) -> None:
    busy = _busy(window, text)

    def finished(result: Any) -> None:
        busy.reset()
        done(result)

    def failed(error: BaseException) -> None:
        busy.reset()
        (fail or (lambda e: show_error(window, e)))(error)

    window.tasks.run(job, finished, failed)


def _tell(window: WindowHost, text: str) -> None:
    window.dialogs.keep("sync_message", tell(window, text, "sync_message"))


def _current(window: WindowHost) -> str | None:
    return window.access.partnership_id


# ----- pairing ------------------------------------------------------------------------------


def invite(window: WindowHost) -> None:
    pid = _current(window)
    if pid is None:
        return
    dialog = PairingPassphraseDialog(
        translate("PartnerSync", "Invite your partner"),
        translate("PartnerSync", INVITE_TEXT),
        confirm=True,
        parent=window,
    )
    window.dialogs.keep("invite_dialog", dialog)

    def chosen() -> None:
        passphrase = dialog.passphrase.text()
        out = choose_path(
            window,
            translate("PartnerSync", "Save the invitation"),
            translate("PartnerSync", INVITE_FILTER),
            save=True,
            suggested="partner.pcinvite",
        )
        if not out:
            return
        library = window.workspace.library
        _run(
            window,
            translate("PartnerSync", "Writing the invitation…"),
            lambda: pairing.write_invitation(library, pid, passphrase, Path(out)),
            lambda _inv: _tell(
                window,
                translate(
                    "PartnerSync", "Invitation saved to {path}. Your partner opens it with Partner ▸ Join."
                ).format(path=out),
            ),
        )

    dialog.accepted.connect(chosen)
    dialog.open()


def join(window: WindowHost) -> None:
    source = choose_path(
        window,
        translate("PartnerSync", "Open your partner's invitation"),
        translate("PartnerSync", INVITE_FILTER),
        save=False,
    )
    if source:
        _ask_join_passphrase(window, Path(source))


def _ask_join_passphrase(window: WindowHost, source: Path, problem: str = "") -> None:
    """The pairing passphrase; asked again (with the reason) when it does not open the file."""
    dialog = PairingPassphraseDialog(
        translate("PartnerSync", "Join a partnership"),
        translate("PartnerSync", "Type the pairing passphrase your partner told you."),
        confirm=False,
        parent=window,
        problem=problem,
    )
    window.dialogs.keep("join_dialog", dialog)
    workspace = window.workspace

    def job(passphrase: str) -> pairing.Joined:
        data = pairing.read_file(source)  # bounded: a FIFO or /dev/zero is refused
        joined = pairing.join(workspace.library, data, passphrase)
        workspace.open_all()  # the new notebook is open before the window selects it
        return joined

    def joined(result: pairing.Joined) -> None:
        from peercoach_desktop.ui.partners.partnership_flow import NOT_SHOWN_WHILE_LOCKED, show_recovery_code

        def show() -> None:
            window.show_partnership(result.descriptor.partnership_id)
            if result.recovery_code:
                show_recovery_code(window, result.recovery_code)
            else:
                _tell(
                    window,
                    translate(
                        "PartnerSync",
                        "This partnership was already here; it now uses the invitation's sync key.",
                    ),
                )

        window.when_unlocked(show, translate("PartnershipFlow", NOT_SHOWN_WHILE_LOCKED))

    def failed(error: BaseException) -> None:
        if isinstance(error, WrongPassphraseError) and not window.locked:
            _ask_join_passphrase(window, source, message_text(error))
        else:
            show_error(window, error)

    def chosen() -> None:
        passphrase = dialog.passphrase.text()
        dialog.passphrase.clear()
        _run(
            window,
            translate("PartnerSync", "Opening the invitation…"),
            lambda: job(passphrase),
            joined,
            failed,
        )

    dialog.accepted.connect(chosen)
    dialog.open()


# ----- export and import --------------------------------------------------------------------


def export(window: WindowHost) -> None:
    pid = _current(window)
    if pid is None:
        return
    workspace = window.workspace
    library = workspace.library

    def own_name() -> str:  # on the worker: the store knows who we are
        store = workspace.store(pid)
        return file_names.sync_file_name(pid, store.me_id, library.resolve(pid).notebook_id)

    window.tasks.run(own_name, lambda name: _export_to(window, pid, name))


def _export_to(window: WindowHost, pid: str, name: str) -> None:
    out = choose_path(
        window,
        translate("PartnerSync", "Export for your partner"),
        translate("PartnerSync", SYNC_FILTER),
        save=True,
        suggested=name,
    )
    if not out:
        return
    workspace = window.workspace
    library = workspace.library

    def job() -> exchange.ExportReport:
        store = workspace.store(pid)  # on the worker: the notebook as it is now
        key = exchange.sync_key(library, library.resolve(pid), store)
        return exchange.export_file(store, key, Path(out))

    _run(
        window,
        translate("PartnerSync", "Exporting…"),
        job,
        lambda r: _tell(
            window,
            plural(
                r.records,
                translate("PartnerSync", "Exported {n} shared record to {path}. Private notes stay here."),
                translate("PartnerSync", "Exported {n} shared records to {path}. Private notes stay here."),
                path=out,
            ),
        ),
    )


def import_file(window: WindowHost, source: str | None = None) -> None:
    source = source or choose_path(
        window,
        translate("PartnerSync", "Import your partner's file"),
        translate("PartnerSync", SYNC_FILTER),
        save=False,
    )
    if not source:
        return
    path, workspace = Path(source), window.workspace
    library = workspace.library

    def preview() -> tuple[str, str, exchange.ReadFile, exchange.ImportReport]:
        data = sync_file.read_file(
            path
        )  # bounded; decrypted once: the import applies what the preview showed
        descriptor = exchange.notebook_for_data(library, data)
        store = workspace.store(descriptor.partnership_id)
        key = exchange.sync_key(library, descriptor, store)
        read = exchange.read_import(store, data, key)
        report = exchange.preview(store, read)
        sender = store.partner().name  # our own file was refused by read_import
        return descriptor.partnership_id, sender, read, report

    def previewed(result: tuple[str, str, exchange.ReadFile, exchange.ImportReport]) -> None:
        pid, sender, read, report = result
        dialog = ImportPreviewDialog(sender, report, window)
        window.dialogs.keep("import_preview_dialog", dialog)

        def apply() -> None:
            _run(
                window,
                translate("PartnerSync", "Importing…"),
                lambda: exchange.apply(workspace.store(pid), read),
                lambda r: _imported(window, pid, r),
            )

        dialog.accepted.connect(apply)
        dialog.open()

    _run(window, translate("PartnerSync", "Reading the file…"), preview, previewed)


def _imported(window: WindowHost, pid: str, report: exchange.ImportReport) -> None:
    if window.locked:
        return  # the import is in; the notebook shows after unlock
    window.show_partnership(pid)  # every view re-reads the notebook
    text = translate("PartnerSync", "Imported: {counts}.").format(counts=counts_text(report))
    if report.counts.conflicted:
        text += " " + translate(
            "PartnerSync", "Partner ▸ Conflicts shows both versions of what you both changed."
        )
    _tell(window, text)


# ----- conflicts ----------------------------------------------------------------------------


def conflicts(window: WindowHost) -> None:
    if window.access.partnership_id is None:
        return
    dialog = ConflictsDialog(window)
    window.dialogs.keep("conflicts_dialog", dialog)

    def refresh() -> None:
        window.access.run(
            lambda s: (conflict_choice.list_conflicts(s), conflict_choice.partner_has_synced(s)),
            lambda found: dialog.show_conflicts(*found),
        )

    def resolve(record_id: str, keep: str) -> None:
        window.access.write(
            lambda s: conflict_choice.resolve_conflict(s, record_id, keep), lambda _r: refresh()
        )

    dialog.resolve_requested.connect(resolve)
    dialog.finished.connect(lambda _code: window.reload_notebook())
    refresh()
    dialog.open()
