"""Creating a partnership and unlocking a passphrase notebook, from the main window.

Each flow is a dialog opened with open() (tests fill it in), a job on the worker, and
the window showing the result; a missing keyring turns into the offer of a passphrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peercoach_desktop.domain.errors import KeyringError
from peercoach_desktop.ui.infra.dialogs import (
    NewPartnershipDialog,
    PassphraseDialog,
    RecoveryCodeDialog,
    message_text,
    show_error,
)
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from peercoach_desktop.ui.infra.window_host import WindowHost
    from peercoach_desktop.vault.partnership_summary import PartnershipSummary


NOT_SHOWN_WHILE_LOCKED = QT_TRANSLATE_NOOP(
    "PartnershipFlow",
    "A notebook was created (or its key changed) while the window was locked, so its recovery "
    "code was not shown. Get a new one with Notebook ▸ Change the key.",
)


def ask_passphrase(window: WindowHost, partnership_id: str) -> None:
    dialog = PassphraseDialog(
        translate("PartnershipFlow", "Passphrase for notebook {id}:").format(id=partnership_id[:8]), window
    )
    window.dialogs.keep("passphrase_dialog", dialog)
    workspace = window.workspace

    def opened(summary: PartnershipSummary) -> None:
        window.when_unlocked(lambda: window.show_partnership(summary.partnership_id), "")

    def unlock() -> None:
        passphrase = dialog.passphrase.text()
        dialog.passphrase.clear()
        window.tasks.run(lambda: workspace.open_with_passphrase(partnership_id, passphrase), opened)

    dialog.accepted.connect(unlock)
    dialog.open()


def new_partnership(window: WindowHost, keyring_problem: str | None = None) -> None:
    dialog = NewPartnershipDialog(window, keyring_problem=keyring_problem)
    dialog.accepted.connect(
        lambda: _create(
            window, dialog.me.text(), dialog.partner.text(), dialog.title.text(), dialog.chosen_passphrase()
        )
    )
    window.dialogs.keep("new_partnership_dialog", dialog).open()


def show_recovery_code(window: WindowHost, code: str) -> RecoveryCodeDialog:
    dialog = window.dialogs.keep("recovery_code_dialog", RecoveryCodeDialog(code, window))
    dialog.open()
    return dialog


def _create(window: WindowHost, me: str, partner: str, title: str, passphrase: str | None) -> None:
    workspace = window.workspace
    library = workspace.library

    def job() -> tuple[str, str]:
        created = library.create(me, partner, title, passphrase=passphrase)
        workspace.add(created.store)
        return created.recovery_code, created.store.partnership_id

    def done(result: tuple[str, str]) -> None:
        code, partnership_id = result

        def show() -> None:
            window.show_partnership(partnership_id)
            show_recovery_code(window, code)

        window.when_unlocked(show, translate("PartnershipFlow", NOT_SHOWN_WHILE_LOCKED))

    def failed(error: BaseException) -> None:
        if isinstance(error, KeyringError):
            new_partnership(window, keyring_problem=message_text(error))  # offer the passphrase notebook
        else:
            show_error(window, error)

    window.tasks.run(job, done, failed)
